/*
 * sysv.h - System V message queues, shared memory and semaphore sets: one
 * table of the three kinds and the calls on them (get, *_INFO, *_STAT_ANY
 * per index, IPC_STAT, IPC_SET, IPC_RMID). Serves ipcsh's builtins, its
 * lessons and the probe. Nothing here prints.
 */
#ifndef IPCSH_SYSV_H
#define IPCSH_SYSV_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

struct sysv_perm {
	key_t		key;
	uid_t		uid, cuid;
	gid_t		gid, cgid;
	unsigned int	mode;	/* low 9 bits, plus SHM_DEST/SHM_LOCKED for shm */
};

struct sysv_msq {
	int		id;
	struct sysv_perm perm;
	unsigned long	cbytes, qnum, qbytes;
	pid_t		lspid, lrpid;
	time_t		stime, rtime, ctime;
};

struct sysv_shm {
	int		id;
	struct sysv_perm perm;
	size_t		size;
	unsigned long	nattch;
	pid_t		cpid, lpid;
	time_t		atime, dtime, ctime;
};

struct sysv_sem {
	int		id;
	struct sysv_perm perm;
	unsigned long	nsems;
	time_t		otime, ctime;
};

/*
 * The three kinds, in one table, so that what is done alike to each (get,
 * stat, remove, list, the fields of a row) is written once; the typed
 * functions below are its shorthands. An object is the kind's struct:
 * sysv_msq, sysv_shm or sysv_sem.
 */
enum sysv_kind { SYSV_MSG, SYSV_SHM, SYSV_SEM };
#define SYSV_NKINDS	3

/* How sysv_stat() finds one object. */
enum sysv_by {
	SYSV_BY_ID,		/* IPC_STAT on an id */
	SYSV_BY_INDEX,		/* *_STAT_ANY on an index: readable or not */
	SYSV_BY_INDEX_READ,	/* *_STAT on an index: only what we may read */
};

/*
 * A field of an object and where the kernel's struct holds it; an
 * object's fields also say what they hold, for those who print them.
 */
struct sysv_field {
	unsigned short	to, from;	/* offsets: ours, the kernel's */
	unsigned short	size;		/* bytes, the same both sides */
	char		type;		/* t time_t, l unsigned long,
					 * z size_t, p pid_t (0: limits) */
	const char	*name;		/* ours: "qnum", "size" */
	const char	*kname;		/* the kernel's: "msg_qnum" */
};

struct sysv_ops {
	const char	*name;		/* "msg", "shm", "sem": ipcrm's words */
	const char	*noun;		/* "message queue", "shared memory segment", "semaphore" (ipcrm -v) */
	const char	*obj;		/* "queue", "segment", "semaphore set": errors */
	const char	*get_call;	/* "msgget", "shmget", "semget" */
	const char	*ctl_call;	/* "msgctl", "shmctl", "semctl" */
	size_t		size;		/* bytes of one object */
	/*
	 * the object's fields after id and perm, from the kernel's *id_ds,
	 * in the order ipcview --json lists them
	 */
	const struct sysv_field *fields;
	size_t		nfields;
	size_t		ds_size;	/* sizeof(struct msqid_ds)... */
	size_t		ds_perm;	/* offsetof its struct ipc_perm */
	int		cmd_any, cmd_read, cmd_info; /* *_STAT_ANY, *_STAT, *_INFO */
};
extern const struct sysv_ops sysv_kinds[SYSV_NKINDS];

/* The kind called name ("msg", "shm", "sem"), or NULL. */
const struct sysv_ops *sysv_kind_named(const char *name);

/* The kind's get call: the id, or -1 with errno. n: shm size, nsems. */
int sysv_get(enum sysv_kind k, key_t key, unsigned long n, int flags);

/*
 * One object into obj (the kind's struct), found by id or by index as
 * by says. Returns its id, or -1 with errno (EINVAL: no such id or unused
 * index, EACCES, EIDRM).
 */
int sysv_stat(enum sysv_kind k, int num, enum sysv_by by, void *obj);

/* IPC_RMID. 0, or -1 with errno (EINVAL, EPERM, EIDRM). */
int sysv_remove(enum sysv_kind k, int id);

/* The highest index in use (*_INFO), or -1 with errno. */
int sysv_maxidx(enum sysv_kind k);

