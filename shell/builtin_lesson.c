/*
 * builtin_lesson.c - the lesson family of builtins (not written yet: the table is empty).
 */
#include <stddef.h>

#include "shell.h"

const struct builtin builtins_lesson[] = {
	{ NULL, NULL, NULL, NULL, 0 },
};
