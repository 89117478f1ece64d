/*
 * probe_cache.c - unit tests of the probe's cache between samples
 * (probe_take_cached): a live child is changed in the ways that need no
 * run of it (a blocked signal made pending, a signal to a stopped process,
 * a pending stop signal flushed by SIGCONT) and in ways it makes itself
 * (a new pipe, an exec); after each change the cached sample must show
 * the same facts as an uncached one, and the change itself. And, on a
 * fixture tree, a sleeper read while it was still on its way to sleep.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "probe.h"
#include "unit.h"

static const struct probe_opts opts = { .nmsgs = 0, .flags = PROBE_NO_SYSV };

/* The facts of pid in s, and the pipes it holds, as one line. */
static void
facts(const struct snapshot *s, pid_t pid, char *buf, size_t size)
{
	const struct snap_proc *p = s ? snap_proc_find(s, pid) : NULL;
	size_t i, k, ends = 0;
	int off;

	if (p == NULL) {
		snprintf(buf, size, "gone");
		return;
	}
	for (i = 0; i < s->npipes; i++) {
		for (k = 0; k < s->pipes[i].nreaders; k++)
			ends += s->pipes[i].readers[k].pid == pid;
		for (k = 0; k < s->pipes[i].nwriters; k++)
			ends += s->pipes[i].writers[k].pid == pid;
	}
	off = snprintf(buf, size, "%c %s pnd=%llx shd=%llx blk=%llx ign=%llx "
	    "cgt=%llx ends=%zu argv=", p->state, p->wchan,
	    (unsigned long long)p->sigpnd, (unsigned long long)p->shdpnd,
	    (unsigned long long)p->sigblk, (unsigned long long)p->sigign,
	    (unsigned long long)p->sigcgt, ends);
	for (i = 0; p->argv && p->argv[i] && off > 0 && (size_t)off < size; i++)
		off += snprintf(buf + off, size - (size_t)off, "%s ",
		    p->argv[i]);
}

/*
 * Waits (5 s at most) until an uncached snapshot of pid satisfies ok,
 * then takes a cached one and an uncached one; the row passes when the
 * cached one satisfies ok and equals the uncached one.
 */
static void
check_step(const char *name, struct probe_cache *pc, pid_t pid,
    int (*ok)(const struct snap_proc *))
{
	struct timespec ms = { 0, 10 * 1000 * 1000 };
	struct snapshot *fresh = NULL, *cached;
	const struct snap_proc *p;
	char want[512], got[512];
	int i;

	for (i = 0; i < 500; i++) {
		fresh = probe_take(pid, &opts);
		p = fresh ? snap_proc_find(fresh, pid) : NULL;
		if (p != NULL && ok(p))
			break;
		snapshot_free(fresh);
		fresh = NULL;
		nanosleep(&ms, NULL);
	}
	snapshot_free(fresh);
	cached = probe_take_cached(&pid, 1, &opts, pc);
	fresh = probe_take(pid, &opts);
	facts(fresh, pid, want, sizeof(want));
	facts(cached, pid, got, sizeof(got));
	p = cached ? snap_proc_find(cached, pid) : NULL;
	if (p == NULL || !ok(p))
		snprintf(got + strlen(got), sizeof(got) - strlen(got),
		    " (the change is missing)");
	unit_check("probe_cache", name, want, got);
	snapshot_free(cached);
	snapshot_free(fresh);
}

#define BIT(sig)	(1ULL << ((sig) - 1))

