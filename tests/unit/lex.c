/*
 * lex.c - unit tests of the lexer: each row is a text and the tokens it
 * must give, written as WORD(text), IO(n), operators, NL, EOF or MORE.
 */
#include <stdlib.h>

#include "core/lex.h"
#include "unit.h"

static const struct unit_row rows[] = {
	{ "simple", "echo hi", "W(echo) W(hi) EOF" },
	{ "blanks", "  echo\t\thi  ", "W(echo) W(hi) EOF" },
	{ "pipe", "a|b", "W(a) | W(b) EOF" },
	{ "andor", "a&&b||c", "W(a) && W(b) || W(c) EOF" },
	{ "semi-amp", "a;b&", "W(a) ; W(b) & EOF" },
	{ "newline", "a\nb", "W(a) NL W(b) EOF" },
	{ "comment", "echo a # b c\nd", "W(echo) W(a) NL W(d) EOF" },
	{ "hash-in-word", "echo a#b", "W(echo) W(a#b) EOF" },
	{ "squote", "echo 'a b;c'", "W(echo) W('a b;c') EOF" },
	{ "dquote", "echo \"a $b `c`\"", "W(echo) W(\"a $b `c`\") EOF" },
	{ "backslash", "echo a\\ b", "W(echo) W(a\\ b) EOF" },
	{ "continuation", "ec\\\nho x", "W(echo) W(x) EOF" },
	{ "continuation-end", "echo x \\\n", "W(echo) W(x) MORE" },
	{ "cmdsub", "echo $(a | b) c", "W(echo) W($(a | b)) W(c) EOF" },
	{ "cmdsub-nested", "x=$(a $(b) \")\")", "W(x=$(a $(b) \")\")) EOF" },
	{ "arith", "echo $((1 + (2*3)))", "W(echo) W($((1 + (2*3)))) EOF" },
	{ "brace", "echo ${a:-b c}d", "W(echo) W(${a:-b c}d) EOF" },
	{ "brace-quote", "echo ${a:-\"}\"}", "W(echo) W(${a:-\"}\"}) EOF" },
	{ "io-number", "cmd 2>f 3<&0", "W(cmd) IO(2) > W(f) IO(3) <& W(0) EOF" },
	{ "not-io-number", "cmd a2>f", "W(cmd) W(a2) > W(f) EOF" },
	{ "redir-ops", "a >>f >|g <>h >&2 <&-", "W(a) >> W(f) >| W(g) <> W(h) >& W(2) <& W(-) EOF" },
	{ "heredoc-op", "cat <<EOF", "W(cat) << W(EOF) EOF" },
	{ "parens", "(a)", "( W(a) ) EOF" },
	{ "dsemi", "a;;b", "W(a) ;; W(b) EOF" },
	{ "open-squote", "echo 'abc", "W(echo) MORE" },
	{ "open-dquote", "echo \"abc", "W(echo) MORE" },
	{ "open-cmdsub", "echo $(abc", "W(echo) MORE" },
	{ "open-backquote", "echo `abc", "W(echo) MORE" },
	{ "empty", "", "EOF" },
	{ "op-continuation", "a &\\\n& b", "W(a) && W(b) EOF" },
	{ "op-continuation-end", "a &\\\n", "W(a) MORE" },
	{ "dollar-continuation", "echo $\\\nx", "W(echo) W($x) EOF" },
	{ "dollar-continuation-end", "echo $\\\n", "W(echo) MORE" },
	{ "cmdsub-comment", "echo $(a # )\n)", "W(echo) W($(a # )\n)) EOF" },
	{ "contline-at-end-of-text", "a\\", "MORE" },
};

static void
render(struct sbuf *b, const struct token *t)
{
	const char *s;

	switch (t->type) {
	case T_WORD:
		sbuf_putn(b, "W(", 2);
		sbuf_putn(b, t->text, strlen(t->text));
		sbuf_putc(b, ')');
		return;
	case T_IONUM:
		sbuf_putn(b, "IO(", 3);
		sbuf_putn(b, t->text, strlen(t->text));
		sbuf_putc(b, ')');
		return;
	case T_NEWLINE:
		s = "NL";
		break;
	case T_EOF:
		s = "EOF";
		break;
	case T_INCOMPLETE:
		s = "MORE";
		break;
	default:
		s = lex_tokname(t->type);
		break;
	}
	sbuf_putn(b, s, strlen(s));
}

/* The tokens of a text, as the rows write them; malloc'ed. */
static char *
lex_text(const char *in)
{
	struct arena *a = arena_new();
	struct sbuf b = { NULL, 0, 0 };
	struct lexer lx;
	struct token t;

	lex_init(&lx, in, strlen(in), 1, a);
	do {
		lex_next(&lx, &t);
		if (b.n > 0)
			sbuf_putc(&b, ' ');
		render(&b, &t);
	} while (t.type != T_EOF && t.type != T_INCOMPLETE);
	arena_free(a);
	return b.s;
}

int
main(void)
{
	unit_rows("lex", rows, sizeof(rows) / sizeof(rows[0]), lex_text);
	return unit_failed;
}
