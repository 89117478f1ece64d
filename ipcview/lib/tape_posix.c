/*
 * tape_posix.c - the tape's POSIX message queues (the mq_* system calls;
 * mq_getattr and mq_setattr are mq_getsetattr) and shared memory objects
 * (shm_open and shm_unlink are an openat and an unlink of /dev/shm/NAME;
 * ftruncate and mmap of such a descriptor).
 */
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "sigtab.h"
#include "tape.h"
#include "tape_int.h"

#define PX_SHMDIR	"/dev/shm/"

void
px_fdname(struct tp *t, int fd, char *buf, size_t size)
{
	char path[64], link[300], *p;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)t->pid, fd);
	n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0) {
		snprintf(buf, size, "?");
		return;
	}
	link[n] = '\0';
	if ((p = strstr(link, " (deleted)")) != NULL && p[10] == '\0')
		*p = '\0';
	p = link;
	if (strncmp(p, PX_SHMDIR, strlen(PX_SHMDIR)) == 0)
		p += strlen(PX_SHMDIR) - 1;	/* "/NAME" */
	snprintf(buf, size, "%s", p);
}

/* open(2) flags in words: "O_RDWR|O_CREAT|O_EXCL". */
static void
px_oflags(struct rb *r, unsigned long fl)
{
	char buf[80];

	snprintf(buf, sizeof(buf), "%s%s%s%s%s",
	    (fl & O_ACCMODE) == O_WRONLY ? "O_WRONLY" :
	    (fl & O_ACCMODE) == O_RDWR ? "O_RDWR" : "O_RDONLY",
	    fl & O_CREAT ? "|O_CREAT" : "", fl & O_EXCL ? "|O_EXCL" : "",
	    fl & O_TRUNC ? "|O_TRUNC" : "",
	    fl & O_NONBLOCK ? "|O_NONBLOCK" : "");
	rb_str(r, "flags", buf);
}

/* A path of the tracee under /dev/shm: its name "/NAME" in buf, or 0. */
static int
px_shmpath(pid_t pid, unsigned long addr, char *buf, size_t size)
{
	char head[sizeof(PX_SHMDIR)], path[300];
	size_t n = strlen(PX_SHMDIR);

	/* most paths fail here, at one small read */
	if (addr == 0 || sys_peek(pid, addr, head, n) < 0 ||
	    memcmp(head, PX_SHMDIR, n) != 0)
		return 0;
	sys_peekstr(pid, addr, path, sizeof(path));
	if (strchr(path + n, '/') != NULL || path[n] == '\0')
		return 0;
	snprintf(buf, size, "/%s", path + n);
	return 1;
}

/* The mq_* calls. */
static void
px_mq(struct tracer *tr, struct tp *t, long nr, long rval)
{
	unsigned long *a = t->args;
	char name[300], sig[24];
	struct sigevent ev;
	struct mq_attr at;
	unsigned int prio;
	struct rb r;

	rb_start(&r, t->pid, "pmq");
	switch (nr) {
	case SYS_mq_open:
	case SYS_mq_unlink:
		/* the C library passes the name without its leading slash */
		name[0] = '/';
		sys_peekstr(t->pid, a[0], name + 1, sizeof(name) - 1);
		rb_str(&r, "call", nr == SYS_mq_open ? "mq_open" : "mq_unlink");
		rb_str(&r, "name", name);
		if (nr == SYS_mq_unlink)
			break;
		px_oflags(&r, a[1]);
		if ((a[1] & O_CREAT) && a[3] != 0 &&
		    sys_peek(t->pid, a[3], &at, sizeof(at)) == 0) {
			rb_num(&r, "maxmsg", at.mq_maxmsg);
			rb_num(&r, "msgsize", at.mq_msgsize);
		}
		if (rval >= 0)
			rb_num(&r, "fd", rval);
		break;
	case SYS_mq_timedsend:
	case SYS_mq_timedreceive:
		px_fdname(t, (int)a[0], name, sizeof(name));
		rb_str(&r, "call", nr == SYS_mq_timedsend ? "mq_timedsend" :
		    "mq_timedreceive");
		rb_str(&r, "name", name);
		rb_num(&r, "fd", (long)(int)a[0]);
		if (nr == SYS_mq_timedsend) {
			rb_num(&r, "size", (long)a[2]);
			rb_num(&r, "prio", (long)(unsigned)a[3]);
		} else {
			rb_num(&r, "size", rval >= 0 ? rval : (long)a[2]);
			if (rval >= 0 && a[3] != 0 &&
			    sys_peek(t->pid, a[3], &prio, sizeof(prio)) == 0)
				rb_num(&r, "prio", (long)prio);
		}
		if (a[4] != 0)
			rb_num(&r, "timeout", 1);
		break;
	case SYS_mq_getsetattr:
		/* mq_getattr(3) passes no new attributes, mq_setattr(3) does */
		px_fdname(t, (int)a[0], name, sizeof(name));
		rb_str(&r, "call", a[1] != 0 ? "mq_setattr" : "mq_getattr");
		rb_str(&r, "name", name);
		rb_num(&r, "fd", (long)(int)a[0]);
		if (a[1] != 0 && sys_peek(t->pid, a[1], &at, sizeof(at)) == 0)
			rb_str(&r, "flags", at.mq_flags & O_NONBLOCK ?
			    "O_NONBLOCK" : "0");
		if (rval == 0 && a[2] != 0 &&
		    sys_peek(t->pid, a[2], &at, sizeof(at)) == 0) {
			/* as they were (before a set) */
			rb_str(&r, a[1] != 0 ? "was" : "flags",
			    at.mq_flags & O_NONBLOCK ? "O_NONBLOCK" : "0");
			rb_num(&r, "maxmsg", at.mq_maxmsg);
			rb_num(&r, "msgsize", at.mq_msgsize);
			rb_num(&r, "curmsgs", at.mq_curmsgs);
		}
		break;
	case SYS_mq_notify:
		px_fdname(t, (int)a[0], name, sizeof(name));
		rb_str(&r, "call", "mq_notify");
		rb_str(&r, "name", name);
		rb_num(&r, "fd", (long)(int)a[0]);
		if (a[1] == 0) {
			rb_str(&r, "notify", "remove");
		} else if (sys_peek(t->pid, a[1], &ev, sizeof(ev)) == 0) {
			if (ev.sigev_notify == SIGEV_SIGNAL) {
				snprintf(sig, sizeof(sig), "SIG%s",
				    sig_name(ev.sigev_signo) ?
				    sig_name(ev.sigev_signo) : "?");
				rb_str(&r, "notify", sig);
			} else {
				rb_str(&r, "notify", ev.sigev_notify ==
				    SIGEV_THREAD ? "thread" : "none");
			}
		}
		break;
	}
	sys_result(&r, rval);
	rb_end(&r, tr->out);
}

