/*
 * sysv.c - System V message queues, shared memory and semaphore sets read
 * with the system calls: *_INFO for the highest index in use, then
 * *_STAT_ANY per index (msgctl(2), shmctl(2), semctl(2)). Never prints.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#include "sysv.h"

/* Linux 4.17 added the *_STAT_ANY commands; older headers lack them. */
#ifndef MSG_STAT_ANY
#define MSG_STAT_ANY	13
#endif
#ifndef SHM_STAT_ANY
#define SHM_STAT_ANY	15
#endif
#ifndef SEM_STAT_ANY
#define SEM_STAT_ANY	20
#endif
#ifndef MSG_COPY
#define MSG_COPY	040000
#endif

/* semctl(2): "the calling program must define this union as follows" */
union sysv_semun {
	int		val;
	struct semid_ds	*buf;
	unsigned short	*array;
	struct seminfo	*__buf;
};

static void
sysv_perm_copy(struct sysv_perm *p, const struct ipc_perm *k)
{
	p->key = k->__key;
	p->uid = k->uid;
	p->gid = k->gid;
	p->cuid = k->cuid;
	p->cgid = k->cgid;
	p->mode = k->mode;
}

static void
sysv_msq_copy(struct sysv_msq *q, int id, const struct msqid_ds *ds)
{
	q->id = id;
	sysv_perm_copy(&q->perm, &ds->msg_perm);
	q->cbytes = ds->__msg_cbytes;
	q->qnum = ds->msg_qnum;
	q->qbytes = ds->msg_qbytes;
	q->lspid = ds->msg_lspid;
	q->lrpid = ds->msg_lrpid;
	q->stime = ds->msg_stime;
	q->rtime = ds->msg_rtime;
	q->ctime = ds->msg_ctime;
}

static void
sysv_shm_copy(struct sysv_shm *s, int id, const struct shmid_ds *ds)
{
	s->id = id;
	sysv_perm_copy(&s->perm, &ds->shm_perm);
	s->size = ds->shm_segsz;
	s->nattch = ds->shm_nattch;
	s->cpid = ds->shm_cpid;
	s->lpid = ds->shm_lpid;
	s->atime = ds->shm_atime;
	s->dtime = ds->shm_dtime;
	s->ctime = ds->shm_ctime;
}

static void
sysv_sem_copy(struct sysv_sem *s, int id, const struct semid_ds *ds)
{
	s->id = id;
	sysv_perm_copy(&s->perm, &ds->sem_perm);
	s->nsems = ds->sem_nsems;
	s->otime = ds->sem_otime;
	s->ctime = ds->sem_ctime;
}

/*
 * One object into elem: by index with *_STAT_ANY (the call returns the
 * object's id), or by id with IPC_STAT (the call returns 0). 0, or -1
 * with errno.
 */
static int
sysv_msq_fetch(int idx, int cmd, void *elem)
{
	struct msqid_ds ds;
	int r = msgctl(idx, cmd, &ds);

	if (r < 0)
		return -1;
	sysv_msq_copy(elem, cmd == IPC_STAT ? idx : r, &ds);
	return 0;
}

static int
sysv_shm_fetch(int idx, int cmd, void *elem)
{
	struct shmid_ds ds;
	int r = shmctl(idx, cmd, &ds);

	if (r < 0)
		return -1;
	sysv_shm_copy(elem, cmd == IPC_STAT ? idx : r, &ds);
	return 0;
}

static int
sysv_sem_fetch(int idx, int cmd, void *elem)
{
	struct semid_ds ds;
	union sysv_semun arg;
	int r;

	arg.buf = &ds;
	r = semctl(idx, 0, cmd, arg);
	if (r < 0)
		return -1;
	sysv_sem_copy(elem, cmd == IPC_STAT ? idx : r, &ds);
	return 0;
}

