/*
 * unit.h - the table-driven unit tests' reporting: one "ok NAME" or
 * "not ok NAME: why" line per row, as tests/run counts them.
 */
#ifndef IPCSH_UNIT_H
#define IPCSH_UNIT_H

#include <stdio.h>
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

#endif
