/*
 * sysv.c - the System V builtins, one command per system call: ftok,
 * msgget/msgsnd/msgrcv, shmget/shmwrite/shmread, semget/semop (the *ctl
 * ones are in sysvctl.c); plus the table that holds them all.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#include "fdio.h"
#include "i18n.h"
#include "shell.h"
#include "sysv.h"
#include "sysvcmd.h"

/*
 * Blocking calls (msgsnd, msgrcv, semop, shmwrite --hold) and Ctrl+C.
 *
 * A builtin in the foreground runs inside the shell. In a pipeline or in
 * the background it runs in a child whose SIGINT is the default, and
 * Ctrl+C simply kills it (status 130). Inside the shell we do not fork:
 * the wait would escape the job table and the shell's SIGCHLD reaping
 * would race ours. The interactive shell catches SIGINT with a handler
 * that only notes it (a script may trap it too); while the call may block
 * we put our own handler in front, which sets a flag and then calls the
 * shell's. signal(7): msgrcv, msgsnd and semop "are never restarted after
 * being interrupted by a signal handler, regardless of the use of
 * SA_RESTART", so the call fails with EINTR and we return 130, as if
 * SIGINT had ended a child. An EINTR from another signal (SIGCHLD of a
 * background job) restarts the call. Where the shell leaves SIGINT at its
 * default (a script), Ctrl+C ends the shell as it would any command;
 * where it ignores it, so do we. The old action and mask come back after.
 */
static volatile sig_atomic_t sysv_got_sigint;

static void (*sysv_chained)(int);	/* the shell's own SIGINT handler */

static void
sysv_on_sigint(int sig)
{
	sysv_got_sigint = 1;
	if (sysv_chained != NULL)
		sysv_chained(sig);
}

struct sysv_wait {
	int		armed;
	struct sigaction old;
	struct trap_save save;
	sigset_t	oldmask;
};

static void
sysv_wait_begin(struct sysv_wait *w)
{
	sigset_t set;

	sysv_got_sigint = 0;
	w->armed = 0;
	if (getpid() != sh_pid)
		return;		/* a child: SIGINT keeps its default */
	if (sigaction(SIGINT, NULL, &w->old) < 0 ||
	    (w->old.sa_flags & SA_SIGINFO) ||
	    w->old.sa_handler == SIG_DFL || w->old.sa_handler == SIG_IGN)
		return;
	sysv_chained = w->old.sa_handler;
	trap_sigint_push(sysv_on_sigint, &w->save);	/* we want the EINTR */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_UNBLOCK, &set, &w->oldmask);
	w->armed = 1;
}

static void
sysv_wait_end(struct sysv_wait *w)
{
	if (!w->armed)
		return;
	trap_sigint_pop(&w->save);
	sigprocmask(SIG_SETMASK, &w->oldmask, NULL);
	w->armed = 0;
}

/* After EINTR: 1 when Ctrl+C asked to stop, 0 to retry the call. */
static int
sysv_wait_stop(void)
{
	return sysv_got_sigint != 0;
}

/* One call that may block: msgsnd(2), msgrcv(2) or semop(2). */
struct sysv_call {
	enum { SYSV_MSGSND, SYSV_MSGRCV, SYSV_SEMOP } op;
	int		id;
	void		*buf;	/* the msgbuf; semop: the sembuf */
	size_t		size;	/* msgsnd: the text's; msgrcv: the room */
	long		type;	/* msgrcv */
	int		flags;
};

/*
 * Makes the call, again after an EINTR that was not Ctrl+C (sysv_wait);
 * returns its result with its errno in *err (EINTR: Ctrl+C ended it).
 */
static ssize_t
sysv_blocking(const struct sysv_call *c, int *err)
{
	struct sysv_wait w;
	ssize_t r;

	sysv_wait_begin(&w);
	do {
		switch (c->op) {
		case SYSV_MSGSND:
			r = msgsnd(c->id, c->buf, c->size, c->flags);
			break;
		case SYSV_MSGRCV:
			r = msgrcv(c->id, c->buf, c->size, c->type, c->flags);
			break;
		default:
			r = semop(c->id, c->buf, 1);
			break;
		}
	} while (r < 0 && errno == EINTR && !sysv_wait_stop());
	*err = errno;
	sysv_wait_end(&w);
	return r;
}

void
sysvcmd_ctx(struct ipcerr_ctx *c, const char *obj, long id)
{
	memset(c, 0, sizeof(*c));
	c->obj = obj;
	c->id = id;
	c->key = -1;
}

/* The report of a wait ended by Ctrl+C; returns 130 (128 + SIGINT). */
static int
sysv_interrupted(const char *name, const char *call, const char *obj,
    int id)
{
	struct ipcerr_ctx c;

	fflush(stdout);
	fputc('\n', stderr);	/* the ^C the terminal echoed ends no line */
	sysvcmd_ctx(&c, obj, id);
	ipcerr_report(name, call, EINTR, &c);
	return 130;
}

