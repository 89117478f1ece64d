/*
 * probe_util.c - helpers the collectors call: procfs files, arrays, pidfds.
 * The procfs root, growing arrays, reading files and directories,
 * /proc/PID/syscall, cached pidfds; below probe.c, above nothing.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "probe_int.h"

int
probe_ctx_open(struct probe_ctx *c, const struct probe_opts *o)
{
	const char *root = o && o->procfs ? o->procfs : "/proc";

	memset(c, 0, sizeof(*c));
	c->procfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (c->procfd < 0)
		return -1;
	c->live = strcmp(root, "/proc") == 0;
	c->nmsgs = o && o->nmsgs >= 0 ? o->nmsgs : PROBE_NMSGS;
	c->shm_preview = o && o->shm_preview ? o->shm_preview : SNAP_SHM_PREVIEW;
	c->flags = o ? o->flags : 0;
	if (!c->live)
		c->flags |= PROBE_NO_FILL | PROBE_NO_SYSV;
	return 0;
}

int
probe_grow(void *arr, size_t *cap, size_t n, size_t elem)
{
	void **p = arr;
	size_t ncap;
	void *v;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	v = realloc(*p, ncap * elem);
	if (v == NULL)
		return -1;
	*p = v;
	*cap = ncap;
	return 0;
}

int
probe_pidtab_grow(void *tab, size_t *cap, size_t elem,
    pid_t (*key)(const void *slot))
{
	void **p = tab;
	char *old = *p, *v;
	size_t ncap = *cap ? *cap * 2 : 64, i, h;
	pid_t pid;

	v = calloc(ncap, elem);
	if (v == NULL)
		return -1;
	for (i = 0; i < *cap; i++) {
		if ((pid = key(old + i * elem)) == 0)
			continue;
		h = probe_pid_hash(pid, ncap);
		while (key(v + h * elem) != 0)
			h = (h + 1) & (ncap - 1);
		memcpy(v + h * elem, old + i * elem, elem);
	}
	free(old);
	*p = v;
	*cap = ncap;
	return 0;
}

void
probe_free_each(void *v, size_t n, size_t elem, size_t off)
{
	char *p = v;
	size_t i;

	for (i = 0; i < n; i++)
		free(*(void **)(void *)(p + i * elem + off));
	free(v);
}

void
probe_drop_each(void *arr, size_t *n, size_t elem, size_t off)
{
	void **p = arr;

	probe_free_each(*p, *n, elem, off);
	*p = NULL;
	*n = 0;
}

ssize_t
probe_read_fd(int fd, char *buf, size_t size, int flags)
{
	ssize_t n = 0, len = 0;

	while ((size_t)len < size - 1) {
		n = (flags & PROBE_RD_PREAD) ? pread(fd, buf + len,
		    size - 1 - (size_t)len, len) : read(fd, buf + len,
		    size - 1 - (size_t)len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
		/*
		 * A file of one record (stat, status, wchan, fdinfo) comes
		 * whole in one read when it fits: a short read is its end
		 * (saves a read). A file of many (maps, children,
		 * mountinfo) comes a page of whole records at a time.
		 */
		if (!(flags & PROBE_RD_RECORDS) && n < 4096 &&
		    (size_t)len < size - 1)
			break;
	}
	if (n < 0 && len == 0)
		return -1;
	buf[len] = '\0';
	return len;
}

ssize_t
probe_read(const struct probe_ctx *c, const char *path, char *buf,
    size_t size)
{
	return probe_read_at(c, path, buf, size, 0);
}

