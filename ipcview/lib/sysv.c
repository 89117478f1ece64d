/*
 * sysv.c - the System V kinds' table and the calls on their objects.
 * *_INFO for the highest index in use, *_STAT_ANY per index, IPC_STAT,
 * IPC_SET and IPC_RMID (msgctl(2), shmctl(2), semctl(2)). Never prints.
 */
#include <errno.h>
#include <stddef.h>
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

static int
sysv_msgget(key_t key, unsigned long n, int flags)
{
	(void)n;
	return msgget(key, flags);
}

static int
sysv_shmget(key_t key, unsigned long n, int flags)
{
	return shmget(key, (size_t)n, flags);
}

static int
sysv_semget(key_t key, unsigned long n, int flags)
{
	return semget(key, (int)n, flags);
}

static int
sysv_msgctl(int id, int cmd, void *ds)
{
	return msgctl(id, cmd, ds);
}

static int
sysv_shmctl(int id, int cmd, void *ds)
{
	return shmctl(id, cmd, ds);
}

static int
sysv_semctl(int id, int cmd, void *ds)
{
	union sysv_semun arg;

	/* IPC_STAT/IPC_SET take a semid_ds, *_INFO a seminfo: both buf */
	arg.buf = ds;
	return semctl(id, 0, cmd, arg);
}

