/*
 * tape_hot.c - copy loops: when a process goes hot (no syscall stops,
 * its bytes counted from /proc/PID/io), on one descriptor or from one
 * into another, its counts while it is hot, and the ends of its pipes,
 * whose calls it does not see: a writer's EPIPE (exact, from the
 * registers at its SIGPIPE) and a reader's end of file (inferred at its
 * exit from its pipe, and said to be so).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <elf.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>

#include "tape.h"
#include "tape_int.h"

/* Now in milliseconds of CLOCK_MONOTONIC. */
static long long
hot_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * What t has read and written in all, from /proc/PID/io: v[0] rchar,
 * v[1] syscr, v[2] wchar, v[3] syscw (every read and write call of the
 * process, on any descriptor, files too). 0 or -1.
 */
static int
hot_io(const struct tp *t, unsigned long long v[4])
{
	static const char *const keys[4] = {
		"rchar:", "syscr:", "wchar:", "syscw:",
	};
	char path[64], buf[512], *p;
	ssize_t n;
	int fd, i;

	snprintf(path, sizeof(path), "/proc/%d/io", (int)t->pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	for (i = 0; i < 4; i++) {
		p = strstr(buf, keys[i]);
		if (p == NULL)
			return -1;
		v[i] = strtoull(p + 6, NULL, 10);
	}
	return 0;
}

void
hot_reset(struct tp *t)
{
	t->hot_nr = t->hot_nw = 0;
}

/*
 * The traced processes that hold a write end of pipe ino on a
 * descriptor they got it on (live: its /proc link still names it).
 */
static int
hot_writers(struct tracer *tr, const struct tp *not, unsigned long ino,
    int live)
{
	char path[64], link[64], want[40];
	struct tp *w;
	ssize_t n;
	int i, k, count = 0;

	snprintf(want, sizeof(want), "pipe:[%lu]", ino);
	for (i = 0; i < 256; i++) {
		for (w = tr->hash[i]; w != NULL; w = w->next) {
			if (w == not || w->thread)
				continue;
			for (k = 0; k < w->nwend; k++) {
				if (w->wend[k].ino != ino)
					continue;
				if (live) {
					snprintf(path, sizeof(path),
					    "/proc/%d/fd/%d", (int)w->pid,
					    w->wend[k].fd);
					n = readlink(path, link,
					    sizeof(link) - 1);
					if (n <= 0)
						continue;
					link[n] = '\0';
					if (strcmp(link, want) != 0)
						continue;
				}
				count++;
				break;
			}
		}
	}
	return count;
}

void
hot_wend_close(struct tp *t, int fd)
{
	int k;

	for (k = 0; k < t->nwend; k++) {
		if (t->wend[k].fd == fd) {
			t->wend[k] = t->wend[--t->nwend];
			return;
		}
	}
}

/*
 * The streak made t hot: its exact run so far is written, then a hot
 * record per way (reads, writes) with the calls of the streak, and from
 * here each way's bytes and calls come from /proc/PID/io. Not where
 * /proc/PID/io cannot be read.
 */
static void
hot_start(struct tracer *tr, struct tp *t)
{
	unsigned long long v[4];
	struct tp_hot *h;
	struct rb r;
	int i;

	if (hot_io(t, v) < 0) {
		t->nohot = 1;	/* no /proc/PID/io to count from */
		return;
	}
	sys_flush(tr, t);
	t->run.op = 0;
	t->hot = 1;
	t->estimate = 1;
	t->io_at = hot_ms();
	for (i = 0; i < 2; i++) {
		h = &t->hrun[i];
		memset(h, 0, sizeof(*h));
		h->calls = i == 0 ? t->hot_nr : t->hot_nw;
		if (h->calls == 0)
			continue;
		h->op = i == 0 ? 'r' : 'w';
		h->fd = i == 0 ? t->hot_rfd : t->hot_wfd;
		h->kind = sys_fdkind(t, h->fd, &h->inode);
		h->io_bytes = v[2 * i];
		h->io_calls = v[2 * i + 1];
		if (h->op == 'r' && h->kind == FK_PIPE)
			h->writers = hot_writers(tr, t, h->inode, 0);
		rb_start(&r, t->pid, "hot");
		rb_num(&r, "inode", (long)h->inode);
		rb_num(&r, "fd", h->fd);
		rb_str(&r, "op", h->op == 'w' ? "write" : "read");
		rb_num(&r, "calls", h->calls);
		if (t->hot_nr > 0 && t->hot_nw > 0)
			rb_num(&r, "streak", t->hot_nr + t->hot_nw);
		if (h->kind == FK_SOCK)
			rb_str(&r, "kind", "socket");
		rb_end(&r, tr->out);
	}
}

void
hot_count(struct tracer *tr, struct tp *t, int fd, int op)
{
	int *mine = op == 'r' ? &t->hot_rfd : &t->hot_wfd;

	/* one descriptor each way: another starts a new streak */
	if (t->hot_nr + t->hot_nw == 0 || (*mine >= 0 && *mine != fd)) {
		t->hot_nr = t->hot_nw = 0;
		t->hot_rfd = t->hot_wfd = -1;
	}
	*mine = fd;
	if (op == 'r')
		t->hot_nr++;
	else
		t->hot_nw++;
	if (t->hot_nr + t->hot_nw >= TP_HOT && !t->nohot && !t->thread)
		hot_start(tr, t);
}

void
hot_flush(struct tracer *tr, struct tp *t)
{
	unsigned long long v[4], bytes, calls;
	struct tp_hot *h;
	struct rb r;
	int i;

	if (hot_io(t, v) < 0)
		return;
	t->io_at = hot_ms();
	for (i = 0; i < 2; i++) {
		h = &t->hrun[i];
		if (h->op == 0)
			continue;
		/* the process's I/O since the last count: an estimate */
		bytes = v[2 * i] - h->io_bytes;
		calls = v[2 * i + 1] - h->io_calls;
		h->io_bytes = v[2 * i];
		h->io_calls = v[2 * i + 1];
		if (bytes == 0)
			continue;
		rb_start(&r, t->pid, h->kind == FK_SOCK ? "sock_io" : "pipe_io");
		rb_num(&r, "inode", (long)h->inode);
		sys_fifo_key(&r, h->kind, h->inode);
		rb_num(&r, "fd", h->fd);
		rb_str(&r, "op", h->op == 'w' ? "write" : "read");
		rb_num(&r, "bytes", (long)bytes);
		rb_num(&r, "calls", (long)calls);
		rb_num(&r, "estimate", 1);
		rb_str(&r, "counted", "io");
		rb_end(&r, tr->out);
	}
}

void
hot_sigpipe(struct tracer *tr, struct tp *t)
{
#if defined(__x86_64__)
	struct user_regs_struct regs;
	struct iovec io = { &regs, sizeof(regs) };
	unsigned long ino;
	int fd, kind;

	/*
	 * Delivered on the way out of the call that failed: its number and
	 * result are still in the registers (orig_rax, rax), its
	 * descriptor in the first argument (the third for splice).
	 */
	if (ptrace(PTRACE_GETREGSET, t->pid, (void *)NT_PRSTATUS, &io) != 0 ||
	    (long)regs.rax != -EPIPE)
		return;
	switch ((long)regs.orig_rax) {
	case SYS_write: case SYS_writev: case SYS_pwrite64: case SYS_pwritev:
	case SYS_pwritev2: case SYS_sendto: case SYS_sendmsg:
	case SYS_sendmmsg: case SYS_vmsplice:
		fd = (int)regs.rdi;
		break;
	case SYS_splice:
		fd = (int)regs.rdx;
		break;
	default:
		return;
	}
	if (fd >= 0 && fd < TP_NFD)
		t->fdkind[fd] = 0;	/* it ran unseen: look again */
	kind = sys_fdkind(t, fd, &ino);
	if (kind == FK_PIPE || kind == FK_FIFO || kind == FK_SOCK)
		sys_epipe(tr, t, fd, ino, kind);
#else
	(void)tr;
	(void)t;	/* the registers of x86_64 only */
#endif
}

/*
 * A copy of t's descriptor fd (pidfd_getfd(2): the same open file, no new
 * open of the pipe) polled at once: 1 when it is a read end at end of
 * file (empty, no write end open), 0 when not, -1 when it is not there.
 */
static int
hot_at_eof(const struct tp *t, int fd, unsigned long ino)
{
	char path[64], link[64], want[40];
	struct pollfd pf;
	int pidfd, rc = 0;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)t->pid, fd);
	snprintf(want, sizeof(want), "pipe:[%lu]", ino);
	n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0)
		return -1;
	link[n] = '\0';
	if (strcmp(link, want) != 0)
		return -1;
	pidfd = (int)syscall(SYS_pidfd_open, t->pid, 0);
	if (pidfd < 0)
		return -1;
	pf.fd = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	close(pidfd);
	if (pf.fd < 0)
		return -1;
	pf.events = POLLIN;
	pf.revents = 0;
	if ((fcntl(pf.fd, F_GETFL) & O_ACCMODE) == O_RDONLY &&
	    poll(&pf, 1, 0) == 1 && (pf.revents & POLLHUP) &&
	    !(pf.revents & POLLIN))
		rc = 1;
	close(pf.fd);
	return rc;
}

void
hot_exiting(struct tracer *tr, struct tp *t)
{
	struct tp_hot *h = &t->hrun[0];
	const char *how;
	struct rb r;
	int eof;

	if (!t->hot || t->thread || h->op != 'r' || h->kind != FK_PIPE)
		return;
	/*
	 * Its reads were not seen. Still there, its read end tells whether
	 * the pipe is at end of file; closed already (as cat closes its
	 * input before it exits), the write ends do: those the tape saw
	 * when it went hot are all closed now.
	 */
	eof = hot_at_eof(t, h->fd, h->inode);
	how = "pipe";
	if (eof < 0) {
		eof = h->writers > 0 &&
		    hot_writers(tr, t, h->inode, 1) == 0;
		how = "writers";
	}
	if (eof <= 0)
		return;
	rb_start(&r, t->pid, "pipe_io");
	rb_num(&r, "inode", (long)h->inode);
	sys_fifo_key(&r, h->kind, h->inode);
	rb_num(&r, "fd", h->fd);
	rb_str(&r, "op", "eof");
	rb_str(&r, "inferred", how);
	rb_end(&r, tr->out);
}
