/*
 * msgq_ex1.c - the lecture's message-queue example: the parent reads a
 * type and a text from standard input and sends them with msgsnd(2); the
 * child receives them with msgrcv(2) and prints them. Type 0 ends.
 * Usage: msgq_ex1   (then type: 1, test, 0; or pipe them in)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define TEXT_MAX 128

/* The lecture's struct msgbuf: a type (> 0) then the bytes of the text. */
struct message {
	long	mtype;
	char	mtext[TEXT_MAX];
};

static int
child(int qid)
{
	struct message m;
	ssize_t n;

	for (;;) {
		/* type 0: the first message in the queue, whatever its type */
		n = msgrcv(qid, &m, sizeof(m.mtext) - 1, 0, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			perror("child: msgrcv");
			return 1;
		}
		m.mtext[n] = '\0';
		if (strcmp(m.mtext, "end") == 0)
			return 0;
		printf("Child: read msg (type %ld): %s\n", m.mtype, m.mtext);
		fflush(stdout);
	}
}

/* Reads one line into buf without its newline; 0 at end of input. */
static int
read_line(const char *prompt, char *buf, size_t size)
{
	size_t n;

	printf("Parent: %s\n", prompt);
	fflush(stdout);
	if (fgets(buf, (int)size, stdin) == NULL)
		return 0;
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		buf[n - 1] = '\0';
	return 1;
}

static int
send_msg(int qid, long type, const char *text)
{
	struct message m;
	size_t n = strlen(text);

	if (n >= sizeof(m.mtext))
		n = sizeof(m.mtext) - 1;
	m.mtype = type;
	memcpy(m.mtext, text, n);
	/* the size given to msgsnd(2) counts the text only, not mtype */
	if (msgsnd(qid, &m, n, 0) < 0) {
		perror("parent: msgsnd");
		return -1;
	}
	return 0;
}

static int
parent(int qid)
{
	char line[TEXT_MAX];
	long type;

	for (;;) {
		if (!read_line("input message type:", line, sizeof(line)))
			break;
		type = strtol(line, NULL, 10);
		if (type <= 0)
			break;
		if (!read_line("input message to be sent:", line,
		    sizeof(line)))
			break;
		if (send_msg(qid, type, line) < 0)
			return 1;
	}
	/* tell the child to stop: a last message it knows */
	return send_msg(qid, 1, "end") < 0;
}

int
main(void)
{
	int qid, status, rc;
	pid_t pid;

	/* IPC_PRIVATE: a new queue that only this family knows (msgget(2)) */
	qid = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	if (qid < 0) {
		perror("msgget");
		return 1;
	}
	printf("Parent: created message queue id %d\n", qid);
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		msgctl(qid, IPC_RMID, NULL);
		return 1;
	}
	if (pid == 0)
		_exit(child(qid));
	rc = parent(qid);
	if (waitpid(pid, &status, 0) < 0) {
		perror("waitpid");
		rc = 1;
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		rc = 1;
	}
	/* a queue outlives its processes: remove it (msgctl IPC_RMID) */
	if (msgctl(qid, IPC_RMID, NULL) < 0) {
		perror("msgctl IPC_RMID");
		return 1;
	}
	printf("Parent: removed message queue id %d\n", qid);
	return rc;
}
