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
 * One UNIX domain socket (unix(7)) a watched process holds, identified by
 * its inode, with what sock_diag(7) (NETLINK_SOCK_DIAG, UNIX_DIAG_*) says
 * of it. The peer is matched through its inode as ss(8) -x does.
 */
enum snap_sock_state {
	SNAP_SOCK_UNCONNECTED,	/* no peer (a datagram socket, a closed one) */
	SNAP_SOCK_LISTENING,	/* listen(2): pending connections wait in accept */
	SNAP_SOCK_CONNECTED,	/* a peer (socketpair, connect, accept) */
	SNAP_SOCK_CONNECTING,	/* connected to a listener, not accepted yet */
};

struct snap_sock {
	unsigned long	inode;
	unsigned long	peer;		/* the other end's inode; 0 none or unknown */
	int		type;		/* SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET */
	enum snap_sock_state state;
	/*
	 * Its own address: a path, or an abstract name written "@name"
	 * (abstract set); NULL when unbound (socketpair(2), a client).
	 */
	char		*name;
	int		abstract;
	int		diag;		/* sock_diag answered for it: the fields below are known */
	/*
	 * Bytes waiting for this end's holders to read, which its peer sent
	 * (SIOCINQ, unix(7); a datagram socket: the next datagram's size);
	 * -1 unknown. A listening socket: its pending connections.
	 */
	long		inq;
	/*
	 * SIOCOUTQ: memory the data this end sent still holds in the
	 * peer's queue (the kernel counts whole buffers, not bytes); -1
	 * unknown. A listening socket: its backlog (listen(2)'s maximum).
	 */
	long		outq;
	unsigned long	*pending;	/* listening: the waiting clients' inodes */
	size_t		npending;
	unsigned long	listener;	/* connecting: the listener it waits in, or 0 */
	int		shutdown;	/* SHUT_RD 1, SHUT_WR 2 bits (UNIX_DIAG_SHUTDOWN) */
	struct snap_end	*holders;	/* blocked: reading or writing it */
	size_t		nholders;
};

/*
 * An eventfd, signalfd or pidfd descriptor of a watched process: what
 * proc(5) /proc/PID/fdinfo says of it.
 */
enum snap_anon_kind { SNAP_EVENTFD, SNAP_SIGNALFD, SNAP_PIDFD };

struct snap_anonfd {
	enum snap_anon_kind kind;
	pid_t		pid;		/* the holder */
	int		fd;
	int		blocked;	/* the holder waits reading it */
	unsigned long long count;	/* eventfd: eventfd-count */
	long		id;		/* eventfd: eventfd-id; -1 unknown */
	int		semaphore;	/* eventfd: EFD_SEMAPHORE (-1 unknown) */
	uint64_t	sigmask;	/* signalfd: sigmask (bit n-1: signal n) */
	pid_t		target;		/* pidfd: Pid (-1: it exited, 0 unknown) */
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
	struct snap_sock *socks;	/* UNIX sockets the tree holds, by inode */
	size_t		nsocks;
	struct snap_anonfd *anonfds;	/* by kind, then holder, then fd */
	size_t		nanonfds;
	struct snap_pmq	*pmqs;		/* POSIX queues, by name */
	size_t		npmqs;
	struct snap_pshm *pshms;	/* POSIX shm objects, by name */
	size_t		npshms;
	/*
	 * The indices of procs in the order of their pids (snap_index), or
	 * NULL: snap_proc_find then searches procs one by one.
	 */
	size_t		*by_pid;
};

/* Lookups by key; NULL when absent. They search the arrays above. */
const struct snap_proc *snap_proc_find(const struct snapshot *s, pid_t pid);

/*
 * Sorts s->procs' indices by pid into s->by_pid, for snap_proc_find: the
 * probe calls it once a snapshot's processes are all read. Without
 * memory it leaves by_pid NULL. Changing procs afterwards needs it again.
 */
void snap_index(struct snapshot *s);
const struct snap_pipe *snap_pipe_find(const struct snapshot *s,
    unsigned long inode);

const struct snap_sock *snap_sock_find(const struct snapshot *s,
    unsigned long inode);

/*
 * Where a socket comes from, for people: "socketpair" (connected, neither
 * end named), "path" or "abstract" (its name or its peer's, or the
 * listener's it waits in), "unbound".
 */
const char *snap_sock_origin(const struct snapshot *s,
    const struct snap_sock *k);

/* "stream", "datagram", "seqpacket" (or "?"); the state likewise. */
const char *snap_sock_type_name(int type);
const char *snap_sock_state_name(enum snap_sock_state st);

/*
 * The one process that holds every end of an anonymous pipe (a process's
 * own self-pipe), or 0 when the ends are shared or missing.
 */
pid_t snap_pipe_sole_holder(const struct snap_pipe *pp);

/* Nonzero when pid is one of the snapshot's processes. */
int snap_has_pid(const struct snapshot *s, pid_t pid);

/* Lists of pids (an object's mappers, roots): whether pid is in v[0..n). */
int snap_pid_in(const pid_t *v, size_t n, pid_t pid);
/*
 * Adds pid at the end of the *n pids of *v (realloc'd) unless it is one
 * of them already. 0, or -1 with errno ENOMEM (the list unchanged).
 */
int snap_pid_add(pid_t **v, size_t *n, pid_t pid);

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
