/*
 * parse.c - recursive-descent parser for the POSIX shell grammar subset
 * ipcsh supports (XCU 2.10): lists, and-or lists, pipelines, simple and
 * compound commands, redirections. Everything goes into one arena.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "parse.h"
#include "shell.h"

struct parser {
	struct lexer lx;
	struct token tok;
	int have;		/* tok holds an unconsumed lookahead */
	size_t last_end;	/* end of the last consumed token */
	struct arena *a;
	char *err;
	int depth;		/* compound commands we are inside */
	int here_strip;		/* the redirection being read is <<- */
	struct parser *up;	/* the parser whose $( this one reads */
	int lists;		/* parse_list calls we are inside */
	int first;		/* parse_buf_first: one line */
	int stopped;		/* ... and it did, at lx.pos */
	int open_list;		/* the text ended where a command of a
				 * compound command's list may begin */
	jmp_buf jb;		/* last: parser_enter clears what is above */
};

static struct cmd *parse_list(struct parser *p);
static struct parser *cur_parser;	/* the innermost parser running */
static struct cmd *parse_and_or(struct parser *p);
static struct cmd *parse_command(struct parser *p, int compound);
static void alias_peek(struct parser *p);

static struct token *
peek(struct parser *p)
{
	if (!p->have) {
		lex_next(&p->lx, &p->tok);
		p->have = 1;
	}
	return &p->tok;
}

static void
consume(struct parser *p)
{
	p->have = 0;
	p->last_end = p->tok.end;
}

static void __attribute__((noreturn))
incomplete(struct parser *p)
{
	longjmp(p->jb, PARSE_INCOMPLETE);
}

static void __attribute__((noreturn, format(printf, 2, 3)))
fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&p->err, fmt, ap) < 0)
		p->err = NULL;
	va_end(ap);
	longjmp(p->jb, PARSE_ERROR);
}

/* A syntax error at the current token (end of input: read more). */
static void __attribute__((noreturn))
unexpected(struct parser *p)
{
	struct token *t = peek(p);

	if (t->type == T_EOF || t->type == T_INCOMPLETE)
		incomplete(p);
	if (t->type == T_DEEP)
		fail(p, "nesting too deep (more than %d levels)", LEX_MAXDEPTH);
	if (t->type == T_BADSUBST)
		fail(p, "%s", t->text);
	if (t->type == T_WORD || t->type == T_IONUM)
		fail(p, "syntax error: unexpected `%s'", t->text);
	fail(p, "syntax error: unexpected %s%s%s",
	    t->type == T_NEWLINE ? "" : "`", lex_tokname(t->type),
	    t->type == T_NEWLINE ? "" : "'");
}

static void *
node(struct parser *p, size_t size, enum cmd_type type, int line)
{
	struct cmd *c = arena_alloc(p->a, size);

	c->type = type;
	c->line = line;
	c->arena = p->a;
	return c;
}

static int
is_word(struct parser *p, const char *kw)
{
	struct token *t = peek(p);

	return t->type == T_WORD && t->text[0] == kw[0] &&
	    strcmp(t->text, kw) == 0;
}

/*
 * Whether w may be a reserved word (XCU 2.4): only these characters begin
 * one, and most words end the test here, before any strcmp.
 */
static int
kw_start(const char *w)
{
	switch (w[0]) {
	case '!': case 'c': case 'd': case 'e': case 'f': case 'i':
	case 't': case 'u': case 'w': case '{': case '}':
		return 1;
	}
	return 0;
}

static void
expect_word(struct parser *p, const char *kw)
{
	if (!is_word(p, kw))
		unexpected(p);
	consume(p);
}

static void
linebreak(struct parser *p)
{
	while (peek(p)->type == T_NEWLINE)
		consume(p);
}

/* Reserved words and tokens that end a list (XCU 2.4). */
static int
at_list_end(struct parser *p)
{
	static const char *const ends[] = {
		"then", "else", "elif", "fi", "do", "done", "}", "esac",
	};
	struct token *t = peek(p);
	size_t i;

	if (t->type == T_EOF && p->lists > 1 && p->lx.frames == NULL)
		p->open_list = 1;
	if (t->type == T_EOF || t->type == T_RPAREN || t->type == T_DSEMI)
		return 1;
	if (t->type == T_INCOMPLETE)
		incomplete(p);
	if (t->type == T_DEEP || t->type == T_BADSUBST)
		unexpected(p);
	if (t->type != T_WORD || !kw_start(t->text))
		return 0;
	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
		if (strcmp(t->text, ends[i]) == 0)
			return 1;
	return 0;
}

