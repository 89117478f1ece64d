/*
 * builtin.c - builtin lookup in the families the program registers, and
 * their usage and error lines. Each family has its own file and table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "shell.h"

static const struct builtin *const *families;
static size_t nfamilies;

/*
 * Every command word is looked up here: an open-addressing hash table of
 * the registered names (built on the first lookup after builtin_register)
 * instead of a scan of every family. The first family naming a builtin
 * keeps it, as the scan did.
 */
#define BI_HASH_SIZE	512	/* a power of two, over twice the builtins */
static const struct builtin *bi_hash[BI_HASH_SIZE];
static int bi_hashed;

/* FNV-1a over the name's bytes. */
static unsigned
bi_hash_of(const char *s)
{
	unsigned h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
bi_hash_build(void)
{
	const struct builtin *b;
	size_t i, n = 0;
	unsigned k;

	memset(bi_hash, 0, sizeof(bi_hash));
	for (i = 0; i < nfamilies; i++)
		for (b = families[i]; b->name != NULL; b++) {
			k = bi_hash_of(b->name) & (BI_HASH_SIZE - 1);
			while (bi_hash[k] != NULL &&
			    strcmp(bi_hash[k]->name, b->name) != 0)
				k = (k + 1) & (BI_HASH_SIZE - 1);
			if (bi_hash[k] == NULL && ++n < BI_HASH_SIZE / 2)
				bi_hash[k] = b;
		}
	bi_hashed = n < BI_HASH_SIZE / 2 ? 1 : -1;	/* -1: scan instead */
}

void
builtin_register(const struct builtin *const *tables, size_t n)
{
	families = tables;
	nfamilies = n;
	bi_hashed = 0;
}

const struct builtin *
builtin_find(const char *name)
{
	size_t i;
	const struct builtin *b;
	unsigned k;

	if (bi_hashed == 0)
		bi_hash_build();
	if (bi_hashed > 0) {
		k = bi_hash_of(name);
		while ((b = bi_hash[k++ & (BI_HASH_SIZE - 1)]) != NULL)
			if (strcmp(b->name, name) == 0)
				return b;
		return NULL;
	}
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

const char *
builtin_help(const struct builtin *b)
{
	if (b->help_zh != NULL)
		return tr(b->help != NULL ? b->help : "", b->help_zh);
	return b->help != NULL ? b->help : "";
}

/*
 * lead, then the usage: broken at spaces into lines of 79 columns at
 * the most, each new one indented under the first word after lead.
 */
void
bi_print_usage(const char *lead, const char *usage)
{
	size_t indent = strlen(lead), col = indent, n;
	const char *p = usage;

	fputs(lead, stdout);
	while (*p != '\0') {
		n = strcspn(p, " ");
		if (col > indent && col + 1 + n > 79) {
			printf("\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			putchar(' ');
			col++;
		}
		fwrite(p, 1, n, stdout);
		col += n;
		p += n;
		while (*p == ' ')
			p++;
	}
	putchar('\n');
}

int
builtin_call(const struct builtin *b, int argc, char **argv)
{
	if (builtin_wants_help(b, argc, argv)) {
		bi_print_usage("usage: ", b->usage ? b->usage : b->name);
		printf("%s\n", builtin_help(b));
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
bi_help_text(const char *name, const char *text)
{
	const struct builtin *b = builtin_find(name);

	bi_print_usage("usage: ", b != NULL && b->usage != NULL ? b->usage :
	    name);
	fputs(text, stdout);
	return 0;
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

char *
bi_join(int argc, char **argv)
{
	size_t len = 1;
	char *s;
	int i;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	if ((s = malloc(len)) == NULL)
		return NULL;
	s[0] = '\0';
	for (i = 0; i < argc; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}
