/*
 * signal.c - the signal family of builtins: kill, trap, sigmask. They use
 * the real kill(2), killpg(3), sigaction(2) and sigprocmask(2).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "i18n.h"
#include "core/exec.h"
#include "probe.h"
#include "core/jobs.h"
#include "sandbox/sandbox.h"
#include "shell.h"
#include "sigtab.h"
#include "core/trap.h"

/* kill -l without operands: bash's table, five "NN) SIGNAME" per line. */
static void
list_table(void)
{
	int n, i = 0;

	for (n = 1; n <= SIGTAB_MAX; n++) {
		if (sig_name(n) == NULL)
			continue;
		i++;
		printf("%2d) SIG%s%c", n, sig_name(n), i % 5 ? '\t' : '\n');
	}
	if (i % 5)
		putchar('\n');
}

/*
 * kill -l ARG: a number (or an exit status 128+N) gives the name, a name
 * gives the number. Returns 0, or 1 after reporting a bad ARG.
 */
static int
list_one(const char *who, const char *arg)
{
	char *end;
	long v;
	int n;

	if (arg[0] >= '0' && arg[0] <= '9') {
		v = strtol(arg, &end, 10);
		if (*end == '\0' && v > 128 && v <= 128 + SIGTAB_MAX)
			v -= 128;	/* $? of a signal death: kill -l $? */
		if (*end == '\0' && v == 0) {
			printf("EXIT\n");
			return 0;
		}
		if (*end == '\0' && v > 0 && v <= SIGTAB_MAX) {
			/* 32 and 33 (glibc's) have no name: bash is silent */
			if (sig_name((int)v) != NULL)
				printf("%s\n", sig_name((int)v));
			return 0;
		}
	} else if ((n = sig_parse(arg)) > 0) {
		printf("%d\n", n);
		return 0;
	}
	return bi_errorf(who, "%s: invalid signal specification", arg);
}

static int
kill_list(const char *who, int argc, char **argv, int i)
{
	int rc = 0;

	if (i >= argc) {
		list_table();
		/* the lecture counts 62: say at the terminal where 32, 33 went */
		if (sh_opt.interactive && !sh_opt.plain && isatty(STDOUT_FILENO))
			i18n_print_wrapped(stdout, "", tr("62 signals: 32 and 33 are missing because glibc keeps them for its threads (NPTL); SIGRTMIN is 34.",
			    "共 62 个信号：缺少 32 和 33，因为 glibc 把它们留给自己的线程实现 (NPTL) 使用；SIGRTMIN 为 34。"));
		return 0;
	}
	for (; i < argc; i++)
		rc |= list_one(who, argv[i]);
	return rc;
}

/* Turns errno of kill(2) into the words the lecture uses. */
static const char *
kill_error(int e)
{
	switch (e) {
	case ESRCH:
		return "no such process";
	case EPERM:
		return "permission denied";
	case EINVAL:
		return "invalid signal";
	default:
		return strerror(e);
	}
}

/*
 * Parses a decimal pid (optionally negative: a process group) into the
 * kernel's pid_t. -1 when it is no number, -2 when out of pid_t's range.
 */
static int
parse_pid(const char *s, pid_t *pid)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (s[0] == '\0' || *end != '\0')
		return -1;
	if (errno != 0 || v != (pid_t)v)
		return -2;
	*pid = (pid_t)v;
	return 0;
}

/* Signals one job: its whole group with job control, else each member. */
static int
kill_job(const char *arg, int sig)
{
	struct job *j = job_find(arg, "kill");
	pid_t pg;

	if (j == NULL)
		return 1;
	pg = job_pgid(j);
	if (sandbox_check_kill(-pg, sig) < 0)
		return bi_errorf("kill", "%s: %s", arg, kill_error(errno));
	if (job_signal(j, sig) < 0)
		return bi_errorf("kill", "%s: %s", arg, kill_error(errno));
	return 0;
}

