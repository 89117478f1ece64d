/*
 * pingpong.c - exercise, solved: a conversation both ways needs two pipes. The
 * parent sends "ping N" down one pipe, the child answers "pong N" up the
 * other, ROUNDS times; then the parent closes its write end and the child
 * sees end of file. Usage: pingpong [ROUNDS]   (3 by default)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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
	if (pipe(ping) < 0) {
		perror("pipe");
		return 1;
	}
	/* pong: child -> parent */
	if (pipe(pong) < 0) {
		perror("pipe");
		return 1;
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		/* the child reads ping and writes pong */
		close(ping[1]);
		close(pong[0]);
		_exit(child(ping[0], pong[1]));
	}
	/* the parent writes ping and reads pong */
	close(ping[0]);
	close(pong[1]);
	for (i = 0; i < rounds; i++) {
		snprintf(line, sizeof(line), "ping %d\n", i);
		if (write(ping[1], line, strlen(line)) < 0) {
			perror("parent: write");
			return 1;
		}
		if (read_line(pong[0], line, sizeof(line)) <= 0) {
			perror("parent: read pong");
			return 1;
		}
		printf("parent: got %s", line);
		fflush(stdout);
	}
	/* end of file for the child: its read returns 0 */
	close(ping[1]);
	if (waitpid(pid, &st, 0) < 0) {
		perror("waitpid");
		return 1;
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
