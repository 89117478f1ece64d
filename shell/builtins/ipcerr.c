/*
 * ipcerr.c - explains a failed System V, POSIX IPC or FIFO call in the
 * lecture's words, in English or Chinese: "ipcsh: msgrcv: ENOMSG: no
 * message of type 2 in queue 3, and -n (IPC_NOWAIT) says not to wait".
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "shell.h"
#include "sysvcmd.h"

static const struct {
	int		err;
	const char	*name;
} ipcerr_names[] = {
	{ EACCES, "EACCES" }, { EPERM, "EPERM" }, { EEXIST, "EEXIST" },
	{ ENOENT, "ENOENT" }, { EIDRM, "EIDRM" }, { EINVAL, "EINVAL" },
	{ ENOSPC, "ENOSPC" }, { EAGAIN, "EAGAIN" }, { E2BIG, "E2BIG" },
	{ ENOMSG, "ENOMSG" }, { EINTR, "EINTR" }, { ENOMEM, "ENOMEM" },
	{ EFAULT, "EFAULT" }, { ERANGE, "ERANGE" }, { EFBIG, "EFBIG" },
	{ ENOSYS, "ENOSYS" }, { ENOTDIR, "ENOTDIR" }, { EROFS, "EROFS" },
	{ ENAMETOOLONG, "ENAMETOOLONG" }, { ELOOP, "ELOOP" },
	{ EDQUOT, "EDQUOT" }, { EISDIR, "EISDIR" }, { EBADF, "EBADF" },
	{ ETIMEDOUT, "ETIMEDOUT" }, { EMSGSIZE, "EMSGSIZE" },
	{ EMFILE, "EMFILE" }, { ENFILE, "ENFILE" },
};

const char *
ipcerr_name(int err)
{
	size_t i;

	for (i = 0; i < sizeof(ipcerr_names) / sizeof(ipcerr_names[0]); i++)
		if (ipcerr_names[i].err == err)
			return ipcerr_names[i].name;
	return "E?";
}

/* The object's word: "queue", or in Chinese the glossary's "消息队列". */
static const char *
ipcerr_obj(const struct ipcerr_ctx *c, int zh)
{
	static const char *const words[][2] = {
		{ "queue", "消息队列" }, { "segment", "共享内存段" },
		{ "semaphore set", "信号量集" },
		{ "POSIX message queue", "POSIX 消息队列" },
		{ "POSIX shm object", "POSIX 共享内存对象" },
	};
	const char *obj = c != NULL && c->obj != NULL ? c->obj : "object";
	size_t i;

	if (!zh)
		return obj;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(obj, words[i][0]) == 0)
			return words[i][1];
	return "IPC 对象";
}

/* "queue 3", "the queue of key 0x00001234" or "the queue". */
static void
ipcerr_what(char *buf, size_t len, const struct ipcerr_ctx *c, int zh)
{
	const char *obj = ipcerr_obj(c, zh);

	if (c != NULL && c->name != NULL)
		snprintf(buf, len, "%s %s", obj, c->name);
	else if (c != NULL && c->id >= 0)
		snprintf(buf, len, "%s %ld", obj, c->id);
	else if (c != NULL && c->key >= 0)
		snprintf(buf, len, zh ? "键值 0x%08lx 的%s" :
		    "the %2$s of key 0x%1$08lx", (unsigned long)c->key, obj);
	else
		snprintf(buf, len, zh ? "%s" : "the %s", obj);
}

/* ENOMSG from msgrcv: which type rule found nothing. */
static void
ipcerr_nomsg(char *s, size_t len, const struct ipcerr_ctx *c,
    const char *what)
{
	long t = c->type;

	if (c->except)
		snprintf(s, len, tr("no message of a type other than %ld in %s, and -n (IPC_NOWAIT) says not to wait",
		    "%2$s 中没有类型不等于 %1$ld 的消息，而 -n (IPC_NOWAIT) 表示不等待"),
		    t, what);
	else if (t == 0)
		snprintf(s, len, tr("no message in %s (type 0 takes the first one), and -n (IPC_NOWAIT) says not to wait",
		    "%s 中没有消息（类型 0 取第一条），而 -n (IPC_NOWAIT) 表示不等待"),
		    what);
	else if (t > 0)
		snprintf(s, len, tr("no message of type %ld in %s, and -n (IPC_NOWAIT) says not to wait",
		    "%2$s 中没有类型为 %1$ld 的消息，而 -n (IPC_NOWAIT) 表示不等待"),
		    t, what);
	else
		snprintf(s, len, tr("no message of type <= %ld in %s, and -n (IPC_NOWAIT) says not to wait",
		    "%2$s 中没有类型小于等于 %1$ld 的消息，而 -n (IPC_NOWAIT) 表示不等待"),
		    -t, what);
}