static int
kill_one(const char *arg, int sig)
{
	pid_t pid;

	if (arg[0] == '%')
		return kill_job(arg, sig);
	switch (parse_pid(arg, &pid)) {
	case -1:
		return bi_errorf("kill",
		    "%s: arguments must be process or job IDs", arg);
	case -2:
		return bi_errorf("kill", tr("%s: pid out of range (%d to %d)",
		    "%s：进程号超出范围（%d 到 %d）"), arg, INT_MIN, INT_MAX);
	}
	if (sandbox_check_kill(pid, sig) < 0)
		return bi_errorf("kill", "%s: %s", arg, kill_error(errno));
	/* kill(2): pid < -1 signals the process group -pid */
	if (kill(pid, sig) < 0)
		return bi_errorf("kill", "%s: %s", arg, kill_error(errno));
	return 0;
}

/*
 * The signal an option names: -s SIG, -n NUM, -SIG, -NUM. Returns the
 * number (0 is allowed: it only checks that the target exists), or -1.
 */
static int
kill_sig(const char *text)
{
	if (strcmp(text, "0") == 0)
		return 0;
	return sig_parse(text);
}

static int
bi_kill(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, rc = 0;
	const char *spec = NULL;

	/* not getopt: -9 and -USR1 are not getopt options */
	if (i < argc && (strcmp(argv[i], "-l") == 0 ||
	    strcmp(argv[i], "-L") == 0))
		return kill_list("kill", argc, argv, i + 1);
	if (i < argc && (strcmp(argv[i], "-s") == 0 ||
	    strcmp(argv[i], "-n") == 0)) {
		if (i + 1 >= argc)
			return bi_usage("kill");
		spec = argv[i + 1];
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1] != '\0' &&
	    strcmp(argv[i], "--") != 0) {
		spec = argv[i] + 1;
		i++;
	}
	if (spec != NULL && (sig = kill_sig(spec)) < 0)
		return bi_errorf("kill", "%s: invalid signal specification",
		    spec);
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc)
		return bi_usage("kill");
	for (; i < argc; i++)
		rc |= kill_one(argv[i], sig);
	return rc;
}

static void
trap_print(int n)
{
	const char *a = trap_get(n);

	if (a == NULL)
		return;
	printf("trap -- ");
	sh_print_quoted(a);
	printf(" %s\n", n == 0 ? "EXIT" : sig_name(n));
}

/* A trap condition: EXIT, 0, a signal name or number; -1 when none. */
static int
trap_cond(const char *text)
{
	if (strcmp(text, "0") == 0 || strcasecmp(text, "EXIT") == 0 ||
	    strcasecmp(text, "SIGEXIT") == 0)
		return 0;
	return sig_parse(text);
}

static int
trap_list(int argc, char **argv, int i)
{
	int n, rc = 0;

	if (i >= argc) {
		for (n = 0; n <= SIGTAB_MAX; n++)
			trap_print(n);
		return 0;
	}
	for (; i < argc; i++) {
		if ((n = trap_cond(argv[i])) < 0)
			rc = bi_errorf("trap",
			    "%s: invalid signal specification", argv[i]);
		else
			trap_print(n);
	}
	return rc;
}