int
parse_is_assign(const char *w)
{
	const char *s = w;

	if (!isalpha((unsigned char)*s) && *s != '_')
		return 0;
	while (isalnum((unsigned char)*s) || *s == '_')
		s++;
	return *s == '=';
}

static int
is_redir_op(enum tok_type t)
{
	return t == T_LT || t == T_GT || t == T_DGREAT || t == T_CLOBBER ||
	    t == T_LESSGREAT || t == T_LESSAND || t == T_GREATAND ||
	    t == T_DLESS || t == T_DLESSDASH;
}

/*
 * The here-document of <<word or <<-word (the operator is the token before
 * word): the delimiter is the word with quotes removed; the body comes
 * with the next newline.
 */
static struct heredoc *
heredoc_new(struct parser *p, const char *w)
{
	struct heredoc *h = arena_alloc(p->a, sizeof(*h));
	char *d = arena_alloc(p->a, strlen(w) + 1), *q = d;
	char quote = 0;

	for (; *w != '\0'; w++) {
		if (quote == '\'') {
			if (*w == '\'')
				quote = 0;
			else
				*q++ = *w;
		} else if (*w == '\'' && !quote) {
			quote = '\'';
			h->quoted = 1;
		} else if (*w == '"') {
			quote = quote ? 0 : '"';
			h->quoted = 1;
		} else if (*w == '\\' && w[1] != '\0' && (!quote ||
		    strchr("$`\"\\", w[1]) != NULL)) {
			*q++ = *++w;
			h->quoted = 1;
		} else {
			*q++ = *w;
		}
	}
	h->delim = d;
	h->strip = p->here_strip;
	lex_heredoc(&p->lx, h);
	return h;
}

/* [n]op word; the caller saw an IO number or an operator. */
static struct redir *
parse_redir(struct parser *p)
{
	struct redir *r = arena_alloc(p->a, sizeof(*r));
	struct token *t = peek(p);
	long fd = -1;

	if (t->type == T_IONUM) {
		fd = strtol(t->text, NULL, 10);
		if (fd > 1023 || strlen(t->text) > 4)
			fail(p, "%s: bad file descriptor number", t->text);
		consume(p);
		t = peek(p);
	}
	p->here_strip = t->type == T_DLESSDASH;
	switch (t->type) {
	case T_LT:	  r->type = R_IN; break;
	case T_GT:	  r->type = R_OUT; break;
	case T_DGREAT:	  r->type = R_APPEND; break;
	case T_CLOBBER:	  r->type = R_CLOBBER; break;
	case T_LESSGREAT: r->type = R_RDWR; break;
	case T_LESSAND:	  r->type = R_DUPIN; break;
	case T_GREATAND:  r->type = R_DUPOUT; break;
	case T_DLESS:
	case T_DLESSDASH:
		r->type = R_HEREDOC;
		break;
	default:
		unexpected(p);
	}
	consume(p);
	if (fd < 0)
		fd = (r->type == R_IN || r->type == R_RDWR ||
		    r->type == R_DUPIN || r->type == R_HEREDOC) ? 0 : 1;
	r->fd = (int)fd;
	t = peek(p);
	if (t->type != T_WORD && t->type != T_IONUM)
		unexpected(p);
	r->word = t->text;
	if (r->type == R_HEREDOC)
		r->here = heredoc_new(p, t->text);
	consume(p);
	return r;
}

/* Parses trailing redirections, appending to *tail. */
static void
parse_redirs(struct parser *p, struct redir ***tail)
{
	while (peek(p)->type == T_IONUM || is_redir_op(peek(p)->type)) {
		**tail = parse_redir(p);
		*tail = &(**tail)->next;
	}
}

/* Room for k pointers: powers of two, so that pushing is linear. */
static size_t
vec_cap(size_t k)
{
	size_t c = 4;

	while (c < k)
		c *= 2;
	return c;
}

/* Appends s to v (n long, NULL-terminated), growing it by doubling. */
static char **
vec_push(struct parser *p, char **v, int n, char *s)
{
	char **nv = v;

	if (v == NULL || vec_cap(n + 1) < (size_t)n + 2) {
		nv = arena_alloc(p->a, sizeof(char *) * vec_cap(n + 2));
		if (n > 0)
			memcpy(nv, v, sizeof(char *) * n);
	}
	nv[n] = s;
	nv[n + 1] = NULL;
	return nv;
}

