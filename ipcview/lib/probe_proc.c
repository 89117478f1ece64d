/*
 * probe_proc.c - the processes of the tree, read from /proc (proc(5)).
 * stat, status, cmdline, wchan and, for blocked ones, syscall; also the
 * one-process probes of probe.h (signal sets, a path as a process sees it).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "probe_int.h"
#include "sigtab.h"

#define PROC_MAX_DEPTH	512

static int
pid_cmp(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;

	return (x > y) - (x < y);
}

/*
 * Appends the pids listed in buf, one children file (proc(5), 3.5+) read
 * into size bytes: when it filled them, the last number may be cut and
 * is left out (a wrong pid would show a stranger in the tree).
 */
static int
proc_children_parse(char *buf, ssize_t len, size_t size, pid_t **v,
    size_t *n, size_t *cap)
{
	char *p, *end;
	long pid;

	if (len < 0)
		return 0;	/* the thread exited: no children to report */
	if ((size_t)len == size - 1 && (p = strrchr(buf, ' ')) != NULL)
		*p = '\0';
	for (p = buf;; p = end) {
		pid = strtol(p, &end, 10);
		if (end == p)
			break;
		if (probe_grow(v, cap, *n, sizeof(pid_t)) < 0)
			return -1;
		(*v)[(*n)++] = (pid_t)pid;
	}
	return 0;
}

/* Appends the pids listed in the children file at path. */
static int
proc_children_of(const struct probe_ctx *c, const char *path, pid_t **v,
    size_t *n, size_t *cap)
{
	char buf[8192];

	return proc_children_parse(buf, probe_read_at(c, path, buf,
	    sizeof(buf), PROBE_RD_RECORDS), sizeof(buf), v, n, cap);
}

struct kids {
	const struct probe_ctx *c;
	pid_t		pid;
	pid_t		*v;
	size_t		n, cap;
};

static int
proc_thread_children(void *arg, const char *tid)
{
	struct kids *k = arg;
	char path[96];

	snprintf(path, sizeof(path), "%d/task/%.20s/children", (int)k->pid,
	    tid);
	return proc_children_of(k->c, path, &k->v, &k->n, &k->cap);
}

/*
 * Children of every thread of pid: /proc/PID/task/TID/children lists the
 * children a thread forked, so a multithreaded parent needs them all (a
 * single-threaded one has only TID == PID). Returns the count and a sorted
 * malloc'd array in *out, or -1.
 */
static ssize_t
proc_children(const struct probe_ctx *c, const struct snap_proc *p,
    struct probe_pent *e, pid_t **out)
{
	struct kids k = { c, p->pid, NULL, 0, 0 };
	char path[64];
	int r;

	if (p->nthreads == 1 && e != NULL) {
		char buf[8192];

		r = proc_children_parse(buf, probe_cache_read(c, e,
		    PROBE_F_CHILDREN, buf, sizeof(buf)), sizeof(buf), &k.v,
		    &k.n, &k.cap);
	} else if (p->nthreads == 1) {
		char tid[32];	/* "TID/children", TID == PID */

		probe_pid_path(tid, sizeof(tid), p->pid, "/children", NULL);
		probe_pid_path(path, sizeof(path), p->pid, "/task/", tid);
		r = proc_children_of(c, path, &k.v, &k.n, &k.cap);
	} else {
		probe_pid_path(path, sizeof(path), p->pid, "/task", NULL);
		r = probe_dir_each(c, path, proc_thread_children, &k);
	}
	if (r < 0) {
		free(k.v);
		return -1;
	}
	if (k.n > 1)	/* qsort(3) with NULL is undefined even for 0 */
		qsort(k.v, k.n, sizeof(*k.v), pid_cmp);
	*out = k.v;
	return (ssize_t)k.n;
}

/*
 * proc(5) /proc/PID/stat: (1) pid (2) comm (3) state (4) ppid (5) pgrp
 * (6) session (7) tty_nr (8) tpgid ... (20) num_threads. comm may hold
 * spaces and parentheses: it ends at the last ')'. Read with strtoll(3)
 * field after field: sscanf(3) of the line cost a tenth of a snapshot.
 */
