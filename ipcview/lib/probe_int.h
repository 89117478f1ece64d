/*
 * probe_int.h - the collectors' context while one snapshot is taken.
 * Shared by probe.c, probe_util.c, probe_proc.c, probe_pipe.c, probe_sock.c,
 * probe_sysv.c, probe_posix.c.
 */
#ifndef IPCVIEW_PROBE_INT_H
#define IPCVIEW_PROBE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "probe.h"

struct probe_pent;
struct px_ctx;

struct probe_ctx {
	int		procfd;		/* the procfs root, O_DIRECTORY */
	int		live;		/* it is the real /proc: system calls allowed */
	int		nmsgs;		/* messages per queue */
	size_t		shm_preview;	/* bytes per segment */
	unsigned	flags;		/* PROBE_* */
	int		tree;		/* index of the root being walked */
	struct snapshot	*s;		/* being filled */
	size_t		cap_procs, cap_pipes;
	int		*pidfds;	/* pidfd_open() of procs[i], -1 not yet, -2 failed */
	struct probe_path *paths;	/* stat(2) of descriptor targets, by path */
	size_t		npaths, cap_paths;
	struct probe_cache *cache;	/* kept between samples, or NULL */
	struct probe_pent **pents;	/* procs[i]'s cache entry, or NULL */
	size_t		cap_pents;
	struct px_ctx	*px;		/* probe_posix.c's; NULL: it is off */
	struct probe_sess *sess;	/* sessions seen, for tpgid */
	size_t		nsess, cap_sess;
	pid_t		*pidset;	/* probe_pid_seen's, 0 empty */
	size_t		npidset, cap_pidset;
};

/* A session of the snapshot: whether its leader has a terminal. */
struct probe_sess {
	pid_t		sid;
	int		tty;		/* 1, 0, or -1 unknown */
};

/* The /proc/PID files a cache entry keeps open (probe_cache.c). */
enum {
	PROBE_F_STAT, PROBE_F_STATUS, PROBE_F_WCHAN, PROBE_F_SCHED,
	PROBE_F_CHILDREN, PROBE_NFILES
};

/* One descriptor of a process as the last scan found it. */
struct probe_fdent {
	dev_t		dev;
	unsigned long	ino;
	int		kind;		/* enum snap_pipe_kind */
	char		*path;		/* FIFO's, queue's or shm object's path,
					   malloc'd; NULL for the others */
	int		fd, mode;
	int		nonblock;	/* O_NONBLOCK (queues and shm objects) */
};

/* A mapping of a /dev/shm file, from /proc/PID/maps. */
struct probe_map {
	unsigned long	start, end, off, ino;
	char		*path;		/* "/dev/shm/NAME[ (deleted)]", malloc'd */
};

/*
 * One process as the cache knows it. Its kept files read the process they
 * were opened for, never a later one with the same pid (a pread of a
 * process gone fails); starttime (stat field 22) tells a reused pid when
 * a file had to be opened anew. The facts below are those of the last
 * full read, valid when valid is set.
 */
struct probe_pent {
	pid_t		pid;
	unsigned long	gen;		/* the last sample that saw it */
	int		fd[PROBE_NFILES];	/* -1 when not kept */
	int		pidfd;		/* pidfd_open(2), -1 when not kept */
	unsigned long long starttime;
	unsigned long long runtime, pcount;	/* /proc/PID/schedstat 1 and 3 */
	int		sched_ok;	/* runtime and pcount were read */
	int		ran;		/* it ran since the previous sample (or unknown) */
	int		valid;		/* the facts below are the last read's */
	char		state;
	uid_t		uid;
	uint64_t	sigpnd, shdpnd, sigblk, sigign, sigcgt;
	char		wchan[24], wchan_raw[SNAP_WCHAN_MAX];
	long		wait_arg;
	char		*fifo_wait;
	int		fifo_wait_mode;
	char		**argv;
	int		argc;
	int		fds_valid;	/* fds[] is the last scan's */
	struct probe_fdent *fds;
	size_t		nfds;
	int		maps_valid;	/* maps[] is the last read's */
	struct probe_map *maps;		/* its /dev/shm mappings */
	size_t		nmaps;
};

/*
 * The entry of pid (created empty when new), marked seen in this sample;
 * NULL on ENOMEM (the caller reads without the cache).
 */
struct probe_pent *probe_cache_get(struct probe_cache *pc, pid_t pid);