/* NAME ( ) linebreak compound-command [redirections] (XCU 2.9.5) */
static struct cmd *
parse_func(struct parser *p, struct cmd_exec *e)
{
	struct cmd_func *f = node(p, sizeof(*f), CMD_FUNC, e->c.line);
	const char *s = e->argv[0];
	const struct builtin *b;

	consume(p);
	if (peek(p)->type != T_RPAREN)
		unexpected(p);
	if ((!isalpha((unsigned char)*s) && *s != '_') ||
	    ((b = builtin_find(s)) != NULL && (b->flags & BI_SPECIAL)))
		fail(p, "syntax error: Bad function name");
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			fail(p, "syntax error: Bad function name");
	consume(p);
	linebreak(p);
	f->name = e->argv[0];
	f->body = parse_command(p, 1);
	return &f->c;
}

static struct cmd *
parse_simple(struct parser *p)
{
	struct cmd_exec *e = node(p, sizeof(*e), CMD_EXEC, peek(p)->line);
	struct redir **tail = &e->redir;
	struct token *t;

	for (;;) {
		t = peek(p);
		if (t->type == T_IONUM || is_redir_op(t->type)) {
			*tail = parse_redir(p);
			tail = &(*tail)->next;
		} else if (t->type == T_WORD) {
			if (e->argc == 0 && parse_is_assign(t->text)) {
				e->assign = vec_push(p, e->assign, e->nassign++,
				    t->text);
				consume(p);
				continue;
			}
			if ((e->argc == 0 || t->alias_next) &&
			    lex_alias(&p->lx, t)) {
				p->have = 0;
				continue;
			}
			e->argv = vec_push(p, e->argv, e->argc++, t->text);
			consume(p);
			if (e->argc == 1 && e->nassign == 0 &&
			    e->redir == NULL && peek(p)->type == T_LPAREN)
				return parse_func(p, e);
		} else {
			break;
		}
	}
	if (e->argc == 0 && e->nassign == 0 && e->redir == NULL)
		unexpected(p);
	return &e->c;
}

/* A list that must not be empty, as inside if, while, { } and ( ). */
static struct cmd *
parse_body(struct parser *p)
{
	struct cmd *c = parse_list(p);

	if (c == NULL)
		unexpected(p);
	return c;
}

static struct cmd *
parse_if(struct parser *p, int line)
{
	struct cmd_if *c = node(p, sizeof(*c), CMD_IF, line);

	c->cond = parse_body(p);
	expect_word(p, "then");
	c->then = parse_body(p);
	if (is_word(p, "elif")) {
		consume(p);
		c->els = parse_if(p, peek(p)->line);
		return &c->c;
	}
	if (is_word(p, "else")) {
		consume(p);
		c->els = parse_body(p);
	}
	expect_word(p, "fi");
	return &c->c;
}

static struct cmd *
parse_loop(struct parser *p, enum cmd_type type, int line)
{
	struct cmd_loop *c = node(p, sizeof(*c), type, line);

	c->cond = parse_body(p);
	expect_word(p, "do");
	c->body = parse_body(p);
	expect_word(p, "done");
	return &c->c;
}

static struct cmd *
parse_for(struct parser *p, int line)
{
	struct cmd_for *c = node(p, sizeof(*c), CMD_FOR, line);
	struct token *t = peek(p);
	const char *s;

	if (t->type != T_WORD)
		unexpected(p);
	for (s = t->text; isalnum((unsigned char)*s) || *s == '_'; s++)
		;
	if (*s != '\0' || isdigit((unsigned char)t->text[0]))
		fail(p, "for: bad variable name `%s'", t->text);
	c->var = t->text;
	consume(p);
	linebreak(p);
	if (is_word(p, "in")) {
		consume(p);
		c->words = vec_push(p, NULL, 0, NULL);
		while (peek(p)->type == T_WORD) {
			c->words = vec_push(p, c->words, c->nwords++,
			    peek(p)->text);
			consume(p);
		}
		if (peek(p)->type != T_SEMI && peek(p)->type != T_NEWLINE)
			unexpected(p);
		consume(p);
	} else if (peek(p)->type == T_SEMI) {
		consume(p);
	}
	linebreak(p);
	expect_word(p, "do");
	c->body = parse_body(p);
	expect_word(p, "done");
	return &c->c;
}

