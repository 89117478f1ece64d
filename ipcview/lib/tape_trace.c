/*
 * tape_trace.c - the tape's tracer: seizes the processes that ask for it,
 * follows their children, and records fork, exec, signals, stops and
 * exits (the calls themselves are decoded in tape_sys.c).
 */
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "sigtab.h"
#include "tape.h"
#include "tape_int.h"

/*
 * Never PTRACE_O_EXITKILL: when the tracer goes, its tracees are detached
 * by the kernel and run on as if nobody had looked.
 */
#define TR_OPTS	(PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | \
	PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | \
	PTRACE_O_TRACEEXIT)

/*
 * A process followed by its events only makes no exit event stop: it
 * would cost a round trip through the tracer for nothing the tape needs
 * (pending byte counts are written at its exit status anyway; what it was
 * blocked in is taken at the fatal signal's delivery stop instead).
 */
#define TR_OPTS_EVENTS	(TR_OPTS & ~PTRACE_O_TRACEEXIT)

/* Programs that trace themselves: the tape steps aside for them. */
static const char *const tr_tracers[] = {
	"strace", "ltrace", "gdb", "gdbserver", "rr", "valgrind", NULL,
};

struct tp *
tr_find(struct tracer *tr, pid_t pid)
{
	struct tp *t;

	for (t = tr->hash[pid & 255]; t != NULL; t = t->next)
		if (t->pid == pid)
			return t;
	return NULL;
}

static struct tp *
tr_add(struct tracer *tr, pid_t pid)
{
	struct tp *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return NULL;
	t->pid = pid;
	t->next = tr->hash[pid & 255];
	tr->hash[pid & 255] = t;
	tr->n++;
	return t;
}

static void
tr_del(struct tracer *tr, struct tp *t)
{
	struct tp **pp;

	for (pp = &tr->hash[t->pid & 255]; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == t) {
			*pp = t->next;
			tr->n--;
			free(t->pre);
			free(t);
			return;
		}
	}
}

/* Resumes t: syscall stops while they teach something, else events only. */
static void
tr_resume(struct tracer *tr, struct tp *t, int sig)
{
	int req = PTRACE_CONT;

	if ((t->calls_mode && t->calls < tr->budget && !t->hot) ||
	    t->nsigret > 0)
		req = PTRACE_SYSCALL;
	t->cont = req == PTRACE_CONT;
	ptrace(req, t->pid, 0L, (long)sig);
}

void
tr_detach(struct tracer *tr, struct tp *t, const char *why)
{
	struct rb r;

	sys_flush(tr, t);
	ptrace(PTRACE_DETACH, t->pid, 0L, 0L);
	rb_start(&r, t->pid, "detach");
	rb_str(&r, "reason", why);
	rb_end(&r, tr->out);
	tr_del(tr, t);
}

/* Reads a small /proc file of pid into buf; its length or -1. */
static ssize_t
tr_proc(pid_t pid, const char *name, char *buf, size_t size)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

/* A hexadecimal mask line ("SigCgt:\t...") of /proc/PID/status. */
static unsigned long long
tr_mask(const char *status, const char *name)
{
	const char *p = strstr(status, name);

	return p ? strtoull(p + strlen(name), NULL, 16) : 0;
}

/* What pid does with sig: "handler", "ignore" or "default". */
static const char *
tr_action(pid_t pid, int sig)
{
	char st[4096];
	unsigned long long bit = 1ULL << (sig - 1);

	if (sig < 1 || sig > 64 || tr_proc(pid, "status", st, sizeof(st)) < 0)
		return "default";
	if (tr_mask(st, "SigCgt:") & bit)
		return "handler";
	if (tr_mask(st, "SigIgn:") & bit)
		return "ignore";
	return "default";
}

/* Which end of a pipe or FIFO descriptor fd of pid is: its open flags. */
static const char *
tr_fdend(pid_t pid, int fd)
{
	char path[64], info[256], *f;
	unsigned long fl;

	snprintf(path, sizeof(path), "fdinfo/%d", fd);
	if (tr_proc(pid, path, info, sizeof(info)) <= 0)
		return "read";
	f = strstr(info, "flags:");
	fl = f ? strtoul(f + 6, NULL, 8) : 0;
	if ((fl & O_ACCMODE) == O_WRONLY)
		return "write";
	return (fl & O_ACCMODE) == O_RDWR ? "both" : "read";
}

