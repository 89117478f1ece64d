/*
 * lesson_pace.c - the pace of a played lesson: how long a class needs to
 * read a paragraph (from its display width), to watch a command typed,
 * the key a teacher presses to go on (--step, the end of a lecture), and
 * the Ctrl+C --play presses.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "lesson_pace.h"
#include "probe.h"
#include "shell.h"

double
lpace_reading(const char *text, double speed)
{
	double t;

	if (speed <= 0)
		return 0;
	/* a class reads about twice as fast as the lesson types */
	t = 1.0 + (double)i18n_width(text) / (LPACE_READ_FACTOR * speed);
	return t < LPACE_READ_MAX ? t : LPACE_READ_MAX;
}

double
lpace_typing(const char *cmd, double speed)
{
	size_t chars = 0;

	if (speed <= 0)
		return 0;
	for (; *cmd != '\0'; cmd++)
		if (((unsigned char)*cmd & 0xc0) != 0x80)
			chars++;
	return (double)chars / speed;
}

int
lpace_key(const char *prompt)
{
	struct termios old, raw;
	int tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	unsigned char c = 0;
	ssize_t n;

	/*
	 * Raw before the prompt shows: a Ctrl+D typed on seeing it must
	 * not reach a canonical terminal, which keeps it as a NUL byte
	 */
	if (tty) {
		raw = old;
		raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	}
	printf("%s", prompt);
	fflush(stdout);
	n = read(STDIN_FILENO, &c, 1);
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
	/* wipe the prompt's line */
	printf("\r\033[K");
	fflush(stdout);
	/* raw, Ctrl+D is a byte: it means the end of input all the same */
	return n == 1 && c != 4 ? c : -1;
}

void
lpace_nap(double secs)
{
	struct timespec ts;

	if (secs <= 0)
		return;
	ts.tv_sec = (time_t)secs;
	ts.tv_nsec = (long)((secs - (double)ts.tv_sec) * 1e9);
	nanosleep(&ts, NULL);
}

void
lpace_type(const char *cmd, double speed, const volatile sig_atomic_t *stop)
{
	const char *c;

	printf("%s$ %s", sh_opt.plain ? "" : "\033[1m",
	    sh_opt.plain ? "" : "\033[0m");
	if (speed <= 0) {
		printf("%s\n", cmd);
	} else {
		for (c = cmd; *c != '\0' && !*stop; c++) {
			putchar(*c);
			fflush(stdout);
			/* UTF-8: only pause at the start of a character */
			if (((unsigned char)c[1] & 0xc0) != 0x80 && !*stop)
				lpace_nap(1.0 / speed);
		}
		putchar('\n');
	}
	fflush(stdout);
}

/* A process of snap that is not in before, not pid self, and has exec'd. */
static pid_t
new_proc(const struct snapshot *snap, const struct snapshot *before,
    pid_t self, const char *shell_comm)
{
	size_t i;

	for (i = 0; snap != NULL && i < snap->nprocs; i++) {
		const struct snap_proc *p = &snap->procs[i];

		if (p->pid != self && p->pid != snap->root &&
		    !snap_has_pid(before, p->pid) &&
		    strcmp(p->comm, shell_comm) != 0)
			return p->pid;
	}
	return 0;
}

/*
 * A helper process presses Ctrl+C for --play: once the command has
 * started (a new process of the shell's tree has exec'd), it waits secs
 * seconds and sends SIGINT to the foreground job, as the terminal driver
 * does: to the terminal's foreground process group when the shell has job
 * control, otherwise to the processes the command started.
 */
pid_t
lpace_interrupt_later(double secs)
{
	struct snapshot *before = probe_take(getpid(), NULL), *now = NULL;
	pid_t shell = getpid(), pid, fg;
	char comm[SNAP_COMM_MAX + 1] = "";
	size_t i;
	int tries;

	if (before == NULL)
		return -1;
	if (before->nprocs > 0)
		snprintf(comm, sizeof(comm), "%s", before->procs[0].comm);
	/* a helper (PROBE_HELPER_COMM): no view lists it */
	pid = jobs_fork_helper(PROBE_HELPER_COMM);
	if (pid != 0) {
		snapshot_free(before);
		return pid;
	}
	trap_disposition(SIGINT, SIG_IGN, 0);
	for (tries = 0; tries < 500; tries++) {
		now = probe_take(shell, NULL);
		if (now == NULL || now->nprocs == 0 ||
		    new_proc(now, before, getpid(), comm) != 0)
			break;
		snapshot_free(now);
		now = NULL;
		lpace_nap(0.01);
	}
	snapshot_free(now);
	lpace_nap(secs);
	printf("%s", tr("^C  (the lesson presses Ctrl+C)\n",
	    "^C  (课程按下 Ctrl+C)\n"));
	fflush(stdout);
	fg = tcgetpgrp(STDIN_FILENO);
	if (sh_opt.monitor && fg > 0 && fg != getpgrp()) {
		killpg(fg, SIGINT);
		_exit(0);
	}
	now = probe_take(shell, NULL);
	for (i = 0; now != NULL && i < now->nprocs; i++) {
		pid_t p = now->procs[i].pid;

		if (p != shell && p != getpid() && !snap_has_pid(before, p))
			kill(p, SIGINT);
	}
	_exit(0);
}
