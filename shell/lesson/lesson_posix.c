/*
 * lesson_posix.c - the lesson checks on POSIX IPC and UNIX sockets: a
 * POSIX message queue (pmq, no-pmq), a POSIX shared memory object (pshm,
 * no-pshm), a socket joining two processes (socket).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_kind.h"
#include "i18n.h"
#include "lesson_ev.h"
#include "snapshot.h"

#define LPX_SHM_DIR	"/dev/shm"

/* What the student reads when a check does not hold, in en and zh. */
enum lpx_msg {
	M_NO_PMQ, M_NOT_BLOCKED, M_MSG1, M_MSGS, M_MAXMSG, M_PMQ_THERE,
	M_NO_PSHM, M_NOT_TEXT, M_SIZE, M_MAPPER1, M_MAPPERS, M_PSHM_THERE,
	M_SOCK_TYPE, M_SOCK_UNSEEN, M_BYTE1, M_BYTES, M_NO_SOCK,
};

static const char *const lpx_msgs[][2] = {
	[M_NO_PMQ] = { "there is no POSIX message queue %s",
	    "没有名为 %s 的 POSIX 消息队列" },
	[M_NOT_BLOCKED] = {
	    "no process named %s waits in mq_receive or mq_send on %s",
	    "没有名为 %s 的进程阻塞在 %s 的 mq_receive 或 mq_send 中" },
	[M_MSG1] = { "POSIX message queue %s holds %ld message, not %s",
	    "POSIX 消息队列 %s 中有 %ld 条消息，而不是 %s" },
	[M_MSGS] = { "POSIX message queue %s holds %ld messages, not %s",
	    "POSIX 消息队列 %s 中有 %ld 条消息，而不是 %s" },
	[M_MAXMSG] = {
	    "POSIX message queue %s holds at most %ld messages, not %s",
	    "POSIX 消息队列 %s 最多容纳 %ld 条消息，而不是 %s" },
	[M_PMQ_THERE] = { "POSIX message queue %s is still there",
	    "POSIX 消息队列 %s 仍然存在" },
	[M_NO_PSHM] = { "there is no POSIX shared memory object %s",
	    "没有名为 %s 的 POSIX 共享内存对象" },
	[M_NOT_TEXT] = {
	    "POSIX shared memory object %s does not begin with '%s'",
	    "POSIX 共享内存对象 %s 的开头不是 '%s'" },
	[M_SIZE] = { "POSIX shared memory object %s has %ld bytes, not %s",
	    "POSIX 共享内存对象 %s 有 %ld 字节，而不是 %s" },
	[M_MAPPER1] = {
	    "%ld process maps POSIX shared memory object %s, not %s",
	    "映射 POSIX 共享内存对象 %2$s 的进程有 %1$ld 个，而不是 %3$s" },
	[M_MAPPERS] = {
	    "%ld processes map POSIX shared memory object %s, not %s",
	    "映射 POSIX 共享内存对象 %2$s 的进程有 %1$ld 个，而不是 %3$s" },
	[M_PSHM_THERE] = { "POSIX shared memory object %s is still there",
	    "POSIX 共享内存对象 %s 仍然存在" },
	[M_SOCK_TYPE] = {
	    "the socket between %s and %s is a %s socket, not %s",
	    "%s 与 %s 之间的套接字是 %s 类型，而不是 %s" },
	[M_SOCK_UNSEEN] = { "the bytes queued from %s to %s cannot be seen",
	    "看不到从 %s 到 %s 排队的字节数" },
	[M_BYTE1] = { "%ld byte sent by %s waits for %s to read it, not %s",
	    "%2$s 发出的 %1$ld 字节在等待 %3$s 读取，而不是 %4$s" },
	[M_BYTES] = {
	    "%ld bytes sent by %s wait for %s to read them, not %s",
	    "%2$s 发出的 %1$ld 字节在等待 %3$s 读取，而不是 %4$s" },
	[M_NO_SOCK] = {
	    "no socket joins a process named %s to one named %s",
	    "没有套接字把名为 %s 的进程与名为 %s 的进程连接起来" },
};

/* Why e does not hold: message m in the student's language. Returns 0. */
static int
lpx_why(struct lcheck_ev *e, enum lpx_msg m, ...)
{
	va_list ap;

	va_start(ap, m);
	vsnprintf(e->why, e->whysize, tr(lpx_msgs[m][0], lpx_msgs[m][1]), ap);
	va_end(ap);
	return 0;
}

/* "/NAME" as mq_open(3) and shm_open(3) take it: the slash may be left out. */
static void
lpx_name(const char *arg, char *out, size_t n)
{
	snprintf(out, n, "%s%s", arg[0] == '/' ? "" : "/", arg);
}

