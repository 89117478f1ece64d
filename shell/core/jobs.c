/*
 * jobs.c - the job table: process groups, the terminal, the shell's own
 * signals, job specs and bash-like notifications (jobwait.c waits).
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
#include "jobs_int.h"
#include "shell.h"
#include "trap.h"

struct job *job_list;	/* listed and disowned jobs, oldest first */
unsigned long jobs_clock;
int jobs_chld_pipe[2] = { -1, -1 };
volatile sig_atomic_t jobs_chld_polled;
int jobs_ttyfd = -1;		/* the controlling terminal (monitor) */
pid_t jobs_shell_pgrp;
static pid_t orig_pgrp;		/* terminal owner when we started */
static pid_t init_pid;
struct termios jobs_shell_tmodes;
int jobs_have_shell_tmodes;
static sigset_t start_mask;		/* the mask we were started with */
static sigset_t start_ign;		/* signals ignored when we started */
static sigset_t start_known;		/* ...asked of the kernel so far */
static int exit_warned;
static int shell_ignores;		/* the interactive shell's job_sigs */

/* what an interactive shell ignores; SIGTERM so that `kill 0` spares it */
static const int job_sigs[] = {
	SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGTERM,
};
#define NJOBSIGS ((int)(sizeof(job_sigs) / sizeof(job_sigs[0])))

/*
 * Ctrl+C that reaches the interactive shell itself: between reading a
 * line and the moment the job owns the terminal. The flag is inherited
 * by fork(2), so a foreground child that sees it set knows the user
 * interrupted it before it could take the terminal.
 */
volatile sig_atomic_t jobs_int_seen;

static void
int_handler(int sig)
{
	(void)sig;
	jobs_int_seen = 1;
}

/*
 * The process groups of the jobs, for the SIGHUP handler: when the
 * terminal hangs up, the interactive shell passes SIGHUP on to its jobs
 * (then SIGCONT, so that stopped ones act on it), as bash does. A plain
 * array of pids, so the handler reads no list the main code may change.
 */
#define NHUP 256
static volatile pid_t hup_groups[NHUP];

void
jobs_hup_note(pid_t pg, int on)
{
	int i;

	for (i = 0; i < NHUP; i++)
		if (on ? hup_groups[i] == 0 : hup_groups[i] == pg) {
			hup_groups[i] = on ? pg : 0;
			return;
		}
}

static void (*hup_hook)(void);
static volatile sig_atomic_t hup_seen;	/* dies of SIGHUP at exit */

int
jobs_hung_up(void)
{
	return hup_seen;
}

void
sh_on_hangup(void (*fn)(void))
{
	hup_hook = fn;
}

/*
 * signal-safety(7): kill(2), sigaction(2) and alarm(2) only. The shell
 * then reads the end of input from the hung-up terminal and exits as
 * then (the EXIT trap, atexit clean-ups: a lesson's files and objects);
 * a second SIGHUP, or SIGALRM 5 s on when something it waits for ignores
 * the hang-up, ends it at once.
 */
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
	trap_disposition(SIGALRM, SIG_DFL, 0);
	alarm(5);
	hup_seen = 1;
	if (hup_hook != NULL)
		hup_hook();
}

/*
 * signal-safety(7): write(2) is async-signal-safe; errno is preserved.
 * The byte is written only once a poll(2) loop took the pipe (jobs_fd):
 * a shell that waits with wait(2) alone needs no byte, and each would
 * cost a write and a read per command.
 */
static void
chld_handler(int sig)
{
	const char *action = trap_get(SIGCHLD);
	int e = errno;
	char c = 0;

	(void)sig;
	if (jobs_chld_polled && jobs_chld_pipe[1] >= 0 &&
	    write(jobs_chld_pipe[1], &c, 1) < 0)
		errno = e;
	/* only a trap makes the note matter (trap_set clears it): dash */
	if (action != NULL && action[0] != '\0')
		trap_note(SIGCHLD);
	errno = e;
}

