/*
 * posixipc.c - the POSIX IPC builtins beside System V's: message queues
 * (mqsend, mqrecv, mqstat, mqrm: mq_overview(7)) and shared memory
 * objects (shmopen, shmput, shmcat, shmunlink: shm_overview(7)).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <mqueue.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/intr.h"
#include "i18n.h"
#include "shell.h"
#include "sysvcmd.h"

#define PX_MQ	"POSIX message queue"
#define PX_SHM	"POSIX shm object"

/*
 * A name as mq_open(3) and shm_open(3) take it, "/NAME" (the slash may
 * be left out): into buf, or the status 2 after reporting a bad one.
 */
static int
px_name(const char *cmd, const char *arg, char *buf, size_t size)
{
	const char *n = arg[0] == '/' ? arg + 1 : arg;

	if (n[0] == '\0' || strchr(n, '/') != NULL || strlen(n) > NAME_MAX)
		return sysvcmd_bad(cmd, tr("name (one / and up to 255 other characters, no other /)",
		    "名字（一个 / 加上最多 255 个其他字符，不能再有 /）"), arg);
	snprintf(buf, size, "/%s", n);
	return 0;
}

/* -t SECS: a number of seconds, fractions allowed (0.5). 0 or 2. */
static int
px_timeout(const char *cmd, const char *arg, struct timespec *abs)
{
	char *end;
	double s;

	errno = 0;
	s = strtod(arg, &end);
	if (errno != 0 || end == arg || *end != '\0' || !isfinite(s) ||
	    s < 0 || s > 1e7)
		return sysvcmd_bad(cmd, tr("number of seconds", "秒数"), arg);
	/* mq_timedsend(3): the timeout is a moment of CLOCK_REALTIME */
	clock_gettime(CLOCK_REALTIME, abs);
	abs->tv_sec += (time_t)s;
	abs->tv_nsec += (long)((s - (double)(time_t)s) * 1e9);
	if (abs->tv_nsec >= 1000000000L) {
		abs->tv_sec++;
		abs->tv_nsec -= 1000000000L;
	}
	return 0;
}

static void
px_ctx(struct ipcerr_ctx *c, const char *obj, const char *name)
{
	sysvcmd_ctx(c, obj, -1);
	c->name = name;
}

/* Reports call's failure on name (ctx given or made); returns 1. */
static int
px_fail(const char *cmd, const char *call, int err, const char *obj,
    const char *name)
{
	struct ipcerr_ctx c;

	px_ctx(&c, obj, name);
	return ipcerr_report(cmd, call, err, &c);
}

/* ------------------------------------------------------------------ */
/* message queues                                                      */

struct px_mqopts {
	int		create, excl, nonblock, timed;
	long		mode, prio, maxmsg, msgsize;
	struct timespec	abs;
	const char	*timeout;
};

static const char px_mqsend_help[2][600] = {
	"mq_send(3): sends MSG (the words joined by spaces) to the POSIX queue\n"
	"NAME (\"/NAME\"; the slash may be left out).\n"
	"  -p PRIO   its priority (0-32767): higher ones are received first\n"
	"  -n        O_NONBLOCK: fail with EAGAIN instead of waiting on a full queue\n"
	"  -t SECS   mq_timedsend(3): wait at most SECS seconds (0.5 allowed)\n"
	"  -c        O_CREAT: create the queue if needed (-x: O_EXCL, must be new)\n"
	"  -m MODE   its permissions when created (0644)\n"
	"  -M N, -S N  mq_maxmsg and mq_msgsize when created (the system's defaults)\n",
	"mq_send(3)：把 MSG（各词以空格连接）发送到 POSIX 消息队列 NAME\n"
	"（\"/NAME\"；可省略斜杠）。\n"
	"  -p PRIO   优先级（0-32767）：优先级高的先被接收\n"
	"  -n        O_NONBLOCK：队列满时以 EAGAIN 失败而不等待\n"
	"  -t SECS   mq_timedsend(3)：最多等待 SECS 秒（可以是 0.5）\n"
	"  -c        O_CREAT：不存在就创建（-x：O_EXCL，必须是新的）\n"
	"  -m MODE   创建时的权限（0644）\n"
	"  -M N, -S N  创建时的 mq_maxmsg 与 mq_msgsize（默认为系统的）\n",
};

