/*
 * recorder.c - the shell's side of the tape: a tracer process started on
 * demand (double-forked, so the shell's wait and jobs never see it), the
 * handshake each child makes with it before it runs anything, and what a
 * child that runs a builtin tells it.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "recorder.h"
#include "shell.h"
#include "tape.h"

#ifndef PR_SET_PTRACER
#define PR_SET_PTRACER 0x59616d61
#endif

#define TAPE_BUDGET	1000	/* syscall stops per process (DESIGN.md) */

static int tape_sock = -1;	/* to the tracer; -1: tape off */
static pid_t tape_tracer;
static int tape_inherited;	/* this process is traced: its children are too */
static pid_t tape_owner;	/* the shell that started it */
static char *tape_path;		/* the file */
static char *tape_link;		/* the announced name, when it is a link */
static int tape_atexit_set;
static int tape_yama;		/* Yama is there: each child names the tracer */

/* The tracer's process: no terminal, no job control, no shell signals. */
static void __attribute__((noreturn))
tape_tracer_main(int sock, int out)
{
	static const int ign[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN,
	    SIGTTOU, SIGHUP, SIGPIPE };
	struct tape_opts o = { .budget = TAPE_BUDGET };
	struct sigaction sa = { .sa_handler = SIG_DFL };
	sigset_t none;
	pid_t me;
	int i;

	for (i = 1; i < NSIG; i++)
		sigaction(i, &sa, NULL);
	for (i = 0; i < (int)(sizeof(ign) / sizeof(ign[0])); i++)
		signal(ign[i], SIG_IGN);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	prctl(PR_SET_NAME, "ipcsh-tape", 0, 0, 0);
	me = getpid();
	if (send(sock, &me, sizeof(me), MSG_NOSIGNAL) != sizeof(me))
		_exit(1);
	_exit(tape_trace(sock, out, &o) < 0 ? 1 : 0);
}

/*
 * Takes the shell's name for its tape away, and the folder of those names
 * with it when no other shell's is left there.
 */
static void
tape_unlink_link(void)
{
	if (tape_link == NULL)
		return;
	unlink(tape_link);
	(void)tape_dir_drop();
}

/*
 * The shell leaving: what its children did is on the tape before it
 * exits (the tracer writes a child's last records after the wait that
 * let the shell go on), so that whoever waited for the shell reads a
 * whole tape.
 */
static void
tape_exit(void)
{
	if (getpid() != tape_owner)
		return;	/* a subshell leaving */
	if (tape_sock >= 0)
		(void)tape_sync();
	tape_unlink_link();
}

int
tape_start(const char *file)
{
	char def[PATH_MAX], abs[PATH_MAX];
	int sv[2], out, fd, st, own, linked;
	pid_t pid;

	if (tape_sock >= 0)
		return 0;
	if (tape_dir(def, sizeof(def), 1) < 0 ||
	    tape_path_for(getpid(), def, sizeof(def)) < 0) {
		sh_errorf("tape: %s: %s", def, strerror(errno));
		return -1;
	}
	if (file == NULL)
		file = def;
	out = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC,
	    0600);
	/* another shell leaving took the empty folder away meanwhile */
	if (out < 0 && errno == ENOENT && file == def &&
	    tape_dir(abs, sizeof(abs), 1) == 0)
		out = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND |
		    O_CLOEXEC, 0600);
	if (out < 0) {
		sh_errorf("tape: %s: %s", file, strerror(errno));
		return -1;
	}
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
		sh_errorf("tape: socketpair: %s", strerror(errno));
		close(out);
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		/* the middle: the tracer is its child, then an orphan */
		setsid();
		if (fork() == 0) {
			close(sv[0]);
			tape_tracer_main(sv[1], out);
		}
		_exit(0);
	}
	close(sv[1]);
	own = pid > 0 ? fcntl(out, F_DUPFD_CLOEXEC, 10) : -1;
	close(out);
	if (pid < 0) {
		sh_errorf("tape: fork: %s", strerror(errno));
		close(sv[0]);
		return -1;
	}
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (recv(sv[0], &tape_tracer, sizeof(tape_tracer), 0) !=
	    sizeof(tape_tracer)) {
		sh_errorf("tape: the tracer did not start");
		close(sv[0]);
		if (own >= 0)
			close(own);
		return -1;
	}
	fd = fcntl(sv[0], F_DUPFD_CLOEXEC, 10);
	if (fd >= 0) {
		close(sv[0]);
		sv[0] = fd;
	}
	tape_sock = sv[0];
	tape_owner = getpid();
	if (own >= 0)
		tape_own_on(own);
	tape_inherited = 0;
	free(tape_path);
	tape_path = realpath(file, abs) ? strdup(abs) : strdup(file);
	free(tape_link);
	tape_link = NULL;
	if (strcmp(file, def) != 0) {
		/* ipcview --follow -p PID finds the tape by the shell's pid */
		unlink(def);
		linked = tape_path != NULL ? symlink(tape_path, def) : -1;
		if (linked < 0 && tape_path != NULL && errno == ENOENT &&
		    tape_dir(abs, sizeof(abs), 1) == 0)
			linked = symlink(tape_path, def);
		if (linked == 0)
			tape_link = strdup(def);
	} else {
		tape_link = strdup(def);
	}
	/* a security module is there from boot or never */
	tape_yama = access("/proc/sys/kernel/yama", F_OK) == 0;
	if (!tape_atexit_set && atexit(tape_exit) == 0)
		tape_atexit_set = 1;
	return 0;
}

