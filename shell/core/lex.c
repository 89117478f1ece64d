/*
 * lex.c - lexical analysis (POSIX XCU 2.3 Token Recognition) and the
 * arena allocator the parser's nodes and words live in.
 */
#include <stdlib.h>
#include <string.h>

#include "lex.h"

#define ARENA_CHUNK 4096

/* How deep $( ${ ` may nest inside a word before it is an error. */
static int skip_depth;
static char *subst_err;	/* parse_subst's message (T_BADSUBST) */

struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

struct arena {
	struct chunk *head;
	int refs;		/* holders beyond the first */
};

/*
 * Each line's parse makes an arena and frees it when the line has run:
 * a few freed chunks and arena heads are kept for the next ones instead
 * of going back to malloc (dash keeps its stack blocks the same way).
 */
#ifdef __SANITIZE_ADDRESS__
#define ARENA_SPARE 0	/* ASan must see a freed parse's memory as freed */
#else
#define ARENA_SPARE 4
#endif
static struct chunk *spare_chunks;	/* ARENA_CHUNK-sized, linked */
static int nspare_chunks;
static struct arena *spare_arena;

struct arena *
arena_new(void)
{
	struct arena *a = spare_arena;

	if (a == NULL)
		return calloc(1, sizeof(struct arena));
	spare_arena = NULL;
	a->head = NULL;
	a->refs = 0;
	return a;
}

