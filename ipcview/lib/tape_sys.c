/*
 * tape_sys.c - the tape's syscall stops: the calls the lecture teaches
 * (pipes and FIFOs, their reads and writes, System V IPC, kill,
 * rt_sigreturn), decoded from PTRACE_GET_SYSCALL_INFO.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/audit.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/ptrace.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "sigtab.h"
#include "tape.h"
#include "tape_int.h"

#if defined(__x86_64__)
#define TP_ARCH	AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define TP_ARCH	AUDIT_ARCH_AARCH64
#else
#define TP_ARCH	0
#endif


int
sys_peek(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	struct iovec l = { buf, len }, r = { (void *)addr, len };

	return process_vm_readv(pid, &l, 1, &r, 1, 0) == (ssize_t)len ?
	    0 : -1;
}

void
sys_peekstr(pid_t pid, unsigned long addr, char *buf, size_t size)
{
	size_t n = 0, chunk;

	buf[0] = '\0';
	while (n < size - 1) {
		chunk = 64 - ((addr + n) & 63);	/* never cross into a bad page */
		if (chunk > size - 1 - n)
			chunk = size - 1 - n;
		if (sys_peek(pid, addr + n, buf + n, chunk) < 0)
			break;
		if (memchr(buf + n, '\0', chunk) != NULL)
			return;
		n += chunk;
	}
	buf[n] = '\0';
}

/* A terminal or /dev/null: no FIFO, no need to stat(2) it at each exec. */
static int
sys_device(const char *link)
{
	return strcmp(link, "/dev/null") == 0 ||
	    strncmp(link, "/dev/pts/", 9) == 0 ||
	    strncmp(link, "/dev/tty", 8) == 0;
}

/* Whether path (/proc/PID/fd/N) is a POSIX message queue; its stat. */
static int
sys_mqueue(const char *path, struct stat *st)
{
	struct statfs fs;

	return statfs(path, &fs) == 0 && fs.f_type == TP_MQUEUE_MAGIC &&
	    stat(path, st) == 0;
}

/*
 * The FIFOs seen, by inode: the name /proc/PID/fd gives, for the
 * records of reads, writes, dups and closes on them.
 */
#define SYS_NFIFO	16

static struct {
	unsigned long	ino;
	char		path[256];
} sys_fifos[SYS_NFIFO];
static int sys_fifo_next;

static void
sys_fifo_seen(unsigned long ino, const char *link)
{
	size_t len;
	int i;

	for (i = 0; i < SYS_NFIFO; i++)
		if (sys_fifos[i].ino == ino)
			break;
	if (i == SYS_NFIFO) {
		i = sys_fifo_next;
		sys_fifo_next = (i + 1) % SYS_NFIFO;
	}
	len = strlen(link);
	if (len >= sizeof(sys_fifos[i].path)) {
		sys_fifos[i].ino = 0;
		return;
	}
	sys_fifos[i].ino = ino;
	memcpy(sys_fifos[i].path, link, len + 1);
}

void
sys_fifo_key(struct rb *r, int kind, unsigned long ino)
{
	int i;

	if (kind != FK_FIFO || ino == 0)
		return;
	for (i = 0; i < SYS_NFIFO; i++)
		if (sys_fifos[i].ino == ino) {
			rb_str(r, "path", sys_fifos[i].path);
			return;
		}
}

int
sys_fdkind(struct tp *t, int fd, unsigned long *ino)
{
	char path[64], link[PATH_MAX];
	struct stat st;
	ssize_t n;
	int kind;

	if (fd >= 0 && fd < TP_NFD && t->fdkind[fd] != 0) {
		*ino = t->fdino[fd];
		return t->fdkind[fd];
	}
	*ino = 0;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)t->pid, fd);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return 0;
	link[n] = '\0';
	kind = FK_OTHER;
	if (strncmp(link, "pipe:[", 6) == 0) {
		kind = FK_PIPE;
		*ino = strtoul(link + 6, NULL, 10);
	} else if (strncmp(link, "socket:[", 8) == 0) {
		*ino = strtoul(link + 8, NULL, 10);
		if (so_unix(*ino, NULL) && *ino != tp_tape_ino)
			kind = FK_SOCK;
	} else if (strncmp(link, "/dev/shm/", 9) == 0 &&
	    stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		kind = FK_SHM;
		*ino = st.st_ino;
	} else if (link[0] == '/' && strchr(link + 1, '/') == NULL &&
	    sys_mqueue(path, &st)) {
		/* a queue reads "/NAME", from the mqueue file system */
		kind = FK_MQ;
		*ino = st.st_ino;
	} else if (link[0] == '/' && !sys_device(link) &&
	    stat(path, &st) == 0 && S_ISFIFO(st.st_mode)) {
		kind = FK_FIFO;
		*ino = st.st_ino;
		sys_fifo_seen(*ino, link);
	}
	if (fd >= 0 && fd < TP_NFD) {
		t->fdkind[fd] = (unsigned char)kind;
		t->fdino[fd] = *ino;
	}
	return kind;
}

