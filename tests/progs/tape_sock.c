/*
 * tape_sock.c - UNIX sockets and POSIX IPC for the tape tests: a
 * socketpair with 100 bytes one way and 7 the other (pair), a pipe's read
 * end passed with SCM_RIGHTS (rights), EOF and EPIPE over a socketpair
 * (exact), cat run with a socket as stdin (exec), sendmmsg, recvmmsg and
 * shutdown (mmsg), a POSIX queue (mq NAME), its attributes (mqattr NAME)
 * and its removal (mqrm NAME), a POSIX shm object (shm NAME).
 */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "fdio.h"
#include "pair_fork.h"

static int
reap(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* 100 bytes of c into fd. 0 or -1. */
static int
send100(int fd, int c)
{
	char buf[100];

	memset(buf, c, sizeof(buf));
	return write(fd, buf, sizeof(buf)) == (ssize_t)sizeof(buf) ? 0 : -1;
}

/* 100 bytes from parent to child, 7 back. */
static int
pair(void)
{
	char buf[100];
	int sv[2];
	pid_t pid;

	pid = pair_fork("", SOCK_STREAM, sv, NULL);
	if (pid == 0) {
		if (fdio_read(sv[1], buf, 100) != 100)
			_exit(1);
		_exit(write(sv[1], "replied", 7) == 7 ? 0 : 1);
	}
	if (send100(sv[0], 'x') < 0 || fdio_read(sv[0], buf, 7) != 7)
		return 1;
	close(sv[0]);
	if (reap(pid) != 0)
		return 1;
	printf("%d %d\n", (int)getpid(), (int)pid);
	return 0;
}

/* A pipe's read end sent with SCM_RIGHTS; the child reads through it. */
static int
rights(void)
{
	char cbuf[CMSG_SPACE(sizeof(int))], c = 'r', buf[8];
	struct iovec iov = { &c, 1 };
	struct msghdr mh = { 0 };
	struct cmsghdr *cm;
	int sv[2], p[2], fd = -1;
	pid_t pid;

	pid = pair_fork("", SOCK_STREAM, sv, p);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = cbuf;
	mh.msg_controllen = sizeof(cbuf);
	if (pid == 0) {
		close(p[0]);
		close(p[1]);
		if (recvmsg(sv[1], &mh, 0) != 1)
			_exit(1);
		cm = CMSG_FIRSTHDR(&mh);
		if (cm == NULL || cm->cmsg_type != SCM_RIGHTS)
			_exit(1);
		memcpy(&fd, CMSG_DATA(cm), sizeof(int));
		if (fdio_read(fd, buf, 2) != 2 || memcmp(buf, "hi", 2) != 0)
			_exit(1);
		printf("got %d\n", fd);
		fflush(stdout);
		_exit(0);
	}
	memset(cbuf, 0, sizeof(cbuf));
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &p[0], sizeof(int));
	if (sendmsg(sv[0], &mh, 0) != 1)
		return perror("sendmsg"), 1;
	printf("sent %d\n", p[0]);
	fflush(stdout);
	close(p[0]);
	if (write(p[1], "hi", 2) != 2)
		return 1;
	close(p[1]);
	close(sv[0]);
	return reap(pid);
}

/* The child writes 3 bytes and leaves: EOF, then a write fails EPIPE. */
static int
exact(void)
{
	char buf[8];
	int sv[2];
	size_t n;
	pid_t pid;

	signal(SIGPIPE, SIG_IGN);
	pid = pair_fork("", SOCK_STREAM, sv, NULL);
	if (pid == 0)
		_exit(write(sv[1], "abc", 3) == 3 ? 0 : 1);
	n = fdio_read(sv[0], buf, sizeof(buf));
	if (reap(pid) != 0)
		return 1;
	errno = 0;
	printf("%zu %s %s\n", n, read(sv[0], buf, 1) == 0 ? "eof" : "data",
	    write(sv[0], "x", 1) < 0 ? strerrorname_np(errno) : "written");
	return 0;
}

