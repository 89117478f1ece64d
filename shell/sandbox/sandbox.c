/*
 * sandbox.c - the lab sandbox (--sandbox): an own user and IPC namespace,
 * limits and a seccomp filter for every child, refusal reports, and the
 * `ulimit` and `sandbox` builtins.
 *
 * How a refused call gets reported. The filter (sandbox_policy.c) is
 * compiled once at start; each child loads it between fork and exec with
 * SECCOMP_RET_USER_NOTIF and a new listener fd (seccomp(2),
 * seccomp_unotify(2)), sends that fd to the shell over a Unix socket
 * (SCM_RIGHTS, unix(7)) and execs. A thread in the shell polls every
 * listener: for each notification it reads the caller's name from
 * /proc/PID/comm, records the call, and answers EPERM; the main loop
 * prints the records before the next prompt. Why this way:
 *  - it works unprivileged (no CAP_SYS_ADMIN, no audit log to read), and
 *    names the exact call and process, also for grandchildren, which
 *    inherit the filter and its listener;
 *  - a dedicated thread answers at once, so a child never waits on the
 *    shell's own work (a foreground `wait`, readline); it never prints,
 *    and it blocks every signal, so the shell's signal handling is as
 *    without the sandbox; it is started after unshare(CLONE_NEWUSER),
 *    which requires a single-threaded caller;
 *  - the record is made before the answer, so once a child has its
 *    EPERM, the report is ready for the next prompt;
 *  - the child uses only async-signal-safe system calls (prctl, seccomp,
 *    sendmsg): safe after fork in a threaded process.
 * SCMP_ACT_ERRNO with SCMP_ACT_LOG would need the audit log (root only);
 * SCMP_ACT_TRAP puts a SIGSYS handler in the child, which exec resets.
 * Limits: a filter keeps one listener per process tree (a nested ipcsh
 * --sandbox gets EBUSY and falls back to plain EPERM without reports);
 * when the shell has exited, a refused call of a left-over background
 * child fails with ENOSYS instead (nobody is listening): still refused.
 * The filter is never loaded into the shell itself: the shell must keep
 * the right to signal its jobs; its kill builtin checks the same policy
 * in code (sandbox_check_kill).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <seccomp.h>

#include "i18n.h"
#include "sandbox.h"
#include "sandbox_policy.h"
#include "shell.h"
#include "userns.h"

#define SB_CONF		"/etc/ipcsh/sandbox.conf"
#define SB_KEEP		64	/* refusals remembered */

/* The resources `ulimit` knows, in bash's order and words. */
struct sb_res {
	int res;
	char opt;
	const char *key;	/* config file and prlimit(1) name */
	const char *desc;
	const char *unit;
	rlim_t scale;		/* bytes per unit of ulimit's numbers */
	rlim_t lab;		/* sandbox default, RLIM_INFINITY: none */
};

#ifdef __SANITIZE_ADDRESS__
/* ASan reserves terabytes of shadow memory: an AS limit kills it. */
#define SB_LAB_AS	RLIM_INFINITY
#else
#define SB_LAB_AS	((rlim_t)2 << 30)
#endif

#define NO_RES	(-1)	/* -p: pipe size, shown but not a resource */

static const struct sb_res sb_res[] = {
	{ RLIMIT_RTTIME, 'R', "rttime", "real-time non-blocking time",
	    "microseconds", 1, RLIM_INFINITY },
	{ RLIMIT_CORE, 'c', "core", "core file size", "blocks", 512,
	    RLIM_INFINITY },
	{ RLIMIT_DATA, 'd', "data", "data seg size", "kbytes", 1024,
	    RLIM_INFINITY },
	{ RLIMIT_NICE, 'e', "nice", "scheduling priority", NULL, 1,
	    RLIM_INFINITY },
	{ RLIMIT_FSIZE, 'f', "fsize", "file size", "blocks", 512,
	    (rlim_t)100 << 20 },
	{ RLIMIT_SIGPENDING, 'i', "sigpending", "pending signals", NULL, 1,
	    RLIM_INFINITY },
	{ RLIMIT_MEMLOCK, 'l', "memlock", "max locked memory", "kbytes", 1024,
	    RLIM_INFINITY },
	{ RLIMIT_RSS, 'm', "rss", "max memory size", "kbytes", 1024,
	    RLIM_INFINITY },
	{ RLIMIT_NOFILE, 'n', "nofile", "open files", NULL, 1, 1024 },
	{ NO_RES, 'p', "pipe", "pipe size", "512 bytes", 512, RLIM_INFINITY },
	{ RLIMIT_MSGQUEUE, 'q', "msgqueue", "POSIX message queues", "bytes", 1,
	    RLIM_INFINITY },
	{ RLIMIT_RTPRIO, 'r', "rtprio", "real-time priority", NULL, 1,
	    RLIM_INFINITY },
	{ RLIMIT_STACK, 's', "stack", "stack size", "kbytes", 1024,
	    RLIM_INFINITY },
	{ RLIMIT_CPU, 't', "cpu", "cpu time", "seconds", 1, 300 },
	{ RLIMIT_NPROC, 'u', "nproc", "max user processes", NULL, 1, 256 },
	{ RLIMIT_AS, 'v', "as", "virtual memory", "kbytes", 1024, SB_LAB_AS },
	{ RLIMIT_LOCKS, 'x', "locks", "file locks", NULL, 1, RLIM_INFINITY },
};
#define SB_LAB_OPTS	"fntuv"	/* the limits a lab sets */
#define SB_NRES	(sizeof(sb_res) / sizeof(sb_res[0]))

