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
	{ "literal", " \t\n", "", "abc", "[abc]" },
	{ "squote", " \t\n", "", "'a  b'", "[a  b]" },
	{ "dquote", " \t\n", "", "\"a  $V\"", "[a  one two]" },
	{ "backslash", " \t\n", "", "a\\ b\\$V", "[a b$V]" },
	{ "dq-backslash", " \t\n", "", "\"\\$V \\a \\\\\"", "[$V \\a \\]" },
	{ "unquoted-split", " \t\n", "", "$V", "[one][two]" },
	{ "split-collapse", " \t\n", "", "$W", "[a][b]" },
	{ "empty-quoted", " \t\n", "", "\"\"", "[]" },
	{ "empty-unquoted", " \t\n", "", "$EMPTY", "" },
	{ "empty-mix", " \t\n", "", "''$EMPTY", "[]" },
	{ "ifs-colon", ":", "", "$C", "[a][][b]" },
	{ "ifs-colon-ws", " :", "", "$D", "[a][b]" },
	{ "ifs-trailing", ":", "", "$E", "[a][b]" },
	{ "ifs-empty", "", "", "$V", "[one two]" },
	{ "ifs-unset", NULL, "", "$V", "[one][two]" },
	{ "at-quoted", " \t\n", "a b|c", "\"$@\"", "[a b][c]" },
	{ "at-quoted-none", " \t\n", "", "\"$@\"", "" },
	{ "at-quoted-affix", " \t\n", "1|2", "\"x$@y\"", "[x1][2y]" },
	{ "at-quoted-empty-args", " \t\n", "|", "\"$@\"", "[][]" },
	{ "at-unquoted", " \t\n", "a b|c", "$@", "[a][b][c]" },
	{ "star-quoted", " \t\n", "a b|c", "\"$*\"", "[a b c]" },
	{ "star-ifs", ":", "a|b", "\"$*\"", "[a:b]" },
	{ "count", " \t\n", "a|b|c", "$#", "[3]" },
	{ "positional", " \t\n", "a|b", "$2$1", "[ba]" },
	{ "default", " \t\n", "", "${UNSET:-x y}", "[x][y]" },
	{ "default-quoted", " \t\n", "", "\"${UNSET:-x y}\"", "[x y]" },
	{ "default-set", " \t\n", "", "${S:-no}", "[s]" },
	{ "default-null", " \t\n", "", "${EMPTY-no}|${EMPTY:-yes}", "[|yes]" },
	{ "alternate", " \t\n", "", "${S:+alt}${UNSET:+no}", "[alt]" },
	{ "assign-default", " \t\n", "", "${NEW:=v}$NEW", "[vv]" },
	{ "length", " \t\n", "", "${#S}${#V}", "[17]" },
	{ "remove-prefix", " \t\n", "", "${P#*/}", "[b/c.d]" },
	{ "remove-long-prefix", " \t\n", "", "${P##*/}", "[c.d]" },
	{ "remove-suffix", " \t\n", "", "${P%.*}", "[a/b/c]" },
	{ "remove-long-suffix", " \t\n", "", "${P%%/*}", "[a]" },
	{ "remove-quoted-pat", " \t\n", "", "${STAR#\"*\"}", "[x]" },
	{ "arith", " \t\n", "", "$((1 + 2 * 3))", "[7]" },
	{ "arith-paren", " \t\n", "", "$(( (1 + 2) * 3 ))", "[9]" },
	{ "arith-var", " \t\n", "", "$((N * 2 + $N))", "[63]" },
	{ "arith-cmp", " \t\n", "", "$((2 < 3))$((2 == 3))$((7 % 3))", "[101]" },
	{ "arith-neg", " \t\n", "", "$((-7 / 2))", "[-3]" },
	{ "arith-logic", " \t\n", "", "$((0 || 2 && 3))$((!0))", "[11]" },
	{ "arith-ternary", " \t\n", "", "$((N > 5 ? 1 : 2))", "[1]" },
	{ "arith-div0", " \t\n", "", "$((1 / 0))", "ERR" },
	{ "cmdsub", " \t\n", "", "$(echo a b)", "[a][b]" },
	{ "cmdsub-quoted", " \t\n", "", "\"$(echo a b)\"", "[a b]" },
	{ "cmdsub-newlines", " \t\n", "", "\"$(printf 'a\\n\\n\\n')\"", "[a]" },
	{ "backquote", " \t\n", "", "`echo x`", "[x]" },
	{ "tilde", " \t\n", "", "~/x", "[/home/t/x]" },
	{ "tilde-quoted", " \t\n", "", "\"~\"/x", "[~/x]" },
	{ "tilde-middle", " \t\n", "", "a~", "[a~]" },
	{ "glob-none", " \t\n", "", "/nonexistent-dir-x/*", "[/nonexistent-dir-x/*]" },
	{ "glob-quoted", " \t\n", "", "\"/*\"", "[/*]" },
	{ "bad-subst", " \t\n", "", "${S", "ERR" },
	{ "bad-subst-op", " \t\n", "", "${S!}", "ERR" },
	{ "unset-error", " \t\n", "", "${UNSET?gone}", "ERR" },
	{ "dollar-alone", " \t\n", "", "a$ $", "[a$ $]" },
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