static long
lpx_long(const char *s)
{
	return strtol(s, NULL, 0);
}

/* The POSIX queue called name in s, not unlinked; NULL when none. */
static const struct snap_pmq *
lpx_pmq_find(const struct snapshot *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->npmqs; i++)
		if (!s->pmqs[i].unlinked && strcmp(s->pmqs[i].name, name) == 0)
			return &s->pmqs[i];
	return NULL;
}

/*
 * mq_getattr(3) of the queue called name through a read-only descriptor
 * of our own, for a queue no watched process holds (its mqueue file
 * system mounted nowhere): opening it neither receives a message nor
 * wakes anyone, as mqstat(1) does. 0, or -1 with errno (ENOENT: none).
 */
static int
lpx_pmq_attr(const char *name, struct mq_attr *a)
{
	mqd_t q;
	int r, saved;

	q = mq_open(name, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (q == (mqd_t)-1)
		return -1;
	r = mq_getattr(q, a);
	saved = errno;
	mq_close(q);
	errno = saved;
	return r;
}

/* A process named comm waits in mq_receive or mq_send on q. */
static int
lpx_pmq_blocked(const struct snapshot *s, const struct snap_pmq *q,
    const char *comm)
{
	size_t i;

	for (i = 0; i < q->nholders; i++)
		if (q->holders[i].blocked != SNAP_PMQ_NONE &&
		    lcheck_pid_named(s, q->holders[i].pid, comm))
			return 1;
	return 0;
}

/* pmq NAME [messages N] [maxmsg N] [blocked COMM] */
int
lcheck_ev_pmq(struct lcheck_ev *e, const struct snapshot *s)
{
	const struct snap_pmq *q;
	struct mq_attr a = { 0 };
	char name[NAME_MAX + 2];
	long curmsgs = -1, maxmsg = -1, have;
	const char *v;
	int j;

	lpx_name(e->argv[1], name, sizeof(name));
	q = lpx_pmq_find(s, name);
	if (q != NULL) {
		curmsgs = q->curmsgs;
		maxmsg = q->maxmsg;
	}
	if (curmsgs < 0 || maxmsg < 0) {
		if (lpx_pmq_attr(name, &a) == 0) {
			curmsgs = a.mq_curmsgs;
			maxmsg = a.mq_maxmsg;
		} else if (q == NULL || errno == ENOENT) {
			return lpx_why(e, M_NO_PMQ, name);
		}
	}
	for (j = 2; j + 1 < e->argc; j += 2) {
		v = e->argv[j + 1];
		if (strcmp(e->argv[j], "blocked") == 0) {
			if (q == NULL || !lpx_pmq_blocked(s, q, v))
				return lpx_why(e, M_NOT_BLOCKED, v, name);
			continue;
		}
		if (strcmp(e->argv[j], "maxmsg") == 0) {
			if (maxmsg != lpx_long(v))
				return lpx_why(e, M_MAXMSG, name, maxmsg, v);
			continue;
		}
		have = curmsgs;
		if (have != lpx_long(v))
			return lpx_why(e, have == 1 ? M_MSG1 : M_MSGS, name,
			    have, v);
	}
	return 1;
}

/* no-pmq NAME: mq_open(3) of it says ENOENT. */
int
lcheck_ev_no_pmq(struct lcheck_ev *e, const struct snapshot *s)
{
	struct mq_attr a;
	char name[NAME_MAX + 2];

	(void)s;
	lpx_name(e->argv[1], name, sizeof(name));
	if (lpx_pmq_attr(name, &a) < 0 && errno == ENOENT)
		return 1;
	return lpx_why(e, M_PMQ_THERE, name);
}

static const struct snap_pshm *
lpx_pshm_find(const struct snapshot *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->npshms; i++)
		if (!s->pshms[i].unlinked &&
		    strcmp(s->pshms[i].name, name) == 0)
			return &s->pshms[i];
	return NULL;
}

/*
 * Whether the object's first bytes are text: read from its file in
 * /dev/shm (reading changes nothing a mapper sees).
 */
static int
lpx_pshm_begins(const char *name, const char *text)
{
	char path[PATH_MAX], buf[256];
	size_t n = strlen(text);
	ssize_t got;
	int fd;

	if (n > sizeof(buf))
		return 0;
	snprintf(path, sizeof(path), "%s%s", LPX_SHM_DIR, name);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return 0;
	got = pread(fd, buf, n, 0);
	close(fd);
	return got == (ssize_t)n && memcmp(buf, text, n) == 0;
}

