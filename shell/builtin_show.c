/*
 * builtin_show.c - the show family of builtins (not written yet: the table is empty).
 */
#include <stddef.h>

#include "shell.h"

const struct builtin builtins_show[] = {
	{ NULL, NULL, NULL, NULL, 0 },
};
