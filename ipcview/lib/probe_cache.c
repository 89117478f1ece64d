/*
 * probe_cache.c - what one sample keeps for the next (probe.h's cache).
 * Per watched process: its /proc files kept open for pread(2), its pidfd,
 * and the facts that only it can change (status, wchan, argv, descriptors,
 * mappings of shm objects), reused while /proc/PID/schedstat says it has
 * not run since.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "probe_int.h"

struct probe_cache {
	struct probe_pent **v;		/* open addressing by pid, NULL empty */
	size_t		cap;		/* a power of two, or 0 */
	size_t		n;
	unsigned long	gen;		/* samples taken through the cache */
	long		nfds, maxfds;	/* descriptors kept, and how many may be */
};

struct probe_cache *
probe_cache_new(void)
{
	struct probe_cache *pc;
	struct rlimit rl;

	pc = calloc(1, sizeof(*pc));
	if (pc == NULL)
		return NULL;
	/* half the descriptors we may open, the rest for everything else */
	pc->maxfds = 256;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		pc->maxfds = (long)rl.rlim_cur / 2 - 32;
	else if (getrlimit(RLIMIT_NOFILE, &rl) == 0)
		pc->maxfds = 1L << 16;
	if (pc->maxfds < 0)
		pc->maxfds = 0;
	return pc;
}

void
probe_cache_drop_maps(struct probe_pent *e)
{
	probe_drop_each(&e->maps, &e->nmaps, sizeof(*e->maps),
	    offsetof(struct probe_map, path));
	e->maps_valid = 0;
}

/* Closes what e keeps open and forgets its facts. */
static void
pent_reset(struct probe_cache *pc, struct probe_pent *e)
{
	size_t i;
	int k;

	for (k = 0; k < PROBE_NFILES; k++) {
		if (e->fd[k] >= 0) {
			close(e->fd[k]);
			pc->nfds--;
		}
		e->fd[k] = -1;
	}
	if (e->pidfd >= 0) {
		close(e->pidfd);
		pc->nfds--;
	}
	e->pidfd = -1;
	if (e->argv != NULL)
		for (i = 0; e->argv[i] != NULL; i++)
			free(e->argv[i]);
	free(e->argv);
	e->argv = NULL;
	free(e->fifo_wait);
	e->fifo_wait = NULL;
	probe_drop_each(&e->fds, &e->nfds, sizeof(*e->fds),
	    offsetof(struct probe_fdent, path));
	probe_cache_drop_maps(e);
	e->valid = e->fds_valid = 0;
	e->sched_ok = 0;
}

static size_t
pent_slot(const struct probe_cache *pc, pid_t pid)
{
	size_t h = probe_pid_hash(pid, pc->cap);

	while (pc->v[h] != NULL && pc->v[h]->pid != pid)
		h = (h + 1) & (pc->cap - 1);
	return h;
}

static pid_t
pent_key(const void *slot)
{
	const struct probe_pent *e = *(struct probe_pent *const *)slot;

	return e != NULL ? e->pid : 0;
}

struct probe_pent *
probe_cache_get(struct probe_cache *pc, pid_t pid)
{
	struct probe_pent *e;
	size_t h;
	int k;

	if (pc->cap == 0 || (pc->n + 1) * 2 > pc->cap)
		if (probe_pidtab_grow(&pc->v, &pc->cap, sizeof(*pc->v),
		    pent_key) < 0)
			return NULL;
	h = pent_slot(pc, pid);
	if (pc->v[h] != NULL) {
		pc->v[h]->gen = pc->gen;
		return pc->v[h];
	}
	e = calloc(1, sizeof(*e));
	if (e == NULL)
		return NULL;
	e->pid = pid;
	for (k = 0; k < PROBE_NFILES; k++)
		e->fd[k] = -1;
	e->pidfd = -1;
	e->gen = pc->gen;
	pc->v[h] = e;
	pc->n++;
	return e;
}

void
probe_cache_forget(struct probe_cache *pc, struct probe_pent *e)
{
	pent_reset(pc, e);
}

static const char *const pent_names[PROBE_NFILES] = {
	[PROBE_F_STAT] = "stat",
	[PROBE_F_STATUS] = "status",
	[PROBE_F_WCHAN] = "wchan",
	[PROBE_F_SCHED] = "schedstat",
	[PROBE_F_CHILDREN] = "children",
};

ssize_t
probe_cache_read(const struct probe_ctx *c, struct probe_pent *e, int which,
    char *buf, size_t size)
{
	struct probe_cache *pc = c->cache;
	char path[64];
	ssize_t n;
	int fd, rd = PROBE_RD_PREAD;

	if (which == PROBE_F_CHILDREN) {
		rd |= PROBE_RD_RECORDS;
		snprintf(path, sizeof(path), "%d/task/%d/children", (int)e->pid,
		    (int)e->pid);
	} else
		snprintf(path, sizeof(path), "%d/%s", (int)e->pid,
		    pent_names[which]);
	if (e->fd[which] >= 0) {
		n = probe_read_fd(e->fd[which], buf, size, rd);
		if (n >= 0)
			return n;
		/* that process is gone: the caller starts over by path */
		close(e->fd[which]);
		e->fd[which] = -1;
		pc->nfds--;
		return -1;
	}
	if (pc == NULL || pc->nfds >= pc->maxfds)
		return probe_read_at(c, path, buf, size,
		    rd & ~PROBE_RD_PREAD);
	fd = openat(c->procfd, path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -1;
	n = probe_read_fd(fd, buf, size, rd);
	if (n < 0) {
		close(fd);
		return -1;
	}
	e->fd[which] = fd;
	pc->nfds++;
	return n;
}

int
probe_cache_keep_pidfd(struct probe_cache *pc, struct probe_pent *e, int fd)
{
	if (pc->nfds >= pc->maxfds)
		return -1;
	e->pidfd = fd;
	pc->nfds++;
	return 0;
}

void
probe_cache_begin(struct probe_cache *pc)
{
	pc->gen++;
}

void
probe_cache_sweep(struct probe_cache *pc)
{
	struct probe_pent **old = pc->v;
	size_t ocap = pc->cap, i;

	if (ocap == 0)
		return;
	pc->v = calloc(ocap, sizeof(*pc->v));
	if (pc->v == NULL) {
		pc->v = old;	/* keep them all until the next sweep */
		return;
	}
	pc->n = 0;
	for (i = 0; i < ocap; i++) {
		if (old[i] == NULL)
			continue;
		if (old[i]->gen != pc->gen) {
			pent_reset(pc, old[i]);
			free(old[i]);
			continue;
		}
		pc->v[pent_slot(pc, old[i]->pid)] = old[i];
		pc->n++;
	}
	free(old);
}

void
probe_cache_free(struct probe_cache *pc)
{
	size_t i;

	if (pc == NULL)
		return;
	for (i = 0; i < pc->cap; i++) {
		if (pc->v[i] != NULL) {
			pent_reset(pc, pc->v[i]);
			free(pc->v[i]);
		}
	}
	free(pc->v);
	free(pc);
}
