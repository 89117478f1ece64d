/*
 * jobs.c - the job table: process groups, the terminal, waiting, reaping
 * driven by SIGCHLD through a self-pipe, and bash-like notifications.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/wait.h>

#include "explain.h"
#include "jobs.h"
#include "shell.h"
#include "trap.h"

enum pstate { P_RUNNING, P_STOPPED, P_DONE };

struct proc {
	pid_t pid;
	int status;		/* last wait(2) status */
	enum pstate state;
	char *name;		/* argv[0], for explain lines */
};

struct job {
	struct job *next;
	int id;			/* [n]; 0 for hidden jobs */
	char *text;		/* as typed; NULL for hidden jobs */
	int fg;			/* running in the foreground */
	int bgrun;		/* runs in the background (shown with " &") */
	pid_t pgid;
	struct proc *procs;
	int nproc, cap;
	int changed;		/* state changed since last notification */
	int disowned;		/* not listed, reaped silently */
	int inherited;		/* the parent's, seen from a subshell */
	unsigned long stamp;	/* when it last became current (%+) */
	struct termios tmodes;	/* its terminal modes when it stopped */
	int have_tmodes;
};

static struct job *jobs;	/* listed and disowned jobs, oldest first */
static unsigned long job_clock;
static int chld_pipe[2] = { -1, -1 };
static int ttyfd = -1;		/* the controlling terminal (monitor) */
static pid_t shell_pgrp;
static pid_t orig_pgrp;		/* terminal owner when we started */
static pid_t init_pid;
static struct termios shell_tmodes;
static int have_shell_tmodes;
static sigset_t start_mask;		/* the mask we were started with */
static sigset_t start_ign;		/* signals ignored when we started */
static int exit_warned;
static int shell_ignores;		/* the interactive shell's job_sigs */

/* what an interactive shell ignores; SIGTERM so that `kill 0` spares it */
static const int job_sigs[] = {
	SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGTERM,
};
#define NJOBSIGS ((int)(sizeof(job_sigs) / sizeof(job_sigs[0])))

static int job_killed(const struct job *j);

/*
 * Ctrl+C that reaches the interactive shell itself: between reading a
 * line and the moment the job owns the terminal. The flag is inherited
 * by fork(2), so a foreground child that sees it set knows the user
 * interrupted it before it could take the terminal.
 */
static volatile sig_atomic_t int_seen;

static void
int_handler(int sig)
{
	(void)sig;
	int_seen = 1;
}

/*
 * The process groups of the jobs, for the SIGHUP handler: when the
 * terminal hangs up, the interactive shell passes SIGHUP on to its jobs
 * (then SIGCONT, so that stopped ones act on it), as bash does. A plain
 * array of pids, so the handler reads no list the main code may change.
 */
#define NHUP 256
static volatile pid_t hup_groups[NHUP];

static void
hup_note(pid_t pg, int on)
{
	int i;

	for (i = 0; i < NHUP; i++)
		if (on ? hup_groups[i] == 0 : hup_groups[i] == pg) {
			hup_groups[i] = on ? pg : 0;
			return;
		}
}

/* signal-safety(7): kill(2), sigaction(2) and raise(3) only */
static void
hup_handler(int sig)
{
	int i;

	for (i = 0; i < NHUP; i++)
		if (hup_groups[i] > 0) {
			kill(-hup_groups[i], SIGHUP);
			kill(-hup_groups[i], SIGCONT);
		}
	trap_disposition(sig, SIG_DFL, 0);
	raise(sig);	/* delivered when we return: die of SIGHUP */
}

/* signal-safety(7): write(2) is async-signal-safe; errno is preserved. */
static void
chld_handler(int sig)
{
	int e = errno;
	char c = 0;

	(void)sig;
	if (chld_pipe[1] >= 0 && write(chld_pipe[1], &c, 1) < 0)
		errno = e;
	trap_note(SIGCHLD);
	errno = e;
}

/* Installs the SIGCHLD handler; with pipe set, a fresh self-pipe too. */
static void
chld_setup(int pipe)
{
	if (chld_pipe[0] >= 0) {
		close(chld_pipe[0]);
		close(chld_pipe[1]);
		chld_pipe[0] = chld_pipe[1] = -1;
	}
	if (pipe && pipe2(chld_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
		chld_pipe[0] = chld_pipe[1] = -1;
	/* above 9, so that a user's `exec 3>f` cannot replace them */
	for (int i = 0; i < 2 && chld_pipe[i] >= 0 && chld_pipe[i] < 10; i++) {
		int hi = fcntl(chld_pipe[i], F_DUPFD_CLOEXEC, 10);

		if (hi >= 0) {
			close(chld_pipe[i]);
			chld_pipe[i] = hi;
		}
	}
	/* SA_RESTART: a child's death must not make read(2) fail */
	trap_disposition(SIGCHLD, chld_handler, SA_RESTART);
}

static void
jobs_atexit(void)
{
	/* give the terminal back to whoever had it, as bash does */
	if (getpid() == init_pid && ttyfd >= 0 && sh_opt.monitor &&
	    orig_pgrp > 0 && orig_pgrp != shell_pgrp)
		tcsetpgrp(ttyfd, orig_pgrp);
}

/* Opens the terminal as an fd of our own, >= 10, close-on-exec. */
static int
tty_open(void)
{
	int fd, t;

	fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		if (isatty(STDIN_FILENO))
			fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 10);
		else if (isatty(STDERR_FILENO))
			fd = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 10);
		return fd;
	}
	if (fd < 10) {
		t = fcntl(fd, F_DUPFD_CLOEXEC, 10);
		close(fd);
		fd = t;
	}
	return fd;
}

