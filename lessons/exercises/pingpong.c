/*
 * pingpong.c - exercise: a conversation both ways needs two pipes. The
 * parent sends "ping N" down one pipe, the child answers "pong N" up the
 * other, ROUNDS times; then the parent closes its write end and the child
 * sees end of file. Usage: pingpong [ROUNDS]   (3 by default)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ipc_common.h"

/* Reads one line (up to '\n') from fd into buf; its length, 0 at EOF. */
static ssize_t
read_line(int fd, char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;

	while (n < size - 1 && (r = read(fd, buf + n, 1)) == 1)
		if (buf[n++] == '\n')
			break;
	buf[n] = '\0';
	return (ssize_t)n;
}

static int
child(int in, int out)
{
	char line[64];
	int i;

	while (read_line(in, line, sizeof(line)) > 0) {
		printf("child: got %s", line);
		fflush(stdout);
		sscanf(line, "ping %d", &i);
		snprintf(line, sizeof(line), "pong %d\n", i);
		if (write(out, line, strlen(line)) < 0) {
			perror("child: write");
			return 1;
		}
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int ping[2], pong[2] = { -1, -1 }, rounds = 3, i, st;
	char line[64];
	pid_t pid;

	if (argc > 1)
		rounds = atoi(argv[1]);
	/* ping: parent -> child */
	if (pipe(ping) < 0)
		die("pipe");
	/* TODO: the second pipe, pong: child -> parent */
	pid = fork_flushed();
	if (pid == 0) {
		/*
		 * TODO: the child reads ping and writes pong: close the two
		 * ends it does not use (or it never sees end of file).
		 */
		_exit(child(ping[0], pong[1]));
	}
	/* TODO: the parent writes ping and reads pong: close the other two */
	for (i = 0; i < rounds; i++) {
		snprintf(line, sizeof(line), "ping %d\n", i);
		if (write(ping[1], line, strlen(line)) < 0)
			die("parent: write");
		if (read_line(pong[0], line, sizeof(line)) <= 0)
			die("parent: read pong");
		printf("parent: got %s", line);
		fflush(stdout);
	}
	/* end of file for the child: its read returns 0 */
	close(ping[1]);
	if (waitpid(pid, &st, 0) < 0)
		die("waitpid");
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
