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

/*
 * A field copied from a kernel struct (F's f) to ours (T's t), holding
 * type ty (struct sysv_field); both have the same type, which the size
 * check makes the compiler hold to.
 */
#define SYSV_FIELD(T, t, F, f, ty) { offsetof(T, t), offsetof(F, f),	\
	sizeof(((T *)0)->t) +						\
	0 * sizeof(char[sizeof(((T *)0)->t) == sizeof(((F *)0)->f) ? 1 : -1]), \
	ty, #t, #f }
#define SYSV_MSQ(t, f, ty)						\
	SYSV_FIELD(struct sysv_msq, t, struct msqid_ds, f, ty)
#define SYSV_SHM(t, f, ty)						\
	SYSV_FIELD(struct sysv_shm, t, struct shmid_ds, f, ty)
#define SYSV_SEM(t, f, ty)						\
	SYSV_FIELD(struct sysv_sem, t, struct semid_ds, f, ty)
#define SYSV_NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))

static const struct sysv_field msq_fields[] = {
	SYSV_MSQ(qnum, msg_qnum, 'l'), SYSV_MSQ(cbytes, __msg_cbytes, 'l'),
	SYSV_MSQ(qbytes, msg_qbytes, 'l'), SYSV_MSQ(lspid, msg_lspid, 'p'),
	SYSV_MSQ(lrpid, msg_lrpid, 'p'), SYSV_MSQ(stime, msg_stime, 't'),
	SYSV_MSQ(rtime, msg_rtime, 't'), SYSV_MSQ(ctime, msg_ctime, 't'),
};
static const struct sysv_field shm_fields[] = {
	SYSV_SHM(size, shm_segsz, 'z'), SYSV_SHM(nattch, shm_nattch, 'l'),
	SYSV_SHM(cpid, shm_cpid, 'p'), SYSV_SHM(lpid, shm_lpid, 'p'),
	SYSV_SHM(atime, shm_atime, 't'), SYSV_SHM(dtime, shm_dtime, 't'),
	SYSV_SHM(ctime, shm_ctime, 't'),
};
static const struct sysv_field sem_fields[] = {
	SYSV_SEM(nsems, sem_nsems, 'l'), SYSV_SEM(otime, sem_otime, 't'),
	SYSV_SEM(ctime, sem_ctime, 't'),
};

/* Every kind's struct opens as struct sysv_msq does: id, then perm. */
_Static_assert(offsetof(struct sysv_shm, id) == offsetof(struct sysv_msq, id) &&
    offsetof(struct sysv_sem, id) == offsetof(struct sysv_msq, id) &&
    offsetof(struct sysv_shm, perm) == offsetof(struct sysv_msq, perm) &&
    offsetof(struct sysv_sem, perm) == offsetof(struct sysv_msq, perm),
    "sysv objects share their head");

/*
 * The n fields of table f from the kernel's struct from into ours, to.
 * The fields are ints and longs: copies of a constant size are a load
 * and a store, where memcpy(3) of a variable size was a call per field
 * (most of a row of `ipcs` with 1000 objects).
 */
static void
sysv_fields_copy(void *to, const void *from, const struct sysv_field *f,
    size_t n)
{
	char *t = to;
	const char *s = from;
	size_t i;

	for (i = 0; i < n; i++)
		switch (f[i].size) {
		case 4:
			memcpy(t + f[i].to, s + f[i].from, 4);
			break;
		case 8:
			memcpy(t + f[i].to, s + f[i].from, 8);
			break;
		default:
			memcpy(t + f[i].to, s + f[i].from, f[i].size);
			break;
		}
}

const struct sysv_ops sysv_kinds[SYSV_NKINDS] = {
	[SYSV_MSG] = { "msg", "message queue", "queue", "msgget", "msgctl",
	    sizeof(struct sysv_msq), msq_fields, SYSV_NFIELDS(msq_fields),
	    sizeof(struct msqid_ds), offsetof(struct msqid_ds, msg_perm),
	    MSG_STAT_ANY, MSG_STAT, MSG_INFO },
	[SYSV_SHM] = { "shm", "shared memory segment", "segment", "shmget",
	    "shmctl", sizeof(struct sysv_shm), shm_fields,
	    SYSV_NFIELDS(shm_fields), sizeof(struct shmid_ds),
	    offsetof(struct shmid_ds, shm_perm), SHM_STAT_ANY, SHM_STAT,
	    SHM_INFO },
	[SYSV_SEM] = { "sem", "semaphore", "semaphore set", "semget",
	    "semctl", sizeof(struct sysv_sem), sem_fields,
	    SYSV_NFIELDS(sem_fields), sizeof(struct semid_ds),
	    offsetof(struct semid_ds, sem_perm), SEM_STAT_ANY, SEM_STAT,
	    SEM_INFO },
};

/* msgctl(id, cmd, ds), shmctl(id, cmd, ds) or semctl(id, 0, cmd, ds). */
static int
sysv_ctl(enum sysv_kind k, int id, int cmd, void *ds)
{
	union sysv_semun arg;

	switch (k) {
	case SYSV_MSG:
		return msgctl(id, cmd, ds);
	case SYSV_SHM:
		return shmctl(id, cmd, ds);
	default:
		/* IPC_STAT/IPC_SET take a semid_ds, *_INFO a seminfo: buf */
		arg.buf = ds;
		return semctl(id, 0, cmd, arg);
	}
}

