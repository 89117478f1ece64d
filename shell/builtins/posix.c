/*
 * posix.c - the POSIX builtins of functions and aliases: return, local,
 * alias, unalias.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/exec.h"
#include "core/func.h"
#include "core/lex.h"
#include "core/var.h"
#include "shell.h"

/* return [n]: leave the function or dot script with status n ($?). */
static int
bi_return(int argc, char **argv)
{
	char *end;
	long n = sh_status;

	if (argc > 1) {
		errno = 0;
		n = strtol(argv[1], &end, 10);
		if (!isdigit((unsigned char)*argv[1]) || *end != '\0' ||
		    errno != 0 || n > INT_MAX) {
			bi_errorf("return", "Illegal number: %s", argv[1]);
			return exec_fatal(2);
		}
	}
	return exec_return((int)n);
}

/* local [-] [name[=value]...]: variables that end with the call. */
static int
bi_local(int argc, char **argv)
{
	int i, rc = 0;

	if (func_depth() == 0) {
		bi_errorf("local", "not in a function");
		return exec_fatal(2);
	}
	for (i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		char *name = eq ? strndup(argv[i], eq - argv[i]) :
		    strdup(argv[i]);

		if (name == NULL)
			abort();
		if (strcmp(name, "-") == 0 && eq == NULL) {
			free(name);
			func_local_opts();	/* dash: options saved */
			continue;
		}
		if (!var_is_name(name)) {
			bi_errorf("local", "%s: bad variable name", name);
			free(name);
			return exec_fatal(2);
		}
		if (func_local(name, eq ? eq + 1 : NULL) < 0)
			rc = exec_fatal(2);
		free(name);
	}
	return rc;
}

static void
print_alias(const char *name, const char *value)
{
	printf("%s=", name);
	sh_print_quoted(value);
	putchar('\n');
}

/* alias [name[=value]...] (XCU alias) */
static int
bi_alias(int argc, char **argv)
{
	int i, rc = 0;

	if (argc == 1) {
		alias_each(print_alias);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		const char *v;

		if (eq != NULL && eq > argv[i]) {
			char *name = strndup(argv[i], eq - argv[i]);

			if (name == NULL)
				abort();
			if (!alias_valid_name(name, strlen(name))) {
				bi_errorf("alias", "%s: bad alias name", name);
				rc = 1;
			} else {
				alias_set(name, eq + 1);
			}
			free(name);
		} else if ((v = alias_get(argv[i])) != NULL) {
			print_alias(argv[i], v);
		} else {
			bi_errorf("alias", "%s not found", argv[i]);
			rc = 1;
		}
	}
	return rc;
}

/* unalias -a | name... */
static int
bi_unalias(int argc, char **argv)
{
	int c, i, rc = 0;

	while ((c = getopt(argc, argv, "+a")) != -1) {
		if (c != 'a')
			return bi_usage("unalias");
		alias_clear();
		return 0;
	}
	if (optind >= argc)
		return bi_usage("unalias");
	for (i = optind; i < argc; i++)
		if (alias_unset(argv[i]) < 0) {
			bi_errorf("unalias", "%s not found", argv[i]);
			rc = 1;
		}
	return rc;
}

const struct builtin builtins_posix[] = {
	{ "return", bi_return, "return [n]",
	    "leave a function or dot script with status n",
	    "以状态 n 离开函数或 . 脚本",
	    BI_SPECIAL | BI_NOFORK },
	{ "local", bi_local, "local [name[=value]...]",
	    "make variables local to the function running",
	    "使变量成为当前函数的局部变量", BI_NOFORK },
	{ "alias", bi_alias, "alias [name[=value]...]",
	    "define or show aliases",
	    "定义或显示别名", BI_NOFORK },
	{ "unalias", bi_unalias, "unalias -a | name...",
	    "remove aliases",
	    "删除别名", BI_NOFORK },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