/* A descriptor of a POSIX shm object: its name in buf, 1; else 0. */
static int
px_shmfd(struct tp *t, int fd, char *buf, size_t size)
{
	unsigned long ino;

	if (sys_fdkind(t, fd, &ino) != FK_SHM)
		return 0;
	px_fdname(t, fd, buf, size);
	return 1;
}

/* A record of POSIX shared memory: call, name. */
static void
px_shm(struct rb *r, struct tp *t, const char *call, const char *name)
{
	rb_start(r, t->pid, "pshm");
	rb_str(r, "call", call);
	rb_str(r, "name", name);
}

int
px_exit(struct tracer *tr, struct tp *t, long nr, long rval)
{
	unsigned long *a = t->args;
	char name[300], buf[40];
	struct rb r;

	switch (nr) {
	case SYS_mq_open:
	case SYS_mq_unlink:
	case SYS_mq_timedsend:
	case SYS_mq_timedreceive:
	case SYS_mq_notify:
	case SYS_mq_getsetattr:
		px_mq(tr, t, nr, rval);
		return 1;
	case SYS_openat:
		if (!px_shmpath(t->pid, a[1], name, sizeof(name)))
			return 0;
		px_shm(&r, t, "shm_open", name);
		px_oflags(&r, a[2]);
		if (rval >= 0)
			rb_num(&r, "fd", rval);
		break;
#ifdef SYS_unlink
	case SYS_unlink:
		if (!px_shmpath(t->pid, a[0], name, sizeof(name)))
			return 0;
		px_shm(&r, t, "shm_unlink", name);
		break;
#endif
	case SYS_unlinkat:
		if (!px_shmpath(t->pid, a[1], name, sizeof(name)))
			return 0;
		px_shm(&r, t, "shm_unlink", name);
		break;
	case SYS_ftruncate:
		if (!px_shmfd(t, (int)a[0], name, sizeof(name)))
			return 0;
		px_shm(&r, t, "ftruncate", name);
		rb_num(&r, "fd", (long)(int)a[0]);
		rb_num(&r, "size", (long)a[1]);
		break;
	case SYS_mmap:
		if ((int)a[4] < 0 || (a[3] & MAP_ANONYMOUS) ||
		    !px_shmfd(t, (int)a[4], name, sizeof(name)))
			return 0;
		px_shm(&r, t, "mmap", name);
		rb_num(&r, "fd", (long)(int)a[4]);
		rb_num(&r, "size", (long)a[1]);
		rb_str(&r, "map", (a[3] & MAP_TYPE) == MAP_SHARED ||
		    (a[3] & MAP_TYPE) == MAP_SHARED_VALIDATE ? "MAP_SHARED" :
		    "MAP_PRIVATE");
		snprintf(buf, sizeof(buf), "%s%s%s",
		    a[2] & PROT_READ ? "PROT_READ" : "",
		    (a[2] & PROT_READ) && (a[2] & PROT_WRITE) ? "|" : "",
		    a[2] & PROT_WRITE ? "PROT_WRITE" : "");
		rb_str(&r, "prot", buf[0] ? buf : "PROT_NONE");
		if (rval < 0 && rval > -4096) {
			sys_result(&r, rval);
		} else {
			snprintf(buf, sizeof(buf), "0x%lx", (unsigned long)rval);
			rb_str(&r, "addr", buf);
			rb_num(&r, "result", 0);
		}
		rb_end(&r, tr->out);
		return 1;
	default:
		return 0;
	}
	sys_result(&r, rval);
	rb_end(&r, tr->out);
	return 1;
}