/* Room for any kind's kernel struct: *id_ds, msginfo, shm_info, seminfo. */
union sysv_ds {
	struct msqid_ds	msq;
	struct shmid_ds	shm;
	struct semid_ds	sem;
	struct msginfo	msginfo;
	struct shminfo	shmlim;
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
	switch (k) {
	case SYSV_MSG:
		return msgget(key, flags);
	case SYSV_SHM:
		return shmget(key, (size_t)n, flags);
	default:
		return semget(key, (int)n, flags);
	}
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
	int r = sysv_ctl(k, num, cmd, &ds);
	struct sysv_msq *head = obj;	/* every kind's struct: id, perm */

	if (r < 0)
		return -1;
	if (by == SYSV_BY_ID)
		r = num;
	memset(obj, 0, t->size);
	head->id = r;
	sysv_perm_copy(&head->perm, (const struct ipc_perm *)(const void *)
	    ((const char *)&ds + t->ds_perm));
	sysv_fields_copy(obj, &ds, t->fields, t->nfields);
	return r;
}

int
sysv_remove(enum sysv_kind k, int id)
{
	return sysv_ctl(k, id, IPC_RMID, NULL);
}

int
sysv_maxidx(enum sysv_kind k)
{
	union sysv_ds info;

	/* msgctl(2), shmctl(2), semctl(2): *_INFO returns the highest index */
	return sysv_ctl(k, 0, sysv_kinds[k].cmd_info, &info);
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
	if (sysv_ctl(k, id, IPC_STAT, &ds) < 0)
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
	return sysv_ctl(k, id, IPC_SET, &ds);
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

	/* IPC_INFO's msgmax is the namespace's sysctl: one call, no file */
	if (msgctl(0, IPC_INFO, (struct msqid_ds *)(void *)&info) >= 0)
		v = (unsigned long)info.msgmax;
	if (v == 0 && (f = fopen("/proc/sys/kernel/msgmax", "re")) != NULL) {
		if (fscanf(f, "%lu", &v) != 1)
			v = 0;
		fclose(f);
	}
	return v != 0 ? v : 8192;
}

int
sysv_sem_values(int id, unsigned short *vals, size_t n)
{
	struct sysv_sem s;
	union sysv_semun arg;
	unsigned short *all;

	if (sysv_stat(SYSV_SEM, id, SYSV_BY_ID, &s) < 0)
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

/*
 * Limits (IPC_INFO into lim) and usage (the kind's *_INFO into use) of
 * kind k; the fields of each copied to out by the tables. *_INFO returns
 * the highest index in use, stored at out's maxidx. 0, or -1 with errno.
 */
static int
sysv_info(enum sysv_kind k, void *out, const struct sysv_field *f,
    size_t nlim, size_t nuse, size_t maxidx)
{
	union sysv_ds lim, use;
	int n;

	if (sysv_ctl(k, 0, IPC_INFO, &lim) < 0 ||
	    (n = sysv_ctl(k, 0, sysv_kinds[k].cmd_info, &use)) < 0)
		return -1;
	sysv_fields_copy(out, &lim, f, nlim);
	sysv_fields_copy(out, &use, f + nlim, nuse);
	memcpy((char *)out + maxidx, &n, sizeof(n));
	return 0;
}

#define SYSV_MI(t, f)	SYSV_FIELD(struct sysv_msginfo, t, struct msginfo, f, 0)
#define SYSV_SL(t, f)	SYSV_FIELD(struct sysv_shminfo, t, struct shminfo, f, 0)
#define SYSV_SU(t, f)							\
	SYSV_FIELD(struct sysv_shminfo, t, struct shm_info, f, 0)
#define SYSV_SI(t, f)	SYSV_FIELD(struct sysv_seminfo, t, struct seminfo, f, 0)

/* The limits, then the usage; MSG_INFO and SEM_INFO reuse the fields. */
static const struct sysv_field msginfo_fields[] = {
	SYSV_MI(msgmni, msgmni), SYSV_MI(msgmax, msgmax),
	SYSV_MI(msgmnb, msgmnb),
	/* MSG_INFO: queues, messages, bytes in use */
	SYSV_MI(used_queues, msgpool), SYSV_MI(used_msgs, msgmap),
	SYSV_MI(used_bytes, msgtql),
};
static const struct sysv_field shminfo_fields[] = {
	SYSV_SL(shmmax, shmmax), SYSV_SL(shmmin, shmmin),
	SYSV_SL(shmmni, shmmni), SYSV_SL(shmall, shmall),
	SYSV_SU(used_ids, used_ids), SYSV_SU(shm_tot, shm_tot),
	SYSV_SU(shm_rss, shm_rss), SYSV_SU(shm_swp, shm_swp),
	SYSV_SU(swap_attempts, swap_attempts),
	SYSV_SU(swap_successes, swap_successes),
};
static const struct sysv_field seminfo_fields[] = {
	SYSV_SI(semmni, semmni), SYSV_SI(semmsl, semmsl),
	SYSV_SI(semmns, semmns), SYSV_SI(semopm, semopm),
	SYSV_SI(semvmx, semvmx),
	/* SEM_INFO: semusz is the number of sets, semaem of semaphores */
	SYSV_SI(used_sets, semusz), SYSV_SI(used_sems, semaem),
};

int
sysv_msg_info(struct sysv_msginfo *mi)
{
	return sysv_info(SYSV_MSG, mi, msginfo_fields, 3, 3,
	    offsetof(struct sysv_msginfo, maxidx));
}

int
sysv_shm_info(struct sysv_shminfo *si)
{
	return sysv_info(SYSV_SHM, si, shminfo_fields, 4, 6,
	    offsetof(struct sysv_shminfo, maxidx));
}

int
sysv_sem_info(struct sysv_seminfo *si)
{
	return sysv_info(SYSV_SEM, si, seminfo_fields, 5, 2,
	    offsetof(struct sysv_seminfo, maxidx));
}