#define STAT_NFIELDS	(22 - 3)	/* (4) ppid to (22) starttime */

static int
proc_stat(const struct probe_ctx *c, struct probe_pent *e, struct snap_proc *p,
    unsigned long long *start, int *tty)
{
	char path[64], buf[1024], *l, *r, *q, *end;
	long long f[STAT_NFIELDS];
	size_t n;
	int k;

	probe_pid_path(path, sizeof(path), p->pid, "/stat", NULL);
	if ((e != NULL ? probe_cache_read(c, e, PROBE_F_STAT, buf, sizeof(buf)) :
	    probe_read(c, path, buf, sizeof(buf))) <= 0)
		return -1;
	l = strchr(buf, '(');
	r = strrchr(buf, ')');
	if (l == NULL || r == NULL || r < l)
		return -1;
	n = (size_t)(r - l - 1);
	if (n > SNAP_COMM_MAX)
		n = SNAP_COMM_MAX;
	memcpy(p->comm, l + 1, n);
	p->comm[n] = '\0';
	/* (3) state, then the numbers (4) ppid to (22) starttime */
	for (q = r + 1; *q == ' '; q++)
		;
	if (*q == '\0')
		return -1;
	p->state = *q++;
	for (k = 0; k < STAT_NFIELDS; k++) {
		f[k] = strtoll(q, &end, 10);
		if (end == q)
			break;
		q = end;
	}
	if (k < 8 - 3)
		return -1;
	p->ppid = (pid_t)f[4 - 4];
	p->pgid = (pid_t)f[5 - 4];
	p->sid = (pid_t)f[6 - 4];
	p->tpgid = (pid_t)f[8 - 4];
	if (tty != NULL)
		*tty = (int)f[7 - 4];
	if (k == STAT_NFIELDS) {
		p->nthreads = (int)f[20 - 4];
		*start = (unsigned long long)f[22 - 4];
	} else {
		p->nthreads = 0;	/* unknown: look at every thread */
		*start = 0;
	}
	return 0;
}

/*
 * status's Name: the comm as stat shows it, but with a newline and a
 * backslash escaped ("\\n", "\\\\"; kernels before 5.x wrote "\\ooo" in
 * octal): undone here.
 */
static void
proc_name_unescape(const char *s, char *comm)
{
	size_t n = 0;

	while (*s != '\0' && n < SNAP_COMM_MAX) {
		if (s[0] == '\\' && s[1] == 'n') {
			comm[n++] = '\n';
			s += 2;
		} else if (s[0] == '\\' && s[1] == '\\') {
			comm[n++] = '\\';
			s += 2;
		} else if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' &&
		    s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			comm[n++] = (char)((s[1] - '0') << 6 | (s[2] - '0') << 3 |
			    (s[3] - '0'));
			s += 4;
		} else {
			comm[n++] = *s++;
		}
	}
	comm[n] = '\0';
}

/*
 * The lines of /proc/PID/status read (proc(5)): the first six also in
 * stat (their STATUS_* bits), then the owner and the signal sets.
 */
enum {
	STATUS_NAME = 1, STATUS_STATE = 2, STATUS_PPID = 4, STATUS_PGID = 8,
	STATUS_SID = 16, STATUS_THREADS = 32, STATUS_IDS = 63,
	STATUS_UID = 64, STATUS_SIGS = 128 * 31,	/* the five sets */
};

static const struct {
	char		key[8];		/* the line's name and colon */
	unsigned char	len;
	int		bit;
	size_t		mask;		/* a signal set's offset in snap_proc */
} status_keys[] = {
	{ "Name:", 5, STATUS_NAME, 0 },
	{ "State:", 6, STATUS_STATE, 0 },
	{ "PPid:", 5, STATUS_PPID, 0 },
	{ "Uid:", 4, STATUS_UID, 0 },
	{ "NSpgid:", 7, STATUS_PGID, 0 },
	{ "NSsid:", 6, STATUS_SID, 0 },
	{ "Threads:", 8, STATUS_THREADS, 0 },
	{ "SigPnd:", 7, 128, offsetof(struct snap_proc, sigpnd) },
	{ "ShdPnd:", 7, 256, offsetof(struct snap_proc, shdpnd) },
	{ "SigBlk:", 7, 512, offsetof(struct snap_proc, sigblk) },
	{ "SigIgn:", 7, 1024, offsetof(struct snap_proc, sigign) },
	{ "SigCgt:", 7, 2048, offsetof(struct snap_proc, sigcgt) },
};
#define STATUS_NKEYS	(sizeof(status_keys) / sizeof(status_keys[0]))

