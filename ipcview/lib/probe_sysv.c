/*
 * probe_sysv.c - System V objects in a snapshot, and how they relate to it.
 * Queues with copies of their first messages, segments with their attachers
 * and first bytes, semaphore sets, read through sysv.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/uio.h>
#include <unistd.h>

#include "probe_int.h"

/* A tree process blocked in call word (msgrcv, msgsnd, semop) on id. */
static int
sysv_waiter(const struct snapshot *s, const char *word, int id)
{
	size_t i;

	for (i = 0; i < s->nprocs; i++)
		if (strcmp(s->procs[i].wchan, word) == 0 &&
		    s->procs[i].wait_arg == id)
			return 1;
	return 0;
}

/*
 * Copies the first messages of q with msgrcv(MSG_COPY | IPC_NOWAIT), which
 * leaves them (and msg_lrpid, msg_rtime) alone. Returns 0 when done, 1 when
 * the queue changed meanwhile (the copy may mix two states), -1 ENOMEM.
 */
static int
queue_copy(struct probe_ctx *c, struct snap_queue *q, char *buf,
    size_t size)
{
	struct sysv_msq after;
	struct snap_msg *m;
	ssize_t n;
	long idx, type;

	q->readable = 1;
	for (idx = 0; idx < c->nmsgs; idx++) {
		n = sysv_msg_copy(q->info.id, idx, buf, size, &type);
		if (n < 0) {
			if (errno == EACCES || errno == EPERM ||
			    errno == ENOSYS)
				q->readable = 0;
			break;	/* ENOMSG: past the last one */
		}
		m = realloc(q->msgs, (q->nmsgs + 1) * sizeof(*m));
		if (m == NULL)
			return -1;
		q->msgs = m;
		m = &q->msgs[q->nmsgs];
		m->type = type;
		m->size = (size_t)n;
		m->data = malloc((size_t)n + 1);
		if (m->data == NULL)
			return -1;
		memcpy(m->data, buf, (size_t)n);
		m->data[n] = '\0';
		q->nmsgs++;
	}
	if (!q->readable || sysv_stat(SYSV_MSG, q->info.id, SYSV_BY_ID, &after) < 0)
		return 0;
	/* msgrcv(2): MSG_COPY is not atomic across a walk; IPC_STAT brackets it */
	if (after.qnum != q->info.qnum || after.stime != q->info.stime ||
	    after.rtime != q->info.rtime) {
		q->info = after;
		return 1;
	}
	return 0;
}

static int
probe_queues(struct probe_ctx *c)
{
	struct snapshot *s = c->s;
	struct snap_queue *q;
	size_t size = sysv_msgmax(), i;
	char *buf;
	int r = 0, try;

	buf = malloc(size);
	if (buf == NULL)
		return -1;
	for (i = 0; i < s->nqueues && r >= 0; i++) {
		q = &s->queues[i];
		q->readable = 1;
		if (c->nmsgs <= 0 || (c->flags & PROBE_NO_MSGS))
			continue;
		for (try = 0; try < 3; try++) {
			r = queue_copy(c, q, buf, size);
			if (r <= 0)
				break;
			snapshot_queue_clear(q);
		}
		q->changed = r > 0;
	}
	for (i = 0; i < s->nqueues; i++) {
		q = &s->queues[i];
		q->related = snap_has_pid(s, q->info.lspid) ||
		    snap_has_pid(s, q->info.lrpid) ||
		    sysv_waiter(s, "msgrcv", q->info.id) ||
		    sysv_waiter(s, "msgsnd", q->info.id);
	}
	free(buf);
	return r < 0 ? -1 : 0;
}

/* A System V mapping of a tree process: /proc/PID/maps shows "/SYSV<key>"
 * with the segment's id as the inode (proc(5)). */
struct shm_map {
	int		id;
	pid_t		pid;
	unsigned long	start;
};

static int
shm_maps_of(struct probe_ctx *c, pid_t pid, struct shm_map **v, size_t *n,
    size_t *cap)
{
	char path[64], line[512];
	unsigned long start, end, off, ino;
	size_t k;
	FILE *f;
	int fd, r = 0;

	snprintf(path, sizeof(path), "%d/maps", (int)pid);
	fd = openat(c->procfd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || (f = fdopen(fd, "r")) == NULL) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	while (r == 0 && fgets(line, sizeof(line), f) != NULL) {
		if (strstr(line, "/SYSV") == NULL ||
		    sscanf(line, "%lx-%lx %*s %lx %*s %lu", &start, &end, &off,
		    &ino) != 4 || off != 0)
			continue;
		for (k = 0; k < *n; k++)
			if ((*v)[k].pid == pid && (*v)[k].id == (int)ino)
				break;
		if (k < *n)
			continue;
		r = probe_grow(v, cap, *n, sizeof(**v));
		if (r == 0)
			(*v)[(*n)++] = (struct shm_map){ (int)ino, pid, start };
	}
	fclose(f);
	return r;
}

/*
 * The first bytes of a segment: read through the memory of a watched
 * process that maps it (process_vm_readv(2) changes nothing the segment
 * records); failing that, with PROBE_SHMAT only, attached read-only for a
 * moment (shmat(2), which updates shm_atime, shm_dtime and shm_lpid).
 */