struct sb_refusal {
	pid_t pid;
	char comm[16];
	char call[32];
	const char *why;
	unsigned count;
};

static struct {
	int on;			/* the sandbox is active */
	int locked;		/* started so: `sandbox off` refused */
	int conf_on;		/* a configuration said "sandbox = on" */
	int conf_ns;		/* namespace = on|off (default on) */
	int ns;			/* we have our own user+IPC namespace */
	char ns_why[128];	/* why not */
	int notify;		/* refusals are reported */
	char notify_why[128];
	int loaded;		/* this process already has the filter */
	int sock[2];		/* listener fds: [1] children send, [0] we read */
	pid_t shell;
	struct sock_fprog prog;	/* SCMP_ACT_NOTIFY or ERRNO(EPERM) */
	struct sock_fprog errprog;	/* ERRNO(EPERM): fallback */
	struct rlimit lim[SB_NRES];	/* for the children */
	int lim_set[SB_NRES];	/* given by a configuration */
	struct rlimit conf[SB_NRES];
} sb = { .conf_ns = 1, .sock = { -1, -1 } };

/* Refusals, written by the listener thread, read by the main loop. */
static pthread_mutex_t sb_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sb_refusal sb_log[SB_KEEP];
static unsigned long sb_total;		/* ever recorded */
static unsigned long sb_shown;		/* reported so far */

/* ---- configuration ---- */

static const struct sb_res *
sb_res_key(const char *key)
{
	size_t i;

	for (i = 0; i < SB_NRES; i++)
		if (strcmp(sb_res[i].key, key) == 0)
			return &sb_res[i];
	return NULL;
}

/* "unlimited", "256", "100M": bytes or a count. 0, or -1 when invalid. */
static int
sb_parse_value(const char *s, rlim_t *v)
{
	unsigned long long n;
	char *end;

	if (strcmp(s, "unlimited") == 0 || strcmp(s, "infinity") == 0) {
		*v = RLIM_INFINITY;
		return 0;
	}
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	switch (*end) {
	case 'K': case 'k': n <<= 10; end++; break;
	case 'M': case 'm': n <<= 20; end++; break;
	case 'G': case 'g': n <<= 30; end++; break;
	}
	if (*end != '\0' || n >= RLIM_INFINITY)
		return -1;
	*v = n;
	return 0;
}

/* "SOFT:HARD" as prlimit(1) writes it, or one value for both. */
static int
sb_parse_limit(char *s, struct rlimit *rl)
{
	char *colon = strchr(s, ':');

	if (colon == NULL) {
		if (sb_parse_value(s, &rl->rlim_cur) < 0)
			return -1;
		rl->rlim_max = rl->rlim_cur;
		return 0;
	}
	*colon = '\0';
	if (sb_parse_value(s, &rl->rlim_cur) < 0 ||
	    sb_parse_value(colon + 1, &rl->rlim_max) < 0 ||
	    rl->rlim_cur > rl->rlim_max)
		return -1;
	return 0;
}

static int
sb_parse_bool(const char *s)
{
	if (!strcmp(s, "on") || !strcmp(s, "yes") || !strcmp(s, "1") ||
	    !strcmp(s, "true"))
		return 1;
	if (!strcmp(s, "off") || !strcmp(s, "no") || !strcmp(s, "0") ||
	    !strcmp(s, "false"))
		return 0;
	return -1;
}

