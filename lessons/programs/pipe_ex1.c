/*
 * pipe_ex1.c - the lecture's pipe example: a parent writes "the N message."
 * lines into a pipe(2), its child reads them. Usage: pipe_ex1 [COUNT]
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Writes all of buf: write(2) may write less than asked (pipe(7)). */
static int
write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The child: read until end of file, print each line as it comes. */
static int
child(int rfd)
{
	char buf[256], line[256];
	size_t len = 0;
	ssize_t n, i;

	printf("child: reading\n");
	fflush(stdout);
	/* read(2) returns 0 (end of file) once every write end is closed */
	while ((n = read(rfd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			perror("child: read");
			return 1;
		}
		for (i = 0; i < n; i++) {
			if (buf[i] == '\n' || len == sizeof(line) - 1) {
				line[len] = '\0';
				printf("read: %s\n", line);
				len = 0;
			} else {
				line[len++] = buf[i];
			}
		}
	}
	fflush(stdout);
	if (close(rfd) < 0) {
		perror("child: close");
		return 1;
	}
	printf("child: end of file, the parent closed its write end\n");
	/* _exit(2) does not flush stdio: do it here */
	fflush(stdout);
	return 0;
}

int
main(int argc, char **argv)
{
	int fds[2], i, count = 5, status;
	char msg[64];
	pid_t pid;

	if (argc > 1)
		count = atoi(argv[1]);
	if (argc > 2 || count < 0 || count > 100000) {
		fprintf(stderr, "usage: pipe_ex1 [COUNT]\n");
		return 2;
	}
	/* fds[0] is the read end, fds[1] the write end (pipe(2)) */
	if (pipe(fds) < 0) {
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
		/* the child inherits both ends; it only reads */
		if (close(fds[1]) < 0) {
			perror("child: close");
			_exit(1);
		}
		_exit(child(fds[0]));
	}
	/* the parent only writes: close the read end it does not use */
	if (close(fds[0]) < 0) {
		perror("parent: close");
		return 1;
	}
	printf("parent: writing\n");
	for (i = 0; i < count; i++) {
		snprintf(msg, sizeof(msg), "the %d message.\n", i);
		printf("write: %s", msg);
		if (write_all(fds[1], msg, strlen(msg)) < 0) {
			perror("parent: write");
			return 1;
		}
	}
	fflush(stdout);
	/* closing the last write end is what gives the child its EOF */
	if (close(fds[1]) < 0) {
		perror("parent: close");
		return 1;
	}
	if (waitpid(pid, &status, 0) < 0) {
		perror("waitpid");
		return 1;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
