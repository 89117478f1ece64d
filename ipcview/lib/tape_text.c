/*
 * tape_text.c - tape records in words (English and Chinese), as JSON
 * lines (ipcview(1) keys) and as plain call lines (trace --raw).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tape.h"

#define L(zh, e, c) ((zh) ? (c) : (e))

static const char *
g(const struct tape_rec *r, const char *k)
{
	const char *v = tape_get(r, k);

	return v ? v : "?";
}

#define OBJ_ON		0x1	/* what an exit record was blocked on */
#define OBJ_PASSED	0x2	/* what went over a socket */
#define OBJ_IO		0x4	/* what bytes went through, dup or close */

/*
 * The tape's words for kinds of object: what each is called, the key of
 * its name, and which records name them so.
 */
static const struct {
	const char	*kind, *en, *zh, *key;
	int		in;
} objs[] = {
	{ "pipe", "pipe", "管道", "inode", OBJ_ON | OBJ_PASSED | OBJ_IO },
	{ "fifo", "FIFO", "命名管道", "path", OBJ_ON | OBJ_PASSED | OBJ_IO },
	{ "socket", "socket", "套接字", "inode",
	  OBJ_ON | OBJ_PASSED | OBJ_IO },
	{ "posix_queue", "POSIX queue", "POSIX 消息队列", "path",
	  OBJ_ON | OBJ_PASSED },
	{ "posix_shm", "POSIX shm", "POSIX 共享内存", "path", OBJ_PASSED },
	{ "queue", "queue", "消息队列", "id", OBJ_ON },
	{ "semaphore", "semaphore set", "信号量集", "id", OBJ_ON },
};

/*
 * "pipe 88", "FIFO /tmp/f"...: the object of r of that kind (objs, those
 * named in records in), in buf. 0 when the kind is none of those.
 */
static int
obj_text(const struct tape_rec *r, const char *kind, int in, int zh,
    char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < sizeof(objs) / sizeof(objs[0]); i++)
		if ((objs[i].in & in) && strcmp(objs[i].kind, kind) == 0) {
			snprintf(buf, size, "%s %s", L(zh, objs[i].en,
			    objs[i].zh), g(r, objs[i].key));
			return 1;
		}
	return 0;
}

/* What a dup or close record is on: a socket, a FIFO (named) or a pipe. */
static const char *
fd_kind(const struct tape_rec *r)
{
	return tape_get(r, "kind") != NULL ? "socket" :
	    tape_get(r, "path") != NULL ? "fifo" : "pipe";
}

/* "pipe 88", "FIFO /tmp/f" or "socket 90": what an I/O record is on. */
static void
what(const struct tape_rec *r, int zh, char *buf, size_t size)
{
	obj_text(r, strcmp(r->event, "sock_io") == 0 ? "socket" :
	    tape_get(r, "path") != NULL ? "fifo" : "pipe", OBJ_IO, zh, buf,
	    size);
}

/*
 * What an exit record says the process was blocked in: " while blocked
 * in read on pipe 88" (empty when nothing).
 */
static void
blocked_text(const struct tape_rec *r, int zh, char *buf, size_t size)
{
	const char *call = tape_get(r, "blocked"), *on = g(r, "on");
	char obj[300], name[280];

	buf[0] = '\0';
	if (call == NULL)
		return;
	obj[0] = '\0';
	if (obj_text(r, on, OBJ_ON, zh, name, sizeof(name)))
		snprintf(obj, sizeof(obj), L(zh, " on %s", "%s 上的"), name);
	else if (tape_get(r, "fd") != NULL)
		snprintf(obj, sizeof(obj), L(zh, " on fd %s", "描述符 %s 上的"),
		    g(r, "fd"));
	/* SIGPIPE comes from the write itself, which never blocked */
	if (strcmp(g(r, "signal"), "PIPE") == 0)
		snprintf(buf, size, L(zh, " in %s%s", "（在%s %s 时）"),
		    zh ? obj : call, zh ? call : obj);
	else
		snprintf(buf, size, L(zh, " while blocked in %s%s",
		    "（当时阻塞在%s %s 中）"), zh ? obj : call, zh ? call : obj);
}

static const char *
end_word(const char *end, int zh)
{
	if (strcmp(end, "write") == 0)
		return L(zh, "write end", "写端");
	if (strcmp(end, "both") == 0)
		return L(zh, "both ends", "读写两端");
	return L(zh, "read end", "读端");
}

static char *
argv_text(const struct tape_rec *r)
{
	const char *list = tape_get(r, "argv");
	char *out = NULL, *item, *tmp;
	int i;

	for (i = 0; (item = tape_list_item(list, i)) != NULL; i++) {
		if (asprintf(&tmp, "%s%s%s", out ? out : "", out ? " " : "",
		    item) < 0)
			tmp = NULL;
		free(item);
		free(out);
		out = tmp;
		if (out == NULL)
			return NULL;
	}
	return out ? out : strdup("?");
}

/* "ok", or "failed: ENOENT" when the call failed. */
static void
res_text(const struct tape_rec *r, int zh, char *buf, size_t size)
{
	const char *err = tape_get(r, "errno");

	if (err != NULL)
		snprintf(buf, size, L(zh, "failed: %s", "失败：%s"), err);
	else
		snprintf(buf, size, "%s", L(zh, "ok", "成功"));
}

static char *
ipc_text(const struct tape_rec *r, int zh)
{
	const char *call = g(r, "call"), *err = tape_get(r, "errno");
	char *s = NULL, res[96];
	int rc;

	res_text(r, zh, res, sizeof(res));
	if (strcmp(call, "msgsnd") == 0)
		rc = asprintf(&s, L(zh, "%d msgsnd to queue %s: type %s, %s bytes: %s",
		    "%d 向消息队列 %s 发送消息 (msgsnd)：类型 %s，%s 字节：%s"),
		    (int)r->pid, g(r, "id"), g(r, "type"), g(r, "size"), res);
	else if (strcmp(call, "msgrcv") == 0 && err == NULL)
		rc = asprintf(&s, L(zh, "%d msgrcv from queue %s: got a message of type %s, %s bytes",
		    "%d 从消息队列 %s 接收消息 (msgrcv)：类型 %s，%s 字节"),
		    (int)r->pid, g(r, "id"), g(r, "type"), g(r, "size"));
	else if (strcmp(call, "msgrcv") == 0)
		rc = asprintf(&s, L(zh, "%d msgrcv from queue %s (type %s): %s",
		    "%d 从消息队列 %s 接收消息 (msgrcv，类型 %s)：%s"),
		    (int)r->pid, g(r, "id"), g(r, "want"), res);
	else if (strstr(call, "get") != NULL && err == NULL)
		rc = asprintf(&s, L(zh, "%d %s(key %s, %s) made or found id %s",
		    "%d %s（键值 %s，%s）得到标识码 %s"), (int)r->pid, call,
		    g(r, "key"), g(r, "flags"), g(r, "id"));
	else if (strcmp(call, "semop") == 0)
		rc = asprintf(&s, L(zh, "%d semop on set %s (%s): %s",
		    "%d 对信号量集 %s 执行 semop（%s）：%s"), (int)r->pid,
		    g(r, "id"), g(r, "ops"), res);
	else
		rc = asprintf(&s, "%d %s(%s%s%s): %s", (int)r->pid, call,
		    tape_get(r, "id") ? g(r, "id") : g(r, "key"),
		    tape_get(r, "cmd") ? ", " : "",
		    tape_get(r, "cmd") ? g(r, "cmd") : "", res);
	return rc < 0 ? NULL : s;
}

