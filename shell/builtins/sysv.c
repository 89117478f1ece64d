/*
 * builtin_sysv.c - the System V builtins, one command per system call:
 * ftok, msgget/msgsnd/msgrcv/msgctl, shmget/shmwrite/shmread/shmctl,
 * semget/semop/semctl; plus the table that also holds ipcs, ipcrm, ipcmk.
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

static void
sysv_ctx(struct ipcerr_ctx *c, const char *obj, long id)
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
	sysv_ctx(&c, obj, id);
	ipcerr_report(name, call, EINTR, &c);
	return 130;
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

static int
sysv_parse_id(const char *s, int *id)
{
	long v;

	if (sysvcmd_parse_int(s, 10, 0, INT32_MAX, &v) < 0)
		return -1;
	*id = (int)v;
	return 0;
}

static int
sysv_bad(const char *name, const char *what, const char *arg)
{
	bi_errorf(name, tr("%s: invalid %s", "%s：无效的%s"), arg, what);
	return bi_usage(name);
}

/* Prints a builtin's long usage for --help; returns 0. */
static int
sysv_help(const char *name, const char *text)
{
	const struct builtin *b = builtin_find(name);

	printf("usage: %s\n%s", b != NULL ? b->usage : name, text);
	return 0;
}

/* ftok PATH PROJ */