static const char px_mqrecv_help[2][400] = {
	"mq_receive(3): receives the oldest message of the highest priority from\n"
	"the POSIX queue NAME and prints \"PRIO TEXT\".\n"
	"  -n        O_NONBLOCK: fail with EAGAIN instead of waiting on an empty queue\n"
	"  -t SECS   mq_timedreceive(3): wait at most SECS seconds\n",
	"mq_receive(3)：从 POSIX 消息队列 NAME 接收优先级最高的消息中最早的一条，\n"
	"打印 \"PRIO TEXT\"（优先级 文本）。\n"
	"  -n        O_NONBLOCK：队列空时以 EAGAIN 失败而不等待\n"
	"  -t SECS   mq_timedreceive(3)：最多等待 SECS 秒\n",
};

/* Options of mqsend and mqrecv; 0, -1 after --help, or the status 2. */
static int
px_mq_options(int argc, char **argv, const char *help, const char *optstr,
    struct px_mqopts *o)
{
	const struct sysvcmd_num nums[] = {
		{ 'm', 8, 0, 0777, "mode", &o->mode },
		{ 'p', 10, 0, 32767, tr("priority", "优先级"), &o->prio },
		{ 'M', 10, 1, INT_MAX, "mq_maxmsg", &o->maxmsg },
		{ 'S', 10, 1, INT_MAX, "mq_msgsize", &o->msgsize },
		{ 0, 0, 0, 0, NULL, NULL },
	};
	int opt, st;

	memset(o, 0, sizeof(*o));
	o->mode = 0644;
	o->maxmsg = o->msgsize = -1;
	if (sysvcmd_start(argc, argv, help))
		return -1;
	while ((opt = getopt(argc, argv, optstr)) != -1) {
		switch (opt) {
		case 'c':
			o->create = 1;
			break;
		case 'x':
			o->excl = 1;
			break;
		case 'n':
			o->nonblock = 1;
			break;
		case 't':
			if ((st = px_timeout(argv[0], optarg, &o->abs)) != 0)
				return st;
			o->timed = 1;
			o->timeout = optarg;
			break;
		default:
			if ((st = sysvcmd_num_opt(argv[0], opt, nums)) != 0)
				return st < 0 ? bi_usage(argv[0]) : st;
		}
	}
	if ((o->excl || o->maxmsg > 0 || o->msgsize > 0) && !o->create) {
		bi_errorf(argv[0], "%s", tr("-x, -M and -S go with -c (they say how to create the queue)",
		    "-x、-M 与 -S 须与 -c 一起使用（它们说明如何创建队列）"));
		return bi_usage(argv[0]);
	}
	return 0;
}

/*
 * mq_open(3) with o's flags: the defaults of /proc/sys/fs/mqueue when
 * created without -M/-S (both or neither: mq_open takes the two).
 */
static mqd_t
px_mq_open(const char *name, int acc, const struct px_mqopts *o)
{
	struct mq_attr a = { 0 }, *ap = NULL;
	int fl = acc | (o->nonblock ? O_NONBLOCK : 0);
	long dmax = 10, dsize = 8192;
	FILE *f;

	if (o->create)
		fl |= O_CREAT | (o->excl ? O_EXCL : 0);
	if (o->create && (o->maxmsg > 0 || o->msgsize > 0)) {
		if ((f = fopen("/proc/sys/fs/mqueue/msg_default", "re"))) {
			if (fscanf(f, "%ld", &dmax) != 1)
				dmax = 10;
			fclose(f);
		}
		if ((f = fopen("/proc/sys/fs/mqueue/msgsize_default", "re"))) {
			if (fscanf(f, "%ld", &dsize) != 1)
				dsize = 8192;
			fclose(f);
		}
		a.mq_maxmsg = o->maxmsg > 0 ? o->maxmsg : dmax;
		a.mq_msgsize = o->msgsize > 0 ? o->msgsize : dsize;
		ap = &a;
	}
	return mq_open(name, fl, (mode_t)o->mode, ap);
}