/*
 * The report after the blocking call c of builtin name failed with err,
 * on obj ("queue", "semaphore set"): a wait ended by Ctrl+C gives 130
 * (sysv_interrupted); else the explanation (with -n, and msgrcv's type,
 * -x and buffer size), 1.
 */
static int
sysv_call_failed(const char *name, const struct sysv_call *c, int err,
    const char *obj)
{
	static const char *const calls[] = { "msgsnd", "msgrcv", "semop" };
	struct ipcerr_ctx x;

	if (err == EINTR)
		return sysv_interrupted(name, calls[c->op], obj, c->id);
	sysvcmd_ctx(&x, obj, c->id);
	x.nowait = (c->flags & IPC_NOWAIT) != 0;
	if (c->op == SYSV_MSGRCV) {
		x.type = c->type;
		x.except = (c->flags & MSG_EXCEPT) != 0;
		x.size = c->size;
	}
	return ipcerr_report(name, calls[c->op], err, &x);
}

/* A key: a number (0x hex, 0 octal or decimal) or "private" (IPC_PRIVATE). */
static int
sysv_parse_key(const char *s, key_t *key)
{
	long v;

	if (strcmp(s, "private") == 0 || strcmp(s, "IPC_PRIVATE") == 0) {
		*key = IPC_PRIVATE;
		return 0;
	}
	if (sysvcmd_parse_int(s, 0, INT32_MIN, UINT32_MAX, &v) < 0)
		return -1;
	*key = (key_t)v;
	return 0;
}

/*
 * A key that names an existing object (msgsnd -k, msgrcv -k): 0 is
 * IPC_PRIVATE, for which msgget(2) always makes a new object. -1 after
 * reporting.
 */
static int
sysv_key_names(const char *name, key_t key)
{
	if (key != IPC_PRIVATE)
		return 0;
	bi_errorf(name, "%s", tr("key 0 is IPC_PRIVATE: it always makes a new object; use the id",
	    "键值 0 即 IPC_PRIVATE：它总是创建新对象；请使用标识码"));
	return -1;
}

int
sysvcmd_named_key(const char *name, const char *s, key_t *key)
{
	if (sysv_parse_key(s, key) < 0)
		return sysvcmd_bad(name, "key", s);
	if (sysv_key_names(name, *key) < 0)
		return bi_usage(name);
	return 0;
}

int
sysvcmd_parse_id(const char *s, int *id)
{
	long v;

	if (sysvcmd_parse_int(s, 10, 0, INT32_MAX, &v) < 0)
		return -1;
	*id = (int)v;
	return 0;
}

int
sysvcmd_bad(const char *name, const char *what, const char *arg)
{
	bi_errorf(name, tr("%s: invalid %s", "%s：无效的%s"), arg, what);
	return bi_usage(name);
}

int
sysvcmd_num_opt(const char *name, int opt, const struct sysvcmd_num *t)
{
	for (; t != NULL && t->opt != 0; t++)
		if (t->opt == opt) {
			if (sysvcmd_parse_int(optarg, t->base, t->min, t->max,
			    t->val) < 0)
				return sysvcmd_bad(name, t->what, optarg);
			return 0;
		}
	return -1;
}

int
sysvcmd_flag_opt(int opt, const struct sysvcmd_flag *t)
{
	for (; t != NULL && t->opt != 0; t++)
		if (t->opt == opt)
			return t->flag;
	return 0;
}

int
sysvcmd_getopt(int argc, char **argv, const char *help,
    const char *optstr, const struct sysvcmd_flag *ft, int *flags,
    const struct sysvcmd_num *nt)
{
	int opt, f, st;

	if (sysvcmd_start(argc, argv, help))
		return -1;
	while ((opt = getopt(argc, argv, optstr)) != -1) {
		if ((f = sysvcmd_flag_opt(opt, ft)) != 0)
			*flags |= f;
		else if ((st = sysvcmd_num_opt(argv[0], opt, nt)) != 0)
			return st < 0 ? bi_usage(argv[0]) : st;
	}
	return 0;
}

int
sysvcmd_start(int argc, char **argv, const char *help)
{
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		bi_help_text(argv[0], help);
		return 1;
	}
	optind = 0;
	opterr = 1;
	return 0;
}

/* ftok PATH PROJ */