int
bi_ftok(int argc, char **argv)
{
	long proj;
	key_t key;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		return sysv_help(argv[0], tr(
		    "Prints ftok(3)'s key for PATH and PROJ (a number or one character, as 'A').\n",
		    "打印 ftok(3) 由 PATH 和 PROJ（数字或一个字符，如 'A'）生成的键值。\n"));
	if (argc != 3)
		return bi_usage(argv[0]);
	if (sysvcmd_parse_int(argv[2], 0, 0, 255, &proj) < 0) {
		if (strlen(argv[2]) != 1)
			return sysv_bad(argv[0], "proj_id", argv[2]);
		proj = (unsigned char)argv[2][0];
	}
	/* ftok(3): only the low 8 bits of proj_id are used; 0 is unspecified */
	key = ftok(argv[1], (int)proj);
	if (key == (key_t)-1) {
		struct ipcerr_ctx c;

		sysv_ctx(&c, "file", -1);
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

/* kind: 0 msgget, 1 shmget, 2 semget. Returns the builtin's status. */
static int
sysv_get(int argc, char **argv, int kind)
{
	static const char *const objs[] = { "queue", "segment",
	    "semaphore set" };
	struct ipcerr_ctx c;
	int opt, flags = 0, id, want = kind == 0 ? 1 : 2;
	long mode = 0644, n = 0;
	key_t key;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		return sysv_help(argv[0], tr(sysv_get_help[kind][0],
		    sysv_get_help[kind][1]));
	optind = 0;
	opterr = 1;
	while ((opt = getopt(argc, argv, "+cxp:")) != -1) {
		switch (opt) {
		case 'c':
			flags |= IPC_CREAT;
			break;
		case 'x':
			flags |= IPC_EXCL;
			break;
		case 'p':
			if (sysvcmd_parse_int(optarg, 8, 0, 0777, &mode) < 0)
				return sysv_bad(argv[0], "mode", optarg);
			break;
		default:
			return bi_usage(argv[0]);
		}
	}
	if (argc - optind != want)
		return bi_usage(argv[0]);
	if (sysv_parse_key(argv[optind], &key) < 0)
		return sysv_bad(argv[0], "key", argv[optind]);
	if (kind != 0 && sysvcmd_parse_int(argv[optind + 1], 0, 0,
	    LONG_MAX, &n) < 0)
		return sysv_bad(argv[0], kind == 1 ? "size" : "nsems",
		    argv[optind + 1]);
	flags |= (int)mode;
	if (kind == 0)
		id = msgget(key, flags);
	else if (kind == 1)
		id = shmget(key, (size_t)n, flags);
	else
		id = semget(key, (int)n, flags);
	if (id < 0) {
		sysv_ctx(&c, objs[kind], -1);
		c.key = key == IPC_PRIVATE ? -1 : (long)(unsigned)key;
		c.size = (unsigned long)n;
		return ipcerr_report(argv[0], argv[0], errno, &c);
	}
	printf("%d\n", id);
	return 0;
}

int
bi_msgget(int argc, char **argv)
{
	return sysv_get(argc, argv, 0);
}

int
bi_shmget(int argc, char **argv)
{
	return sysv_get(argc, argv, 1);
}

int
bi_semget(int argc, char **argv)
{
	return sysv_get(argc, argv, 2);
}

/* msgsnd [-n] [-k KEY | QID] TYPE [TEXT...] */

/* Reads all of standard input (the builtin's fd 0) into a malloc'd buffer. */
static char *
sysv_read_stdin(size_t *len)
{
	char *buf = NULL, *nb;
	size_t cap = 0, n = 0;
	ssize_t r;

	for (;;) {
		if (n + 4096 > cap) {
			cap = cap ? cap * 2 : 8192;
			nb = realloc(buf, cap);
			if (nb == NULL) {
				free(buf);
				return NULL;
			}
			buf = nb;
		}
		r = read(STDIN_FILENO, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
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
	struct msqid_ds ds;

	sysv_ctx(&c, "queue", id);
	c.nowait = nowait;
	c.size = len;
	c.type = type;
	if (err == EAGAIN && msgctl(id, IPC_STAT, &ds) == 0) {
		c.qbytes = ds.msg_qbytes;
		c.cbytes = ds.__msg_cbytes;
	} else if (err == EINVAL) {
		c.qbytes = sysv_msgmax();	/* EINVAL: over msgmax? */
	}
	return ipcerr_report(name, "msgsnd", err, &c);
}

int
bi_msgsnd(int argc, char **argv)
{
	struct sysv_wait w;
	struct msgbuf *m;
	struct ipcerr_ctx c;
	const char *keyarg = NULL;
	char *text = NULL;
	size_t len = 0, i;
	long type;
	int opt, nowait = 0, id = -1, r, err, status = 0;
	key_t key;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		return sysv_help(argv[0], tr(
		    "msgsnd(2): sends TEXT (or standard input) as one message of TYPE (> 0).\n"
		    "  -n      IPC_NOWAIT: fail with EAGAIN instead of waiting when the queue is full\n"
		    "  -k KEY  find the queue with msgget(KEY, 0) instead of giving QID\n",
		    "msgsnd(2)：把 TEXT（或标准输入）作为一条类型为 TYPE（> 0）的消息发送。\n"
		    "  -n      IPC_NOWAIT：队列满时不等待，返回 EAGAIN\n"
		    "  -k KEY  用 msgget(KEY, 0) 找到队列，代替 QID\n"));
	optind = 0;
	opterr = 1;
	while ((opt = getopt(argc, argv, "+nk:")) != -1) {
		switch (opt) {
		case 'n':
			nowait = 1;
			break;
		case 'k':
			keyarg = optarg;
			break;
		default:
			return bi_usage(argv[0]);
		}
	}
	if (keyarg != NULL) {
		if (sysv_parse_key(keyarg, &key) < 0)
			return sysv_bad(argv[0], "key", keyarg);
	} else {
		if (optind >= argc)
			return bi_usage(argv[0]);
		if (sysv_parse_id(argv[optind], &id) < 0)
			return sysv_bad(argv[0], "queue id", argv[optind]);
		optind++;
	}
	if (optind >= argc)
		return bi_usage(argv[0]);
	if (sysvcmd_parse_int(argv[optind], 10, LONG_MIN, LONG_MAX,
	    &type) < 0)
		return sysv_bad(argv[0], "type", argv[optind]);
	optind++;
	if (keyarg != NULL && (id = msgget(key, 0)) < 0) {
		sysv_ctx(&c, "queue", -1);
		c.key = (long)(unsigned)key;
		return ipcerr_report(argv[0], "msgget", errno, &c);
	}
	if (optind < argc) {
		for (i = (size_t)optind; i < (size_t)argc; i++)
			len += strlen(argv[i]) + 1;
		text = malloc(len);
		if (text == NULL)
			return bi_errorf(argv[0], "%s", strerror(ENOMEM));
		text[0] = '\0';
		for (i = (size_t)optind; i < (size_t)argc; i++) {
			if (i > (size_t)optind)
				strcat(text, " ");
			strcat(text, argv[i]);
		}
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
	sysv_wait_begin(&w);
	/* msgsnd(2): blocks while the queue has no room, unless IPC_NOWAIT */
	while ((r = msgsnd(id, m, len, nowait ? IPC_NOWAIT : 0)) < 0 &&
	    errno == EINTR && !sysv_wait_stop())
		;
	err = errno;
	sysv_wait_end(&w);
	free(m);
	if (r < 0 && err == EINTR)
		status = sysv_interrupted(argv[0], "msgsnd", "queue", id);
	else if (r < 0)
		status = sysv_msgsnd_fail(argv[0], id, err, nowait, len, type);
	return status;
}

/* msgrcv [-t TYPE] [-n] [-e] [-x] [-s SIZE] [-k KEY | QID] */

int
bi_msgrcv(int argc, char **argv)
{
	struct sysv_wait w;
	struct ipcerr_ctx c;
	struct msgbuf *m;
	const char *keyarg = NULL;
	long type = 0, size = -1;
	int opt, flags = 0, id, err;
	ssize_t n;
	key_t key;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		return sysv_help(argv[0], tr(
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
		    "  -k KEY   用 msgget(KEY, 0) 找到队列\n"));
	optind = 0;
	opterr = 1;
	while ((opt = getopt(argc, argv, "+t:nexs:k:")) != -1) {
		switch (opt) {
		case 't':
			if (sysvcmd_parse_int(optarg, 10, LONG_MIN + 1,
			    LONG_MAX, &type) < 0)
				return sysv_bad(argv[0], "type", optarg);
			break;
		case 'n':
			flags |= IPC_NOWAIT;
			break;
		case 'e':
			flags |= MSG_NOERROR;
			break;
		case 'x':
			flags |= MSG_EXCEPT;
			break;
		case 's':
			if (sysvcmd_parse_int(optarg, 0, 0, INT32_MAX,
			    &size) < 0)
				return sysv_bad(argv[0], "size", optarg);
			break;
		case 'k':
			keyarg = optarg;
			break;
		default:
			return bi_usage(argv[0]);
		}
	}
	if (keyarg != NULL) {
		if (optind != argc)
			return bi_usage(argv[0]);
		if (sysv_parse_key(keyarg, &key) < 0)
			return sysv_bad(argv[0], "key", keyarg);
		if ((id = msgget(key, 0)) < 0) {
			sysv_ctx(&c, "queue", -1);
			c.key = (long)(unsigned)key;
			return ipcerr_report(argv[0], "msgget", errno, &c);
		}
	} else {
		if (optind != argc - 1)
			return bi_usage(argv[0]);
		if (sysv_parse_id(argv[optind], &id) < 0)
			return sysv_bad(argv[0], "queue id", argv[optind]);
	}
	if (size < 0)
		size = (long)sysv_msgmax();
	m = malloc(sizeof(long) + (size_t)size + 1);
	if (m == NULL)
		return bi_errorf(argv[0], "%s", strerror(ENOMEM));
	sysv_wait_begin(&w);
	/* msgrcv(2): blocks until a message of the wanted type arrives */
	while ((n = msgrcv(id, m, (size_t)size, type, flags)) < 0 &&
	    errno == EINTR && !sysv_wait_stop())
		;
	err = errno;
	sysv_wait_end(&w);
	if (n < 0) {
		free(m);
		if (err == EINTR)
			return sysv_interrupted(argv[0], "msgrcv", "queue", id);
		sysv_ctx(&c, "queue", id);
		c.type = type;
		c.nowait = (flags & IPC_NOWAIT) != 0;
		c.except = (flags & MSG_EXCEPT) != 0;
		c.size = (unsigned long)size;
		return ipcerr_report(argv[0], "msgrcv", err, &c);
	}
	printf("%ld ", m->mtype);
	fwrite(m->mtext, 1, (size_t)n, stdout);
	putchar('\n');
	free(m);
	return 0;
}

/* Shared by msgctl, shmctl and semctl: "set uid=.. gid=.. mode=.." */

struct sysv_set {
	long	uid, gid, mode, qbytes;	/* -1: leave as it is */
};

static int
sysv_parse_owner(const char *v, int group, long *out)
{
	if (sysvcmd_parse_int(v, 10, 0, UINT32_MAX - 1, out) == 0)
		return 0;
	if (group) {
		struct group *g = getgrnam(v);

		if (g == NULL)
			return -1;
		*out = g->gr_gid;
	} else {
		struct passwd *p = getpwnam(v);

		if (p == NULL)
			return -1;
		*out = p->pw_uid;
	}
	return 0;
}

/* Parses KEY=VALUE words; -1 after reporting the bad one. */
static int
sysv_parse_set(const char *name, int argc, char **argv, int qbytes_ok,
    struct sysv_set *s)
{
	const char *eq;
	int i, r;

	s->uid = s->gid = s->mode = s->qbytes = -1;
	if (argc == 0) {
		bi_errorf(name, "%s", tr("set: nothing to set", "set：没有要设置的字段"));
		return -1;
	}
	for (i = 0; i < argc; i++) {
		eq = strchr(argv[i], '=');
		r = -1;
		if (eq == NULL)
			;
		else if (strncmp(argv[i], "uid=", 4) == 0)
			r = sysv_parse_owner(eq + 1, 0, &s->uid);
		else if (strncmp(argv[i], "gid=", 4) == 0)
			r = sysv_parse_owner(eq + 1, 1, &s->gid);
		else if (strncmp(argv[i], "mode=", 5) == 0)
			r = sysvcmd_parse_int(eq + 1, 8, 0, 0777, &s->mode);
		else if (qbytes_ok && strncmp(argv[i], "qbytes=", 7) == 0)
			r = sysvcmd_parse_int(eq + 1, 0, 0, LONG_MAX,
			    &s->qbytes);
		if (r < 0) {
			bi_errorf(name, tr("set: bad field '%s'",
			    "set：无效的字段 '%s'"), argv[i]);
			return -1;
		}
	}
	return 0;
}

static void
sysv_apply_set(struct ipc_perm *p, const struct sysv_set *s)
{
	if (s->uid >= 0)
		p->uid = (uid_t)s->uid;
	if (s->gid >= 0)
		p->gid = (gid_t)s->gid;
	if (s->mode >= 0)
		p->mode = (p->mode & ~0777u) | (unsigned)s->mode;
}

static const char *
sysv_user(uid_t uid)
{
	struct passwd *p = getpwuid(uid);

	return p != NULL ? p->pw_name : "?";
}

static const char *
sysv_group(gid_t gid)
{
	struct group *g = getgrgid(gid);

	return g != NULL ? g->gr_name : "?";
}

static void
sysv_print_perm(const char *pre, const struct ipc_perm *p)
{
	printf("%s_perm.key   0x%08x\n", pre, (unsigned)p->__key);
	printf("%s_perm.uid   %u (%s)\n", pre, (unsigned)p->uid,
	    sysv_user(p->uid));
	printf("%s_perm.gid   %u (%s)\n", pre, (unsigned)p->gid,
	    sysv_group(p->gid));
	printf("%s_perm.cuid  %u (%s)\n", pre, (unsigned)p->cuid,
	    sysv_user(p->cuid));
	printf("%s_perm.cgid  %u (%s)\n", pre, (unsigned)p->cgid,
	    sysv_group(p->cgid));
	printf("%s_perm.mode  %04o\n", pre, (unsigned)p->mode);
}

static void
sysv_print_time(const char *label, time_t t)
{
	char b[32];

	if (t == 0) {
		printf("%-13s %s\n", label, tr("not set", "未设置"));
		return;
	}
	printf("%-13s %.24s (%ld)\n", label, ctime_r(&t, b) ? b : "?",
	    (long)t);
}

/*
 * The words of msgctl (shm 0) and shmctl (shm 1): an id, then a verb;
 * set takes FIELD=VALUE words (qbytes= only for queues), the others none.
 * Returns 0 with *id, *cmd and *s filled, or the status after reporting.
 */
static int
sysv_ctl_args(int argc, char **argv, int shm, int *id, int *cmd,
    struct sysv_set *s)
{
	static const struct { const char *verb; int cmd; } verbs[] = {
		{ "stat", IPC_STAT }, { "rm", IPC_RMID }, { "set", IPC_SET },
		{ "lock", SHM_LOCK }, { "unlock", SHM_UNLOCK },
	};
	int i, n = shm ? 5 : 3;

	if (argc < 3)
		return bi_usage(argv[0]);
	if (sysv_parse_id(argv[1], id) < 0)
		return sysv_bad(argv[0], shm ? "segment id" : "queue id",
		    argv[1]);
	for (i = 0; i < n && strcmp(argv[2], verbs[i].verb) != 0; i++)
		;
	if (i == n || (verbs[i].cmd != IPC_SET && argc != 3))
		return bi_usage(argv[0]);
	*cmd = verbs[i].cmd;
	if (*cmd == IPC_SET && sysv_parse_set(argv[0], argc - 3, argv + 3,
	    !shm, s) < 0)
		return bi_usage(argv[0]);
	return 0;
}

/* msgctl QID stat | set FIELD=VALUE... | rm */

int
bi_msgctl(int argc, char **argv)
{
	struct msqid_ds ds;
	struct ipcerr_ctx c;
	struct sysv_set s;
	int id, cmd, r;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		return sysv_help(argv[0], tr(
		    "msgctl(2) on queue QID:\n"
		    "  stat  IPC_STAT: print the msqid_ds fields\n"
		    "  set   IPC_SET: change qbytes=N mode=0600 uid=USER gid=GROUP\n"
		    "  rm    IPC_RMID: remove the queue and its messages\n",
		    "对消息队列 QID 执行 msgctl(2)：\n"
		    "  stat  IPC_STAT：打印 msqid_ds 的各字段\n"
		    "  set   IPC_SET：修改 qbytes=N mode=0600 uid=用户 gid=组\n"
		    "  rm    IPC_RMID：删除队列及其中的消息\n"));
	if ((r = sysv_ctl_args(argc, argv, 0, &id, &cmd, &s)) != 0)
		return r;
	sysv_ctx(&c, "queue", id);
	if (cmd == IPC_RMID) {
		if (msgctl(id, IPC_RMID, NULL) < 0)
			return ipcerr_report(argv[0], "msgctl(IPC_RMID)",
			    errno, &c);
		return 0;
	}
	if (msgctl(id, IPC_STAT, &ds) < 0)
		return ipcerr_report(argv[0], "msgctl(IPC_STAT)", errno, &c);
	if (cmd == IPC_SET) {
		sysv_apply_set(&ds.msg_perm, &s);
		if (s.qbytes >= 0)
			ds.msg_qbytes = (msglen_t)s.qbytes;
		if (msgctl(id, IPC_SET, &ds) < 0)
			return ipcerr_report(argv[0], "msgctl(IPC_SET)",
			    errno, &c);
		return 0;
	}
	printf("msqid         %d\n", id);
	sysv_print_perm("msg", &ds.msg_perm);
	sysv_print_time("msg_stime", ds.msg_stime);
	sysv_print_time("msg_rtime", ds.msg_rtime);
	sysv_print_time("msg_ctime", ds.msg_ctime);
	printf("msg_cbytes    %lu\n", (unsigned long)ds.__msg_cbytes);
	printf("msg_qnum      %lu\n", (unsigned long)ds.msg_qnum);
	printf("msg_qbytes    %lu\n", (unsigned long)ds.msg_qbytes);
	printf("msg_lspid     %d\n", (int)ds.msg_lspid);
	printf("msg_lrpid     %d\n", (int)ds.msg_lrpid);
	return 0;
}

/* shmctl ID stat | set FIELD=VALUE... | rm | lock | unlock */

int
bi_shmctl(int argc, char **argv)
{
	struct shmid_ds ds;
	struct ipcerr_ctx c;
	struct sysv_set s;
	int id, cmd, r;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		return sysv_help(argv[0], tr(
		    "shmctl(2) on segment ID:\n"
		    "  stat  IPC_STAT: print the shmid_ds fields\n"
		    "  set   IPC_SET: change mode=0600 uid=USER gid=GROUP\n"
		    "  rm    IPC_RMID: remove it once the last process detaches\n"
		    "  lock, unlock  SHM_LOCK, SHM_UNLOCK: keep it in RAM or not\n",
		    "对共享内存段 ID 执行 shmctl(2)：\n"
		    "  stat  IPC_STAT：打印 shmid_ds 的各字段\n"
		    "  set   IPC_SET：修改 mode=0600 uid=用户 gid=组\n"
		    "  rm    IPC_RMID：最后一个进程分离后删除\n"
		    "  lock, unlock  SHM_LOCK, SHM_UNLOCK：锁定在内存中或解锁\n"));
	if ((r = sysv_ctl_args(argc, argv, 1, &id, &cmd, &s)) != 0)
		return r;
	sysv_ctx(&c, "segment", id);
	if (cmd == IPC_RMID || cmd == SHM_LOCK || cmd == SHM_UNLOCK) {
		if (shmctl(id, cmd, NULL) < 0)
			return ipcerr_report(argv[0], cmd == IPC_RMID ?
			    "shmctl(IPC_RMID)" : cmd == SHM_LOCK ?
			    "shmctl(SHM_LOCK)" : "shmctl(SHM_UNLOCK)",
			    errno, &c);
		return 0;
	}
	if (shmctl(id, IPC_STAT, &ds) < 0)
		return ipcerr_report(argv[0], "shmctl(IPC_STAT)", errno, &c);
	if (cmd == IPC_SET) {
		sysv_apply_set(&ds.shm_perm, &s);
		if (shmctl(id, IPC_SET, &ds) < 0)
			return ipcerr_report(argv[0], "shmctl(IPC_SET)",
			    errno, &c);
		return 0;
	}
	printf("shmid         %d\n", id);
	sysv_print_perm("shm", &ds.shm_perm);
	printf("shm_segsz     %zu\n", (size_t)ds.shm_segsz);
	sysv_print_time("shm_atime", ds.shm_atime);
	sysv_print_time("shm_dtime", ds.shm_dtime);
	sysv_print_time("shm_ctime", ds.shm_ctime);
	printf("shm_cpid      %d\n", (int)ds.shm_cpid);
	printf("shm_lpid      %d\n", (int)ds.shm_lpid);
	printf("shm_nattch    %lu\n", (unsigned long)ds.shm_nattch);
	if (ds.shm_perm.mode & SHM_DEST)
		printf("%s\n", tr("status        dest (removed; goes away at the last detach)",
		    "status        dest（已删除，最后一个进程分离后消失）"));
	return 0;
}

/* shmat(2) the segment; reports and returns NULL on failure. */
static void *
sysv_attach(const char *name, int id, int flags, size_t *size)
{
	struct ipcerr_ctx c;
	struct shmid_ds ds;
	void *p;

	sysv_ctx(&c, "segment", id);
	if (shmctl(id, IPC_STAT, &ds) < 0) {
		ipcerr_report(name, "shmctl(IPC_STAT)", errno, &c);
		return NULL;
	}
	p = shmat(id, NULL, flags);
	if (p == (void *)-1) {
		ipcerr_report(name, "shmat", errno, &c);
		return NULL;
	}
	*size = ds.shm_segsz;
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
	static const struct option longopts[] = {
		{ "offset", required_argument, NULL, 'o' },
		{ "hold", required_argument, NULL, 'H' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	long off = 0, hold = 0;
	size_t size, len = 0;
	int opt, id, i, status = 0;
	char *p;

	optind = 0;
	opterr = 1;
	while ((opt = getopt_long(argc, argv, "+o:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			if (sysvcmd_parse_int(optarg, 0, 0, LONG_MAX, &off) < 0)
				return sysv_bad(argv[0], "offset", optarg);
			break;
		case 'H':
			if (sysvcmd_parse_int(optarg, 10, 0, 86400, &hold) < 0)
				return sysv_bad(argv[0], "seconds", optarg);
			break;
		case 'h':
			return sysv_help(argv[0], tr(
			    "Attaches segment ID (shmat), copies TEXT at OFFSET with its final NUL, detaches (shmdt).\n"
			    "  --hold SECONDS  stay attached that long before shmdt, so ipcs shows nattch;\n"
			    "                  run it in the background (&) to keep working meanwhile;\n"
			    "                  Ctrl+C detaches at once\n",
			    "连接共享内存段 ID (shmat)，把 TEXT 连同结尾的 NUL 复制到 OFFSET 处，再分离 (shmdt)。\n"
			    "  --hold SECONDS  分离前保持连接这么久，ipcs 可看到 nattch；\n"
			    "                  可放到后台 (&) 运行以便继续操作；Ctrl+C 立即分离\n"));
		default:
			return bi_usage(argv[0]);
		}
	}
	if (argc - optind < 1)
		return bi_usage(argv[0]);
	if (sysv_parse_id(argv[optind], &id) < 0)
		return sysv_bad(argv[0], "segment id", argv[optind]);
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
	size_t size, n;
	int opt, id, hex = 0;
	char *p;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		return sysv_help(argv[0], tr(
		    "Attaches segment ID read-only (shmat SHM_RDONLY), prints its text up to the first NUL\n"
		    "(or LEN bytes), detaches.  -x: a hexdump instead.\n",
		    "以只读方式连接共享内存段 ID (shmat SHM_RDONLY)，打印到第一个 NUL 为止的文本\n"
		    "（或 LEN 字节），再分离。-x：改为十六进制转储。\n"));
	optind = 0;
	opterr = 1;
	while ((opt = getopt(argc, argv, "+o:n:x")) != -1) {
		switch (opt) {
		case 'o':
			if (sysvcmd_parse_int(optarg, 0, 0, LONG_MAX, &off) < 0)
				return sysv_bad(argv[0], "offset", optarg);
			break;
		case 'n':
			if (sysvcmd_parse_int(optarg, 0, 0, LONG_MAX, &len) < 0)
				return sysv_bad(argv[0], "length", optarg);
			break;
		case 'x':
			hex = 1;
			break;
		default:
			return bi_usage(argv[0]);
		}
	}
	if (argc - optind != 1)
		return bi_usage(argv[0]);
	if (sysv_parse_id(argv[optind], &id) < 0)
		return sysv_bad(argv[0], "segment id", argv[optind]);
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
	struct sysv_wait w;
	struct ipcerr_ctx c;
	struct sembuf op;
	long num, delta;
	int opt, id, r, err, flags = 0;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		return sysv_help(argv[0], tr(
		    "semop(2): adds DELTA to semaphore SEMNUM of set ID. A negative DELTA waits\n"
		    "until the value is large enough (P); a positive one wakes waiters (V);\n"
		    "0 waits for zero.  -n IPC_NOWAIT   -u SEM_UNDO\n",
		    "semop(2)：给信号量集 ID 的第 SEMNUM 个信号量加上 DELTA。DELTA 为负时\n"
		    "等到值足够大（P 操作）；为正时唤醒等待者（V 操作）；为 0 时等待值变为 0。\n"
		    "  -n IPC_NOWAIT   -u SEM_UNDO\n"));
	optind = 0;
	opterr = 1;
	while ((opt = getopt(argc, argv, "+nu")) != -1) {
		switch (opt) {
		case 'n':
			flags |= IPC_NOWAIT;
			break;
		case 'u':
			flags |= SEM_UNDO;
			break;
		default:
			return bi_usage(argv[0]);
		}
	}
	if (argc - optind != 3)
		return bi_usage(argv[0]);
	if (sysv_parse_id(argv[optind], &id) < 0)
		return sysv_bad(argv[0], "semaphore set id", argv[optind]);
	if (sysvcmd_parse_int(argv[optind + 1], 10, 0, USHRT_MAX, &num) < 0)
		return sysv_bad(argv[0], "semnum", argv[optind + 1]);
	if (sysvcmd_parse_int(argv[optind + 2], 10, SHRT_MIN, SHRT_MAX,
	    &delta) < 0)
		return sysv_bad(argv[0], "delta", argv[optind + 2]);
	op.sem_num = (unsigned short)num;
	op.sem_op = (short)delta;
	op.sem_flg = (short)flags;
	sysv_wait_begin(&w);
	while ((r = semop(id, &op, 1)) < 0 && errno == EINTR &&
	    !sysv_wait_stop())
		;
	err = errno;
	sysv_wait_end(&w);
	if (r < 0 && err == EINTR)
		return sysv_interrupted(argv[0], "semop", "semaphore set", id);
	if (r < 0) {
		sysv_ctx(&c, "semaphore set", id);
		c.nowait = (flags & IPC_NOWAIT) != 0;
		return ipcerr_report(argv[0], "semop", err, &c);
	}
	return 0;
}

/* semctl ID stat | getval N | setval N V | getall | rm */

static int
sysv_semctl_stat(int id)
{
	struct sysv_sem s;
	struct sysv_semval *v;
	struct semid_ds ds;
	unsigned long i;

	if (semctl(id, 0, IPC_STAT, &ds) < 0 || sysv_sem_stat(id, &s) < 0)
		return -1;
	printf("semid         %d\n", id);
	sysv_print_perm("sem", &ds.sem_perm);
	sysv_print_time("sem_otime", ds.sem_otime);
	sysv_print_time("sem_ctime", ds.sem_ctime);
	printf("sem_nsems     %lu\n", s.nsems);
	v = calloc(s.nsems ? s.nsems : 1, sizeof(*v));
	if (v == NULL || sysv_sem_members(id, v, s.nsems) < 0) {
		free(v);
		return -1;
	}
	printf("%-7s %-6s %-7s %-7s %s\n", "semnum", "value", "ncount",
	    "zcount", "pid");
	for (i = 0; i < s.nsems; i++)
		printf("%-7lu %-6d %-7d %-7d %d\n", i, v[i].val, v[i].ncnt,
		    v[i].zcnt, (int)v[i].pid);
	free(v);
	return 0;
}

int
bi_semctl(int argc, char **argv)
{
	struct ipcerr_ctx c;
	struct sysv_sem s;
	unsigned short *all;
	long num = 0, val = 0;
	int id, r;
	unsigned long i;
	const char *op;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		return sysv_help(argv[0], tr(
		    "semctl(2) on set ID: stat (IPC_STAT and every value), getval N (GETVAL),\n"
		    "setval N V (SETVAL), getall (GETALL), rm (IPC_RMID)\n",
		    "对信号量集 ID 执行 semctl(2)：stat（IPC_STAT 及所有值）、getval N (GETVAL)、\n"
		    "setval N V (SETVAL)、getall (GETALL)、rm (IPC_RMID)\n"));
	if (argc < 3)
		return bi_usage(argv[0]);
	if (sysv_parse_id(argv[1], &id) < 0)
		return sysv_bad(argv[0], "semaphore set id", argv[1]);
	op = argv[2];
	if ((strcmp(op, "stat") == 0 || strcmp(op, "rm") == 0 ||
	    strcmp(op, "getall") == 0) && argc == 3)
		;
	else if (strcmp(op, "getval") == 0 && argc == 4) {
		if (sysvcmd_parse_int(argv[3], 10, 0, INT_MAX, &num) < 0)
			return sysv_bad(argv[0], "semnum", argv[3]);
	} else if (strcmp(op, "setval") == 0 && argc == 5) {
		if (sysvcmd_parse_int(argv[3], 10, 0, INT_MAX, &num) < 0)
			return sysv_bad(argv[0], "semnum", argv[3]);
		if (sysvcmd_parse_int(argv[4], 10, INT_MIN, INT_MAX, &val) < 0)
			return sysv_bad(argv[0], "value", argv[4]);
	} else {
		return bi_usage(argv[0]);
	}
	sysv_ctx(&c, "semaphore set", id);
	if (strcmp(op, "stat") == 0) {
		if (sysv_semctl_stat(id) < 0)
			return ipcerr_report(argv[0], "semctl(IPC_STAT)",
			    errno, &c);
		return 0;
	}
	if (strcmp(op, "rm") == 0) {
		if (semctl(id, 0, IPC_RMID) < 0)
			return ipcerr_report(argv[0], "semctl(IPC_RMID)",
			    errno, &c);
		return 0;
	}
	if (strcmp(op, "getval") == 0) {
		if ((r = semctl(id, (int)num, GETVAL)) < 0)
			return ipcerr_report(argv[0], "semctl(GETVAL)",
			    errno, &c);
		printf("%d\n", r);
		return 0;
	}
	if (strcmp(op, "setval") == 0) {
		if (semctl(id, (int)num, SETVAL, (int)val) < 0)
			return ipcerr_report(argv[0], "semctl(SETVAL)",
			    errno, &c);
		return 0;
	}
	if (sysv_sem_stat(id, &s) < 0)
		return ipcerr_report(argv[0], "semctl(IPC_STAT)", errno, &c);
	all = calloc(s.nsems ? s.nsems : 1, sizeof(*all));
	if (all == NULL)
		return bi_errorf(argv[0], "%s", strerror(ENOMEM));
	if (sysv_sem_values(id, all, s.nsems) < 0) {
		free(all);
		return ipcerr_report(argv[0], "semctl(GETALL)", errno, &c);
	}
	for (i = 0; i < s.nsems; i++)
		printf("%s%u", i ? " " : "", all[i]);
	printf("\n");
	free(all);
	return 0;
}

const struct builtin builtins_sysv[] = {
	{ "ipcs", bi_ipcs,
	  "ipcs [-q|-m|-s|-a] [-t|-c|-p|-l|-u] [-b|--human] | ipcs -q|-m|-s -i <id>",
	  "show message queues, shared memory segments and semaphore sets", 0 },
	{ "ipcrm", bi_ipcrm,
	  "ipcrm [-q|-m|-s <id>] [-Q|-M|-S <key>] [-a [msg|shm|sem]] [-v]... | ipcrm msg|shm|sem <id>...",
	  "remove System V IPC objects by id or key", 0 },
	{ "ipcmk", bi_ipcmk,
	  "ipcmk -Q | -M <size> | -S <nsems> [-p <mode>]",
	  "create a message queue, shared memory segment or semaphore set", 0 },
	{ "ftok", bi_ftok, "ftok <path> <proj>",
	  "print the System V key ftok(3) makes from a file and a project id", 0 },
	{ "msgget", bi_msgget, "msgget [-c] [-x] [-p <mode>] <key>|private",
	  "msgget(2): the id of a message queue", 0 },
	{ "msgsnd", bi_msgsnd,
	  "msgsnd [-n] <qid>|-k <key> <type> [text...]",
	  "msgsnd(2): send one message", 0 },
	{ "msgrcv", bi_msgrcv,
	  "msgrcv [-t <type>] [-n] [-e] [-x] [-s <size>] <qid>|-k <key>",
	  "msgrcv(2): receive one message and print \"type text\"", 0 },
	{ "msgctl", bi_msgctl,
	  "msgctl <qid> stat | set [qbytes=N] [mode=M] [uid=U] [gid=G] | rm",
	  "msgctl(2): IPC_STAT, IPC_SET or IPC_RMID on a queue", 0 },
	{ "shmget", bi_shmget, "shmget [-c] [-x] [-p <mode>] <key>|private <size>",
	  "shmget(2): the id of a shared memory segment", 0 },
	{ "shmwrite", bi_shmwrite,
	  "shmwrite [-o <offset>] [--hold <seconds>] <id> <text>...",
	  "shmat(2), copy text, shmdt(2)", 0 },
	{ "shmread", bi_shmread, "shmread [-o <offset>] [-n <len>] [-x] <id>",
	  "shmat(2) read-only, print text or hexdump, shmdt(2)", 0 },
	{ "shmctl", bi_shmctl, "shmctl <id> stat | set [mode=M] [uid=U] [gid=G] | rm | lock | unlock",
	  "shmctl(2): IPC_STAT, IPC_SET or IPC_RMID on a segment", 0 },
	{ "semget", bi_semget, "semget [-c] [-x] [-p <mode>] <key>|private <nsems>",
	  "semget(2): the id of a semaphore set", 0 },
	{ "semop", bi_semop, "semop [-n] [-u] <id> <semnum> <delta>",
	  "semop(2): P (negative delta) or V (positive) on one semaphore", 0 },
	{ "semctl", bi_semctl,
	  "semctl <id> stat | getval <n> | setval <n> <v> | getall | rm",
	  "semctl(2) on a semaphore set", 0 },
	{ NULL, NULL, NULL, NULL, 0 },
};
