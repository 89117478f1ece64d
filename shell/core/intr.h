/*
 * intr.h - windows in which Ctrl+C and Ctrl+\ interrupt a system call the
 * interactive shell makes itself (open of a FIFO, read, wait).
 */
#ifndef IPCSH_INTR_H
#define IPCSH_INTR_H

#include <signal.h>
#include <sys/types.h>

#include "shell.h"

struct intr {
	int		armed;
	struct trap_save saved_int;	/* trap_sigint_push */
	struct sigaction old_quit;
	sigset_t	oldmask;
};

/*
 * Opens a window: in the interactive shell's own process, SIGINT and
 * SIGQUIT get a handler without SA_RESTART, so that a blocking open(2),
 * read(2), msgrcv(2) fails with EINTR when one comes (signal(7)). In a
 * child, a script, or where the signal was ignored at start, nothing
 * changes. A trap set on the signal still runs afterwards.
 */
void intr_begin(struct intr *w);

/* Closes the window: dispositions and mask as before. */
void intr_end(struct intr *w);

/* The signal (SIGINT or SIGQUIT) that came in the open window, or 0. */
int intr_caught(void);

/*
 * open(2) that Ctrl+C or Ctrl+\ can end while it blocks (a FIFO with
 * nobody at the other end). Returns the descriptor, or -1 with errno;
 * EINTR with *sig set to the signal when the user interrupted it.
 */
int intr_open(const char *path, int flags, mode_t mode, int *sig);

/*
 * What the shell does after a call ended by sig: a newline after the ^C
 * the terminal echoed, as bash does. Returns 128 + sig.
 */
int intr_status(int sig);

#endif
