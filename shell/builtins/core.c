/*
 * core.c - the core builtins: cd, pwd, exit, variables (export, unset,
 * readonly, set, shift), ., eval, exec, read, echo, type, command, help,
 * break, continue, true, false, :.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "core/exec.h"
#include "core/loop.h"
#include "core/expand.h"
#include "core/func.h"
#include "core/input.h"
#include "core/intr.h"
#include "core/jobs.h"
#include "core/lex.h"
#include "programs.h"
#include "core/spawn.h"
#include "builtins/options.h"
#include "i18n.h"
#include "shell.h"
#include "core/var.h"

static const char *const keywords[] = {
	"!", "{", "}", "if", "then", "else", "elif", "fi", "while", "until",
	"for", "in", "do", "done", "case", "esac",
};

/* Parses a non-negative decimal number; -1 when s is not one. */
static long
number(const char *s)
{
	char *end;
	long n;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0 || n > INT_MAX)
		return -1;
	return n;
}

/*
 * :, true and false: a fixed status, 1 for false. exec is run by the
 * executor itself; its entry (this, 0) only serves `help exec`.
 */
static int
bi_fixed(int argc, char **argv)
{
	(void)argc;
	return argv[0][0] == 'f';	/* :, true or false */
}

/* Removes . and .. from an absolute path, lexically (XCU cd step 8). */
static void
canon_path(char *path)
{
	char *out = path, *p = path;

	while (*p != '\0') {
		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		if (p[0] == '.' && (p[1] == '/' || p[1] == '\0')) {
			p++;
		} else if (p[0] == '.' && p[1] == '.' &&
		    (p[2] == '/' || p[2] == '\0')) {
			p += 2;
			while (out > path && *--out != '/')
				;
		} else {
			*out++ = '/';
			while (*p != '\0' && *p != '/')
				*out++ = *p++;
		}
	}
	if (out == path)
		*out++ = '/';
	*out = '\0';
}

/* chdir to dir and set PWD/OLDPWD; physical: PWD from getcwd(3). */
static int
cd_to(const char *dir, int physical)
{
	const char *pwd = var_get("PWD");
	char *logical = NULL, *old = pwd ? strdup(pwd) : NULL;
	char cwd[PATH_MAX];
	int rc = -1;

	if (!physical && pwd != NULL && *pwd == '/') {
		if (*dir == '/')
			logical = strdup(dir);
		else if (asprintf(&logical, "%s/%s", pwd, dir) < 0)
			logical = NULL;
		if (logical != NULL) {
			canon_path(logical);
			if (chdir(logical) == 0)
				rc = 0;
		}
	}
	if (rc < 0) {
		free(logical);
		logical = NULL;
		if (chdir(dir) < 0) {
			free(old);
			return -1;
		}
		if (getcwd(cwd, sizeof(cwd)) != NULL)
			logical = strdup(cwd);
	}
	var_set("OLDPWD", old != NULL ? old : "", 0);
	if (logical != NULL)
		var_set("PWD", logical, 0);
	free(logical);
	free(old);
	return 0;
}

/* CDPATH (XCU cd step 5): the first dir/name that is a directory. */
static char *
cdpath_find(const char *name)
{
	const char *cdpath = var_get("CDPATH"), *p, *colon;
	struct stat st;
	char *cand;

	if (cdpath == NULL || *name == '/' || strncmp(name, "./", 2) == 0 ||
	    strncmp(name, "../", 3) == 0 || !strcmp(name, ".") ||
	    !strcmp(name, ".."))
		return NULL;
	for (p = cdpath; p != NULL; p = colon ? colon + 1 : NULL) {
		colon = strchr(p, ':');
		if (colon == p || *p == '\0')
			continue;
		if (asprintf(&cand, "%.*s/%s", (int)(colon ? colon - p :
		    (long)strlen(p)), p, name) < 0)
			return NULL;
		if (stat(cand, &st) == 0 && S_ISDIR(st.st_mode))
			return cand;
		free(cand);
	}
	return NULL;
}

/*
 * cd's and pwd's -L and -P (the last one counts): 1 physical, 0 logical,
 * -1 after the usage line of name.
 */