static char *
sb_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* One "key = value" line; 0, or -1 when it is wrong. */
static int
sb_conf_line(char *key, char *val)
{
	const struct sb_res *r;
	int b;

	if (strcmp(key, "sandbox") == 0 || strcmp(key, "namespace") == 0) {
		b = sb_parse_bool(val);
		if (b < 0)
			return -1;
		if (key[0] == 's')
			sb.conf_on |= b;	/* no later file undoes "on" */
		else
			sb.conf_ns = b;
		return 0;
	}
	r = sb_res_key(key);
	if (r == NULL)
		return -1;
	if (sb_parse_limit(val, &sb.conf[r - sb_res]) < 0)
		return -1;
	sb.lim_set[r - sb_res] = 1;
	return 0;
}

/* Reads one configuration file; a missing file is no error. */
static void
sb_conf_read(const char *path)
{
	char line[256], *s, *eq;
	FILE *f = fopen(path, "re");
	int n = 0;

	if (f == NULL) {
		if (errno != ENOENT)
			fprintf(stderr, "ipcsh: sandbox: %s: %s\n", path,
			    strerror(errno));
		return;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		n++;
		s = strchr(line, '#');
		if (s != NULL)
			*s = '\0';
		s = sb_trim(line);
		if (*s == '\0')
			continue;
		eq = strchr(s, '=');
		if (eq != NULL)
			*eq = '\0';
		if (eq == NULL || sb_conf_line(sb_trim(s), sb_trim(eq + 1)) < 0)
			fprintf(stderr,
			    "ipcsh: sandbox: %s:%d: ignored: %s\n", path, n,
			    sb_trim(s));
	}
	fclose(f);
}

/* ---- namespace and limits ---- */

/* ipcview --sandbox, or our own namespaces (userns_enter). */
static void
sb_unshare(void)
{
	const char *inherited = getenv("IPCSH_SANDBOX_NS");

	/*
	 * ipcview --sandbox made the namespaces and runs us inside them. The
	 * word is for us alone: a nested ipcsh --sandbox makes its own.
	 */
	if (inherited != NULL && strcmp(inherited, "inherited") == 0) {
		unsetenv("IPCSH_SANDBOX_NS");
		sb.ns = 1;
		return;
	}
	if (!sb.conf_ns) {
		snprintf(sb.ns_why, sizeof(sb.ns_why), "%s",
		    tr("switched off in the configuration", "配置中已关闭"));
		return;
	}
	switch (userns_enter()) {
	case -1:
		snprintf(sb.ns_why, sizeof(sb.ns_why), "unshare: %s",
		    strerror(errno));
		return;
	case 1:
		/* Unmapped, we look like "nobody"; IPC isolation still holds. */
		snprintf(sb.ns_why, sizeof(sb.ns_why), "uid_map: %s",
		    strerror(errno));
		break;
	}
	sb.ns = 1;
}

/*
 * The children's limits: the lab defaults, or a configuration's, never
 * above the shell's own hard limits (setrlimit(2) would refuse).
 */
static void
sb_limits_init(void)
{
	struct rlimit own, *l;
	size_t i;

	for (i = 0; i < SB_NRES; i++) {
		l = &sb.lim[i];
		if (sb_res[i].res == NO_RES ||
		    getrlimit(sb_res[i].res, &own) < 0)
			own.rlim_cur = own.rlim_max = RLIM_INFINITY;
		*l = own;
		if (sb.lim_set[i]) {
			*l = sb.conf[i];
		} else if (sb_res[i].lab != RLIM_INFINITY) {
			/* the lab's defaults only ever tighten */
			if (l->rlim_max > sb_res[i].lab)
				l->rlim_max = sb_res[i].lab;
			if (l->rlim_cur > sb_res[i].lab)
				l->rlim_cur = sb_res[i].lab;
		} else {
			continue;
		}
		if (l->rlim_max > own.rlim_max)
			l->rlim_max = own.rlim_max;
		if (l->rlim_cur > l->rlim_max)
			l->rlim_cur = l->rlim_max;
	}
}

/* ---- refusals ---- */

