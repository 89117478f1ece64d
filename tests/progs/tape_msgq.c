/*
 * tape_msgq.c - a message sent and received within a millisecond, for the
 * tape tests: a private queue, msgsnd of type 2 with 16 bytes, msgrcv,
 * IPC_RMID. Prints the time between the two calls in microseconds.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/ipc.h>
#include <sys/msg.h>

struct m {
	long	type;
	char	text[16];
};

int
main(void)
{
	struct m out = { 2, "hello, queue" }, in;
	struct timespec a, b;
	ssize_t n;
	int id;

	id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	if (id < 0) {
		perror("msgget");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	if (msgsnd(id, &out, sizeof(out.text), 0) < 0) {
		perror("msgsnd");
		msgctl(id, IPC_RMID, NULL);
		return 1;
	}
	n = msgrcv(id, &in, sizeof(in.text), 0, 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	msgctl(id, IPC_RMID, NULL);
	if (n != (ssize_t)sizeof(in.text) || in.type != 2)
		return 1;
	printf("%ld\n", (b.tv_sec - a.tv_sec) * 1000000 +
	    (b.tv_nsec - a.tv_nsec) / 1000);
	return 0;
}