/*
 * The objects at indexes 0..maxidx, fetched with cmd (*_STAT_ANY) into a
 * malloc'd array of elements of size bytes, as sysv_msq_list says. The
 * *_INFO calls return the highest index in use, so maxidx + 1 entries
 * always suffice. Sets *n to the count, or to -1 with errno.
 */
static void *
sysv_list(int maxidx, int (*fetch)(int, int, void *), int cmd, size_t size,
    ssize_t *n)
{
	char *v;
	int i;

	*n = -1;
	if (maxidx < 0)
		return NULL;
	v = malloc(((size_t)maxidx + 1) * size);
	if (v == NULL)
		return NULL;
	*n = 0;
	for (i = 0; i <= maxidx; i++) {
		/* an unused index, or an object removed meanwhile, is skipped */
		if (fetch(i, cmd, v + (size_t)*n * size) == 0)
			(*n)++;
	}
	if (*n == 0) {
		free(v);
		v = NULL;
	}
	return v;
}

ssize_t
sysv_msq_list(struct sysv_msq **out)
{
	struct msginfo info;
	ssize_t n;
	/* msgctl(2): MSG_INFO returns the index of the highest used entry */
	int maxidx = msgctl(0, MSG_INFO, (struct msqid_ds *)(void *)&info);

	*out = sysv_list(maxidx, sysv_msq_fetch, MSG_STAT_ANY, sizeof(**out),
	    &n);
	return n;
}

ssize_t
sysv_shm_list(struct sysv_shm **out)
{
	struct shm_info info;
	ssize_t n;
	/* shmctl(2): SHM_INFO returns the index of the highest used entry */
	int maxidx = shmctl(0, SHM_INFO, (struct shmid_ds *)(void *)&info);

	*out = sysv_list(maxidx, sysv_shm_fetch, SHM_STAT_ANY, sizeof(**out),
	    &n);
	return n;
}

ssize_t
sysv_sem_list(struct sysv_sem **out)
{
	struct seminfo info;
	union sysv_semun arg = { .__buf = &info };
	ssize_t n;
	/* semctl(2): SEM_INFO returns the index of the highest used entry */
	int maxidx = semctl(0, 0, SEM_INFO, arg);

	*out = sysv_list(maxidx, sysv_sem_fetch, SEM_STAT_ANY, sizeof(**out),
	    &n);
	return n;
}

int
sysv_msq_stat(int id, struct sysv_msq *q)
{
	return sysv_msq_fetch(id, IPC_STAT, q);
}

int
sysv_shm_stat(int id, struct sysv_shm *s)
{
	return sysv_shm_fetch(id, IPC_STAT, s);
}

int
sysv_sem_stat(int id, struct sysv_sem *s)
{
	return sysv_sem_fetch(id, IPC_STAT, s);
}

ssize_t
sysv_msg_copy(int id, long idx, void *buf, size_t size, long *type)
{
	struct msgbuf *m;
	ssize_t n;
	int saved;

	m = malloc(sizeof(long) + size);
	if (m == NULL)
		return -1;
	/*
	 * msgrcv(2): with MSG_COPY, msgtyp is the position of the message
	 * in the queue; IPC_NOWAIT is required, and the message stays.
	 */
	n = msgrcv(id, m, size, idx, MSG_COPY | IPC_NOWAIT);
	if (n >= 0) {
		memcpy(buf, m->mtext, (size_t)n);
		*type = m->mtype;
	}
	saved = errno;
	free(m);
	errno = saved;
	return n;
}

size_t
sysv_msgmax(void)
{
	struct msginfo info;
	FILE *f;
	unsigned long v = 0;

	f = fopen("/proc/sys/kernel/msgmax", "re");
	if (f != NULL) {
		if (fscanf(f, "%lu", &v) != 1)
			v = 0;
		fclose(f);
	}
	if (v == 0 &&
	    msgctl(0, IPC_INFO, (struct msqid_ds *)(void *)&info) >= 0)
		v = (unsigned long)info.msgmax;
	return v != 0 ? v : 8192;
}