static void
sb_record(pid_t pid, const char *comm, const char *call, const char *why)
{
	struct sb_refusal *r;

	if (getpid() != sb.shell)
		return;		/* a forked child: no one would report it */
	pthread_mutex_lock(&sb_lock);
	if (sb_total > sb_shown) {
		r = &sb_log[(sb_total - 1) % SB_KEEP];
		if (r->pid == pid && strcmp(r->call, call) == 0) {
			r->count++;
			goto out_unlock;
		}
	}
	r = &sb_log[sb_total % SB_KEEP];
	r->pid = pid;
	snprintf(r->comm, sizeof(r->comm), "%s", comm);
	snprintf(r->call, sizeof(r->call), "%s", call);
	r->why = why;
	r->count = 1;
	sb_total++;
out_unlock:
	pthread_mutex_unlock(&sb_lock);
}

/* proc(5): /proc/PID/comm, the command name (at most 15 bytes). */
static void
sb_comm(pid_t pid, char *buf, size_t len)
{
	char path[32];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	snprintf(buf, len, "?");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n <= 0)
		n = 1;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
}

/* One notification: who, which call; record it, then answer EPERM. */
static void
sb_answer(int fd, struct seccomp_notif *req, struct seccomp_notif_resp *resp)
{
	const struct sbp_rule *rule;
	char comm[16], call[32], *name;

	memset(req, 0, sizeof(*req));
	if (seccomp_notify_receive(fd, req) < 0)
		return;		/* the caller was killed meanwhile */
	sb_comm(req->pid, comm, sizeof(comm));
	rule = sbp_match(req->data.arch, req->data.nr, req->data.args[0],
	    req->data.args[1]);
	name = seccomp_syscall_resolve_num_arch(sbp_arch(req->data.arch,
	    req->data.nr), req->data.nr);
	snprintf(call, sizeof(call), "%s", name != NULL ? name :
	    rule != NULL ? rule->name : "?");
	free(name);
	/* seccomp_unotify(2): the pid may have been reused since */
	if (seccomp_notify_id_valid(fd, req->id) == 0)
		sb_record(req->pid, comm, call, rule ? rule->why : NULL);
	memset(resp, 0, sizeof(*resp));
	resp->id = req->id;
	resp->error = -EPERM;
	seccomp_notify_respond(fd, resp);
}

/*
 * The listener thread: takes the listener fds children send and answers
 * their notifications; a listener whose processes have all exited polls
 * as POLLHUP and is closed.
 */
static void *
sb_serve(void *arg)
{
	struct seccomp_notif *req;
	struct seccomp_notif_resp *resp;
	struct pollfd *p = NULL, *np;
	size_t n = 1, cap = 0, i;
	int fd;

	(void)arg;
	if (seccomp_notify_alloc(&req, &resp) < 0)
		return NULL;
	for (;;) {
		if (n + 1 > cap) {
			np = realloc(p, (cap + 16) * sizeof(*p));
			if (np != NULL) {
				p = np;
				cap += 16;
			} else if (p == NULL) {
				return NULL;
			}
		}
		p[0].fd = sb.sock[0];
		p[0].events = POLLIN;
		if (poll(p, n, -1) < 0)
			continue;
		for (i = n - 1; i >= 1; i--) {
			if (p[i].revents & POLLIN)
				sb_answer(p[i].fd, req, resp);
			else if (p[i].revents &
			    (POLLHUP | POLLERR | POLLNVAL)) {
				close(p[i].fd);
				p[i] = p[--n];
			}
		}
		if (p[0].revents & POLLIN) {
			fd = sbp_recv_fd(sb.sock[0]);
			if (fd >= 0 && n >= cap) {
				close(fd);	/* no memory: its calls get ENOSYS */
			} else if (fd >= 0) {
				p[n].fd = fd;
				p[n].events = POLLIN;
				p[n].revents = 0;
				n++;
			}
		}
	}
	return NULL;
}

static void
sb_fork_prepare(void)
{
	pthread_mutex_lock(&sb_lock);
}

static void
sb_fork_parent(void)
{
	pthread_mutex_unlock(&sb_lock);
}

static void
sb_fork_child(void)
{
	pthread_mutex_init(&sb_lock, NULL);
}