/* Now in milliseconds of CLOCK_MONOTONIC. */
static long long
sys_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
sys_flush_due(const struct tp *t)
{
	return !t->hot || sys_ms() - t->io_at >= TP_HOT_MS;
}

void
sys_flush(struct tracer *tr, struct tp *t)
{
	struct tp_run run = t->run;
	struct rb r;

	if (t->hot) {
		hot_flush(tr, t);
		return;
	}
	if (run.op == 0 || run.calls == 0)
		return;
	t->run.op = 0;	/* rb_start flushes every run: not this one again */
	rb_start(&r, t->pid, run.kind == FK_SOCK ? "sock_io" : "pipe_io");
	rb_num(&r, "inode", (long)run.inode);
	sys_fifo_key(&r, run.kind, run.inode);
	rb_num(&r, "fd", run.fd);
	rb_str(&r, "op", run.op == 'w' ? "write" : "read");
	rb_num(&r, "bytes", run.bytes);
	rb_num(&r, "calls", run.calls);
	if (t->estimate)
		rb_num(&r, "estimate", 1);
	rb_end(&r, tr->out);
}

void
sys_epipe(struct tracer *tr, struct tp *t, int fd, unsigned long ino,
    int kind)
{
	struct rb r;

	sys_flush(tr, t);
	rb_start(&r, t->pid, kind == FK_SOCK ? "sock_io" : "pipe_io");
	rb_num(&r, "inode", (long)ino);
	sys_fifo_key(&r, kind, ino);
	rb_num(&r, "fd", fd);
	rb_str(&r, "op", "write");
	rb_num(&r, "bytes", 0);
	rb_str(&r, "errno", "EPIPE");
	rb_end(&r, tr->out);
}

/*
 * A read or write on a pipe, FIFO or socket: into the run, or EOF, or
 * EPIPE. A hot process's bytes are counted from /proc/PID/io (the calls
 * of a signal handler it runs too), not here.
 */
void
sys_io(struct tracer *tr, struct tp *t, int op, long rval, int plain)
{
	unsigned long ino;
	int fd = (int)t->args[0], kind;
	const char *ev;
	struct rb r;

	kind = sys_fdkind(t, fd, &ino);
	if (kind != FK_PIPE && kind != FK_FIFO && kind != FK_SOCK)
		return;
	ev = kind == FK_SOCK ? "sock_io" : "pipe_io";
	if (rval > 0 && t->hot)
		return;
	if (rval > 0) {
		if (t->run.op != op || t->run.inode != ino || t->run.fd != fd) {
			sys_flush(tr, t);
			t->run.op = op;
			t->run.inode = ino;
			t->run.fd = fd;
			t->run.kind = kind;
			t->run.bytes = t->run.calls = 0;
		}
		t->run.bytes += rval;
		t->run.calls++;
		if (plain)
			hot_count(tr, t, fd, op);
		return;
	}
	hot_reset(t);
	if (rval == 0 && op == 'r') {
		sys_flush(tr, t);
		rb_start(&r, t->pid, ev);
		rb_num(&r, "inode", (long)ino);
		sys_fifo_key(&r, kind, ino);
		rb_num(&r, "fd", fd);
		rb_str(&r, "op", "eof");
		rb_end(&r, tr->out);
	} else if (rval == -EPIPE && op == 'w') {
		sys_epipe(tr, t, fd, ino, kind);
	}
}

void
sys_result(struct rb *r, long rval)
{
	if (rval < 0 && rval > -4096) {
		const char *name = strerrorname_np((int)-rval);

		rb_num(r, "result", -1);
		rb_str(r, "errno", name ? name : "?");
	} else {
		rb_num(r, "result", rval);
	}
}