/*
 * How far a run's count is from the truth: exact (""), a lower bound
 * (counted until the process's budget of calls), or about (counted
 * from /proc/PID/io once the process was hot: counted=io).
 */
static const char *
est_word(const struct tape_rec *r, int zh)
{
	if (tape_num(r, "estimate", 0) == 0)
		return "";
	if (strcmp(g(r, "counted"), "io") == 0)
		return L(zh, "about ", "约");
	return L(zh, "at least ", "至少");
}

/* The same in a call line: ">=" a lower bound, "~" about. */
static const char *
raw_est(const struct tape_rec *r)
{
	if (tape_num(r, "estimate", 0) == 0)
		return "";
	return strcmp(g(r, "counted"), "io") == 0 ? "~" : ">=";
}

/*
 * The phrases of a run of bytes, end of file or EPIPE, on a pipe or FIFO
 * (the first four) and on a socket (the last four), in English and in
 * Chinese: %1$d the pid, %2$s what the bytes went through, %3$s the errno
 * or the "at least" of an estimate, %4$s the bytes, %5$s the calls, %6$s
 * what a count from /proc/PID/io takes in; the last two: an end of file
 * inferred at a hot reader's exit (inferred=pipe, inferred=writers).
 */
static const char *const io_phrases[10][2] = {
	{ "%1$d saw end of file on %2$s: every write end is closed",
	  "%1$d 在%2$s 上读到文件结束：写端已全部关闭" },
	{ "%1$d's write into %2$s failed with %3$s: no read end is open (SIGPIPE follows)",
	  "%1$d 写%2$s失败（%3$s）：读端已全部关闭（随后收到 SIGPIPE）" },
	{ "%1$d wrote %3$s%4$s bytes into %2$s (write calls: %5$s%6$s)",
	  "%1$d 向%2$s 写入%3$s %4$s 字节（%5$s 次 write%6$s）" },
	{ "%1$d read %3$s%4$s bytes from %2$s (read calls: %5$s%6$s)",
	  "%1$d 从%2$s 读出%3$s %4$s 字节（%5$s 次 read%6$s）" },
	{ "%1$d saw end of file on %2$s: its peer closed its end",
	  "%1$d 在%2$s 上读到文件结束：对端已关闭" },
	{ "%1$d's write into %2$s failed with %3$s: its peer is closed",
	  "%1$d 写%2$s失败（%3$s）：对端已关闭" },
	{ "%1$d sent %3$s%4$s bytes into %2$s (calls: %5$s%6$s)",
	  "%1$d 向%2$s 发送%3$s %4$s 字节（%5$s 次调用%6$s）" },
	{ "%1$d received %3$s%4$s bytes from %2$s (calls: %5$s%6$s)",
	  "%1$d 从%2$s 接收%3$s %4$s 字节（%5$s 次调用%6$s）" },
	{ "%1$d reached end of file on %2$s (inferred, its reads were not followed one by one: at its exit %2$s was empty and no write end was open)",
	  "%1$d 在%2$s 上读到文件结束（推断：它的读调用未逐个跟踪；它退出时%2$s 已空，写端已全部关闭）" },
	{ "%1$d reached end of file on %2$s (inferred, its reads were not followed one by one: by its exit every write end the tape saw was closed)",
	  "%1$d 在%2$s 上读到文件结束（推断：它的读调用未逐个跟踪；它退出时录像所见的写端已全部关闭）" },
};

/*
 * What a count from /proc/PID/io (counted=io) takes in: every read or
 * write call of the process while it was hot, on any descriptor.
 */
static void
io_counted(const struct tape_rec *r, int zh, char *buf, size_t size)
{
	int w = strcmp(g(r, "op"), "write") == 0;

	buf[0] = '\0';
	if (strcmp(g(r, "counted"), "io") != 0)
		return;
	if (zh)
		snprintf(buf, size, "；按 /proc/%d/io 计：它的全部%s，不论描述符",
		    (int)r->pid, w ? "写入" : "读取");
	else
		snprintf(buf, size, "; counted from /proc/%d/io: every %s it made, %s any descriptor",
		    (int)r->pid, w ? "write" : "read", w ? "to" : "from");
}

/* A pipe_io or sock_io record: a run of bytes, end of file, or EPIPE. */
static char *
io_text(const struct tape_rec *r, int zh)
{
	const char *op = g(r, "op"), *x;
	char *s = NULL, w[300], c[160];
	int k;

	what(r, zh, w, sizeof(w));
	if (strcmp(op, "eof") == 0 && tape_get(r, "inferred") != NULL)
		k = strcmp(g(r, "inferred"), "pipe") == 0 ? 8 : 9;
	else if (strcmp(op, "eof") == 0)
		k = 0;
	else if (tape_get(r, "errno") != NULL)
		k = 1;
	else
		k = strcmp(op, "write") == 0 ? 2 : 3;
	if (k == 1)
		x = g(r, "errno");
	else
		x = est_word(r, zh);
	if (strcmp(r->event, "sock_io") == 0 && k < 8)
		k += 4;
	io_counted(r, zh, c, sizeof(c));
	if (asprintf(&s, io_phrases[k][zh != 0], (int)r->pid, w, x,
	    g(r, "bytes"), g(r, "calls"), c) < 0)
		return NULL;
	return s;
}