/* Compiles the filters and starts the listener thread. */
static int
sb_filter_init(void)
{
	sigset_t all, old;
	pthread_t t;
	int rc;

	if (sbp_compile(SCMP_ACT_ERRNO(EPERM), &sb.errprog) < 0)
		return -1;
	sb.prog = sb.errprog;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0,
	    sb.sock) < 0 ||
	    sbp_compile(SCMP_ACT_NOTIFY, &sb.prog) < 0) {
		snprintf(sb.notify_why, sizeof(sb.notify_why), "%s",
		    strerror(errno));
		sb.prog = sb.errprog;
		return 0;
	}
	/*
	 * fork(2) in a threaded process: the child gets the mutex as it was;
	 * hold it across fork so the child's copy is never left locked.
	 */
	pthread_atfork(sb_fork_prepare, sb_fork_parent, sb_fork_child);
	/* The thread takes no signal: they stay the main loop's business. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&t, NULL, sb_serve, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		snprintf(sb.notify_why, sizeof(sb.notify_why), "%s",
		    strerror(rc));
		free(sb.prog.filter);
		sb.prog = sb.errprog;
		return 0;
	}
	pthread_detach(t);
	sb.notify = 1;
	return 0;
}

static void
sb_atexit(void)
{
	if (getpid() == sb.shell)
		sandbox_report();
}

/* Turns the sandbox on in this shell; 0, or -1 after reporting. */
static int
sb_start(void)
{
	static int started;

	if (started) {
		sb.on = sh_opt.sandbox = 1;
		return 0;
	}
	sb.shell = getpid();
	sb_unshare();		/* first: only while single-threaded */
	sb_limits_init();
	if (sb_filter_init() < 0) {
		fprintf(stderr, "ipcsh: sandbox: %s: %s\n",
		    tr("cannot build the seccomp filter",
		    "无法生成 seccomp 过滤器"), strerror(errno));
		sh_opt.sandbox = 0;
		return -1;
	}
	started = 1;
	sb.on = sh_opt.sandbox = 1;
	if (!sb.ns || sb.ns_why[0] != '\0')
		fprintf(stderr, "ipcsh: sandbox: %s (%s)\n", sb.ns ?
		    tr("own IPC namespace, but user ids are not mapped",
		    "有独立的 IPC 命名空间，但用户 ID 未映射") :
		    tr("no own IPC namespace: queues, semaphores and shared memory are shared with the rest of the machine",
		    "没有独立的 IPC 命名空间：消息队列、信号量和共享内存与整台机器共用"),
		    sb.ns_why);
	if (!sb.notify)
		fprintf(stderr, "ipcsh: sandbox: %s (%s)\n",
		    tr("refused calls fail with EPERM but cannot be reported",
		    "被拒绝的调用返回 EPERM，但无法报告"), sb.notify_why);
	if (getuid() == 0)
		fprintf(stderr, "ipcsh: sandbox: %s\n",
		    tr("running as root: the process limit (ulimit -u) does not apply to root, see setrlimit(2)",
		    "以 root 运行：进程数限制 (ulimit -u) 对 root 无效，见 setrlimit(2)"));
	atexit(sb_atexit);
	return 0;
}

int
sandbox_init(void)
{
	const char *extra = getenv("IPCSH_SANDBOX_CONF");

	sb_conf_read(SB_CONF);
	if (extra != NULL && *extra != '\0')
		sb_conf_read(extra);
	if (!sh_opt.sandbox && !sb.conf_on)
		return 0;
	sb.locked = 1;
	return sb_start();
}

/* ---- in the child ---- */

static void
sb_die(const char *what)
{
	char buf[160];
	int n;

	n = snprintf(buf, sizeof(buf), "ipcsh: sandbox: %s: %s\n", what,
	    strerror(errno));
	if (n > 0 && write(STDERR_FILENO, buf, n) < 0)
		n = 0;
	_exit(126);
}

void
sandbox_child(void)
{
	size_t i;
	int fd;

	if (!sb.on)
		return;
	for (i = 0; i < SB_NRES; i++)
		if (sb_res[i].res != NO_RES &&
		    setrlimit(sb_res[i].res, &sb.lim[i]) < 0)
			sb_die("setrlimit");
	if (sb.loaded)
		return;		/* a subshell's child inherited it */
	sb.loaded = 1;
	/*
	 * `exec CMD` replaces the shell itself: the listener thread dies
	 * with the exec, so refused calls just fail with EPERM.
	 */
	if (!sb.notify || getpid() == sb.shell) {
		if (sbp_load(&sb.errprog, 0) < 0)
			sb_die("seccomp");
		return;
	}
	fd = sbp_load(&sb.prog, 1);
	if (fd < 0 && errno == EBUSY) {
		/* seccomp(2): one listener per process tree (nested ipcsh) */
		if (sbp_load(&sb.errprog, 0) < 0)
			sb_die("seccomp");
		return;
	}
	if (fd < 0)
		sb_die("seccomp");
	if (sbp_send_fd(sb.sock[1], fd) < 0)
		sb_die("seccomp listener");
	close(fd);
}