/*
 * The pipe, FIFO and socket descriptors a process holds at exec; how
 * many. *posix tells whether it holds a POSIX queue or shm object. The
 * folder /proc/PID/fd is read with one getdents64(2): procfs fills the
 * buffer with every descriptor that fits, so a buffer not nearly full
 * holds them all (readdir(3) would stat the folder and ask again for
 * the end).
 */
static int
tr_fds(struct tp *t, struct tr_fd *v, int *posix)
{
	char path[64];
	union {
		struct dirent64	d;
		char		b[8192];
	} buf;
	struct dirent64 *d;
	int n = 0, fd, kind, dir;
	unsigned long ino;
	long len, off;

	snprintf(path, sizeof(path), "/proc/%d/fd", (int)t->pid);
	*posix = 0;
	dir = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0)
		return 0;
	memset(t->fdkind, 0, sizeof(t->fdkind));
	for (;;) {
		len = syscall(SYS_getdents64, dir, buf.b, sizeof(buf.b));
		for (off = 0; off < len && n < TR_NFDS; off += d->d_reclen) {
			d = (struct dirent64 *)(buf.b + off);
			if (d->d_name[0] == '.')
				continue;
			fd = atoi(d->d_name);
			kind = sys_fdkind(t, fd, &ino);
			if (kind == FK_MQ || kind == FK_SHM)
				*posix = 1;
			if (kind != FK_PIPE && kind != FK_FIFO &&
			    kind != FK_SOCK)
				continue;
			v[n].fd = fd;
			v[n].kind = kind;
			v[n].ino = ino;
			v[n].end = tr_fdend(t->pid, fd);
			n++;
		}
		/* room left for a longest name: that was all of them */
		if (len <= 0 || n >= TR_NFDS ||
		    len < (long)sizeof(buf.b) - (long)sizeof(struct dirent64))
			break;
	}
	close(dir);
	return n;
}

/* A socket held at exec: its type and peer (the socketpair builtin's). */
static void
tr_sock_held(struct tracer *tr, struct tp *t, const struct tr_fd *v)
{
	unsigned long peer = so_peer(v->ino);
	struct rb r;
	int type = 0;

	rb_start(&r, t->pid, "sock");
	rb_str(&r, "call", "held");
	rb_num(&r, "fd", v->fd);
	rb_num(&r, "inode", (long)v->ino);
	if (so_unix(v->ino, &type))
		rb_str(&r, "type", so_typename(type));
	if (peer != 0)
		rb_num(&r, "peer", (long)peer);
	rb_end(&r, tr->out);
}

/* pipe_fd and sock records: who holds which end (the shell made them). */
static void
tr_fds_write(struct tracer *tr, struct tp *t, const struct tr_fd *v, int n)
{
	char path[64], link[PATH_MAX];
	struct rb r;
	ssize_t len;
	int i;

	for (i = 0; i < n; i++) {
		if (v[i].kind == FK_SOCK) {
			tr_sock_held(tr, t, &v[i]);
			continue;
		}
		rb_start(&r, t->pid, "pipe_fd");
		rb_num(&r, "inode", (long)v[i].ino);
		rb_num(&r, "fd", v[i].fd);
		rb_str(&r, "end", v[i].end);
		if (v[i].kind == FK_FIFO) {
			snprintf(path, sizeof(path), "/proc/%d/fd/%d",
			    (int)t->pid, v[i].fd);
			len = readlink(path, link, sizeof(link) - 1);
			if (len > 0) {
				link[len] = '\0';
				rb_str(&r, "path", link);
			}
		}
		rb_end(&r, tr->out);
	}
}

/* Not a system program: the student's or a lesson's, seen call by call. */
static int
tr_own_program(const char *exe)
{
	static const char *const sys[] = {
		"/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/", "/usr/lib",
		"/lib", "/usr/libexec/", "/usr/local/bin/", NULL,
	};
	int i;

	for (i = 0; sys[i] != NULL; i++)
		if (strncmp(exe, sys[i], strlen(sys[i])) == 0)
			return 0;
	return 1;
}

/* Arguments of a program looked at for a FIFO, at most. */
#define TR_NARGS	32