/* One value of status (what follows a key's colon) into p: 1, or 0. */
static int
proc_status_value(struct snap_proc *p, int bit, size_t mask, const char *v)
{
	char *end;
	long n;

	if (bit == STATUS_NAME) {
		/* "Name:\t" and the name, which may begin with a blank */
		if (*v != '\t')
			return 0;
		proc_name_unescape(v + 1, p->comm);
		return 1;
	}
	v += strspn(v, " \t");
	if (bit & STATUS_SIGS)
		return sig_mask_parse(v, (uint64_t *)(void *)((char *)p +
		    mask)) == 0;
	if (bit == STATUS_STATE) {
		p->state = *v;
		return *v != '\0';
	}
	/* NSpgid's first: in our namespace; procfs's digits, by hand */
	n = (long)probe_dec(v, &end);
	if (end == v)
		return 0;
	if (bit == STATUS_UID)
		p->uid = (uid_t)n;
	else if (bit == STATUS_PPID)
		p->ppid = (pid_t)n;
	else if (bit == STATUS_PGID)
		p->pgid = (pid_t)n;
	else if (bit == STATUS_SID)
		p->sid = (pid_t)n;
	else
		p->nthreads = (int)n;
	return 1;
}

/*
 * proc(5) /proc/PID/status: Uid, SigPnd, ShdPnd, SigBlk, SigIgn, SigCgt;
 * with ids, also what stat has of p but tty_nr, tpgid and starttime:
 * Name (unescaped), State, PPid, NSpgid, NSsid, Threads. Only the lines
 * of status_keys are looked at, and none after the last of them (the
 * sscanf(3) of every line was a third of a snapshot). Returns the
 * STATUS_* bits of the ids found, or -1.
 */
static int
proc_status(const struct probe_ctx *c, struct probe_pent *e,
    struct snap_proc *p, int ids)
{
	char path[64], buf[4096], *line, *next, *end;
	int found = 0, want = STATUS_UID | STATUS_SIGS | (ids ? STATUS_IDS : 0);
	ssize_t len;
	size_t k, j;

	probe_pid_path(path, sizeof(path), p->pid, "/status", NULL);
	len = e != NULL ? probe_cache_read(c, e, PROBE_F_STATUS, buf,
	    sizeof(buf)) : probe_read(c, path, buf, sizeof(buf));
	if (len <= 0)
		return -1;
	end = buf + len;
	for (line = buf; line < end && found != want; line = next) {
		next = memchr(line, '\n', (size_t)(end - line));
		if (next != NULL)
			*next++ = '\0';
		else
			next = end;
		/* most lines begin with none of the keys' letters (Vm..., Cpus_) */
		switch (line[0]) {
		case 'N': case 'P': case 'S': case 'T': case 'U':
			break;
		default:
			continue;
		}
		for (k = 0; k < STATUS_NKEYS; k++) {
			if (line[0] != status_keys[k].key[0] ||
			    !(want & status_keys[k].bit))
				continue;
			/* a key is a few bytes: compared inline, no memcmp call */
			for (j = 1; j < status_keys[k].len &&
			    line[j] == status_keys[k].key[j]; j++)
				;
			if (j < status_keys[k].len)
				continue;
			if (proc_status_value(p, status_keys[k].bit,
			    status_keys[k].mask, line + status_keys[k].len))
				found |= status_keys[k].bit;
			break;
		}
	}
	return found & STATUS_IDS;
}