void
tape_stop(void)
{
	if (tape_sock < 0)
		return;
	close(tape_sock);
	tape_sock = -1;
	tape_own_off();
	if (getpid() == tape_owner)
		tape_unlink_link();
	free(tape_link);
	tape_link = NULL;
	free(tape_path);
	tape_path = NULL;
}

const char *
tape_file(void)
{
	return tape_sock >= 0 ? tape_path : NULL;
}

/*
 * Sends pid (0: a sync), with what it is about to run when pre is not
 * NULL, and waits until the tracer closes our pipe.
 */
static int
tape_handshake(pid_t pid, const struct tape_pre *pre)
{
	int p[2], rc;
	char c;

	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	rc = tape_ask(tape_sock, pid, p[1], pre);
	close(p[1]);
	if (rc == 0)
		while (read(p[0], &c, 1) < 0 && errno == EINTR)
			;
	close(p[0]);
	return rc;
}

int
tape_sync(void)
{
	if (tape_sock < 0)
		return -1;
	return tape_handshake(0, NULL);
}

void
tape_run(const char *what, int argc, char *const *argv)
{
	struct pollfd pf[2];
	int ack;

	if (tape_sock < 0)
		return;
	/*
	 * The ack is an eventfd, no pipe: a child already followed call by
	 * call would put its own pipe on the tape (the socket's calls are
	 * left off by the tracer). A tracer gone hangs the socket up.
	 */
	ack = eventfd(0, EFD_CLOEXEC);
	if (ack < 0)
		return;
	if (tape_tell(tape_sock, what, argc, argv, ack) == 0) {
		pf[0].fd = ack;
		pf[0].events = POLLIN;
		pf[1].fd = tape_sock;
		pf[1].events = 0;	/* POLLHUP */
		while (poll(pf, 2, -1) < 0 && errno == EINTR)
			;
	}
	close(ack);
}

void
tape_child(int vforked)
{
	if (tape_sock < 0 || tape_inherited)
		return;
	/* Yama ptrace_scope=1: the tracer is no ancestor, so name it */
	if (tape_yama)
		prctl(PR_SET_PTRACER, (unsigned long)tape_tracer, 0, 0, 0);
	/*
	 * The name stays: a job stopped by Ctrl+Z is let go by the tracer
	 * (so it shows as stopped, T) and seized again when it runs on.
	 */
	if (tape_handshake(getpid(), NULL) == 0 && !vforked)
		tape_inherited = 1;	/* our children are followed from birth */
}

void
tape_spawn(const char *path, char *const argv[], int hi, int asked)
{
	struct tape_pre pre;
	int told;

	if (tape_sock < 0 || tape_inherited)
		return;
	told = tape_pre_make(&pre, path, argv, hi) == 0;
	if (asked) {
		if (told)
			(void)tape_ask(tape_sock, getpid(), -1, &pre);
		return;
	}
	if (tape_yama)
		prctl(PR_SET_PTRACER, (unsigned long)tape_tracer, 0, 0, 0);
	(void)tape_handshake(getpid(), told ? &pre : NULL);
}
