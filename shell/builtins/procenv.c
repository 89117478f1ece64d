/*
 * procenv.c - POSIX builtins about the process and its environment:
 * getopts, umask (octal and symbolic, -S), times, hash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/times.h>

#include "core/spawn.h"
#include "core/var.h"
#include "shell.h"

/*
 * getopts optstring name [arg...] (XCU getopts), as dash: OPTIND is the
 * next argument to look at; within a group of letters (-ab) the place is
 * kept here, and forgotten when OPTIND is set to something else.
 */
static int getopts_off = -1;	/* offset in the word before OPTIND */
static char getopts_ind[24];	/* OPTIND as we left it */

static int
getopts_out(const char *name, char c, int ind, int off)
{
	char s[2] = { c, '\0' };
	int rc = 0;

	getopts_off = off;
	snprintf(getopts_ind, sizeof(getopts_ind), "%d", ind);
	if (var_set("OPTIND", getopts_ind, 0) < 0)
		rc = 1;
	if (var_set(name, s, 0) < 0)
		rc = 1;
	return rc;
}

/*
 * A bad option c (or one without its argument): OPTARG is c when silent
 * (optstring begins with ':'), else msg (its %c is c) goes to stderr
 * and OPTARG is unset.
 */
static void
getopts_bad(int silent, char c, const char *msg)
{
	char s[2] = { c, '\0' };

	if (silent) {
		var_set("OPTARG", s, 0);
		return;
	}
	fflush(stdout);
	fprintf(stderr, msg, c);
	var_unset("OPTARG");
}

/* Argument i (1-based) of getopts' operands, or of $1...; NULL past them. */
static const char *
arg(char **args, int nargs, int i)
{
	if (i < 1 || i > nargs)
		return NULL;
	return args != NULL ? args[i - 1] : var_arg(i);
}

static int
bi_getopts(int argc, char **argv)
{
	const char *optstr, *ind_s = var_get("OPTIND"), *q;
	char **args;
	int nargs, ind, silent;
	const char *p = NULL, *prev;
	char c;

	if (argc < 3)
		return bi_usage("getopts");
	optstr = argv[1];
	silent = optstr[0] == ':';
	if (argc > 3) {
		args = argv + 3;
		nargs = argc - 3;
	} else {
		args = NULL;
		nargs = var_nargs();
	}
	ind = ind_s != NULL ? atoi(ind_s) : 1;
	if (ind_s == NULL || strcmp(ind_s, getopts_ind) != 0)
		getopts_off = -1;	/* OPTIND set by the script */
	if (ind < 1)
		return 1;
	prev = arg(args, nargs, ind - 1);
	if (getopts_off >= 0 && prev != NULL &&
	    strlen(prev) >= (size_t)getopts_off)
		p = prev + getopts_off;
	if (p == NULL || *p == '\0') {
		p = arg(args, nargs, ind);
		if (p == NULL || *p != '-' || *++p == '\0')
			goto atend;
		ind++;
		if (p[0] == '-' && p[1] == '\0')
			goto atend;
	}
	c = *p++;
	for (q = silent ? optstr + 1 : optstr; *q != c; ) {
		if (*q == '\0' || c == ':') {
			getopts_bad(silent, c, "Illegal option -%c\n");
			c = '?';
			goto out;
		}
		if (*++q == ':')
			q++;
	}
	if (q[1] == ':') {
		if (*p == '\0' && (p = arg(args, nargs, ind)) == NULL) {
			getopts_bad(silent, c, "No arg for -%c option\n");
			c = silent ? ':' : '?';
			goto out;
		}
		if (p == arg(args, nargs, ind))
			ind++;
		var_set("OPTARG", p, 0);
		p = NULL;
	} else {
		var_set("OPTARG", "", 0);
	}
out:
	return getopts_out(argv[2], c, ind, p != NULL ?
	    (int)(p - arg(args, nargs, ind - 1)) : -1);
atend:
	getopts_out(argv[2], '?', ind, -1);
	return 1;
}

/* umask -S: the permissions the mask leaves, as u=rwx,g=rx,o=rx. */
static void
umask_symbolic(mode_t m)
{
	static const char who[] = "ugo";
	mode_t allow = ~m & 0777;
	int i;

	for (i = 0; i < 3; i++) {
		unsigned bits = (allow >> (6 - 3 * i)) & 7;

		printf("%s%c=%s%s%s", i ? "," : "", who[i],
		    (bits & 4) ? "r" : "", (bits & 2) ? "w" : "",
		    (bits & 1) ? "x" : "");
	}
	putchar('\n');
}

/*
 * A symbolic mode (chmod's grammar: [ugoa]*[+-=][rwxXst|ugo]*, clauses
 * separated by ',') applied to the permissions mode allows; -1 when it
 * is not one.
 */