/* Closes the entry's files and forgets its facts (a new process). */
void probe_cache_forget(struct probe_cache *pc, struct probe_pent *e);

/* Forgets the entry's mappings (maps_valid cleared). */
void probe_cache_drop_maps(struct probe_pent *e);

/*
 * Reads file `which` of e's process from offset 0, through the kept
 * descriptor, or opening it (and keeping it while the budget allows).
 * -1 when it cannot be read; a kept descriptor that fails is closed.
 */
ssize_t probe_cache_read(const struct probe_ctx *c, struct probe_pent *e,
    int which, char *buf, size_t size);

/* Keeps fd as e's pidfd; -1 (not kept) when over the budget. */
int probe_cache_keep_pidfd(struct probe_cache *pc, struct probe_pent *e,
    int fd);

/* A sample begins; after it, entries it did not see are freed. */
void probe_cache_begin(struct probe_cache *pc);
void probe_cache_sweep(struct probe_cache *pc);

/*
 * What a path a descriptor points to is, looked up once per snapshot:
 * kind SNAP_FIFO, PROBE_FD_PMQ, PROBE_FD_PSHM, or 0 (none of ours).
 * A path ending in " (deleted)" names no one file: never looked up again.
 */
struct probe_path {
	char		*path;
	int		kind;
	int		shared;		/* may be found again by path */
	struct stat	st;		/* stat(2) through the link */
};

/*
 * Opens the procfs root opts names ("/proc" by default) into c, cleared
 * first, with the options' defaults filled in. 0, or -1 with errno; the
 * caller closes c->procfd.
 */
int probe_ctx_open(struct probe_ctx *c, const struct probe_opts *opts);

/* Grows *arr (of elem-sized items, *cap of them) to hold n+1. 0 or -1. */
int probe_grow(void *arr, size_t *cap, size_t n, size_t elem);

/*
 * Open addressing by pid (probe_cache's entries, probe_pid_seen's set):
 * a table of cap slots, a power of two, probed on from the pid's hash.
 */
static inline size_t
probe_pid_hash(pid_t pid, size_t cap)
{
	return ((size_t)pid * 2654435761u) & (cap - 1);
}

/*
 * Doubles such a table (64 slots at first): *tab holds *cap slots of
 * elem bytes, key(slot) the pid in one or 0 for an empty one (a zeroed
 * slot is empty). The slots move to their places in the new table.
 * 0, or -1 when memory runs out (the table as it was).
 */
int probe_pidtab_grow(void *tab, size_t *cap, size_t elem,
    pid_t (*key)(const void *slot));

/*
 * Frees the array v of n elem-sized items, each owning the malloc'd
 * pointer at byte offset off (free(3) of every one first).
 */
void probe_free_each(void *v, size_t n, size_t elem, size_t off);
/* The same of the list *arr of *n items, left empty (*arr NULL, *n 0). */
void probe_drop_each(void *arr, size_t *n, size_t elem, size_t off);

/* snapshot.c: frees a queue's copied messages; the queue has none after. */
void snapshot_queue_clear(struct snap_queue *q);

/*
 * "PID" then a and b (b may be NULL) into buf, at most size-1 bytes and a
 * NUL, as snprintf(buf, size, "%d%s%s") but without parsing a format: the
 * /proc/PID/... paths relative to the procfs root, several per process.
 * Returns buf.
 */
char *probe_pid_path(char *buf, size_t size, pid_t pid, const char *a,
    const char *b);

/*
 * strtoul(s, end, 10) for what procfs writes, digits without a sign,
 * read by hand; anything else is strtoul's.
 */
unsigned long probe_dec(const char *s, char **end);

/*
 * Reads the file at path (relative to the procfs root) into buf, at most
 * size-1 bytes, NUL-terminated. Returns the length or -1 with errno.
 * probe_read is for a file of one record (stat, status, fdinfo);
 * probe_read_at with PROBE_RD_RECORDS reads one of many (maps, children,
 * mountinfo), which procfs hands out a page at a time.
 */
#define PROBE_RD_PREAD		1	/* pread(2) from 0: a file kept open */
#define PROBE_RD_RECORDS	2	/* read on to the end, not one read */
ssize_t probe_read(const struct probe_ctx *c, const char *path, char *buf,
    size_t size);
ssize_t probe_read_at(const struct probe_ctx *c, const char *path,
    char *buf, size_t size, int flags);

/* The same from an open file, from its offset (or 0: PROBE_RD_PREAD). */
ssize_t probe_read_fd(int fd, char *buf, size_t size, int flags);

