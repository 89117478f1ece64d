/*
 * pipe_ex1.c - the lecture's pipe example: the parent writes "the N
 * message." lines into a pipe(2), its child reads them. Prints what the
 * slide prints: "parent", the writes, then "children", the reads.
 * Usage: pipe_ex1 [-v] [COUNT]   (COUNT messages, 10 by default;
 *        -v: also say who does what, with pids)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINE_MAX_LEN	64

static int verbose;

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

/*
 * The child: read(2) until end of file. The lines are printed once the
 * parent has closed its write end, so that the two processes' output
 * never mixes on the terminal: "parent" and its writes, then "children"
 * and the reads, as on the slide.
 */
static int
child(int rfd)
{
	char buf[256], *text = NULL, *line, *nl;
	size_t len = 0;
	ssize_t n;

	/* read(2) blocks while the pipe is empty and a write end is open */
	while ((n = read(rfd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			perror("child: read");
			return 1;
		}
		line = realloc(text, len + (size_t)n + 1);
		if (line == NULL) {
			perror("child: realloc");
			return 1;
		}
		text = line;
		memcpy(text + len, buf, (size_t)n);
		len += (size_t)n;
	}
	/* 0: end of file, every write end is closed */
	if (verbose)
		printf("child %d: end of file, every write end is closed\n",
		    (int)getpid());
	printf("children\n");
	for (line = text; line != NULL && line < text + len; line = nl + 1) {
		text[len] = '\0';
		nl = strchr(line, '\n');
		if (nl == NULL)
			nl = text + len;
		*nl = '\0';
		printf("read: %s\n", line);
	}
	free(text);
	if (close(rfd) < 0) {
		perror("child: close");
		return 1;
	}
	/* _exit(2) does not flush stdio: do it here */
	fflush(stdout);
	return 0;
}

static int
usage(void)
{
	fprintf(stderr, "usage: pipe_ex1 [-v] [COUNT]\n");
	return 2;
}

int
main(int argc, char **argv)
{
	int fds[2], i, count = 10, status, c;
	char msg[LINE_MAX_LEN], *end;
	pid_t pid;

	while ((c = getopt(argc, argv, "v")) != -1) {
		if (c != 'v')
			return usage();
		verbose = 1;
	}
	if (argc - optind > 1)
		return usage();
	if (argc - optind == 1) {
		count = (int)strtol(argv[optind], &end, 10);
		if (*argv[optind] == '\0' || *end != '\0' || count < 0 ||
		    count > 100000)
			return usage();
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
	printf("parent\n");
	if (verbose)
		printf("parent %d: writing to child %d\n", (int)getpid(),
		    (int)pid);
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
	if (verbose)
		printf("parent %d: child %d exited with status %d\n",
		    (int)getpid(), (int)pid,
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