static char *
sig_text(const struct tape_rec *r, int zh)
{
	const char *ev = r->event, *sig = g(r, "signal");
	const char *how = g(r, "how"), *act = g(r, "action");
	char *s = NULL;
	int rc;

	if (strcmp(ev, "signal_sent") == 0 && r->pid > 0)
		rc = asprintf(&s, L(zh, "%d sent SIG%s to %s with %s",
		    "%d 用 %s 向 %s 发送信号 SIG%s"), (int)r->pid,
		    zh ? how : sig, zh ? g(r, "target") : g(r, "target"),
		    zh ? sig : how);
	else if (strcmp(ev, "signal_sent") == 0)
		rc = asprintf(&s, L(zh, "the %s sent SIG%s to %s",
		    "%s向 %s 发送信号 SIG%s"),
		    zh ? (strcmp(how, "terminal") == 0 ? "终端" : "内核") :
		    (strcmp(how, "terminal") == 0 ? "terminal" : "kernel"),
		    zh ? g(r, "target") : sig, zh ? sig : g(r, "target"));
	else if (strcmp(ev, "sigreturn") == 0)
		rc = asprintf(&s, L(zh, "%d's SIG%s handler returned: rt_sigreturn restored the interrupted context",
		    "%d 的 SIG%s 处理函数返回：rt_sigreturn 恢复了被中断的上下文"),
		    (int)r->pid, sig);
	else if (strcmp(act, "handler") == 0)
		rc = asprintf(&s, L(zh, "SIG%s delivered to %d: the kernel pushes a signal frame on its stack and runs its handler",
		    "信号 SIG%s 递达 %d：内核在用户栈上压入信号帧，执行其处理函数"),
		    sig, (int)r->pid);
	else if (strcmp(act, "ignore") == 0)
		rc = asprintf(&s, L(zh, "SIG%s delivered to %d: ignored",
		    "信号 SIG%s 递达 %d：被忽略"), sig, (int)r->pid);
	else
		rc = asprintf(&s, L(zh, "SIG%s delivered to %d: default action",
		    "信号 SIG%s 递达 %d：执行默认动作"), sig, (int)r->pid);
	return rc < 0 ? NULL : s;
}

/* ": failed: EADDRINUSE" when the call failed, else "". */
static void
fail_text(const struct tape_rec *r, int zh, char *buf, size_t size)
{
	const char *err = tape_get(r, "errno");

	buf[0] = '\0';
	if (err != NULL)
		snprintf(buf, size, L(zh, ": failed: %s", "：失败：%s"), err);
}

/* "/tmp/s" or "abstract name @s" (a bind's or connect's address). */
static void
addr_text(const struct tape_rec *r, int zh, char *buf, size_t size)
{
	const char *p = g(r, "path");

	if (p[0] == '@')
		snprintf(buf, size, L(zh, "abstract name %s", "抽象名 %s"), p);
	else if (p[0] == '\0' || strcmp(p, "?") == 0)
		snprintf(buf, size, "%s", L(zh, "an automatic name",
		    "自动分配的名字"));
	else
		snprintf(buf, size, "%s", p);
}

static char *
sock_text(const struct tape_rec *r, int zh)
{
	const char *call = g(r, "call");
	char *s = NULL, *a, *b, *c, *d, f[96], w[300], peer[64];
	int p = (int)r->pid, rc, bound;

	fail_text(r, zh, f, sizeof(f));
	peer[0] = '\0';
	if (tape_get(r, "peer") != NULL)
		snprintf(peer, sizeof(peer), L(zh, ", peer socket %s",
		    "，对端套接字 %s"), g(r, "peer"));
	if (strcmp(call, "socketpair") == 0) {
		a = tape_list_item(tape_get(r, "fds"), 0);
		b = tape_list_item(tape_get(r, "fds"), 1);
		c = tape_list_item(tape_get(r, "inodes"), 0);
		d = tape_list_item(tape_get(r, "inodes"), 1);
		if (tape_get(r, "errno") != NULL)
			rc = asprintf(&s, L(zh, "%d socketpair (%s)%s",
			    "%d 创建套接字对（%s）%s"), p, g(r, "type"), f);
		else
			rc = asprintf(&s, L(zh, "%d created a socketpair (%s): fd %s is socket %s, fd %s is socket %s, each the other's peer",
			    "%d 创建套接字对（%s）：描述符 %s 为套接字 %s，描述符 %s 为套接字 %s，互为对端"),
			    p, g(r, "type"), a ? a : "?", c ? c : "?",
			    b ? b : "?", d ? d : "?");
		free(a);
		free(b);
		free(c);
		free(d);
	} else if (strcmp(call, "socket") == 0) {
		rc = asprintf(&s, L(zh, "%d created a UNIX socket (%s): fd %s, socket %s%s",
		    "%d 创建 UNIX 套接字（%s）：描述符 %s，套接字 %s%s"), p,
		    g(r, "type"), g(r, "fd"), g(r, "inode"), f);
	} else if (strcmp(call, "listen") == 0) {
		rc = asprintf(&s, L(zh, "%d listens on socket %s (fd %s, backlog %s)%s",
		    "%d 在套接字 %s 上监听（描述符 %s，backlog %s）%s"), p,
		    g(r, "inode"), g(r, "fd"), g(r, "backlog"), f);
	} else if (strcmp(call, "bind") == 0 || strcmp(call, "connect") == 0) {
		/* the socket, then its address; a bind has no peer */
		addr_text(r, zh, w, sizeof(w));
		bound = strcmp(call, "bind") == 0;
		rc = asprintf(&s, bound ?
		    L(zh, "%d bound socket %s (fd %s) to %s%s%s",
		    "%d 把套接字 %s（描述符 %s）绑定到 %s%s%s") :
		    L(zh, "%d connected socket %s (fd %s) to %s%s%s",
		    "%d 把套接字 %s（描述符 %s）连接到 %s%s%s"), p,
		    g(r, "inode"), g(r, "fd"), w, bound ? "" : peer, f);
	} else if (strncmp(call, "accept", 6) == 0 &&
	    tape_get(r, "errno") == NULL) {
		rc = asprintf(&s, L(zh, "%d accepted a connection on socket %s%s%s%s: new fd %s, socket %s%s",
		    "%d 在套接字 %s%s%s%s 上接受连接：新描述符 %s，套接字 %s%s"),
		    p, g(r, "listener"), tape_get(r, "path") ? " (" : "",
		    tape_get(r, "path") ? g(r, "path") : "",
		    tape_get(r, "path") ? ")" : "", g(r, "fd"), g(r, "inode"),
		    peer);
	} else if (strncmp(call, "accept", 6) == 0) {
		rc = asprintf(&s, L(zh, "%d %s on socket %s%s",
		    "%d 在套接字 %s 上 %s%s"), p, zh ? g(r, "listener") : call,
		    zh ? call : g(r, "listener"), f);
	} else if (strcmp(call, "shutdown") == 0) {
		const char *how = g(r, "how");
		int wr = strcmp(how, "SHUT_WR") == 0;

		rc = asprintf(&s, L(zh, "%1$d shut down socket %2$s (fd %3$s) for %4$s (shutdown %5$s)%6$s%7$s",
		    "%1$d 关闭套接字 %2$s（描述符 %3$s）的%4$s方向 (shutdown %5$s)%6$s%7$s"),
		    p, g(r, "inode"), g(r, "fd"), strcmp(how, "SHUT_RD") == 0 ?
		    L(zh, "reading", "读") : wr ? L(zh, "writing", "写") :
		    L(zh, "reading and writing", "读写"), how, f,
		    wr && tape_get(r, "errno") == NULL ? L(zh,
		    ": its peer reads end of file once it has read the rest",
		    "：对端读完已有数据后读到文件结束") : "");
	} else if (strcmp(call, "held") == 0) {
		rc = asprintf(&s, L(zh, "%d holds socket %s as fd %s (%s%s)",
		    "%d 持有套接字 %s（描述符 %s，%s%s）"), p, g(r, "inode"),
		    g(r, "fd"), g(r, "type"), peer);
	} else {
		rc = asprintf(&s, "%d %s(%s)%s", p, call, g(r, "fd"), f);
	}
	return rc < 0 ? NULL : s;
}

