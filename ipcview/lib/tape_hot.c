/*
 * tape_hot.c - copy loops: when a process goes hot (no syscall stops,
 * its bytes counted from /proc/PID/io), on one descriptor or from one
 * into another, and its counts while it is hot.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
		rb_num(&r, "fd", h->fd);
		rb_str(&r, "op", h->op == 'w' ? "write" : "read");
		rb_num(&r, "bytes", (long)bytes);
		rb_num(&r, "calls", (long)calls);
		rb_num(&r, "estimate", 1);
		rb_str(&r, "counted", "io");
		rb_end(&r, tr->out);
	}
}