/* ---- in the shell ---- */

int
sandbox_check_kill(pid_t pid, int sig)
{
	char call[32];

	(void)sig;
	if (!sb.on || !sbp_kill_refused(pid))
		return 0;
	/* a forked builtin (kill -1 | cat): the filter refuses and reports */
	if (getpid() != sb.shell && sb.loaded && sb.notify)
		return 0;
	snprintf(call, sizeof(call), "kill");
	sb_record(getpid(), "ipcsh", call, "pid -1 would signal every process");
	errno = EPERM;
	return -1;
}

int
sandbox_check_ipcrm_all(void)
{
	if (!sb.on || sb.ns)
		return 0;
	sb_record(getpid(), "ipcsh", "ipcrm -a",
	    "remove every IPC object of the machine");
	errno = EPERM;
	return -1;
}

static void
sb_print(const struct sb_refusal *r, int why)
{
	/* a system call gets "()", a builtin ("ipcrm -a") does not */
	const char *paren = strchr(r->call, ' ') == NULL ? "()" : "";

	fprintf(stderr, tr("ipcsh: sandbox: %s (pid %d) was refused %s%s",
	    "ipcsh: sandbox: %s（pid %d）的 %s%s 调用被拒绝"), r->comm,
	    (int)r->pid, r->call, paren);
	if (r->count > 1)
		fprintf(stderr, tr(" %u times", " %u 次"), r->count);
	if (why && r->why != NULL)
		fprintf(stderr, " (%s)", r->why);
	fputc('\n', stderr);
}

void
sandbox_report(void)
{
	struct sb_refusal copy[SB_KEEP];
	unsigned long from, to, lost = 0, i;

	if (sb.shell == 0 || getpid() != sb.shell)
		return;
	pthread_mutex_lock(&sb_lock);
	to = sb_total;
	from = sb_shown;
	if (to - from > SB_KEEP) {
		lost = to - from - SB_KEEP;
		from = to - SB_KEEP;
	}
	for (i = from; i < to; i++)
		copy[i - from] = sb_log[i % SB_KEEP];
	sb_shown = to;
	pthread_mutex_unlock(&sb_lock);
	if (from == to)
		return;
	fflush(stdout);
	if (lost > 0)
		fprintf(stderr, tr("ipcsh: sandbox: %lu more refusals not shown\n",
		    "ipcsh: sandbox: 另有 %lu 次拒绝未显示\n"), lost);
	for (i = 0; i < to - from; i++)
		sb_print(&copy[i], sh_opt.explain);
	fflush(stderr);
}

/* ---- ulimit ---- */

static const struct sb_res *
sb_res_opt(int opt)
{
	size_t i;

	for (i = 0; i < SB_NRES; i++)
		if (sb_res[i].opt == opt)
			return &sb_res[i];
	return NULL;
}

/* The limits ulimit shows and sets: the children's when sandboxed. */
static int
sb_getlim(const struct sb_res *r, struct rlimit *rl)
{
	if (r->res == NO_RES) {
		/* pipe(7): PIPE_BUF, in 512-byte units as bash shows it */
		rl->rlim_cur = rl->rlim_max = PIPE_BUF;
		return 0;
	}
	if (sb.on) {
		*rl = sb.lim[r - sb_res];
		return 0;
	}
	return getrlimit(r->res, rl);
}

static int
sb_setlim(const struct sb_res *r, const struct rlimit *rl)
{
	struct rlimit *cur = &sb.lim[r - sb_res];

	if (r->res == NO_RES) {
		errno = EINVAL;
		return -1;
	}
	if (!sb.on)
		return setrlimit(r->res, rl);
	/* as setrlimit(2), but no one may raise the lab's hard limit */
	if (rl->rlim_cur > rl->rlim_max) {
		errno = EINVAL;
		return -1;
	}
	if (rl->rlim_max > cur->rlim_max) {
		errno = EPERM;
		return -1;
	}
	*cur = *rl;
	return 0;
}

static void
sb_print_value(rlim_t v, rlim_t scale)
{
	if (v == RLIM_INFINITY)
		printf("unlimited\n");
	else
		printf("%llu\n", (unsigned long long)(v / scale));
}