/*
 * Every object of the kind the caller may see (*_STAT_ANY), in index
 * order, into a malloc'd array of the kind's structs in *out (NULL when
 * there are none). Returns their number, or -1 with errno. Objects that
 * vanish between the INFO and the STAT_ANY call are skipped.
 */
ssize_t sysv_list(enum sysv_kind k, void **out);

/* The fields IPC_SET changes; -1 leaves one as it is. */
struct sysv_attr {
	long		uid, gid, mode;	/* mode: the low 9 bits */
	long		qbytes;		/* queues only */
};

/*
 * IPC_STAT, then IPC_SET with the fields of a changed. 0, or -1 with
 * errno and the command that failed (IPC_STAT or IPC_SET) in *failed.
 */
int sysv_set(enum sysv_kind k, int id, const struct sysv_attr *a,
    int *failed);

/* What a row shows of any kind's object, in the kind's own terms. */
struct sysv_view {
	int		id;
	const struct sysv_perm *perm;	/* points into the object */
	unsigned long long bytes;	/* msg: cbytes; shm: size; sem: 0 */
	unsigned long	count;		/* msg: qnum; shm: nattch; sem: nsems */
	pid_t		pid[2];		/* msg: lspid, lrpid; shm: cpid, lpid */
	time_t		time[3];	/* msg: stime, rtime, ctime; shm: atime,
					 * dtime, ctime; sem: otime, ctime */
	int		ntimes;		/* 3, or 2 for sem */
};

/* Fills v from obj, an object of kind k. */
void sysv_view(enum sysv_kind k, const void *obj, struct sysv_view *v);

/*
 * Copies message number idx (0 is the first) of queue id without removing
 * it: msgrcv(MSG_COPY | IPC_NOWAIT). buf must hold the largest message
 * (sysv_msgmax() bytes). Returns the text's size and stores its type, or
 * -1 with errno: ENOMSG past the last message, EACCES without read
 * permission, ENOSYS on a kernel without CONFIG_CHECKPOINT_RESTORE.
 */
ssize_t sysv_msg_copy(int id, long idx, void *buf, size_t size, long *type);

/* /proc/sys/kernel/msgmax, the largest message the kernel accepts. */
size_t sysv_msgmax(void);

/*
 * Values of every semaphore of set id (semctl GETALL) into vals, which
 * holds n. 0, or -1 with errno.
 */
int sysv_sem_values(int id, unsigned short *vals, size_t n);

/* One semaphore of a set: semctl GETVAL, GETNCNT, GETZCNT, GETPID. */
struct sysv_semval {
	int		val;
	int		ncnt;	/* processes waiting for it to grow */
	int		zcnt;	/* processes waiting for zero */
	pid_t		pid;	/* last process to operate on it */
};

/*
 * The n first semaphores of set id (n <= nsems). 0, or -1 with errno
 * (EINVAL, EACCES without read permission, EIDRM).
 */
int sysv_sem_members(int id, struct sysv_semval *v, size_t n);

/* semctl GETVAL and SETVAL of semaphore num: the value / 0, or -1 with errno. */
int sysv_sem_getval(int id, int num);
int sysv_sem_setval(int id, int num, int val);

/* shmctl SHM_LOCK (lock 1) or SHM_UNLOCK (0). 0, or -1 with errno. */
int sysv_shm_lock(int id, int lock);

/* Limits (IPC_INFO) and usage (MSG_INFO, SHM_INFO, SEM_INFO). */
struct sysv_msginfo {
	int		msgmni, msgmax, msgmnb; /* limits */
	int		used_queues, used_msgs, used_bytes;
	int		maxidx;			/* highest index in use */
};

struct sysv_shminfo {
	unsigned long	shmmax, shmmin, shmmni;
	unsigned long	shmall;			/* in pages */
	int		used_ids;
	unsigned long	shm_tot, shm_rss, shm_swp; /* pages */
	unsigned long	swap_attempts, swap_successes;
	int		maxidx;
};

struct sysv_seminfo {
	int		semmni, semmsl, semmns, semopm, semvmx;
	int		used_sets, used_sems;
	int		maxidx;
};

/* Each fills its struct: 0, or -1 with errno (ENOSYS without SysV IPC). */
int sysv_msg_info(struct sysv_msginfo *mi);
int sysv_shm_info(struct sysv_shminfo *si);
int sysv_sem_info(struct sysv_seminfo *si);

#endif