/* /proc/PID/cmdline: the arguments, each ended by a NUL. */
static int
proc_cmdline(const struct probe_ctx *c, struct snap_proc *p)
{
	char path[64], buf[4096];
	ssize_t len, i;
	int argc = 0, k = 0;
	char *start;

	probe_pid_path(path, sizeof(path), p->pid, "/cmdline", NULL);
	len = probe_read(c, path, buf, sizeof(buf));
	if (len < 0)
		len = 0;
	for (i = 0; i < len; i++)
		if (buf[i] == '\0')
			argc++;
	if (len > 0 && buf[len - 1] != '\0')
		argc++;		/* truncated, or a rewritten title */
	p->argv = calloc((size_t)argc + 1, sizeof(char *));
	if (p->argv == NULL)
		return -1;
	for (start = buf; k < argc; k++) {
		p->argv[k] = strdup(start);
		if (p->argv[k] == NULL)
			return -1;
		start += strlen(start) + 1;
	}
	p->argc = argc;
	return 0;
}

/* Reads a NUL-terminated string at addr in pid's memory, page by page. */
static int
proc_peek_string(pid_t pid, unsigned long addr, char *buf, size_t size)
{
	size_t got = 0, chunk;
	struct iovec l, r;
	ssize_t n;
	long page = sysconf(_SC_PAGESIZE);

	while (got < size - 1) {
		chunk = (size_t)page - ((addr + got) % (size_t)page);
		if (chunk > size - 1 - got)
			chunk = size - 1 - got;
		l.iov_base = buf + got;
		l.iov_len = chunk;
		r.iov_base = (void *)(addr + got);
		r.iov_len = chunk;
		n = process_vm_readv(pid, &l, 1, &r, 1, 0);
		if (n <= 0)
			return -1;
		if (memchr(buf + got, '\0', (size_t)n) != NULL)
			return 0;
		got += (size_t)n;
	}
	buf[size - 1] = '\0';
	return -1;
}

/*
 * The FIFO a process blocked in open(2) is opening. It holds no descriptor
 * yet, so the path comes from its memory: /proc/PID/syscall gives the
 * pointer, process_vm_readv(2) reads it without stopping the process or
 * touching the FIFO (stat or open of the path could count as an opener).
 */
static void
proc_fifo_wait(struct probe_ctx *c, struct snap_proc *p)
{
	unsigned long a[6], ptr, flags;
	char path[PATH_MAX], dir[PATH_MAX], link[64], *full;
	long nr, dirfd = AT_FDCWD;
	ssize_t n;

	if (!c->live || probe_syscall(c, p->pid, &nr, a) < 0)
		return;
	if (nr == SYS_openat || nr == SYS_openat2) {
		dirfd = (int)a[0];
		ptr = a[1];
		flags = a[2];
		if (nr == SYS_openat2) {
			struct iovec l = { &flags, sizeof(flags) };
			struct iovec r = { (void *)a[2], sizeof(flags) };

			/* openat2(2): struct open_how starts with flags */
			if (process_vm_readv(p->pid, &l, 1, &r, 1, 0) != 8)
				return;
		}
#ifdef SYS_open
	} else if (nr == SYS_open) {
		ptr = a[0];
		flags = a[1];
#endif
	} else {
		return;
	}
	if (proc_peek_string(p->pid, ptr, path, sizeof(path)) < 0)
		return;
	if (path[0] == '/') {
		full = strdup(path);
	} else {
		if ((int)dirfd == AT_FDCWD)
			snprintf(link, sizeof(link), "%d/cwd", (int)p->pid);
		else
			snprintf(link, sizeof(link), "%d/fd/%d", (int)p->pid,
			    (int)dirfd);
		n = readlinkat(c->procfd, link, dir, sizeof(dir) - 1);
		if (n < 0)
			return;
		dir[n] = '\0';
		if (asprintf(&full, "%s/%s", strcmp(dir, "/") ? dir : "",
		    path) < 0)
			full = NULL;
	}
	p->fifo_wait = full;
	p->fifo_wait_mode = (int)(flags & O_ACCMODE);
}