static const char *
sys_cmdname(int cmd)
{
	switch (cmd) {
	case IPC_RMID: return "IPC_RMID";
	case IPC_SET: return "IPC_SET";
	case IPC_STAT: return "IPC_STAT";
	case IPC_INFO: return "IPC_INFO";
	case GETVAL: return "GETVAL";
	case SETVAL: return "SETVAL";
	case GETALL: return "GETALL";
	case SETALL: return "SETALL";
	default: return "other";
	}
}

static void
sys_flags(struct rb *r, unsigned long fl)
{
	char buf[96];

	snprintf(buf, sizeof(buf), "%s%s%s%s0%lo",
	    fl & IPC_CREAT ? "IPC_CREAT|" : "",
	    fl & IPC_EXCL ? "IPC_EXCL|" : "",
	    fl & IPC_NOWAIT ? "IPC_NOWAIT|" : "",
	    fl & MSG_NOERROR ? "MSG_NOERROR|" : "", fl & 0777);
	rb_str(r, "flags", buf);
}

/* System V calls: arguments that matter, result, errno. */
static void
sys_ipc(struct tracer *tr, struct tp *t, const char *call, long rval)
{
	unsigned long *a = t->args;
	struct rb r;
	long mtype;
	char key[24];

	rb_start(&r, t->pid, "ipc");
	rb_str(&r, "call", call);
	if (strcmp(call, "msgget") == 0 || strcmp(call, "shmget") == 0 ||
	    strcmp(call, "semget") == 0) {
		snprintf(key, sizeof(key), "0x%08x", (unsigned)a[0]);
		rb_str(&r, "key", (key_t)a[0] == IPC_PRIVATE ? "IPC_PRIVATE" :
		    key);
		if (call[0] == 's' && call[1] == 'h')
			rb_num(&r, "size", (long)a[1]);
		if (call[1] == 'e')
			rb_num(&r, "nsems", (long)a[1]);
		sys_flags(&r, a[2]);
		if (rval >= 0)
			rb_num(&r, "id", rval);
	} else if (strcmp(call, "msgsnd") == 0) {
		rb_num(&r, "id", (long)a[0]);
		if (sys_peek(t->pid, a[1], &mtype, sizeof(mtype)) == 0)
			rb_num(&r, "type", mtype);
		rb_num(&r, "size", (long)a[2]);
		sys_flags(&r, a[3]);
	} else if (strcmp(call, "msgrcv") == 0) {
		rb_num(&r, "id", (long)a[0]);
		rb_num(&r, "want", (long)a[3]);
		if (rval >= 0 &&
		    sys_peek(t->pid, a[1], &mtype, sizeof(mtype)) == 0)
			rb_num(&r, "type", mtype);
		rb_num(&r, "size", rval >= 0 ? rval : (long)a[2]);
		sys_flags(&r, a[4]);
	} else if (strcmp(call, "semop") == 0) {
		struct sembuf sb[4];
		size_t n = a[2] < 4 ? a[2] : 4, i;
		char ops[64] = "";

		rb_num(&r, "id", (long)a[0]);
		if (n > 0 && sys_peek(t->pid, a[1], sb, n * sizeof(sb[0])) == 0) {
			for (i = 0; i < n; i++)
				snprintf(ops + strlen(ops), sizeof(ops) -
				    strlen(ops), "%s%u:%+d", i ? "/" : "",
				    sb[i].sem_num, sb[i].sem_op);
			rb_str(&r, "ops", ops);
		}
	} else if (strcmp(call, "shmat") == 0) {
		rb_num(&r, "id", (long)a[0]);
		rb_str(&r, "flags", a[2] & SHM_RDONLY ? "SHM_RDONLY" : "0");
	} else if (strcmp(call, "shmdt") == 0) {
		char addr[24];

		snprintf(addr, sizeof(addr), "0x%lx", a[0]);
		rb_str(&r, "addr", addr);
	} else {	/* msgctl, shmctl, semctl */
		rb_num(&r, "id", (long)a[0]);
		rb_str(&r, "cmd", sys_cmdname(
		    (int)(call[0] == 's' && call[1] == 'e' ? a[2] : a[1]) & 0xff));
	}
	if (strcmp(call, "shmat") == 0 && rval < 0 && rval > -4096) {
		sys_result(&r, rval);
	} else if (strcmp(call, "shmat") == 0) {
		rb_num(&r, "result", 0);
	} else {
		sys_result(&r, rval);
	}
	rb_end(&r, tr->out);
}

