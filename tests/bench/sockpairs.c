/*
 * sockpairs.c - bench helper: N pipes or N socketpairs, each joining two
 * child processes that hold an end as stdin or stdout and sleep, as a
 * pipeline's members do; the parent waits for them.
 * usage: sockpairs N pipe|sock
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void
child(int fd, int to, int other)
{
	close(other);
	if (dup2(fd, to) < 0)
		_exit(1);
	close(fd);
	for (;;)
		pause();
}

int
main(int argc, char **argv)
{
	int i, n, sv[2], sock;
	pid_t pid;

	if (argc != 3 || (n = atoi(argv[1])) <= 0) {
		fprintf(stderr, "usage: sockpairs N pipe|sock\n");
		return 2;
	}
	sock = strcmp(argv[2], "sock") == 0;
	for (i = 0; i < n; i++) {
		if ((sock ? socketpair(AF_UNIX, SOCK_STREAM, 0, sv) :
		    pipe(sv)) < 0) {
			perror("sockpairs");
			return 1;
		}
		if ((pid = fork()) == 0)
			child(sv[1], 1, sv[0]);
		if (pid < 0 || (pid = fork()) == 0)
			child(sv[0], 0, sv[1]);
		close(sv[0]);
		close(sv[1]);
	}
	while (wait(NULL) > 0)
		;
	return 0;
}