ssize_t
probe_read_at(const struct probe_ctx *c, const char *path, char *buf,
    size_t size, int flags)
{
	ssize_t len;
	int fd, saved;

	fd = openat(c->procfd, path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -1;
	len = probe_read_fd(fd, buf, size, flags);
	saved = errno;
	close(fd);
	errno = saved;
	return len;
}

char *
probe_pid_path(char *buf, size_t size, pid_t pid, const char *a,
    const char *b)
{
	char d[16], *q = d + sizeof(d);
	unsigned v = pid < 0 ? 0u - (unsigned)pid : (unsigned)pid;
	const char *part[3];
	size_t len[3], n = 0, k;
	int i;

	if (size == 0)
		return buf;
	do
		*--q = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (pid < 0)
		*--q = '-';
	part[0] = q;
	len[0] = (size_t)(d + sizeof(d) - q);
	part[1] = a != NULL ? a : "";
	len[1] = strlen(part[1]);
	part[2] = b != NULL ? b : "";
	len[2] = strlen(part[2]);
	for (i = 0; i < 3; i++) {
		k = len[i] < size - 1 - n ? len[i] : size - 1 - n;
		memcpy(buf + n, part[i], k);
		n += k;
	}
	buf[n] = '\0';
	return buf;
}

unsigned long
probe_dec(const char *s, char **end)
{
	unsigned long v = 0;
	const char *p = s;

	/* up to 19 digits cannot overflow; a sign or more: strtoul's rules */
	if (*p < '0' || *p > '9')
		return strtoul(s, end, 10);
	while (*p >= '0' && *p <= '9' && p - s < 19)
		v = v * 10 + (unsigned long)(*p++ - '0');
	if (*p >= '0' && *p <= '9')
		return strtoul(s, end, 10);
	if (end != NULL)
		*end = (char *)p;
	return v;
}

int
probe_syscall(const struct probe_ctx *c, pid_t pid, long *nr,
    unsigned long args[6])
{
	char path[64], buf[256];

	probe_pid_path(path, sizeof(path), pid, "/syscall", NULL);
	if (probe_read(c, path, buf, sizeof(buf)) <= 0)
		return -1;
	/* proc(5): "running", or "-1 sp pc" when not in a system call */
	if (sscanf(buf, "%ld %lx %lx %lx %lx %lx %lx", nr, &args[0], &args[1],
	    &args[2], &args[3], &args[4], &args[5]) != 7 || *nr < 0)
		return -1;
	return 0;
}

int
probe_dir_each_at(const struct probe_ctx *c, const char *path,
    int (*fn)(void *arg, int dirfd, const char *name), void *arg)
{
	char buf[8192];
	struct dirent64 *d;
	long n, off;
	int fd, r = 0;

	fd = openat(c->procfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	while (r == 0 && (n = syscall(SYS_getdents64, fd, buf,
	    sizeof(buf))) > 0) {
		for (off = 0; off < n && r == 0; off += d->d_reclen) {
			d = (struct dirent64 *)(void *)(buf + off);
			if (d->d_name[0] >= '0' && d->d_name[0] <= '9')
				r = fn(arg, fd, d->d_name);
		}
		/*
		 * getdents64(2) stops early only when the next entry does
		 * not fit: with room for the longest left, that was the end
		 * (saves the call that returns 0, one per directory).
		 */
		if (sizeof(buf) - (size_t)n >= sizeof(struct dirent64))
			break;
	}
	close(fd);
	return r;
}

struct dir_each {
	int	(*fn)(void *, const char *);
	void	*arg;
};

static int
dir_each_one(void *arg, int dirfd, const char *name)
{
	struct dir_each *de = arg;

	(void)dirfd;
	return de->fn(de->arg, name);
}

int
probe_dir_each(const struct probe_ctx *c, const char *path,
    int (*fn)(void *arg, const char *name), void *arg)
{
	struct dir_each de = { fn, arg };

	return probe_dir_each_at(c, path, dir_each_one, &de);
}

int
probe_pidfd(struct probe_ctx *c, size_t i)
{
	struct probe_pent *e = c->pents != NULL ? c->pents[i] : NULL;
	int fd;

	if (!c->live)
		return -1;
	if (e != NULL && e->pidfd >= 0)
		return e->pidfd;
	if (e != NULL && c->pidfds[i] == -1) {
		fd = (int)syscall(SYS_pidfd_open, c->s->procs[i].pid, 0);
		if (fd >= 0 && probe_cache_keep_pidfd(c->cache, e, fd) == 0)
			return fd;
		c->pidfds[i] = fd < 0 ? -2 : fd;
	}
	if (c->pidfds[i] == -1) {
		/* pidfd_open(2): the descriptor is always close-on-exec */
		fd = (int)syscall(SYS_pidfd_open, c->s->procs[i].pid, 0);
		c->pidfds[i] = fd < 0 ? -2 : fd;
	}
	return c->pidfds[i] >= 0 ? c->pidfds[i] : -1;
}

/* The slot of pid in c's set, or of the empty one where it would go. */
static size_t
pidset_slot(const struct probe_ctx *c, pid_t pid)
{
	size_t h = probe_pid_hash(pid, c->cap_pidset);

	while (c->pidset[h] != 0 && c->pidset[h] != pid)
		h = (h + 1) & (c->cap_pidset - 1);
	return h;
}

int
probe_pid_seen(const struct probe_ctx *c, pid_t pid)
{
	return c->cap_pidset > 0 && c->pidset[pidset_slot(c, pid)] == pid;
}

static pid_t
pidset_key(const void *slot)
{
	return *(const pid_t *)slot;
}

int
probe_pid_add(struct probe_ctx *c, pid_t pid)
{
	if ((c->npidset + 1) * 2 > c->cap_pidset &&
	    probe_pidtab_grow(&c->pidset, &c->cap_pidset, sizeof(*c->pidset),
	    pidset_key) < 0)
		return -1;
	c->pidset[pidset_slot(c, pid)] = pid;
	c->npidset++;
	return 0;
}