/* cat with one end of a socketpair as its stdin: 100 bytes, then EOF. */
static int
execcat(void)
{
	int sv[2];
	pid_t pid;

	pid = pair_fork("", SOCK_STREAM, sv, NULL);
	if (pid == 0) {
		dup2(sv[1], 0);
		close(sv[1]);
		execlp("cat", "cat", (char *)NULL);
		_exit(127);
	}
	if (send100(sv[0], 'y') < 0)
		return 1;
	close(sv[0]);
	return reap(pid);
}

/* A POSIX queue: open, send (prio 5), receive, unlink. */
static int
mq(const char *name)
{
	struct mq_attr at = { .mq_maxmsg = 4, .mq_msgsize = 32 };
	struct timespec a, b;
	char buf[32];
	unsigned prio = 0;
	ssize_t n;
	mqd_t q;

	q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &at);
	if (q == (mqd_t)-1)
		return perror("mq_open"), 1;
	clock_gettime(CLOCK_MONOTONIC, &a);
	if (mq_send(q, "hello, posix mq!", 16, 5) < 0) {
		perror("mq_send");
		mq_unlink(name);
		return 1;
	}
	n = mq_receive(q, buf, sizeof(buf), &prio);
	clock_gettime(CLOCK_MONOTONIC, &b);
	mq_close(q);
	if (mq_unlink(name) < 0 || n != 16 || prio != 5)
		return 1;
	printf("%ld\n", (b.tv_sec - a.tv_sec) * 1000000 +
	    (b.tv_nsec - a.tv_nsec) / 1000);
	return 0;
}

/*
 * sendmmsg and recvmmsg: three datagrams of 10, 20 and 30 bytes in one
 * call each way, the second carrying a pipe's read end; then a stream
 * pair whose writer sends 5 bytes and shuts down for writing, so that
 * the reader's recvmmsg gives the 5 bytes, then end of file. Prints
 * the counts it saw and the descriptor it received.
 */
static int
mmsg(void)
{
	char out[3][30], in[4][64], cbuf[CMSG_SPACE(sizeof(int))];
	char rbuf[4][CMSG_SPACE(sizeof(int))];
	struct iovec iov[4];
	struct mmsghdr m[4];
	struct cmsghdr *cm;
	int dg[2], st[2], p[2], i, n, got, sum = 0, fd = -1;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, dg) < 0 ||
	    socketpair(AF_UNIX, SOCK_STREAM, 0, st) < 0 || pipe(p) < 0)
		return perror("socketpair"), 1;
	memset(m, 0, sizeof(m));
	memset(out, 'm', sizeof(out));
	memset(cbuf, 0, sizeof(cbuf));
	for (i = 0; i < 3; i++) {
		iov[i].iov_base = out[i];
		iov[i].iov_len = (size_t)(10 * (i + 1));
		m[i].msg_hdr.msg_iov = &iov[i];
		m[i].msg_hdr.msg_iovlen = 1;
	}
	m[1].msg_hdr.msg_control = cbuf;
	m[1].msg_hdr.msg_controllen = sizeof(cbuf);
	cm = CMSG_FIRSTHDR(&m[1].msg_hdr);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &p[0], sizeof(int));
	if (sendmmsg(dg[0], m, 3, 0) != 3)
		return perror("sendmmsg"), 1;
	memset(m, 0, sizeof(m));
	memset(rbuf, 0, sizeof(rbuf));
	for (i = 0; i < 4; i++) {
		iov[i].iov_base = in[i];
		iov[i].iov_len = sizeof(in[i]);
		m[i].msg_hdr.msg_iov = &iov[i];
		m[i].msg_hdr.msg_iovlen = 1;
		m[i].msg_hdr.msg_control = rbuf[i];
		m[i].msg_hdr.msg_controllen = sizeof(rbuf[i]);
	}
	n = recvmmsg(dg[1], m, 4, MSG_DONTWAIT, NULL);
	for (i = 0; i < n; i++) {
		sum += (int)m[i].msg_len;
		cm = CMSG_FIRSTHDR(&m[i].msg_hdr);
		if (cm != NULL && cm->cmsg_type == SCM_RIGHTS)
			memcpy(&fd, CMSG_DATA(cm), sizeof(int));
	}
	printf("dgram %d %d fd %d\n", n, sum, fd);
	if (write(st[0], "bytes", 5) != 5 || shutdown(st[0], SHUT_WR) < 0)
		return perror("shutdown"), 1;
	memset(m, 0, sizeof(m));
	iov[0].iov_base = in[0];
	iov[0].iov_len = sizeof(in[0]);
	m[0].msg_hdr.msg_iov = &iov[0];
	m[0].msg_hdr.msg_iovlen = 1;
	n = recvmmsg(st[1], m, 1, 0, NULL);
	got = n == 1 ? (int)m[0].msg_len : -1;
	n = recvmmsg(st[1], m, 1, 0, NULL);
	printf("stream %d then %d %d\n", got, n, n == 1 ?
	    (int)m[0].msg_len : -1);
	return 0;
}

