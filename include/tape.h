/*
 * tape.h - the tape: a record, as it happened, of what the shell's
 * children do (fork, exec, pipes, System V calls, signals, exits), written
 * by a ptrace(2) tracer, and the reader that turns its lines into events.
 */
#ifndef IPCSH_TAPE_H
#define IPCSH_TAPE_H

#include <limits.h>
#include <stdio.h>
#include <time.h>
#include <sys/types.h>

/*
 * A tape is a text file, one record a line:
 *	TIME PID EVENT KEY=VALUE...
 * TIME is seconds.microseconds (CLOCK_REALTIME); values are
 * percent-encoded (no spaces); lists are comma-separated. ipcview(1)
 * documents the events and their keys.
 */
#define TAPE_MAXKV	24

struct tape_rec {
	struct timespec	time;
	pid_t		pid;
	char		event[24];
	int		nkv;
	struct {
		char	key[16];
		char	*val;	/* decoded; lists keep their commas */
	} kv[TAPE_MAXKV];
	char		*buf;	/* storage for the values */
};

/* Parses one line into r (free with tape_rec_free). 0, or -1 EINVAL/ENOMEM. */
int tape_parse(const char *line, struct tape_rec *r);
void tape_rec_free(struct tape_rec *r);

/* The value of key, or NULL. */
const char *tape_get(const struct tape_rec *r, const char *key);

/* The value of key as a number; def when absent or not a number. */
long tape_num(const struct tape_rec *r, const char *key, long def);

/* A list value's n-th element (decoded), malloc'd; NULL past the end. */
char *tape_list_item(const char *list, int n);
/*
 * The program an exec record ran, the last part of its argv[0], into
 * name (size bytes). 0, or -1 with name untouched when there is none.
 */
int tape_exec_name(const struct tape_rec *r, char *name, size_t size);
/* Whether key holds a list (argv, fds). */
int tape_is_list(const char *key);

/* The record in words, English (zh 0) or Chinese (zh 1); malloc'd. */
char *tape_text(const struct tape_rec *r, int zh);

/* The record as one line of JSON (ipcview(1) keys), newline included. */
int tape_json(FILE *out, const struct tape_rec *r);

/* The record as a plain call line ("4711 write(1) pipe 88: 230 bytes"). */
char *tape_raw(const struct tape_rec *r);

/*
 * Following a tape file as it grows (tail -f): tape_follow_open, then
 * tape_follow_next until it returns 0 (nothing more for now); 1 with a
 * record in *r (free it), -1 on error.
 */
struct tape_follow;
struct tape_follow *tape_follow_open(const char *path, int from_end);
int tape_follow_next(struct tape_follow *f, struct tape_rec *r);
/* Goes to byte offset off of the tape (a record's start). */
int tape_follow_seek(struct tape_follow *f, long off);
void tape_follow_close(struct tape_follow *f);
/* 1 when path names the file f reads (a symbolic link followed), else 0. */
int tape_follow_same(struct tape_follow *f, const char *path);

/*
 * The short story of a group of records (a pipeline): who wrote how many
 * bytes into which pipe, who read them and saw end of file, how each
 * process ended. One malloc'd text with a line per pipe and per process.
 */
struct tape_story;
struct tape_story *tape_story_new(void);
int tape_story_add(struct tape_story *s, const struct tape_rec *r);
char *tape_story_text(const struct tape_story *s, int zh);
void tape_story_free(struct tape_story *s);

/*
 * What the shell reads or writes itself (the tracer follows only its
 * children): a FIFO a redirection of the shell opened, the bytes a
 * builtin wrote into it, what the shell read from $(...). One record,
 * event "fifo_open" (end) or "pipe_io" (op, bytes, calls; errno),
 * marked own=1, written to out (the tape, opened O_APPEND: one write a
 * record). 0, or -1 with errno.
 */
struct tape_own {
	const char	*event;
	const char	*cmd;		/* the builtin; NULL: the shell itself */
	const char	*path;		/* a FIFO's; NULL: a pipe */
	unsigned long	inode;
	int		fd;
	const char	*end;		/* fifo_open: "read", "write", "both" */
	const char	*op;		/* pipe_io: "write", "read", "eof" */
	long		bytes, calls;
	const char	*err;		/* the errno's name, or NULL */
};
int tape_own_write(int out, pid_t pid, const struct tape_own *o);