int
bi_ftok(int argc, char **argv)
{
	long proj;
	key_t key;

	if (sysvcmd_start(argc, argv, tr(
	    "Prints ftok(3)'s key for PATH and PROJ (a number or one character, as 'A').\n",
	    "打印 ftok(3) 由 PATH 和 PROJ（数字或一个字符，如 'A'）生成的键值。\n")))
		return 0;
	if (argc != 3)
		return bi_usage(argv[0]);
	if (sysvcmd_parse_int(argv[2], 0, 0, 255, &proj) < 0) {
		if (strlen(argv[2]) != 1)
			return sysvcmd_bad(argv[0], "proj_id", argv[2]);
		proj = (unsigned char)argv[2][0];
	}
	/* ftok(3): only the low 8 bits of proj_id are used; 0 is unspecified */
	key = ftok(argv[1], (int)proj);
	if (key == (key_t)-1) {
		struct ipcerr_ctx c;

		sysvcmd_ctx(&c, "file", -1);
		return ipcerr_report(argv[0], "ftok", errno, &c);
	}
	printf("0x%08x\n", (unsigned)key);
	return 0;
}

/* msgget/shmget/semget [-c] [-x] [-p MODE] KEY [SIZE|NSEMS] */

/* --help of msgget, shmget and semget: English, then Chinese. */
static const char *const sysv_get_help[][2] = {
	{ "msgget(2): prints the id of the queue of KEY (private: IPC_PRIVATE).\n"
	  "  -c  IPC_CREAT, create it if needed\n  -x  IPC_EXCL, fail if it exists\n  -p MODE  permissions (0644)\n",
	  "msgget(2)：打印键值 KEY 的消息队列标识码（private 即 IPC_PRIVATE）。\n"
	  "  -c  IPC_CREAT，不存在就创建\n  -x  IPC_EXCL，已存在则失败\n  -p MODE  权限（0644）\n" },
	{ "shmget(2): prints the id of the segment of KEY, SIZE bytes.\n"
	  "  -c  IPC_CREAT   -x  IPC_EXCL   -p MODE  permissions (0644)\n",
	  "shmget(2)：打印键值 KEY、大小 SIZE 字节的共享内存段标识符。\n"
	  "  -c  IPC_CREAT   -x  IPC_EXCL   -p MODE  权限（0644）\n" },
	{ "semget(2): prints the id of the set of NSEMS semaphores of KEY.\n"
	  "  -c  IPC_CREAT   -x  IPC_EXCL   -p MODE  permissions (0644)\n",
	  "semget(2)：打印键值 KEY、含 NSEMS 个信号量的信号量集标识符。\n"
	  "  -c  IPC_CREAT   -x  IPC_EXCL   -p MODE  权限（0644）\n" },
};

/* msgget, shmget or semget (the kind from the name). */
static int
bi_sysvget(int argc, char **argv)
{
	enum sysv_kind kind = sysvcmd_kind(argv[0]);
	struct ipcerr_ctx c;
	static const struct sysvcmd_flag create[] = {
		{ 'c', IPC_CREAT }, { 'x', IPC_EXCL }, { 0, 0 },
	};
	int st, flags = 0, id, want = kind == SYSV_MSG ? 1 : 2;
	long mode = 0644, n = 0;
	const struct sysvcmd_num nums[] = {
		{ 'p', 8, 0, 0777, "mode", &mode },
		{ 0, 0, 0, 0, NULL, NULL },
	};
	key_t key;

	st = sysvcmd_getopt(argc, argv, tr(sysv_get_help[kind][0],
	    sysv_get_help[kind][1]), "+cxp:", create, &flags, nums);
	if (st != 0)
		return st < 0 ? 0 : st;
	if (argc - optind != want)
		return bi_usage(argv[0]);
	if (sysv_parse_key(argv[optind], &key) < 0)
		return sysvcmd_bad(argv[0], "key", argv[optind]);
	if (kind != SYSV_MSG && sysvcmd_parse_int(argv[optind + 1], 0, 0,
	    LONG_MAX, &n) < 0)
		return sysvcmd_bad(argv[0], kind == SYSV_SHM ? "size" : "nsems",
		    argv[optind + 1]);
	flags |= (int)mode;
	id = sysv_get(kind, key, (unsigned long)n, flags);
	if (id < 0) {
		sysvcmd_ctx(&c, sysv_kinds[kind].obj, -1);
		c.key = key == IPC_PRIVATE ? -1 : (long)(unsigned)key;
		c.size = (unsigned long)n;
		return ipcerr_report(argv[0], argv[0], errno, &c);
	}
	printf("%d\n", id);
	return 0;
}

enum sysv_kind
sysvcmd_kind(const char *cmd)
{
	int k;

	for (k = 0; k < SYSV_NKINDS - 1; k++)
		if (strncmp(cmd, sysv_kinds[k].name, 3) == 0)
			break;
	return (enum sysv_kind)k;
}

/* The options of the builtins that may block: msgsnd, msgrcv, semop. */
struct sysv_opts {
	const char	*keyarg;	/* -k KEY: the queue by its key */
	long		type;		/* msgrcv -t */
	long		size;		/* msgrcv -s; -1: msgmax */
	int		flags;		/* -n IPC_NOWAIT, -e MSG_NOERROR,
					 * -x MSG_EXCEPT, -u SEM_UNDO */
};