/* One case item: [(] pattern [| pattern]... ) [list] [;;] */
static void
parse_case_item(struct parser *p, struct case_item *it)
{
	if (peek(p)->type == T_LPAREN)
		consume(p);
	for (;;) {
		if (peek(p)->type != T_WORD && peek(p)->type != T_IONUM)
			unexpected(p);
		it->pats = vec_push(p, it->pats, it->npat++, peek(p)->text);
		consume(p);
		if (peek(p)->type != T_PIPE)
			break;
		consume(p);
	}
	if (peek(p)->type != T_RPAREN)
		unexpected(p);
	consume(p);
	it->body = parse_list(p);
	if (peek(p)->type == T_DSEMI) {
		consume(p);
		linebreak(p);
	} else if (!is_word(p, "esac")) {
		unexpected(p);
	}
}

/* case WORD linebreak in linebreak [item]... esac (XCU 2.9.4.3) */
static struct cmd *
parse_case(struct parser *p, int line)
{
	struct cmd_case *c = node(p, sizeof(*c), CMD_CASE, line);
	struct case_item *v = NULL;
	int cap = 0;

	if (peek(p)->type != T_WORD)
		unexpected(p);
	c->word = peek(p)->text;
	consume(p);
	linebreak(p);
	expect_word(p, "in");
	linebreak(p);
	while (!is_word(p, "esac")) {
		if (c->nitems == cap) {
			struct case_item *nv;

			cap = cap ? cap * 2 : 4;
			nv = arena_alloc(p->a, sizeof(*nv) * cap);
			if (c->nitems > 0)
				memcpy(nv, v, sizeof(*nv) * c->nitems);
			v = nv;
		}
		parse_case_item(p, &v[c->nitems++]);
	}
	consume(p);
	c->items = v;
	return &c->c;
}

static struct cmd *
parse_compound(struct parser *p)
{
	struct token *t = peek(p);
	int line = t->line;
	struct cmd_back *b;

	if (t->type == T_LPAREN) {
		consume(p);
		b = node(p, sizeof(*b), CMD_SUBSHELL, line);
		b->cmd = parse_body(p);
		if (peek(p)->type != T_RPAREN)
			unexpected(p);
		consume(p);
		return &b->c;
	}
	if (t->type != T_WORD || !kw_start(t->text))
		return NULL;
	if (strcmp(t->text, "{") == 0) {
		consume(p);
		b = node(p, sizeof(*b), CMD_GROUP, line);
		b->cmd = parse_body(p);
		expect_word(p, "}");
		return &b->c;
	}
	if (strcmp(t->text, "if") == 0) {
		consume(p);
		return parse_if(p, line);
	}
	if (strcmp(t->text, "while") == 0 || strcmp(t->text, "until") == 0) {
		enum cmd_type type = t->text[0] == 'w' ? CMD_WHILE : CMD_UNTIL;

		consume(p);
		return parse_loop(p, type, line);
	}
	if (strcmp(t->text, "for") == 0) {
		consume(p);
		return parse_for(p, line);
	}
	if (strcmp(t->text, "case") == 0) {
		consume(p);
		return parse_case(p, line);
	}
	return NULL;
}

/* Words that are reserved where a command begins: never aliases. */
static int
is_reserved(const char *w)
{
	static const char *const words[] = {
		"!", "case", "do", "done", "elif", "else", "esac", "fi",
		"for", "if", "in", "then", "until", "while", "{", "}",
	};
	size_t i;

	if (!kw_start(w))
		return 0;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(w, words[i]) == 0)
			return 1;
	return 0;
}

/*
 * Where a command begins: the next word, when an alias, is replaced by
 * its value (and that value's first word too, XCU 2.3.1).
 */
static void
alias_peek(struct parser *p)
{
	if (!p->lx.aliases)
		return;
	while (peek(p)->type == T_WORD && !is_reserved(peek(p)->text) &&
	    lex_alias(&p->lx, peek(p)))
		p->have = 0;
}

