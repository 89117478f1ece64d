/*
 * sandbox_ns.c - the sandbox's namespaces: an own user, IPC, PID and mount
 * namespace for the session, with a small init that reaps orphans.
 *
 * unshare(2) CLONE_NEWPID does not move the caller: only its next child
 * is pid 1 of the new namespace (pid_namespaces(7)). So at start, while
 * single-threaded, the process splits in three:
 *  - the outer process stays outside, waits, passes SIGHUP and SIGTERM on
 *    to the init and ends as the shell ends (same exit status or signal);
 *  - the init (pid 1 inside) mounts a /proc of the new namespace, reaps
 *    every orphan, passes the signals on to the shell, and tells the
 *    outer process how the shell ended;
 *  - the shell (pid 2) goes on with the session. Its children, /proc and
 *    kill(2) see only the session's processes; when the session ends the
 *    kernel kills whatever is left in it.
 * The shell stays pid 2, not 1, so that its signals and its waits for its
 * jobs work as outside (an init ignores signals it has no handler for and
 * inherits every orphan).
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "i18n.h"
#include "sandbox_policy.h"
#include "sandbox_state.h"
#include "userns.h"

/* The signals the outer process and the init pass on. */
static void
sbn_relay_set(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGCHLD);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGTERM);
}

/* Ends this process as st says the shell ended. */
static void
sbn_end_as(int st)
{
	sigset_t set;

	if (WIFSIGNALED(st)) {
		signal(WTERMSIG(st), SIG_DFL);
		sigemptyset(&set);
		sigaddset(&set, WTERMSIG(st));
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		raise(WTERMSIG(st));
	}
	_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
}

/*
 * Waits for child, passing relayed signals on to it; other children are
 * reaped as they end (the init's orphans). Returns child's wait status.
 */
static int
sbn_wait(pid_t child, const sigset_t *set)
{
	siginfo_t si;
	pid_t pid;
	int st;

	for (;;) {
		if (sigwaitinfo(set, &si) < 0)
			continue;
		if (si.si_signo != SIGCHLD) {
			kill(child, si.si_signo);
			continue;
		}
		while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
			if (pid == child)
				return st;
		if (pid < 0 && errno == ECHILD)
			return 0;
	}
}

/*
 * A /proc that shows the new PID namespace, in our own mount namespace
 * (the shell checks it worked: sbn_proc_ours).
 */
static void
sbn_mount_proc(void)
{
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0)
		mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV |
		    MS_NOEXEC, NULL);
}

/* 1 when /proc/self is this process as the new namespace numbers it. */
static int
sbn_proc_ours(void)
{
	char buf[32];
	ssize_t n = readlink("/proc/self", buf, sizeof(buf) - 1);

	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return atoi(buf) == getpid();
}

/* pid 1 inside: starts the shell, reaps, tells the outer process. */
static void
sbn_init(int report, const sigset_t *old)
{
	sigset_t set;
	pid_t shell;
	int st;

	prctl(PR_SET_PDEATHSIG, SIGKILL);	/* the outer process died */
	prctl(PR_SET_NAME, "ipcsh-init");
	sbn_mount_proc();
	sbn_relay_set(&set);
	shell = fork();
	if (shell < 0)
		_exit(126);
	if (shell == 0) {
		close(report);
		sigprocmask(SIG_SETMASK, old, NULL);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		return;				/* the shell goes on */
	}
	st = sbn_wait(shell, &set);
	if (write(report, &st, sizeof(st)) < 0)
		st = 0;
	_exit(0);
}

/*
 * The outer process: waits for the init, ends like the shell (the init
 * writes the shell's wait status; nothing when it was killed).
 */
static void
sbn_outer(pid_t init, int report, const sigset_t *set)
{
	int st, ist;

	ist = sbn_wait(init, set);
	sbc_remove();		/* the namespace is empty now */
	if (read(report, &st, sizeof(st)) == (ssize_t)sizeof(st))
		sbn_end_as(st);
	sbn_end_as(ist);
}

/*
 * Forks the init and the shell; returns in the shell, 0. -1 with errno
 * when the first fork fails (we then stay the shell, in no PID namespace
 * of our own: the one unshare made has no process yet).
 */
static int
sbn_split(void)
{
	sigset_t set, old;
	int p[2];
	pid_t init;

	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	sbn_relay_set(&set);
	sigprocmask(SIG_BLOCK, &set, &old);
	init = fork();
	if (init < 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (init == 0) {
		close(p[0]);
		sbn_init(p[1], &old);
		return 0;		/* the shell */
	}
	close(p[1]);
	sbn_outer(init, p[0], &set);
	return 0;
}

/* ipcview --sandbox, or our own namespaces (userns_enter). */
void
sbn_enter(int pidns)
{
	const char *inherited = getenv("IPCSH_SANDBOX_NS");
	int flags = CLONE_NEWIPC, r;

	/*
	 * ipcview --sandbox made the user and IPC namespaces and runs us
	 * inside them: its pane reads that IPC namespace. We add a user
	 * namespace of our own (for the right to make a PID namespace) and
	 * the PID one. The word is for us alone: a nested ipcsh --sandbox
	 * makes its own.
	 */
	if (inherited != NULL && strcmp(inherited, "inherited") == 0) {
		unsetenv("IPCSH_SANDBOX_NS");
		sb.ns = 1;
		flags = 0;
	} else if (!sb.conf_ns) {
		snprintf(sb.ns_why, sizeof(sb.ns_why), "%s",
		    tr("switched off in the configuration", "配置中已关闭"));
		return;
	}
	if (!pidns && flags == 0)
		return;
	if (pidns)
		flags |= CLONE_NEWPID | CLONE_NEWNS;
	r = userns_enter(flags);
	if (r < 0 && pidns) {
		/* no PID namespace here (a container?): IPC alone */
		flags &= ~(CLONE_NEWPID | CLONE_NEWNS);
		pidns = 0;
		r = flags ? userns_enter(flags) : 0;
	}
	if (r < 0) {
		snprintf(sb.ns_why, sizeof(sb.ns_why), "unshare: %s",
		    strerror(errno));
		return;
	}
	if (r == 1)
		/* Unmapped, we look like "nobody"; isolation still holds. */
		snprintf(sb.ns_why, sizeof(sb.ns_why), "uid_map: %s",
		    strerror(errno));
	sb.ns = 1;
	if (!pidns)
		return;
	if (sbn_split() < 0) {
		snprintf(sb.pid_why, sizeof(sb.pid_why), "fork: %s",
		    strerror(errno));
		return;
	}
	sb.pidns = 1;
	sb.opts |= SBP_OPT_PIDNS;
	if (!sbn_proc_ours())
		snprintf(sb.pid_why, sizeof(sb.pid_why), "%s",
		    tr("/proc could not be mounted: it shows the whole machine",
		    "无法挂载 /proc：它显示整台机器的进程"));
}
