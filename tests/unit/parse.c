/*
 * parse.c - unit tests of the parser: each row is a text and the tree it
 * must give (cmd_dump's S-expression), or "MORE" when more input is
 * needed, or "ERR: message" for a syntax error.
 */
#include <stdlib.h>

#include "core/lex.h"
#include "core/parse.h"
#include "unit.h"

static const struct unit_row rows[] = {
#include "parse.def"
};

/*
 * Aliases (ll, e and loop, as main sets them): the lexer puts the value in
 * place of the command word, once.
 */
static const struct unit_row alias_rows[] = {
#include "parse_alias.def"
};

/* The tree of a text, or MORE, or "ERR: message"; malloc'ed. */
static char *
parse_text(const char *in)
{
	struct cmd *c;
	char *err, *got;

	switch (parse_buf(in, strlen(in), 1, &c, &err)) {
	case PARSE_OK:
		got = cmd_dump(c);
		break;
	case PARSE_INCOMPLETE:
		got = strdup("MORE");
		break;
	default:
		if (asprintf(&got, "ERR: %s", err) < 0)
			got = NULL;
		break;
	}
	free(err);
	cmd_free(c);
	return got;
}

int
main(void)
{
	unit_rows("parse", rows, sizeof(rows) / sizeof(rows[0]), parse_text);
	alias_set("ll", "ls -l ");
	alias_set("e", "echo");
	alias_set("loop", "loop again");
	unit_rows("parse", alias_rows,
	    sizeof(alias_rows) / sizeof(alias_rows[0]), parse_text);
	return unit_failed;
}