/* The report of a send or receive that failed with err; 1 or 128+sig. */
static int
px_mq_failed(const char *cmd, const char *call, int err, mqd_t q,
    const char *name, const struct px_mqopts *o, size_t len)
{
	struct ipcerr_ctx c;
	struct mq_attr a;
	int st, sig = intr_caught();

	px_ctx(&c, PX_MQ, name);
	c.nowait = o->nonblock;
	c.timeout = o->timeout;
	if (mq_getattr(q, &a) == 0) {
		c.qbytes = (unsigned long)(err == EMSGSIZE ? a.mq_msgsize :
		    a.mq_maxmsg);
		c.cbytes = (unsigned long)a.mq_curmsgs;
	}
	c.size = len;
	if (err != EINTR)
		return ipcerr_report(cmd, call, err, &c);
	st = intr_status(sig ? sig : SIGINT);
	ipcerr_report(cmd, call, err, &c);
	return st;
}

/* mqsend [-c [-x] [-m MODE] [-M N] [-S N]] [-p PRIO] [-n] [-t SECS] NAME MSG */
static int
bi_mqsend(int argc, char **argv)
{
	struct px_mqopts o;
	struct intr w;
	char name[NAME_MAX + 2], *text;
	size_t len;
	mqd_t q;
	int st, r, err;

	st = px_mq_options(argc, argv, tr(px_mqsend_help[0],
	    px_mqsend_help[1]), "+cxnm:p:M:S:t:", &o);
	if (st != 0)
		return st < 0 ? 0 : st;
	if (argc - optind < 2)
		return bi_usage(argv[0]);
	if ((st = px_name(argv[0], argv[optind], name, sizeof(name))) != 0)
		return st;
	/* the words after NAME joined by spaces, as echo would */
	text = bi_join(argc - optind - 1, argv + optind + 1);
	if (text == NULL)
		return bi_errorf(argv[0], "%s", strerror(ENOMEM));
	len = strlen(text);
	q = px_mq_open(name, O_WRONLY, &o);
	if (q == (mqd_t)-1) {
		free(text);
		return px_fail(argv[0], "mq_open", errno, PX_MQ, name);
	}
	intr_begin(&w);
	do {
		r = o.timed ? mq_timedsend(q, text, len, (unsigned)o.prio,
		    &o.abs) : mq_send(q, text, len, (unsigned)o.prio);
	} while (r < 0 && errno == EINTR && !intr_caught());
	err = errno;
	intr_end(&w);
	st = r < 0 ? px_mq_failed(argv[0], "mq_send", err, q, name, &o, len) :
	    0;
	mq_close(q);
	free(text);
	return st;
}