static int
cd_opts(int argc, char **argv, const char *name)
{
	int c, physical = 0;

	while ((c = getopt(argc, argv, "+LP")) != -1) {
		if (c == 'P')
			physical = 1;
		else if (c == 'L')
			physical = 0;
		else {
			bi_usage(name);
			return -1;
		}
	}
	return physical;
}

static int
bi_cd(int argc, char **argv)
{
	int physical, print = 0;
	const char *dir;
	char *found;

	if ((physical = cd_opts(argc, argv, "cd")) < 0)
		return 2;
	dir = argv[optind];	/* dash: operands past the first ignored */
	if (dir == NULL) {
		dir = var_get("HOME");
		if (dir == NULL || *dir == '\0')
			return bi_errorf("cd", "HOME not set");
	} else if (strcmp(dir, "-") == 0) {
		dir = var_get("OLDPWD");
		if (dir == NULL || *dir == '\0')
			return bi_errorf("cd", "OLDPWD not set");
		print = 1;
	}
	found = cdpath_find(dir);
	if (found != NULL)
		print = 1;
	if (cd_to(found ? found : dir, physical) < 0) {
		int err = errno;

		free(found);
		bi_errorf("cd", "can't cd to %s: %s", dir, strerror(err));
		return 2;	/* dash's status */
	}
	free(found);
	spawn_hash_cd();
	if (print)
		printf("%s\n", var_get("PWD"));
	return 0;
}

static int
bi_pwd(int argc, char **argv)
{
	int physical;
	const char *pwd = var_get("PWD");
	struct stat a, b;
	char cwd[PATH_MAX];

	if ((physical = cd_opts(argc, argv, "pwd")) < 0)
		return 2;
	if (!physical && pwd != NULL && *pwd == '/' && stat(pwd, &a) == 0 &&
	    stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
		printf("%s\n", pwd);
		return 0;
	}
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return bi_errorf("pwd", "%s", strerror(errno));
	printf("%s\n", cwd);
	return 0;
}

static int
bi_exit(int argc, char **argv)
{
	long n = sh_status;

	if (argc > 2)
		return bi_errorf("exit", "too many arguments");
	if (argc == 2 && (n = number(argv[1])) < 0) {
		bi_errorf("exit", "Illegal number: %s", argv[1]);
		return 2;
	}
	if (sh_opt.interactive && !exec_in_child && !jobs_exit_ok())
		return 1;
	sh_exit((int)(n & 0xff));
}