/* bash's `ulimit -a` layout: "open files                          (-n) 1024" */
static void
sb_print_line(const struct sb_res *r, rlim_t v)
{
	char unit[32];

	if (r->unit != NULL)
		snprintf(unit, sizeof(unit), "(%s, -%c) ", r->unit, r->opt);
	else
		snprintf(unit, sizeof(unit), "(-%c) ", r->opt);
	printf("%-20s %20s", r->desc, unit);
	sb_print_value(v, r->scale);
}

/* "unlimited", "hard", "soft" or a number of units. 0, or -1. */
static int
ulimit_value(const char *s, const struct sb_res *r, const struct rlimit *cur,
    rlim_t *v)
{
	unsigned long long n;
	char *end;

	if (strcmp(s, "unlimited") == 0) {
		*v = RLIM_INFINITY;
		return 0;
	}
	if (strcmp(s, "hard") == 0 || strcmp(s, "soft") == 0) {
		*v = s[0] == 'h' ? cur->rlim_max : cur->rlim_cur;
		return 0;
	}
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' ||
	    n > (unsigned long long)(RLIM_INFINITY - 1) / r->scale)
		return -1;
	*v = (rlim_t)n * r->scale;
	return 0;
}

static int
ulimit_set(const struct sb_res *r, const char *arg, int soft, int hard)
{
	struct rlimit rl;
	rlim_t v;

	if (sb_getlim(r, &rl) < 0)
		return bi_errorf("ulimit", "%s: %s", r->desc, strerror(errno));
	if (ulimit_value(arg, r, &rl, &v) < 0)
		return bi_errorf("ulimit", "%s: invalid number", arg);
	if (hard)
		rl.rlim_max = v;
	if (soft)
		rl.rlim_cur = v;
	if (sb_setlim(r, &rl) < 0)
		return bi_errorf("ulimit", "%s: cannot modify limit: %s",
		    r->desc, strerror(errno));
	return 0;
}

static int
bi_ulimit(int argc, char **argv)
{
	const struct sb_res *want[SB_NRES + 1];
	struct rlimit rl;
	int c, all = 0, soft = 0, hard = 0, nwant = 0, i, rc = 0;

	optind = 0;
	while ((c = getopt(argc, argv, "+SHaRcdefilmnpqrstuvx")) != -1) {
		switch (c) {
		case 'S': soft = 1; break;
		case 'H': hard = 1; break;
		case 'a': all = 1; break;
		case '?': return bi_usage("ulimit");
		default:
			if (nwant < (int)SB_NRES)
				want[nwant++] = sb_res_opt(c);
			break;
		}
	}
	if (argc - optind > 1 || (all && optind < argc))
		return bi_usage("ulimit");
	if (all) {
		for (i = 0; i < (int)SB_NRES; i++)
			want[i] = &sb_res[i];
		nwant = SB_NRES;
	}
	if (nwant == 0)
		want[nwant++] = sb_res_opt('f');
	if (optind < argc) {
		/* bash: without -S or -H, a new value sets both */
		if (!soft && !hard)
			soft = hard = 1;
		for (i = 0; i < nwant; i++)
			rc |= ulimit_set(want[i], argv[optind], soft, hard);
		return rc;
	}
	for (i = 0; i < nwant; i++) {
		if (sb_getlim(want[i], &rl) < 0) {
			rc = bi_errorf("ulimit", "%s: %s", want[i]->desc,
			    strerror(errno));
			continue;
		}
		if (nwant > 1)
			sb_print_line(want[i], hard && !soft ? rl.rlim_max :
			    rl.rlim_cur);
		else
			sb_print_value(hard && !soft ? rl.rlim_max :
			    rl.rlim_cur, want[i]->scale);
	}
	return rc;
}

/* ---- the sandbox builtin ---- */

static void
sandbox_show_state(void)
{
	printf("sandbox: %s\n", sb.on ? (sb.locked ?
	    tr("on (for the whole session)", "开启（整个会话）") :
	    tr("on", "开启")) : tr("off", "关闭"));
	if (!sb.on && sb.shell == 0)
		return;
	if (sb.ns)
		printf("namespace: %s\n", tr("own user and IPC namespace: ipcs shows only this session's objects; they vanish when it ends",
		    "独立的用户和 IPC 命名空间：ipcs 只显示本会话的对象，会话结束时它们随之消失"));
	else
		printf("namespace: %s (%s)\n", tr("none, IPC objects are shared with the machine",
		    "无，IPC 对象与整台机器共用"), sb.ns_why);
	if (sb.notify)
		printf("reports: %s\n", tr("seccomp user notification: the shell answers EPERM and names the call",
		    "seccomp 用户通知：由 shell 回答 EPERM 并指出被拒绝的调用"));
	else
		printf("reports: %s (%s)\n", tr("none, refused calls just fail with EPERM",
		    "无，被拒绝的调用只返回 EPERM"), sb.notify_why);
}

