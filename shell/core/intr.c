/*
 * intr.c - Ctrl+C and Ctrl+\ for what the interactive shell does itself:
 * a handler without SA_RESTART while a system call may block.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "intr.h"
#include "jobs.h"
#include "shell.h"
#include "trap.h"

static volatile sig_atomic_t caught;

/* signal-safety(7): a flag, and the trap's own note when one is set */
static void
intr_handler(int sig)
{
	const char *action = trap_get(sig);

	if (caught == 0)
		caught = sig;
	if (action != NULL && action[0] != '\0')
		trap_note(sig);
}

/* Ignored stays ignored: at start (POSIX) or by trap '' SIG. */
static int
intr_may(int sig)
{
	return !jobs_ignored_at_start(sig) && !trap_ignored(sig);
}

void
intr_begin(struct intr *w)
{
	sigset_t set;

	caught = 0;
	w->armed = 0;
	if (!sh_opt.interactive || getpid() != sh_pid)
		return;		/* a child or a script: the default applies */
	/* trap.c: no SA_RESTART, so the call fails with EINTR */
	if (intr_may(SIGINT)) {
		trap_sigint_push(intr_handler, &w->saved_int);
		w->armed |= 1;
	}
	if (intr_may(SIGQUIT) && sigaction(SIGQUIT, NULL, &w->old_quit) == 0 &&
	    trap_disposition(SIGQUIT, intr_handler, 0) == 0)
		w->armed |= 2;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGQUIT);
	sigprocmask(SIG_UNBLOCK, &set, &w->oldmask);
	w->armed |= 4;
}

void
intr_end(struct intr *w)
{
	if (w->armed & 1)
		trap_sigint_pop(&w->saved_int);
	if (w->armed & 2)
		trap_disposition(SIGQUIT, w->old_quit.sa_handler,
		    w->old_quit.sa_flags);
	if (w->armed & 4)
		sigprocmask(SIG_SETMASK, &w->oldmask, NULL);
	w->armed = 0;
}

int
intr_caught(void)
{
	return caught;
}

int
intr_open(const char *path, int flags, mode_t mode, int *sig)
{
	struct intr w;
	int fd, err;

	*sig = 0;
	intr_begin(&w);
	/* an EINTR from another signal (a job's SIGCHLD) opens again */
	while ((fd = open(path, flags, mode)) < 0 && errno == EINTR &&
	    !intr_caught())
		;
	err = errno;
	*sig = intr_caught();
	intr_end(&w);
	if (fd >= 0 && *sig != 0) {
		*sig = 0;	/* it opened: the signal came too late */
	} else if (fd < 0 && *sig != 0) {
		err = EINTR;
	}
	errno = err;
	return fd;
}

int
intr_status(int sig)
{
	fflush(stdout);
	fputc('\n', stderr);	/* the ^C the terminal echoed ends no line */
	return 128 + sig;
}
