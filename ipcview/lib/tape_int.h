/*
 * tape_int.h - inside the tape: the record writer the tracer uses and the
 * tracer's parts (tape_trace.c stops and events, tape_sys.c the calls).
 */
#ifndef IPCSH_TAPE_INT_H
#define IPCSH_TAPE_INT_H

#include <stddef.h>
#include <sys/types.h>

#include "tape.h"

/* One record being written: rb_start, rb_* keys, rb_end (then rb_flush). */
struct rb {
	char	b[8192];
	size_t	n;
};

void rb_start(struct rb *r, pid_t pid, const char *event);
void rb_num(struct rb *r, const char *key, long v);
void rb_str(struct rb *r, const char *key, const char *v);
/* A list: rb_key then rb_item for each element. */
void rb_key(struct rb *r, const char *key);
void rb_item(struct rb *r, const char *v, int first);
int rb_end(struct rb *r, int out);
/* Writes the records rb_end keeps back (before the tracer waits). */
int rb_flush(void);
/* Called by rb_start before each record (not within itself). */
extern void (*rb_hook)(void);

/* A run of reads or writes on one pipe or socket, until something else. */
struct tp_run {
	unsigned long	inode;
	int		fd;
	int		kind;		/* FK_PIPE, FK_FIFO or FK_SOCK */
	int		op;		/* 0 none, 'w', 'r' */
	long		bytes;
	long		calls;
};

/* What a process killed by a signal was blocked in (its exit record). */
struct tp_blocked {
	const char	*call;		/* "read", "msgrcv"...; NULL: nothing */
	int		fd;		/* -1: no descriptor */
	int		kind;		/* FK_* of fd */
	unsigned long	ino;		/* pipe or FIFO inode */
	long		id;		/* System V id; -1: none */
	char		path[256];	/* FIFO path */
};

#define TP_NFD		64	/* descriptors whose kind is cached */
#define TR_NWEND	16	/* write ends a tracee is known to hold */
#define TP_NSIGRET	8	/* nested handlers followed */
/*
 * Reads and writes on pipes, FIFOs or sockets in a row, on one
 * descriptor or from one into another (a filter: cat between two pipes),
 * after which a system program is in a copy loop ("hot"): from there it
 * is followed by its events only and the bytes of those runs come from
 * /proc/PID/io. TP_HOT_MS: how often a hot run's count is written.
 */
#define TP_HOT		64
#define TP_HOT_MS	100

/* A hot run: reads (op 'r') or writes ('w') counted from /proc/PID/io. */
struct tp_hot {
	int		op;		/* 0: none this way */
	int		fd, kind;
	unsigned long	inode;
	int		calls;		/* of the streak that made it hot */
	int		writers;	/* traced holders of the write end then */
	unsigned long long io_bytes;	/* rchar or wchar at the last count */
	unsigned long long io_calls;	/* syscr or syscw */
};

/* One tracee (a thread of a traced process). */
struct tp {
	pid_t		pid;
	struct tp	*next;		/* hash chain */
	int		calls_mode;	/* syscall stops (else events only) */
	int		calls;		/* syscall entries seen */
	int		estimate;	/* past the budget: counts are lower bounds */
	int		nohot;		/* never hot: the student's program */
	int		hot;		/* its runs counted from /proc/PID/io */
	int		hot_nr, hot_nw;	/* reads and writes of the streak */
	int		hot_rfd, hot_wfd; /* their descriptors */
	struct tp_hot	hrun[2];	/* hot: its reads, its writes */
	long long	io_at;		/* when they were counted (ms) */
	int		cont;		/* last resumed without syscall stops */
	int		nwend;		/* write ends of pipes and FIFOs it holds */
	struct {
		int		fd;
		unsigned long	ino;
	}		wend[TR_NWEND];	/* (from exec, or its parent's) */
	int		held;		/* new child waiting for its parent's event */
	int		thread;		/* not a thread-group leader */
	int		in_sys;		/* between entry and exit */
	long		nr;		/* the call entered */
	unsigned long	args[6];
	unsigned long	pend_ino;	/* close: what the descriptor was */
	int		pend_kind;
	unsigned long	sent;		/* signals recorded at a traced kill() */
	int		nsigret;
	int		sigret[TP_NSIGRET];
	struct tp_run	run;
	pid_t		pgid;		/* its process group at exec and exit */
	int		noexit;		/* no exit event stop (events only) */
	int		events_told;	/* seized events only: its request's pre said so */
	int		blocked_sig;	/* the signal t->blocked was taken at */
	struct tp_blocked blocked;	/* at a death by a signal */
	unsigned char	fdkind[TP_NFD];	/* 0 unknown, else FK_* */
	unsigned long	fdino[TP_NFD];
	struct tape_pre	*pre;		/* what it said it is about to run */
};

