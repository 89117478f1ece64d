/*
 * lex.c - unit tests of the lexer: each row is a text and the tokens it
 * must give, written as WORD(text), IO(n), operators, NL, EOF or MORE.
 */
#include <stdlib.h>

#include "core/lex.h"
#include "unit.h"

static const struct unit_row rows[] = {
#include "lex.def"
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