/*
 * The descriptor or id a blocked call is about, from its arguments
 * (read(2), write(2), readv, writev, splice(2), msgrcv(2), semop(2),
 * recvmsg(2), sendmsg(2), accept(2)...).
 */
static long
proc_wait_arg(long nr, const unsigned long a[6], int writing)
{
	if (nr == SYS_read || nr == SYS_write || nr == SYS_readv ||
	    nr == SYS_writev || nr == SYS_msgrcv || nr == SYS_msgsnd ||
	    nr == SYS_semop || nr == SYS_semtimedop || nr == SYS_recvfrom ||
	    nr == SYS_recvmsg || nr == SYS_sendto || nr == SYS_sendmsg ||
	    nr == SYS_accept || nr == SYS_accept4)
		return (long)(int)a[0];
	if (nr == SYS_splice || nr == SYS_copy_file_range)
		return (long)(int)(writing ? a[2] : a[0]);
#ifdef SYS_sendfile
	if (nr == SYS_sendfile)
		return (long)(int)(writing ? a[0] : a[1]);
#endif
	return -1;
}

static void
proc_wchan(struct probe_ctx *c, struct probe_pent *e, struct snap_proc *p)
{
	char path[64];
	unsigned long a[6];
	long nr;

	p->wait_arg = -1;
	probe_pid_path(path, sizeof(path), p->pid, "/wchan", NULL);
	if ((e != NULL ? probe_cache_read(c, e, PROBE_F_WCHAN, p->wchan_raw,
	    sizeof(p->wchan_raw)) : probe_read(c, path, p->wchan_raw,
	    sizeof(p->wchan_raw))) < 0)
		p->wchan_raw[0] = '\0';
	p->wchan_raw[strcspn(p->wchan_raw, "\n")] = '\0';
	probe_wchan_word(p->wchan_raw, p->wchan, sizeof(p->wchan));
	if (strcmp(p->wchan, "FIFO open") == 0) {
		proc_fifo_wait(c, p);
		return;
	}
	if (strcmp(p->wchan, "mq wait") == 0) {
		probe_pmq_wchan(c, p);
		return;
	}
	if (strcmp(p->wchan, "pipe read") != 0 &&
	    strcmp(p->wchan, "pipe write") != 0 &&
	    strcmp(p->wchan, "msgrcv") != 0 &&
	    strcmp(p->wchan, "msgsnd") != 0 && strcmp(p->wchan, "semop") != 0 &&
	    strncmp(p->wchan, "socket ", 7) != 0 &&
	    strcmp(p->wchan, "eventfd read") != 0 &&
	    strcmp(p->wchan, "signalfd read") != 0)
		return;
	if (probe_syscall(c, p->pid, &nr, a) == 0)
		p->wait_arg = proc_wait_arg(nr, a,
		    strcmp(p->wchan, "pipe write") == 0);
}