/* The options that are flags of the call: -n, -e, -x, -u. */
static const struct sysvcmd_flag sysv_flag_opts[] = {
	{ 'n', IPC_NOWAIT }, { 'e', MSG_NOERROR }, { 'x', MSG_EXCEPT },
	{ 'u', SEM_UNDO }, { 0, 0 },
};

/*
 * The start of msgsnd, msgrcv and semop: "--help" alone prints help
 * (sysvcmd_start) and gives -1, the builtin then returns 0; else the
 * options optstring allows (a subset of "+t:nexs:k:u") into o: 0, or the
 * builtin's status after reporting a bad one.
 */
static int
sysv_options(int argc, char **argv, const char *help, const char *optstring,
    struct sysv_opts *o)
{
	const struct sysvcmd_num nums[] = {
		{ 't', 10, LONG_MIN + 1, LONG_MAX, "type", &o->type },
		{ 's', 0, 0, INT32_MAX, "size", &o->size },
		{ 0, 0, 0, 0, NULL, NULL },
	};
	int opt, f, st;

	if (sysvcmd_start(argc, argv, help))
		return -1;
	*o = (struct sysv_opts){ NULL, 0, -1, 0 };
	while ((opt = getopt(argc, argv, optstring)) != -1) {
		if ((f = sysvcmd_flag_opt(opt, sysv_flag_opts)) != 0)
			o->flags |= f;
		else if (opt == 'k')
			o->keyarg = optarg;
		else if ((st = sysvcmd_num_opt(argv[0], opt, nums)) != 0)
			return st < 0 ? bi_usage(argv[0]) : st;
	}
	return 0;
}

/*
 * The queue of msgsnd or msgrcv: -k KEY (checked into *key; the id comes
 * later, from sysv_queue_by_key), or the QID operand at argv[*ind], then
 * passed. 0, or the builtin's status after reporting.
 */
static int
sysv_queue_arg(int argc, char **argv, const struct sysv_opts *o, int *ind,
    key_t *key, int *id)
{
	if (o->keyarg != NULL) {
		if (sysv_parse_key(o->keyarg, key) < 0)
			return sysvcmd_bad(argv[0], "key", o->keyarg);
		if (sysv_key_names(argv[0], *key) < 0)
			return bi_usage(argv[0]);
		return 0;
	}
	if (*ind >= argc)
		return bi_usage(argv[0]);
	if (sysvcmd_parse_id(argv[*ind], id) < 0)
		return sysvcmd_bad(argv[0], "queue id", argv[*ind]);
	(*ind)++;
	return 0;
}

/* msgget(key, 0): the queue's id, or -1 after reporting. */
static int
sysv_queue_by_key(const char *name, key_t key)
{
	struct ipcerr_ctx c;
	int id = msgget(key, 0);

	if (id < 0) {
		sysvcmd_ctx(&c, "queue", -1);
		c.key = (long)(unsigned)key;
		ipcerr_report(name, "msgget", errno, &c);
	}
	return id;
}

/* msgsnd [-n] [-k KEY | QID] TYPE [TEXT...] */

/* Reads all of standard input (the builtin's fd 0) into a malloc'd buffer. */
static char *
sysv_read_stdin(size_t *len)
{
	char *buf = NULL, *nb;
	size_t cap = 0, n = 0, want, got;

	do {
		if (n + 4096 > cap) {
			cap = cap ? cap * 2 : 8192;
			nb = realloc(buf, cap);
			if (nb == NULL) {
				free(buf);
				return NULL;
			}
			buf = nb;
		}
		want = cap - n;
		got = fdio_read(STDIN_FILENO, buf + n, want);
		n += got;
	} while (got == want);	/* short: end of file or an error */
	if (n > 0 && buf[n - 1] == '\n')
		n--;	/* the line's newline is not part of the message */
	*len = n;
	return buf;
}

static int
sysv_msgsnd_fail(const char *name, int id, int err, int nowait, size_t len,
    long type)
{
	struct ipcerr_ctx c;
	struct sysv_msq q;

	sysvcmd_ctx(&c, "queue", id);
	c.nowait = nowait;
	c.size = len;
	c.type = type;
	if (err == EAGAIN && sysv_stat(SYSV_MSG, id, SYSV_BY_ID, &q) >= 0) {
		c.qbytes = q.qbytes;
		c.cbytes = q.cbytes;
	} else if (err == EINVAL) {
		c.qbytes = sysv_msgmax();	/* EINVAL: over msgmax? */
	}
	return ipcerr_report(name, "msgsnd", err, &c);
}