/* Where a shell's tape is announced: DIR/tape.PID (a file or a link). */
int tape_path_for(pid_t shell, char *buf, size_t size);
/*
 * The folder of those names, made 0700 when make is set:
 * $XDG_RUNTIME_DIR/ipcsh when it is ours to write, else
 * ${TMPDIR:-/tmp}/ipcsh-UID.
 */
int tape_dir(char *buf, size_t size, int make);
/* Removes that folder when no name is left in it (else -1 ENOTEMPTY). */
int tape_dir_drop(void);

/* The tracer. */
struct tape_opts {
	int		budget;		/* syscall stops per process, then events only */
};

/*
 * Runs the tracer until sock is closed and no tracee is left. sock is a
 * SOCK_SEQPACKET socket on which a process sends its pid with one
 * descriptor (SCM_RIGHTS); the tracer seizes that pid, then closes the
 * descriptor, which is the process's signal to go on. Records go to out.
 * Never prints. Returns 0, or -1 with errno.
 */
int tape_trace(int sock, int out, const struct tape_opts *o);

struct tape_pre;

/*
 * The tracer's message: what a process sends to be traced (its pid and
 * its parent's; pid 0: a sync), with ackfd, which the tracer closes once
 * it has seized the process. ackfd -1 with pre: a traced process tells
 * what it is about to run (no answer to wait for); a request may tell it
 * too (pre, else NULL). 0 or -1.
 */
int tape_ask(int sock, pid_t pid, int ackfd, const struct tape_pre *pre);

/*
 * What a traced child is about to execve(2), told by the child itself
 * right before the call, so that the tracer's exec stop need not read
 * /proc (each read of a new process's /proc files costs it a lookup of
 * entries made for that process). The tracer checks at the exec stop
 * that the kernel ran the file itself (argc unchanged: no interpreter
 * put before it; once per file, as long as its status does not change)
 * and else looks as it always did.
 */
#define TAPE_PRE_NFD	32	/* descriptors told; more: the tracer looks */
#define TAPE_PRE_ARGV	4095	/* argv bytes told, as /proc/PID/cmdline reads */

struct tape_pre_fd {
	int		fd;
	unsigned	mode;		/* fstat(2) st_mode */
	int		flags;		/* fcntl F_GETFL of a FIFO or socket, else 0 */
	unsigned long	dev, ino;	/* st_dev, st_ino */
	long		fstype;		/* fstatfs f_type of a file or folder, else 0 */
};

struct tape_pre {
	int		argc;
	int		nfd;		/* -1: too many to tell */
	pid_t		pgid;
	unsigned long	dev, ino;	/* stat(2) of path; ino 0: unknown */
	long long	ctime;		/* its st_ctim in ns: changed, looked at again */
	struct tape_pre_fd fd[TAPE_PRE_NFD];	/* open, not close-on-exec */
	int		pathlen;	/* path's bytes, its '\0' included */
	int		argvlen;	/* argv's strings, each with its '\0' */
	char		text[PATH_MAX + TAPE_PRE_ARGV];	/* path, then argv */
};

/*
 * Fills p in a vfork(2) child about to run path with argv
 * (async-signal-safe). Its descriptors are among those of its parent,
 * which waits (/proc/PPID/fd: entries of a process that lasts, made
 * already), and 0 to hi (made since by the child). 0, or -1.
 */
int tape_pre_make(struct tape_pre *p, const char *path, char *const argv[],
    int hi);

/*
 * What a forked child of the shell that runs something itself (no
 * execve(2)) tells the tracer, once, before it runs it: what ("builtin",
 * "function", "subshell") and its words (as many as fit in
 * TAPE_TELL_MAX). The tracer names it with an exec record (builtin=1),
 * follows it call by call, then writes to ackfd (an eventfd: 8 bytes).
 * 0, or -1 when the message could not be sent.
 */
#define TAPE_TELL	(-2)	/* its message's second pid (-1: an exec told, tape_pre) */
#define TAPE_TELL_MAX	1024
int tape_tell(int sock, const char *what, int argc, char *const *argv,
    int ackfd);

#endif