/* Writes s in single quotes for reuse as shell input: 'it'\''s'. */
void
sh_print_quoted(const char *s)
{
	putchar('\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	}
	putchar('\'');
}

static const char *list_prefix;

static void
print_var(const char *name, const char *value, unsigned flags)
{
	(void)flags;
	if (list_prefix != NULL)
		printf("%s ", list_prefix);
	fputs(name, stdout);
	if (value != NULL) {
		putchar('=');
		sh_print_quoted(value);
	}
	putchar('\n');
}

/* export and readonly: [-p] [NAME[=value]...] */
static int
mark_vars(int argc, char **argv, const char *who, int flag)
{
	int c, i, rc = 0;

	while ((c = getopt(argc, argv, "+p")) != -1)
		if (c != 'p')
			return bi_usage(who);
	if (optind >= argc) {
		list_prefix = who;
		var_each(flag, print_var);
		list_prefix = NULL;
		return 0;
	}
	for (i = optind; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (eq != NULL)
			*eq = '\0';
		if (!var_is_name(argv[i])) {
			bi_errorf(who, "%s: bad variable name", argv[i]);
			rc = 2;
		} else if (var_set(argv[i], eq ? eq + 1 : NULL, flag) < 0) {
			rc = 2;
		}
		if (eq != NULL)
			*eq = '=';
	}
	return rc;
}

static int
bi_export(int argc, char **argv)
{
	return mark_vars(argc, argv, "export", VAR_EXPORT);
}

static int
bi_readonly(int argc, char **argv)
{
	return mark_vars(argc, argv, "readonly", VAR_READONLY);
}

static int
bi_unset(int argc, char **argv)
{
	int c, i, rc = 0, funcs = 0;

	while ((c = getopt(argc, argv, "+fv")) != -1) {
		if (c == 'f')
			funcs = 1;
		else if (c == 'v')
			funcs = 0;
		else
			return bi_usage("unset");
	}
	for (i = optind; i < argc; i++)
		if (funcs)
			func_unset(argv[i]);
		else if (var_unset(argv[i]) < 0)
			rc = 1;
	return rc;
}

/* set [option...] [--] [arg...]: options.c parses the options. */
static int
bi_set(int argc, char **argv)
{
	int i = 1, setargs;

	if (argc == 1) {
		var_each(0, print_var);
		return 0;
	}
	if (options_parse(argc, argv, &i, &setargs, 0) != 0)
		return bi_usage("set");
	if (setargs)
		var_setargs(argc - i, argv + i);
	return 0;
}

static int
bi_shift(int argc, char **argv)
{
	long n = 1;

	if (argc > 2)
		return bi_usage("shift");
	if (argc == 2 && (n = number(argv[1])) < 0) {
		bi_errorf("shift", "Illegal number: %s", argv[1]);
		return 2;
	}
	if (var_shift((int)n) < 0) {
		bi_errorf("shift", "can't shift that many");
		return 2;
	}
	return 0;
}

/* A readable regular file named name in PATH, or NULL (malloc'ed). */
static char *
path_find(const char *name, int mode)
{
	const char *path = var_get("PATH"), *p, *colon;
	struct stat st;
	char *cand;

	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; p != NULL; p = colon ? colon + 1 : NULL) {
		colon = strchr(p, ':');
		if (asprintf(&cand, "%.*s%s%s", (int)(colon ? colon - p :
		    (long)strlen(p)), p, (colon == p || *p == '\0') ? "" : "/",
		    name) < 0)
			return NULL;
		if (stat(cand, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(cand, mode) == 0)
			return cand;
		free(cand);
	}
	return NULL;
}

static int
bi_dot(int argc, char **argv)
{
	char *path;
	void *saved = NULL;
	int st = 0;

	if (argc < 2)
		return bi_usage(argv[0]);
	if (strchr(argv[1], '/') != NULL)
		path = strdup(argv[1]);
	else
		path = path_find(argv[1], R_OK);
	if (path == NULL) {
		bi_errorf(argv[0], "%s: not found", argv[1]);
		return 2;
	}
	if (argc > 2) {
		saved = var_saveargs();
		var_setargs(argc - 2, argv + 2);
	}
	if (loop_dot(path, &st) < 0) {
		bi_errorf(argv[0], "cannot open %s: %s", path, strerror(errno));
		st = 2;
	}
	if (saved != NULL)
		var_restoreargs(saved);
	free(path);
	return st;
}

static int
bi_eval(int argc, char **argv)
{
	struct sbuf b = { NULL, 0, 0 };
	int i, st;

	for (i = 1; i < argc; i++) {
		if (i > 1)
			sbuf_putc(&b, ' ');
		sbuf_putn(&b, argv[i], strlen(argv[i]));
	}
	if (b.s == NULL)
		return 0;
	sbuf_putc(&b, '\n');
	sh_status = 0;
	st = sh_eval(b.s, NULL);
	free(b.s);
	return st;
}

static int
is_ifs_ws(char c, const char *ifs)
{
	return (c == ' ' || c == '\t' || c == '\n') && strchr(ifs, c);
}

/*
 * read [-r] [NAME...]: one line from fd 0, one byte at a time so that
 * nothing past the newline is consumed (the next command reads it).
 */
static int
bi_read(int argc, char **argv)
{
	struct sbuf line = { NULL, 0, 0 }, quoted = { NULL, 0, 0 };
	const char *ifs = var_get("IFS"), *reply = "REPLY";
	int c, raw = 0, esc = 0, st = 0, i, nvars, sig;
	struct intr w;
	size_t pos = 0, end;
	long nread = 0;		/* bytes, a read(2) each: for the tape */
	char ch;
	ssize_t r;

	while ((c = getopt(argc, argv, "+r")) != -1) {
		if (c != 'r')
			return bi_usage("read");
		raw = 1;
	}
	if (ifs == NULL)
		ifs = " \t\n";
	for (i = optind; i < argc; i++)
		if (!var_is_name(argv[i]))
			return bi_errorf("read", "%s: bad variable name",
			    argv[i]);
	intr_begin(&w);
	for (;;) {
		r = read(STDIN_FILENO, &ch, 1);
		if (r < 0 && errno == EINTR && !intr_caught())
			continue;
		if (r <= 0) {
			st = 1;
			break;
		}
		nread++;
		if (esc) {
			/* the character after a backslash: kept as it is,
			 * or with a newline, the line goes on */
			esc = 0;
			if (ch != '\n') {
				sbuf_putc(&line, ch);
				sbuf_putc(&quoted, 1);
			}
			continue;
		}
		if (ch == '\n')
			break;
		if (ch == '\\' && !raw) {
			esc = 1;
			continue;
		}
		sbuf_putc(&line, ch);
		sbuf_putc(&quoted, 0);
	}
	sig = intr_caught();
	intr_end(&w);
	sh_tell_read(STDIN_FILENO, nread, nread, r == 0, "read");
	if (r < 0 && sig != 0) {
		/* Ctrl+C or Ctrl+\: nothing is assigned, $? is 128+N (bash) */
		free(line.s);
		free(quoted.s);
		return intr_status(sig);
	}
	if (r < 0)
		bi_errorf("read", "%s", strerror(errno));
	nvars = argc - optind;
	if (nvars == 0) {
		/* bare read: the whole line, white space kept (bash, ksh) */
		if (var_set(reply, line.s != NULL ? line.s : "", 0) < 0)
			st = 2;
		nvars = 0;
	}
	for (i = 0; i < nvars; i++) {
		const char *name = argv[optind + i];
		struct sbuf v = { NULL, 0, 0 };

		while (pos < line.n && !quoted.s[pos] &&
		    is_ifs_ws(line.s[pos], ifs))
			pos++;
		if (i == nvars - 1) {
			end = line.n;
			while (end > pos && !quoted.s[end - 1] &&
			    is_ifs_ws(line.s[end - 1], ifs))
				end--;
			sbuf_putn(&v, line.s + pos, end - pos);
			pos = end;
		} else {
			while (pos < line.n && (quoted.s[pos] ||
			    strchr(ifs, line.s[pos]) == NULL))
				sbuf_putc(&v, line.s[pos++]);
			while (pos < line.n && !quoted.s[pos] &&
			    is_ifs_ws(line.s[pos], ifs))
				pos++;
			if (pos < line.n && !quoted.s[pos] &&
			    strchr(ifs, line.s[pos]) != NULL)
				pos++;
		}
		if (var_set(name, v.s != NULL ? v.s : "", 0) < 0)
			st = 2;
		free(v.s);
	}
	free(line.s);
	free(quoted.s);
	return st;
}

/* echo as dash has it: -n first, backslash escapes always (XSI). */
static int
bi_echo(int argc, char **argv)
{
	int i = 1, nl = 1, k, v;
	const char *p;

	(void)argc;
	if (argv[1] != NULL && strcmp(argv[1], "-n") == 0) {
		nl = 0;
		i = 2;
	}
	for (; argv[i] != NULL; i++) {
		if (argv[i] != argv[nl ? 1 : 2])
			putchar(' ');
		for (p = argv[i]; *p != '\0'; p++) {
			if (*p != '\\' || p[1] == '\0') {
				putchar(*p);
				continue;
			}
			switch (*++p) {
			case 'a': putchar('\a'); break;
			case 'b': putchar('\b'); break;
			case 'c': return 0;
			case 'f': putchar('\f'); break;
			case 'n': putchar('\n'); break;
			case 'r': putchar('\r'); break;
			case 't': putchar('\t'); break;
			case 'v': putchar('\v'); break;
			case '\\': putchar('\\'); break;
			case '0':
				for (v = 0, k = 0; k < 3 && p[1] >= '0' &&
				    p[1] <= '7'; k++)
					v = v * 8 + (*++p - '0');
				putchar(v);
				break;
			default:
				putchar('\\');
				putchar(*p);
				break;
			}
		}
	}
	if (nl)
		putchar('\n');
	return 0;
}

static int
is_keyword(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (strcmp(keywords[i], s) == 0)
			return 1;
	return 0;
}

/* What name would run: 0 found (printed as type or command -v/-V says). */
static int
describe(const char *name, int verbose)
{
	const struct builtin *b;
	struct stat st;
	char *path;

	if (is_keyword(name)) {
		printf(verbose ? "%s is a shell keyword\n" : "%s\n", name);
		return 0;
	}
	if (alias_get(name) != NULL) {
		if (verbose) {
			printf("%s is an alias for %s\n", name, alias_get(name));
		} else {
			printf("alias %s=", name);
			sh_print_quoted(alias_get(name));
			putchar('\n');
		}
		return 0;
	}
	b = strchr(name, '/') == NULL ? builtin_find(name) : NULL;
	if ((b == NULL || !(b->flags & BI_SPECIAL)) &&
	    strchr(name, '/') == NULL && func_find(name) != NULL) {
		printf(verbose ? "%s is a shell function\n" : "%s\n", name);
		return 0;
	}
	if (strchr(name, '/') == NULL && (b = builtin_find(name)) != NULL) {
		if (verbose)
			printf("%s is a %sshell builtin\n", name,
			    (b->flags & BI_SPECIAL) ? "special " : "");
		else
			printf("%s\n", name);
		return 0;
	}
	if (strchr(name, '/') != NULL)
		/* dash: a path names a command when the file exists */
		path = stat(name, &st) == 0 ? strdup(name) : NULL;
	else
		path = path_find(name, X_OK);
	if (path == NULL) {
		if (verbose)
			printf("%s: not found\n", name);
		return 127;
	}
	if (verbose)
		printf("%s is %s\n", name, path);
	else
		printf("%s\n", path);
	free(path);
	return 0;
}

static int
bi_type(int argc, char **argv)
{
	int i, st = 0;

	for (i = 1; i < argc; i++)
		if (describe(argv[i], 1) != 0)
			st = 127;
	return st;
}

/* command -v|-V NAME... (command NAME args is done by the executor). */
static int
bi_command(int argc, char **argv)
{
	int c, verbose = -1, i, st = 0;

	while ((c = getopt(argc, argv, "+vVp")) != -1) {
		if (c == 'v')
			verbose = 0;
		else if (c == 'V')
			verbose = 1;
		else if (c != 'p')
			return bi_usage("command");
	}
	if (verbose < 0) {
		if (optind >= argc)
			return 0;
		bi_errorf("command", "-p is not supported");
		return 2;
	}
	for (i = optind; i < argc; i++)
		if (describe(argv[i], verbose) != 0)
			st = 127;
	return st;
}

static void
help_line(const struct builtin *b, void *arg)
{
	(void)arg;
	printf("  %-10s %s\n", b->name, builtin_help(b));
}

static int
bi_help(int argc, char **argv)
{
	const struct builtin *b;
	char lead[64];
	int i, st = 0;

	if (argc == 1) {
		printf("%s\n", tr("ipcsh builtins (help NAME: its usage; help programs: "
		    "the lecture's programs):",
		    "ipcsh 内建命令（help 名称：其用法；help programs：讲义中的程序）："));
		builtin_each(help_line, NULL);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "programs") == 0) {
			programs_help();
			continue;
		}
		b = builtin_find(argv[i]);
		if (b == NULL) {
			st = bi_errorf("help", "%s: no such builtin", argv[i]);
			continue;
		}
		snprintf(lead, sizeof(lead), "%s: ", b->name);
		bi_print_usage(lead, b->usage ? b->usage : b->name);
		printf("    %s\n", builtin_help(b));
	}
	return st;
}

