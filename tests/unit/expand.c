/*
 * expand.c - unit tests of word expansion: each row sets IFS and the
 * positional parameters, expands raw words, and lists the fields as
 * [f1][f2]...; an expansion error gives "ERR".
 */
#include <stdlib.h>
#include <unistd.h>

#include "core/expand.h"
#include "core/lex.h"
#include "shell.h"
#include "unit.h"
#include "core/var.h"

static const struct {
	const char *name;
	const char *ifs;	/* NULL: unset */
	const char *args;	/* positional parameters, |-separated */
	const char *words;	/* raw words, separated by newlines */
	const char *want;
} rows[] = {
#include "expand.def"
};

static void
split_args(const char *s)
{
	char *copy = strdup(s), *p = copy, *v[16];
	int n = 0;

	while (*s != '\0' && p != NULL && n < 16)
		v[n++] = strsep(&p, "|");
	var_setargs(n, v);
	free(copy);
}

int
main(void)
{
	static char *env[] = { NULL };
	size_t i;

	var_init(env);
	var_set("V", "one two", 0);
	var_set("W", "  a   b  ", 0);
	var_set("EMPTY", "", 0);
	var_set("C", "a::b", 0);
	var_set("D", "a : b", 0);
	var_set("E", "a:b:", 0);
	var_set("S", "s", 0);
	var_set("P", "a/b/c.d", 0);
	var_set("STAR", "*x", 0);
	var_set("N", "21", 0);
	var_set("HOME", "/home/t", 0);
	var_set("PATH", "/usr/bin:/bin", VAR_EXPORT);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct sbuf got = { NULL, 0, 0 };
		char *words = strdup(rows[i].words), *w[8], *p = words;
		char **f;
		int n = 0, k, nf;

		if (rows[i].ifs != NULL)
			var_set("IFS", rows[i].ifs, 0);
		else
			var_unset("IFS");
		split_args(rows[i].args);
		while (p != NULL && n < 8)
			w[n++] = strsep(&p, "\n");
		f = expand_fields(w, n, &nf);
		if (f == NULL) {
			sbuf_putn(&got, "ERR", 3);
		} else {
			for (k = 0; k < nf; k++) {
				sbuf_putc(&got, '[');
				sbuf_putn(&got, f[k], strlen(f[k]));
				sbuf_putc(&got, ']');
			}
		}
		unit_check("expand", rows[i].name, rows[i].want,
		    got.s ? got.s : "");
		expand_free(f);
		free(got.s);
		free(words);
	}
	return unit_failed;
}
