/*
 * tape_pre.c - what a child of the shell tells the tracer right before
 * its execve(2) (argv, the file, the descriptors it will hold), and the
 * tracer's use of it at the exec stop.
 */
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>

#include "tape.h"
#include "tape_int.h"

/* The stack pointer in the registers PTRACE_GETREGSET gives. */
#if defined(__x86_64__)
#define PRE_SP(r)	((r).rsp)
#elif defined(__aarch64__)
#define PRE_SP(r)	((r).sp)
#endif

/* "/proc/PID/fd" without stdio (async-signal-safe). */
static void
pre_fddir(char *buf, pid_t pid)
{
	char num[16];
	int n = 0;

	do {
		num[n++] = (char)('0' + pid % 10);
		pid /= 10;
	} while (pid > 0);
	memcpy(buf, "/proc/", 6);
	buf += 6;
	while (n > 0)
		*buf++ = num[--n];
	memcpy(buf, "/fd", 4);
}

/* Adds fd when it is open and stays open across execve. 0, or -1: full. */
static int
pre_fd(struct tape_pre *p, int fd)
{
	struct tape_pre_fd *f;
	struct statfs sf;
	struct stat st;
	int fl;

	fl = fcntl(fd, F_GETFD);
	if (fl < 0 || (fl & FD_CLOEXEC) || fstat(fd, &st) < 0)
		return 0;
	if (p->nfd == TAPE_PRE_NFD)
		return -1;
	f = &p->fd[p->nfd++];
	memset(f, 0, sizeof(*f));
	f->fd = fd;
	f->mode = st.st_mode;
	f->dev = st.st_dev;
	f->ino = st.st_ino;
	if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
		f->flags = fcntl(fd, F_GETFL);
	else if ((S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) &&
	    fstatfs(fd, &sf) == 0)
		f->fstype = (long)sf.f_type;
	return 0;
}

/*
 * The descriptors, in increasing order as /proc lists them: 0 to hi,
 * then the parent's above hi. The folder is read with getdents64(2):
 * a buffer not nearly full holds all of it (see tape_trace.c).
 */
static int
pre_list(struct tape_pre *p, int hi)
{
	union {
		struct dirent64	d;
		char		b[4096];
	} buf;
	struct dirent64 *d;
	char path[32];
	long len, off;
	int fd, dir, rc = 0;
	const char *c;

	for (fd = 0; fd <= hi && rc == 0; fd++)
		rc = pre_fd(p, fd);
	pre_fddir(path, getppid());
	dir = rc == 0 ? open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	if (dir < 0)
		return -1;
	do {
		len = syscall(SYS_getdents64, dir, buf.b, sizeof(buf.b));
		for (off = 0; off < len && rc == 0; off += d->d_reclen) {
			d = (struct dirent64 *)(buf.b + off);
			for (fd = 0, c = d->d_name; *c >= '0' && *c <= '9'; c++)
				fd = fd * 10 + (*c - '0');
			if (c != d->d_name && *c == '\0' && fd > hi)
				rc = pre_fd(p, fd);
		}
	} while (rc == 0 &&
	    len >= (long)sizeof(buf.b) - (long)sizeof(struct dirent64));
	close(dir);
	return len < 0 ? -1 : rc;
}

int
tape_pre_make(struct tape_pre *p, const char *path, char *const argv[],
    int hi)
{
	struct stat st;
	size_t n, room;
	int i;

	p->nfd = 0;
	if (pre_list(p, hi) < 0)
		p->nfd = -1;
	p->pgid = getpgrp();
	p->dev = p->ino = 0;
	p->ctime = 0;
	if (stat(path, &st) == 0) {
		p->dev = st.st_dev;
		p->ino = st.st_ino;
		p->ctime = (long long)st.st_ctim.tv_sec * 1000000000LL +
		    st.st_ctim.tv_nsec;
	}
	n = strlen(path) + 1;
	if (n > PATH_MAX)
		return -1;
	memcpy(p->text, path, n);
	p->pathlen = (int)n;
	p->argvlen = 0;
	room = TAPE_PRE_ARGV;
	for (i = 0; argv[i] != NULL; i++) {
		n = strlen(argv[i]) + 1;
		if (n > room)
			n = room;
		memcpy(p->text + p->pathlen + p->argvlen, argv[i], n);
		p->argvlen += (int)n;
		room -= n;
	}
	p->argc = i;
	return 0;
}