#define TP_MQUEUE_MAGIC	0x19800202	/* statfs(2): the mqueue file system */

#define FK_PIPE		1
#define FK_FIFO		2
#define FK_OTHER	3
#define FK_SOCK		4	/* a UNIX domain socket */
#define FK_MQ		5	/* a POSIX message queue */
#define FK_SHM		6	/* a POSIX shared memory object (/dev/shm) */

#define TR_NSTOPPED	64
#define TR_NEXE		16

/* The tracer's shared state. */
struct tracer {
	int		out;
	int		budget;
	int		sock;		/* the requests' socket */
	int		sock_open;	/* not yet closed by the shell */
	unsigned long	pipe_dev;	/* st_dev of every pipe (pipefs) */
	unsigned long	shm_dev;	/* st_dev of /dev/shm; 0: none */
	struct {
		unsigned long	dev, ino;
		long long	ctime;	/* st_ctim (ns) when it was run */
		char		*given;	/* the path execve(2) was given */
		char		*real;	/* its /proc/PID/exe */
	}		exes[TR_NEXE];	/* the programs run so far */
	int		exes_next;
	struct tp	*hash[256];
	int		n;
	int		nstopped;	/* group-stopped, let go until they run */
	struct {
		pid_t	pid;
		int	calls_mode;
	}		stopped[TR_NSTOPPED];
};

struct tp *tr_find(struct tracer *tr, pid_t pid);

/* A pipe, FIFO or socket descriptor held at exec. */
struct tr_fd {
	int		fd, kind;
	unsigned long	ino;
	const char	*end;
};

#define TR_NFDS	16

/*
 * tape_pre.c, the tracer's side: pre_init and pre_fini around the
 * tracer; pre_ok whether a message of len bytes is a whole struct
 * tape_pre, pre_keep at a child's message that tells what it is about to
 * run (len bytes of struct tape_pre); at its exec stop, pre_take gives
 * it (else NULL) once the kernel is seen to have run that very file
 * (a file run before, unchanged since, is not looked at again),
 * pre_exe the program's /proc/PID/exe (remembered per program), pre_fds
 * the descriptors as tr_fds finds them (-1: not told, look). pre_known
 * is the remembered /proc/PID/exe of a program run before (unchanged
 * since), else NULL; pre_plain whether every descriptor told is of no
 * kind the tape follows (known without a look at /proc).
 */
void pre_init(struct tracer *tr);
void pre_fini(struct tracer *tr);
int pre_ok(const void *msg, size_t len);
void pre_keep(struct tracer *tr, pid_t pid, const void *msg, size_t len);
struct tape_pre *pre_take(struct tracer *tr, struct tp *t);
const char *pre_known(const struct tracer *tr, const struct tape_pre *p);
int pre_plain(const struct tracer *tr, const struct tape_pre *p);
void pre_exe(struct tracer *tr, struct tp *t, const struct tape_pre *p,
    char *exe, size_t size);
int pre_fds(struct tracer *tr, struct tp *t, const struct tape_pre *p,
    struct tr_fd *v, int *posix);

/*
 * tape_ask.c: the message of a request to be traced, both ways: the pid
 * and its parent's as data (msg, msgsize bytes), the descriptor to close
 * when it is seized in cbuf (SCM_RIGHTS, size bytes).
 */
struct msghdr;
struct iovec;
void tr_ask_msg(struct msghdr *mh, struct iovec *iov, pid_t *msg,
    size_t msgsize, char *cbuf, size_t size);

/* tape_sys.c: a syscall stop of t (entry or exit). */
void sys_stop(struct tracer *tr, struct tp *t);
/*
 * A record on a FIFO (kind FK_FIFO) says its name as path, when the
 * tracer has seen it (sys_fdkind reads it).
 */
