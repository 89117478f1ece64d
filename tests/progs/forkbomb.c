/*
 * forkbomb.c - a fork bomb with a safety catch, to show RLIMIT_NPROC at
 * work: `forkbomb [MAX]` forks children that sleep (all in one new
 * process group) until fork(2) fails or MAX (default 2000) are alive,
 * prints "contained: fork failed with EAGAIN after N processes" or
 * "not contained: N processes", then kills and reaps them all.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int
main(int argc, char **argv)
{
	long max = argc > 1 ? atol(argv[1]) : 2000, n;
	pid_t pid, group = 0;
	int err = 0;

	for (n = 0; n < max; n++) {
		pid = fork();
		if (pid < 0) {
			err = errno;
			break;
		}
		if (pid == 0) {
			/* the first child leads the group; the rest join it */
			setpgid(0, group);
			for (;;)
				pause();
		}
		setpgid(pid, group);	/* in both, whichever runs first */
		if (group == 0)
			group = pid;
	}
	if (n < max)
		printf("contained: fork failed with %s after %ld processes\n",
		    strerrorname_np(err), n);
	else
		printf("not contained: %ld processes\n", n);
	fflush(stdout);
	if (group > 0)
		killpg(group, SIGKILL);
	while (wait(NULL) > 0)
		;
	return n < max ? 0 : 1;
}