static int
ipcerr_bad_type(const struct ipcerr_ctx *c)
{
	return c->type <= 0;
}

static int
ipcerr_over_max(const struct ipcerr_ctx *c)
{
	return c->size > c->qbytes && c->qbytes != 0;
}

/* What a sentence's conversions take: the object's words, sizes... */
enum ipcerr_args {
	A_NONE,		/* nothing */
	A_WHAT,		/* "queue 3" */
	A_OBJ,		/* "queue" */
	A_SIZE,		/* the size */
	A_SIZE_OBJ,	/* the size, "queue" */
	A_SIZE_MAX,	/* the size, msgmax (in qbytes) */
	A_FULL,		/* "queue 3", qbytes, cbytes */
	A_NOMSG,	/* ipcerr_nomsg() says it */
	A_WHAT_TIME,	/* "queue /q", the -t seconds */
};

/*
 * The sentences, per errno; the first rule that fits says it. call is
 * the call a rule is for: NULL any, "*WORD" every call whose name has
 * WORD ("*get": msgget, shmget, semget; "*_open": mq_open, shm_open).
 */
static const struct ipcerr_rule {
	int		err;
	const char	*call;
	int		(*when)(const struct ipcerr_ctx *c);
	enum ipcerr_args args;
	const char	*en, *zh;
} ipcerr_rules[] = {
	/* socketpair(2), for the socketpair builtin */
	{ EMFILE, "socketpair", NULL, A_NONE,
	  "too many open descriptors: the shell has reached its limit (ulimit -n)",
	  "打开的描述符太多：shell 已达到上限 (ulimit -n)" },
	{ ENFILE, "socketpair", NULL, A_NONE,
	  "the system's table of open files is full",
	  "系统的打开文件表已满" },
	{ EPERM, "socketpair", NULL, A_NONE,
	  "not permitted: a security policy (the sandbox) denies making sockets",
	  "不允许：安全策略（沙箱）禁止创建套接字" },
	{ EACCES, "socketpair", NULL, A_NONE,
	  "not permitted: a security policy (the sandbox) denies making sockets",
	  "不允许：安全策略（沙箱）禁止创建套接字" },
	/* POSIX queues and shm objects (mq_overview(7), shm_overview(7)) */
	{ ENOENT, "*_open", NULL, A_WHAT,
	  "there is no %s, and -c (O_CREAT) was not given to create it",
	  "不存在 %s，且没有给出 -c (O_CREAT) 来创建它" },
	{ ENOENT, "*_unlink", NULL, A_WHAT,
	  "there is no %s (never created, or already removed)",
	  "不存在 %s（从未创建或已被删除）" },
	{ EEXIST, "*_open", NULL, A_WHAT,
	  "%s already exists, and O_CREAT|O_EXCL (-x) asks for a new one",
	  "%s 已经存在，而 O_CREAT|O_EXCL (-x) 要求新建" },
	{ EINVAL, "mq_open", NULL, A_NONE,
	  "invalid name or size: a name is one / and up to 255 other characters, no other /; mq_maxmsg and mq_msgsize must be within /proc/sys/fs/mqueue's limits",
	  "名字或大小无效：名字是一个 / 加上最多 255 个其他字符（不能再有 /）；mq_maxmsg 与 mq_msgsize 必须在 /proc/sys/fs/mqueue 的限制之内" },
	{ EINVAL, "shm_open", NULL, A_NONE,
	  "invalid name: a name is one / and up to 255 other characters, no other /",
	  "名字无效：名字是一个 / 加上最多 255 个其他字符（不能再有 /）" },
	{ ENOSPC, "mq_open", NULL, A_NONE,
	  "the system limit on the number of POSIX message queues (/proc/sys/fs/mqueue/queues_max) is reached",
	  "已达到系统允许的 POSIX 消息队列数量上限 (/proc/sys/fs/mqueue/queues_max)" },
	{ EMFILE, "mq_open", NULL, A_NONE,
	  "too many open files, or RLIMIT_MSGQUEUE (the bytes your queues may take) is reached",
	  "打开的文件太多，或已达到 RLIMIT_MSGQUEUE（你的消息队列可占用的字节数）" },
	{ EAGAIN, "mq_send", NULL, A_FULL,
	  "%s is full (mq_maxmsg %lu, %lu queued), and -n (O_NONBLOCK) says not to wait",
	  "%s 已满（mq_maxmsg 为 %lu，已有 %lu 条消息），而 -n (O_NONBLOCK) 表示不等待" },
	{ EAGAIN, "mq_receive", NULL, A_WHAT,
	  "%s is empty, and -n (O_NONBLOCK) says not to wait",
	  "%s 是空的，而 -n (O_NONBLOCK) 表示不等待" },
	{ ETIMEDOUT, "mq_send", NULL, A_WHAT_TIME,
	  "%s stayed full for the %s seconds -t allowed",
	  "%s 在 -t 允许的 %s 秒内一直是满的" },
	{ ETIMEDOUT, "mq_receive", NULL, A_WHAT_TIME,
	  "no message came to %s within the %s seconds -t allowed",
	  "%s 在 -t 允许的 %s 秒内没有收到消息" },
	{ EMSGSIZE, "mq_send", NULL, A_SIZE_MAX,
	  "the %lu-byte message is longer than the queue's mq_msgsize (%lu bytes)",
	  "%lu 字节的消息超过了该队列的 mq_msgsize（%lu 字节）" },
	{ EACCES, NULL, NULL, A_WHAT,
	  "permission denied: the mode bits of %s do not let you read or write it",
	  "权限不足：%s 的权限位不允许你读或写它" },
	{ EPERM, NULL, NULL, A_WHAT,
	  "permission denied: only the owner or creator of %s, or root, may change or remove it",
	  "权限不足：只有 %s 的属主、创建者或 root 才能修改或删除它" },
	{ EEXIST, NULL, NULL, A_WHAT,
	  "%s already exists, and IPC_CREAT|IPC_EXCL asks for a new one",
	  "%s 已经存在，而 IPC_CREAT|IPC_EXCL 要求新建" },
	{ EFBIG, NULL, NULL, A_WHAT,
	  "the semaphore number is out of range: %s has fewer semaphores",
	  "信号量编号超出范围：%s 没有这么多信号量" },
	{ ERANGE, NULL, NULL, A_NONE,
	  "the new value would go above SEMVMX (32767) or below 0",
	  "新值会超过 SEMVMX (32767) 或小于 0" },
	{ ENOENT, "ftok", NULL, A_NONE,
	  "the path must name an existing file: ftok builds the key from its inode and device",
	  "路径必须是已存在的文件：ftok 由它的 inode 和设备号生成键值" },
	{ ENOENT, "*get", NULL, A_OBJ,
	  "no %s has this key, and IPC_CREAT was not given to create one",
	  "没有使用该键值的%s，且没有给出 IPC_CREAT 来创建" },
	{ ENOENT, NULL, NULL, A_NONE,
	  "no such file or directory", "文件或目录不存在" },
	{ EIDRM, NULL, NULL, A_WHAT,
	  "%s was removed (IPC_RMID) while we waited",
	  "%s 在等待期间被删除了 (IPC_RMID)" },
	{ EINVAL, "*get", NULL, A_SIZE_OBJ,
	  "invalid argument: size %lu is outside the system's limits, or does not match the existing %s",
	  "参数无效：大小 %lu 超出系统限制，或与已存在的%s不符" },
	{ EINVAL, "msgsnd", ipcerr_bad_type, A_NONE,
	  "the message type must be greater than 0 (msgrcv uses 0 and negative types to choose)",
	  "消息类型必须大于 0（0 和负数是 msgrcv 用来选择消息的）" },
	{ EINVAL, "msgsnd", ipcerr_over_max, A_SIZE_MAX,
	  "the %lu-byte message is longer than msgmax (%lu bytes), the largest message the kernel accepts",
	  "%lu 字节的消息超过了 msgmax（%lu 字节），即内核接受的最大消息" },
	{ EINVAL, NULL, NULL, A_WHAT,
	  "invalid id: %s does not exist (never created, or already removed), or an argument is out of range",
	  "无效的标识码：%s 不存在（从未创建或已被删除），或参数超出范围" },
	{ ENOSPC, NULL, NULL, A_OBJ,
	  "the system limit on the number of %ss is reached",
	  "已达到系统允许的%s数量上限" },
	{ EAGAIN, "msgsnd", NULL, A_FULL,
	  "%s is full (qbytes %lu, %lu bytes in it), and -n (IPC_NOWAIT) says not to wait",
	  "%s 已满（qbytes 为 %lu，已有 %lu 字节），而 -n (IPC_NOWAIT) 表示不等待" },
	{ EAGAIN, NULL, NULL, A_NONE,
	  "the operation would block, and -n (IPC_NOWAIT) says not to wait",
	  "该操作需要等待，而 -n (IPC_NOWAIT) 表示不等待" },
	{ E2BIG, NULL, NULL, A_SIZE,
	  "the message is longer than the %lu-byte buffer, and without -e (MSG_NOERROR) it is not truncated",
	  "消息比 %lu 字节的缓冲区长，没有 -e (MSG_NOERROR) 就不会截断" },
	{ ENOMSG, NULL, NULL, A_NOMSG, NULL, NULL },
	{ EINTR, NULL, NULL, A_NONE,
	  "Ctrl+C (SIGINT) interrupted the wait; signal(7): this call is never restarted after a handler",
	  "Ctrl+C (SIGINT) 打断了等待；signal(7)：这个调用在信号处理函数之后不会自动重启" },
};