/* Whether word (len bytes) names a FIFO, relative to pid's folder. */
static int
tr_fifo_word(pid_t pid, const char *word, size_t len)
{
	char path[PATH_MAX];
	struct stat st;
	int n;

	if (len == 0 || word[0] == '-' || len >= PATH_MAX - 32)
		return 0;
	n = word[0] == '/' ? snprintf(path, sizeof(path), "%.*s", (int)len,
	    word) : snprintf(path, sizeof(path), "/proc/%d/cwd/%.*s", (int)pid,
	    (int)len, word);
	return n > 0 && n < (int)sizeof(path) && stat(path, &st) == 0 &&
	    S_ISFIFO(st.st_mode);
}

/*
 * Whether an argument of the program (argv[1..] in cmd, n bytes) names a
 * FIFO, relative to the process's working folder: cat name.fifo opens it
 * after exec. An argument that is a command line (sh -c 'exec 5> f; ...')
 * is looked at word by word, its redirections' targets among them.
 * stat(2) only, never an open (that would release a writer blocked in
 * its own open); options and empty words are passed over.
 */
static int
tr_fifo_arg(pid_t pid, const char *cmd, ssize_t n)
{
	static const char seps[] = " \t\n<>|;&()'\"`=";
	const char *a;
	size_t len;
	ssize_t i;
	int k = 0;

	if (n <= 0)
		return 0;
	for (i = (ssize_t)strlen(cmd) + 1; i < n && k < TR_NARGS;
	    i += (ssize_t)strlen(cmd + i) + 1) {
		for (a = cmd + i; *a != '\0' && k < TR_NARGS; a += len, k++) {
			a += strspn(a, seps);
			len = strcspn(a, seps);
			if (tr_fifo_word(pid, a, len))
				return 1;
		}
	}
	return 0;
}

static int tr_request(struct tracer *tr);

/*
 * The exec stop: argv, what it holds, and how closely to follow it;
 * from what the child told just before, when it told (tape_pre.c), else
 * from /proc.
 */
static void
tr_exec(struct tracer *tr, struct tp *t)
{
	char cmd[4096], exe[PATH_MAX];
	struct tr_fd fds[TR_NFDS];
	struct tape_pre *pre;
	const char *base;
	ssize_t n, i;
	struct rb r;
	int first = 1, pipes = -1, posix = 0, told;

	sys_flush(tr, t);
	t->in_sys = 0;
	t->nsigret = 0;
	t->hot = 0;	/* a new program */
	hot_reset(t);
	memset(t->hrun, 0, sizeof(t->hrun));
	t->run.op = 0;
	/*
	 * Its message went before its execve(2): it is on the socket,
	 * unless it came with the request to be traced.
	 */
	while (t->pre == NULL && tr->sock_open && tr_request(tr))
		;
	told = t->events_told && t->pre != NULL;
	t->events_told = 0;
	pre = pre_take(tr, t);
	if (pre != NULL) {
		pre_exe(tr, t, pre, exe, sizeof(exe));
	} else {
		snprintf(cmd, sizeof(cmd), "/proc/%d/exe", (int)t->pid);
		n = readlink(cmd, exe, sizeof(exe) - 1);
		exe[n > 0 ? n : 0] = '\0';
	}
	base = strrchr(exe, '/');
	base = base ? base + 1 : exe;
	rb_start(&r, t->pid, "exec");
	if (pre != NULL) {
		n = pre->argvlen;	/* at most TAPE_PRE_ARGV < sizeof(cmd) */
		memcpy(cmd, pre->text + pre->pathlen, (size_t)n);
		cmd[n] = '\0';
	} else {
		n = tr_proc(t->pid, "cmdline", cmd, sizeof(cmd));
	}
	rb_key(&r, "argv");
	for (i = 0; i < n; i += (ssize_t)strlen(cmd + i) + 1) {
		rb_item(&r, cmd + i, first);
		first = 0;
	}
	if (first)
		rb_item(&r, base, 1);
	rb_str(&r, "path", exe);
	for (i = 0; tr_tracers[i] != NULL; i++) {
		if (strcmp(base, tr_tracers[i]) == 0) {
			rb_end(&r, tr->out);
			free(pre);
			tr_detach(tr, t, base);
			return;
		}
	}
	if (pre != NULL)
		pipes = pre_fds(tr, t, pre, fds, &posix);
	if (pipes < 0)
		pipes = tr_fds(t, fds, &posix);
	t->nohot = tr_own_program(exe);
	/* told: its arguments were looked at for a FIFO at the request */
	t->calls_mode = pipes > 0 || posix || t->nohot ||
	    (!(told && pre != NULL) && tr_fifo_arg(t->pid, cmd, n));
	t->calls = 0;
	if (t->noexit != !t->calls_mode &&
	    ptrace(PTRACE_SETOPTIONS, t->pid, 0L, (long)(t->calls_mode ?
	    TR_OPTS : TR_OPTS_EVENTS)) == 0)
		t->noexit = !t->calls_mode;
	rb_str(&r, "follow", t->calls_mode ? "calls" : "events");
	t->pgid = pre != NULL ? pre->pgid : getpgid(t->pid);
	free(pre);
	if (t->pgid > 0)
		rb_num(&r, "pgid", t->pgid);
	rb_end(&r, tr->out);
	tr_fds_write(tr, t, fds, pipes);
	/* the write ends it holds: who may still write into a hot reader's pipe */
	t->nwend = 0;
	for (i = 0; i < pipes && t->nwend < TR_NWEND; i++) {
		if (fds[i].kind == FK_SOCK || strcmp(fds[i].end, "read") == 0)
			continue;
		t->wend[t->nwend].fd = fds[i].fd;
		t->wend[t->nwend++].ino = fds[i].ino;
	}
	tr_resume(tr, t, 0);
}