/* pipe(2)/pipe2(2) returned: the new pipe and its two descriptors. */
static void
sys_pipe(struct tracer *tr, struct tp *t)
{
	int fds[2];
	unsigned long ino;
	struct rb r;
	char n[16];

	if (sys_peek(t->pid, t->args[0], fds, sizeof(fds)) < 0)
		return;
	memset(t->fdkind, 0, sizeof(t->fdkind));
	if (sys_fdkind(t, fds[0], &ino) != FK_PIPE)
		return;
	rb_start(&r, t->pid, "pipe");
	rb_num(&r, "inode", (long)ino);
	rb_key(&r, "fds");
	snprintf(n, sizeof(n), "%d", fds[0]);
	rb_item(&r, n, 1);
	snprintf(n, sizeof(n), "%d", fds[1]);
	rb_item(&r, n, 0);
	rb_end(&r, tr->out);
}

/* A descriptor made by dup/dup2/dup3 or fcntl(F_DUPFD). */
static void
sys_dup(struct tracer *tr, struct tp *t, long newfd)
{
	unsigned long ino;
	struct rb r;
	int kind;

	memset(t->fdkind, 0, sizeof(t->fdkind));
	kind = sys_fdkind(t, (int)newfd, &ino);
	if (kind != FK_PIPE && kind != FK_FIFO && kind != FK_SOCK)
		return;
	rb_start(&r, t->pid, "dup");
	rb_num(&r, "inode", (long)ino);
	sys_fifo_key(&r, kind, ino);
	rb_num(&r, "from", (long)t->args[0]);
	rb_num(&r, "to", newfd);
	if (kind == FK_SOCK)
		rb_str(&r, "kind", "socket");
	rb_end(&r, tr->out);
}

/* open(2) of a FIFO returned: the path, which end. */
static void
sys_open(struct tracer *tr, struct tp *t, long fd, unsigned long path,
    unsigned long flags)
{
	char name[PATH_MAX];
	unsigned long ino;
	struct rb r;

	memset(t->fdkind, 0, sizeof(t->fdkind));
	if (sys_fdkind(t, (int)fd, &ino) != FK_FIFO)
		return;
	sys_peekstr(t->pid, path, name, sizeof(name));
	rb_start(&r, t->pid, "fifo_open");
	rb_str(&r, "path", name);
	rb_num(&r, "inode", (long)ino);
	rb_num(&r, "fd", fd);
	rb_str(&r, "end", (flags & O_ACCMODE) == O_WRONLY ? "write" :
	    (flags & O_ACCMODE) == O_RDWR ? "both" : "read");
	rb_end(&r, tr->out);
}

static void
sys_mkfifo(struct tracer *tr, struct tp *t, unsigned long path,
    unsigned long mode, long rval)
{
	char name[PATH_MAX];
	struct rb r;

	if (!S_ISFIFO(mode))
		return;
	sys_peekstr(t->pid, path, name, sizeof(name));
	rb_start(&r, t->pid, "mkfifo");
	rb_str(&r, "path", name);
	sys_result(&r, rval);
	rb_end(&r, tr->out);
}

/* kill(2) and friends: the signal as sent, with the target and result. */
static void
sys_kill(struct tracer *tr, struct tp *t, const char *how, long target,
    int sig, long rval)
{
	struct tp *to;
	struct rb r;

	if (sig <= 0 || sig > 64)
		return;
	sys_flush(tr, t);
	rb_start(&r, t->pid, "signal_sent");
	rb_str(&r, "signal", sig_name(sig) ? sig_name(sig) : "?");
	rb_num(&r, "target", target);
	rb_str(&r, "how", how);
	sys_result(&r, rval);
	rb_end(&r, tr->out);
	to = target > 0 && rval == 0 ? tr_find(tr, (pid_t)target) : NULL;
	if (to != NULL && sig < 64)
		to->sent |= 1UL << sig;	/* its delivery need not say it again */
}