/* The self-pipe, made when a poll(2) loop first wants it (jobs_fd). */
static void
chld_pipe_open(void)
{
	int i, hi;

	if (pipe2(jobs_chld_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
		jobs_chld_pipe[0] = jobs_chld_pipe[1] = -1;
		return;
	}
	/* above 9, so that a user's `exec 3>f` cannot replace them */
	for (i = 0; i < 2 && jobs_chld_pipe[i] < 10; i++) {
		if ((hi = fcntl(jobs_chld_pipe[i], F_DUPFD_CLOEXEC, 10)) >= 0) {
			close(jobs_chld_pipe[i]);
			jobs_chld_pipe[i] = hi;
		}
	}
}

/* Installs the SIGCHLD handler, without the parent's self-pipe. */
static void
chld_setup(void)
{
	if (jobs_chld_pipe[0] >= 0) {
		close(jobs_chld_pipe[0]);
		close(jobs_chld_pipe[1]);
		jobs_chld_pipe[0] = jobs_chld_pipe[1] = -1;
	}
	jobs_chld_polled = 0;
	/* SA_RESTART: a child's death must not make read(2) fail */
	trap_disposition(SIGCHLD, chld_handler, SA_RESTART);
}

static void
jobs_atexit(void)
{
	/* give the terminal back to whoever had it, as bash does */
	if (getpid() == init_pid && jobs_ttyfd >= 0 && sh_opt.monitor &&
	    orig_pgrp > 0 && orig_pgrp != jobs_shell_pgrp)
		tcsetpgrp(jobs_ttyfd, orig_pgrp);
	/* the last of the clean-ups (registered first): die of the hang-up */
	if (hup_seen && getpid() == init_pid) {
		fflush(NULL);
		trap_disposition(SIGHUP, SIG_DFL, 0);
		raise(SIGHUP);
	}
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

	jobs_ttyfd = tty_open();
	if (jobs_ttyfd < 0)
		return;
	/* wait until we are in the foreground (the glibc manual's loop) */
	while ((pg = tcgetpgrp(jobs_ttyfd)) != getpgrp()) {
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
	jobs_shell_pgrp = getpgrp();
	if (tcsetpgrp(jobs_ttyfd, jobs_shell_pgrp) < 0)
		goto out_close;
	if (tcgetattr(jobs_ttyfd, &jobs_shell_tmodes) == 0)
		jobs_have_shell_tmodes = 1;
	sh_opt.monitor = 1;
	return;
out_close:
	close(jobs_ttyfd);
	jobs_ttyfd = -1;
}

int
jobs_monitor(int on)
{
	if (!on) {
		sh_opt.monitor = 0;
		return 0;
	}
	if (!sh_opt.monitor)
		monitor_init();
	return sh_opt.monitor ? 0 : -1;
}

void
jobs_init(int interactive)
{
	init_pid = getpid();
	jobs_shell_pgrp = getpgrp();
	sigprocmask(SIG_SETMASK, NULL, &start_mask);
	sigdelset(&start_mask, SIGCHLD);
	sh_opt.monitor = 0;
	if (interactive) {
		sh_opt.explain = 1;	/* ~/.ipcshrc may set +o explain */
		monitor_init();
	}
	chld_setup();	/* the self-pipe waits for a poll(2) loop: jobs_fd */
	atexit(jobs_atexit);
}

/*
 * What the shell started with is asked of the kernel the first time it
 * matters, as dash's setsignal does: until the shell changes signal n
 * (trap.c notes it first), its disposition is still the one inherited.
 * A script that never traps pays no 64 sigaction(2) calls at start-up.
 */
void
jobs_note_start(int n)
{
	struct sigaction sa;

	if (n <= 0 || n >= NSIG || sigismember(&start_known, n) == 1)
		return;
	sigaddset(&start_known, n);
	if (sigaction(n, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
		sigaddset(&start_ign, n);
}

int
jobs_ignored_at_start(int n)
{
	if (n <= 0 || n >= NSIG)
		return 0;
	jobs_note_start(n);
	return sigismember(&start_ign, n) == 1;
}

void
jobs_sig_base(int n)
{
	void (*handler)(int) = jobs_sig_ignored(n) ? SIG_IGN : SIG_DFL;
	int flags = 0;

	if (n == SIGINT && handler == SIG_IGN && !jobs_ignored_at_start(n)) {
		/* "ignored", but noted: see jobs_int_seen */
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
	return jobs_int_seen;
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
struct jobs_done jobs_done_ring[JOBS_NDONE];
unsigned jobs_done_next;

/*
 * Every external command makes a job and frees it when it has waited:
 * the last one freed is kept, with its members' array, for the next
 * (not under ASan, which must see a freed job as freed).
 */
#ifdef __SANITIZE_ADDRESS__
#define JOBS_SPARE 0
#else
#define JOBS_SPARE 1
#endif
static struct job *spare_job;

void
job_free(struct job *j)
{
	int i;

	if (j->pgid > 0 && !j->disowned)
		jobs_hup_note(j->pgid, 0);
	for (i = 0; i < j->nproc && j->text != NULL && j->bgrun; i++) {
		if (j->procs[i].state != P_DONE)
			continue;
		jobs_done_ring[jobs_done_next % JOBS_NDONE].pid = j->procs[i].pid;
		jobs_done_ring[jobs_done_next % JOBS_NDONE].code =
		    jobs_wstatus_code(j->procs[i].status);
		jobs_done_next++;
	}
	for (i = 0; i < j->nproc; i++)
		free(j->procs[i].name);
	if (j->text != j->text_buf)
		free(j->text);
	if (JOBS_SPARE && spare_job == NULL) {
		spare_job = j;	/* job_new takes it, with its procs */
		return;
	}
	free(j->procs);
	free(j);
}

void
job_unlink(struct job *j)
{
	struct job **pp;

	for (pp = &job_list; *pp != NULL; pp = &(*pp)->next)
		if (*pp == j) {
			*pp = j->next;
			return;
		}
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
	for (j = job_list; j != NULL; j = next) {
		next = j->next;
		if (j->disowned) {
			job_unlink(j);
			job_free(j);
		} else {
			j->inherited = 1;
		}
	}
	shell_ignores = 0;
	jobs_done_next = 0;		/* those children were the parent's */
	if (jobs_ttyfd >= 0)
		close(jobs_ttyfd);
	jobs_ttyfd = -1;
	sh_opt.monitor = 0;
	init_pid = getpid();
	jobs_shell_pgrp = getpgrp();
	/* cheap: every forked child calls this; jobs_fd makes the pipe */
	chld_setup();
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

	for (j = job_list; j != NULL; j = j->next)
		if (!j->disowned && j->id > max)
			max = j->id;
	return max + 1;
}

struct job *
job_new(const char *text, int fg)
{
	struct job *j = spare_job;

	if (j != NULL) {
		struct proc *procs = j->procs;
		int cap = j->cap;

		spare_job = NULL;
		memset(j, 0, sizeof(*j));
		j->procs = procs;
		j->cap = cap;
	} else if ((j = calloc(1, sizeof(*j))) == NULL) {
		return NULL;
	}
	j->fg = fg;
	j->bgrun = !fg;
	if (text != NULL) {
		size_t len = strlen(text);

		j->text = len < sizeof(j->text_buf) ? j->text_buf :
		    malloc(len + 1);
		if (j->text != NULL)
			memcpy(j->text, text, len + 1);
		j->id = next_id();
		j->stamp = ++jobs_clock;
		j->next = NULL;
		/* append: the table lists oldest first */
		if (job_list == NULL) {
			job_list = j;
		} else {
			struct job *t = job_list;

			while (t->next != NULL)
				t = t->next;
			t->next = j;
		}
		exit_warned = 0;
	}
	return j;
}

int
job_hidden(const struct job *j)
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
	if (sh_opt.monitor && !job_hidden(j)) {
		pg = j->pgid ? j->pgid : getpid();
		setpgid(0, pg);
		if (j->fg && jobs_ttyfd >= 0)
			tcsetpgrp(jobs_ttyfd, pg);
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
		if (job_hidden(j))
			sigaddset(&start_ign, n), trap_disposition(n, SIG_IGN, 0);
		else if (!jobs_ignored_at_start(n) && !trap_ignored(n))
			trap_disposition(n, SIG_DFL, 0);
	}
	trap_reset_child();
	/* POSIX: without job control, & ignores SIGINT and SIGQUIT */
	if (!sh_opt.monitor && !j->fg && !job_hidden(j)) {
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
	if (sh_opt.monitor && j->fg && jobs_int_seen && !trap_ignored(SIGINT) &&
	    !jobs_ignored_at_start(SIGINT))
		raise(SIGINT);
	jobs_int_seen = 0;
	jobs_child_before_exec();
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
	if (name == NULL)
		name = "?";
	p->name = NULL;
	if (strlen(name) < sizeof(p->name_buf))
		strcpy(p->name_buf, name);
	else
		p->name = strdup(name);
	if (sh_opt.monitor && !job_hidden(j)) {
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
			jobs_hup_note(pid, 1);
	}
}

/* The job %+ is, then %-: stopped jobs first, then the most recent. */
static void
current_jobs(struct job **cur, struct job **prev)
{
	struct job *j;

	*cur = *prev = NULL;
	for (j = job_list; j != NULL; j = j->next) {
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

int
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

int
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
		const char *text = k == j->nproc ? parts[i] : proc_name(p);
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

void
job_print_state(struct job *j, int fmt)
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
	job_print_state(j, fmt);
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

	jobs_int_seen = 0;
	jobs_reap();
	for (j = job_list; j != NULL; j = next) {
		next = j->next;
		if (j->disowned || j->fg || !j->changed || j->inherited)
			continue;
		j->changed = 0;
		if (job_running(j))
			continue;	/* resumed by someone else */
		if (sh_opt.interactive) {
			job_print_state(j, JOB_FMT_NORMAL);
			job_explain(j, job_is_done(j) ? P_DONE : P_STOPPED);
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

	if (jobs_chld_pipe[0] < 0) {
		jobs_block(&old);
		chld_pipe_open();
		jobs_unblock(&old);
	}
	jobs_chld_polled = 1;
	return jobs_chld_pipe[0];
}

int
jobs_stopped(void)
{
	struct job *j;
	int n = 0;

	for (j = job_list; j != NULL; j = j->next)
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
	sh_errlinef("There are stopped jobs.");
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

	for (j = job_list; j != NULL; j = next) {
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

	for (j = job_list; j != NULL; j = j->next)
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
		for (j = job_list; *end == '\0' && j != NULL; j = j->next)
			if (listed(j) && j->id == n)
				return j;
		bi_errorf(who, "%s: no such job", spec);
		return NULL;
	}
	for (j = job_list; j != NULL; j = j->next) {
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
