/*
 * rpc.c - exercise: a remote procedure call over one message queue. The
 * client (parent) sends each number as a request of type 1; the server
 * (child) answers with its square as a reply of type 2.
 * Usage: rpc KEY N...   (KEY as ftok prints it; the queue is removed at the end)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ipc_common.h"

#define REQUEST	1	/* client -> server */
#define REPLY	2	/* server -> client */

struct message {
	long	mtype;
	char	mtext[64];
};

/* The server: answers requests until the request "0". */
static int
server(int qid)
{
	struct message m;
	ssize_t n;
	long x;

	for (;;) {
		n = msgrcv(qid, &m, sizeof(m.mtext) - 1, REQUEST, 0);
		if (n < 0) {
			perror("server: msgrcv");
			return 1;
		}
		m.mtext[n] = '\0';
		x = atol(m.mtext);
		if (x == 0)
			return 0;
		snprintf(m.mtext, sizeof(m.mtext), "%ld", x * x);
		/*
		 * TODO: send m back to the client as a message of type REPLY
		 * (msgsnd(2); the size is that of the text only).
		 */
	}
}

/* The client's call: send x, wait for the reply, print it. */
static int
call(int qid, const char *x)
{
	struct message m;
	ssize_t n = -1;

	m.mtype = REQUEST;
	snprintf(m.mtext, sizeof(m.mtext), "%s", x);
	if (msgsnd(qid, &m, strlen(m.mtext), 0) < 0) {
		perror("client: msgsnd");
		return -1;
	}
	/*
	 * TODO: receive the reply: the first message of type REPLY only, so
	 * that the client never takes a request (msgrcv(2)); set n.
	 */
	if (n < 0) {
		fprintf(stderr, "client: no reply to %s\n", x);
		return -1;
	}
	m.mtext[n] = '\0';
	printf("client: %s squared is %s\n", x, m.mtext);
	return 0;
}

int
main(int argc, char **argv)
{
	int qid, i, rc = 0, st;
	struct message end = { REQUEST, "0" };
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: rpc KEY N...\n");
		return 2;
	}
	qid = msgget((key_t)strtoul(argv[1], NULL, 0), IPC_CREAT | 0600);
	if (qid < 0)
		die("msgget");
	pid = fork_flushed();
	if (pid == 0)
		_exit(server(qid));
	for (i = 2; i < argc && rc == 0; i++)
		if (call(qid, argv[i]) < 0)
			rc = 1;
	/* stop the server, wait for it, remove the queue */
	if (msgsnd(qid, &end, 1, 0) < 0)
		perror("client: msgsnd");
	waitpid(pid, &st, 0);
	msgctl(qid, IPC_RMID, NULL);
	return rc;
}
