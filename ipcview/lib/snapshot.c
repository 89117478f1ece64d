/*
 * snapshot.c - lookups in a snapshot, and freeing it (snapshot.h, probe.h).
 */
#include <stddef.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "probe.h"
#include "probe_int.h"
#include "snapshot.h"

const struct snap_proc *
snap_proc_find(const struct snapshot *s, pid_t pid)
{
	size_t i, lo = 0, hi, mid;
	pid_t at;

	if (s == NULL)
		return NULL;
	if (s->by_pid == NULL) {
		for (i = 0; i < s->nprocs; i++)
			if (s->procs[i].pid == pid)
				return &s->procs[i];
		return NULL;
	}
	for (hi = s->nprocs; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		at = s->procs[s->by_pid[mid]].pid;
		if (at == pid)
			return &s->procs[s->by_pid[mid]];
		if (at < pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int
index_cmp(const void *a, const void *b, void *procs)
{
	const struct snap_proc *v = procs;
	pid_t x = v[*(const size_t *)a].pid, y = v[*(const size_t *)b].pid;

	return (x > y) - (x < y);
}

void
snap_index(struct snapshot *s)
{
	size_t i;

	free(s->by_pid);
	s->by_pid = NULL;
	if (s->nprocs < 2)
		return;		/* one by one is as quick */
	s->by_pid = malloc(s->nprocs * sizeof(*s->by_pid));
	if (s->by_pid == NULL)
		return;
	for (i = 0; i < s->nprocs; i++)
		s->by_pid[i] = i;
	qsort_r(s->by_pid, s->nprocs, sizeof(*s->by_pid), index_cmp, s->procs);
}

int
snap_has_pid(const struct snapshot *s, pid_t pid)
{
	return pid > 0 && snap_proc_find(s, pid) != NULL;
}

int
snap_pid_in(const pid_t *v, size_t n, pid_t pid)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] == pid)
			return 1;
	return 0;
}

int
snap_pid_add(pid_t **v, size_t *n, pid_t pid)
{
	pid_t *nv;

	if (snap_pid_in(*v, *n, pid))
		return 0;
	nv = realloc(*v, (*n + 1) * sizeof(*nv));
	if (nv == NULL)
		return -1;
	nv[(*n)++] = pid;
	*v = nv;
	return 0;
}

const struct snap_pipe *
snap_pipe_find(const struct snapshot *s, unsigned long inode)
{
	size_t i;

	for (i = 0; s != NULL && i < s->npipes; i++)
		if (s->pipes[i].inode == inode)
			return &s->pipes[i];
	return NULL;
}

static void
snap_proc_free(struct snap_proc *p)
{
	int i;

	for (i = 0; p->argv != NULL && p->argv[i] != NULL; i++)
		free(p->argv[i]);
	free(p->argv);
	free(p->fifo_wait);
}

static void
snap_pipe_free(struct snap_pipe *p)
{
	free(p->path);
	free(p->writers);
	free(p->readers);
	free(p->open_readers);
	free(p->open_writers);
}

void
snapshot_queue_clear(struct snap_queue *q)
{
	probe_drop_each(&q->msgs, &q->nmsgs, sizeof(*q->msgs),
	    offsetof(struct snap_msg, data));
}

void
snapshot_free(struct snapshot *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nprocs; i++)
		snap_proc_free(&s->procs[i]);
	for (i = 0; i < s->npipes; i++)
		snap_pipe_free(&s->pipes[i]);
	for (i = 0; i < s->nqueues; i++)
		snapshot_queue_clear(&s->queues[i]);
	for (i = 0; i < s->nshms; i++) {
		free(s->shms[i].attached);
		free(s->shms[i].preview);
	}
	for (i = 0; i < s->nsems; i++)
		free(s->sems[i].members);
	for (i = 0; i < s->nsocks; i++) {
		free(s->socks[i].name);
		free(s->socks[i].pending);
		free(s->socks[i].holders);
	}
	free(s->socks);
	free(s->anonfds);
	for (i = 0; i < s->npmqs; i++) {
		free(s->pmqs[i].name);
		free(s->pmqs[i].holders);
	}
	for (i = 0; i < s->npshms; i++) {
		free(s->pshms[i].name);
		free(s->pshms[i].mappers);
		free(s->pshms[i].holders);
		free(s->pshms[i].preview);
	}
	free(s->pmqs);
	free(s->pshms);
	free(s->procs);
	free(s->pipes);
	free(s->queues);
	free(s->shms);
	free(s->sems);
	free(s->roots);
	free(s->by_pid);
	free(s);
}