static int
sleeping(const struct snap_proc *p)
{
	return p->state == 'S' && strcmp(p->wchan, "pipe read") == 0;
}
static int
usr1_pending(const struct snap_proc *p)
{
	return sleeping(p) && (p->shdpnd & BIT(SIGUSR1));
}
static int
has_pipe_argv(const struct snap_proc *p)
{
	return sleeping(p) && p->argc == 1;
}
static int
stopped(const struct snap_proc *p)
{
	return p->state == 'T';
}
static int
term_pending(const struct snap_proc *p)
{
	return p->state == 'T' && (p->shdpnd & BIT(SIGTERM));
}
static int
tstp_pending(const struct snap_proc *p)
{
	return sleeping(p) && (p->shdpnd & BIT(SIGTSTP));
}
static int
only_usr1(const struct snap_proc *p)
{
	return usr1_pending(p) && !(p->shdpnd & BIT(SIGTSTP));
}
static int
tstp_flushed(const struct snap_proc *p)
{
	return sleeping(p) && !(p->shdpnd & BIT(SIGTSTP)) &&
	    !(p->shdpnd & BIT(SIGUSR1));
}
/*
 * The new program runs (R) or faults its pages in (D) for a while after
 * the exec: the row waits until it sleeps in nanosleep, where it stays.
 */
static int
exec_done(const struct snap_proc *p)
{
	return p->argc == 2 && strcmp(p->argv[0], "sleep") == 0 &&
	    p->state == 'S' && strcmp(p->wchan, "sleep") == 0;
}

/*
 * The child: blocks USR1 and TSTP, then reads commands from a pipe: 'p'
 * makes a new pipe (two more ends), 'u' unblocks USR1 (taking it), 'e'
 * execs sleep.
 */
static void
child(int rd)
{
	sigset_t set;
	char c;
	int fds[2];

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	while (read(rd, &c, 1) == 1) {
		if (c == 'p' && pipe(fds) < 0)
			_exit(1);
		if (c == 'u') {
			sigdelset(&set, SIGTSTP);
			sigwaitinfo(&set, NULL);
		}
		if (c == 'e')
			execlp("sleep", "sleep", "1000", (char *)NULL);
	}
	_exit(0);
}

/*
 * Writes text (and its NUL when nul) into dir/rel in place: the same
 * inode, which the cache keeps open and preads.
 */
static int
fx_put(const char *dir, const char *rel, const char *text, int nul)
{
	size_t len = strlen(text) + (nul != 0);
	char path[512];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	ok = fwrite(text, 1, len, f) == len;
	return fclose(f) == 0 && ok ? 0 : -1;
}

/*
 * A process whose stat says S while its wchan still reads 0 is on its way
 * to sleep (still on the run queue, its time on the CPU not yet added to
 * schedstat): the next sample must read its wchan again even when
 * schedstat has not changed, not reuse the 0.
 */