static void
monitor_init(void)
{
	pid_t pg;
	int i;

	ttyfd = tty_open();
	if (ttyfd < 0)
		return;
	/* wait until we are in the foreground (the glibc manual's loop) */
	while ((pg = tcgetpgrp(ttyfd)) != getpgrp()) {
		if (pg < 0)
			goto out_close;
		kill(-getpgrp(), SIGTTIN);
	}
	orig_pgrp = pg;
	shell_ignores = 1;
	for (i = 0; i < NJOBSIGS; i++)
		if (!jobs_ignored_at_start(job_sigs[i]))
			jobs_sig_base(job_sigs[i]);
	if (!jobs_ignored_at_start(SIGHUP))
		jobs_sig_base(SIGHUP);
	/* our own group, so Ctrl+C for a job never reaches the shell */
	if (getpgrp() != getpid() && setpgid(0, 0) < 0 && errno != EPERM)
		goto out_close;
	shell_pgrp = getpgrp();
	if (tcsetpgrp(ttyfd, shell_pgrp) < 0)
		goto out_close;
	if (tcgetattr(ttyfd, &shell_tmodes) == 0)
		have_shell_tmodes = 1;
	sh_opt.monitor = 1;
	return;
out_close:
	close(ttyfd);
	ttyfd = -1;
}