static long
umask_parse_symbolic(const char *s, mode_t allow)
{
	mode_t who, perm, cur = allow;

	for (;;) {
		who = 0;
		for (; strchr("ugoa", *s) != NULL && *s; s++)
			who |= *s == 'u' ? 0700 : *s == 'g' ? 0070 :
			    *s == 'o' ? 0007 : 0777;
		if (who == 0)
			who = 0777;
		if (*s != '+' && *s != '-' && *s != '=')
			return -1;
		while (*s == '+' || *s == '-' || *s == '=') {
			char op = *s++;

			perm = 0;
			if (*s != '\0' && strchr("ugo", *s) != NULL) {
				int sh = *s == 'u' ? 6 : *s == 'g' ? 3 : 0;
				mode_t b = (cur >> sh) & 7;

				perm = b << 6 | b << 3 | b;
				s++;
			} else {
				for (; *s != '\0' && strchr("rwxXst", *s); s++)
					perm |= *s == 'r' ? 0444 :
					    *s == 'w' ? 0222 :
					    *s == 'x' ? 0111 :
					    *s == 'X' && (cur & 0111) ? 0111 :
					    0;
			}
			perm &= who;
			if (op == '+')
				cur |= perm;
			else if (op == '-')
				cur &= ~perm;
			else
				cur = (cur & ~who) | perm;
		}
		if (*s == '\0')
			return cur;
		if (*s++ != ',')
			return -1;
	}
}

/* umask [-S] [mode]: octal or symbolic, as dash has it. */
static int
bi_umask(int argc, char **argv)
{
	int i = 1, sym = 0;
	mode_t m;
	char *end;
	long v;

	if (argc > 1 && strcmp(argv[1], "-S") == 0) {
		sym = 1;
		i++;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	m = umask(0);
	umask(m);
	if (i >= argc) {
		if (sym)
			umask_symbolic(m);
		else
			printf("%04o\n", (unsigned)m);
		return 0;
	}
	if (argv[i][0] >= '0' && argv[i][0] <= '7') {
		v = strtol(argv[i], &end, 8);
		if (*end != '\0' || v > 07777) {
			bi_errorf("umask", "Illegal number: %s", argv[i]);
			return 2;
		}
		umask((mode_t)v & 0777);
		return 0;
	}
	v = umask_parse_symbolic(argv[i], ~m & 0777);
	if (v < 0) {
		bi_errorf("umask", "Illegal mode: %s", argv[i]);
		return 2;
	}
	umask(~(mode_t)v & 0777);
	return 0;
}

/* times: user and system times of the shell, then of its children. */
static int
bi_times(int argc, char **argv)
{
	struct tms t;
	double hz = (double)sysconf(_SC_CLK_TCK);
	clock_t v[4];
	int i;

	(void)argc;
	(void)argv;
	times(&t);
	v[0] = t.tms_utime;
	v[1] = t.tms_stime;
	v[2] = t.tms_cutime;
	v[3] = t.tms_cstime;
	for (i = 0; i < 4; i++) {
		double sec = v[i] / hz;
		int min = (int)(sec / 60);

		printf("%dm%fs%c", min, sec - min * 60, i % 2 ? '\n' : ' ');
	}
	return 0;
}

static void
hash_print(const char *path, int rehash)
{
	printf("%s%s\n", path, rehash ? "*" : "");
}

/* hash [-r] [name...]: the commands remembered (dash's table). */
static int
bi_hash(int argc, char **argv)
{
	int i = 1, rc = 0;

	if (argc > 1 && strcmp(argv[1], "-r") == 0) {
		spawn_hash_forget();
		i++;
	}
	if (argc == 1) {
		spawn_hash_each(hash_print);
		return 0;
	}
	for (; i < argc; i++) {
		if (strchr(argv[i], '/') != NULL || builtin_find(argv[i]))
			continue;
		if (spawn_hash_find(argv[i]) == NULL)
			rc = bi_errorf("hash", "%s: not found", argv[i]);
	}
	return rc;
}

const struct builtin builtins_procenv[] = {
	{ "getopts", bi_getopts, "getopts optstring name [arg...]",
	    "parse options: the next one into name, its argument in OPTARG",
	    "解析选项：下一个选项存入 name，其参数存入 OPTARG",
	    BI_NOFORK },
	{ "umask", bi_umask, "umask [-S] [mode]",
	    "show or set the file mode creation mask (octal or u=rwx,g-w)",
	    "显示或设置文件创建掩码（八进制或 u=rwx,g-w）",
	    BI_NOFORK },
	{ "times", bi_times, "times",
	    "user and system time of the shell and of its children",
	    "shell 及其子进程的用户时间和系统时间",
	    BI_SPECIAL },
	{ "hash", bi_hash, "hash [-r] [name...]",
	    "show, add or forget (-r) remembered command paths",
	    "显示、添加或忘记 (-r) 记住的命令路径", BI_NOFORK },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
