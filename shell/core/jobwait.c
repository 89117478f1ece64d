/*
 * jobwait.c - waiting for jobs: wait(2) on their members, the terminal
 * taken back after a foreground job, reaping driven by SIGCHLD through
 * the self-pipe, fg, bg and the wait builtin's waits.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/wait.h>

#include "explain.h"
#include "intr.h"
#include "jobs.h"
#include "jobs_int.h"
#include "shell.h"
#include "trap.h"

/* $? of one wait(2) status: the exit code, or 128+N for signal N. */
int
jobs_wstatus_code(int st)
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

int
job_running(const struct job *j)
{
	int i;

	for (i = 0; i < j->nproc; i++)
		if (j->procs[i].state == P_RUNNING)
			return 1;
	return 0;
}

int
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

int
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
			return jobs_wstatus_code(j->procs[i].status);
	if (!sh_opt.pipefail)
		return jobs_wstatus_code(j->procs[j->nproc - 1].status);
	for (i = 0; i < j->nproc; i++)
		if (jobs_wstatus_code(j->procs[i].status) != 0)
			code = jobs_wstatus_code(j->procs[i].status);
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
	if (!sh_opt.monitor || jobs_ttyfd < 0)
		return;
	tcsetpgrp(jobs_ttyfd, jobs_shell_pgrp);
	if (j != NULL && job_is_stopped(j)) {
		j->have_tmodes = tcgetattr(jobs_ttyfd, &j->tmodes) == 0;
	}
	if (j != NULL && job_is_done(j) && !job_killed(j) &&
	    jobs_have_shell_tmodes) {
		/* bash keeps modes a job set and left normally (stty) */
		tcgetattr(jobs_ttyfd, &jobs_shell_tmodes);
		return;
	}
	if (jobs_have_shell_tmodes)
		tcsetattr(jobs_ttyfd, TCSADRAIN, &jobs_shell_tmodes);
}


/*
 * Explain lines for a job: one per distinct signal, naming every member
 * it hit ("sleep (pid 12), sleep (pid 13)"), members in state st only.
 */
void
job_explain(struct job *j, enum pstate st)
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
			    proc_name(&j->procs[k]), (long)j->procs[k].pid);
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
	job_explain(j, P_DONE);
}

/* Waits for a foreground job; returns its $?. */
static int
job_wait_fg(struct job *j)
{
	int status;

	j->fg = 1;
	j->bgrun = 0;
	/* a hidden job ($(...)) is never listed, so it cannot be stopped */
	wait_members(j, job_hidden(j) ? 0 : WUNTRACED, 0);
	jobs_int_seen = 0;
	/* no zombies meanwhile: background jobs that ended are collected */
	jobs_reap();
	term_take_back(j);
	status = job_status(j);
	if (job_is_stopped(j)) {
		j->fg = 0;
		j->stamp = ++jobs_clock;
		j->changed = 0;
		fflush(stdout);
		fputc('\n', stderr);
		job_print_state(j, JOB_FMT_NORMAL);
		job_explain(j, P_STOPPED);
		return status;
	}
	if (!job_hidden(j))
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
	if (!j->fg && !job_hidden(j)) {
		sh_lastbg = job_lastpid(j);
		j->stamp = ++jobs_clock;
		if (sh_opt.interactive) {
			fflush(stdout);
			fprintf(stderr, "[%d] %ld\n", j->id, (long)sh_lastbg);
		}
		return 0;
	}
	if (sh_opt.monitor && !job_hidden(j) && jobs_ttyfd >= 0 &&
	    j->pgid > 0) {
		tcsetpgrp(jobs_ttyfd, j->pgid);
		/*
		 * A Ctrl+C typed after the first member left the shell's
		 * group (setpgid in job_add) and before the job owned the
		 * terminal reached the shell alone: the terminal would have
		 * sent it to the job, so the shell passes it on. (A member
		 * that got it itself, still in our group, dies of it before
		 * its exec: it sees no second one.)
		 */
		if (jobs_int_seen && !trap_ignored(SIGINT) &&
		    !jobs_ignored_at_start(SIGINT))
			killpg(j->pgid, SIGINT);
	}
	return job_wait_fg(j);
}

/*
 * Drains the self-pipe: its bytes only say "something changed". A short
 * read emptied it (a byte written after it wakes the next poll anyway).
 */
static void
chld_drain(void)
{
	char buf[64];

	if (jobs_chld_pipe[0] < 0 || !jobs_chld_polled)
		return;
	while (read(jobs_chld_pipe[0], buf, sizeof(buf)) ==
	    (ssize_t)sizeof(buf))
		;
}

void
jobs_reap(void)
{
	struct job *j, *next;
	int i, st, was_running, was_stopped;
	pid_t r;

	chld_drain();
	for (j = job_list; j != NULL; j = next) {
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
	if (sh_opt.monitor && jobs_ttyfd >= 0 && j->pgid > 0) {
		if (j->have_tmodes)
			tcsetattr(jobs_ttyfd, TCSADRAIN, &j->tmodes);
		tcsetpgrp(jobs_ttyfd, j->pgid);
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
	j->stamp = ++jobs_clock;
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
		if (wait_intr)
			return intr_status(SIGINT);	/* newline after ^C */
		return 128 + trap_pending();
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
		for (j = job_list; j != NULL; j = j->next)
			if (!j->disowned && !j->inherited && job_running(j))
				break;
		if (j == NULL)
			break;
		wait_job_intr(j, &done);
		if (!done)
			return 128 + (wait_intr ? SIGINT : trap_pending());
	}
	/* POSIX: wait without operands forgets every finished job */
	for (j = job_list; j != NULL; j = j->next)
		if (!j->disowned && job_is_done(j))
			j->changed = 0, j->disowned = 1;
	jobs_reap();
	return 0;
}

void
job_disown(struct job *j)
{
	if (j->pgid > 0 && !j->disowned)
		jobs_hup_note(j->pgid, 0);	/* bash: no SIGHUP for these */
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
		for (k = jobs_done_next; k > 0 && jobs_done_next - k < JOBS_NDONE; k--)
			if (jobs_done_ring[(k - 1) % JOBS_NDONE].pid == pid)
				return jobs_done_ring[(k - 1) % JOBS_NDONE].code;
		bi_errorf("wait", "pid %ld is not a child of this shell",
		    (long)pid);
		return 127;
	}
	status = wait_job_intr(j, &done);
	if (!done)
		return status;
	for (i = 0; i < j->nproc; i++)
		if (j->procs[i].pid == pid)
			status = jobs_wstatus_code(j->procs[i].status);
	if (job_is_stopped(j))
		bi_errorf("wait", "job %d is stopped", j->id);
	if (job_is_done(j)) {
		job_unlink(j);
		job_free(j);
	}
	return status;
}