/* What went over a socket: "pipe 88", "FIFO /tmp/f", "socket 90"... */
static void
passed_what(const struct tape_rec *r, int zh, char *buf, size_t size)
{
	if (!obj_text(r, g(r, "kind"), OBJ_PASSED, zh, buf, size))
		snprintf(buf, size, L(zh, "file %s", "文件 %s"), g(r, "path"));
}

static char *
passed_text(const struct tape_rec *r, int zh)
{
	char *s = NULL, w[300], who[64];
	int p = (int)r->pid, rc;

	passed_what(r, zh, w, sizeof(w));
	if (strcmp(r->event, "fd_passed") == 0) {
		if (tape_get(r, "to") != NULL)
			snprintf(who, sizeof(who), "%s", g(r, "to"));
		else
			snprintf(who, sizeof(who), L(zh, "the peer (socket %s)",
			    "对端（套接字 %s）"), g(r, "peer"));
		rc = asprintf(&s, L(zh, "%d sent its fd %s (%s) to %s over socket %s",
		    "%d 经套接字 %s 把它的描述符 %s（%s）传给 %s"), p,
		    zh ? g(r, "socket") : g(r, "fd"), zh ? g(r, "fd") : w,
		    zh ? w : who, zh ? who : g(r, "socket"));
	} else {
		who[0] = '\0';
		if (tape_get(r, "from") != NULL)
			snprintf(who, sizeof(who), L(zh, ", sent by %s",
			    "，由 %s 发来"), g(r, "from"));
		rc = asprintf(&s, L(zh, "%d got fd %s (%s) over socket %s%s",
		    "%d 经套接字 %s 收到描述符 %s（%s）%s"), p,
		    zh ? g(r, "socket") : g(r, "fd"), zh ? g(r, "fd") : w,
		    zh ? w : g(r, "socket"), who);
	}
	return rc < 0 ? NULL : s;
}

static char *
pmq_text(const struct tape_rec *r, int zh)
{
	const char *call = g(r, "call"), *name = g(r, "name");
	char *s = NULL, res[96], lim[96];
	int p = (int)r->pid, rc, ok = tape_get(r, "errno") == NULL;

	res_text(r, zh, res, sizeof(res));
	if (strcmp(call, "mq_open") == 0) {
		lim[0] = '\0';
		if (tape_get(r, "maxmsg") != NULL)
			snprintf(lim, sizeof(lim), L(zh, ", at most %s messages of %s bytes",
			    "，最多 %s 条消息，每条 %s 字节"), g(r, "maxmsg"),
			    g(r, "msgsize"));
		if (ok)
			rc = asprintf(&s, L(zh, "%d opened POSIX queue %s (mq_open, %s%s): fd %s",
			    "%d 打开 POSIX 消息队列 %s（mq_open，%s%s）：描述符 %s"),
			    p, name, g(r, "flags"), lim, g(r, "fd"));
		else
			rc = asprintf(&s, L(zh, "%d mq_open of POSIX queue %s (%s%s): %s",
			    "%d 打开 POSIX 消息队列 %s（mq_open，%s%s）：%s"),
			    p, name, g(r, "flags"), lim, res);
	} else if (strcmp(call, "mq_timedsend") == 0) {
		rc = asprintf(&s, L(zh, "%d sent %s bytes of priority %s to POSIX queue %s (mq_timedsend): %s",
		    "%d 向 POSIX 消息队列 %s 发送 %s 字节，优先级 %s (mq_timedsend)：%s"),
		    p, zh ? name : g(r, "size"), zh ? g(r, "size") : g(r, "prio"),
		    zh ? g(r, "prio") : name, res);
	} else if (strcmp(call, "mq_timedreceive") == 0 && ok &&
	    tape_get(r, "prio") == NULL) {
		/* the receiver did not ask for the priority */
		rc = asprintf(&s, L(zh, "%d received %s bytes from POSIX queue %s (mq_timedreceive)",
		    "%d 从 POSIX 消息队列 %s 接收 %s 字节 (mq_timedreceive)"),
		    p, zh ? name : g(r, "size"), zh ? g(r, "size") : name);
	} else if (strcmp(call, "mq_timedreceive") == 0 && ok) {
		rc = asprintf(&s, L(zh, "%d received %s bytes of priority %s from POSIX queue %s (mq_timedreceive)",
		    "%d 从 POSIX 消息队列 %s 接收 %s 字节，优先级 %s (mq_timedreceive)"),
		    p, zh ? name : g(r, "size"), zh ? g(r, "size") : g(r, "prio"),
		    zh ? g(r, "prio") : name);
	} else if (strcmp(call, "mq_timedreceive") == 0) {
		rc = asprintf(&s, L(zh, "%d mq_timedreceive from POSIX queue %s: %s",
		    "%d 从 POSIX 消息队列 %s 接收消息 (mq_timedreceive)：%s"),
		    p, name, res);
	} else if (strcmp(call, "mq_getattr") == 0 && ok) {
		rc = asprintf(&s, L(zh, "%1$d asked POSIX queue %2$s for its attributes (mq_getattr): %3$s of at most %4$s messages in it, %5$s bytes each, %6$s",
		    "%1$d 读取 POSIX 消息队列 %2$s 的属性 (mq_getattr)：队列中 %3$s 条消息（最多 %4$s 条，每条 %5$s 字节），%6$s"),
		    p, name, g(r, "curmsgs"), g(r, "maxmsg"), g(r, "msgsize"),
		    strcmp(g(r, "flags"), "O_NONBLOCK") == 0 ?
		    L(zh, "non-blocking (O_NONBLOCK)", "非阻塞 (O_NONBLOCK)") :
		    L(zh, "blocking", "阻塞"));
	} else if (strcmp(call, "mq_getattr") == 0) {
		rc = asprintf(&s, L(zh, "%d mq_getattr of POSIX queue %s: %s",
		    "%d 读取 POSIX 消息队列 %s 的属性 (mq_getattr)：%s"), p,
		    name, res);
	} else if (strcmp(call, "mq_setattr") == 0) {
		rc = asprintf(&s, L(zh, "%d made its descriptor %s of POSIX queue %s %s (mq_setattr): %s",
		    "%d 把 POSIX 消息队列 %s 的描述符 %s 设为%s (mq_setattr)：%s"),
		    p, zh ? name : g(r, "fd"), zh ? g(r, "fd") : name,
		    strcmp(g(r, "flags"), "O_NONBLOCK") == 0 ?
		    L(zh, "non-blocking (O_NONBLOCK)", "非阻塞 (O_NONBLOCK)") :
		    L(zh, "blocking", "阻塞"), res);
	} else if (strcmp(call, "mq_unlink") == 0) {
		rc = asprintf(&s, L(zh, "%d removed POSIX queue %s (mq_unlink): %s",
		    "%d 删除 POSIX 消息队列 %s (mq_unlink)：%s"), p, name, res);
	} else if (strcmp(call, "mq_notify") == 0 &&
	    strcmp(g(r, "notify"), "remove") == 0) {
		rc = asprintf(&s, L(zh, "%d asked POSIX queue %s to stop notifying it (mq_notify): %s",
		    "%d 取消 POSIX 消息队列 %s 的通知 (mq_notify)：%s"), p, name,
		    res);
	} else {
		rc = asprintf(&s, L(zh, "%d asked POSIX queue %s to notify it (%s) of a message arriving in it empty (mq_notify): %s",
		    "%d 请求 POSIX 消息队列 %s 在空队列收到消息时通知它（%s）(mq_notify)：%s"),
		    p, name, g(r, "notify"), res);
	}
	return rc < 0 ? NULL : s;
}

