/*
 * probe_int.h - the collectors' context while one snapshot is taken.
 * Shared by probe.c, probe_util.c, probe_proc.c, probe_pipe.c, probe_sysv.c.
 */
#ifndef IPCVIEW_PROBE_INT_H
#define IPCVIEW_PROBE_INT_H

#include <stddef.h>
#include <sys/types.h>

#include "probe.h"

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
};

/* What a path a descriptor points to is, looked up once per snapshot. */
struct probe_path {
	char		*path;
	int		fifo;
	dev_t		dev;
	ino_t		ino;
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
 * Frees the array v of n elem-sized items, each owning the malloc'd
 * pointer at byte offset off (free(3) of every one first).
 */
void probe_free_each(void *v, size_t n, size_t elem, size_t off);

/* snapshot.c: frees a queue's copied messages; the queue has none after. */
void snapshot_queue_clear(struct snap_queue *q);

/*
 * Reads the file at path (relative to the procfs root) into buf, at most
 * size-1 bytes, NUL-terminated. Returns the length or -1 with errno.
 */
ssize_t probe_read(const struct probe_ctx *c, const char *path, char *buf,
    size_t size);

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

/* The pidfd of procs[i] (pidfd_open(2), cached), or -1. */
int probe_pidfd(struct probe_ctx *c, size_t i);

/* Index of pid in the snapshot's processes, or -1. */
ssize_t probe_proc_index(const struct probe_ctx *c, pid_t pid);

int probe_procs(struct probe_ctx *c, pid_t root);
int probe_pipes(struct probe_ctx *c);
int probe_sysv(struct probe_ctx *c);

#endif
