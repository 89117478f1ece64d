/*
 * i18n_wrap.c - unit tests of i18n_wrap, which breaks lines (a lesson's,
 * a builtin's notes) to the terminal's width: at spaces and beside Chinese
 * characters, never inside a word or before closing punctuation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "unit.h"

static const struct {
	const char *name;
	int cols;
	const char *lead, *line, *want;
} rows[] = {
#include "i18n_wrap.def"
};

int
main(void)
{
	size_t i;
	char *got, *p;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		got = i18n_wrap(rows[i].lead, rows[i].line, rows[i].cols);
		for (p = got; p != NULL && *p != '\0'; p++)
			if (*p == '\n')
				*p = '|';
		unit_check("i18n-wrap", rows[i].name, rows[i].want, got);
		free(got);
	}
	return unit_failed;
}
