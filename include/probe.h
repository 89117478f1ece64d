/*
 * probe.h - takes a snapshot (snapshot.h) of the IPC state of a process
 * tree: /proc for processes and descriptors, system calls for pipe fill
 * (pidfd_getfd + FIONREAD) and System V objects (sysv.h). Never prints.
 */
#ifndef IPCSH_PROBE_H
#define IPCSH_PROBE_H

#include <sys/stat.h>
#include <sys/types.h>

#include "snapshot.h"

struct probe_cache;

#define PROBE_NMSGS	64	/* messages copied per queue by default */

/*
 * The name (comm) of a helper process of ipcsh (a lesson's check): no
 * snapshot lists it or anything it started; nor do views, then.
 */
#define PROBE_HELPER_COMM	"ipcsh-helper"

#define PROBE_NO_SYSV	0x1	/* skip queues, segments and semaphore sets */
#define PROBE_NO_FILL	0x2	/* no pidfd_getfd: fill and capacity stay -1 */
#define PROBE_NO_MSGS	0x4	/* queue stats only, no message copies */
/*
 * Also preview segments no watched process maps, by attaching them
 * read-only for a moment: shmat(2) sets their shm_lpid, shm_atime and
 * shm_dtime, which `ipcs -p` then shows. Off by default.
 */
#define PROBE_SHMAT	0x8
/* skip POSIX queues and shm objects (mq_overview(7), shm_overview(7)) */
#define PROBE_NO_POSIX	0x100
/*
 * tpgid not wanted (left 0). Without a cache each process's name, state,
 * ids and threads come from /proc/PID/status; tpgid, which only stat has,
 * is then not looked for.
 */
#define PROBE_NO_TTY	0x200

struct probe_opts {
	/*
	 * Where procfs is mounted; NULL means "/proc". A fixture tree (a
	 * copy of the files the probe reads) lets tests check the parsers;
	 * system calls (fill, System V) are skipped for any other root.
	 */
	const char	*procfs;
	int		nmsgs;		/* messages copied per queue; <0 default (64), 0 none */
	size_t		shm_preview;	/* bytes of each segment kept; 0 default (64) */
	unsigned	flags;		/* PROBE_* */
};

/*
 * Takes a snapshot of root and all its descendants (found through
 * /proc/PID/task/TID/children, proc(5)). opts may be NULL for defaults.
 * Items that vanish or refuse mid-scan are skipped, never fatal: a root
 * that exits gives a snapshot with nprocs 0 (queues still listed).
 * Returns a snapshot the caller frees with snapshot_free(), or NULL with
 * errno set (ENOMEM; ENOENT when procfs cannot be read at all).
 *
 * Looking changes nothing: descriptors are copied with pidfd_getfd(2)
 * (close-on-exec, closed at once; the write end when there is one), never
 * opened through /proc/PID/fd; messages are copied with MSG_COPY, which
 * leaves msg_lrpid and msg_rtime alone; segments are read through an
 * attached process's memory (process_vm_readv(2)), never attached unless
 * PROBE_SHMAT asks for it.
 */
struct snapshot *probe_take(pid_t root, const struct probe_opts *opts);

/*
 * The same for several trees at once (nroots of them, at least one): each
 * root and its descendants, in the order given; a process found in two
 * trees is listed once (snap_proc.tree says in which). nprocs is 0 only
 * when every root is gone. NULL with errno (EINVAL for no roots).
 */
struct snapshot *probe_take_roots(const pid_t *roots, size_t nroots,
    const struct probe_opts *opts);

/*
 * What a series of samples keeps from one to the next: per process, its
 * /proc files open for pread(2), its pidfd, and the facts only it can
 * change (signal masks and dispositions, wait channel, command line,
 * descriptors), reused while /proc/PID/schedstat shows it has not run, it
 * sleeps in the same state and blocks no signal (a blocked signal can
 * become pending while it sleeps; so can any to a stopped process).
 * Holds descriptors of /proc files and pidfds only: never a pipe's end.
 * NULL on ENOMEM.
 */
struct probe_cache *probe_cache_new(void);
void probe_cache_free(struct probe_cache *pc);

/*
 * probe_take_roots through the cache pc (NULL: none): the same snapshot,
 * cheaper when most processes sleep. pc must serve one procfs root.
 */
struct snapshot *probe_take_cached(const pid_t *roots, size_t nroots,
    const struct probe_opts *opts, struct probe_cache *pc);

/*
 * One process alone, not its tree: pid, comm, state, ids, uid and the
 * five signal sets (SigPnd, ShdPnd, SigBlk, SigIgn, SigCgt of proc(5)
 * /proc/PID/status) into *p, which holds nothing to free (argv NULL).
 * opts may be NULL. 0, or -1 with errno (ESRCH: no such process).
 */
int probe_proc_signals(pid_t pid, const struct probe_opts *opts,
    struct snap_proc *p);

/*
 * stat(2) of path as process pid sees it: a relative path from its
 * working directory (proc(5) /proc/PID/cwd), an absolute one from its
 * root (/proc/PID/root). Opens nothing, so a FIFO gains no opener.
 * 0, or -1 with errno.
 */
int probe_proc_stat_path(pid_t pid, const char *path, struct stat *st);

/* Frees a snapshot and everything in it. NULL is allowed. */
void snapshot_free(struct snapshot *s);

/*
 * The plain word for a kernel wait-channel name ("anon_pipe_write" and
 * "pipe_write" -> "pipe write", "wait_for_partner" -> "FIFO open",
 * "do_msgrcv" -> "msgrcv"...), after stripping ".isra.N", ".constprop.N"
 * and the like. "" for "0" or an empty name (running, or not permitted);
 * the name itself (stripped) when the table does not know it.
 * Writes into buf (size bytes) and returns it.
 */
char *probe_wchan_word(const char *raw, char *buf, size_t size);

/*
 * Nonzero when word (as probe_wchan_word gives it) is a wait worth an
 * event of its own: in msgrcv, msgsnd, semop, pause, sigsuspend or
 * sigwait. Pipe and FIFO waits have their own events.
 */
int probe_wchan_teaches(const char *word);

#endif