static int
is_unsigned(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int
bi_trap(int argc, char **argv)
{
	const char *action;
	int c, i, n, rc = 0, print = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt(argc, argv, "+lp")) != -1) {
		switch (c) {
		case 'l':
			return kill_list("trap", argc, argv, argc);
		case 'p':
			print = 1;
			break;
		default:
			return bi_usage("trap");
		}
	}
	i = optind;
	if (print || i >= argc)
		return trap_list(argc, argv, i);
	action = argv[i];
	/*
	 * POSIX: a first operand that is a number (or -) means "reset"; so
	 * does a single operand, as in dash (trap EXIT; trap 'cmd' is a bad
	 * signal).
	 */
	if (is_unsigned(action) || i + 1 >= argc)
		action = NULL;
	else if (strcmp(action, "-") == 0)
		action = NULL, i++;
	else
		i++;
	for (; i < argc; i++) {
		if ((n = trap_cond(argv[i])) < 0) {
			rc = bi_errorf("trap",
			    "%s: invalid signal specification", argv[i]);
			continue;
		}
		if (action != NULL && (n == SIGKILL || n == SIGSTOP) &&
		    sh_opt.explain)
			sh_errorf(tr("trap: SIG%s can be neither caught nor ignored (signal(7)): this trap will never run",
			    "trap: SIG%s 既不能被捕获也不能被忽略（signal(7)）：这个 trap 永远不会执行"),
			    sig_name(n));
		if (trap_set(n, action) < 0)
			rc = bi_errorf("trap", "%s: %s", argv[i],
			    strerror(errno));
	}
	return rc;
}

static int
print_masks(const char *pid)
{
	struct snap_proc sp;
	const struct {
		const char *field, *what;
		const uint64_t *mask;
	} f[] = {
		{ "SigPnd", "pending (thread)", &sp.sigpnd },
		{ "ShdPnd", "pending (process)", &sp.shdpnd },
		{ "SigBlk", "blocked", &sp.sigblk },
		{ "SigIgn", "ignored", &sp.sigign },
		{ "SigCgt", "caught", &sp.sigcgt },
	};
	char buf[1024], self[32];
	pid_t p;
	int i;

	if (strcmp(pid, "self") == 0) {
		snprintf(self, sizeof(self), "%ld", (long)getpid());
		pid = self;
	}
	if (parse_pid(pid, &p) < 0 || p <= 0)
		return bi_errorf("sigmask", "%s: invalid pid", pid);
	/* the five sets of proc(5) /proc/PID/status, read by the probe */
	if (probe_proc_signals(p, NULL, &sp) < 0)
		return bi_errorf("sigmask", "%s: no such process", pid);
	printf("pid %s (%s)\n", pid, sp.comm);
	for (i = 0; i < 5; i++) {
		sig_mask_names(*f[i].mask, ",", buf, sizeof(buf));
		printf("  %-18s %s:  %s\n", f[i].what, f[i].field,
		    buf[0] ? buf : "-");
	}
	return 0;
}

/* Parses "USR1,INT,10" into set; -1 after reporting a bad name. */
static int
parse_siglist(const char *list, sigset_t *set)
{
	char *copy = strdup(list), *tok, *save = NULL;
	int n, rc = 0;

	if (copy == NULL)
		return -1;
	for (tok = strtok_r(copy, ", ", &save); tok != NULL;
	    tok = strtok_r(NULL, ", ", &save)) {
		if ((n = sig_parse(tok)) < 0) {
			bi_errorf("sigmask", "%s: invalid signal specification",
			    tok);
			rc = -1;
			break;
		}
		sigaddset(set, n);
	}
	free(copy);
	return rc;
}

struct sigmask_req {
	sigset_t block, ignore, unblock;
};

/* In the child: signal(7): SIG_IGN and the blocked mask survive execve. */
static void
sigmask_apply(const struct sigmask_req *r)
{
	int n;

	for (n = 1; n <= SIGTAB_MAX; n++)
		if (sigismember(&r->ignore, n) == 1 && n != SIGKILL &&
		    n != SIGSTOP)
			trap_disposition(n, SIG_IGN, 0);
	sigprocmask(SIG_BLOCK, &r->block, NULL);
	sigprocmask(SIG_UNBLOCK, &r->unblock, NULL);
}

static void __attribute__((noreturn))
sigmask_exec(const struct sigmask_req *r, char **argv)
{
	int err;

	sigmask_apply(r);
	execvp(argv[0], argv);
	err = errno;
	sh_warnf("sigmask: %s: %s", argv[0],
	    err == ENOENT ? "command not found" : strerror(err));
	_exit(err == ENOENT ? 127 : 126);
}

