/*
 * sockrpc.c - exercise: a remote procedure call over one socketpair. The
 * client (parent) sends each number as a request line on its end; the
 * server (child) answers with its square on its own end, the same socket:
 * a socket carries data both ways, where a pipe would need a second pipe.
 * Usage: sockrpc N...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ipc_common.h"

/* One line from fd, without its newline: its length, 0 at end of file. */
static ssize_t
read_line(int fd, char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;
	char c;

	while (n + 1 < size && (r = read(fd, &c, 1)) == 1 && c != '\n')
		buf[n++] = c;
	buf[n] = '\0';
	return (ssize_t)n;
}

/* The server: answers requests until the end of file. */
static int
server(int fd)
{
	char req[32], rep[32];
	long x;

	while (read_line(fd, req, sizeof(req)) > 0) {
		x = atol(req);
		snprintf(rep, sizeof(rep), "%ld\n", x * x);
		printf("server %d: request %ld, reply %ld\n", (int)getpid(), x,
		    x * x);
		fflush(stdout);
		/*
		 * TODO: send rep back to the client: write(2) it on the
		 * server's end, fd, the one it read the request from.
		 */
	}
	return 0;
}

/* The client's call: send x, wait for the reply on the same end, print it. */
static int
call(int fd, const char *x)
{
	char req[32], rep[32];
	ssize_t n = -1;

	snprintf(req, sizeof(req), "%s\n", x);
	if (write(fd, req, strlen(req)) < 0) {
		perror("client: write");
		return -1;
	}
	/*
	 * TODO: receive the reply: read_line() from the client's end, fd,
	 * the same one it wrote the request to; set n.
	 */
	if (n <= 0) {
		fprintf(stderr, "client: no reply to %s\n", x);
		return -1;
	}
	printf("client: %s squared is %s\n", x, rep);
	return 0;
}

int
main(int argc, char **argv)
{
	int sv[2], i, rc = 0, st;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: sockrpc N...\n");
		return 2;
	}
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
		die("socketpair");
	pid = fork_flushed();
	if (pid == 0) {
		/* the server keeps sv[1] and closes the client's end */
		close(sv[0]);
		_exit(server(sv[1]));
	}
	close(sv[1]);
	for (i = 1; i < argc && rc == 0; i++)
		if (call(sv[0], argv[i]) < 0)
			rc = 1;
	/* closing its end is the server's end of file */
	close(sv[0]);
	waitpid(pid, &st, 0);
	return rc;
}