/* mqrecv [-n] [-t SECS] NAME */
static int
bi_mqrecv(int argc, char **argv)
{
	struct px_mqopts o;
	struct mq_attr a;
	struct intr w;
	char name[NAME_MAX + 2], *buf;
	unsigned prio = 0;
	ssize_t n;
	mqd_t q;
	int st, err;

	st = px_mq_options(argc, argv, tr(px_mqrecv_help[0],
	    px_mqrecv_help[1]), "+nt:", &o);
	if (st != 0)
		return st < 0 ? 0 : st;
	if (argc - optind != 1)
		return bi_usage(argv[0]);
	if ((st = px_name(argv[0], argv[optind], name, sizeof(name))) != 0)
		return st;
	q = px_mq_open(name, O_RDONLY, &o);
	if (q == (mqd_t)-1)
		return px_fail(argv[0], "mq_open", errno, PX_MQ, name);
	/* mq_receive(3): the buffer must hold mq_msgsize bytes */
	if (mq_getattr(q, &a) < 0 ||
	    (buf = malloc((size_t)a.mq_msgsize + 1)) == NULL) {
		err = errno;
		mq_close(q);
		return px_fail(argv[0], "mq_getattr", err, PX_MQ, name);
	}
	intr_begin(&w);
	do {
		n = o.timed ? mq_timedreceive(q, buf, (size_t)a.mq_msgsize,
		    &prio, &o.abs) : mq_receive(q, buf, (size_t)a.mq_msgsize,
		    &prio);
	} while (n < 0 && errno == EINTR && !intr_caught());
	err = errno;
	intr_end(&w);
	if (n < 0) {
		st = px_mq_failed(argv[0], "mq_receive", err, q, name, &o, 0);
	} else {
		printf("%u ", prio);
		fwrite(buf, 1, (size_t)n, stdout);
		putchar('\n');
	}
	free(buf);
	mq_close(q);
	return st;
}

/* name, mode, owner of an open POSIX object, one "key value" a line. */
static void
px_print_stat(const char *name, int fd)
{
	struct passwd *pw;
	struct stat st;

	printf("%-9s %s\n", "name", name);
	if (fstat(fd, &st) < 0)
		return;
	printf("%-9s %04o\n", "mode", (unsigned)st.st_mode & 0777);
	pw = getpwuid(st.st_uid);
	if (pw != NULL)
		printf("%-9s %s\n", "owner", pw->pw_name);
	else
		printf("%-9s %u\n", "owner", (unsigned)st.st_uid);
}

/* mqstat NAME: mq_getattr(3) and the queue's mode and owner. */
static int
bi_mqstat(int argc, char **argv)
{
	char name[NAME_MAX + 2];
	struct mq_attr a;
	mqd_t q;
	int st, err;

	if (sysvcmd_start(argc, argv, tr(
	    "Prints the attributes of the POSIX queue NAME (mq_getattr(3)): mq_curmsgs\n"
	    "messages in it, at most mq_maxmsg of at most mq_msgsize bytes; its mode, owner.\n",
	    "打印 POSIX 消息队列 NAME 的属性 (mq_getattr(3))：mq_curmsgs 为其中的消息数，\n"
	    "最多 mq_maxmsg 条、每条最多 mq_msgsize 字节；以及权限与拥有者。\n")))
		return 0;
	if (argc != 2 || argv[1][0] == '-')
		return bi_usage(argv[0]);
	if ((st = px_name(argv[0], argv[1], name, sizeof(name))) != 0)
		return st;
	/* O_RDONLY: reading the attributes receives nothing */
	q = mq_open(name, O_RDONLY);
	if (q == (mqd_t)-1 && errno == EACCES)
		q = mq_open(name, O_WRONLY);
	if (q == (mqd_t)-1)
		return px_fail(argv[0], "mq_open", errno, PX_MQ, name);
	if (mq_getattr(q, &a) < 0) {
		err = errno;
		mq_close(q);
		return px_fail(argv[0], "mq_getattr", err, PX_MQ, name);
	}
	px_print_stat(name, q);
	printf("%-9s %ld\n%-9s %ld\n%-9s %ld\n", "curmsgs", a.mq_curmsgs,
	    "maxmsg", a.mq_maxmsg, "msgsize", a.mq_msgsize);
	mq_close(q);
	return 0;
}

/*
 * mqrm and shmunlink (the name says which): one unlink per name; a
 * failure stops none.
 */
