/*
 * snapshot.h - the snapshot model: plain data copied out of the kernel at
 * one moment (processes, pipes and FIFOs, System V and POSIX objects).
 * Nothing in it points into anything live; every string and array belongs
 * to the snapshot and goes away with snapshot_free() (probe.h).
 */
#ifndef IPCSH_SNAPSHOT_H
#define IPCSH_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "sysv.h"

#define SNAP_WCHAN_MAX	64	/* longest kernel wait-channel name kept */
#define SNAP_COMM_MAX	16	/* TASK_COMM_LEN, proc(5) /proc/PID/comm */

/*
 * One process of the watched tree. The five signal sets are the raw
 * /proc/PID/status masks (bit n-1 set for signal n; sigtab.h decodes them).
 * sigpnd is the thread's own pending set (tgkill), shdpnd the process-wide
 * one (kill); "pending" as shown to students is their union.
 */
struct snap_proc {
	pid_t		pid, ppid, pgid, sid;	/* proc(5) /proc/PID/stat 1,4,5,6 */
	pid_t		tpgid;			/* stat field 8: terminal's fg group */
	int		depth;			/* 0 for the root, 1 its children... */
	int		tree;			/* index in roots of the tree it is in */
	int		nthreads;		/* stat field 20 */
	uid_t		uid;			/* real uid (status "Uid:") */
	char		state;			/* stat field 3: R S D T t Z X I */
	char		wchan[24];		/* plain word ("pipe write"), "" when running */
	char		wchan_raw[SNAP_WCHAN_MAX]; /* /proc/PID/wchan as read ("0" kept) */
	char		comm[SNAP_COMM_MAX + 1];
	char		**argv;			/* NULL-terminated; argv[0] may be absent (kernel thread, zombie) */
	int		argc;
	uint64_t	sigpnd, shdpnd, sigblk, sigign, sigcgt;
	/*
	 * A process blocked in open(2) of a FIFO (wchan wait_for_partner)
	 * holds no descriptor yet: fifo_wait is the path it opens (read from
	 * its memory at the address /proc/PID/syscall names), or NULL.
	 * fifo_wait_mode is O_RDONLY, O_WRONLY or O_RDWR.
	 */
	char		*fifo_wait;
	int		fifo_wait_mode;
	/*
	 * What a process blocked in a system call waits on, from
	 * /proc/PID/syscall's first argument: the descriptor of a pipe
	 * read/write, the id of a msgrcv/msgsnd/semop. -1 when unknown.
	 */
	long		wait_arg;
};

static inline uint64_t
snap_proc_pending(const struct snap_proc *p)
{
	return p->sigpnd | p->shdpnd;
}

/* One end of a pipe held by a process: descriptor fd of pid. */
struct snap_end {
	pid_t		pid;
	int		fd;
	int		blocked;	/* pid is blocked reading/writing this pipe */
};

enum snap_pipe_kind { SNAP_PIPE, SNAP_FIFO };

/*
 * One pipe or FIFO, identified by its inode (pipe(7)). A descriptor opened
 * O_RDWR counts as both a reader and a writer.
 */
struct snap_pipe {
	unsigned long	inode;
	enum snap_pipe_kind kind;
	char		*path;		/* FIFO: its path as /proc/PID/fd shows it; pipe: NULL */
	long		fill;		/* FIONREAD bytes; -1 unknown (no copy possible) */
	long		capacity;	/* F_GETPIPE_SZ bytes; -1 unknown */
	/*
	 * A writer is blocked in the pipe-write wait channel on this pipe.
	 * This, not fill == capacity, is what "full" means: a pipe has 16
	 * page slots, so 100-byte writes fill it at 64000 bytes, not 65536.
	 */
	int		full;
	struct snap_end	*writers;
	size_t		nwriters;
	struct snap_end	*readers;
	size_t		nreaders;
	/*
	 * FIFO only: processes blocked in open(2) waiting for a partner
	 * (fd is -1, blocked is 1). Readers waiting for a writer are in
	 * open_readers, writers waiting for a reader in open_writers.
	 */
	struct snap_end	*open_readers;
	size_t		nopen_readers;
	struct snap_end	*open_writers;
	size_t		nopen_writers;
};

/* One message copied with msgrcv(MSG_COPY | IPC_NOWAIT), msgrcv(2). */
struct snap_msg {
	long		type;
	size_t		size;		/* the message's full size */
	unsigned char	*data;		/* its bytes (size of them), NUL-terminated for convenience */
};

struct snap_queue {
	struct sysv_msq	info;		/* msgctl(MSG_STAT_ANY) */
	int		related;	/* last sender/receiver or a waiter is in the tree */
	int		readable;	/* 0: MSG_COPY said EACCES (or ENOSYS) */
	int		changed;	/* the queue changed while its messages were copied */
	struct snap_msg	*msgs;		/* the first nmsgs messages, in queue order */
	size_t		nmsgs;
};

#define SNAP_SHM_PREVIEW 64	/* bytes of a segment kept by default */

struct snap_shm {
	struct sysv_shm	info;		/* shmctl(SHM_STAT_ANY) */
	int		related;	/* creator/last pid or an attacher is in the tree */
	pid_t		*attached;	/* tree processes that map it (/proc/PID/maps) */
	size_t		nattached;
	int		readable;	/* preview holds the first bytes */
	unsigned char	*preview;
	size_t		npreview;
};