/* compound: a function's body, which must be a compound command. */
static struct cmd *
parse_command(struct parser *p, int compound)
{
	struct cmd *c;
	struct cmd_redir *r;
	struct redir *head = NULL, **tail = &head;

	alias_peek(p);
	if (peek(p)->type == T_WORD && (at_list_end(p) || is_word(p, "in")))
		unexpected(p);
	if (++p->depth > LEX_MAXDEPTH)
		fail(p, "nesting too deep (more than %d levels)", LEX_MAXDEPTH);
	c = parse_compound(p);
	p->depth--;
	if (c == NULL && compound)
		unexpected(p);
	if (c == NULL)
		return parse_simple(p);
	parse_redirs(p, &tail);
	if (head == NULL)
		return c;
	r = node(p, sizeof(*r), CMD_REDIR, c->line);
	r->cmd = c;
	r->redir = head;
	return &r->c;
}

static struct cmd *
parse_pipeline(struct parser *p)
{
	int line = peek(p)->line;
	struct cmd_back *not = NULL;
	struct cmd_pipe *pp;
	struct cmd *c;

	if (is_word(p, "!")) {
		consume(p);
		not = node(p, sizeof(*not), CMD_NOT, line);
	}
	c = parse_command(p, 0);
	if (peek(p)->type == T_PIPE) {
		pp = node(p, sizeof(*pp), CMD_PIPE, line);
		pp->cmds = (struct cmd **)vec_push(p, NULL, 0, (char *)c);
		pp->n = 1;
		while (peek(p)->type == T_PIPE) {
			consume(p);
			linebreak(p);
			c = parse_command(p, 0);
			pp->cmds = (struct cmd **)vec_push(p,
			    (char **)pp->cmds, pp->n++, (char *)c);
		}
		c = &pp->c;
	}
	if (not != NULL) {
		not->cmd = c;
		c = &not->c;
	}
	return c;
}

static struct cmd *
parse_and_or(struct parser *p)
{
	size_t start = peek(p)->start;
	struct cmd *c = parse_pipeline(p);
	struct cmd_list *l;

	c->text = arena_strndup(p->a, p->lx.src + start, p->last_end - start);
	while (peek(p)->type == T_AND || peek(p)->type == T_OR) {
		enum cmd_type type = peek(p)->type == T_AND ? CMD_AND : CMD_OR;

		consume(p);
		linebreak(p);
		l = node(p, sizeof(*l), type, c->line);
		l->left = c;
		l->right = parse_pipeline(p);
		c = &l->c;
		c->text = arena_strndup(p->a, p->lx.src + start,
		    p->last_end - start);
	}
	return c;
}

static struct cmd *
make_back(struct parser *p, struct cmd *c)
{
	struct cmd_back *b = node(p, sizeof(*b), CMD_BACK, c->line);

	b->cmd = c;
	b->c.text = c->text;
	return &b->c;
}

/*
 * list: and_or ((; | & | newline) and_or)*, built right-nested so that
 * running it walks forward without deep recursion on the left.
 */
static struct cmd *
parse_list(struct parser *p)
{
	struct cmd *head = NULL, **tail = &head, *c;
	struct cmd_list *l;
	enum tok_type sep;

	p->lists++;
	linebreak(p);
	while (alias_peek(p), !at_list_end(p)) {
		c = parse_and_or(p);
		if (peek(p)->type == T_AMP)
			c = make_back(p, c);
		if (*tail == NULL) {
			*tail = c;
		} else {
			/* the last command becomes the left of a new node */
			l = node(p, sizeof(*l), CMD_LIST, (*tail)->line);
			l->left = *tail;
			l->right = c;
			*tail = &l->c;
			tail = &l->right;
		}
		sep = peek(p)->type;
		if (sep != T_SEMI && sep != T_AMP && sep != T_NEWLINE)
			break;
		consume(p);
		/* parse_buf_first: the first complete line is enough */
		if (p->first && p->lists == 1 && p->lx.frames == NULL &&
		    (sep == T_NEWLINE || peek(p)->type == T_NEWLINE)) {
			if (sep != T_NEWLINE)
				consume(p);
			p->stopped = 1;
			break;
		}
		linebreak(p);
	}
	p->lists--;
	return head;
}

/*
 * parser_enter: P reads LEN bytes of TEXT from line LINE, in a new arena,
 * and is the innermost parser running until parser_leave.
 */
static void
parser_enter(struct parser *p, const char *text, size_t len, int line)
{
	memset(p, 0, offsetof(struct parser, jb));
	p->a = arena_new();
	if (p->a == NULL)
		abort();
	lex_init(&p->lx, text, len, line, p->a);
	p->up = cur_parser;
	cur_parser = p;
}

/* parser_leave: the parser P nested in runs again; P's arena is freed. */
static void
parser_leave(struct parser *p)
{
	cur_parser = p->up;
	arena_free(p->a);
}

