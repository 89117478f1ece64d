/*
 * unit.h - the table-driven unit tests' reporting: one "ok NAME" or
 * "not ok NAME: why" line per row, as tests/run counts them. A test's
 * rows are in NAME.def, included inside its table.
 */
#ifndef IPCSH_UNIT_H
#define IPCSH_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_failed;

/* Compares what a row produced with what it wants; names the row. */
static void
unit_check(const char *suite, const char *name, const char *want,
    const char *got)
{
	if (got != NULL && strcmp(want, got) == 0) {
		printf("ok %s/%s\n", suite, name);
		return;
	}
	printf("not ok %s/%s: wanted [%s], got [%s]\n", suite, name, want,
	    got ? got : "(null)");
	unit_failed = 1;
}

/* A row of a text-in, text-out table: its name, the input, the result. */
struct unit_row {
	const char *name, *in, *want;
};

/*
 * Checks each of n rows: run(in) gives what the row produced, a malloc'ed
 * string (NULL counts as a failure), freed here.
 */
static inline void
unit_rows(const char *suite, const struct unit_row *rows, size_t n,
    char *(*run)(const char *in))
{
	size_t i;
	char *got;

	for (i = 0; i < n; i++) {
		got = run(rows[i].in);
		unit_check(suite, rows[i].name, rows[i].want, got);
		free(got);
	}
}

#endif
