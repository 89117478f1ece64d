/*
 * probe_pipefill.c - test helper: a pipe holding exactly N bytes, its
 * capacity optionally changed with F_SETPIPE_SZ (fcntl(2)); prints
 * "ready PID RFD WFD CAPACITY" and waits to be killed.
 * usage: probe_pipefill BYTES [PIPE_SIZE]
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	int fds[2], cap;
	long n, size = 0;
	char *buf;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: probe_pipefill BYTES [PIPE_SIZE]\n");
		return 2;
	}
	n = atol(argv[1]);
	if (argc == 3)
		size = atol(argv[2]);
	if (pipe(fds) < 0) {
		perror("probe_pipefill: pipe");
		return 1;
	}
	if (size > 0 && fcntl(fds[1], F_SETPIPE_SZ, (int)size) < 0) {
		perror("probe_pipefill: F_SETPIPE_SZ");
		return 1;
	}
	cap = fcntl(fds[1], F_GETPIPE_SZ);
	buf = malloc((size_t)n + 1);
	if (buf == NULL)
		return 1;
	memset(buf, 'x', (size_t)n);
	if (n > 0 && write(fds[1], buf, (size_t)n) != n) {
		perror("probe_pipefill: write");
		return 1;
	}
	printf("ready %d %d %d %d\n", (int)getpid(), fds[0], fds[1], cap);
	fflush(stdout);
	for (;;)
		pause();
}