int
bi_msgsnd(int argc, char **argv)
{
	struct sysv_call call;
	struct sysv_opts o;
	struct msgbuf *m;
	char *text = NULL;
	size_t len = 0;
	long type;
	ssize_t r;
	int id = -1, err, status;
	key_t key;

	status = sysv_options(argc, argv, tr(
	    "msgsnd(2): sends TEXT (or standard input) as one message of TYPE (> 0).\n"
	    "  -n      IPC_NOWAIT: fail with EAGAIN instead of waiting when the queue is full\n"
	    "  -k KEY  find the queue with msgget(KEY, 0) instead of giving QID\n",
	    "msgsnd(2)：把 TEXT（或标准输入）作为一条类型为 TYPE（> 0）的消息发送。\n"
	    "  -n      IPC_NOWAIT：队列满时不等待，返回 EAGAIN\n"
	    "  -k KEY  用 msgget(KEY, 0) 找到队列，代替 QID\n"), "+nk:", &o);
	if (status != 0)
		return status < 0 ? 0 : status;
	if ((status = sysv_queue_arg(argc, argv, &o, &optind, &key, &id)) != 0)
		return status;
	if (optind >= argc)
		return bi_usage(argv[0]);
	if (sysvcmd_parse_int(argv[optind], 10, LONG_MIN, LONG_MAX,
	    &type) < 0)
		return sysvcmd_bad(argv[0], "type", argv[optind]);
	optind++;
	if (o.keyarg != NULL && (id = sysv_queue_by_key(argv[0], key)) < 0)
		return 1;
	if (optind < argc) {
		if ((text = bi_join(argc - optind, argv + optind)) == NULL)
			return bi_errorf(argv[0], "%s", strerror(ENOMEM));
		len = strlen(text);
	} else if ((text = sysv_read_stdin(&len)) == NULL && errno == ENOMEM) {
		return bi_errorf(argv[0], "%s", strerror(ENOMEM));
	}
	m = malloc(sizeof(long) + len + 1);
	if (m == NULL) {
		free(text);
		return bi_errorf(argv[0], "%s", strerror(ENOMEM));
	}
	m->mtype = type;
	if (len > 0)
		memcpy(m->mtext, text, len);
	free(text);
	/* msgsnd(2): blocks while the queue has no room, unless IPC_NOWAIT */
	call = (struct sysv_call){ SYSV_MSGSND, id, m, len, 0, o.flags };
	r = sysv_blocking(&call, &err);
	free(m);
	if (r < 0 && err == EINTR)
		return sysv_interrupted(argv[0], "msgsnd", "queue", id);
	if (r < 0)
		return sysv_msgsnd_fail(argv[0], id, err,
		    (o.flags & IPC_NOWAIT) != 0, len, type);
	return 0;
}

/* msgrcv [-t TYPE] [-n] [-e] [-x] [-s SIZE] [-k KEY | QID] */

int
bi_msgrcv(int argc, char **argv)
{
	struct sysv_call call;
	struct sysv_opts o;
	struct msgbuf *m;
	int id, err, st;
	ssize_t n;
	key_t key;

	st = sysv_options(argc, argv, tr(
	    "msgrcv(2): receives one message and prints \"TYPE TEXT\".\n"
	    "  -t TYPE  0: the first message; > 0: the first of that type;\n"
	    "           < 0: the first with the lowest type <= |TYPE|\n"
	    "  -n       IPC_NOWAIT: fail with ENOMSG instead of waiting\n"
	    "  -e       MSG_NOERROR: truncate a message longer than SIZE\n"
	    "  -x       MSG_EXCEPT: the first message whose type is not TYPE\n"
	    "  -s SIZE  buffer size (default: msgmax)\n"
	    "  -k KEY   find the queue with msgget(KEY, 0)\n",
	    "msgrcv(2)：接收一条消息并打印“类型 正文”。\n"
	    "  -t TYPE  0：队列第一条；> 0：第一条该类型的；\n"
	    "           < 0：类型小于等于 |TYPE| 中最小类型的第一条\n"
	    "  -n       IPC_NOWAIT：没有消息时不等待，返回 ENOMSG\n"
	    "  -e       MSG_NOERROR：消息超过 SIZE 时截断\n"
	    "  -x       MSG_EXCEPT：第一条类型不等于 TYPE 的消息\n"
	    "  -s SIZE  缓冲区大小（默认 msgmax）\n"
	    "  -k KEY   用 msgget(KEY, 0) 找到队列\n"), "+t:nexs:k:", &o);
	if (st != 0)
		return st < 0 ? 0 : st;
	if (argc - optind != (o.keyarg != NULL ? 0 : 1))
		return bi_usage(argv[0]);
	if ((st = sysv_queue_arg(argc, argv, &o, &optind, &key, &id)) != 0)
		return st;
	if (o.keyarg != NULL && (id = sysv_queue_by_key(argv[0], key)) < 0)
		return 1;
	if (o.size < 0)
		o.size = (long)sysv_msgmax();
	m = malloc(sizeof(long) + (size_t)o.size + 1);
	if (m == NULL)
		return bi_errorf(argv[0], "%s", strerror(ENOMEM));
	/* msgrcv(2): blocks until a message of the wanted type arrives */
	call = (struct sysv_call){ SYSV_MSGRCV, id, m, (size_t)o.size,
	    o.type, o.flags };
	n = sysv_blocking(&call, &err);
	if (n < 0) {
		free(m);
		return sysv_call_failed(argv[0], &call, err, "queue");
	}
	printf("%ld ", m->mtype);
	fwrite(m->mtext, 1, (size_t)n, stdout);
	putchar('\n');
	free(m);
	return 0;
}

