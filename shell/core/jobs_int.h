/*
 * jobs_int.h - what the job table (jobs.c) and the waiting for its jobs
 * (jobwait.c) share; nothing outside these two includes it.
 */
#ifndef IPCSH_JOBS_INT_H
#define IPCSH_JOBS_INT_H

#include <signal.h>
#include <termios.h>
#include <sys/types.h>

enum pstate { P_RUNNING, P_STOPPED, P_DONE };

struct proc {
	pid_t pid;
	int status;		/* last wait(2) status */
	enum pstate state;
	char *name;		/* argv[0], for explain lines: malloc'ed, */
	char name_buf[24];	/* ... or here when short (name NULL) */
};

static inline const char *
proc_name(const struct proc *p)
{
	return p->name != NULL ? p->name : p->name_buf;
}

struct job {
	struct job *next;
	int id;			/* [n]; 0 for hidden jobs */
	char *text;		/* as typed; NULL for hidden jobs */
	char text_buf[64];	/* the text when short (no malloc) */
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

/* The table and the terminal (jobs.c). */
extern struct job *job_list;	/* listed and disowned jobs, oldest first */
extern unsigned long jobs_clock;	/* stamps for %+ and %- */
extern int jobs_chld_pipe[2];	/* SIGCHLD's self-pipe */
extern volatile sig_atomic_t jobs_chld_polled;	/* jobs_fd gave it out */
extern int jobs_ttyfd;		/* the controlling terminal (monitor) */
extern pid_t jobs_shell_pgrp;
extern struct termios jobs_shell_tmodes;
extern int jobs_have_shell_tmodes;
extern volatile sig_atomic_t jobs_int_seen;	/* Ctrl+C reached the shell */

/* POSIX: wait PID still knows the status of a finished background job */
#define JOBS_NDONE 64
struct jobs_done {
	pid_t pid;
	int code;
};
extern struct jobs_done jobs_done_ring[JOBS_NDONE];
extern unsigned jobs_done_next;

void job_free(struct job *j);
void job_unlink(struct job *j);
int job_killed(const struct job *j);
int job_mark(const struct job *j);
int job_hidden(const struct job *j);	/* $(...): not listed, own group */
void jobs_hup_note(pid_t pg, int on);
void job_print_state(struct job *j, int fmt);

/* Waiting (jobwait.c). */
int jobs_wstatus_code(int st);
void job_explain(struct job *j, enum pstate st);
int job_is_done(const struct job *j);
int job_is_stopped(const struct job *j);
int job_running(const struct job *j);

#endif