static int
bi_pxunlink(int argc, char **argv)
{
	char name[NAME_MAX + 2];
	int i, st = 0, mq = strcmp(argv[0], "mqrm") == 0;

	if (sysvcmd_start(argc, argv, mq ? tr(
	    "mq_unlink(3): removes the POSIX queues NAME...; a process that has one open\n"
	    "keeps it until it closes it.\n",
	    "mq_unlink(3)：删除 POSIX 消息队列 NAME...；已打开它的进程在关闭前仍可使用。\n") :
	    tr("shm_unlink(3): removes the POSIX shm objects NAME...; mappings stay\n"
	    "until munmap.\n",
	    "shm_unlink(3)：删除 POSIX 共享内存对象 NAME...；已有的映射保留到 munmap 为止。\n")))
		return 0;
	if (argc < 2)
		return bi_usage(argv[0]);
	/* every name checked before any is removed */
	for (i = 1; i < argc; i++)
		if ((st = px_name(argv[0], argv[i], name, sizeof(name))) != 0)
			return st;
	for (i = 1; i < argc; i++) {
		px_name(argv[0], argv[i], name, sizeof(name));
		if ((mq ? mq_unlink(name) : shm_unlink(name)) < 0)
			st = px_fail(argv[0], mq ? "mq_unlink" : "shm_unlink",
			    errno, mq ? PX_MQ : PX_SHM, name);
	}
	return st;
}

/* ------------------------------------------------------------------ */
/* shared memory objects                                               */

/* shmopen [-c] [-x] [-m MODE] [-s SIZE] NAME */
static int
bi_shmopen(int argc, char **argv)
{
	static const struct sysvcmd_flag create[] = {
		{ 'c', O_CREAT }, { 'x', O_EXCL }, { 0, 0 },
	};
	char name[NAME_MAX + 2];
	int fd, st, err, fl = O_RDONLY;
	long mode = 0600, size = -1;
	const struct sysvcmd_num nums[] = {
		{ 'm', 8, 0, 0777, "mode", &mode },
		{ 's', 0, 0, LONG_MAX, "size", &size },
		{ 0, 0, 0, 0, NULL, NULL },
	};
	struct stat sb;

	st = sysvcmd_getopt(argc, argv, tr(
	    "shm_open(3): opens the POSIX shm object NAME (a file of /dev/shm) and prints\n"
	    "its name, mode, owner and size.\n"
	    "  -c  O_CREAT, create it if needed   -x  O_EXCL, it must be new\n"
	    "  -m MODE  permissions when created (0600)\n"
	    "  -s SIZE  ftruncate(2) it to SIZE bytes (a new object has 0)\n",
	    "shm_open(3)：打开 POSIX 共享内存对象 NAME（/dev/shm 中的一个文件），打印\n"
	    "它的名字、权限、拥有者与大小。\n"
	    "  -c  O_CREAT，不存在就创建   -x  O_EXCL，必须是新的\n"
	    "  -m MODE  创建时的权限（0600）\n"
	    "  -s SIZE  用 ftruncate(2) 把它设为 SIZE 字节（新对象为 0 字节）\n"),
	    "+cxm:s:", create, &fl, nums);
	if (st != 0)
		return st < 0 ? 0 : st;
	if (argc - optind != 1 || ((fl & O_EXCL) && !(fl & O_CREAT)))
		return bi_usage(argv[0]);
	if ((st = px_name(argv[0], argv[optind], name, sizeof(name))) != 0)
		return st;
	if (fl & O_CREAT || size >= 0)
		fl = (fl & ~O_ACCMODE) | O_RDWR;	/* for ftruncate */
	fd = shm_open(name, fl, (mode_t)mode);
	if (fd < 0)
		return px_fail(argv[0], "shm_open", errno, PX_SHM, name);
	if (size >= 0 && ftruncate(fd, size) < 0) {
		err = errno;
		close(fd);
		return px_fail(argv[0], "ftruncate", err, PX_SHM, name);
	}
	px_print_stat(name, fd);
	if (fstat(fd, &sb) == 0)
		printf("%-9s %lld\n", "size", (long long)sb.st_size);
	close(fd);
	return 0;
}

