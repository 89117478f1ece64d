/*
 * probe_churn.c - test helper: NPROC short-lived children (each with a
 * pipe, half of them with a grandchild) and NQUEUE message queues, each
 * created, given a message and removed, while someone probes this tree.
 * usage: probe_churn NPROC NQUEUE
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <unistd.h>

static void
child(int i)
{
	int fds[2];

	if (pipe(fds) == 0) {
		if (write(fds[1], "x", 1) < 0)
			_exit(1);
		if (i % 2 == 0 && fork() == 0)
			_exit(0);
	}
	_exit(0);
}

int
main(int argc, char **argv)
{
	struct { long type; char text[16]; } m = { 1, "churn" };
	int nproc, nq, i, id, live = 0, status, bad = 0;
	pid_t pid;

	if (argc != 3) {
		fprintf(stderr, "usage: probe_churn NPROC NQUEUE\n");
		return 2;
	}
	nproc = atoi(argv[1]);
	nq = atoi(argv[2]);
	for (i = 0; i < nproc || i < nq; i++) {
		if (i < nproc) {
			pid = fork();
			if (pid == 0)
				child(i);
			if (pid > 0)
				live++;
		}
		if (i < nq) {
			id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
			if (id < 0 || msgsnd(id, &m, 6, IPC_NOWAIT) < 0 ||
			    msgctl(id, IPC_RMID, NULL) < 0)
				bad++;
		}
		/* at most 32 children at a time */
		while (live >= 32 || (live > 0 && i + 1 >= nproc && i + 1 >= nq)) {
			if (wait(&status) < 0)
				break;
			live--;
			if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
				bad++;
		}
	}
	printf("churn done, %d failures\n", bad);
	return bad != 0;
}
