/*
 * fifo.c - the fifo family: mkfifo [-m MODE] PATH..., made with mkfifo(3),
 * with the messages of coreutils' mkfifo.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "shell.h"
#include "sysvcmd.h"

/*
 * A mode as chmod(1) reads it for a new file: octal ("0600"), or
 * symbolic clauses ("u=rw,g=r", "a+w", "go-w") applied to 0666.
 * Returns -1 when it is neither.
 */
static int
fifo_parse_mode(const char *s, mode_t *out)
{
	mode_t mode = 0666, who, perm;
	long v;
	char op;

	if (sysvcmd_parse_int(s, 8, 0, 07777, &v) == 0) {
		*out = (mode_t)v;
		return 0;
	}
	if (*s == '\0')
		return -1;
	while (*s != '\0') {
		who = 0;
		for (; strchr("ugoa", *s) != NULL && *s != '\0'; s++)
			who |= *s == 'u' ? 04700 : *s == 'g' ? 02070 :
			    *s == 'o' ? 01007 : 07777;
		if (who == 0)
			who = 07777;
		if (*s != '+' && *s != '-' && *s != '=')
			return -1;
		op = *s++;
		perm = 0;
		for (; *s != '\0' && *s != ','; s++) {
			if (*s == 'r')
				perm |= 0444;
			else if (*s == 'w')
				perm |= 0222;
			else if (*s == 'x')
				perm |= 0111;
			else if (*s == 's')
				perm |= 06000;
			else if (*s == 't')
				perm |= 01000;
			else
				return -1;
		}
		if (op == '+')
			mode |= perm & who;
		else if (op == '-')
			mode &= ~(perm & who);
		else
			mode = (mode & ~who) | (perm & who);
		if (*s == ',')
			s++;
	}
	*out = mode;
	return 0;
}

/*
 * A usage error as coreutils' mkfifo reports it: the message (if any),
 * "Try 'mkfifo --help' for more information." when try is set; status 1.
 */
static int
fifo_fail(const char *name, const char *msg, int try)
{
	if (msg != NULL)
		bi_errorf(name, "%s", msg);
	if (try)
		fprintf(stderr, "Try '%s --help' for more information.\n", name);
	return 1;
}

static int
bi_mkfifo(int argc, char **argv)
{
	static const struct bi_opt rows[] = {
		{ 'm', "mode", required_argument, NULL, 0 },
		{ BI_OPT_LONG | 'h', "help", no_argument, NULL, 0 },
		{ 0, NULL, 0, NULL, 0 },
	};
	mode_t mode = 0666;
	int opt, i, status = 0, setmode = 0;
	struct bi_opts g;

	bi_opt_start(&g, "", rows, argc, argv);
	while ((opt = bi_opt_next(&g)) != -1) {
		switch (opt) {
		case 'm':
			/* coreutils: "invalid mode", status 1 */
			if (fifo_parse_mode(optarg, &mode) < 0)
				return fifo_fail(argv[0], "invalid mode", 0);
			setmode = 1;
			break;
		case 'h':
			return bi_help_text(argv[0], tr(
			    "Creates named pipes (FIFOs) with mkfifo(3). A FIFO has a name in the file\n"
			    "system, so unrelated processes can open it; open(2) for reading waits for a\n"
			    "writer and the other way round. -m MODE sets the permissions (not umasked).\n",
			    "用 mkfifo(3) 创建命名管道 (FIFO)。FIFO 在文件系统中有名字，无亲缘关系的进程\n"
			    "也能打开它；以读方式 open(2) 会等待写者，反之亦然。\n"
			    "-m MODE 设置权限（不受 umask 影响）。\n"));
		default:
			return fifo_fail(argv[0], NULL, 1);
		}
	}
	/* a FIFO is no directory and no executable: setuid, setgid, sticky are refused */
	if (setmode && (mode & ~(mode_t)0777))
		return fifo_fail(argv[0],
		    "mode must specify only file permission bits", 0);
	if (optind >= argc)
		return fifo_fail(argv[0], "missing operand", 1);
	for (i = optind; i < argc; i++) {
		if (mkfifo(argv[i], mode) < 0) {
			fflush(stdout);
			/* coreutils: "mkfifo: cannot create fifo 'x': File exists" */
			bi_errorf(argv[0], "cannot create fifo '%s': %s",
			    argv[i], strerror(errno));
			status = 1;
			continue;
		}
		/* mkfifo(3) applies the umask; coreutils chmods after -m */
		if (setmode && chmod(argv[i], mode) < 0) {
			bi_errorf(argv[0], "cannot set permissions of '%s': %s",
			    argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}

const struct builtin builtins_fifo[] = {
	{ "mkfifo", bi_mkfifo, "mkfifo [-m MODE] PATH...",
	  "make named pipes (FIFOs) with mkfifo(3)",
	    "用 mkfifo(3) 创建命名管道 (FIFO)", BI_OWNHELP },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