/* break and continue, which the name says. */
static int
bi_loopctl(int argc, char **argv)
{
	long n = 1;

	if (argc > 2)
		return bi_usage(argv[0]);
	if (argc == 2 && ((n = number(argv[1])) < 1)) {
		bi_errorf(argv[0], "Illegal number: %s", argv[1]);
		return 2;
	}
	return exec_loopctl(strcmp(argv[0], "break") == 0, (int)n);
}

const struct builtin builtins_core[] = {
	/* as dash's: --help is an argument like any other */
	{ ":", bi_fixed, ":", "do nothing, successfully",
	    "什么也不做，成功返回",
	    BI_SPECIAL | BI_OWNHELP },
	{ "true", bi_fixed, "true", "return success (0)",
	    "返回成功 (0)", BI_OWNHELP },
	{ "false", bi_fixed, "false", "return failure (1)",
	    "返回失败 (1)", BI_OWNHELP },
	{ "cd", bi_cd, "cd [-L|-P] [dir|-]",
	    "change the current directory (HOME by default, - for OLDPWD)",
	    "改变当前目录（默认 HOME，- 表示 OLDPWD）",
	    BI_NOFORK },
	{ "pwd", bi_pwd, "pwd [-L|-P]", "print the current directory",
	    "打印当前目录", 0 },
	{ "exit", bi_exit, "exit [n]", "leave the shell with status n",
	    "以状态 n 退出 shell",
	    BI_SPECIAL | BI_NOFORK },
	{ "export", bi_export, "export [-p] [name[=value]...]",
	    "give variables to the environment of commands",
	    "把变量交给命令的环境",
	    BI_SPECIAL | BI_NOFORK },
	{ "readonly", bi_readonly, "readonly [-p] [name[=value]...]",
	    "make variables unchangeable",
	    "使变量不可更改", BI_SPECIAL | BI_NOFORK },
	{ "unset", bi_unset, "unset [-v|-f] name...", "remove variables",
	    "删除变量",
	    BI_SPECIAL | BI_NOFORK },
	{ "set", bi_set,
	    "set [-+abCefmnuvx] [-+o option] [--] [arg...]",
	    "set options (set -o lists them) or $1..",
	    "设置选项（set -o 列出选项）或 $1..",
	    BI_SPECIAL | BI_NOFORK },
	{ "shift", bi_shift, "shift [n]", "drop the first n positional parameters",
	    "去掉前 n 个位置参数",
	    BI_SPECIAL | BI_NOFORK },
	{ ".", bi_dot, ". file [arg...]",
	    "run the commands of a file in this shell",
	    "在本 shell 中执行一个文件里的命令", BI_SPECIAL | BI_NOFORK },
	{ "source", bi_dot, "source file [arg...]", "same as .",
	    "同 .", BI_NOFORK },
	{ "eval", bi_eval, "eval [arg...]",
	    "run the arguments, joined by spaces, as commands",
	    "把各参数以空格连接，作为命令执行",
	    BI_SPECIAL | BI_NOFORK },
	{ "exec", bi_fixed, "exec [command [arg...]]",
	    "replace the shell by command, or keep the redirections",
	    "用命令替换 shell，或保留重定向",
	    BI_SPECIAL | BI_NOFORK },
	{ "read", bi_read, "read [-r] [name...]",
	    "read a line from standard input into variables",
	    "从标准输入读一行，存入变量", BI_NOFORK },
	{ "echo", bi_echo, "echo [-n] [arg...]",
	    "write the arguments (dash-like: backslash escapes)",
	    "输出各参数（同 dash：解释反斜杠转义）", BI_OWNHELP },
	{ "type", bi_type, "type name...", "tell what a name would run",
	    "说明一个名字会执行什么", 0 },
	{ "command", bi_command, "command [-v|-V] name [arg...]",
	    "run a command, or tell what a name would run",
	    "执行命令，或说明一个名字会执行什么", 0 },
	{ "help", bi_help, "help [builtin...]",
	    "list the builtins, or show the usage of some",
	    "列出内建命令，或显示它们的用法", 0 },
	{ "break", bi_loopctl, "break [n]", "leave n enclosing loops",
	    "跳出 n 层外围循环",
	    BI_SPECIAL | BI_NOFORK },
	{ "continue", bi_loopctl, "continue [n]",
	    "start the next round of the n-th enclosing loop",
	    "开始第 n 层外围循环的下一轮",
	    BI_SPECIAL | BI_NOFORK },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