/*
 * The object name mapped whole (MAP_SHARED, PROT_READ or also
 * PROT_WRITE), its size in *size; NULL after reporting. A 0-byte object
 * gives a non-NULL pointer that must not be read (and no munmap).
 */
static char *
px_shm_map(const char *cmd, const char *name, int write, size_t *size)
{
	static char empty[1];
	struct stat sb;
	void *p;
	int fd, err;

	fd = shm_open(name, write ? O_RDWR : O_RDONLY, 0);
	if (fd < 0) {
		px_fail(cmd, "shm_open", errno, PX_SHM, name);
		return NULL;
	}
	if (fstat(fd, &sb) < 0 || sb.st_size == 0) {
		close(fd);
		*size = 0;
		return empty;
	}
	*size = (size_t)sb.st_size;
	p = mmap(NULL, *size, write ? PROT_READ | PROT_WRITE : PROT_READ,
	    MAP_SHARED, fd, 0);
	err = errno;
	close(fd);	/* the mapping stays (mmap(2)) */
	if (p == MAP_FAILED) {
		px_fail(cmd, "mmap", err, PX_SHM, name);
		return NULL;
	}
	return p;
}

/*
 * The start of shmput and shmcat: "--help" alone prints help (then -1,
 * the builtin returns 0); else -o OFFSET (and -n LEN, when optstr has
 * it), the operand NAME into name and, when words, one or more words
 * after it. 0, or the builtin's status after reporting.
 */
static int
px_shm_start(int argc, char **argv, const char *help, const char *optstr,
    int words, long *off, long *len, char name[NAME_MAX + 2])
{
	const struct sysvcmd_num nums[] = {
		{ 'o', 0, 0, LONG_MAX, "offset", off },
		{ 'n', 0, 0, LONG_MAX, "length", len },
		{ 0, 0, 0, 0, NULL, NULL },
	};
	int st;

	if ((st = sysvcmd_getopt(argc, argv, help, optstr, NULL, NULL,
	    nums)) != 0)
		return st;
	if (words ? argc - optind < 2 : argc - optind != 1)
		return bi_usage(argv[0]);
	return px_name(argv[0], argv[optind], name, NAME_MAX + 2);
}

/* shmput [-o OFFSET] NAME TEXT... */
static int
bi_shmput(int argc, char **argv)
{
	char name[NAME_MAX + 2], *text, *p;
	long off = 0, len = -1;
	size_t size, n;
	int st;

	st = px_shm_start(argc, argv, tr(
	    "Maps the POSIX shm object NAME (mmap MAP_SHARED) and copies TEXT (the words\n"
	    "joined by spaces) to OFFSET (0), with its NUL when there is room; unmaps.\n",
	    "映射 POSIX 共享内存对象 NAME (mmap MAP_SHARED)，把 TEXT（各词以空格连接）\n"
	    "复制到偏移 OFFSET（0）处，有空间时连同结尾的 NUL；再解除映射。\n"),
	    "+o:", 1, &off, &len, name);
	if (st != 0)
		return st < 0 ? 0 : st;
	if ((text = bi_join(argc - optind - 1, argv + optind + 1)) == NULL)
		return bi_errorf(argv[0], "%s", strerror(ENOMEM));
	n = strlen(text);
	if ((p = px_shm_map(argv[0], name, 1, &size)) == NULL) {
		free(text);
		return 1;
	}
	if ((size_t)off > size || n > size - (size_t)off) {
		st = bi_errorf(argv[0], tr("%zu bytes at offset %ld do not fit in the %zu-byte object %s: make it larger with shmopen -s (past its end a write raises SIGBUS)",
		    "偏移 %2$ld 处的 %1$zu 字节放不进 %3$zu 字节的对象 %4$s：先用 shmopen -s 把它变大（越过结尾写入会引发 SIGBUS）"),
		    n, off, size, name);
	} else {
		memcpy(p + off, text, n);
		if ((size_t)off + n < size)
			p[off + (long)n] = '\0';
	}
	if (size > 0)
		munmap(p, size);
	free(text);
	return st;
}

