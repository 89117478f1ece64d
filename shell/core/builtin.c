/*
 * builtin.c - builtin lookup in the families the program registers, and
 * their usage and error lines. Each family has its own file and table.
 */
#include <stdio.h>
#include <string.h>

#include "shell.h"

static const struct builtin *const *families;
static size_t nfamilies;

void
builtin_register(const struct builtin *const *tables, size_t n)
{
	families = tables;
	nfamilies = n;
}

const struct builtin *
builtin_find(const char *name)
{
	size_t i;
	const struct builtin *b;

	for (i = 0; i < nfamilies; i++)
		for (b = families[i]; b->name != NULL; b++)
			if (strcmp(b->name, name) == 0)
				return b;
	return NULL;
}

void
builtin_each(void (*fn)(const struct builtin *, void *), void *arg)
{
	size_t i;
	const struct builtin *b;

	for (i = 0; i < nfamilies; i++)
		for (b = families[i]; b->name != NULL; b++)
			fn(b, arg);
}

int
builtin_wants_help(const struct builtin *b, int argc, char **argv)
{
	return b != NULL && !(b->flags & BI_OWNHELP) && argc >= 2 &&
	    strcmp(argv[1], "--help") == 0;
}

int
builtin_call(const struct builtin *b, int argc, char **argv)
{
	if (builtin_wants_help(b, argc, argv)) {
		printf("usage: %s\n%s\n", b->usage ? b->usage : b->name,
		    b->help ? b->help : "");
		return 0;
	}
	return b->fn(argc, argv);
}

int
bi_usage(const char *name)
{
	const struct builtin *b = builtin_find(name);

	if (b != NULL && b->usage != NULL)
		sh_errlinef("usage: %s", b->usage);
	return 2;
}

int
bi_errorf(const char *name, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fflush(stdout);
	sh_errorf("%s: %s", name, msg);
	return 1;
}
