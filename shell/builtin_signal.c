/*
 * builtin_signal.c - the signal family of builtins (not written yet: the table is empty).
 */
#include <stddef.h>

#include "shell.h"

const struct builtin builtins_signal[] = {
	{ NULL, NULL, NULL, NULL, 0 },
};
