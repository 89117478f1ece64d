/*
 * builtin_sysv.c - the sysv family of builtins (not written yet: the table is empty).
 */
#include <stddef.h>

#include "shell.h"

const struct builtin builtins_sysv[] = {
	{ NULL, NULL, NULL, NULL, 0 },
};