static void
shm_preview(struct probe_ctx *c, struct snap_shm *sh,
    const struct shm_map *m)
{
	size_t len = sh->info.size < c->shm_preview ? sh->info.size :
	    c->shm_preview;
	struct iovec l, r;
	void *at;

	sh->preview = malloc(len ? len : 1);
	if (sh->preview == NULL)
		return;
	if (m != NULL) {
		l.iov_base = sh->preview;
		l.iov_len = len;
		r.iov_base = (void *)m->start;
		r.iov_len = len;
		if (process_vm_readv(m->pid, &l, 1, &r, 1, 0) == (ssize_t)len)
			goto out_ok;
	}
	if (!(c->flags & PROBE_SHMAT))
		goto out_fail;
	at = shmat(sh->info.id, NULL, SHM_RDONLY);
	if (at == (void *)-1)
		goto out_fail;
	memcpy(sh->preview, at, len);
	shmdt(at);
out_ok:
	sh->npreview = len;
	sh->readable = 1;
	return;
out_fail:
	free(sh->preview);
	sh->preview = NULL;
}

static int
shm_fill(struct probe_ctx *c, struct snap_shm *sh, const struct shm_map *m,
    size_t nm)
{
	const struct shm_map *first = NULL;
	pid_t *a;
	size_t k;

	for (k = 0; k < nm; k++) {
		if (m[k].id != sh->info.id)
			continue;
		if (first == NULL)
			first = &m[k];
		a = realloc(sh->attached,
		    (sh->nattached + 1) * sizeof(*a));
		if (a == NULL)
			return -1;
		sh->attached = a;
		a[sh->nattached++] = m[k].pid;
	}
	sh->related = sh->nattached > 0 || snap_has_pid(c->s, sh->info.cpid) ||
	    snap_has_pid(c->s, sh->info.lpid);
	shm_preview(c, sh, first);
	return 0;
}

static int
probe_shms(struct probe_ctx *c)
{
	struct snapshot *s = c->s;
	struct shm_map *maps = NULL;
	size_t nmaps = 0, cap = 0, i, k, n = s->nshms;
	int r = 0;

	/* reading maps is costly: only when some segment is attached at all */
	for (k = 0; k < n && s->shms[k].info.nattch == 0; k++)
		;
	for (i = 0; k < n && i < s->nprocs && r == 0; i++)
		r = shm_maps_of(c, s->procs[i].pid, &maps, &nmaps, &cap);
	for (k = 0; k < n && r == 0; k++)
		r = shm_fill(c, &s->shms[k], maps, nmaps);
	free(maps);
	return r;
}

static int
probe_sems(struct probe_ctx *c)
{
	struct snapshot *s = c->s;
	struct snap_sem *sm;
	size_t k, j, n = s->nsems;

	for (k = 0; k < n; k++) {
		sm = &s->sems[k];
		sm->related = sysv_waiter(s, "semop", sm->info.id);
		sm->members = calloc(sm->info.nsems ? sm->info.nsems : 1,
		    sizeof(*sm->members));
		if (sm->members == NULL)
			break;
		if (sysv_sem_members(sm->info.id, sm->members,
		    sm->info.nsems) < 0) {
			free(sm->members);
			sm->members = NULL;
			continue;
		}
		sm->readable = 1;
		for (j = 0; j < sm->info.nsems; j++)
			sm->related |= snap_has_pid(s, sm->members[j].pid);
	}
	return k < n ? -1 : 0;
}

/*
 * Where a System V kind goes in the snapshot: the array and its count
 * (offsets in struct snapshot), the size of an entry and the offset of its
 * info; fill completes the entries once they hold their objects' info.
 */
static const struct probe_sysv_kind {
	enum sysv_kind	kind;
	size_t		arr, count, elem, info;
	int		(*fill)(struct probe_ctx *c);
} probe_sysv_kinds[] = {
	{ SYSV_MSG, offsetof(struct snapshot, queues),
	    offsetof(struct snapshot, nqueues), sizeof(struct snap_queue),
	    offsetof(struct snap_queue, info), probe_queues },
	{ SYSV_SHM, offsetof(struct snapshot, shms),
	    offsetof(struct snapshot, nshms), sizeof(struct snap_shm),
	    offsetof(struct snap_shm, info), probe_shms },
	{ SYSV_SEM, offsetof(struct snapshot, sems),
	    offsetof(struct snapshot, nsems), sizeof(struct snap_sem),
	    offsetof(struct snap_sem, info), probe_sems },
};

/*
 * The objects of kind t->kind (sysv_list) as the entries of a zeroed array
 * in s, each entry's info a copy of its object's. Returns their count; 0
 * when there are none (or no System V IPC here); -1 (ENOMEM).
 */
static ssize_t
sysv_collect(struct snapshot *s, const struct probe_sysv_kind *t)
{
	size_t size = sysv_kinds[t->kind].size;
	char **pa = (void *)((char *)s + t->arr), *v;
	ssize_t n = sysv_list(t->kind, (void **)&v), i;

	if (n <= 0)
		return 0;
	*pa = calloc((size_t)n, t->elem);
	if (*pa == NULL) {
		free(v);
		return -1;
	}
	for (i = 0; i < n; i++)
		memcpy(*pa + (size_t)i * t->elem + t->info,
		    v + (size_t)i * size, size);
	free(v);
	*(size_t *)(void *)((char *)s + t->count) = (size_t)n;
	return n;
}

int
probe_sysv(struct probe_ctx *c)
{
	const struct probe_sysv_kind *t;
	ssize_t n;

	for (t = probe_sysv_kinds; t < probe_sysv_kinds + SYSV_NKINDS; t++) {
		n = sysv_collect(c->s, t);
		if (n < 0 || (n > 0 && t->fill(c) < 0))
			return -1;
	}
	return 0;
}
