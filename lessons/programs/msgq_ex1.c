/*
 * msgq_ex1.c - the lecture's message-queue example: a key from a macro,
 * msgget(2) with IPC_EXCL, the parent reads a type and a text and sends
 * them (msgsnd), the child receives messages of type 1 only (msgrcv).
 * Usage: msgq_ex1 [-v] [-k KEY]   (type 1, test, ... then 0 to end)
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

/* The key both processes use: from a macro (the other way is ftok(3)). */
#define MSG_KEY		0x4d510001
#define TEXT_MAX	128
#define RECV_TYPE	1	/* the child takes messages of this type only */

static int verbose;

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
		/* msgtype > 0: the first message of exactly that type */
		n = msgrcv(qid, &m, sizeof(m.mtext) - 1, RECV_TYPE, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			perror("Child: msgrcv");
			return 1;
		}
		m.mtext[n] = '\0';
		/* the empty message is the parent's "no more" */
		if (n == 0)
			return 0;
		printf("Child: read msg:%s\n", m.mtext);
		fflush(stdout);
	}
}

/*
 * Reads one line into buf without its newline; 0 at end of input. When
 * the input is not a terminal nobody sees it typed: echo it, so that the
 * output reads like the slide's dialogue.
 */
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
		buf[--n] = '\0';
	if (!isatty(STDIN_FILENO)) {
		printf("%s\n", buf);
		fflush(stdout);
	}
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
		perror("Parent: msgsnd");
		return -1;
	}
	return 0;
}

static int
parent(int qid)
{
	char line[TEXT_MAX], *end;
	long type;

	for (;;) {
		if (!read_line("input message type:", line, sizeof(line)))
			break;
		type = strtol(line, &end, 10);
		if (end == line || type <= 0)
			break;
		if (!read_line("input message to be sent:", line,
		    sizeof(line)))
			break;
		if (send_msg(qid, type, line) < 0)
			return 1;
	}
	/* tell the child to stop: an empty message of its type */
	return send_msg(qid, RECV_TYPE, "") < 0;
}

int
main(int argc, char **argv)
{
	int qid, status, rc, c;
	key_t key = MSG_KEY;
	struct msqid_ds ds;
	char *end;
	pid_t pid;

	while ((c = getopt(argc, argv, "vk:")) != -1) {
		switch (c) {
		case 'v':
			verbose = 1;
			break;
		case 'k':
			key = (key_t)strtoul(optarg, &end, 0);
			if (*optarg != '\0' && *end == '\0')
				break;
			/* FALLTHROUGH */
		default:
			fprintf(stderr, "usage: msgq_ex1 [-v] [-k KEY]\n");
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "usage: msgq_ex1 [-v] [-k KEY]\n");
		return 2;
	}
	/* IPC_EXCL with IPC_CREAT: fail with EEXIST if the key is taken */
	qid = msgget(key, IPC_CREAT | IPC_EXCL | 0666);
	if (qid < 0 && errno == EEXIST) {
		fprintf(stderr, "msgget: a queue with key 0x%08x exists "
		    "already (EEXIST); remove it: ipcrm -Q 0x%08x\n",
		    (unsigned)key, (unsigned)key);
		return 1;
	}
	if (qid < 0) {
		perror("msgget");
		return 1;
	}
	if (verbose)
		printf("Parent %d: key 0x%08x, queue id %d\n", (int)getpid(),
		    (unsigned)key, qid);
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
	/* messages of other types stay: the child never asked for them */
	if (verbose && msgctl(qid, IPC_STAT, &ds) == 0)
		printf("Parent: %lu message(s) of other types left in the "
		    "queue\n", (unsigned long)ds.msg_qnum);
	/* a queue stays in the kernel until removed (msgctl IPC_RMID) */
	if (msgctl(qid, IPC_RMID, NULL) < 0) {
		perror("msgctl IPC_RMID");
		return 1;
	}
	if (verbose)
		printf("Parent: removed queue id %d\n", qid);
	return rc;
}