static void
going_to_sleep(void)
{
	static const char *const dirs[] = { "300", "300/task", "300/task/300",
		"300/fd", "300/fdinfo" };
	static const char *const files[] = { "300/stat", "300/status",
		"300/schedstat", "300/cmdline", "300/task/300/children",
		"300/wchan" };
	const char *tmp = getenv("TMPDIR");
	char dir[512], path[600], got[64];
	struct probe_opts o = opts;
	struct probe_cache *pc;
	struct snapshot *s;
	const struct snap_proc *p;
	pid_t pid = 300;
	int i, bad;

	snprintf(dir, sizeof(dir), "%s/probe_cache.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		unit_check("probe_cache", "fixture", "made", NULL);
		return;
	}
	bad = 0;
	for (i = 0; i < 5 && !bad; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, dirs[i]);
		bad = mkdir(path, 0700) < 0;
	}
	bad = bad ||
	    fx_put(dir, "300/stat", "300 (yes) S 1 300 300 0 -1 4194304 0 0 0 "
	    "0 0 0 0 0 20 0 1 0 12345\n", 0) < 0 ||
	    fx_put(dir, "300/status", "Name:\tyes\nState:\tS (sleeping)\n"
	    "Uid:\t0\t0\t0\t0\nThreads:\t1\nSigPnd:\t0000000000000000\n"
	    "ShdPnd:\t0000000000000000\nSigBlk:\t0000000000000000\n"
	    "SigIgn:\t0000000000000000\nSigCgt:\t0000000000000000\n", 0) < 0 ||
	    fx_put(dir, "300/schedstat", "1000 0 5\n", 0) < 0 ||
	    fx_put(dir, "300/cmdline", "yes", 1) < 0 ||
	    fx_put(dir, "300/task/300/children", "", 0) < 0 ||
	    fx_put(dir, "300/wchan", "0", 0) < 0;
	o.procfs = dir;
	pc = probe_cache_new();
	/* two samples of it going to sleep, schedstat the same */
	for (i = 0; i < 2 && !bad; i++) {
		s = probe_take_cached(&pid, 1, &o, pc);
		bad = s == NULL || snap_proc_find(s, pid) == NULL;
		snapshot_free(s);
	}
	/* it has left the CPU and sleeps in pipe write; schedstat unchanged */
	if (!bad)
		bad = fx_put(dir, "300/wchan", "anon_pipe_write", 0) < 0;
	s = bad ? NULL : probe_take_cached(&pid, 1, &o, pc);
	p = s != NULL ? snap_proc_find(s, pid) : NULL;
	snprintf(got, sizeof(got), "%s", p != NULL ? p->wchan : "no sample");
	unit_check("probe_cache", "going-to-sleep-read-again", "pipe write",
	    got);
	snapshot_free(s);
	probe_cache_free(pc);
	for (i = 0; i < 6; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		unlink(path);
	}
	for (i = 4; i >= 0; i--) {
		snprintf(path, sizeof(path), "%s/%s", dir, dirs[i]);
		rmdir(path);
	}
	if (rmdir(dir) < 0)
		unit_check("probe_cache", "fixture-removed", "removed", NULL);
}

int
main(void)
{
	struct probe_cache *pc;
	struct snapshot *s;
	int cmd[2];
	pid_t kid;

	if (pipe(cmd) < 0 || (kid = fork()) < 0) {
		unit_check("probe_cache", "fork", "forked", NULL);
		return 1;
	}
	if (kid == 0) {
		close(cmd[1]);
		child(cmd[0]);
	}
	close(cmd[0]);
	pc = probe_cache_new();
	check_step("baseline", pc, kid, sleeping);
	/* a sample more: the cache now answers for a sleeper */
	s = probe_take_cached(&kid, 1, &opts, pc);
	snapshot_free(s);
	check_step("sleeper-unchanged", pc, kid, sleeping);
	kill(kid, SIGUSR1);
	check_step("blocked-signal-pending", pc, kid, usr1_pending);
	kill(kid, SIGTSTP);
	check_step("blocked-stop-pending", pc, kid, tstp_pending);
	kill(kid, SIGCONT);	/* flushes TSTP, does not wake it */
	check_step("stop-flushed-by-cont", pc, kid, only_usr1);
	if (write(cmd[1], "u", 1) != 1)
		return 1;
	check_step("pending-flushed", pc, kid, tstp_flushed);
	if (write(cmd[1], "p", 1) != 1)
		return 1;
	check_step("new-pipe", pc, kid, has_pipe_argv);
	kill(kid, SIGSTOP);
	check_step("stopped", pc, kid, stopped);
	kill(kid, SIGTERM);
	check_step("signal-to-stopped", pc, kid, term_pending);
	kill(kid, SIGCONT);	/* TERM, not blocked, ends it */
	waitpid(kid, NULL, 0);
	close(cmd[1]);
	if (pipe(cmd) < 0 || (kid = fork()) < 0)
		return 1;
	if (kid == 0) {
		close(cmd[1]);
		child(cmd[0]);
	}
	close(cmd[0]);
	check_step("second-child", pc, kid, sleeping);
	if (write(cmd[1], "e", 1) != 1)
		return 1;
	check_step("exec", pc, kid, exec_done);
	kill(kid, SIGTERM);
	waitpid(kid, NULL, 0);
	close(cmd[1]);
	probe_cache_free(pc);
	going_to_sleep();
	return unit_failed;
}
