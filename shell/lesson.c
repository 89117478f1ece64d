/*
 * lesson.c - the lesson engine (not written yet).
 */
#include "lesson.h"
#include "shell.h"

int
lesson_start(const struct lesson_opts *o)
{
	sh_errorf("--lesson %s: lessons are not built yet", o->name);
	return 2;
}

void
lesson_between(void)
{
}