static void
sysv_msq_copy(void *obj, int id, const void *kds)
{
	struct sysv_msq *q = obj;
	const struct msqid_ds *ds = kds;

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
sysv_shm_copy(void *obj, int id, const void *kds)
{
	struct sysv_shm *s = obj;
	const struct shmid_ds *ds = kds;

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
sysv_sem_copy(void *obj, int id, const void *kds)
{
	struct sysv_sem *s = obj;
	const struct semid_ds *ds = kds;

	s->id = id;
	sysv_perm_copy(&s->perm, &ds->sem_perm);
	s->nsems = ds->sem_nsems;
	s->otime = ds->sem_otime;
	s->ctime = ds->sem_ctime;
}

const struct sysv_ops sysv_kinds[SYSV_NKINDS] = {
	[SYSV_MSG] = { "msg", "message queue", "queue", "msgget", "msgctl",
	    sizeof(struct sysv_msq), sysv_msgget, sysv_msgctl, sysv_msq_copy,
	    sizeof(struct msqid_ds), offsetof(struct msqid_ds, msg_perm),
	    MSG_STAT_ANY, MSG_STAT, MSG_INFO },
	[SYSV_SHM] = { "shm", "shared memory segment", "segment", "shmget",
	    "shmctl", sizeof(struct sysv_shm), sysv_shmget, sysv_shmctl,
	    sysv_shm_copy, sizeof(struct shmid_ds),
	    offsetof(struct shmid_ds, shm_perm), SHM_STAT_ANY, SHM_STAT,
	    SHM_INFO },
	[SYSV_SEM] = { "sem", "semaphore", "semaphore set", "semget",
	    "semctl", sizeof(struct sysv_sem), sysv_semget, sysv_semctl,
	    sysv_sem_copy, sizeof(struct semid_ds),
	    offsetof(struct semid_ds, sem_perm), SEM_STAT_ANY, SEM_STAT,
	    SEM_INFO },
};

/* Room for any kind's kernel struct: *id_ds, msginfo, shm_info, seminfo. */
union sysv_ds {
	struct msqid_ds	msq;
	struct shmid_ds	shm;
	struct semid_ds	sem;
	struct msginfo	msginfo;
	struct shm_info	shminfo;
	struct seminfo	seminfo;
};

const struct sysv_ops *
sysv_kind_named(const char *name)
{
	int k;

	for (k = 0; k < SYSV_NKINDS; k++)
		if (strcmp(sysv_kinds[k].name, name) == 0)
			return &sysv_kinds[k];
	return NULL;
}

int
sysv_get(enum sysv_kind k, key_t key, unsigned long n, int flags)
{
	return sysv_kinds[k].get(key, n, flags);
}

/*
 * By index with *_STAT_ANY or *_STAT the call returns the object's id;
 * by id with IPC_STAT it returns 0.
 */
int
sysv_stat(enum sysv_kind k, int num, enum sysv_by by, void *obj)
{
	const struct sysv_ops *t = &sysv_kinds[k];
	union sysv_ds ds;
	int cmd = by == SYSV_BY_ID ? IPC_STAT : by == SYSV_BY_INDEX ?
	    t->cmd_any : t->cmd_read;
	int r = t->ctl(num, cmd, &ds);

	if (r < 0)
		return -1;
	if (by == SYSV_BY_ID)
		r = num;
	t->copy(obj, r, &ds);
	return r;
}

int
sysv_remove(enum sysv_kind k, int id)
{
	return sysv_kinds[k].ctl(id, IPC_RMID, NULL);
}

int
sysv_maxidx(enum sysv_kind k)
{
	union sysv_ds info;

	/* msgctl(2), shmctl(2), semctl(2): *_INFO returns the highest index */
	return sysv_kinds[k].ctl(0, sysv_kinds[k].cmd_info, &info);
}

/*
 * The *_INFO calls return the highest index in use, so maxidx + 1
 * entries always suffice.
 */
ssize_t
sysv_list(enum sysv_kind k, void **out)
{
	size_t size = sysv_kinds[k].size;
	int maxidx = sysv_maxidx(k), i;
	ssize_t n = 0;
	char *v;

	*out = NULL;
	if (maxidx < 0)
		return -1;
	v = malloc(((size_t)maxidx + 1) * size);
	if (v == NULL)
		return -1;
	for (i = 0; i <= maxidx; i++) {
		/* an unused index, or an object removed meanwhile, is skipped */
		if (sysv_stat(k, i, SYSV_BY_INDEX, v + (size_t)n * size) >= 0)
			n++;
	}
	if (n == 0)
		free(v);
	else
		*out = v;
	return n;
}

int
sysv_set(enum sysv_kind k, int id, const struct sysv_attr *a, int *failed)
{
	const struct sysv_ops *t = &sysv_kinds[k];
	union sysv_ds ds;
	struct ipc_perm *p = (struct ipc_perm *)(void *)((char *)&ds +
	    t->ds_perm);

	*failed = IPC_STAT;
	if (t->ctl(id, IPC_STAT, &ds) < 0)
		return -1;
	if (a->uid >= 0)
		p->uid = (uid_t)a->uid;
	if (a->gid >= 0)
		p->gid = (gid_t)a->gid;
	if (a->mode >= 0)
		p->mode = (p->mode & ~0777u) | (unsigned)a->mode;
	if (k == SYSV_MSG && a->qbytes >= 0)
		ds.msq.msg_qbytes = (msglen_t)a->qbytes;
	*failed = IPC_SET;
	return t->ctl(id, IPC_SET, &ds);
}

void
sysv_view(enum sysv_kind k, const void *obj, struct sysv_view *v)
{
	const struct sysv_msq *q = obj;
	const struct sysv_shm *m = obj;
	const struct sysv_sem *s = obj;

	memset(v, 0, sizeof(*v));
	switch (k) {
	case SYSV_MSG:
		*v = (struct sysv_view){ q->id, &q->perm, q->cbytes, q->qnum,
		    { q->lspid, q->lrpid }, { q->stime, q->rtime, q->ctime },
		    3 };
		break;
	case SYSV_SHM:
		*v = (struct sysv_view){ m->id, &m->perm, m->size, m->nattch,
		    { m->cpid, m->lpid }, { m->atime, m->dtime, m->ctime },
		    3 };
		break;
	case SYSV_SEM:
		*v = (struct sysv_view){ s->id, &s->perm, 0, s->nsems,
		    { 0, 0 }, { s->otime, s->ctime, 0 }, 2 };
		break;
	}
}

/* The typed shorthands. */
ssize_t
sysv_msq_list(struct sysv_msq **out)
{
	void *v;
	ssize_t n = sysv_list(SYSV_MSG, &v);

	*out = v;
	return n;
}

ssize_t
sysv_shm_list(struct sysv_shm **out)
{
	void *v;
	ssize_t n = sysv_list(SYSV_SHM, &v);

	*out = v;
	return n;
}

ssize_t
sysv_sem_list(struct sysv_sem **out)
{
	void *v;
	ssize_t n = sysv_list(SYSV_SEM, &v);

	*out = v;
	return n;
}

int
sysv_msq_stat(int id, struct sysv_msq *q)
{
	return sysv_stat(SYSV_MSG, id, SYSV_BY_ID, q) < 0 ? -1 : 0;
}

int
sysv_shm_stat(int id, struct sysv_shm *s)
{
	return sysv_stat(SYSV_SHM, id, SYSV_BY_ID, s) < 0 ? -1 : 0;
}

int
sysv_sem_stat(int id, struct sysv_sem *s)
{
	return sysv_stat(SYSV_SEM, id, SYSV_BY_ID, s) < 0 ? -1 : 0;
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
sysv_sem_getval(int id, int num)
{
	return semctl(id, num, GETVAL);
}

int
sysv_sem_setval(int id, int num, int val)
{
	union sysv_semun arg = { .val = val };

	return semctl(id, num, SETVAL, arg);
}

int
sysv_shm_lock(int id, int lock)
{
	return shmctl(id, lock ? SHM_LOCK : SHM_UNLOCK, NULL);
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