int
sysv_sem_values(int id, unsigned short *vals, size_t n)
{
	struct sysv_sem s;
	union sysv_semun arg;
	unsigned short *all;

	if (sysv_sem_stat(id, &s) < 0)
		return -1;
	/* GETALL writes sem_nsems values: never more than the caller holds */
	all = calloc(s.nsems ? s.nsems : 1, sizeof(*all));
	if (all == NULL)
		return -1;
	arg.array = all;
	if (semctl(id, 0, GETALL, arg) < 0) {
		free(all);
		return -1;
	}
	memcpy(vals, all, (n < s.nsems ? n : s.nsems) * sizeof(*vals));
	free(all);
	return 0;
}

int
sysv_sem_members(int id, struct sysv_semval *v, size_t n)
{
	size_t i;
	int r;

	for (i = 0; i < n; i++) {
		r = semctl(id, (int)i, GETVAL);
		if (r < 0)
			return -1;
		v[i].val = r;
		if ((r = semctl(id, (int)i, GETNCNT)) < 0)
			return -1;
		v[i].ncnt = r;
		if ((r = semctl(id, (int)i, GETZCNT)) < 0)
			return -1;
		v[i].zcnt = r;
		if ((r = semctl(id, (int)i, GETPID)) < 0)
			return -1;
		v[i].pid = r;
	}
	return 0;
}

int
sysv_msg_info(struct sysv_msginfo *mi)
{
	struct msginfo lim, use;
	int maxidx;

	if (msgctl(0, IPC_INFO, (struct msqid_ds *)(void *)&lim) < 0)
		return -1;
	maxidx = msgctl(0, MSG_INFO, (struct msqid_ds *)(void *)&use);
	if (maxidx < 0)
		return -1;
	mi->msgmni = lim.msgmni;
	mi->msgmax = lim.msgmax;
	mi->msgmnb = lim.msgmnb;
	/* MSG_INFO reuses the fields: queues, messages, bytes in use */
	mi->used_queues = use.msgpool;
	mi->used_msgs = use.msgmap;
	mi->used_bytes = use.msgtql;
	mi->maxidx = maxidx;
	return 0;
}

int
sysv_shm_info(struct sysv_shminfo *si)
{
	struct shminfo lim;
	struct shm_info use;
	int maxidx;

	if (shmctl(0, IPC_INFO, (struct shmid_ds *)(void *)&lim) < 0)
		return -1;
	maxidx = shmctl(0, SHM_INFO, (struct shmid_ds *)(void *)&use);
	if (maxidx < 0)
		return -1;
	si->shmmax = lim.shmmax;
	si->shmmin = lim.shmmin;
	si->shmmni = lim.shmmni;
	si->shmall = lim.shmall;
	si->used_ids = use.used_ids;
	si->shm_tot = use.shm_tot;
	si->shm_rss = use.shm_rss;
	si->shm_swp = use.shm_swp;
	si->swap_attempts = use.swap_attempts;
	si->swap_successes = use.swap_successes;
	si->maxidx = maxidx;
	return 0;
}

int
sysv_sem_info(struct sysv_seminfo *si)
{
	struct seminfo lim, use;
	union sysv_semun arg;
	int maxidx;

	arg.__buf = &lim;
	if (semctl(0, 0, IPC_INFO, arg) < 0)
		return -1;
	arg.__buf = &use;
	maxidx = semctl(0, 0, SEM_INFO, arg);
	if (maxidx < 0)
		return -1;
	si->semmni = lim.semmni;
	si->semmsl = lim.semmsl;
	si->semmns = lim.semmns;
	si->semopm = lim.semopm;
	si->semvmx = lim.semvmx;
	/* SEM_INFO: semusz is the number of sets, semaem of semaphores */
	si->used_sets = use.semusz;
	si->used_sems = use.semaem;
	si->maxidx = maxidx;
	return 0;
}