/*
 * A POSIX queue's attributes: one message in it (mq_getattr), the
 * descriptor made non-blocking (mq_setattr), two receives: the message,
 * then EAGAIN at once. Prints what the calls gave.
 */
static int
mqattr(const char *name)
{
	struct mq_attr at = { .mq_maxmsg = 4, .mq_msgsize = 32 }, now, nb;
	char buf[32];
	ssize_t a, b;
	mqd_t q;

	q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &at);
	if (q == (mqd_t)-1)
		return perror("mq_open"), 1;
	if (mq_send(q, "attributes", 10, 1) < 0 || mq_getattr(q, &now) < 0) {
		perror("mq_send/mq_getattr");
		mq_unlink(name);
		return 1;
	}
	memset(&nb, 0, sizeof(nb));
	nb.mq_flags = O_NONBLOCK;
	if (mq_setattr(q, &nb, NULL) < 0) {
		perror("mq_setattr");
		mq_unlink(name);
		return 1;
	}
	a = mq_receive(q, buf, sizeof(buf), NULL);
	errno = 0;
	b = mq_receive(q, buf, sizeof(buf), NULL);
	printf("%ld %ld %zd %zd %s\n", now.mq_curmsgs, now.mq_maxmsg, a, b,
	    b < 0 ? strerrorname_np(errno) : "-");
	mq_close(q);
	return mq_unlink(name) < 0;
}

/* A POSIX shm object: shm_open, ftruncate, mmap, shm_unlink. */
static int
shm(const char *name)
{
	char *p;
	int fd;

	fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	if (fd < 0)
		return perror("shm_open"), 1;
	if (ftruncate(fd, 8192) < 0 || (p = mmap(NULL, 8192,
	    PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)) == MAP_FAILED) {
		perror("ftruncate/mmap");
		shm_unlink(name);
		return 1;
	}
	strcpy(p, "shared");
	munmap(p, 8192);
	close(fd);
	return shm_unlink(name) < 0;
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "pair") == 0)
		return pair();
	if (argc == 2 && strcmp(argv[1], "rights") == 0)
		return rights();
	if (argc == 2 && strcmp(argv[1], "exact") == 0)
		return exact();
	if (argc == 2 && strcmp(argv[1], "exec") == 0)
		return execcat();
	if (argc == 3 && strcmp(argv[1], "mq") == 0)
		return mq(argv[2]);
	if (argc == 3 && strcmp(argv[1], "mqrm") == 0) {
		/* a failure: the errno the C library got, by name */
		if (mq_unlink(argv[2]) == 0)
			return printf("removed\n"), 0;
		printf("%s\n", strerrorname_np(errno));
		return 1;
	}
	if (argc == 3 && strcmp(argv[1], "shm") == 0)
		return shm(argv[2]);
	if (argc == 2 && strcmp(argv[1], "mmsg") == 0)
		return mmsg();
	if (argc == 3 && strcmp(argv[1], "mqattr") == 0)
		return mqattr(argv[2]);
	fprintf(stderr, "usage: tape_sock pair|rights|exact|exec|mmsg|mq NAME|mqrm NAME|mqattr NAME|shm NAME\n");
	return 2;
}