/* At a syscall entry: count it, and what must be seen before the call. */
static void
sys_entry(struct tracer *tr, struct tp *t, const struct __ptrace_syscall_info *si)
{
	struct rb r;
	int i;

	t->calls++;
	t->in_sys = 1;
	t->nr = (long)si->entry.nr;
	for (i = 0; i < 6; i++)
		t->args[i] = si->entry.args[i];
	if (t->nr == SYS_rt_sigreturn && t->nsigret > 0) {
		sys_flush(tr, t);
		rb_start(&r, t->pid, "sigreturn");
		rb_str(&r, "signal", sig_name(t->sigret[--t->nsigret]));
		rb_end(&r, tr->out);
		t->in_sys = 0;
	} else if (t->nr == SYS_ptrace) {
		/* a debugger of its own: step aside before the call */
		tr_detach(tr, t, "ptrace");
		return;
	} else if (t->nr == SYS_close) {
		t->pend_kind = sys_fdkind(t, (int)t->args[0], &t->pend_ino);
	}
	if (t->calls == tr->budget) {
		t->estimate = 1;	/* its run's count stops here */
		sys_flush(tr, t);
		rb_start(&r, t->pid, "budget");
		rb_num(&r, "calls", t->calls);
		rb_end(&r, tr->out);
	}
}

static void
sys_exit(struct tracer *tr, struct tp *t, long rval)
{
	unsigned long *a = t->args;
	struct rb r;
	long nr = t->nr;

	t->in_sys = 0;
	if (nr != SYS_read && nr != SYS_readv && nr != SYS_write &&
	    nr != SYS_writev)
		hot_reset(t);	/* something else than a read or write */
	if (so_exit(tr, t, nr, rval) || px_exit(tr, t, nr, rval)) {
		switch (nr) {
		case SYS_sendto:
		case SYS_recvfrom:
		case SYS_sendmsg:
		case SYS_sendmmsg:
		case SYS_shutdown:
		case SYS_ftruncate:
		case SYS_mq_timedsend:
		case SYS_mq_timedreceive:
		case SYS_mq_getsetattr:
			return;	/* no new descriptor */
		default:
			memset(t->fdkind, 0, sizeof(t->fdkind));
			return;
		}
	}
	switch (nr) {
	case SYS_read:
	case SYS_readv:
		sys_io(tr, t, 'r', rval, 1);
		return;	/* the descriptor cache stays good */
	case SYS_write:
	case SYS_writev:
		sys_io(tr, t, 'w', rval, 1);
		return;
#ifdef SYS_pipe
	case SYS_pipe:
#endif
	case SYS_pipe2:
		if (rval == 0)
			sys_pipe(tr, t);
		break;
	case SYS_dup:
#ifdef SYS_dup2
	case SYS_dup2:
#endif
	case SYS_dup3:
		if (rval >= 0)
			sys_dup(tr, t, rval);
		break;
	case SYS_fcntl:
		if (rval >= 0 && (a[1] == F_DUPFD || a[1] == F_DUPFD_CLOEXEC))
			sys_dup(tr, t, rval);
		break;
	case SYS_close:
		if (rval == 0)
			hot_wend_close(t, (int)a[0]);
		if (rval == 0 && (t->pend_kind == FK_PIPE ||
		    t->pend_kind == FK_FIFO || t->pend_kind == FK_SOCK)) {
			if (t->run.fd == (int)a[0])
				sys_flush(tr, t);
			rb_start(&r, t->pid, "close");
			rb_num(&r, "inode", (long)t->pend_ino);
			sys_fifo_key(&r, t->pend_kind, t->pend_ino);
			rb_num(&r, "fd", (long)a[0]);
			if (t->pend_kind == FK_SOCK)
				rb_str(&r, "kind", "socket");
			rb_end(&r, tr->out);
		}
		break;
#ifdef SYS_open
	case SYS_open:
		if (rval >= 0)
			sys_open(tr, t, rval, a[0], a[1]);
		break;
#endif
	case SYS_openat:
		if (rval >= 0)
			sys_open(tr, t, rval, a[1], a[2]);
		break;
#ifdef SYS_mknod
	case SYS_mknod:
		sys_mkfifo(tr, t, a[0], a[1], rval);
		break;
#endif
	case SYS_mknodat:
		sys_mkfifo(tr, t, a[1], a[2], rval);
		break;
	case SYS_kill:
		sys_kill(tr, t, "kill", (long)(int)a[0], (int)a[1], rval);
		break;
	case SYS_tgkill:
		sys_kill(tr, t, "tgkill", (long)(int)a[1], (int)a[2], rval);
		break;
	case SYS_tkill:
		sys_kill(tr, t, "tkill", (long)(int)a[0], (int)a[1], rval);
		break;
	case SYS_msgget: sys_ipc(tr, t, "msgget", rval); break;
	case SYS_msgsnd: sys_ipc(tr, t, "msgsnd", rval); break;
	case SYS_msgrcv: sys_ipc(tr, t, "msgrcv", rval); break;
	case SYS_msgctl: sys_ipc(tr, t, "msgctl", rval); break;
	case SYS_shmget: sys_ipc(tr, t, "shmget", rval); break;
	case SYS_shmat: sys_ipc(tr, t, "shmat", rval); break;
	case SYS_shmdt: sys_ipc(tr, t, "shmdt", rval); break;
	case SYS_shmctl: sys_ipc(tr, t, "shmctl", rval); break;
	case SYS_semget: sys_ipc(tr, t, "semget", rval); break;
	case SYS_semop: sys_ipc(tr, t, "semop", rval); break;
#ifdef SYS_semtimedop
	case SYS_semtimedop: sys_ipc(tr, t, "semop", rval); break;
#endif
	case SYS_semctl: sys_ipc(tr, t, "semctl", rval); break;
	default:
		break;
	}
	/* anything else may have changed the descriptor table */
	memset(t->fdkind, 0, sizeof(t->fdkind));
}

