/*
 * probe_one.c - unit tests of the one-process probes (probe.h):
 * probe_proc_signals() against a mask this test sets, and
 * probe_proc_stat_path() against stat(2) of the same file.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "probe.h"
#include "unit.h"

static void
check_signals(void)
{
	struct snap_proc p;
	sigset_t set, old;
	char got[128];
	pid_t kid;
	int r;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGUSR2);
	signal(SIGWINCH, SIG_IGN);
	r = probe_proc_signals(getpid(), NULL, &p);
	snprintf(got, sizeof(got), "%d blk %d pnd %d ign %d pid %d", r,
	    (int)(p.sigblk >> (SIGUSR2 - 1) & 1),
	    (int)(snap_proc_pending(&p) >> (SIGUSR2 - 1) & 1),
	    (int)(p.sigign >> (SIGWINCH - 1) & 1), p.pid == getpid());
	unit_check("probe_one", "signals/self", "0 blk 1 pnd 1 ign 1 pid 1",
	    got);
	signal(SIGUSR2, SIG_IGN);	/* discards the pending one */
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGWINCH, SIG_DFL);
	kid = fork();
	if (kid == 0)
		_exit(0);
	waitpid(kid, NULL, 0);
	errno = 0;
	r = probe_proc_signals(kid, NULL, &p);
	snprintf(got, sizeof(got), "%d %s", r, errno == ESRCH ? "ESRCH" :
	    "other");
	unit_check("probe_one", "signals/gone", "-1 ESRCH", got);
}

static void
check_stat_path(void)
{
	struct stat a, b;
	char got[64];
	int r;

	r = probe_proc_stat_path(getpid(), ".", &a);
	snprintf(got, sizeof(got), "%d %d", r, r == 0 && stat(".", &b) == 0 &&
	    a.st_ino == b.st_ino && a.st_dev == b.st_dev);
	unit_check("probe_one", "stat-path/relative", "0 1", got);
	r = probe_proc_stat_path(getpid(), "/", &a);
	snprintf(got, sizeof(got), "%d %d", r, r == 0 && stat("/", &b) == 0 &&
	    a.st_ino == b.st_ino && a.st_dev == b.st_dev);
	unit_check("probe_one", "stat-path/absolute", "0 1", got);
	r = probe_proc_stat_path(getpid(), "no-such-file-here", &a);
	snprintf(got, sizeof(got), "%d %s", r, errno == ENOENT ? "ENOENT" :
	    "other");
	unit_check("probe_one", "stat-path/missing", "-1 ENOENT", got);
}

int
main(void)
{
	check_signals();
	check_stat_path();
	return unit_failed;
}
