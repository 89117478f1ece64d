/*
 * probe_sock.c - test helper: UNIX sockets, eventfds, signalfds and pidfds
 * in known states for the probe's tests; prints "ready ..." and waits.
 * usage: probe_sock MODE ARGS (see usage below)
 */
#include <errno.h>
#include <stddef.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pair_fork.h"

static void
usage(void)
{
	fprintf(stderr, "usage: probe_sock pair stream|dgram|seqpacket A B\n"
	    "       probe_sock listen PATH|@NAME CLIENTS BACKLOG\n"
	    "       probe_sock eventfd INIT ADD\n"
	    "       probe_sock signalfd\n"
	    "       probe_sock pidfd\n"
	    "       probe_sock eof BYTES\n"
	    "       probe_sock epipe\n");
	exit(2);
}

static void
die(const char *what)
{
	perror(what);
	exit(1);
}

static void
send_n(int fd, long n)
{
	char buf[512];
	size_t k;

	memset(buf, 'x', sizeof(buf));
	while (n > 0) {
		k = n < (long)sizeof(buf) ? (size_t)n : sizeof(buf);
		if (write(fd, buf, k) != (ssize_t)k)
			die("probe_sock: write");
		n -= (long)k;
	}
}

/*
 * A socketpair between this process (end 0) and a child (end 1): A bytes
 * sent to the child, B to us, nobody reads.
 * "ready PARENT CHILD PARENT_FD CHILD_FD".
 */
static int
mode_pair(const char *type, long a, long b)
{
	int sv[2], go[2], t;
	pid_t child;
	char c;

	t = strcmp(type, "dgram") == 0 ? SOCK_DGRAM :
	    strcmp(type, "seqpacket") == 0 ? SOCK_SEQPACKET : SOCK_STREAM;
	child = pair_fork("probe_sock: ", t, sv, go);
	if (child == 0) {
		send_n(sv[1], b);
		if (write(go[1], "x", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	send_n(sv[0], a);
	if (read(go[0], &c, 1) != 1)
		die("probe_sock: child");
	close(go[0]);
	close(go[1]);
	printf("ready %d %d %d %d\n", (int)getpid(), (int)child, sv[0], sv[1]);
	fflush(stdout);
	for (;;)
		pause();
}

static socklen_t
addr_of(const char *name, struct sockaddr_un *a)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	snprintf(a->sun_path, sizeof(a->sun_path), "%s", name);
	if (name[0] == '@')
		a->sun_path[0] = '\0';
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) +
	    strlen(name) + (name[0] == '@' ? 0 : 1));
}

/*
 * A listener with CLIENTS children connected and not accepted.
 * "ready PID FD CLIENT_PID...".
 */
static int
mode_listen(const char *name, int clients, int backlog)
{
	struct sockaddr_un a;
	socklen_t len = addr_of(name, &a);
	int l, i, go[2], c;
	pid_t kids[16];
	char ch;

	if (clients > 16)
		usage();
	l = socket(AF_UNIX, SOCK_STREAM, 0);
	if (l < 0 || bind(l, (struct sockaddr *)&a, len) < 0 ||
	    listen(l, backlog) < 0 || pipe(go) < 0)
		die("probe_sock: listen");
	for (i = 0; i < clients; i++) {
		kids[i] = fork();
		if (kids[i] < 0)
			die("probe_sock: fork");
		if (kids[i] == 0) {
			close(l);
			c = socket(AF_UNIX, SOCK_STREAM, 0);
			if (c < 0 || connect(c, (struct sockaddr *)&a, len) < 0)
				_exit(1);
			if (write(go[1], "x", 1) != 1)
				_exit(1);
			for (;;)
				pause();
		}
		if (read(go[0], &ch, 1) != 1)
			die("probe_sock: client");
	}
	printf("ready %d %d", (int)getpid(), l);
	for (i = 0; i < clients; i++)
		printf(" %d", (int)kids[i]);
	printf("\n");
	fflush(stdout);
	for (;;)
		pause();
}