/*
 * A forked child of the shell runs something itself, without execve(2):
 * a builtin, a function or a compound command (tape_tell; tail is what,
 * then its words, each ended by a NUL). An exec record names it
 * (builtin=1), what it holds is written as at exec, and it is followed
 * call by call from here, within the budget: the shell's own process
 * makes few calls, and they are the lecture's (echo into a pipe, msgsnd,
 * a FIFO opened by a redirection). A tracee let run (PTRACE_CONT) stops for
 * PTRACE_INTERRUPT before the ack lets it go on; that stop resumes it
 * with PTRACE_SYSCALL (tr_event_stop). Then the ack: an eventfd.
 */
static void
tr_run(struct tracer *tr, pid_t pid, const char *tail, size_t len, int ack)
{
	struct tr_fd fds[TR_NFDS];
	struct tp *t = tr_find(tr, pid);
	const char *w = tail + strlen(tail) + 1;
	uint64_t one = 1;
	struct rb r;
	int pipes, posix = 0, first = 1;

	if (t != NULL && !t->thread) {
		sys_flush(tr, t);
		t->hot = 0;	/* a new program, as at exec */
		hot_reset(t);
		memset(t->hrun, 0, sizeof(t->hrun));
		t->run.op = 0;
		rb_start(&r, pid, "exec");
		rb_key(&r, "argv");
		for (; w < tail + len; w += strlen(w) + 1, first = 0)
			rb_item(&r, w, first);
		if (first)
			rb_item(&r, "ipcsh", 1);
		rb_num(&r, "builtin", 1);
		if (strcmp(tail, "builtin") != 0)
			rb_str(&r, "what", tail);
		pipes = tr_fds(t, fds, &posix);
		/* a builtin stays exact (help: 73 writes); a loop may go hot */
		t->nohot = strcmp(tail, "subshell") != 0;
		t->calls_mode = 1;
		t->calls = 0;
		rb_str(&r, "follow", "calls");
		t->pgid = getpgid(pid);
		if (t->pgid > 0)
			rb_num(&r, "pgid", t->pgid);
		rb_end(&r, tr->out);
		tr_fds_write(tr, t, fds, pipes);
		ptrace(PTRACE_INTERRUPT, pid, 0L, 0L);
	}
	if (ack >= 0)
		(void)!write(ack, &one, sizeof(one));
}

