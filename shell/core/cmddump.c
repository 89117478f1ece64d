/*
 * cmddump.c - a parse tree as an S-expression ("(pipe (exec a) (exec
 * b))"): what the parser's unit tests and the fuzz target compare.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "parse.h"

static void dump(struct sbuf *b, const struct cmd *c);

static void
dump_words(struct sbuf *b, char **w, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		sbuf_putc(b, ' ');
		sbuf_putn(b, w[i], strlen(w[i]));
	}
}

static void
dump_redirs(struct sbuf *b, const struct redir *r)
{
	static const char *const ops[] = {
		"<", ">", ">>", ">|", "<>", "<&", ">&", "<<",
	};
	char num[16];

	for (; r != NULL; r = r->next) {
		snprintf(num, sizeof(num), " %d%s", r->fd, ops[r->type]);
		sbuf_putn(b, num, strlen(num));
		sbuf_putn(b, r->word, strlen(r->word));
		if (r->type == R_HEREDOC) {
			sbuf_putc(b, '[');
			sbuf_putn(b, r->here->body, strlen(r->here->body));
			sbuf_putc(b, ']');
		}
	}
}

/*
 * The nodes that are a tag and their subtrees, in order: where each node
 * kind keeps them (0 ends the list: a node's own header is at offset 0).
 */
static const struct {
	const char	*tag;
	size_t		 kid[3];
} tagged[] = {
	[CMD_LIST] = { "list", { offsetof(struct cmd_list, left),
	    offsetof(struct cmd_list, right) } },
	[CMD_AND] = { "and", { offsetof(struct cmd_list, left),
	    offsetof(struct cmd_list, right) } },
	[CMD_OR] = { "or", { offsetof(struct cmd_list, left),
	    offsetof(struct cmd_list, right) } },
	[CMD_BACK] = { "back", { offsetof(struct cmd_back, cmd) } },
	[CMD_NOT] = { "not", { offsetof(struct cmd_back, cmd) } },
	[CMD_SUBSHELL] = { "subshell", { offsetof(struct cmd_back, cmd) } },
	[CMD_GROUP] = { "group", { offsetof(struct cmd_back, cmd) } },
	[CMD_IF] = { "if", { offsetof(struct cmd_if, cond),
	    offsetof(struct cmd_if, then), offsetof(struct cmd_if, els) } },
	[CMD_WHILE] = { "while", { offsetof(struct cmd_loop, cond),
	    offsetof(struct cmd_loop, body) } },
	[CMD_UNTIL] = { "until", { offsetof(struct cmd_loop, cond),
	    offsetof(struct cmd_loop, body) } },
};

/* "(tag x y z)": a tagged node and those of its subtrees that are there. */
static void
dump_tag(struct sbuf *b, const struct cmd *c)
{
	const char *tag = tagged[c->type].tag;
	const struct cmd *x;
	int i;

	sbuf_putc(b, '(');
	sbuf_putn(b, tag, strlen(tag));
	for (i = 0; i < 3 && tagged[c->type].kid[i] != 0; i++) {
		x = *(const struct cmd *const *)(const void *)((const char *)c +
		    tagged[c->type].kid[i]);
		if (x != NULL) {
			sbuf_putc(b, ' ');
			dump(b, x);
		}
	}
	sbuf_putc(b, ')');
}

static void
dump(struct sbuf *b, const struct cmd *c)
{
	const struct cmd_exec *e;
	const struct cmd_for *f;
	const struct cmd_case *k;
	int i, j;

	switch (c->type) {
	case CMD_EXEC:
		e = (const struct cmd_exec *)c;
		sbuf_putn(b, "(exec", 5);
		dump_words(b, e->assign, e->nassign);
		dump_words(b, e->argv, e->argc);
		dump_redirs(b, e->redir);
		sbuf_putc(b, ')');
		break;
	case CMD_REDIR:
		sbuf_putn(b, "(redir ", 7);
		dump(b, ((const struct cmd_redir *)c)->cmd);
		dump_redirs(b, ((const struct cmd_redir *)c)->redir);
		sbuf_putc(b, ')');
		break;
	case CMD_PIPE:
		sbuf_putn(b, "(pipe", 5);
		for (i = 0; i < ((const struct cmd_pipe *)c)->n; i++) {
			sbuf_putc(b, ' ');
			dump(b, ((const struct cmd_pipe *)c)->cmds[i]);
		}
		sbuf_putc(b, ')');
		break;
	case CMD_LIST:
	case CMD_AND:
	case CMD_OR:
	case CMD_BACK:
	case CMD_NOT:
	case CMD_SUBSHELL:
	case CMD_GROUP:
	case CMD_IF:
	case CMD_WHILE:
	case CMD_UNTIL:
		dump_tag(b, c);
		break;
	case CMD_FOR:
		f = (const struct cmd_for *)c;
		sbuf_putn(b, "(for ", 5);
		sbuf_putn(b, f->var, strlen(f->var));
		if (f->words != NULL) {
			sbuf_putn(b, " in", 3);
			dump_words(b, f->words, f->nwords);
		}
		sbuf_putc(b, ' ');
		dump(b, f->body);
		sbuf_putc(b, ')');
		break;
	case CMD_FUNC:
		sbuf_putn(b, "(func ", 6);
		sbuf_putn(b, ((const struct cmd_func *)c)->name,
		    strlen(((const struct cmd_func *)c)->name));
		sbuf_putc(b, ' ');
		dump(b, ((const struct cmd_func *)c)->body);
		sbuf_putc(b, ')');
		break;
	case CMD_CASE:
		k = (const struct cmd_case *)c;
		sbuf_putn(b, "(case ", 6);
		sbuf_putn(b, k->word, strlen(k->word));
		for (i = 0; i < k->nitems; i++) {
			sbuf_putn(b, " (", 2);
			for (j = 0; j < k->items[i].npat; j++) {
				if (j > 0)
					sbuf_putc(b, '|');
				sbuf_putn(b, k->items[i].pats[j],
				    strlen(k->items[i].pats[j]));
			}
			if (k->items[i].body != NULL) {
				sbuf_putc(b, ' ');
				dump(b, k->items[i].body);
			}
			sbuf_putc(b, ')');
		}
		sbuf_putc(b, ')');
		break;
	}
}

char *
cmd_dump(const struct cmd *c)
{
	struct sbuf b = { NULL, 0, 0 };

	if (c == NULL)
		return strdup("()");
	dump(&b, c);
	return b.s;
}