void
sys_stop(struct tracer *tr, struct tp *t)
{
	struct __ptrace_syscall_info si;

	memset(&si, 0, sizeof(si));
	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->pid, (void *)sizeof(si),
	    &si) <= 0)
		return;
	if (TP_ARCH != 0 && si.arch != TP_ARCH)
		return;	/* a 32-bit program: its numbers differ */
	if (si.op == PTRACE_SYSCALL_INFO_ENTRY)
		sys_entry(tr, t, &si);
	else if (si.op == PTRACE_SYSCALL_INFO_EXIT && t->in_sys &&
	    t->nr != SYS_rt_sigreturn)
		sys_exit(tr, t, si.exit.rval);
}

/* The calls a process can be blocked in, and what their first argument is. */
enum { BA_NONE, BA_FD, BA_ID, BA_PATH0, BA_PATH1 };

static const struct {
	long		nr;
	const char	*name;
	int		arg;
} sys_blocking[] = {
	{ SYS_read, "read", BA_FD }, { SYS_readv, "readv", BA_FD },
	{ SYS_write, "write", BA_FD }, { SYS_writev, "writev", BA_FD },
	{ SYS_pread64, "pread64", BA_FD }, { SYS_pwrite64, "pwrite64", BA_FD },
	{ SYS_msgrcv, "msgrcv", BA_ID }, { SYS_msgsnd, "msgsnd", BA_ID },
	{ SYS_recvfrom, "recvfrom", BA_FD }, { SYS_recvmsg, "recvmsg", BA_FD },
	{ SYS_sendto, "sendto", BA_FD }, { SYS_sendmsg, "sendmsg", BA_FD },
	{ SYS_recvmmsg, "recvmmsg", BA_FD }, { SYS_sendmmsg, "sendmmsg", BA_FD },
	{ SYS_accept, "accept", BA_FD }, { SYS_accept4, "accept4", BA_FD },
	{ SYS_connect, "connect", BA_FD },
	{ SYS_mq_timedreceive, "mq_timedreceive", BA_FD },
	{ SYS_mq_timedsend, "mq_timedsend", BA_FD },
	{ SYS_semop, "semop", BA_ID },
#ifdef SYS_semtimedop
	{ SYS_semtimedop, "semop", BA_ID },
#endif
#ifdef SYS_open
	{ SYS_open, "open", BA_PATH0 },
#endif
	{ SYS_openat, "openat", BA_PATH1 },
	{ SYS_wait4, "wait4", BA_NONE }, { SYS_waitid, "waitid", BA_NONE },
#ifdef SYS_pause
	{ SYS_pause, "pause", BA_NONE },
#endif
	{ SYS_rt_sigsuspend, "sigsuspend", BA_NONE },
	{ SYS_rt_sigtimedwait, "sigtimedwait", BA_NONE },
	{ SYS_nanosleep, "nanosleep", BA_NONE },
	{ SYS_clock_nanosleep, "nanosleep", BA_NONE },
#ifdef SYS_poll
	{ SYS_poll, "poll", BA_NONE },
#endif
	{ SYS_ppoll, "poll", BA_NONE },
#ifdef SYS_select
	{ SYS_select, "select", BA_NONE },
#endif
	{ SYS_pselect6, "select", BA_NONE },
	{ SYS_futex, "futex", BA_NONE },
};