/* A fork, vfork or clone event of t: the child inherits how t is followed. */
static void
tr_fork(struct tracer *tr, struct tp *t, int event)
{
	unsigned long msg = 0;
	char st[1024], *p;
	struct tp *c;
	struct rb r;
	pid_t child;

	ptrace(PTRACE_GETEVENTMSG, t->pid, 0L, &msg);
	child = (pid_t)msg;
	c = tr_find(tr, child);
	if (c == NULL)
		c = tr_add(tr, child);
	if (c != NULL) {
		c->calls_mode = t->calls_mode && !t->estimate;
		c->noexit = t->noexit;	/* the kernel copies the options */
		c->nwend = t->nwend;	/* and the descriptors */
		memcpy(c->wend, t->wend, sizeof(c->wend));
		if (tr_proc(child, "status", st, sizeof(st)) > 0 &&
		    (p = strstr(st, "Tgid:")) != NULL)
			c->thread = atoi(p + 5) != child;
		rb_start(&r, t->pid, "fork");
		rb_num(&r, "child", child);
		rb_str(&r, "how", c->thread ? "thread" :
		    event == PTRACE_EVENT_VFORK ? "vfork" :
		    event == PTRACE_EVENT_CLONE ? "clone" : "fork");
		rb_end(&r, tr->out);
		if (c->held) {
			c->held = 0;
			tr_resume(tr, c, 0);
		} else {
			c->held = -1;	/* its first stop is still to come */
		}
	}
	tr_resume(tr, t, 0);
}

/* Whether sig's default action ends the process (signal(7)). */
static int
tr_fatal(int sig)
{
	return sig != SIGCHLD && sig != SIGCONT && sig != SIGURG &&
	    sig != SIGWINCH && sig != SIGSTOP && sig != SIGTSTP &&
	    sig != SIGTTIN && sig != SIGTTOU;
}

/* A signal-delivery stop: who sent it and what the process does with it. */
static void
tr_signal(struct tracer *tr, struct tp *t, int sig)
{
	siginfo_t si;
	struct rb r;
	const char *act;

	sys_flush(tr, t);
	t->in_sys = 0;
	memset(&si, 0, sizeof(si));
	ptrace(PTRACE_GETSIGINFO, t->pid, 0L, &si);
	/* the kernel's, for a write without readers the tracer did not see */
	if (sig == SIGPIPE && si.si_code == SI_USER && si.si_pid == t->pid &&
	    t->cont)
		hot_sigpipe(tr, t);
	if (sig < 64 && (t->sent & (1UL << sig))) {
		t->sent &= ~(1UL << sig);	/* a traced kill() said it */
	} else if (!(sig == SIGCHLD && si.si_code > 0)) {
		/* a write into a pipe without readers: send_sig(SIGPIPE, current) */
		if (sig == SIGPIPE && si.si_code == SI_USER &&
		    si.si_pid == t->pid)
			si.si_code = SI_KERNEL + 1;
		rb_start(&r, si.si_code <= 0 ? (pid_t)si.si_pid : 0,
		    "signal_sent");
		rb_str(&r, "signal", sig_name(sig));
		rb_num(&r, "target", t->pid);
		rb_str(&r, "how", si.si_code == SI_USER ? "kill" :
		    si.si_code == SI_TKILL ? "tgkill" :
		    si.si_code == SI_QUEUE ? "sigqueue" :
		    si.si_code == SI_KERNEL ? "terminal" : "kernel");
		rb_end(&r, tr->out);
	}
	act = tr_action(t->pid, sig);
	/* a death by it with no exit event to come: what it was in, now */
	if (t->noexit && strcmp(act, "default") == 0 && tr_fatal(sig)) {
		sys_blocked(t);
		t->blocked_sig = sig;
	}
	rb_start(&r, t->pid, "signal_delivered");
	rb_str(&r, "signal", sig_name(sig));
	rb_str(&r, "action", act);
	rb_end(&r, tr->out);
	if (strcmp(act, "handler") == 0 && t->nsigret < TP_NSIGRET)
		t->sigret[t->nsigret++] = sig;
	tr_resume(tr, t, sig);
}

/*
 * A PTRACE_EVENT_STOP. A group stop (Ctrl+Z, SIGSTOP): the tracee is let
 * go, so it stays stopped in state T exactly as without the tape (under
 * PTRACE_LISTEN /proc would say t); it is seized again once it runs.
 */