static int
mode_eventfd(unsigned init, unsigned long long add)
{
	int fd = eventfd(init, EFD_CLOEXEC);

	if (fd < 0 || (add > 0 && write(fd, &add, sizeof(add)) < 0))
		die("probe_sock: eventfd");
	printf("ready %d %d\n", (int)getpid(), fd);
	fflush(stdout);
	for (;;)
		pause();
	return 0;
}

/* USR1 and TERM taken through a signalfd; blocks reading it. */
static int
mode_signalfd(void)
{
	struct signalfd_siginfo si;
	sigset_t m;
	int fd;

	sigemptyset(&m);
	sigaddset(&m, SIGUSR1);
	sigaddset(&m, SIGTERM);
	if (sigprocmask(SIG_BLOCK, &m, NULL) < 0 ||
	    (fd = signalfd(-1, &m, SFD_CLOEXEC)) < 0)
		die("probe_sock: signalfd");
	printf("ready %d %d\n", (int)getpid(), fd);
	fflush(stdout);
	if (read(fd, &si, sizeof(si)) != (ssize_t)sizeof(si))
		die("probe_sock: read");
	return si.ssi_signo == SIGTERM ? 0 : 3;
}

static int
mode_pidfd(void)
{
	int fd = (int)syscall(SYS_pidfd_open, getppid(), 0);

	if (fd < 0)
		die("probe_sock: pidfd_open");
	printf("ready %d %d %d\n", (int)getpid(), fd, (int)getppid());
	fflush(stdout);
	for (;;)
		pause();
	return 0;
}

/* A child sends BYTES and exits; we count to EOF. Prints the count. */
static int
mode_eof(long n)
{
	char buf[4096];
	long total = 0;
	ssize_t k;
	int sv[2];
	pid_t child = pair_fork("probe_sock: ", SOCK_STREAM, sv, NULL);

	if (child == 0) {
		send_n(sv[1], n);
		_exit(0);
	}
	while ((k = read(sv[0], buf, sizeof(buf))) > 0)
		total += k;
	if (k < 0)
		die("probe_sock: read");
	waitpid(child, NULL, 0);
	printf("%ld eof\n", total);
	return 0;
}

/*
 * The child closes its end and exits; our first write after that must
 * raise SIGPIPE (the default action kills us: status 141 in a shell).
 */
static int
mode_epipe(void)
{
	int sv[2];
	pid_t child = pair_fork("probe_sock: ", SOCK_STREAM, sv, NULL);

	if (child == 0)
		_exit(0);
	/* the child held a copy of sv[1] too: wait until it is gone */
	waitpid(child, NULL, 0);
	if (write(sv[0], "x", 1) == 1)
		printf("wrote\n");
	else
		printf("error %s\n", strerror(errno));
	return 3;
}

int
main(int argc, char **argv)
{
	if (argc < 2)
		usage();
	if (strcmp(argv[1], "pair") == 0 && argc == 5)
		return mode_pair(argv[2], atol(argv[3]), atol(argv[4]));
	if (strcmp(argv[1], "listen") == 0 && argc == 5)
		return mode_listen(argv[2], atoi(argv[3]), atoi(argv[4]));
	if (strcmp(argv[1], "eventfd") == 0 && argc == 4)
		return mode_eventfd((unsigned)atoi(argv[2]),
		    strtoull(argv[3], NULL, 10));
	if (strcmp(argv[1], "signalfd") == 0 && argc == 2)
		return mode_signalfd();
	if (strcmp(argv[1], "pidfd") == 0 && argc == 2)
		return mode_pidfd();
	if (strcmp(argv[1], "eof") == 0 && argc == 3)
		return mode_eof(atol(argv[2]));
	if (strcmp(argv[1], "epipe") == 0 && argc == 2)
		return mode_epipe();
	usage();
	return 2;
}