static enum parse_status
parse_text(const char *text, size_t len, int line, struct cmd **out,
    char **err, int at_eof, size_t *used, int *open_list)
{
	struct parser p;
	struct cmd *volatile c = NULL;
	int rc;

	*out = NULL;
	*err = NULL;
	parser_enter(&p, text, len, line);
	p.lx.at_eof = at_eof;
	p.first = used != NULL;
	rc = setjmp(p.jb);
	if (rc != 0) {
		parser_leave(&p);
		*err = p.err;
		if (rc == PARSE_ERROR && p.err == NULL)
			*err = strdup("syntax error");
		if (open_list != NULL)
			*open_list = rc == PARSE_INCOMPLETE && p.open_list;
		return rc;
	}
	c = parse_list(&p);
	if (!p.stopped && peek(&p)->type != T_EOF)
		unexpected(&p);
	if (used != NULL)
		*used = p.stopped ? p.lx.pos : len;
	cur_parser = p.up;
	if (c == NULL) {
		arena_free(p.a);
		return PARSE_OK;
	}
	*out = c;
	return PARSE_OK;
}

int
parse_check(const char *text, size_t len, char **err)
{
	struct cmd *c;

	switch (parse_text(text, len, 1, &c, err, 1, NULL, NULL)) {
	case PARSE_OK:
		cmd_free(c);
		return 0;
	case PARSE_INCOMPLETE:
		*err = strdup("syntax error: unexpected end of file in `...`");
		return -1;
	default:
		return -1;
	}
}

int
parse_subst(const char *s, size_t len, size_t *pos, int *lines, char **err)
{
	struct parser p;
	struct token *t;
	int rc;

	parser_enter(&p, s, len, 0);
	p.lx.pos = *pos;
	/* its commands nest inside the ones around it */
	p.depth = p.up != NULL ? p.up->depth + 1 : 1;
	if (p.depth > LEX_MAXDEPTH) {
		parser_leave(&p);
		if (asprintf(err, "nesting too deep (more than %d levels)",
		    LEX_MAXDEPTH) < 0)
			*err = NULL;
		return -3;
	}
	rc = setjmp(p.jb);
	if (rc != 0) {
		parser_leave(&p);
		if (rc == PARSE_INCOMPLETE) {
			free(p.err);
			return -1;
		}
		*err = p.err != NULL ? p.err : strdup("syntax error");
		return -3;
	}
	parse_list(&p);
	t = peek(&p);
	if (t->type != T_RPAREN || p.lx.frames != NULL)
		unexpected(&p);
	*pos = p.lx.pos;
	*lines += p.lx.line;
	parser_leave(&p);
	return 0;
}

enum parse_status
parse_buf(const char *text, size_t len, int line, struct cmd **out,
    char **err)
{
	return parse_text(text, len, line, out, err, 0, NULL, NULL);
}

enum parse_status
parse_buf_open(const char *text, size_t len, int line, struct cmd **out,
    char **err, int *open_list)
{
	*open_list = 0;
	return parse_text(text, len, line, out, err, 0, NULL, open_list);
}

int
parse_line_whole(const char *text, size_t len)
{
	struct cmd *c = NULL;
	char *err = NULL;
	enum parse_status r;

	r = parse_text(text, len, 1, &c, &err, 0, NULL, NULL);
	cmd_free(r == PARSE_OK ? c : NULL);
	free(err);
	return r == PARSE_OK;
}

enum parse_status
parse_buf_first(const char *text, size_t len, int line, int at_eof,
    struct cmd **out, char **err, size_t *used)
{
	return parse_text(text, len, line, out, err, at_eof, used, NULL);
}

enum parse_status
parse_buf_eof(const char *text, size_t len, int line, struct cmd **out,
    char **err)
{
	return parse_text(text, len, line, out, err, 1, NULL, NULL);
}

struct cmd *
parse_string(const char *text, size_t len, char **err)
{
	struct cmd *c;

	switch (parse_buf_eof(text, len, 1, &c, err)) {
	case PARSE_OK:
		return c;
	case PARSE_INCOMPLETE:
		*err = strdup("syntax error: unexpected end of file");
		return NULL;
	default:
		return NULL;
	}
}

void
cmd_free(struct cmd *c)
{
	if (c != NULL)
		arena_free(c->arena);
}

void
cmd_hold(struct cmd *c)
{
	arena_ref(c->arena);
}
