/*
 * sysv.h - System V message queues, shared memory and semaphore sets,
 * read with the system calls (msgctl/shmctl/semctl *_INFO, then *_STAT_ANY
 * per index). Shared by ipcsh's ipcs builtin and by the probe.
 * Nothing here prints.
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
 * Every object of the kind that the caller may see, in index order.
 * Return the number found and a malloc'd array in *out that the caller
 * frees (NULL when there are none), or -1 with errno set. Objects that
 * vanish between the INFO and the STAT_ANY call are skipped.
 */
ssize_t sysv_msq_list(struct sysv_msq **out);
ssize_t sysv_shm_list(struct sysv_shm **out);
ssize_t sysv_sem_list(struct sysv_sem **out);

/* One object by id (IPC_STAT). 0, or -1 with errno (EINVAL, EACCES, EIDRM). */
int sysv_msq_stat(int id, struct sysv_msq *q);
int sysv_shm_stat(int id, struct sysv_shm *s);
int sysv_sem_stat(int id, struct sysv_sem *s);

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