static void
tr_event_stop(struct tracer *tr, struct tp *t, int sig)
{
	struct rb r;

	if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
	    sig == SIGTTOU) {
		sys_flush(tr, t);
		rb_start(&r, t->pid, "stop");
		rb_str(&r, "signal", sig_name(sig));
		rb_end(&r, tr->out);
		if (!t->thread && tr->nstopped < TR_NSTOPPED) {
			tr->stopped[tr->nstopped].pid = t->pid;
			tr->stopped[tr->nstopped++].calls_mode = t->calls_mode;
		}
		ptrace(PTRACE_DETACH, t->pid, 0L, 0L);
		tr_del(tr, t);
		return;
	}
	/* a process now followed call by call (tr_run): its exit event too */
	if (t->noexit && t->calls_mode &&
	    ptrace(PTRACE_SETOPTIONS, t->pid, 0L, (long)TR_OPTS) == 0)
		t->noexit = 0;
	tr_resume(tr, t, 0);
}

/* The stopped processes let go: seized again once they run on. */
static void
tr_poll_stopped(struct tracer *tr)
{
	char st[512], *p;
	struct tp *t;
	struct rb r;
	int i = 0;

	while (i < tr->nstopped) {
		pid_t pid = tr->stopped[i].pid;

		p = tr_proc(pid, "stat", st, sizeof(st)) > 0 ?
		    strrchr(st, ')') : NULL;
		if (p != NULL && p[1] == ' ' && p[2] == 'T') {
			i++;
			continue;
		}
		if (p != NULL && p[2] != 'Z' && p[2] != 'X' &&
		    ptrace(PTRACE_SEIZE, pid, 0L, (long)TR_OPTS) == 0 &&
		    (t = tr_add(tr, pid)) != NULL) {
			t->calls_mode = tr->stopped[i].calls_mode;
			t->estimate = 1;	/* calls made while let go are not counted */
			t->calls = tr->budget;
			rb_start(&r, pid, "continue");
			rb_end(&r, tr->out);
		}
		tr->stopped[i] = tr->stopped[--tr->nstopped];
	}
}

/*
 * The exit event, while the process still exists: its group now, and
 * for a death by a signal the call it was blocked in.
 */
static void
tr_exiting(struct tp *t)
{
	unsigned long st = 0;
	pid_t pg;

	if (t->thread)
		return;
	pg = getpgid(t->pid);
	if (pg > 0)
		t->pgid = pg;
	if (ptrace(PTRACE_GETEVENTMSG, t->pid, 0L, &st) == 0 &&
	    WIFSIGNALED((int)st)) {
		sys_blocked(t);
		t->blocked_sig = WTERMSIG((int)st);
	}
}

static void
tr_exit(struct tracer *tr, struct tp *t, int st)
{
	struct rb r;

	sys_flush(tr, t);
	if (!t->thread) {
		rb_start(&r, t->pid, "exit");
		if (WIFEXITED(st)) {
			rb_num(&r, "status", WEXITSTATUS(st));
		} else {
			rb_str(&r, "signal", sig_name(WTERMSIG(st)));
			if (WCOREDUMP(st))
				rb_num(&r, "core", 1);
			if (t->blocked_sig == WTERMSIG(st))
				sys_blocked_keys(&r, t);
		}
		if (t->pgid > 0)
			rb_num(&r, "pgid", t->pgid);
		rb_end(&r, tr->out);
	}
	tr_del(tr, t);
}

/* One wait status of a tracee. */
static void
tr_status(struct tracer *tr, pid_t pid, int st)
{
	struct tp *t = tr_find(tr, pid);
	int sig, event;

	if (WIFEXITED(st) || WIFSIGNALED(st)) {
		if (t != NULL)
			tr_exit(tr, t, st);
		return;
	}
	if (!WIFSTOPPED(st))
		return;
	if (t == NULL) {
		/* a new child whose parent's fork event is still to come */
		t = tr_add(tr, pid);
		if (t == NULL) {
			ptrace(PTRACE_DETACH, pid, 0L, 0L);
			return;
		}
		t->held = 1;
		return;
	}
	if (t->held == -1) {
		/* the first stop of a child announced by its parent */
		t->held = 0;
		tr_resume(tr, t, 0);
		return;
	}
	sig = WSTOPSIG(st);
	event = (unsigned)st >> 16;
	if (sig == (SIGTRAP | 0x80)) {
		sys_stop(tr, t);
		if (tr_find(tr, pid) == t)
			tr_resume(tr, t, 0);
		return;
	}
	switch (event) {
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		tr_fork(tr, t, event);
		return;
	case PTRACE_EVENT_EXEC:
		tr_exec(tr, t);
		return;
	case PTRACE_EVENT_EXIT:
		sys_flush(tr, t);
		tr_exiting(t);
		hot_exiting(tr, t);
		ptrace(PTRACE_CONT, pid, 0L, 0L);
		return;
	case PTRACE_EVENT_STOP:
		tr_event_stop(tr, t, sig);
		return;
	case 0:
		tr_signal(tr, t, sig);
		return;
	default:
		tr_resume(tr, t, 0);
	}
}