static int
ipcerr_fits(const struct ipcerr_rule *r, const char *call, int err,
    const struct ipcerr_ctx *c)
{
	if (r->err != err)
		return 0;
	if (r->call != NULL && r->call[0] == '*' &&
	    strstr(call, r->call + 1) == NULL)
		return 0;
	if (r->call != NULL && r->call[0] != '*' &&
	    strcmp(r->call, call) != 0)
		return 0;
	return r->when == NULL || r->when(c);
}

static void
ipcerr_sentence(char *s, size_t len, const char *call, int err,
    const struct ipcerr_ctx *c, const char *what)
{
	static const struct ipcerr_ctx none = {
		NULL, -1, -1, 0, 0, 0, 0, 0, 0, NULL, NULL
	};
	const struct ipcerr_rule *r = NULL;
	const char *obj, *fmt;
	size_t i;

	if (c == NULL)
		c = &none;
	obj = ipcerr_obj(c, i18n_lang() == LANG_ZH);
	for (i = 0; i < sizeof(ipcerr_rules) / sizeof(ipcerr_rules[0]); i++)
		if (ipcerr_fits(&ipcerr_rules[i], call, err, c)) {
			r = &ipcerr_rules[i];
			break;
		}
	if (r == NULL) {
		snprintf(s, len, "%s", strerror(err));
		return;
	}
	fmt = r->args == A_NOMSG ? NULL : tr(r->en, r->zh);
	switch (r->args) {
	case A_NONE:
		snprintf(s, len, "%s", fmt);
		break;
	case A_WHAT:
		snprintf(s, len, fmt, what);
		break;
	case A_OBJ:
		snprintf(s, len, fmt, obj);
		break;
	case A_SIZE:
		snprintf(s, len, fmt, c->size);
		break;
	case A_SIZE_OBJ:
		snprintf(s, len, fmt, c->size, obj);
		break;
	case A_SIZE_MAX:
		snprintf(s, len, fmt, c->size, c->qbytes);
		break;
	case A_FULL:
		snprintf(s, len, fmt, what, c->qbytes, c->cbytes);
		break;
	case A_NOMSG:
		ipcerr_nomsg(s, len, c, what);
		break;
	case A_WHAT_TIME:
		snprintf(s, len, fmt, what, c->timeout ? c->timeout : "?");
		break;
	}
}

int
ipcerr_report(const char *builtin, const char *call, int err,
    const struct ipcerr_ctx *ctx)
{
	char what[128], sentence[512];
	size_t n;

	ipcerr_what(what, sizeof(what), ctx, i18n_lang() == LANG_ZH);
	ipcerr_sentence(sentence, sizeof(sentence), call, err, ctx, what);
	fflush(stdout);
	n = strlen(builtin);
	/* "msgrcv: ENOMSG", "msgctl(IPC_STAT): EINVAL": the call says it */
	if (strncmp(builtin, call, n) == 0 &&
	    (call[n] == '\0' || call[n] == '('))
		sh_errorf("%s: %s: %s", call, ipcerr_name(err), sentence);
	else
		sh_errorf("%s: %s: %s: %s", builtin, call, ipcerr_name(err),
		    sentence);
	return 1;
}

int
sysvcmd_parse_int(const char *str, int base, long min, long max, long *out)
{
	char *end;
	long v;

	if (str == NULL || *str == '\0')
		return -1;
	errno = 0;
	v = strtol(str, &end, base);
	if (errno != 0 || end == str || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}