static char *
pshm_text(const struct tape_rec *r, int zh)
{
	const char *call = g(r, "call"), *name = g(r, "name");
	char *s = NULL, res[96];
	int p = (int)r->pid, rc, ok = tape_get(r, "errno") == NULL;

	res_text(r, zh, res, sizeof(res));
	if (strcmp(call, "shm_open") == 0 && ok)
		rc = asprintf(&s, L(zh, "%d opened POSIX shm object %s (shm_open, %s): fd %s",
		    "%d 打开 POSIX 共享内存 %s（shm_open，%s）：描述符 %s"), p,
		    name, g(r, "flags"), g(r, "fd"));
	else if (strcmp(call, "shm_open") == 0)
		rc = asprintf(&s, L(zh, "%d shm_open of POSIX shm object %s (%s): %s",
		    "%d 打开 POSIX 共享内存 %s（shm_open，%s）：%s"), p, name,
		    g(r, "flags"), res);
	else if (strcmp(call, "ftruncate") == 0)
		rc = asprintf(&s, L(zh, "%d set the size of POSIX shm object %s to %s bytes (ftruncate): %s",
		    "%d 把 POSIX 共享内存 %s 的大小设为 %s 字节 (ftruncate)：%s"),
		    p, name, g(r, "size"), res);
	else if (strcmp(call, "mmap") == 0 && ok)
		rc = asprintf(&s, L(zh, "%d mapped %s bytes of POSIX shm object %s (mmap, %s, %s) at %s",
		    "%d 映射 POSIX 共享内存 %s 的 %s 字节（mmap，%s，%s），地址 %s"),
		    p, zh ? name : g(r, "size"), zh ? g(r, "size") : name,
		    g(r, "map"), g(r, "prot"), g(r, "addr"));
	else if (strcmp(call, "mmap") == 0)
		rc = asprintf(&s, L(zh, "%d mmap of POSIX shm object %s (%s): %s",
		    "%d 映射 POSIX 共享内存 %s（mmap，%s）：%s"), p, name,
		    g(r, "map"), res);
	else
		rc = asprintf(&s, L(zh, "%d removed POSIX shm object %s (shm_unlink): %s",
		    "%d 删除 POSIX 共享内存 %s (shm_unlink)：%s"), p, name, res);
	return rc < 0 ? NULL : s;
}

/*
 * An exec record with builtin=1: a forked shell runs a builtin, a
 * function or a compound command itself, without execve(2).
 */
static char *
run_text(const struct tape_rec *r, int zh)
{
	const char *what = tape_get(r, "what") ? tape_get(r, "what") : "";
	char *s = NULL, *a = argv_text(r);
	int rc;

	if (strcmp(what, "function") == 0)
		rc = asprintf(&s, L(zh, "%d runs the function %s itself (a forked shell, no execve)",
		    "%d 自己运行函数 %s（fork 出的 shell，没有 execve）"),
		    (int)r->pid, a ? a : "?");
	else if (strcmp(what, "subshell") == 0)
		rc = asprintf(&s, L(zh, "%d runs %s itself, a subshell (a forked shell, no execve)",
		    "%d 作为子 shell 自己运行 %s（fork 出的 shell，没有 execve）"),
		    (int)r->pid, a ? a : "?");
	else
		rc = asprintf(&s, L(zh, "%d runs the builtin %s itself (a forked shell, no execve)",
		    "%d 自己运行内建命令 %s（fork 出的 shell，没有 execve）"),
		    (int)r->pid, a ? a : "?");
	free(a);
	return rc < 0 ? NULL : s;
}

/*
 * The events whose words have a function of their own: by name, or by
 * the first n letters of it.
 */
static const struct {
	const char	*ev;
	size_t		n;	/* 0: the whole name */
	char		*(*text)(const struct tape_rec *, int);
} ev_texts[] = {
	{ "sock", 0, sock_text },
	{ "sock_io", 0, io_text },
	{ "pipe_io", 0, io_text },
	{ "fd_", 3, passed_text },
	{ "pmq", 0, pmq_text },
	{ "pshm", 0, pshm_text },
	{ "ipc", 0, ipc_text },
	{ "sig", 3, sig_text },
};