/*
 * /proc/PID/syscall (proc(5)): the number and six arguments of the call
 * pid is blocked in. 0, or -1 when running, not in a call or unreadable.
 */
int probe_syscall(const struct probe_ctx *c, pid_t pid, long *nr,
    unsigned long args[6]);

/*
 * Calls fn(arg, name) for each entry of the directory at path (relative to
 * the procfs root) whose name starts with a digit, read with getdents64(2)
 * straight into a buffer. Stops at the first nonzero return and returns it;
 * 0 also when the directory cannot be opened (the process is gone).
 */
int probe_dir_each(const struct probe_ctx *c, const char *path,
    int (*fn)(void *arg, const char *name), void *arg);

/*
 * The same, fn also given the directory's descriptor: names in it are
 * one path component away (readlinkat(dirfd, name) walks no /proc/PID).
 */
int probe_dir_each_at(const struct probe_ctx *c, const char *path,
    int (*fn)(void *arg, int dirfd, const char *name), void *arg);

/* The pidfd of procs[i] (pidfd_open(2), cached), or -1. */
int probe_pidfd(struct probe_ctx *c, size_t i);

/* Index of pid in the snapshot's processes, or -1. */
/*
 * The pids of the snapshot's processes so far, for the tree walk (a pid
 * reused during it must not loop): probe_pid_add 0, or -1 on ENOMEM.
 */
int probe_pid_seen(const struct probe_ctx *c, pid_t pid);
int probe_pid_add(struct probe_ctx *c, pid_t pid);

/*
 * Descriptors the one scan of /proc/PID/fd (probe_pipe.c) finds that are
 * neither pipes nor FIFOs: probe_sock.c's (sockets, eventfds, signalfds,
 * pidfds) and probe_posix.c's (POSIX queues, shm objects). Kinds after
 * SNAP_FIFO, kept in the cache's probe_fdent.kind like them.
 */
enum { PROBE_FD_SOCK = SNAP_FIFO + 1, PROBE_FD_EVENTFD, PROBE_FD_SIGNALFD,
	PROBE_FD_PIDFD, PROBE_FD_PMQ, PROBE_FD_PSHM };

struct probe_fdref {
	unsigned long	ino;		/* a socket's, queue's, shm object's */
	size_t		proc;		/* index in procs[] */
	int		fd;
	int		kind;		/* PROBE_FD_* */
	dev_t		dev;		/* queue, shm object: its file system */
	const char	*path;		/* queue, shm object: the link's text */
	int		mode, nonblock;	/* queue, shm object: fdinfo flags */
};

/*
 * The kind (PROBE_FD_*) of a descriptor whose /proc/PID/fd link reads
 * target ("socket:[INODE]", "anon_inode:[eventfd]"...), its inode in *ino;
 * 0 when it is none of them.
 */
int probe_fd_other(const char *target, unsigned long *ino);

/* UNIX sockets, eventfds, signalfds, pidfds of the refs v[0..n). */
int probe_socks(struct probe_ctx *c, struct probe_fdref *v, size_t n);

int probe_procs(struct probe_ctx *c, pid_t root);
int probe_pipes(struct probe_ctx *c);
int probe_sysv(struct probe_ctx *c);

/*
 * probe_posix.c. Before the descriptor scan: where queues and shm objects
 * live (c->px; left NULL when POSIX objects are not probed). 0 or -1.
 */
int probe_posix_begin(struct probe_ctx *c);

/*
 * During it: PROBE_FD_PMQ or PROBE_FD_PSHM for a descriptor whose link
 * (relative to the procfs root) reads target and leads to st; else 0.
 */
int probe_posix_kind(struct probe_ctx *c, const char *link,
    const char *target, const struct stat *st);

/* The queue and shm descriptors the scan found (pidfds open). 0 or -1. */
int probe_posix_fds(struct probe_ctx *c, const struct probe_fdref *v,
    size_t n);

/* After it: mappings of shm objects, the listings, the order. 0 or -1. */
int probe_posix(struct probe_ctx *c);

/* Frees c->px. */
void probe_posix_end(struct probe_ctx *c);

/*
 * A process in the mqueue wait (wchan "mq wait"): "mq_receive" or
 * "mq_send" from /proc/PID/syscall, wait_arg the queue's descriptor.
 */
void probe_pmq_wchan(const struct probe_ctx *c, struct snap_proc *p);

#endif