/*
 * Whether a process that asks to be traced, telling what it is about to
 * run (pre), is sure to be followed by its events only from its exec: a
 * system program run before, unchanged since, that holds no descriptor
 * of a kind the tape follows and names no FIFO. Then it is seized
 * without the exit event stop, which its exec stop would only take off
 * again (PTRACE_SETOPTIONS), as tr_exec decides the same from the same.
 */
static int
tr_events_told(struct tracer *tr, pid_t pid, const struct tape_pre *pre)
{
	char cmd[TAPE_PRE_ARGV + 1];
	const char *real = pre_known(tr, pre);

	if (real == NULL || tr_own_program(real) || !pre_plain(tr, pre))
		return 0;
	memcpy(cmd, pre->text + pre->pathlen, (size_t)pre->argvlen);
	cmd[pre->argvlen] = '\0';
	return !tr_fifo_arg(pid, cmd, pre->argvlen);
}

/*
 * A message on the socket: a process asks to be traced (seize it, then
 * let it go on), a sync, or a child says what it is about to run. 1
 * when there was one, 0 when none (or the socket is closed).
 */
static int
tr_request(struct tracer *tr)
{
	char cbuf[CMSG_SPACE(sizeof(int))];
	struct msghdr mh = { 0 };
	struct cmsghdr *cm;
	struct iovec iov[2];
	pid_t pid;
	struct rb r;
	ssize_t n;
	int ackfd = -1, ppid = 0, st0, told, events;
	char st[1024], *p;
	struct tp *t;
	/* what may follow the two numbers: an exec's (tape_pre) or a tell's words */
	static struct {
		pid_t		msg[2];
		union {
			struct tape_pre	pre;
			char		tail[TAPE_TELL_MAX + 1];
		} u;
	} m;
	pid_t *msg = m.msg;
	char *tail = m.u.tail;

	msg[0] = msg[1] = 0;
	tr_ask_msg(&mh, iov, msg, sizeof(m), cbuf, sizeof(cbuf));
	n = recvmsg(tr->sock, &mh, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
	pid = msg[0];
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
		tr->sock_open = 0;
		return 0;
	}
	if (n < 0)
		return 0;
	for (cm = CMSG_FIRSTHDR(&mh); cm != NULL; cm = CMSG_NXTHDR(&mh, cm))
		if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS)
			memcpy(&ackfd, CMSG_DATA(cm), sizeof(int));
	if (n > (ssize_t)sizeof(m.msg) && msg[1] == -1) {
		/* a traced child tells what it is about to run */
		pre_keep(tr, pid, &m.u.pre, (size_t)n - sizeof(m.msg));
	} else if (n >= (ssize_t)sizeof(pid) && pid == 0) {
		/* a sync: every status so far is on the tape before the ack */
		while ((pid = waitpid(-1, &st0, __WALL | WNOHANG)) > 0)
			tr_status(tr, pid, st0);
		rb_flush();
	} else if (n > (ssize_t)sizeof(m.msg) && pid > 0 &&
	    msg[1] == TAPE_TELL && n - sizeof(m.msg) <= TAPE_TELL_MAX) {
		tail[n - sizeof(m.msg)] = '\0';
		tr_run(tr, pid, tail, (size_t)n - sizeof(m.msg), ackfd);
	} else if (n >= (ssize_t)sizeof(pid) && pid > 0 &&
	    tr_find(tr, pid) == NULL) {
		/* the process says who its parent is; else ask /proc */
		if (n >= (ssize_t)sizeof(m.msg))
			ppid = msg[1];
		else if (tr_proc(pid, "status", st, sizeof(st)) > 0 &&
		    (p = strstr(st, "PPid:")) != NULL)
			ppid = atoi(p + 5);
		/* asked right before its execve(2), saying what it runs */
		told = n > (ssize_t)sizeof(m.msg) &&
		    pre_ok(&m.u.pre, (size_t)n - sizeof(m.msg));
		events = told && tr_events_told(tr, pid, &m.u.pre);
		if (ptrace(PTRACE_SEIZE, pid, 0L,
		    (long)(events ? TR_OPTS_EVENTS : TR_OPTS)) == 0) {
			t = tr_add(tr, pid);
			if (t != NULL)
				t->noexit = t->events_told = events;
			rb_start(&r, pid, "attach");
			rb_num(&r, "ppid", ppid);
			if (told)
				pre_keep(tr, pid, &m.u.pre,
				    (size_t)n - sizeof(m.msg));
		} else {
			/* Yama, a tracer already there: the process runs untraced */
			rb_start(&r, pid, "detach");
			rb_str(&r, "reason", errno == EPERM ? "not-permitted" :
			    "gone");
		}
		rb_end(&r, tr->out);
	}
	if (ackfd >= 0)
		close(ackfd);	/* the process reads EOF and goes on */
	return 1;
}