static char *
rec_text(const struct tape_rec *r, int zh)
{
	const char *ev = r->event;
	char *s = NULL, *a, w[300];
	int p = (int)r->pid, rc = 0;
	size_t i;

	for (i = 0; i < sizeof(ev_texts) / sizeof(ev_texts[0]); i++)
		if (ev_texts[i].n ? strncmp(ev, ev_texts[i].ev,
		    ev_texts[i].n) == 0 : strcmp(ev, ev_texts[i].ev) == 0)
			return ev_texts[i].text(r, zh);
	if (strcmp(ev, "exec") == 0 && tape_get(r, "builtin") != NULL) {
		return run_text(r, zh);
	} else if (strcmp(ev, "exec") == 0) {
		a = argv_text(r);
		rc = asprintf(&s, L(zh, "%d execs %s", "%d 执行 %s"), p,
		    a ? a : "?");
		free(a);
	} else if (strcmp(ev, "fork") == 0) {
		rc = asprintf(&s, strcmp(g(r, "how"), "thread") == 0 ?
		    L(zh, "%d started thread %s", "%d 创建线程 %s") :
		    L(zh, "%d forked child %s", "%d 创建子进程 %s"), p,
		    g(r, "child"));
	} else if (strcmp(ev, "exit") == 0) {
		if (tape_get(r, "signal") != NULL) {
			blocked_text(r, zh, w, sizeof(w));
			rc = asprintf(&s, L(zh, "%d was killed by SIG%s%s",
			    "%d 被信号 SIG%s 终止%s"), p, g(r, "signal"), w);
		} else
			rc = asprintf(&s, L(zh, "%d exited with status %s",
			    "%d 退出，状态 %s"), p, g(r, "status"));
	} else if (strcmp(ev, "pipe") == 0) {
		char *b;

		a = tape_list_item(tape_get(r, "fds"), 0);
		b = tape_list_item(tape_get(r, "fds"), 1);
		rc = asprintf(&s, L(zh, "%d created pipe %s: read end fd %s, write end fd %s",
		    "%d 创建管道 %s：读端为描述符 %s，写端为描述符 %s"), p,
		    g(r, "inode"), a ? a : "?", b ? b : "?");
		free(a);
		free(b);
	} else if (strcmp(ev, "pipe_fd") == 0) {
		what(r, zh, w, sizeof(w));
		rc = asprintf(&s, L(zh, "%d holds %s as fd %s (%s)",
		    "%d 持有%s（描述符 %s，%s）"), p, w, g(r, "fd"),
		    end_word(g(r, "end"), zh));
	} else if (strcmp(ev, "dup") == 0) {
		obj_text(r, fd_kind(r), OBJ_IO, zh, w, sizeof(w));
		rc = asprintf(&s, L(zh, "%d duplicated fd %s (%s) onto fd %s",
		    "%d 把描述符 %s（%s）复制到描述符 %s"), p, g(r, "from"), w,
		    g(r, "to"));
	} else if (strcmp(ev, "close") == 0) {
		obj_text(r, fd_kind(r), OBJ_IO, zh, w, sizeof(w));
		rc = asprintf(&s, L(zh, "%d closed fd %s (%s)",
		    "%d 关闭描述符 %s（%s）"), p, g(r, "fd"), w);
	} else if (strcmp(ev, "fifo_open") == 0) {
		rc = asprintf(&s, L(zh, "%d opened FIFO %s (%s, fd %s)",
		    "%d 打开命名管道 %s（%s，描述符 %s）"), p, g(r, "path"),
		    end_word(g(r, "end"), zh), g(r, "fd"));
	} else if (strcmp(ev, "mkfifo") == 0) {
		rc = asprintf(&s, L(zh, "%d made FIFO %s%s%s",
		    "%d 创建命名管道 %s%s%s"), p, g(r, "path"),
		    tape_get(r, "errno") ? ": " : "",
		    tape_get(r, "errno") ? g(r, "errno") : "");
	} else if (strcmp(ev, "stop") == 0) {
		rc = asprintf(&s, L(zh, "%d stopped (SIG%s)",
		    "%d 被 SIG%s 暂停"), p, g(r, "signal"));
	} else if (strcmp(ev, "continue") == 0) {
		rc = asprintf(&s, L(zh, "%d continued", "%d 继续运行"), p);
	} else if (strcmp(ev, "attach") == 0) {
		rc = asprintf(&s, L(zh, "the tape follows %d (started by %s)",
		    "录像开始跟踪 %d（由 %s 创建）"), p, g(r, "ppid"));
	} else if (strcmp(ev, "detach") == 0) {
		const char *why = g(r, "reason");

		if (strcmp(why, "not-permitted") == 0 || strcmp(why, "gone") == 0)
			rc = asprintf(&s, L(zh, "the tape may not trace %d (ptrace not permitted)",
			    "录像无法跟踪 %d（不允许 ptrace）"), p);
		else
			rc = asprintf(&s, L(zh, "%d runs a tracer of its own (%s): the tape steps aside from it and its children",
			    "%d 运行自己的跟踪器（%s）：录像不再跟踪它及其子进程"),
			    p, why);
	} else if (strcmp(ev, "hot") == 0 && tape_get(r, "streak") != NULL) {
		/* a filter: reads from one descriptor, writes into another */
		rc = asprintf(&s, L(zh, "%1$d made %2$s %3$s calls on %4$s %5$s (fd %6$s) among %7$s reads and writes in a row, a filter's copy loop: from here the tape keeps only its events and counts its bytes from its I/O totals (/proc/%1$d/io), an estimate",
		    "%1$d 在连续 %7$s 次读写中对%4$s %5$s（描述符 %6$s）执行了 %2$s 次 %3$s（过滤程序的复制循环）：此后录像只记录事件，字节数按其 I/O 总量（/proc/%1$d/io）估计"),
		    p, g(r, "calls"), g(r, "op"), tape_get(r, "kind") ?
		    L(zh, "socket", "套接字") : L(zh, "pipe", "管道"),
		    g(r, "inode"), g(r, "fd"), g(r, "streak"));
	} else if (strcmp(ev, "hot") == 0) {
		/* positional: the same words in either order */
		rc = asprintf(&s, L(zh, "%1$d made %2$s %3$s calls in a row on %4$s %5$s (fd %6$s): from here the tape keeps only its events and counts its bytes from its I/O totals (/proc/%1$d/io), an estimate",
		    "%1$d 在%4$s %5$s（描述符 %6$s）上连续执行了 %2$s 次 %3$s：此后录像只记录事件，字节数按其 I/O 总量（/proc/%1$d/io）估计"),
		    p, g(r, "calls"), g(r, "op"), tape_get(r, "kind") ?
		    L(zh, "socket", "套接字") : L(zh, "pipe", "管道"),
		    g(r, "inode"), g(r, "fd"));

	} else if (strcmp(ev, "budget") == 0) {
		rc = asprintf(&s, L(zh, "%d made %s calls: from here the tape keeps only its events; its byte counts become lower bounds",
		    "%d 已执行 %s 次系统调用：此后录像只记录事件，字节数为下限"),
		    p, g(r, "calls"));
	} else {
		rc = asprintf(&s, "%d %s", p, ev);
	}
	return rc < 0 ? NULL : s;
}

