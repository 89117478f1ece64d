/*
 * pair_fork.h - the test programs' socketpair shared with a child.
 */
#ifndef TESTS_PAIR_FORK_H
#define TESTS_PAIR_FORK_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

/*
 * A UNIX socketpair of type between this process and a child, and a pipe
 * p made before the fork too when p is not NULL: 0 in the child, which
 * keeps end 1 (sv[0] closed), the child's pid here, which keeps end 0
 * (sv[1] closed). Exits with status 1 when a call failed, said on
 * stderr after who.
 */
static pid_t
pair_fork(const char *who, int type, int sv[2], int p[2])
{
	char what[64];
	pid_t pid;

	if (socketpair(AF_UNIX, type, 0, sv) < 0 ||
	    (p != NULL && pipe(p) < 0)) {
		snprintf(what, sizeof(what), "%ssocketpair", who);
		perror(what);
		exit(1);
	}
	pid = fork();
	if (pid < 0) {
		snprintf(what, sizeof(what), "%sfork", who);
		perror(what);
		exit(1);
	}
	close(sv[pid == 0 ? 0 : 1]);
	return pid;
}

#endif