/* The tracer's side. */

void
pre_init(struct tracer *tr)
{
	struct stat st;
	int p[2];

	tr->pipe_dev = 0;
	if (pipe2(p, O_CLOEXEC) == 0) {
		if (fstat(p[0], &st) == 0)
			tr->pipe_dev = st.st_dev;
		close(p[0]);
		close(p[1]);
	}
	tr->shm_dev = stat("/dev/shm", &st) == 0 ? st.st_dev : 0;
}

void
pre_fini(struct tracer *tr)
{
	int i;

	for (i = 0; i < TR_NEXE; i++) {
		free(tr->exes[i].given);
		free(tr->exes[i].real);
	}
}

int
pre_ok(const void *msg, size_t len)
{
	const struct tape_pre *p = msg;
	size_t head = offsetof(struct tape_pre, text);

	return len >= head && p->nfd >= -1 && p->nfd <= TAPE_PRE_NFD &&
	    p->pathlen >= 1 && p->pathlen <= PATH_MAX && p->argvlen >= 0 &&
	    p->argvlen <= TAPE_PRE_ARGV &&
	    len == head + (size_t)p->pathlen + (size_t)p->argvlen &&
	    p->text[p->pathlen - 1] == '\0';
}

void
pre_keep(struct tracer *tr, pid_t pid, const void *msg, size_t len)
{
	const struct tape_pre *p = msg;
	struct tp *t = tr_find(tr, pid);

	if (t == NULL || !pre_ok(msg, len))
		return;
	free(t->pre);
	t->pre = malloc(sizeof(*t->pre));
	if (t->pre != NULL)
		memcpy(t->pre, p, len);
}

const char *
pre_known(const struct tracer *tr, const struct tape_pre *p)
{
	int i;

	if (p->text[0] != '/' || p->ino == 0)
		return NULL;
	for (i = 0; i < TR_NEXE; i++)
		if (tr->exes[i].given != NULL && tr->exes[i].ino == p->ino &&
		    tr->exes[i].dev == p->dev &&
		    tr->exes[i].ctime == p->ctime &&
		    strcmp(tr->exes[i].given, p->text) == 0)
			return tr->exes[i].real;
	return NULL;
}

struct tape_pre *
pre_take(struct tracer *tr, struct tp *t)
{
	struct tape_pre *p = t->pre;
#ifdef PRE_SP
	struct user_regs_struct regs;
	struct iovec io = { &regs, sizeof(regs) };
	long argc = -1;
#endif

	t->pre = NULL;
	if (p == NULL)
		return NULL;
	/*
	 * A file remembered by pre_exe ran itself (its /proc/PID/exe was
	 * that file) and has not changed since: no interpreter this time
	 * either, and no look at the new program's stack.
	 */
	if (pre_known(tr, p) != NULL)
		return p;
#ifndef PRE_SP
	free(p);	/* no stack pointer known: look as always */
	return NULL;
#else
	/*
	 * At the exec stop the new program's stack starts with argc. An
	 * interpreter (#! or binfmt_misc) is put before the file's name:
	 * one more argument, another /proc/PID/exe, another argv.
	 */
	errno = 0;
	if (ptrace(PTRACE_GETREGSET, t->pid, (void *)NT_PRSTATUS, &io) == 0)
		argc = ptrace(PTRACE_PEEKDATA, t->pid, (void *)PRE_SP(regs),
		    NULL);
	if (errno != 0 || argc != p->argc) {
		free(p);
		return NULL;
	}
	return p;
#endif
}