void sys_fifo_key(struct rb *r, int kind, unsigned long ino);
/* Writes t's pending run of pipe I/O, if any. */
void sys_flush(struct tracer *tr, struct tp *t);
/*
 * Whether another process's record should flush t's run first: always,
 * but a hot run at most every TP_HOT_MS (its count is an estimate; each
 * flush reads /proc/PID/io and writes a record).
 */
int sys_flush_due(const struct tp *t);
/* The kind of t's descriptor fd (FK_*), its inode in *ino. */
int sys_fdkind(struct tp *t, int fd, unsigned long *ino);
/*
 * At the exit event of t killed by a signal: the call it was blocked in,
 * from /proc/PID/syscall, into t->blocked.
 */
void sys_blocked(struct tp *t);
/* Its keys on an exit record. */
void sys_blocked_keys(struct rb *r, const struct tp *t);
/* Reads len bytes at addr of the tracee. 0 or -1. */
int sys_peek(pid_t pid, unsigned long addr, void *buf, size_t len);
/* A string of the tracee (a path), at most size - 1 bytes. */
void sys_peekstr(pid_t pid, unsigned long addr, char *buf, size_t size);
/* result= and errno= of a call's return value. */
void sys_result(struct rb *r, long rval);
/*
 * A read or write of rval bytes (op 'r' or 'w') on t's descriptor
 * args[0]; plain: a read(2), write(2), readv(2) or writev(2), which may
 * make t hot.
 */
void sys_io(struct tracer *tr, struct tp *t, int op, long rval, int plain);

/*
 * tape_sock.c: UNIX domain sockets. so_unix: whether socket inode ino is
 * one (1), with its type (SOCK_STREAM...) in *type; so_peer: the inode
 * of its peer, 0 when none or unknown.
 */
int so_unix(unsigned long ino, int *type);
unsigned long so_peer(unsigned long ino);
/* A traced process other than not that holds socket ino; 0: none. */
pid_t so_holder(struct tracer *tr, unsigned long ino, pid_t not);
/* "stream", "dgram", "seqpacket" or "?". */
const char *so_typename(int type);
/* The exit of a socket call: 1 when nr is one (its record written). */
int so_exit(struct tracer *tr, struct tp *t, long nr, long rval);

/*
 * tape_posix.c: POSIX message queues and shared memory. The exit of an
 * mq_* call, an openat or unlink of /dev/shm/NAME, an ftruncate or mmap
 * of such a descriptor: 1 when nr is one (its record written if it
 * concerns a POSIX object).
 */
int px_exit(struct tracer *tr, struct tp *t, long nr, long rval);
/* The name of t's POSIX descriptor fd ("/q"), "?" when unknown. */
void px_fdname(struct tp *t, int fd, char *buf, size_t size);

/*
 * The inode of the shell's end of the tracer's socket: a tracee's calls
 * on it (tape_tell) are the tape's own, never recorded.
 */
extern unsigned long tp_tape_ino;

/* Asks to detach t (a tracer of its own); done by tape_trace.c. */
void tr_detach(struct tracer *tr, struct tp *t, const char *why);
/*
 * tape_hot.c: copy loops. hot_count: a read (op 'r') or write ('w') of
 * the streak on fd, which may make t hot; hot_reset: something else.
 * hot_flush: a hot t's runs since the last count, from /proc/PID/io.
 * The ends of a hot process's pipes, whose calls it does not see:
 * hot_sigpipe at a SIGPIPE the kernel sent for a write the tracer did
 * not follow (its EPIPE, exact, from the registers); hot_exiting at a
 * hot reader's exit stop (its end of file, inferred from its pipe).
 * hot_wend_close: t closed fd (no longer a write end it holds).
 */
void hot_count(struct tracer *tr, struct tp *t, int fd, int op);
void hot_reset(struct tp *t);
void hot_flush(struct tracer *tr, struct tp *t);
void hot_sigpipe(struct tracer *tr, struct tp *t);
void hot_exiting(struct tracer *tr, struct tp *t);
void hot_wend_close(struct tp *t, int fd);
/* The EPIPE record of a write on t's descriptor fd (a pipe or socket). */
void sys_epipe(struct tracer *tr, struct tp *t, int fd, unsigned long ino,
    int kind);

#endif