static void
proc_argv_free(char **argv)
{
	size_t i;

	for (i = 0; argv != NULL && argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

/* A copy of a NULL-terminated argv (argc of them); NULL on ENOMEM. */
static char **
proc_argv_dup(char *const *argv, int argc)
{
	char **v;
	int i;

	v = calloc((size_t)argc + 1, sizeof(*v));
	if (v == NULL)
		return NULL;
	for (i = 0; i < argc; i++) {
		if ((v[i] = strdup(argv[i])) == NULL) {
			while (i-- > 0)
				free(v[i]);
			free(v);
			return NULL;
		}
	}
	return v;
}

/*
 * Has e's process run since the last sample? /proc/PID/schedstat's time
 * on a CPU and count of times scheduled (proc(5)) say so exactly; stat's
 * utime and stime only count whole ticks. 1 also when unknown.
 */
static int
proc_ran(const struct probe_ctx *c, struct probe_pent *e,
    const struct snap_proc *p)
{
	unsigned long long rt, pc;
	char buf[128];
	int ran;

	/* another thread can change what the process shares */
	if (p->nthreads != 1 ||
	    probe_cache_read(c, e, PROBE_F_SCHED, buf, sizeof(buf)) <= 0 ||
	    sscanf(buf, "%llu %*u %llu", &rt, &pc) != 2 || pc == 0) {
		e->sched_ok = 0;
		return 1;
	}
	ran = !e->sched_ok || rt != e->runtime || pc != e->pcount;
	e->runtime = rt;
	e->pcount = pc;
	e->sched_ok = 1;
	return ran;
}

/*
 * The facts of p only p can change, from e when p has not run since they
 * were read, sleeps in the same state and blocks no signal: a signal it
 * does not block wakes a sleeper (so it runs); one it blocks can become
 * pending while it sleeps, and so can any to a stopped process.
 */
static int
proc_quiet(const struct probe_pent *e, const struct snap_proc *p)
{
	return e != NULL && e->valid && !e->ran && p->state == e->state &&
	    p->state == 'S' && e->sigblk == 0;
}

/*
 * The facts of a process a cache entry keeps (its field in struct
 * snap_proc and in struct probe_pent, of one type, which the size check
 * makes the compiler hold to), copied into the entry after a read and
 * back out of it while the process stays quiet.
 */
#define PENT_FIELD(f) { offsetof(struct snap_proc, f),			\
	offsetof(struct probe_pent, f), sizeof(((struct snap_proc *)0)->f) + \
	0 * sizeof(char[sizeof(((struct snap_proc *)0)->f) ==		\
	sizeof(((struct probe_pent *)0)->f) ? 1 : -1]) }

static const struct {
	size_t	proc, pent, size;
} pent_fields[] = {
	PENT_FIELD(uid), PENT_FIELD(sigpnd), PENT_FIELD(shdpnd),
	PENT_FIELD(sigblk), PENT_FIELD(sigign), PENT_FIELD(sigcgt),
	PENT_FIELD(wchan), PENT_FIELD(wchan_raw), PENT_FIELD(wait_arg),
	PENT_FIELD(fifo_wait_mode),
};

/* The facts of pent_fields from e into p (to_cache 0), or from p into e. */
static void
pent_copy(struct probe_pent *e, struct snap_proc *p, int to_cache)
{
	char *pe = (char *)e, *pp = (char *)p;
	size_t i, n = sizeof(pent_fields) / sizeof(pent_fields[0]);

	for (i = 0; i < n; i++)
		if (to_cache)
			memcpy(pe + pent_fields[i].pent,
			    pp + pent_fields[i].proc, pent_fields[i].size);
		else
			memcpy(pp + pent_fields[i].proc,
			    pe + pent_fields[i].pent, pent_fields[i].size);
}

static int
proc_to_cache(struct probe_pent *e, struct snap_proc *p)
{
	e->state = p->state;
	pent_copy(e, p, 1);
	free(e->fifo_wait);
	e->fifo_wait = NULL;
	if (p->fifo_wait != NULL && (e->fifo_wait = strdup(p->fifo_wait)) == NULL)
		return -1;
	/*
	 * Kept for reuse only when read while it stayed off the CPU since the
	 * last sample: one going to sleep shows 'S' before it has left the
	 * CPU, and then its wchan and syscall still read as running. Nor
	 * when it read as such: a sleeper whose wchan is 0 is still on the
	 * run queue (get_wchan), its time on the CPU not yet added up, so
	 * schedstat need not change when it leaves.
	 */
	e->valid = !e->ran && !(p->state == 'S' &&
	    (p->wchan_raw[0] == '\0' || strcmp(p->wchan_raw, "0") == 0));
	return 0;
}

/* The command line, from e when p has not run since it was read. */
static int
proc_args(struct probe_ctx *c, struct probe_pent *e, struct snap_proc *p)
{
	if (e != NULL && e->valid && !e->ran && e->argv != NULL) {
		p->argv = proc_argv_dup(e->argv, e->argc);
		p->argc = e->argc;
		return p->argv == NULL ? -1 : 0;
	}
	if (proc_cmdline(c, p) < 0)
		return -1;
	if (e == NULL)
		return 0;
	proc_argv_free(e->argv);
	e->argv = proc_argv_dup(p->argv, p->argc);
	e->argc = p->argc;
	return e->argv == NULL ? -1 : 0;
}

/* stat through e; a kept file of a process gone is reopened once by path. */
static int
proc_stat_fresh(struct probe_ctx *c, struct probe_pent *e, struct snap_proc *p)
{
	unsigned long long start = 0;
	int had = e != NULL && e->fd[PROBE_F_STAT] >= 0;

	if (proc_stat(c, e, p, &start, NULL) < 0) {
		if (!had)
			return -1;
		probe_cache_forget(c->cache, e);
		if (proc_stat(c, e, p, &start, NULL) < 0)
			return -1;
	}
	/* the same pid, another process: nothing known of it */
	if (e != NULL && e->valid && e->starttime != start)
		probe_cache_forget(c->cache, e);
	if (e != NULL)
		e->starttime = start;
	return 0;
}

/* Remembers session sid's leader's tty_nr (stat's field 7), or -1. */
static void
proc_sess_keep(struct probe_ctx *c, pid_t sid, int tty_nr)
{
	if (probe_grow(&c->sess, &c->cap_sess, c->nsess, sizeof(*c->sess)) == 0)
		c->sess[c->nsess++] = (struct probe_sess){ sid,
		    tty_nr < 0 ? -1 : tty_nr != 0 };
}

/* Whether the leader of session sid has a terminal: 1, 0, -1 unknown. */
static int
proc_sess_tty(struct probe_ctx *c, pid_t sid)
{
	struct snap_proc lead;
	unsigned long long start;
	size_t i;
	int tty;

	for (i = 0; i < c->nsess; i++)
		if (c->sess[i].sid == sid)
			return c->sess[i].tty;
	memset(&lead, 0, sizeof(lead));
	lead.pid = sid;
	/* its pid is the session's id while a member lives: no other's */
	if (proc_stat(c, NULL, &lead, &start, &tty) < 0 || lead.sid != sid)
		tty = -1;
	proc_sess_keep(c, sid, tty);
	return tty < 0 ? -1 : tty != 0;
}

/*
 * tpgid (stat's field 8): the foreground group of p's controlling
 * terminal, -1 when it has none. Only a session leader takes a terminal
 * (opening one without O_NOCTTY, TIOCSCTTY: tty_ioctl(4)); the others of
 * the session have the leader's from fork(2) or none, and all lose it
 * when the leader does (TIOCNOTTY, its exit, a hangup: the kernel clears
 * it in each of the session). So no member of a session whose leader has
 * none has one: the leader's stat, read once per session, spares the
 * members' own. Where the leader cannot be read (gone, outside the pid
 * namespace), or has a terminal, p's own stat says. 0; -1 when p is gone.
 */
static int
proc_tpgid(struct probe_ctx *c, struct snap_proc *p)
{
	unsigned long long start;
	int tty;

	if (p->sid <= 0)
		return proc_stat(c, NULL, p, &start, NULL);
	if (p->sid != p->pid) {
		if (proc_sess_tty(c, p->sid) != 0)
			return proc_stat(c, NULL, p, &start, NULL);
		p->tpgid = -1;
		return 0;
	}
	if (proc_stat(c, NULL, p, &start, &tty) < 0)
		return -1;
	proc_sess_keep(c, p->sid, tty);	/* the leader: for the others */
	return 0;
}

/*
 * What only p itself changes, status and wchan, from e while p stays
 * quiet. 0; 1 when p is gone; -1 on ENOMEM.
 */
static int
proc_own(struct probe_ctx *c, struct probe_pent *e, struct snap_proc *p)
{
	if (e != NULL)
		e->ran = proc_ran(c, e, p);
	if (proc_quiet(e, p)) {
		pent_copy(e, p, 0);
		if (e->fifo_wait != NULL &&
		    (p->fifo_wait = strdup(e->fifo_wait)) == NULL)
			return -1;
		return 0;
	}
	if (proc_status(c, e, p, 0) < 0)
		return 1;
	proc_wchan(c, e, p);
	if (e != NULL && proc_to_cache(e, p) < 0) {
		free(p->fifo_wait);
		return -1;
	}
	return 0;
}

/* Reads one process into a new slot; -1 only on ENOMEM. */
static int
proc_add(struct probe_ctx *c, pid_t pid, int depth)
{
	struct snapshot *s = c->s;
	struct probe_pent *e = NULL;
	struct snap_proc *p;
	int r;

	if (probe_grow(&s->procs, &c->cap_procs, s->nprocs, sizeof(*p)) < 0)
		return -1;
	if (c->cache != NULL) {
		if (probe_grow(&c->pents, &c->cap_pents, s->nprocs,
		    sizeof(*c->pents)) < 0)
			return -1;
		e = probe_cache_get(c->cache, pid);
		c->pents[s->nprocs] = e;
	}
	p = &s->procs[s->nprocs];
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	p->depth = depth;
	p->tree = c->tree;
	/*
	 * Without a cache, status has all of stat's that is shown but tpgid
	 * (proc_tpgid): one file less for most processes.
	 */
	if (e == NULL) {
		r = proc_status(c, NULL, p, 1);
		if (r < 0 || (r != STATUS_IDS ? proc_stat_fresh(c, e, p) :
		    (c->flags & PROBE_NO_TTY) ? 0 : proc_tpgid(c, p)) < 0)
			return 1;	/* gone meanwhile: skip it */
	} else if (proc_stat_fresh(c, e, p) < 0) {
		return 1;
	}
	/* a lesson's check is no process of the student's: nor its tree */
	if (depth > 0 && strcmp(p->comm, PROBE_HELPER_COMM) == 0)
		return 1;
	if (e == NULL)
		proc_wchan(c, NULL, p);
	else if ((r = proc_own(c, e, p)) != 0)
		return r;
	if (proc_args(c, e, p) < 0) {
		free(p->fifo_wait);
		proc_argv_free(p->argv);
		return -1;
	}
	s->nprocs++;
	return 0;
}

static int
proc_walk(struct probe_ctx *c, pid_t pid, int depth)
{
	pid_t *kids;
	ssize_t n, i;
	int r;

	if (depth > PROC_MAX_DEPTH || probe_pid_seen(c, pid))
		return 0;	/* pid reuse made a loop: stop there */
	r = proc_add(c, pid, depth);
	if (r != 0)
		return r < 0 ? -1 : 0;
	if (probe_pid_add(c, pid) < 0)
		return -1;
	n = proc_children(c, &c->s->procs[c->s->nprocs - 1],
	    c->pents != NULL ? c->pents[c->s->nprocs - 1] : NULL, &kids);
	if (n < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (proc_walk(c, kids[i], depth + 1) < 0) {
			free(kids);
			return -1;
		}
	}
	free(kids);
	return 0;
}

int
probe_procs(struct probe_ctx *c, pid_t root)
{
	if (root <= 0)
		return 0;
	return proc_walk(c, root, 0);
}

int
probe_proc_signals(pid_t pid, const struct probe_opts *opts,
    struct snap_proc *p)
{
	unsigned long long start;
	struct probe_ctx c;
	int r, saved;

	memset(p, 0, sizeof(*p));
	p->pid = pid;
	if (pid <= 0) {
		errno = ESRCH;
		return -1;
	}
	if (probe_ctx_open(&c, opts) < 0)
		return -1;
	r = proc_stat(&c, NULL, p, &start, NULL) < 0 ||
	    proc_status(&c, NULL, p, 0) < 0 ? -1 : 0;
	saved = errno;
	close(c.procfd);
	if (r < 0)
		errno = saved == ENOENT ? ESRCH : saved;
	return r;
}

int
probe_proc_stat_path(pid_t pid, const char *path, struct stat *st)
{
	char link[PATH_MAX + 64];

	if (pid <= 0 || path == NULL || path[0] == '\0') {
		errno = EINVAL;
		return -1;
	}
	/* proc(5): cwd and root are the process's own view of the tree */
	if (path[0] == '/')
		snprintf(link, sizeof(link), "/proc/%d/root%s", (int)pid, path);
	else
		snprintf(link, sizeof(link), "/proc/%d/cwd/%s", (int)pid, path);
	return stat(link, st);
}