size_t
snap_sysv_count(const struct snapshot *s, enum sysv_kind k)
{
	return k == SYSV_MSG ? s->nqueues : k == SYSV_SHM ? s->nshms :
	    s->nsems;
}

const void *
snap_sysv_info(const struct snapshot *s, enum sysv_kind k, size_t i,
    int *related)
{
	int dummy;

	if (related == NULL)
		related = &dummy;
	switch (k) {
	case SYSV_MSG:
		*related = s->queues[i].related;
		return &s->queues[i].info;
	case SYSV_SHM:
		*related = s->shms[i].related;
		return &s->shms[i].info;
	default:
		*related = s->sems[i].related;
		return &s->sems[i].info;
	}
}

/* snap_sysv_info gives the info as the entry too (snapshot.h). */
_Static_assert(offsetof(struct snap_queue, info) == 0 &&
    offsetof(struct snap_shm, info) == 0 &&
    offsetof(struct snap_sem, info) == 0, "entries open with their info");

const void *
snap_sysv_find(const struct snapshot *s, enum sysv_kind k, int id)
{
	struct sysv_view v;
	const void *e;
	size_t i;

	for (i = 0; s != NULL && i < snap_sysv_count(s, k); i++) {
		e = snap_sysv_info(s, k, i, NULL);
		sysv_view(k, e, &v);
		if (v.id == id)
			return e;
	}
	return NULL;
}

pid_t
snap_pipe_sole_holder(const struct snap_pipe *pp)
{
	pid_t owner;
	size_t i;

	if (pp->kind != SNAP_PIPE || pp->nwriters == 0 || pp->nreaders == 0)
		return 0;
	owner = pp->writers[0].pid;
	for (i = 0; i < pp->nwriters; i++)
		if (pp->writers[i].pid != owner)
			return 0;
	for (i = 0; i < pp->nreaders; i++)
		if (pp->readers[i].pid != owner)
			return 0;
	return owner;
}

const struct snap_sock *
snap_sock_find(const struct snapshot *s, unsigned long inode)
{
	size_t lo = 0, hi = s != NULL ? s->nsocks : 0, mid;

	/* probe_socks leaves them sorted by inode */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->socks[mid].inode == inode)
			return &s->socks[mid];
		if (s->socks[mid].inode < inode)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *
snap_sock_origin(const struct snapshot *s, const struct snap_sock *k)
{
	const struct snap_sock *o = k;

	if (o->name == NULL && o->peer != 0)
		o = snap_sock_find(s, o->peer);
	if ((o == NULL || o->name == NULL) && k->listener != 0)
		o = snap_sock_find(s, k->listener);
	if (o != NULL && o->name != NULL)
		return o->abstract ? "abstract" : "path";
	if (k->state == SNAP_SOCK_CONNECTED && k->diag)
		return "socketpair";
	return "unbound";
}

const char *
snap_sock_type_name(int type)
{
	switch (type) {
	case SOCK_STREAM:
		return "stream";
	case SOCK_DGRAM:
		return "datagram";
	case SOCK_SEQPACKET:
		return "seqpacket";
	default:
		return "?";
	}
}

const char *
snap_sock_state_name(enum snap_sock_state st)
{
	static const char *const names[] = {
		[SNAP_SOCK_UNCONNECTED] = "unconnected",
		[SNAP_SOCK_LISTENING] = "listening",
		[SNAP_SOCK_CONNECTED] = "connected",
		[SNAP_SOCK_CONNECTING] = "connecting",
	};

	return (unsigned)st < sizeof(names) / sizeof(names[0]) ?
	    names[st] : "?";
}