static struct tracer *tr_cur;

unsigned long tp_tape_ino;

/*
 * Before any record: every pending run of reads and writes goes first,
 * so that the tape keeps cause before effect (cat's write before grep's
 * read of it) while a long run still makes one record; a hot run when
 * its count is due.
 */
static void
tr_flush_all(void)
{
	struct tp *t;
	int i;

	for (i = 0; i < 256; i++)
		for (t = tr_cur->hash[i]; t != NULL; t = t->next)
			if (sys_flush_due(t))
				sys_flush(tr_cur, t);
}

int
tape_trace(int sock, int out, const struct tape_opts *o)
{
	struct tracer tr = { .out = out, .budget = o->budget, .sock = sock,
	    .sock_open = 1 };
	struct pollfd pf[2];
	struct signalfd_siginfo ssi;
	struct stat sst;
	sigset_t set;
	int sfd, st, n;
	pid_t pid;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	if (sfd < 0)
		return -1;
	tr_cur = &tr;
	rb_hook = tr_flush_all;
	pre_init(&tr);
	/* the shell's end of sock: calls on it are the tape's own */
	if (fstat(sock, &sst) == 0)
		tp_tape_ino = so_peer(sst.st_ino);
	while (tr.sock_open || tr.n > 0 || tr.nstopped > 0) {
		pf[0].fd = sfd;
		pf[0].events = POLLIN;
		pf[1].fd = tr.sock_open ? sock : -1;
		pf[1].events = POLLIN;
		rb_flush();	/* all we know is on the tape before we wait */
		n = poll(pf, 2, tr.nstopped > 0 ? 50 : tr.n > 0 ? 200 : -1);
		if (n < 0 && errno != EINTR)
			break;
		if (tr.nstopped > 0)
			tr_poll_stopped(&tr);
		if (n > 0 && (pf[1].revents & (POLLIN | POLLHUP | POLLERR)))
			tr_request(&tr);
		/*
		 * SIGCHLD is no real-time signal: one read takes it, however
		 * many tracees changed state (waitpid finds them all). With
		 * no SIGCHLD, nobody did (a request alone woke us), unless
		 * the wait timed out.
		 */
		if (n > 0 && !(pf[0].revents & POLLIN))
			continue;
		if (n > 0)
			(void)!read(sfd, &ssi, sizeof(ssi));
		/*
		 * No tracee left (the last one's exit was just taken): no
		 * wait that could only say ECHILD. A child seized or born
		 * since is in tr.n.
		 */
		pid = 0;
		while (tr.n > 0 &&
		    (pid = waitpid(-1, &st, __WALL | WNOHANG)) > 0)
			tr_status(&tr, pid, st);
		if ((tr.n == 0 || (pid < 0 && errno == ECHILD)) &&
		    !tr.sock_open && tr.nstopped == 0)
			break;
	}
	rb_flush();
	pre_fini(&tr);
	close(sfd);
	return 0;
}
