/*
 * builtin_fifo.c - the fifo family of builtins (not written yet: the table is empty).
 */
#include <stddef.h>

#include "shell.h"

const struct builtin builtins_fifo[] = {
	{ NULL, NULL, NULL, NULL, 0 },
};