/* shmcat [-o OFFSET] [-n LEN] NAME */
static int
bi_shmcat(int argc, char **argv)
{
	char name[NAME_MAX + 2], *p;
	long off = 0, len = -1;
	size_t size, n;
	int st;

	st = px_shm_start(argc, argv, tr(
	    "Maps the POSIX shm object NAME read-only and prints its text from OFFSET (0)\n"
	    "up to the first NUL, or LEN bytes; unmaps.\n",
	    "以只读方式映射 POSIX 共享内存对象 NAME，打印从偏移 OFFSET（0）开始到第一个\n"
	    "NUL 为止的文本，或 LEN 字节；再解除映射。\n"),
	    "+o:n:", 0, &off, &len, name);
	if (st != 0)
		return st < 0 ? 0 : st;
	if ((p = px_shm_map(argv[0], name, 0, &size)) == NULL)
		return 1;
	if ((size_t)off > size) {
		st = bi_errorf(argv[0], tr("offset %ld is past the end of the %zu-byte object %s",
		    "偏移 %ld 超出了 %zu 字节的对象 %s"), off, size, name);
	} else {
		n = size - (size_t)off;
		if (len >= 0 && (size_t)len < n)
			n = (size_t)len;
		if (len < 0 && n > 0)
			n = strnlen(p + off, n);
		if (n > 0)
			fwrite(p + off, 1, n, stdout);
		putchar('\n');
	}
	if (size > 0)
		munmap(p, size);
	return st;
}

const struct builtin builtins_posixipc[] = {
	{ "mqsend", bi_mqsend,
	  "mqsend [-c [-x] [-m <mode>] [-M <maxmsg>] [-S <msgsize>]] [-p <prio>] [-n] [-t <secs>] <name> <msg>...",
	  "mq_send(3): send one message, with a priority, to a POSIX queue",
	    "mq_send(3)：向 POSIX 消息队列发送一条带优先级的消息",
	  BI_OWNHELP },
	{ "mqrecv", bi_mqrecv, "mqrecv [-n] [-t <secs>] <name>",
	  "mq_receive(3): take the highest-priority message, print \"prio text\"",
	    "mq_receive(3)：取出优先级最高的消息，打印 \"优先级 文本\"",
	  BI_OWNHELP },
	{ "mqstat", bi_mqstat, "mqstat <name>",
	  "mq_getattr(3): a POSIX queue's messages, limits, mode and owner",
	    "mq_getattr(3)：POSIX 消息队列的消息数、限制、权限、拥有者",
	  BI_OWNHELP },
	{ "mqrm", bi_pxunlink, "mqrm <name>...",
	  "mq_unlink(3): remove POSIX message queues",
	    "mq_unlink(3)：删除 POSIX 消息队列", BI_OWNHELP },
	{ "shmopen", bi_shmopen,
	  "shmopen [-c] [-x] [-m <mode>] [-s <size>] <name>",
	  "shm_open(3): open (create, resize) a POSIX shm object, print size",
	    "shm_open(3)：打开（创建、改变大小）POSIX 共享内存对象",
	  BI_OWNHELP },
	{ "shmput", bi_shmput, "shmput [-o <offset>] <name> <text>...",
	  "mmap(2) a POSIX shm object, copy text into it, munmap",
	    "mmap(2) 映射 POSIX 共享内存对象，复制文本进去，munmap", BI_OWNHELP },
	{ "shmcat", bi_shmcat, "shmcat [-o <offset>] [-n <len>] <name>",
	  "mmap(2) a POSIX shm object read-only, print its text",
	    "mmap(2) 只读映射 POSIX 共享内存对象，打印其文本", BI_OWNHELP },
	{ "shmunlink", bi_pxunlink, "shmunlink <name>...",
	  "shm_unlink(3): remove POSIX shm objects",
	    "shm_unlink(3)：删除 POSIX 共享内存对象", BI_OWNHELP },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