struct snap_sem {
	struct sysv_sem	info;		/* semctl(SEM_STAT_ANY) */
	int		related;	/* a last operator or a waiter is in the tree */
	int		readable;	/* members were read (GETVAL/GETPID/GETNCNT/GETZCNT) */
	struct sysv_semval *members;	/* info.nsems of them, NULL when not readable */
};

/*
 * POSIX IPC (mq_overview(7), shm_overview(7)), beside System V's.
 * A POSIX message queue is found through the watched processes'
 * descriptors (its /proc/PID/fd link is "/NAME", its file system the
 * mqueue one), and where an mqueue file system is mounted also from it.
 */
enum snap_pmq_wait { SNAP_PMQ_NONE, SNAP_PMQ_RECV, SNAP_PMQ_SEND };

/* One descriptor of a POSIX queue (or of a POSIX shm object). */
struct snap_pmq_end {
	pid_t		pid;
	int		fd;
	int		mode;		/* O_RDONLY, O_WRONLY, O_RDWR */
	int		nonblock;	/* O_NONBLOCK set (fdinfo flags) */
	enum snap_pmq_wait blocked;	/* pid waits in mq_receive/mq_send on it */
};

struct snap_pmq {
	char		*name;		/* "/NAME", as mq_open(3) takes it */
	unsigned long	inode;
	dev_t		dev;		/* its mqueue file system (one per IPC namespace) */
	unsigned	mode;		/* permission bits (fstat) */
	uid_t		uid;
	gid_t		gid;
	/* mq_getattr(3) on a copy of a holder's descriptor; -1 unknown */
	long		curmsgs, maxmsg, msgsize;
	long		qsize;		/* bytes queued ("QSIZE:" of its file); -1 unknown */
	int		related;	/* a watched process holds it open */
	int		unlinked;	/* mq_unlink(3)ed while still open */
	struct snap_pmq_end *holders;	/* by pid, fd */
	size_t		nholders;
};

/* A POSIX shared memory object: a file of the tmpfs at /dev/shm. */
struct snap_pshm {
	char		*name;		/* "/NAME", as shm_open(3) takes it */
	unsigned long	inode;
	long		size;		/* st_size, bytes */
	unsigned	mode;
	uid_t		uid;
	gid_t		gid;
	int		related;	/* a watched process maps or holds it */
	int		unlinked;	/* shm_unlink(3)ed, still mapped or held */
	pid_t		*mappers;	/* watched processes that map it (/proc/PID/maps) */
	size_t		nmappers;
	struct snap_pmq_end *holders;	/* descriptors of it (blocked unused) */
	size_t		nholders;
	int		readable;	/* preview holds its first bytes */
	unsigned char	*preview;
	size_t		npreview;
};

struct snapshot {
	pid_t		root;		/* the first of roots */
	pid_t		*roots;		/* the trees asked for, in order */
	size_t		nroots;
	struct timespec	taken;		/* CLOCK_REALTIME when the probe started */
	struct timespec	mono;		/* CLOCK_MONOTONIC, for rates between snapshots */
	/*
	 * Each root, then its tree depth-first by pid, root after root; a
	 * process in two trees is listed once, in the first.
	 */
	struct snap_proc *procs;
	size_t		nprocs;		/* 0 when every root is gone */
	struct snap_pipe *pipes;	/* by inode */
	size_t		npipes;
	struct snap_queue *queues;	/* every queue the user may see, by id */
	size_t		nqueues;
	struct snap_shm	*shms;
	size_t		nshms;
	struct snap_sem	*sems;
	size_t		nsems;
	struct snap_pmq	*pmqs;		/* POSIX queues, by name */
	size_t		npmqs;
	struct snap_pshm *pshms;	/* POSIX shm objects, by name */
	size_t		npshms;
};

/* Lookups by key; NULL when absent. They search the arrays above. */
const struct snap_proc *snap_proc_find(const struct snapshot *s, pid_t pid);
const struct snap_pipe *snap_pipe_find(const struct snapshot *s,
    unsigned long inode);

/*
 * The one process that holds every end of an anonymous pipe (a process's
 * own self-pipe), or 0 when the ends are shared or missing.
 */
pid_t snap_pipe_sole_holder(const struct snap_pipe *pp);

/* Nonzero when pid is one of the snapshot's processes. */
int snap_has_pid(const struct snapshot *s, pid_t pid);

/*
 * The System V objects of kind k (sysv.h's table) in s: how many, and the
 * i-th one's info (struct sysv_msq, sysv_shm or sysv_sem) with its
 * related flag in *related (may be NULL). The info opens its entry, so it
 * is also the entry (struct snap_queue, snap_shm or snap_sem).
 */
size_t snap_sysv_count(const struct snapshot *s, enum sysv_kind k);
const void *snap_sysv_info(const struct snapshot *s, enum sysv_kind k,
    size_t i, int *related);

/* The entry of kind k (struct snap_queue...) with that id, or NULL. */
const void *snap_sysv_find(const struct snapshot *s, enum sysv_kind k,
    int id);

#endif