/* shmat(2) the segment; reports and returns NULL on failure. */
static void *
sysv_attach(const char *name, int id, int flags, size_t *size)
{
	struct ipcerr_ctx c;
	struct sysv_shm m;
	void *p;

	sysvcmd_ctx(&c, "segment", id);
	if (sysv_stat(SYSV_SHM, id, SYSV_BY_ID, &m) < 0) {
		ipcerr_report(name, "shmctl(IPC_STAT)", errno, &c);
		return NULL;
	}
	p = shmat(id, NULL, flags);
	if (p == (void *)-1) {
		ipcerr_report(name, "shmat", errno, &c);
		return NULL;
	}
	*size = m.size;
	return p;
}

/* Sleeps up to secs while attached; 130 on Ctrl+C, else 0. */
static int
sysv_hold(long secs)
{
	struct sysv_wait w;
	struct timespec ts = { secs, 0 };
	int status = 0;

	sysv_wait_begin(&w);
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		if (sysv_wait_stop()) {
			fflush(stdout);
			fputc('\n', stderr);
			status = 130;
			break;
		}
	sysv_wait_end(&w);
	return status;
}

/* shmwrite [-o OFFSET] [--hold SECONDS] ID TEXT... */

int
bi_shmwrite(int argc, char **argv)
{
	static const struct bi_opt rows[] = {
		{ 'o', "offset", required_argument, NULL, 0 },
		{ BI_OPT_LONG | 'H', "hold", required_argument, NULL, 0 },
		{ 0, NULL, 0, NULL, 0 },
	};
	struct bi_opts g;
	long off = 0, hold = 0;
	const struct sysvcmd_num nums[] = {
		{ 'o', 0, 0, LONG_MAX, "offset", &off },
		{ 'H', 10, 0, 86400, "seconds", &hold },
		{ 0, 0, 0, 0, NULL, NULL },
	};
	size_t size, len = 0;
	int opt, id, i, status = 0;
	char *p;

	if (sysvcmd_start(argc, argv, tr(
	    "Attaches segment ID (shmat), copies TEXT at OFFSET with its final NUL,\n"
	    "detaches (shmdt).\n"
	    "  --hold SECONDS  stay attached that long before shmdt, so ipcs shows nattch;\n"
	    "                  run it in the background (&) to keep working meanwhile;\n"
	    "                  Ctrl+C detaches at once\n",
	    "连接共享内存段 ID (shmat)，把 TEXT 连同结尾的 NUL 复制到 OFFSET 处，\n"
	    "再分离 (shmdt)。\n"
	    "  --hold SECONDS  分离前保持连接这么久，ipcs 可看到 nattch；\n"
	    "                  可放到后台 (&) 运行以便继续操作；Ctrl+C 立即分离\n")))
		return 0;
	bi_opt_start(&g, "+", rows, argc, argv);
	while ((opt = bi_opt_next(&g)) != -1)
		if ((status = sysvcmd_num_opt(argv[0], opt, nums)) != 0)
			return status < 0 ? bi_usage(argv[0]) : status;
	/* no TEXT is a usage error: it would write a lone NUL at OFFSET */
	if (argc - optind < 2)
		return bi_usage(argv[0]);
	if (sysvcmd_parse_id(argv[optind], &id) < 0)
		return sysvcmd_bad(argv[0], "segment id", argv[optind]);
	for (i = optind + 1; i < argc; i++)
		len += strlen(argv[i]) + 1;	/* a blank or the NUL */
	if (len == 0)
		len = 1;
	p = sysv_attach(argv[0], id, 0, &size);
	if (p == NULL)
		return 1;
	if ((size_t)off > size || len > size - (size_t)off) {
		bi_errorf(argv[0], tr("%zu bytes at offset %ld do not fit in the %zu-byte segment %d",
		    "偏移 %2$ld 处的 %1$zu 字节放不进 %3$zu 字节的共享内存段 %4$d"),
		    len, off, size, id);
		status = 1;
	} else {
		char *q = p + off;

		*q = '\0';
		for (i = optind + 1; i < argc; i++) {
			size_t l = strlen(argv[i]);

			memcpy(q, argv[i], l);
			q += l;
			*q++ = i + 1 < argc ? ' ' : '\0';
		}
		if (hold > 0)
			status = sysv_hold(hold);
	}
	/* shmdt(2): nattch drops; a removed segment goes away at zero */
	shmdt(p);
	return status;
}