/* Distinct processes of s that map m. */
static long
lpx_mappers(const struct snap_pshm *m)
{
	size_t i, k;
	long n = 0;

	for (i = 0; i < m->nmappers; i++) {
		for (k = 0; k < i && m->mappers[k] != m->mappers[i]; k++)
			;
		if (k == i)
			n++;
	}
	return n;
}

/* pshm NAME [size N] [mappers N] [text TEXT] */
int
lcheck_ev_pshm(struct lcheck_ev *e, const struct snapshot *s)
{
	const struct snap_pshm *m;
	char name[NAME_MAX + 2];
	const char *v;
	long have;
	int j;

	lpx_name(e->argv[1], name, sizeof(name));
	if ((m = lpx_pshm_find(s, name)) == NULL)
		return lpx_why(e, M_NO_PSHM, name);
	for (j = 2; j + 1 < e->argc; j += 2) {
		v = e->argv[j + 1];
		if (strcmp(e->argv[j], "text") == 0) {
			if (!lpx_pshm_begins(name, v))
				return lpx_why(e, M_NOT_TEXT, name, v);
		} else if (strcmp(e->argv[j], "size") == 0) {
			if (m->size != lpx_long(v))
				return lpx_why(e, M_SIZE, name, m->size, v);
		} else if ((have = lpx_mappers(m)) != lpx_long(v)) {
			return lpx_why(e, have == 1 ? M_MAPPER1 : M_MAPPERS,
			    have, name, v);
		}
	}
	return 1;
}

/* no-pshm NAME: no file of that name in /dev/shm. */
int
lcheck_ev_no_pshm(struct lcheck_ev *e, const struct snapshot *s)
{
	char name[NAME_MAX + 2], path[PATH_MAX];
	struct stat st;

	(void)s;
	lpx_name(e->argv[1], name, sizeof(name));
	snprintf(path, sizeof(path), "%s%s", LPX_SHM_DIR, name);
	if (lstat(path, &st) < 0 && errno == ENOENT)
		return 1;
	return lpx_why(e, M_PSHM_THERE, name);
}

/* A process named comm holds socket k. */
static int
lpx_holds(const struct snapshot *s, const struct snap_sock *k,
    const char *comm)
{
	size_t i;

	for (i = 0; i < k->nholders; i++)
		if (lcheck_pid_named(s, k->holders[i].pid, comm))
			return 1;
	return 0;
}

static int
lpx_type_is(const struct snap_sock *k, const char *want)
{
	if (strcmp(want, "dgram") == 0)
		want = "datagram";
	return strcmp(snap_sock_type_name(k->type), want) == 0;
}

/*
 * Whether the connection ka (held by a) - kb (held by b) has the options
 * of e; 0 with why when one does not hold.
 */
static int
lpx_sock_opts(struct lcheck_ev *e, const struct snap_sock *ka,
    const struct snap_sock *kb)
{
	const char *a = e->argv[1], *b = e->argv[2], *v;
	int j;

	for (j = 3; j + 1 < e->argc; j += 2) {
		v = e->argv[j + 1];
		if (strcmp(e->argv[j], "type") == 0) {
			if (!lpx_type_is(ka, v))
				return lpx_why(e, M_SOCK_TYPE, a, b,
				    snap_sock_type_name(ka->type), v);
		} else if (kb->inq < 0) {
			return lpx_why(e, M_SOCK_UNSEEN, a, b);
		} else if (kb->inq != lpx_long(v)) {
			return lpx_why(e, kb->inq == 1 ? M_BYTE1 : M_BYTES,
			    kb->inq, a, b, v);
		}
	}
	return 1;
}

/*
 * socket A B [type T] [queued N]: a connected socket one of whose ends
 * a process named A holds, the other one named B; queued is what A sent
 * that B has not read yet: the bytes waiting at B's end (SIOCINQ).
 */
int
lcheck_ev_socket(struct lcheck_ev *e, const struct snapshot *s)
{
	const struct snap_sock *ka, *kb;
	size_t i;
	int found = 0;

	for (i = 0; i < s->nsocks; i++) {
		ka = &s->socks[i];
		if (ka->state != SNAP_SOCK_CONNECTED || ka->peer == 0 ||
		    (kb = snap_sock_find(s, ka->peer)) == NULL ||
		    !lpx_holds(s, ka, e->argv[1]) ||
		    !lpx_holds(s, kb, e->argv[2]))
			continue;
		found = 1;
		if (lpx_sock_opts(e, ka, kb))
			return 1;
	}
	if (!found)
		return lpx_why(e, M_NO_SOCK, e->argv[1], e->argv[2]);
	return 0;
}