static int
sigmask_run(const struct sigmask_req *r, int argc, char **argv)
{
	struct job *j;
	sigset_t old;
	char *text;
	pid_t pid;

	/* already in a forked child (pipeline, &): become the command */
	if (getpid() != sh_pid)
		sigmask_exec(r, argv + optind);
	fflush(NULL);
	text = bi_join(argc, argv);
	jobs_block(&old);
	j = job_new(text ? text : "sigmask", 1);
	free(text);
	if (j == NULL) {
		jobs_unblock(&old);
		return bi_errorf("sigmask", "%s", strerror(errno));
	}
	pid = fork();
	if (pid == 0) {
		jobs_child_at_fork(0);
		job_child(j);
		sigmask_exec(r, argv + optind);
	}
	if (pid < 0) {
		bi_errorf("sigmask", "fork: %s", strerror(errno));
		jobs_unblock(&old);
		job_run(j);	/* no members: only frees the job */
		return 1;
	}
	job_add(j, pid, argv[optind]);
	jobs_unblock(&old);
	return job_run(j);
}

static int
bi_sigmask(int argc, char **argv)
{
	static const int never[2] = { SIGKILL, SIGSTOP };
	struct sigmask_req r;
	int c, any = 0, n, i;
	const char *pid = NULL;
	sigset_t *set;

	sigemptyset(&r.block);
	sigemptyset(&r.ignore);
	sigemptyset(&r.unblock);
	optind = 0;
	opterr = 0;
	while ((c = getopt(argc, argv, "+b:i:u:p:")) != -1) {
		switch (c) {
		case 'b':
			set = &r.block;
			break;
		case 'i':
			set = &r.ignore;
			break;
		case 'u':
			set = &r.unblock;
			break;
		case 'p':
			pid = optarg;
			continue;
		default:
			return bi_usage("sigmask");
		}
		/* -b, -i, -u: a list of signals for that set */
		if (parse_siglist(optarg, set) < 0)
			return bi_usage("sigmask");
		any = 1;
	}
	if (pid != NULL) {
		if (any || optind < argc)
			return bi_usage("sigmask");
		return print_masks(pid);
	}
	if (optind >= argc) {
		if (any)
			return bi_usage("sigmask");
		return print_masks("self");
	}
	for (i = 0; i < 2; i++)
		if (sigismember(&r.block, n = never[i]) == 1 ||
		    sigismember(&r.ignore, n) == 1)
			sh_errorf(tr("sigmask: SIG%s can be neither blocked nor ignored (signal(7))",
			    "sigmask: SIG%s 既不能被屏蔽也不能被忽略（signal(7)）"),
			    sig_name(n));
	return sigmask_run(&r, argc, argv);
}

const struct builtin builtins_signal[] = {
	{ "kill", bi_kill,
	    "kill [-s SIG | -n NUM | -SIG] pid|%job|-pgid... or kill -l [N|SIG...]",
	    "send a signal to processes, jobs or process groups (kill(2))",
	    "向进程、作业或进程组发送信号 (kill(2))",
	    0 },
	{ "trap", bi_trap, "trap [-lp] [[ACTION] SIG...]",
	    "run ACTION when a signal arrives; '' ignores, - restores",
	    "信号到达时执行 ACTION；'' 表示忽略，- 表示恢复",
	    BI_SPECIAL | BI_NOFORK },
	{ "sigmask", bi_sigmask,
	    "sigmask [-b SIG,...] [-i SIG,...] [-u SIG,...] -- CMD [ARG...] | sigmask [-p PID]",
	    "run CMD with signals blocked, ignored or unblocked; or show masks",
	    "在屏蔽、忽略或解除屏蔽信号后运行 CMD，或显示掩码",
	    0 },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
