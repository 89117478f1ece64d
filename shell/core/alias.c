/*
 * alias.c - the alias table (XCU 2.3.1): names and their values, kept in
 * name order; the lexer substitutes them, the alias builtin edits them.
 */
#include <stdlib.h>
#include <string.h>

#include "lex.h"

struct alias {
	char *name, *value;
	struct alias *next;
};

static struct alias *aliases;

int
alias_valid_name(const char *name, size_t len)
{
	size_t i;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		/* what may appear unquoted in a word, less = (dash) */
		if (c <= ' ' || strchr("\"'`\\$=;&|<>()", c) != NULL ||
		    c >= 0x7f)
			return 0;
	}
	return 1;
}

static struct alias **
find(const char *name)
{
	struct alias **pp;

	for (pp = &aliases; *pp != NULL; pp = &(*pp)->next)
		if (strcmp((*pp)->name, name) >= 0)
			break;
	return pp;
}

int
alias_any(void)
{
	return aliases != NULL;
}

const char *
alias_get(const char *name)
{
	struct alias **pp;

	if (aliases == NULL)
		return NULL;	/* the usual case: every command word asks */
	pp = find(name);

	if (*pp != NULL && strcmp((*pp)->name, name) == 0)
		return (*pp)->value;
	return NULL;
}

int
alias_set(const char *name, const char *value)
{
	struct alias **pp = find(name), *a;
	char *v = strdup(value);

	if (v == NULL)
		abort();
	if (*pp != NULL && strcmp((*pp)->name, name) == 0) {
		free((*pp)->value);
		(*pp)->value = v;
		return 0;
	}
	a = malloc(sizeof(*a));
	if (a == NULL || (a->name = strdup(name)) == NULL)
		abort();
	a->value = v;
	a->next = *pp;
	*pp = a;
	return 0;
}

int
alias_unset(const char *name)
{
	struct alias **pp = find(name), *a = *pp;

	if (a == NULL || strcmp(a->name, name) != 0)
		return -1;
	*pp = a->next;
	free(a->name);
	free(a->value);
	free(a);
	return 0;
}

void
alias_clear(void)
{
	while (aliases != NULL)
		alias_unset(aliases->name);
}

void
alias_each(void (*fn)(const char *name, const char *value))
{
	struct alias *a;

	for (a = aliases; a != NULL; a = a->next)
		fn(a->name, a->value);
}