static void
sandbox_show_policy(void)
{
	const struct sbp_rule *r;
	char name[40];

	printf("%s\n", tr("policy: in every child, these calls fail with EPERM:",
	    "策略：每个子进程中下列调用返回 EPERM："));
	for (r = sbp_rules; r->name != NULL; r++) {
		snprintf(name, sizeof(name), "%s%s", r->name,
		    r->when == SBP_ALWAYS ? "" : " (pid -1)");
		printf("  %-26s %s\n", name, r->why);
	}
	printf("  %-26s %s\n", "kill builtin (pid -1)",
	    "signal every process");
	if (!sb.ns)
		printf("  %-26s %s\n", "ipcrm -a builtin",
		    "remove every IPC object of the machine");
}

static void
sandbox_show_limits(void)
{
	struct rlimit rl;
	size_t i;

	printf("%s\n", tr("limits for children (soft/hard, ulimit units):",
	    "子进程的资源限制（软/硬，单位同 ulimit）："));
	for (i = 0; i < SB_NRES; i++) {
		/* the ones the sandbox sets; `ulimit -a` shows the rest */
		if ((strchr(SB_LAB_OPTS, sb_res[i].opt) == NULL &&
		    !sb.lim_set[i]) || sb_getlim(&sb_res[i], &rl) < 0)
			continue;
		printf("  %-20s (-%c) ", sb_res[i].desc, sb_res[i].opt);
		if (rl.rlim_cur == RLIM_INFINITY)
			printf("unlimited/");
		else
			printf("%llu/", (unsigned long long)(rl.rlim_cur /
			    sb_res[i].scale));
		sb_print_value(rl.rlim_max, sb_res[i].scale);
	}
}

static void
sandbox_show_refusals(void)
{
	unsigned long i, from;

	pthread_mutex_lock(&sb_lock);
	printf(tr("refusals so far: %lu\n", "迄今拒绝次数：%lu\n"), sb_total);
	from = sb_total > SB_KEEP ? sb_total - SB_KEEP : 0;
	for (i = from; i < sb_total; i++) {
		const struct sb_refusal *r = &sb_log[i % SB_KEEP];

		printf("  %s (pid %d) %s%s", r->comm, (int)r->pid, r->call,
		    strchr(r->call, ' ') == NULL ? "()" : "");
		if (r->count > 1)
			printf(" x%u", r->count);
		putchar('\n');
	}
	pthread_mutex_unlock(&sb_lock);
}

static int
bi_sandbox(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "status";

	if (argc > 2)
		return bi_usage("sandbox");
	if (strcmp(what, "status") == 0) {
		sandbox_show_state();
		if (sb.on) {
			sandbox_show_limits();
			sandbox_show_refusals();
		}
	} else if (strcmp(what, "policy") == 0) {
		sandbox_show_policy();
	} else if (strcmp(what, "limits") == 0) {
		sandbox_show_limits();
	} else if (strcmp(what, "refusals") == 0) {
		sandbox_show_refusals();
	} else if (strcmp(what, "on") == 0) {
		return sb_start() < 0 ? 1 : 0;
	} else if (strcmp(what, "off") == 0) {
		if (sb.locked && sb.on)
			return bi_errorf("sandbox", "%s", tr("this session was started sandboxed; it stays so",
			    "本会话以沙箱方式启动，不能关闭"));
		sb.on = sh_opt.sandbox = 0;
	} else {
		return bi_usage("sandbox");
	}
	return 0;
}

const struct builtin builtins_sandbox[] = {
	{ "ulimit", bi_ulimit, "ulimit [-SH] [-a | -Rcdefilmnpqrstuvx] [limit]",
	    "show or set resource limits (the children's, when sandboxed)",
	    BI_NOFORK },
	{ "sandbox", bi_sandbox,
	    "sandbox [status | policy | limits | refusals | on | off]",
	    "the lab sandbox: state, policy, limits, refused calls",
	    BI_NOFORK },
	{ NULL, NULL, NULL, NULL, 0 },
};
