/*
 * tape_ask.c - the messages on the tape's socket: a request to be traced,
 * a sync, what a child is about to run, what a forked child of the shell
 * runs itself (the shell's side sends them, tape_trace.c reads them).
 */
#include <stddef.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "tape.h"
#include "tape_int.h"

/*
 * The message of a request to be traced, both ways: the pid and its
 * parent's as data, the descriptor to close when it is seized in cbuf
 * (SCM_RIGHTS).
 */
void
tr_ask_msg(struct msghdr *mh, struct iovec *iov, pid_t *msg, size_t msgsize,
    char *cbuf, size_t size)
{
	iov->iov_base = msg;	/* ... iov[1] when the caller adds it */
	iov->iov_len = msgsize;
	mh->msg_iov = iov;
	mh->msg_iovlen = 1;
	mh->msg_control = cbuf;
	mh->msg_controllen = size;
}

int
tape_ask(int sock, pid_t pid, int ackfd, const struct tape_pre *pre)
{
	char cbuf[CMSG_SPACE(sizeof(int))];
	struct msghdr mh = { 0 };
	struct cmsghdr *cm;
	struct iovec iov[2];
	pid_t msg[2] = { pid, pid <= 0 ? 0 : ackfd < 0 ? -1 : getppid() };
	size_t len = sizeof(msg);

	memset(cbuf, 0, sizeof(cbuf));
	tr_ask_msg(&mh, iov, msg, sizeof(msg), cbuf, sizeof(cbuf));
	if (ackfd >= 0) {
		cm = CMSG_FIRSTHDR(&mh);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(cm), &ackfd, sizeof(int));
	} else {
		mh.msg_control = NULL;
		mh.msg_controllen = 0;
	}
	if (pre != NULL) {
		iov[1].iov_base = (void *)pre;
		iov[1].iov_len = offsetof(struct tape_pre, text) +
		    (size_t)pre->pathlen + (size_t)pre->argvlen;
		mh.msg_iovlen = 2;
		len += iov[1].iov_len;
	}
	return sendmsg(sock, &mh, MSG_NOSIGNAL) == (ssize_t)len ? 0 : -1;
}

int
tape_tell(int sock, const char *what, int argc, char *const *argv, int ackfd)
{
	char cbuf[CMSG_SPACE(sizeof(int))], tail[TAPE_TELL_MAX];
	struct msghdr mh = { 0 };
	struct cmsghdr *cm;
	struct iovec iov[2];
	pid_t msg[2] = { getpid(), TAPE_TELL };
	size_t len, n = 0;
	int i;

	for (i = -1; i < argc; i++) {
		len = strlen(i < 0 ? what : argv[i]) + 1;
		if (n + len > sizeof(tail))
			break;	/* the first words are enough to name it */
		memcpy(tail + n, i < 0 ? what : argv[i], len);
		n += len;
	}
	memset(cbuf, 0, sizeof(cbuf));
	tr_ask_msg(&mh, iov, msg, sizeof(msg), cbuf, sizeof(cbuf));
	iov[1].iov_base = tail;
	iov[1].iov_len = n;
	mh.msg_iovlen = 2;
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &ackfd, sizeof(int));
	return sendmsg(sock, &mh, MSG_NOSIGNAL) == (ssize_t)(sizeof(msg) + n) ?
	    0 : -1;
}
