/*
 * builtin_jobs.c - the jobs family of builtins (not written yet: the table is empty).
 */
#include <stddef.h>

#include "shell.h"

const struct builtin builtins_jobs[] = {
	{ NULL, NULL, NULL, NULL, 0 },
};