/* A relative path of pid made absolute: from its cwd, or from dirfd. */
static void
sys_abspath(pid_t pid, int dirfd, char *path, size_t size)
{
	char link[64], dir[PATH_MAX], *full;
	ssize_t n;

	if (dirfd >= 0)
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)pid, dirfd);
	else
		snprintf(link, sizeof(link), "/proc/%d/cwd", (int)pid);
	n = readlink(link, dir, sizeof(dir) - 1);
	if (n <= 0)
		return;
	dir[n] = '\0';
	if (asprintf(&full, "%s/%s", strcmp(dir, "/") ? dir : "", path) < 0)
		return;
	if (strlen(full) < size)
		strcpy(path, full);
	free(full);
}

void
sys_blocked(struct tp *t)
{
	struct tp_blocked *b = &t->blocked;
	unsigned long a[6] = { 0 };
	struct stat st;
	char buf[512], path[64];
	size_t i;
	ssize_t n;
	long nr;
	int fd;

	memset(b, 0, sizeof(*b));
	b->fd = -1;
	b->id = -1;
	snprintf(path, sizeof(path), "/proc/%d/syscall", (int)t->pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	/* "NR ARG1 ... ARG6 SP PC", "-1 SP PC" or "running" */
	if (sscanf(buf, "%ld %lx %lx %lx %lx %lx %lx", &nr, &a[0], &a[1],
	    &a[2], &a[3], &a[4], &a[5]) < 2 || nr < 0)
		return;
	for (i = 0; i < sizeof(sys_blocking) / sizeof(sys_blocking[0]); i++)
		if (sys_blocking[i].nr == nr)
			break;
	if (i == sizeof(sys_blocking) / sizeof(sys_blocking[0]))
		return;
	b->call = sys_blocking[i].name;
	switch (sys_blocking[i].arg) {
	case BA_FD:
		b->fd = (int)a[0];
		if (b->fd >= 0 && b->fd < TP_NFD)
			t->fdkind[b->fd] = 0;	/* as it is now */
		b->kind = sys_fdkind(t, b->fd, &b->ino);
		if (b->kind == FK_FIFO || b->kind == FK_MQ) {
			snprintf(path, sizeof(path), "/proc/%d/fd/%d",
			    (int)t->pid, b->fd);
			n = readlink(path, b->path, sizeof(b->path) - 1);
			b->path[n > 0 ? n : 0] = '\0';
		}
		break;
	case BA_ID:
		b->id = (long)(int)a[0];
		break;
	case BA_PATH0:
	case BA_PATH1:
		sys_peekstr(t->pid, a[sys_blocking[i].arg == BA_PATH0 ? 0 : 1],
		    b->path, sizeof(b->path));
		if (b->path[0] != '\0' && b->path[0] != '/')
			sys_abspath(t->pid, sys_blocking[i].arg == BA_PATH1 &&
			    (int)a[0] != AT_FDCWD ? (int)a[0] : -1, b->path,
			    sizeof(b->path));
		if (b->path[0] == '/' && stat(b->path, &st) == 0 &&
		    S_ISFIFO(st.st_mode))
			b->kind = FK_FIFO;	/* an open waiting for the other end */
		break;
	}
}

void
sys_blocked_keys(struct rb *r, const struct tp *t)
{
	const struct tp_blocked *b = &t->blocked;

	if (b->call == NULL)
		return;
	rb_str(r, "blocked", b->call);
	if (b->fd >= 0) {
		rb_num(r, "fd", b->fd);
		rb_str(r, "on", b->kind == FK_PIPE ? "pipe" :
		    b->kind == FK_FIFO ? "fifo" : b->kind == FK_SOCK ?
		    "socket" : b->kind == FK_MQ ? "posix_queue" : "file");
		if (b->ino != 0)
			rb_num(r, "inode", (long)b->ino);
	}
	if (b->id >= 0) {
		rb_num(r, "id", b->id);
		rb_str(r, "on", strncmp(b->call, "msg", 3) == 0 ? "queue" :
		    "semaphore");
	}
	if (b->fd < 0 && b->id < 0 && b->path[0] != '\0')
		rb_str(r, "on", b->kind == FK_FIFO ? "fifo" : "file");
	if (b->path[0] != '\0')
		rb_str(r, "path", b->path);
}