static void
json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static int
is_int(const char *v)
{
	char *end;

	if (*v == '\0' || (v[0] == '0' && v[1] == 'x'))
		return 0;
	strtol(v, &end, 10);
	return *end == '\0';
}

int
tape_json(FILE *out, const struct tape_rec *r)
{
	char *en = tape_text(r, 0), *zh = tape_text(r, 1), *item;
	int i, k, use_zh = i18n_lang() == LANG_ZH;

	fprintf(out, "{\"time\":%lld.%03ld,\"event\":", (long long)r->time.tv_sec,
	    r->time.tv_nsec / 1000000);
	json_str(out, r->event);
	fprintf(out, ",\"pid\":%d,\"tape\":true", (int)r->pid);
	for (i = 0; i < r->nkv; i++) {
		fputc(',', out);
		json_str(out, r->kv[i].key);
		fputc(':', out);
		if (tape_is_list(r->kv[i].key)) {
			fputc('[', out);
			for (k = 0; (item = tape_list_item(r->kv[i].val, k)) != NULL; k++) {
				if (k)
					fputc(',', out);
				if ((strcmp(r->kv[i].key, "fds") == 0 ||
				    strcmp(r->kv[i].key, "inodes") == 0) &&
				    is_int(item))
					fputs(item, out);
				else
					json_str(out, item);
				free(item);
			}
			fputc(']', out);
		} else if (strcmp(r->kv[i].key, "estimate") == 0) {
			fputs("true", out);
		} else if (is_int(r->kv[i].val)) {
			fputs(r->kv[i].val, out);
		} else {
			json_str(out, r->kv[i].val);
		}
	}
	fputs(",\"text\":", out);
	json_str(out, (use_zh ? zh : en) ? (use_zh ? zh : en) : "");
	fputs(",\"en\":", out);
	json_str(out, en ? en : "");
	fputs(",\"zh\":", out);
	json_str(out, zh ? zh : "");
	fputs("}\n", out);
	free(en);
	free(zh);
	return ferror(out) ? -1 : 0;
}

/* " = 3" or " = -1 ENOENT". */
static void
raw_res(const struct tape_rec *r, char *buf, size_t size)
{
	snprintf(buf, size, " = %s%s%s", g(r, "result"),
	    tape_get(r, "errno") ? " " : "",
	    tape_get(r, "errno") ? g(r, "errno") : "");
}

/* The plain call lines of sockets and POSIX IPC. */
static char *
raw_posix(const struct tape_rec *r)
{
	const char *ev = r->event, *call = g(r, "call");
	char *s = NULL, res[64];
	int p = (int)r->pid, rc;

	raw_res(r, res, sizeof(res));
	if (strcmp(ev, "sock_io") == 0 && strcmp(g(r, "op"), "eof") == 0)
		rc = asprintf(&s, "%d recv(%s, ...) = 0  socket:[%s]", p,
		    g(r, "fd"), g(r, "inode"));
	else if (strcmp(ev, "sock_io") == 0 && tape_get(r, "errno"))
		rc = asprintf(&s, "%d send(%s, ...) = -1 %s  socket:[%s]", p,
		    g(r, "fd"), g(r, "errno"), g(r, "inode"));
	else if (strcmp(ev, "sock_io") == 0)
		rc = asprintf(&s, "%d %s(%s, ...) x%s = %s%s bytes  socket:[%s]",
		    p, strcmp(g(r, "op"), "write") == 0 ? "send" : "recv",
		    g(r, "fd"), g(r, "calls"), raw_est(r),
		    g(r, "bytes"), g(r, "inode"));
	else if (strncmp(ev, "fd_", 3) == 0)
		rc = asprintf(&s, "%d %s(socket:[%s], SCM_RIGHTS [%s]) %s:[%s]%s%s",
		    p, strcmp(ev, "fd_passed") == 0 ? "sendmsg" : "recvmsg",
		    g(r, "socket"), g(r, "fd"), g(r, "kind"),
		    tape_get(r, "inode") ? g(r, "inode") : g(r, "path"),
		    tape_get(r, "to") ? " -> " : tape_get(r, "from") ? " <- " :
		    "", tape_get(r, "to") ? g(r, "to") : tape_get(r, "from") ?
		    g(r, "from") : "");
	else if (strcmp(ev, "sock") == 0 && strcmp(call, "socketpair") == 0)
		rc = asprintf(&s, "%d socketpair(AF_UNIX, %s, [%s])%s  socket:[%s]",
		    p, g(r, "type"), g(r, "fds"), res, g(r, "inodes"));
	else if (strcmp(ev, "sock") == 0 && strcmp(call, "shutdown") == 0)
		rc = asprintf(&s, "%d shutdown(%s, %s)%s  socket:[%s]", p,
		    g(r, "fd"), g(r, "how"), res, g(r, "inode"));
	else if (strcmp(ev, "sock") == 0 && strcmp(call, "listen") == 0)
		rc = asprintf(&s, "%d listen(%s, %s)%s  socket:[%s]", p,
		    g(r, "fd"), g(r, "backlog"), res, g(r, "inode"));
	else if (strcmp(ev, "sock") == 0 && tape_get(r, "path") &&
	    strncmp(call, "accept", 6) != 0)
		rc = asprintf(&s, "%d %s(%s, \"%s\")%s  socket:[%s]", p, call,
		    g(r, "fd"), g(r, "path"), res, g(r, "inode"));
	else if (strcmp(ev, "sock") == 0 && strcmp(call, "held") != 0)
		rc = asprintf(&s, "%d %s(...)%s  socket:[%s]%s%s", p, call, res,
		    g(r, "inode"), tape_get(r, "peer") ? " peer socket:" : "",
		    tape_get(r, "peer") ? g(r, "peer") : "");
	else if (strcmp(ev, "sock") == 0)
		rc = asprintf(&s, "%d fd %s = socket:[%s]", p, g(r, "fd"),
		    g(r, "inode"));
	else if (strcmp(call, "mq_timedsend") == 0)
		rc = asprintf(&s, "%d mq_timedsend(%s, %s bytes, prio %s)%s  %s",
		    p, g(r, "fd"), g(r, "size"), g(r, "prio"), res,
		    g(r, "name"));
	else if (strcmp(call, "mq_timedreceive") == 0)
		rc = asprintf(&s, "%d mq_timedreceive(%s, prio %s)%s  %s", p,
		    g(r, "fd"), g(r, "prio"), res, g(r, "name"));
	else if (strcmp(call, "mq_getattr") == 0 && tape_get(r, "maxmsg"))
		rc = asprintf(&s, "%d mq_getattr(%s, {mq_flags=%s, mq_maxmsg=%s, mq_msgsize=%s, mq_curmsgs=%s})%s  %s",
		    p, g(r, "fd"), g(r, "flags"), g(r, "maxmsg"),
		    g(r, "msgsize"), g(r, "curmsgs"), res, g(r, "name"));
	else if (strcmp(call, "mq_setattr") == 0 || strcmp(call, "mq_getattr") == 0)
		rc = asprintf(&s, "%d %s(%s, {mq_flags=%s})%s  %s", p, call,
		    g(r, "fd"), g(r, "flags"), res, g(r, "name"));
	else if (strcmp(call, "ftruncate") == 0 || strcmp(call, "mmap") == 0)
		rc = asprintf(&s, "%d %s(%s, %s bytes%s%s)%s  %s", p, call,
		    g(r, "fd"), g(r, "size"), tape_get(r, "map") ? ", " : "",
		    tape_get(r, "map") ? g(r, "map") : "", tape_get(r, "addr") ?
		    " = 0" : res, g(r, "name"));
	else
		rc = asprintf(&s, "%d %s(\"%s\")%s", p, call, g(r, "name"), res);
	return rc < 0 ? NULL : s;
}