/* size bytes, aligned, not cleared. */
static void *
arena_raw(struct arena *a, size_t size)
{
	struct chunk *c = a->head;
	size_t al = sizeof(max_align_t);
	void *p;

	size = (size + al - 1) / al * al;
	if (c == NULL || c->size - c->used < size) {
		size_t sz = size > ARENA_CHUNK ? size : ARENA_CHUNK;

		if (sz == ARENA_CHUNK && spare_chunks != NULL) {
			c = spare_chunks;
			spare_chunks = c->next;
			nspare_chunks--;
		} else if ((c = malloc(sizeof(*c) + sz)) == NULL) {
			abort();
		}
		c->size = sz;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	p = (char *)c->data + c->used;
	c->used += size;
	return p;
}

void *
arena_alloc(struct arena *a, size_t size)
{
	void *p = arena_raw(a, size);

	memset(p, 0, size);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_raw(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_free(struct arena *a)
{
	struct chunk *c, *next;

	if (a == NULL)
		return;
	if (a->refs > 0) {
		a->refs--;
		return;
	}
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		if (c->size == ARENA_CHUNK && nspare_chunks < ARENA_SPARE) {
			c->next = spare_chunks;
			spare_chunks = c;
			nspare_chunks++;
		} else {
			free(c);
		}
	}
	if (spare_arena == NULL && ARENA_SPARE > 0)
		spare_arena = a;
	else
		free(a);
}

void
arena_ref(struct arena *a)
{
	a->refs++;
}

void
sbuf_putc(struct sbuf *b, char c)
{
	if (b->n + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->s = realloc(b->s, b->cap);
		if (b->s == NULL)
			abort();
	}
	b->s[b->n++] = c;
	b->s[b->n] = '\0';
}

void
sbuf_putn(struct sbuf *b, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;

		while (cap < b->n + n + 1)
			cap *= 2;
		b->s = realloc(b->s, cap);
		if (b->s == NULL)
			abort();
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void
out_c(struct sbuf *out, char c)
{
	if (out != NULL)
		sbuf_putc(out, c);
}

/* Backslash-newline is removed wherever it is not quoted (XCU 2.2.1). */
static int
is_contline(const char *s, size_t len, size_t i)
{
	return i + 1 < len && s[i] == '\\' && s[i + 1] == '\n';
}

static int
skip_squote(const char *s, size_t len, size_t *pos, struct sbuf *out,
    int *lines)
{
	size_t i = *pos + 1;

	out_c(out, '\'');
	for (; i < len && s[i] != '\''; i++) {
		if (s[i] == '\n')
			(*lines)++;
		out_c(out, s[i]);
	}
	if (i >= len)
		return -1;
	out_c(out, '\'');
	*pos = i + 1;
	return 0;
}

/*
 * The commands of `...` (\\, \` and \$ unescaped) must parse: a syntax
 * error there is one of the word, as in dash. -1 with subst_err set.
 */
static int
bquote_check(const char *s, size_t n)
{
	struct sbuf b = { NULL, 0, 0 };
	size_t j;
	int rc;

	for (j = 0; j < n; j++) {
		if (s[j] == '\\' && j + 1 < n && strchr("\\`$", s[j + 1]))
			j++;
		sbuf_putc(&b, s[j]);
	}
	free(subst_err);
	subst_err = NULL;
	rc = parse_check(b.s != NULL ? b.s : "", b.n, &subst_err);
	free(b.s);
	return rc;
}

typedef int skip_fn(const char *, size_t, size_t *, struct sbuf *, int *);

/* skip one level deeper: -2 when that is past LEX_MAXDEPTH levels. */
static int
skip_deeper(skip_fn *skip, const char *s, size_t len, size_t *pos,
    struct sbuf *out, int *lines)
{
	int rc;

	if (skip_depth >= LEX_MAXDEPTH)
		return -2;
	skip_depth++;
	rc = skip(s, len, pos, out, lines);
	skip_depth--;
	return rc;
}

/*
 * "..." or `...` from *pos, its quotes: a backslash escapes the next byte,
 * backslash-newline goes; inside "...", $ and `...` are read whole.
 */
static int
skip_quoted(const char *s, size_t len, size_t *pos, struct sbuf *out,
    int *lines)
{
	char q = s[*pos];
	size_t i = *pos + 1;
	int rc = 0;

	out_c(out, q);
	while (i < len && s[i] != q) {
		if (is_contline(s, len, i)) {
			i += 2;
			(*lines)++;
		} else if (s[i] == '\\') {
			if (i + 1 >= len)
				return -1;
			out_c(out, s[i]);
			out_c(out, s[i + 1]);
			i += 2;
		} else if (q == '"' && s[i] == '$') {
			rc = lex_skip_dollar(s, len, &i, out, lines);
		} else if (q == '"' && s[i] == '`') {
			rc = skip_quoted(s, len, &i, out, lines);
		} else {
			if (s[i] == '\n')
				(*lines)++;
			out_c(out, s[i++]);
		}
		if (rc < 0)
			return rc;
	}
	if (i >= len)
		return -1;
	if (q == '`' && bquote_check(s + *pos + 1, i - *pos - 1) < 0)
		return -3;
	out_c(out, q);
	*pos = i + 1;
	return 0;
}

int
lex_skip_quote(const char *s, size_t len, size_t *pos, struct sbuf *out,
    int *lines)
{
	size_t i = *pos;

	switch (s[i]) {
	case '\'':
		return skip_squote(s, len, pos, out, lines);
	case '"':
		return skip_deeper(skip_quoted, s, len, pos, out, lines);
	case '`':
		return skip_quoted(s, len, pos, out, lines);
	case '\\':
		if (i + 1 >= len || (s[i + 1] == '\n' && i + 2 >= len))
			return -1;
		if (s[i + 1] == '\n') {
			(*lines)++;
		} else {
			out_c(out, '\\');
			out_c(out, s[i + 1]);
		}
		*pos = i + 2;
		return 0;
	}
	out_c(out, s[i]);
	*pos = i + 1;
	return 0;
}

/*
 * The body of $(...) up to its closing parenthesis, counting the
 * parentheses of subshells and $((...)) inside and skipping quotes.
 */
static int
skip_paren(const char *s, size_t len, size_t *pos, struct sbuf *out,
    int *lines)
{
	size_t i = *pos;
	int depth = 1;
	char prev = '(';

	while (i < len) {
		char c = s[i];

		if (c == '#' && strchr(" \t\n;&|(", prev) != NULL) {
			/* a comment: its parentheses do not count */
			while (i < len && s[i] != '\n')
				out_c(out, s[i++]);
			continue;
		}
		prev = c;
		if (c == '\'' || c == '"' || c == '`' || c == '\\') {
			int rc = lex_skip_quote(s, len, &i, out, lines);

			if (rc < 0)
				return rc;
			continue;
		}
		if (c == '$') {
			int rc = lex_skip_dollar(s, len, &i, out, lines);

			if (rc < 0)
				return rc;
			continue;
		}
		if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0)
			break;
		else if (c == '\n')
			(*lines)++;
		out_c(out, c);
		i++;
	}
	if (i >= len)
		return -1;
	out_c(out, ')');
	*pos = i + 1;
	return 0;
}

static int
skip_brace(const char *s, size_t len, size_t *pos, struct sbuf *out,
    int *lines)
{
	size_t i = *pos;

	while (i < len && s[i] != '}') {
		char c = s[i];

		int rc = 0;

		if (c == '\'' || c == '"' || c == '`' || c == '\\') {
			rc = lex_skip_quote(s, len, &i, out, lines);
		} else if (c == '$') {
			rc = lex_skip_dollar(s, len, &i, out, lines);
		} else {
			if (c == '\n')
				(*lines)++;
			out_c(out, c);
			i++;
		}
		if (rc < 0)
			return rc;
	}
	if (i >= len)
		return -1;
	out_c(out, '}');
	*pos = i + 1;
	return 0;
}

static int skip_dollar(const char *s, size_t len, size_t *pos,
    struct sbuf *out, int *lines);

int
lex_skip_dollar(const char *s, size_t len, size_t *pos, struct sbuf *out,
    int *lines)
{
	return skip_deeper(skip_dollar, s, len, pos, out, lines);
}

static int
skip_dollar(const char *s, size_t len, size_t *pos, struct sbuf *out,
    int *lines)
{
	size_t i = *pos + 1;

	while (is_contline(s, len, i)) {
		i += 2;
		(*lines)++;
	}
	if (i + 1 == len && s[i] == '\\')
		return -1;	/* $\ then the end: the name may follow */
	if (i >= len && i > *pos + 1)
		return -1;
	out_c(out, '$');
	if (i < len && s[i] == '(' && (i + 1 >= len || s[i + 1] != '(')) {
		size_t from = i + 1;
		int rc;

		*pos = from;
		free(subst_err);
		subst_err = NULL;
		rc = parse_subst(s, len, pos, lines, &subst_err);
		if (rc == 0 && out != NULL) {
			out_c(out, '(');
			sbuf_putn(out, s + from, *pos - from);
		}
		return rc;
	}
	if (i < len && s[i] == '(') {
		out_c(out, '(');
		*pos = i + 1;
		return skip_paren(s, len, pos, out, lines);
	}
	if (i < len && s[i] == '{') {
		out_c(out, '{');
		*pos = i + 1;
		return skip_brace(s, len, pos, out, lines);
	}
	*pos = i;
	return 0;
}

/*
 * Character classes of the lexer's hot loop, one table lookup a byte:
 * CH_META ends a word (blanks and operator characters, XCU 2.3), CH_QUOTE
 * starts a quote or substitution (the word then takes the slow path).
 */
#define CH_META		0x1
#define CH_QUOTE	0x2
static const unsigned char ch_class[256] = {
	[' '] = CH_META, ['\t'] = CH_META, ['\n'] = CH_META, [';'] = CH_META,
	['&'] = CH_META, ['|'] = CH_META, ['<'] = CH_META, ['>'] = CH_META,
	['('] = CH_META, [')'] = CH_META,
	['\''] = CH_QUOTE, ['"'] = CH_QUOTE, ['`'] = CH_QUOTE,
	['\\'] = CH_QUOTE, ['$'] = CH_QUOTE,
};

static int
is_meta(char c)
{
	return ch_class[(unsigned char)c] & CH_META;
}

void
lex_init(struct lexer *lx, const char *s, size_t len, int line,
    struct arena *a)
{
	lx->s = s;
	lx->len = len;
	lx->pos = 0;
	lx->line = line;
	lx->arena = a;
	lx->frames = NULL;
	lx->src = s;
	lx->srclen = len;
	lx->alias_blank = lx->at_eof = 0;
	/* an alias defined now takes effect after this text has run */
	lx->aliases = alias_any();
	lx->hd_head = NULL;
	lx->hd_tail = &lx->hd_head;
}

/* The operators, each before the shorter ones it begins with. */
static const struct {
	const char *op;
	enum tok_type type;
} ops[] = {
	{ "<<-", T_DLESSDASH }, { "&&", T_AND }, { "||", T_OR },
	{ ";;", T_DSEMI }, { "<<", T_DLESS }, { ">>", T_DGREAT },
	{ "<&", T_LESSAND }, { ">&", T_GREATAND }, { "<>", T_LESSGREAT },
	{ ">|", T_CLOBBER }, { ";", T_SEMI }, { "&", T_AMP }, { "|", T_PIPE },
	{ "(", T_LPAREN }, { ")", T_RPAREN }, { "<", T_LT }, { ">", T_GT },
	{ "\n", T_NEWLINE },
};

const char *
lex_tokname(enum tok_type type)
{
	size_t i;

	if (type == T_EOF || type == T_INCOMPLETE)
		return "end of file";
	if (type == T_NEWLINE)
		return "newline";
	if (type == T_DEEP || type == T_BADSUBST)
		return "nesting";
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (ops[i].type == type)
			return ops[i].op;
	return "word";
}

/*
 * Skips blanks, backslash-newlines and a comment. Returns -1 when the
 * text ends with a backslash-newline (more input is needed).
 */
static int
skip_blanks(struct lexer *lx)
{
	const char *s = lx->s;

	for (;;) {
		if (lx->pos < lx->len && (s[lx->pos] == ' ' ||
		    s[lx->pos] == '\t')) {
			lx->pos++;
		} else if (is_contline(s, lx->len, lx->pos)) {
			if (lx->pos + 2 >= lx->len)
				return -1;	/* the line goes on: read more */
			lx->pos += 2;
			lx->line++;
		} else if (lx->pos < lx->len && s[lx->pos] == '#') {
			while (lx->pos < lx->len && s[lx->pos] != '\n')
				lx->pos++;
		} else {
			return 0;
		}
	}
}

static enum tok_type
lex_word(struct lexer *lx, struct token *t)
{
	struct sbuf b = { NULL, 0, 0 };
	const char *s = lx->s;
	size_t i = lx->pos;
	int lines = 0, digits = 1, rc = 0;

	/* most words have no quote and no substitution: copied as they are */
	while (i < lx->len && ch_class[(unsigned char)s[i]] == 0)
		i++;
	if (i > lx->pos && (i >= lx->len || is_meta(s[i]))) {
		t->type = T_WORD;
		if (i < lx->len && (s[i] == '<' || s[i] == '>')) {
			/* digits only before < or >: an IO number */
			size_t k;

			for (k = lx->pos; k < i && s[k] >= '0' &&
			    s[k] <= '9'; k++)
				;
			if (k == i)
				t->type = T_IONUM;
		}
		t->text = arena_strndup(lx->arena, s + lx->pos, i - lx->pos);
		lx->pos = i;
		t->end = lx->frames == NULL ? i : t->start;
		return t->type;
	}
	i = lx->pos;
	digits = 1;
	while (i < lx->len && !is_meta(s[i])) {
		char c = s[i];

		if (c < '0' || c > '9')
			digits = 0;
		if (c == '\'' || c == '"' || c == '`' || c == '\\')
			rc = lex_skip_quote(s, lx->len, &i, &b, &lines);
		else if (c == '$')
			rc = lex_skip_dollar(s, lx->len, &i, &b, &lines);
		else {
			sbuf_putc(&b, c);
			i++;
		}
		if (rc < 0)
			goto incomplete;
	}
	if (b.n == 0) {
		/* only backslash-newlines: not a word after all */
		lx->pos = i;
		lx->line += lines;
		free(b.s);
		return lex_next(lx, t);
	}
	t->type = T_WORD;
	if (digits && i < lx->len && (s[i] == '<' || s[i] == '>'))
		t->type = T_IONUM;
	t->text = arena_strndup(lx->arena, b.s, b.n);
	free(b.s);
	lx->pos = i;
	lx->line += lines;
	t->end = lx->frames == NULL ? i : t->start;
	return t->type;
incomplete:
	free(b.s);
	lx->pos = lx->len;
	t->type = rc == -2 ? T_DEEP : rc == -3 ? T_BADSUBST : T_INCOMPLETE;
	if (rc == -3) {
		t->text = arena_strndup(lx->arena, subst_err ? subst_err :
		    "syntax error", subst_err ? strlen(subst_err) : 12);
		free(subst_err);
		subst_err = NULL;
	}
	t->end = lx->len;
	return t->type;
}

/* The position in the source itself, below any alias text. */
static size_t
src_pos(const struct lexer *lx)
{
	const struct lexframe *f = lx->frames;

	if (f == NULL)
		return lx->pos;
	while (f->up != NULL)
		f = f->up;
	return f->pos;
}

/* The end of an alias's text: back to what was being read. */
static void
pop_frame(struct lexer *lx)
{
	struct lexframe *f = lx->frames;

	if (lx->len > 0 && (lx->s[lx->len - 1] == ' ' ||
	    lx->s[lx->len - 1] == '\t'))
		lx->alias_blank = 1;
	lx->s = f->s;
	lx->len = f->len;
	lx->pos = f->pos;
	lx->frames = f->up;
}

int
lex_alias(struct lexer *lx, const struct token *t)
{
	const struct lexframe *f;
	struct lexframe *nf;
	const char *v;

	if (!lx->aliases || t->type != T_WORD)
		return 0;
	/* the table holds valid names only: most words end at the lookup */
	v = alias_get(t->text);
	if (v == NULL || !alias_valid_name(t->text, strlen(t->text)))
		return 0;
	for (f = lx->frames; f != NULL; f = f->up)
		if (strcmp(f->alias, t->text) == 0)
			return 0;	/* no recursion (XCU 2.3.1) */
	nf = arena_alloc(lx->arena, sizeof(*nf));
	nf->s = lx->s;
	nf->len = lx->len;
	nf->pos = lx->pos;
	nf->alias = arena_strndup(lx->arena, t->text, strlen(t->text));
	nf->up = lx->frames;
	/* a copy: the alias may change while the tree lives */
	lx->s = arena_strndup(lx->arena, v, strlen(v));
	lx->len = strlen(v);
	lx->pos = 0;
	lx->frames = nf;
	lx->alias_blank = 0;
	return 1;
}

void
lex_heredoc(struct lexer *lx, struct heredoc *h)
{
	h->next = NULL;
	*lx->hd_tail = h;
	lx->hd_tail = &h->next;
}

/*
 * After a newline in the source: the bodies of the here-documents queued
 * on its line, each up to its delimiter line. Returns -1 when the text
 * ends first and more may come.
 */
static int
read_bodies(struct lexer *lx)
{
	const char *s = lx->s;
	struct heredoc *h;
	size_t pos = lx->pos, eol, st;
	int lines = 0;

	for (h = lx->hd_head; h != NULL; h = h->next) {
		struct sbuf b = { NULL, 0, 0 };
		size_t dl = strlen(h->delim);

		for (;;) {
			if (pos >= lx->len) {
				if (!lx->at_eof) {
					free(b.s);
					return -1;
				}
				break;
			}
			for (eol = pos; eol < lx->len && s[eol] != '\n'; eol++)
				;
			st = pos;
			if (h->strip)
				while (st < eol && s[st] == '\t')
					st++;
			lines++;
			if (eol - st == dl && memcmp(s + st, h->delim, dl) == 0) {
				pos = eol < lx->len ? eol + 1 : eol;
				break;
			}
			sbuf_putn(&b, s + st, eol - st);
			if (eol < lx->len)
				sbuf_putc(&b, '\n');
			pos = eol < lx->len ? eol + 1 : eol;
		}
		h->body = arena_strndup(lx->arena, b.s ? b.s : "", b.n);
		free(b.s);
	}
	lx->pos = pos;
	lx->line += lines;
	lx->hd_head = NULL;
	lx->hd_tail = &lx->hd_head;
	return 0;
}

/*
 * The operator the n characters c begin with, the longest one (the same
 * choice as the ops table, which lists the longer spellings first): its
 * length, 0 when c begins none, and *type. One switch on the first
 * character: a newline, the most common operator, costs no scan of the
 * table.
 */
static size_t
op_match(const char *c, size_t n, enum tok_type *type)
{
	char c1 = n > 1 ? c[1] : 0;

	switch (c[0]) {
	case '\n':
		*type = T_NEWLINE;
		return 1;
	case ';':
		*type = c1 == ';' ? T_DSEMI : T_SEMI;
		return c1 == ';' ? 2 : 1;
	case '&':
		*type = c1 == '&' ? T_AND : T_AMP;
		return c1 == '&' ? 2 : 1;
	case '|':
		*type = c1 == '|' ? T_OR : T_PIPE;
		return c1 == '|' ? 2 : 1;
	case '(':
		*type = T_LPAREN;
		return 1;
	case ')':
		*type = T_RPAREN;
		return 1;
	case '<':
		switch (c1) {
		case '<':
			if (n > 2 && c[2] == '-') {
				*type = T_DLESSDASH;
				return 3;
			}
			*type = T_DLESS;
			return 2;
		case '&':
			*type = T_LESSAND;
			return 2;
		case '>':
			*type = T_LESSGREAT;
			return 2;
		}
		*type = T_LT;
		return 1;
	case '>':
		switch (c1) {
		case '>':
			*type = T_DGREAT;
			return 2;
		case '&':
			*type = T_GREATAND;
			return 2;
		case '|':
			*type = T_CLOBBER;
			return 2;
		}
		*type = T_GT;
		return 1;
	}
	return 0;
}

/* An operator at lx->pos (its first character is CH_META), or a word. */
static enum tok_type
lex_op(struct lexer *lx, struct token *t)
{
	size_t i, k, p, n, end[3] = { 0, 0, 0 };
	int nl[3] = { 0, 0, 0 };
	char c[3] = { 0, 0, 0 };

	/* the operator's characters, backslash-newlines between them skipped */
	for (n = 0, p = lx->pos; n < 3 && p < lx->len; ) {
		c[n] = lx->s[p];
		end[n++] = ++p;
		if (c[0] != '&' && c[0] != '|' && c[0] != ';' &&
		    c[0] != '<' && c[0] != '>')
			break;	/* only these begin operators of 2 or 3 */
		while (is_contline(lx->s, lx->len, p)) {
			p += 2;
			nl[n - 1]++;
		}
		if (p >= lx->len && nl[n - 1] > 0 &&
		    (n == 1 || (n == 2 && c[0] == '<' && c[1] == '<'))) {
			t->type = T_INCOMPLETE;	/* the operator may go on */
			return T_INCOMPLETE;
		}
	}
	k = op_match(c, n, &t->type);
	if (k == 0)
		return lex_word(lx, t);
	lx->pos = end[k - 1];
	for (i = 0; i + 1 < k; i++)
		lx->line += nl[i];
	if (t->type == T_NEWLINE)
		lx->line++;
	t->end = src_pos(lx);
	if (t->type == T_NEWLINE && lx->hd_head != NULL &&
	    lx->frames == NULL && read_bodies(lx) < 0)
		t->type = T_INCOMPLETE;
	return t->type;
}

enum tok_type
lex_next(struct lexer *lx, struct token *t)
{
	t->text = NULL;
	t->alias_next = 0;
again:
	if (skip_blanks(lx) < 0) {
		t->start = t->end = src_pos(lx);
		t->type = T_INCOMPLETE;
		return T_INCOMPLETE;
	}
	if (lx->pos >= lx->len && lx->frames != NULL) {
		pop_frame(lx);
		goto again;
	}
	t->alias_next = lx->alias_blank;
	lx->alias_blank = 0;
	t->start = src_pos(lx);
	t->line = lx->line;
	if (lx->pos >= lx->len) {
		t->end = lx->pos;
		t->type = T_EOF;
		if (lx->hd_head != NULL) {
			if (!lx->at_eof)
				t->type = T_INCOMPLETE;
			else
				read_bodies(lx);
		}
		return t->type;
	}
	/* blanks and comments are behind us: no operator begins otherwise */
	if (!(ch_class[(unsigned char)lx->s[lx->pos]] & CH_META))
		return lex_word(lx, t);
	return lex_op(lx, t);
}