void
jobs_init(int interactive)
{
	struct sigaction sa;
	int n;

	init_pid = getpid();
	shell_pgrp = getpgrp();
	sigprocmask(SIG_SETMASK, NULL, &start_mask);
	sigdelset(&start_mask, SIGCHLD);
	sigemptyset(&start_ign);
	for (n = 1; n < NSIG; n++)
		if (sigaction(n, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
			sigaddset(&start_ign, n);
	sh_opt.monitor = 0;
	if (interactive) {
		sh_opt.explain = 1;	/* ~/.ipcshrc may set +o explain */
		monitor_init();
	}
	chld_setup(1);
	atexit(jobs_atexit);
}

int
jobs_ignored_at_start(int n)
{
	return n > 0 && n < NSIG && sigismember(&start_ign, n) == 1;
}

void
jobs_sig_base(int n)
{
	void (*handler)(int) = jobs_sig_ignored(n) ? SIG_IGN : SIG_DFL;
	int flags = 0;

	if (n == SIGINT && handler == SIG_IGN && !jobs_ignored_at_start(n)) {
		/* "ignored", but noted: see int_seen */
		handler = int_handler;
		flags = SA_RESTART;
	}
	if (n == SIGHUP && shell_ignores && !jobs_ignored_at_start(n))
		handler = hup_handler;
	trap_disposition(n, handler, flags);
}

int
jobs_interrupted(void)
{
	return int_seen;
}

int
jobs_sig_ignored(int n)
{
	int i;

	if (jobs_ignored_at_start(n))
		return 1;
	if (!shell_ignores)
		return 0;
	for (i = 0; i < NJOBSIGS; i++)
		if (job_sigs[i] == n)
			return 1;
	return 0;
}

/* POSIX: wait PID still knows the status of a finished background job */
#define NDONE 64
static struct {
	pid_t pid;
	int code;
} done_ring[NDONE];
static unsigned done_next;

static int wstatus_code(int st);

static void
job_free(struct job *j)
{
	int i;

	if (j->pgid > 0 && !j->disowned)
		hup_note(j->pgid, 0);
	for (i = 0; i < j->nproc && j->text != NULL && j->bgrun; i++) {
		if (j->procs[i].state != P_DONE)
			continue;
		done_ring[done_next % NDONE].pid = j->procs[i].pid;
		done_ring[done_next % NDONE].code =
		    wstatus_code(j->procs[i].status);
		done_next++;
	}

	for (i = 0; i < j->nproc; i++)
		free(j->procs[i].name);
	free(j->procs);
	free(j->text);
	free(j);
}

static void
job_unlink(struct job *j)
{
	struct job **pp;

	for (pp = &jobs; *pp != NULL; pp = &(*pp)->next)
		if (*pp == j) {
			*pp = j->next;
			return;
		}
}

static void (*exec_hook)(void);

void
jobs_set_exec_hook(void (*fn)(void))
{
	exec_hook = fn;
}

void
jobs_exec_hook(void)
{
	if (exec_hook != NULL)
		exec_hook();
}

void
jobs_forget(void)
{
	struct job *j, *next;

	/*
	 * A subshell still lists its parent's jobs, as bash does, so that
	 * `jobs | grep`, `kill $(jobs -p)` and `(kill %1)` work; they are
	 * not its children, so it never waits for them.
	 */
	for (j = jobs; j != NULL; j = next) {
		next = j->next;
		if (j->disowned) {
			job_unlink(j);
			job_free(j);
		} else {
			j->inherited = 1;
		}
	}
	shell_ignores = 0;
	done_next = 0;		/* those children were the parent's */
	if (ttyfd >= 0)
		close(ttyfd);
	ttyfd = -1;
	sh_opt.monitor = 0;
	init_pid = getpid();
	shell_pgrp = getpgrp();
	/* cheap: every forked child calls this; jobs_fd makes the pipe */
	chld_setup(0);
}

void
jobs_block(sigset_t *old)
{
	sigset_t set;
	int i;

	/*
	 * Also what the interactive shell ignores: a child inherits SIG_IGN
	 * until job_child resets it, and a `kill %1` sent in that window
	 * would be discarded; blocked, it stays pending (signal(7)) until
	 * job_child restores the mask.
	 */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGHUP);
	for (i = 0; i < NJOBSIGS; i++)
		sigaddset(&set, job_sigs[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

void
jobs_unblock(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

static int
next_id(void)
{
	struct job *j;
	int max = 0;

	for (j = jobs; j != NULL; j = j->next)
		if (!j->disowned && j->id > max)
			max = j->id;
	return max + 1;
}

struct job *
job_new(const char *text, int fg)
{
	struct job *j = calloc(1, sizeof(*j));

	if (j == NULL)
		return NULL;
	j->fg = fg;
	j->bgrun = !fg;
	if (text != NULL) {
		j->text = strdup(text);
		j->id = next_id();
		j->stamp = ++job_clock;
		j->next = NULL;
		/* append: the table lists oldest first */
		if (jobs == NULL) {
			jobs = j;
		} else {
			struct job *t = jobs;

			while (t->next != NULL)
				t = t->next;
			t->next = j;
		}
		exit_warned = 0;
	}
	return j;
}

static int
hidden(const struct job *j)
{
	return j->text == NULL;
}

void
job_child(struct job *j)
{
	pid_t pg;
	int i, n;

	/*
	 * Default dispositions first, so that a Ctrl+C typed before we own
	 * the terminal (it goes to the shell's group, ours until setpgid)
	 * still ends us. SIGTTIN/SIGTTOU stay ignored until after
	 * tcsetpgrp(3), which would otherwise stop us (SIGTTOU).
	 */
	if (sh_opt.monitor && !jobs_ignored_at_start(SIGHUP) &&
	    !trap_ignored(SIGHUP))
		trap_disposition(SIGHUP, SIG_DFL, 0);
	for (i = 0; sh_opt.monitor && i < NJOBSIGS; i++) {
		n = job_sigs[i];
		if (n == SIGTTIN || n == SIGTTOU)
			continue;
		if (!jobs_ignored_at_start(n) && !trap_ignored(n))
			trap_disposition(n, SIG_DFL, 0);
	}
	if (sh_opt.monitor && !hidden(j)) {
		pg = j->pgid ? j->pgid : getpid();
		setpgid(0, pg);
		if (j->fg && ttyfd >= 0)
			tcsetpgrp(ttyfd, pg);
	}
	for (i = 0; sh_opt.monitor && i < NJOBSIGS; i++) {
		n = job_sigs[i];
		if (n != SIGTTIN && n != SIGTTOU && n != SIGTSTP)
			continue;
		/*
		 * $(...) runs in the shell's own group, which owns the
		 * terminal: like bash, keep it from being stopped by Ctrl+Z,
		 * since nobody could resume it.
		 */
		if (hidden(j))
			sigaddset(&start_ign, n), trap_disposition(n, SIG_IGN, 0);
		else if (!jobs_ignored_at_start(n) && !trap_ignored(n))
			trap_disposition(n, SIG_DFL, 0);
	}
	trap_reset_child();
	/* POSIX: without job control, & ignores SIGINT and SIGQUIT */
	if (!sh_opt.monitor && !j->fg && !hidden(j)) {
		trap_disposition(SIGINT, SIG_IGN, 0);
		trap_disposition(SIGQUIT, SIG_IGN, 0);
		sigaddset(&start_ign, SIGINT);
		sigaddset(&start_ign, SIGQUIT);
	}
	/*
	 * The SIGCHLD handler, the terminal and the self-pipe go at
	 * execve(2) by themselves (handlers reset, O_CLOEXEC); a subshell
	 * calls jobs_forget.
	 */
	sigprocmask(SIG_SETMASK, &start_mask, NULL);
	/* Ctrl+C came to the shell before this job could own the terminal */
	if (sh_opt.monitor && j->fg && int_seen && !trap_ignored(SIGINT) &&
	    !jobs_ignored_at_start(SIGINT))
		raise(SIGINT);
	int_seen = 0;
	jobs_exec_hook();
}

void
job_add(struct job *j, pid_t pid, const char *name)
{
	struct proc *p;

	if (j->nproc == j->cap) {
		int cap = j->cap ? j->cap * 2 : 4;
		struct proc *np = realloc(j->procs, cap * sizeof(*np));

		if (np == NULL)
			return;
		j->procs = np;
		j->cap = cap;
	}
	p = &j->procs[j->nproc++];
	p->pid = pid;
	p->status = 0;
	p->state = P_RUNNING;
	p->name = strdup(name ? name : "?");
	if (sh_opt.monitor && !hidden(j)) {
		if (j->pgid == 0)
			j->pgid = pid;
		/*
		 * setpgid(2) in the parent too: whichever of parent and child
		 * runs first puts the child in the group, so the next member
		 * can join it and tcsetpgrp/killpg never see a missing group.
		 * EACCES means the child already exec'd (and did it itself).
		 */
		setpgid(pid, j->pgid);
		if (j->pgid == pid)
			hup_note(pid, 1);
	}
}

/* $? of one wait(2) status: the exit code, or 128+N for signal N. */
static int
wstatus_code(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	if (WIFSTOPPED(st))
		return 128 + WSTOPSIG(st);
	return 0;
}

static void
proc_update(struct proc *p, int st)
{
	if (WIFSTOPPED(st)) {
		p->state = P_STOPPED;
		p->status = st;
	} else if (WIFCONTINUED(st)) {
		p->state = P_RUNNING;
	} else {
		p->state = P_DONE;
		p->status = st;
	}
}

static int
job_running(const struct job *j)
{
	int i;

	for (i = 0; i < j->nproc; i++)
		if (j->procs[i].state == P_RUNNING)
			return 1;
	return 0;
}

static int
job_is_stopped(const struct job *j)
{
	int i, stopped = 0;

	for (i = 0; i < j->nproc; i++) {
		if (j->procs[i].state == P_RUNNING)
			return 0;
		if (j->procs[i].state == P_STOPPED)
			stopped = 1;
	}
	return stopped;
}

static int
job_is_done(const struct job *j)
{
	int i;

	for (i = 0; i < j->nproc; i++)
		if (j->procs[i].state != P_DONE)
			return 0;
	return 1;
}

/* $? of a finished or stopped job: last member, or pipefail's rule. */
static int
job_status(const struct job *j)
{
	int i, code = 0;

	if (j->nproc == 0)
		return 0;
	for (i = 0; i < j->nproc; i++)
		if (j->procs[i].state == P_STOPPED)
			return wstatus_code(j->procs[i].status);
	if (!sh_opt.pipefail)
		return wstatus_code(j->procs[j->nproc - 1].status);
	for (i = 0; i < j->nproc; i++)
		if (wstatus_code(j->procs[i].status) != 0)
			code = wstatus_code(j->procs[i].status);
	return code;
}

static volatile sig_atomic_t wait_intr;

/*
 * Waits (blocking) until no member of j runs any more. With intr set,
 * gives up when a trapped signal (or SIGINT for wait) arrives: -1.
 */
static int
wait_members(struct job *j, int flags, int intr)
{
	int i, st;
	pid_t r;

	for (i = 0; i < j->nproc; i++) {
		struct proc *p = &j->procs[i];

		while (p->state == P_RUNNING) {
			r = waitpid(p->pid, &st, flags);
			if (r == p->pid) {
				proc_update(p, st);
				continue;
			}
			if (r < 0 && errno == EINTR) {
				if (intr && (wait_intr || trap_pending()))
					return -1;
				continue;
			}
			/* ECHILD: someone else reaped it; count it as gone */
			p->state = P_DONE;
			p->status = 0;
		}
	}
	return 0;
}

static void
term_take_back(struct job *j)
{
	if (!sh_opt.monitor || ttyfd < 0)
		return;
	tcsetpgrp(ttyfd, shell_pgrp);
	if (j != NULL && job_is_stopped(j)) {
		j->have_tmodes = tcgetattr(ttyfd, &j->tmodes) == 0;
	}
	if (j != NULL && job_is_done(j) && !job_killed(j) &&
	    have_shell_tmodes) {
		/* bash keeps modes a job set and left normally (stty) */
		tcgetattr(ttyfd, &shell_tmodes);
		return;
	}
	if (have_shell_tmodes)
		tcsetattr(ttyfd, TCSADRAIN, &shell_tmodes);
}

static void
print_state_line(struct job *j, int fmt);

/*
 * Explain lines for a job: one per distinct signal, naming every member
 * it hit ("sleep (pid 12), sleep (pid 13)"), members in state st only.
 */
static void
explain_job(struct job *j, enum pstate st)
{
	char who[1024];
	int i, k, n, len, seen;

	for (i = 0; i < j->nproc; i++) {
		int ws = j->procs[i].status;

		if (j->procs[i].state != st || (!WIFSIGNALED(ws) &&
		    !WIFSTOPPED(ws)))
			continue;
		for (seen = 0, k = 0; k < i && !seen; k++)
			seen = j->procs[k].state == st &&
			    j->procs[k].status == ws;
		if (seen)
			continue;
		who[0] = '\0';
		for (n = 0, len = 0, k = i; k < j->nproc; k++) {
			if (j->procs[k].state != st || j->procs[k].status != ws)
				continue;
			len += snprintf(who + len, sizeof(who) - len,
			    "%s%s (pid %ld)", n ? ", " : "",
			    j->procs[k].name, (long)j->procs[k].pid);
			if (len >= (int)sizeof(who))
				len = sizeof(who) - 1;
			n++;
		}
		explain_line(who, n, ws);
	}
}

static void
report_fg(struct job *j)
{
	int i, last = -1;

	for (i = 0; i < j->nproc; i++) {
		int st = j->procs[i].status;

		if (j->procs[i].state == P_DONE && WIFSIGNALED(st) &&
		    WTERMSIG(st) != SIGINT && WTERMSIG(st) != SIGPIPE)
			last = i;
	}
	if (last >= 0)
		explain_report(j->procs[last].status);
	else if (sh_opt.interactive)
		for (i = 0; i < j->nproc; i++)
			if (j->procs[i].state == P_DONE &&
			    WIFSIGNALED(j->procs[i].status) &&
			    WTERMSIG(j->procs[i].status) == SIGINT) {
				/* the line after "^C", as bash prints it */
				fflush(stdout);
				fputc('\n', stderr);
				break;
			}
	explain_job(j, P_DONE);
}

/* Waits for a foreground job; returns its $?. */
static int
job_wait_fg(struct job *j)
{
	int status;

	j->fg = 1;
	j->bgrun = 0;
	/* a hidden job ($(...)) is never listed, so it cannot be stopped */
	wait_members(j, hidden(j) ? 0 : WUNTRACED, 0);
	int_seen = 0;
	/* no zombies meanwhile: background jobs that ended are collected */
	jobs_reap();
	term_take_back(j);
	status = job_status(j);
	if (job_is_stopped(j)) {
		j->fg = 0;
		j->stamp = ++job_clock;
		j->changed = 0;
		fflush(stdout);
		fputc('\n', stderr);
		print_state_line(j, JOB_FMT_NORMAL);
		explain_job(j, P_STOPPED);
		return status;
	}
	if (!hidden(j))
		report_fg(j);
	job_unlink(j);
	job_free(j);
	return status;
}

int
job_run(struct job *j)
{
	if (j == NULL)
		return 1;
	if (!j->fg && !hidden(j)) {
		sh_lastbg = job_lastpid(j);
		j->stamp = ++job_clock;
		if (sh_opt.interactive) {
			fflush(stdout);
			fprintf(stderr, "[%d] %ld\n", j->id, (long)sh_lastbg);
		}
		return 0;
	}
	if (sh_opt.monitor && !hidden(j) && ttyfd >= 0 && j->pgid > 0)
		tcsetpgrp(ttyfd, j->pgid);
	return job_wait_fg(j);
}

int
job_wait_pid(pid_t pid)
{
	int st;
	pid_t r;

	do
		r = waitpid(pid, &st, 0);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return 127;
	return wstatus_code(st);
}

/* Drains the self-pipe: its bytes only say "something changed". */
static void
chld_drain(void)
{
	char buf[64];

	if (chld_pipe[0] < 0)
		return;
	while (read(chld_pipe[0], buf, sizeof(buf)) > 0)
		;
}

void
jobs_reap(void)
{
	struct job *j, *next;
	int i, st, was_running, was_stopped;
	pid_t r;

	chld_drain();
	for (j = jobs; j != NULL; j = next) {
		next = j->next;
		if (j->inherited)
			continue;
		was_running = job_running(j);
		was_stopped = job_is_stopped(j);
		for (i = 0; i < j->nproc; i++) {
			struct proc *p = &j->procs[i];

			if (p->state == P_DONE)
				continue;
			r = waitpid(p->pid, &st,
			    WNOHANG | WUNTRACED | WCONTINUED);
			if (r == p->pid)
				proc_update(p, st);
			else if (r < 0 && errno == ECHILD)
				p->state = P_DONE;
		}
		if (was_running != job_running(j) ||
		    was_stopped != job_is_stopped(j) || job_is_done(j))
			j->changed = 1;
		if (j->disowned && job_is_done(j)) {
			job_unlink(j);
			job_free(j);
		}
	}
}

/* The job %+ is, then %-: stopped jobs first, then the most recent. */
static void
current_jobs(struct job **cur, struct job **prev)
{
	struct job *j;

	*cur = *prev = NULL;
	for (j = jobs; j != NULL; j = j->next) {
		if (j->disowned || j->nproc == 0 || j->fg)
			continue;
		if (*cur == NULL || (job_is_stopped(j) &&
		    !job_is_stopped(*cur)) ||
		    (job_is_stopped(j) == job_is_stopped(*cur) &&
		    j->stamp > (*cur)->stamp)) {
			*prev = *cur;
			*cur = j;
		} else if (*prev == NULL || (job_is_stopped(j) &&
		    !job_is_stopped(*prev)) ||
		    (job_is_stopped(j) == job_is_stopped(*prev) &&
		    j->stamp > (*prev)->stamp)) {
			*prev = j;
		}
	}
}

static int
job_mark(const struct job *j)
{
	struct job *cur, *prev;

	current_jobs(&cur, &prev);
	if (j == cur)
		return '+';
	if (j == prev)
		return '-';
	return ' ';
}

/* The wait status that names a job's state: a stopped or killed member. */
static int
job_wstatus(const struct job *j)
{
	int i;

	for (i = 0; i < j->nproc; i++)
		if (j->procs[i].state == P_STOPPED)
			return j->procs[i].status;
	if (job_running(j))
		return 0xffff;	/* WIFCONTINUED: "Running" */
	for (i = j->nproc - 1; i >= 0; i--)
		if (WIFSIGNALED(j->procs[i].status) &&
		    WTERMSIG(j->procs[i].status) != SIGPIPE)
			return j->procs[i].status;
	return j->nproc ? j->procs[j->nproc - 1].status : 0;
}

static int
job_killed(const struct job *j)
{
	int i;

	for (i = 0; i < j->nproc; i++)
		if (j->procs[i].state == P_DONE &&
		    WIFSIGNALED(j->procs[i].status))
			return 1;
	return 0;
}

/*
 * Splits a pipeline's text at its top-level '|' (not "||", not quoted)
 * into at most n parts, trimmed. Returns the number of parts; they
 * point into buf, a copy of text.
 */
static int
split_pipeline(const char *text, char *buf, size_t size, char **parts, int n)
{
	char *s, q = 0;
	int k = 0;

	snprintf(buf, size, "%s", text);
	parts[k++] = buf;
	for (s = buf; *s != '\0'; s++) {
		if (q) {
			if (*s == q)
				q = 0;
			else if (*s == '\\' && q == '"' && s[1] != '\0')
				s++;
		} else if (*s == '\'' || *s == '"') {
			q = *s;
		} else if (*s == '\\' && s[1] != '\0') {
			s++;
		} else if (*s == '|' && s[1] != '|' &&
		    (s == buf || s[-1] != '|')) {
			if (k == n)
				return n + 1;
			*s = '\0';
			parts[k++] = s + 1;
		}
	}
	for (n = 0; n < k; n++) {
		char *e;

		parts[n] += strspn(parts[n], " \t");
		e = parts[n] + strlen(parts[n]);
		while (e > parts[n] && (e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
	}
	return k;
}

/* jobs -l: a line per member, pids and each member's own part, as bash. */
static void
print_long(struct job *j)
{
	char buf[4096], *parts[64], ps[128], prev[128] = "";
	int i, k, running = job_running(j);

	k = split_pipeline(j->text, buf, sizeof(buf), parts, 64);
	for (i = 0; i < j->nproc; i++) {
		struct proc *p = &j->procs[i];
		const char *text = k == j->nproc ? parts[i] : p->name;
		const char *amp = running && j->bgrun && i == j->nproc - 1 ?
		    " &" : "";

		explain_state(p->state == P_RUNNING ? 0xffff : p->status,
		    ps, sizeof(ps));
		if (i == 0 && k != j->nproc)
			text = j->text;
		if (i == 0)
			printf("[%d]%c %ld %-24s%s%s\n", j->id, job_mark(j),
			    (long)p->pid, ps, text, amp);
		else
			printf("     %ld %-22s| %s%s\n", (long)p->pid,
			    strcmp(ps, prev) ? ps : "", text, amp);
		snprintf(prev, sizeof(prev), "%s", ps);
	}
}

static void
print_state_line(struct job *j, int fmt)
{
	char state[128];
	int st = job_wstatus(j);

	fflush(stdout);
	if (fmt == JOB_FMT_PIDS) {
		printf("%ld\n", (long)job_pgid(j));
	} else if (fmt == JOB_FMT_LONG) {
		print_long(j);
	} else {
		/* the short form says "Stopped" for every stop signal */
		if (WIFSTOPPED(st))
			snprintf(state, sizeof(state), "Stopped");
		else
			explain_state(st, state, sizeof(state));
		/* POSIX jobs(1), bash --posix: "Done(3)"; bash itself "Exit 3" */
		if (!sh_opt.interactive && WIFEXITED(st) &&
		    WEXITSTATUS(st) != 0 && !job_running(j))
			snprintf(state, sizeof(state), "Done(%d)",
			    WEXITSTATUS(st));
		printf("[%d]%c  %-24s%s%s\n", j->id, job_mark(j), state,
		    j->text, job_running(j) && j->bgrun ? " &" : "");
	}
	fflush(stdout);
}

void
job_print(struct job *j, int fmt)
{
	print_state_line(j, fmt);
	j->changed = 0;
	fflush(stdout);
	if (fmt != JOB_FMT_PIDS && job_is_done(j)) {
		/* shown as Done: bash forgets it now */
		job_unlink(j);
		job_free(j);
	}
}

void
jobs_notify(void)
{
	struct job *j, *next;

	int_seen = 0;
	jobs_reap();
	for (j = jobs; j != NULL; j = next) {
		next = j->next;
		if (j->disowned || j->fg || !j->changed || j->inherited)
			continue;
		j->changed = 0;
		if (job_running(j))
			continue;	/* resumed by someone else */
		if (sh_opt.interactive) {
			print_state_line(j, JOB_FMT_NORMAL);
			explain_job(j, job_is_done(j) ? P_DONE : P_STOPPED);
		}
		if (job_is_done(j)) {
			job_unlink(j);
			job_free(j);
		}
	}
	fflush(stdout);
}

int
jobs_fd(void)
{
	sigset_t old;

	if (chld_pipe[0] < 0) {
		jobs_block(&old);
		if (pipe2(chld_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
			chld_pipe[0] = chld_pipe[1] = -1;
		jobs_unblock(&old);
	}
	return chld_pipe[0];
}

int
jobs_stopped(void)
{
	struct job *j;
	int n = 0;

	for (j = jobs; j != NULL; j = j->next)
		if (!j->disowned && !j->inherited && job_is_stopped(j))
			n++;
	return n;
}

int
jobs_exit_ok(void)
{
	jobs_reap();
	if (jobs_stopped() == 0 || exit_warned)
		return 1;
	exit_warned = 1;
	fflush(stdout);
	fprintf(stderr, "There are stopped jobs.\n");
	return 0;
}

pid_t
job_pgid(const struct job *j)
{
	if (j->pgid > 0)
		return j->pgid;
	return j->nproc ? j->procs[0].pid : 0;
}

pid_t
job_lastpid(const struct job *j)
{
	return j->nproc ? j->procs[j->nproc - 1].pid : 0;
}

int
job_id(const struct job *j)
{
	return j->id;
}

void
jobs_each(void (*fn)(struct job *, void *), void *arg)
{
	struct job *j, *next;

	for (j = jobs; j != NULL; j = next) {
		next = j->next;
		if (!j->disowned && !j->fg && j->nproc > 0)
			fn(j, arg);
	}
}

struct job *
job_by_pid(pid_t pid)
{
	struct job *j;
	int i;

	for (j = jobs; j != NULL; j = j->next)
		for (i = 0; i < j->nproc && !j->disowned; i++)
			if (j->procs[i].pid == pid)
				return j;
	return NULL;
}

static int
listed(const struct job *j)
{
	return !j->disowned && !j->fg && j->nproc > 0;
}

struct job *
job_find(const char *spec, const char *who)
{
	struct job *j, *cur, *prev, *found = NULL;
	const char *s;
	char *end;
	long n;

	jobs_reap();
	current_jobs(&cur, &prev);
	if (spec == NULL || strcmp(spec, "%%") == 0 ||
	    strcmp(spec, "%+") == 0 || strcmp(spec, "%") == 0) {
		if (cur == NULL)
			bi_errorf(who, "%s: no such job",
			    spec ? spec : "current");
		return cur;
	}
	if (strcmp(spec, "%-") == 0) {
		if (prev == NULL)
			bi_errorf(who, "%s: no such job", spec);
		return prev;
	}
	s = spec[0] == '%' ? spec + 1 : spec;
	if (*s >= '0' && *s <= '9') {
		n = strtol(s, &end, 10);
		for (j = jobs; *end == '\0' && j != NULL; j = j->next)
			if (listed(j) && j->id == n)
				return j;
		bi_errorf(who, "%s: no such job", spec);
		return NULL;
	}
	for (j = jobs; j != NULL; j = j->next) {
		if (!listed(j))
			continue;
		if (s[0] == '?' ? strstr(j->text, s + 1) != NULL :
		    strncmp(j->text, s, strlen(s)) == 0) {
			if (found != NULL) {
				bi_errorf(who, "%s: ambiguous job spec", s);
				return NULL;
			}
			found = j;
		}
	}
	if (found == NULL)
		bi_errorf(who, "%s: no such job", spec);
	return found;
}

static int
job_cont(struct job *j)
{
	int i;
	pid_t pg = job_pgid(j);

	for (i = 0; i < j->nproc; i++)
		if (j->procs[i].state == P_STOPPED)
			j->procs[i].state = P_RUNNING;
	/* killpg(3): SIGCONT to the whole group resumes a pipeline as a unit */
	if (sh_opt.monitor && j->pgid > 0)
		return killpg(pg, SIGCONT);
	for (i = 0; i < j->nproc; i++)
		if (j->procs[i].state != P_DONE)
			kill(j->procs[i].pid, SIGCONT);
	return 0;
}

int
job_fg(struct job *j)
{
	fflush(stdout);
	printf("%s\n", j->text);
	fflush(stdout);
	if (sh_opt.monitor && ttyfd >= 0 && j->pgid > 0) {
		if (j->have_tmodes)
			tcsetattr(ttyfd, TCSADRAIN, &j->tmodes);
		tcsetpgrp(ttyfd, j->pgid);
	}
	if (job_cont(j) < 0 && errno != ESRCH) {
		term_take_back(NULL);
		return -1;
	}
	return job_wait_fg(j);
}

int
job_bg(struct job *j)
{
	if (job_running(j) && j->bgrun) {
		bi_errorf("bg", "job %d already in background", j->id);
		return 0;
	}
	j->bgrun = 1;
	j->fg = 0;
	j->stamp = ++job_clock;
	if (job_cont(j) < 0 && errno != ESRCH)
		return -1;
	j->changed = 0;
	fflush(stdout);
	printf("[%d]%c %s &\n", j->id, job_mark(j), j->text);
	fflush(stdout);
	return 0;
}

static void
wait_int_handler(int sig)
{
	(void)sig;
	wait_intr = 1;
}

/* Waits until j is done, stopped, or a signal interrupts; $? or 128+N. */
static int
wait_job_intr(struct job *j, int *done)
{
	struct trap_save save;
	int r;

	*done = 0;
	wait_intr = 0;
	/* Ctrl+C ends a wait, as in bash; no SA_RESTART */
	if (sh_opt.interactive)
		trap_sigint_push(wait_int_handler, &save);
	r = wait_members(j, WUNTRACED, 1);
	if (sh_opt.interactive)
		trap_sigint_pop(&save);
	if (r < 0 || wait_intr) {
		return 128 + (wait_intr ? SIGINT : trap_pending());
	}
	*done = 1;
	return job_status(j);
}

int
job_wait(struct job *j)
{
	int done, status;

	if (j->inherited) {
		bi_errorf("wait", "%%%d: job is not a child of this shell",
		    j->id);
		return 127;
	}
	status = wait_job_intr(j, &done);
	if (!done)
		return status;
	if (job_is_done(j)) {
		/* bash: a job waited for is not reported again */
		job_unlink(j);
		job_free(j);
	} else if (job_is_stopped(j)) {
		/* bash warns too; waiting longer could only hang */
		bi_errorf("wait", "job %d is stopped", j->id);
	}
	return status;
}

int
jobs_wait_all(void)
{
	struct job *j;
	int done;

	for (;;) {
		jobs_reap();
		for (j = jobs; j != NULL; j = j->next)
			if (!j->disowned && !j->inherited && job_running(j))
				break;
		if (j == NULL)
			break;
		wait_job_intr(j, &done);
		if (!done)
			return 128 + (wait_intr ? SIGINT : trap_pending());
	}
	/* POSIX: wait without operands forgets every finished job */
	for (j = jobs; j != NULL; j = j->next)
		if (!j->disowned && job_is_done(j))
			j->changed = 0, j->disowned = 1;
	jobs_reap();
	return 0;
}

void
job_disown(struct job *j)
{
	if (j->pgid > 0 && !j->disowned)
		hup_note(j->pgid, 0);	/* bash: no SIGHUP for these */
	j->disowned = 1;
	j->id = 0;
	jobs_reap();
}

int
job_signal(struct job *j, int sig)
{
	int i, rc = 0, stopped = job_is_stopped(j);

	if (sh_opt.monitor && j->pgid > 0) {
		/* killpg(3): the whole pipeline, as the terminal does */
		if (killpg(j->pgid, sig) < 0)
			return -1;
		if (stopped && (sig == SIGTERM || sig == SIGHUP))
			killpg(j->pgid, SIGCONT);
		return 0;
	}
	for (i = 0; i < j->nproc; i++) {
		if (j->procs[i].state == P_DONE)
			continue;
		if (kill(j->procs[i].pid, sig) < 0)
			rc = -1;
		else if (stopped && (sig == SIGTERM || sig == SIGHUP))
			kill(j->procs[i].pid, SIGCONT);
	}
	return rc;
}

int
jobs_wait_for_pid(pid_t pid)
{
	struct job *j = job_by_pid(pid);
	int i, done, status;
	unsigned k;

	if (j != NULL && j->inherited)
		j = NULL;	/* the parent's child, not ours */
	if (j == NULL) {
		for (k = done_next; k > 0 && done_next - k < NDONE; k--)
			if (done_ring[(k - 1) % NDONE].pid == pid)
				return done_ring[(k - 1) % NDONE].code;
		bi_errorf("wait", "pid %ld is not a child of this shell",
		    (long)pid);
		return 127;
	}
	status = wait_job_intr(j, &done);
	if (!done)
		return status;
	for (i = 0; i < j->nproc; i++)
		if (j->procs[i].pid == pid)
			status = wstatus_code(j->procs[i].status);
	if (job_is_stopped(j))
		bi_errorf("wait", "job %d is stopped", j->id);
	if (job_is_done(j)) {
		job_unlink(j);
		job_free(j);
	}
	return status;
}