char *
tape_raw(const struct tape_rec *r)
{
	const char *ev = r->event;
	char *s = NULL, *a;
	int p = (int)r->pid, rc;

	if (strcmp(ev, "exec") == 0 && tape_get(r, "builtin") != NULL) {
		a = argv_text(r);
		rc = asprintf(&s, "%d --- %s %s, no execve ---", p,
		    tape_get(r, "what") ? g(r, "what") : "builtin", a ? a : "");
		free(a);
	} else if (strcmp(ev, "exec") == 0) {
		a = argv_text(r);
		rc = asprintf(&s, "%d execve(\"%s\", [%s]) = 0", p,
		    g(r, "path"), a ? a : "");
		free(a);
	} else if (strcmp(ev, "fork") == 0) {
		rc = asprintf(&s, "%d %s() = %s", p, g(r, "how"), g(r, "child"));
	} else if (strcmp(ev, "pipe") == 0) {
		rc = asprintf(&s, "%d pipe2([%s]) = 0  pipe:[%s]", p,
		    g(r, "fds"), g(r, "inode"));
	} else if (strcmp(ev, "dup") == 0) {
		rc = asprintf(&s, "%d dup2(%s, %s) = %s  pipe:[%s]", p,
		    g(r, "from"), g(r, "to"), g(r, "to"), g(r, "inode"));
	} else if (strcmp(ev, "close") == 0) {
		rc = asprintf(&s, "%d close(%s) = 0  pipe:[%s]", p, g(r, "fd"),
		    g(r, "inode"));
	} else if (strcmp(ev, "pipe_io") == 0 &&
	    strcmp(g(r, "op"), "eof") == 0) {
		rc = asprintf(&s, "%d read(%s, ...) = 0  pipe:[%s]", p,
		    g(r, "fd"), g(r, "inode"));
	} else if (strcmp(ev, "pipe_io") == 0 && tape_get(r, "errno")) {
		rc = asprintf(&s, "%d write(%s, ...) = -1 %s  pipe:[%s]", p,
		    g(r, "fd"), g(r, "errno"), g(r, "inode"));
	} else if (strcmp(ev, "pipe_io") == 0) {
		rc = asprintf(&s, "%d %s(%s, ...) x%s = %s%s bytes  pipe:[%s]",
		    p, g(r, "op"), g(r, "fd"), g(r, "calls"),
		    raw_est(r), g(r, "bytes"), g(r, "inode"));
	} else if (strcmp(ev, "ipc") == 0) {
		rc = asprintf(&s, "%d %s(id=%s%s%s%s%s) = %s%s%s", p,
		    g(r, "call"), tape_get(r, "id") ? g(r, "id") : g(r, "key"),
		    tape_get(r, "type") ? ", type=" : "",
		    tape_get(r, "type") ? g(r, "type") : "",
		    tape_get(r, "size") ? ", size=" : "",
		    tape_get(r, "size") ? g(r, "size") : "", g(r, "result"),
		    tape_get(r, "errno") ? " " : "",
		    tape_get(r, "errno") ? g(r, "errno") : "");
	} else if (strcmp(ev, "sock") == 0 || strcmp(ev, "sock_io") == 0 ||
	    strncmp(ev, "fd_", 3) == 0 || strcmp(ev, "pmq") == 0 ||
	    strcmp(ev, "pshm") == 0) {
		return raw_posix(r);
	} else if (strcmp(ev, "signal_sent") == 0) {
		rc = asprintf(&s, "%d %s(%s, SIG%s)", p, g(r, "how"),
		    g(r, "target"), g(r, "signal"));
	} else if (strcmp(ev, "signal_delivered") == 0) {
		rc = asprintf(&s, "%d --- SIG%s (%s) ---", p, g(r, "signal"),
		    g(r, "action"));
	} else if (strcmp(ev, "sigreturn") == 0) {
		rc = asprintf(&s, "%d rt_sigreturn() (SIG%s handler)", p,
		    g(r, "signal"));
	} else if (strcmp(ev, "exit") == 0 && tape_get(r, "signal")) {
		rc = asprintf(&s, "%d +++ killed by SIG%s%s%s%s%s +++", p,
		    g(r, "signal"), tape_get(r, "blocked") ? " in " : "",
		    tape_get(r, "blocked") ? g(r, "blocked") : "",
		    tape_get(r, "inode") ? " pipe:" : tape_get(r, "id") ?
		    " id " : "", tape_get(r, "inode") ? g(r, "inode") :
		    tape_get(r, "id") ? g(r, "id") : "");
	} else if (strcmp(ev, "exit") == 0) {
		rc = asprintf(&s, "%d +++ exited with %s +++", p,
		    g(r, "status"));
	} else {
		a = tape_text(r, 0);
		rc = asprintf(&s, "%d --- %s ---", p, a ? a + strcspn(a, " ") + 1 : ev);
		free(a);
	}
	return rc < 0 ? NULL : s;
}

/*
 * A record in words; one the shell wrote of itself (own=1) names it:
 * "8840 (the shell itself, echo) wrote 7 bytes into FIFO name.fifo".
 */
char *
tape_text(const struct tape_rec *r, int zh)
{
	const char *cmd = tape_get(r, "cmd");
	char *s = rec_text(r, zh), *t;
	size_t n;

	if (s == NULL || tape_get(r, "own") == NULL)
		return s;
	n = strspn(s, "0123456789");
	if (asprintf(&t, "%.*s%s%s%s%s%s", (int)n, s,
	    zh ? "（shell 自身" : " (the shell itself", cmd ? (zh ? "，" :
	    ", ") : "", cmd ? cmd : "", zh ? "）" : ")",
	    s + n + (zh && s[n] == ' ')) < 0)
		return s;
	free(s);
	return t;
}