static void
sysv_hexdump(const unsigned char *p, size_t n, long base)
{
	size_t i, j;

	for (i = 0; i < n; i += 16) {
		printf("%08lx ", (unsigned long)(base + (long)i));
		for (j = 0; j < 16; j++) {
			if (j == 8)
				putchar(' ');
			if (i + j < n)
				printf(" %02x", p[i + j]);
			else
				printf("   ");
		}
		printf("  |");
		for (j = 0; j < 16 && i + j < n; j++)
			putchar(isprint(p[i + j]) ? p[i + j] : '.');
		printf("|\n");
	}
}

/* shmread [-o OFFSET] [-n LEN] [-x] ID */

int
bi_shmread(int argc, char **argv)
{
	long off = 0, len = -1;
	const struct sysvcmd_num nums[] = {
		{ 'o', 0, 0, LONG_MAX, "offset", &off },
		{ 'n', 0, 0, LONG_MAX, "length", &len },
		{ 0, 0, 0, 0, NULL, NULL },
	};
	size_t size, n;
	static const struct sysvcmd_flag hexdump[] = { { 'x', 1 }, { 0, 0 } };
	int st, id, hex = 0;
	char *p;

	st = sysvcmd_getopt(argc, argv, tr(
	    "Attaches segment ID read-only (shmat SHM_RDONLY), prints its text up to the\n"
	    "first NUL (or LEN bytes), detaches.  -x: a hexdump instead.\n",
	    "以只读方式连接共享内存段 ID (shmat SHM_RDONLY)，打印到第一个 NUL 为止的文本\n"
	    "（或 LEN 字节），再分离。-x：改为十六进制转储。\n"),
	    "+o:n:x", hexdump, &hex, nums);
	if (st != 0)
		return st < 0 ? 0 : st;
	if (argc - optind != 1)
		return bi_usage(argv[0]);
	if (sysvcmd_parse_id(argv[optind], &id) < 0)
		return sysvcmd_bad(argv[0], "segment id", argv[optind]);
	p = sysv_attach(argv[0], id, SHM_RDONLY, &size);
	if (p == NULL)
		return 1;
	if ((size_t)off > size) {
		shmdt(p);
		return bi_errorf(argv[0], tr("offset %ld is past the end of the %zu-byte segment %d",
		    "偏移 %ld 超出了 %zu 字节的共享内存段 %d"), off, size, id);
	}
	n = size - (size_t)off;
	if (len >= 0 && (size_t)len < n)
		n = (size_t)len;
	if (hex) {
		sysv_hexdump((unsigned char *)p + off, n, off);
	} else {
		if (len < 0)
			n = strnlen(p + off, n);
		fwrite(p + off, 1, n, stdout);
		putchar('\n');
	}
	shmdt(p);
	return 0;
}

/* semop [-n] [-u] ID SEMNUM DELTA */

int
bi_semop(int argc, char **argv)
{
	struct sysv_call call;
	struct sysv_opts o;
	struct sembuf op;
	long num, delta;
	int id, err, st;

	st = sysv_options(argc, argv, tr(
	    "semop(2): adds DELTA to semaphore SEMNUM of set ID. A negative DELTA waits\n"
	    "until the value is large enough (P); a positive one wakes waiters (V);\n"
	    "0 waits for zero.  -n IPC_NOWAIT   -u SEM_UNDO\n",
	    "semop(2)：给信号量集 ID 的第 SEMNUM 个信号量加上 DELTA。DELTA 为负时\n"
	    "等到值足够大（P 操作）；为正时唤醒等待者（V 操作）；为 0 时等待值变为 0。\n"
	    "  -n IPC_NOWAIT   -u SEM_UNDO\n"), "+nu", &o);
	if (st != 0)
		return st < 0 ? 0 : st;
	if (argc - optind != 3)
		return bi_usage(argv[0]);
	if (sysvcmd_parse_id(argv[optind], &id) < 0)
		return sysvcmd_bad(argv[0], "semaphore set id", argv[optind]);
	if (sysvcmd_parse_int(argv[optind + 1], 10, 0, USHRT_MAX, &num) < 0)
		return sysvcmd_bad(argv[0], "semnum", argv[optind + 1]);
	if (sysvcmd_parse_int(argv[optind + 2], 10, SHRT_MIN, SHRT_MAX,
	    &delta) < 0)
		return sysvcmd_bad(argv[0], "delta", argv[optind + 2]);
	op.sem_num = (unsigned short)num;
	op.sem_op = (short)delta;
	op.sem_flg = (short)o.flags;
	/* semop(2): blocks until the operation can be done */
	call = (struct sysv_call){ SYSV_SEMOP, id, &op, 1, 0, 0 };
	if (sysv_blocking(&call, &err) < 0)
		return sysv_call_failed(argv[0], &call, err, "semaphore set");
	return 0;
}