void
pre_exe(struct tracer *tr, struct tp *t, const struct tape_pre *p, char *exe,
    size_t size)
{
	const char *given = p->text, *known = pre_known(tr, p);
	char path[64];
	struct stat st;
	ssize_t n;
	int i;

	if (known != NULL) {
		snprintf(exe, size, "%s", known);
		return;
	}
	snprintf(path, sizeof(path), "/proc/%d/exe", (int)t->pid);
	n = readlink(path, exe, size - 1);
	exe[n > 0 ? n : 0] = '\0';
	/* the file the child named is the one that runs: remember it */
	if (given[0] != '/' || p->ino == 0 || n <= 0 || stat(path, &st) != 0 ||
	    st.st_ino != p->ino || st.st_dev != p->dev)
		return;
	i = tr->exes_next;
	tr->exes_next = (i + 1) % TR_NEXE;
	free(tr->exes[i].given);
	free(tr->exes[i].real);
	tr->exes[i].given = strdup(given);
	tr->exes[i].real = strdup(exe);
	tr->exes[i].dev = p->dev;
	tr->exes[i].ino = p->ino;
	tr->exes[i].ctime = p->ctime;
	if (tr->exes[i].given == NULL || tr->exes[i].real == NULL) {
		free(tr->exes[i].given);
		free(tr->exes[i].real);
		tr->exes[i].given = tr->exes[i].real = NULL;
	}
}

/*
 * The kind of a descriptor told, as sys_fdkind would find it from its
 * /proc link: a pipe (pipefs), a device or a plain file or folder (none
 * of the kinds) at once; anything that may be a FIFO, a socket, a POSIX
 * queue or shm object by the slow way.
 */
static int
pre_kind(struct tracer *tr, struct tp *t, const struct tape_pre_fd *f,
    unsigned long *ino)
{
	int kind;

	if (S_ISFIFO(f->mode) && tr->pipe_dev != 0 && f->dev == tr->pipe_dev) {
		kind = FK_PIPE;
		*ino = f->ino;
	} else if (S_ISCHR(f->mode) || S_ISBLK(f->mode) ||
	    ((S_ISREG(f->mode) || S_ISDIR(f->mode)) &&
	    f->fstype != TP_MQUEUE_MAGIC && f->dev != tr->shm_dev)) {
		kind = FK_OTHER;
		*ino = 0;
	} else {
		return sys_fdkind(t, f->fd, ino);
	}
	if (f->fd >= 0 && f->fd < TP_NFD) {
		t->fdkind[f->fd] = (unsigned char)kind;
		t->fdino[f->fd] = *ino;
	}
	return kind;
}

int
pre_plain(const struct tracer *tr, const struct tape_pre *p)
{
	const struct tape_pre_fd *f;
	int i;

	if (p->nfd < 0)
		return 0;
	for (i = 0; i < p->nfd; i++) {
		f = &p->fd[i];
		if (!S_ISCHR(f->mode) && !S_ISBLK(f->mode) &&
		    !((S_ISREG(f->mode) || S_ISDIR(f->mode)) &&
		    f->fstype != TP_MQUEUE_MAGIC && f->dev != tr->shm_dev))
			return 0;
	}
	return 1;
}

int
pre_fds(struct tracer *tr, struct tp *t, const struct tape_pre *p,
    struct tr_fd *v, int *posix)
{
	unsigned long ino;
	int i, n = 0, kind, acc;

	if (p->nfd < 0)
		return -1;
	*posix = 0;
	memset(t->fdkind, 0, sizeof(t->fdkind));
	for (i = 0; i < p->nfd && n < TR_NFDS; i++) {
		kind = pre_kind(tr, t, &p->fd[i], &ino);
		if (kind == FK_MQ || kind == FK_SHM)
			*posix = 1;
		if (kind != FK_PIPE && kind != FK_FIFO && kind != FK_SOCK)
			continue;
		acc = p->fd[i].flags & O_ACCMODE;
		v[n].fd = p->fd[i].fd;
		v[n].kind = kind;
		v[n].ino = ino;
		v[n].end = acc == O_WRONLY ? "write" : acc == O_RDWR ?
		    "both" : "read";
		n++;
	}
	return n;
}