const struct builtin builtins_sysv[] = {
	{ "ipcs", bi_ipcs,
	  "ipcs [-q|-m|-s|-a] [-t|-c|-p|-l|-u] [-b|--human] | ipcs -q|-m|-s -i <id>",
	  "show message queues, shared memory segments and semaphore sets",
	    "显示消息队列、共享内存段和信号量集",
	  BI_OWNHELP },
	{ "ipcrm", bi_ipcrm,
	  "ipcrm [-q|-m|-s <id>] [-Q|-M|-S <key>] [-a [msg|shm|sem]] [-v]... | ipcrm msg|shm|sem <id>...",
	  "remove System V IPC objects by id or key",
	    "按标识码或键值删除 System V IPC 对象", BI_OWNHELP },
	{ "ipcmk", bi_ipcmk,
	  "ipcmk -Q | -M <size> | -S <nsems> [-p <mode>]",
	  "create a message queue, shared memory segment or semaphore set",
	    "创建消息队列、共享内存段或信号量集",
	  BI_OWNHELP },
	{ "ftok", bi_ftok, "ftok <path> <proj>",
	  "print the System V key ftok(3) makes from a file and a project id",
	    "打印 ftok(3) 由文件和 proj_id 生成的键值",
	  BI_OWNHELP },
	{ "msgget", bi_sysvget, "msgget [-c] [-x] [-p <mode>] <key>|private",
	  "msgget(2): the id of a message queue",
	    "msgget(2)：消息队列的标识码", BI_OWNHELP },
	{ "msgsnd", bi_msgsnd,
	  "msgsnd [-n] <qid>|-k <key> <type> [text...]",
	  "msgsnd(2): send one message",
	    "msgsnd(2)：发送一条消息", BI_OWNHELP },
	{ "msgrcv", bi_msgrcv,
	  "msgrcv [-t <type>] [-n] [-e] [-x] [-s <size>] <qid>|-k <key>",
	  "msgrcv(2): receive one message and print \"type text\"",
	    "msgrcv(2)：接收一条消息，打印 \"类型 文本\"",
	  BI_OWNHELP },
	{ "msgctl", bi_sysvctl,
	  "msgctl <qid>|-k <key> stat | set [qbytes=N] [mode=M] [uid=U] [gid=G] | rm",
	  "msgctl(2): IPC_STAT, IPC_SET or IPC_RMID on a queue",
	    "msgctl(2)：对消息队列执行 IPC_STAT、IPC_SET 或 IPC_RMID", BI_OWNHELP },
	{ "shmget", bi_sysvget, "shmget [-c] [-x] [-p <mode>] <key>|private <size>",
	  "shmget(2): the id of a shared memory segment",
	    "shmget(2)：共享内存段的标识码", BI_OWNHELP },
	{ "shmwrite", bi_shmwrite,
	  "shmwrite [-o <offset>] [--hold <seconds>] <id> <text>...",
	  "shmat(2), copy text, shmdt(2)",
	    "shmat(2)，复制文本，shmdt(2)", BI_OWNHELP },
	{ "shmread", bi_shmread, "shmread [-o <offset>] [-n <len>] [-x] <id>",
	  "shmat(2) read-only, print text or hexdump, shmdt(2)",
	    "shmat(2) 只读连接，打印文本或十六进制转储，shmdt(2)", BI_OWNHELP },
	{ "shmctl", bi_sysvctl, "shmctl <id> stat | set [mode=M] [uid=U] [gid=G] | rm | lock | unlock",
	  "shmctl(2): IPC_STAT, IPC_SET or IPC_RMID on a segment",
	    "shmctl(2)：对共享内存段执行 IPC_STAT、IPC_SET 或 IPC_RMID", BI_OWNHELP },
	{ "semget", bi_sysvget, "semget [-c] [-x] [-p <mode>] <key>|private <nsems>",
	  "semget(2): the id of a semaphore set",
	    "semget(2)：信号量集的标识码", BI_OWNHELP },
	{ "semop", bi_semop, "semop [-n] [-u] <id> <semnum> <delta>",
	  "semop(2): P (negative delta) or V (positive) on one semaphore",
	    "semop(2)：对一个信号量做 P（负增量）或 V（正增量）",
	  BI_OWNHELP },
	{ "semctl", bi_sysvctl,
	  "semctl <id> stat | getval <n> | setval <n> <v> | getall | rm",
	  "semctl(2) on a semaphore set",
	    "semctl(2)：操作信号量集", BI_OWNHELP },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
