/*
 * sandbox.c - the lab sandbox (--sandbox): the teacher's configuration,
 * the children's limits and filter, the checks builtins make from inside
 * the shell, and the `ulimit` and `sandbox` builtins. Namespaces are in
 * sandbox_ns.c, refusal reports in sandbox_report.c, the system call
 * policy in sandbox_policy.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <seccomp.h>

#include "i18n.h"
#include "sandbox.h"
#include "sandbox_policy.h"
#include "sandbox_state.h"
#include "shell.h"

#define SB_CONF		"/etc/ipcsh/sandbox.conf"

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

struct sb_state sb = { .conf_ns = 1, .sock = { -1, -1 } };

/* The children's limits. */
static struct rlimit sb_lim[SB_NRES];
static int sb_lim_set[SB_NRES];	/* given by a configuration */
static struct rlimit sb_conf[SB_NRES];

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

/*
 * The decimal number s begins with, no sign, into *n and where it ends
 * into *end (strtoull(3)). 0, or -1 when there is none or it overflows.
 */
static int
sb_parse_number(const char *s, unsigned long long *n, char **end)
{
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*n = strtoull(s, end, 10);
	return errno != 0 ? -1 : 0;
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
	if (sb_parse_number(s, &n, &end) < 0)
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
	if (sb_parse_limit(val, &sb_conf[r - sb_res]) < 0)
		return -1;
	sb_lim_set[r - sb_res] = 1;
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

/* ---- limits ---- */

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
		l = &sb_lim[i];
		if (sb_res[i].res == NO_RES ||
		    getrlimit(sb_res[i].res, &own) < 0)
			own.rlim_cur = own.rlim_max = RLIM_INFINITY;
		*l = own;
		if (sb_lim_set[i]) {
			*l = sb_conf[i];
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

static void
sb_atexit(void)
{
	if (getpid() != sb.shell)
		return;
	sandbox_report();
	if (!sb.pidns)
		sbc_remove();	/* else the outer process does, at the end */
}

static size_t
sb_res_index(int res)
{
	size_t i;

	for (i = 0; i < SB_NRES; i++)
		if (sb_res[i].res == res)
			break;
	return i;
}

/* The process limit as root: the pids cgroup's pids.max (soft limit). */
static int
sb_nproc_set(const struct rlimit *rl)
{
	return sbc_set_max(rl->rlim_cur);
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
	/* as root, before the user namespace: the rights to make a cgroup */
	if (geteuid() == 0)
		sbc_init(sb.cg_why, sizeof(sb.cg_why));
	/* first: only while single-threaded; the PID namespace at start only */
	sbn_enter(sb.locked);
	sb.shell = getpid();
	sb_limits_init();
	sb_nproc_set(&sb_lim[sb_res_index(RLIMIT_NPROC)]);
	if (sbr_start() < 0) {
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
	if (sb.ns && sb.pid_why[0] != '\0')
		fprintf(stderr, "ipcsh: sandbox: %s\n", sb.pid_why);
	if (!sb.notify)
		fprintf(stderr, "ipcsh: sandbox: %s (%s)\n",
		    tr("refused calls fail with EPERM but cannot be reported",
		    "被拒绝的调用返回 EPERM，但无法报告"), sb.notify_why);
	if (getuid() == 0 && !sbc_active())
		fprintf(stderr, "ipcsh: sandbox: %s (%s)\n",
		    tr("running as root: the process limit (ulimit -u) does not apply to root, see setrlimit(2)",
		    "以 root 运行：进程数限制 (ulimit -u) 对 root 无效，见 setrlimit(2)"),
		    sb.cg_why);
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
	if (sbc_join() < 0)
		sb_die("cgroup");
	for (i = 0; i < SB_NRES; i++)
		if (sb_res[i].res != NO_RES &&
		    setrlimit(sb_res[i].res, &sb_lim[i]) < 0)
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
sb_fd_high(int fd)
{
	int hi;

	if (fd < 0 || fd >= 10)
		return fd;
	hi = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	if (hi < 0)
		return fd;
	close(fd);
	return hi;
}

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
	sbr_record(getpid(), "ipcsh", call, "pid -1 would signal every process");
	errno = EPERM;
	return -1;
}

int
sandbox_check_ipcrm_all(void)
{
	if (!sb.on || sb.ns)
		return 0;
	sbr_record(getpid(), "ipcsh", "ipcrm -a",
	    "remove every IPC object of the machine");
	errno = EPERM;
	return -1;
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
		*rl = sb_lim[r - sb_res];
		return 0;
	}
	return getrlimit(r->res, rl);
}

static int
sb_setlim(const struct sb_res *r, const struct rlimit *rl)
{
	struct rlimit *cur = &sb_lim[r - sb_res];

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
	if (r->res == RLIMIT_NPROC && sb_nproc_set(rl) < 0)
		return -1;
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
	if (sb_parse_number(s, &n, &end) < 0 || *end != '\0' ||
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

/* "WHAT: TEXT", then " (WHY)" when why is not NULL. */
static void
sandbox_show_line(const char *what, const char *text, const char *why)
{
	printf("%s: %s", what, text);
	if (why != NULL)
		printf(" (%s)", why);
	putchar('\n');
}

static void
sandbox_show_state(void)
{
	printf("sandbox: %s\n", sb.on ? (sb.locked ?
	    tr("on (for the whole session)", "开启（整个会话）") :
	    tr("on", "开启")) : tr("off", "关闭"));
	if (!sb.on && sb.shell == 0)
		return;
	sandbox_show_line("namespace", sb.ns ?
	    tr("own user and IPC namespace: ipcs shows only this session's objects; they vanish when it ends",
	    "独立的用户和 IPC 命名空间：ipcs 只显示本会话的对象，会话结束时它们随之消失") :
	    tr("none, IPC objects are shared with the machine",
	    "无，IPC 对象与整台机器共用"), sb.ns ? NULL : sb.ns_why);
	if (sb.pidns && sb.pid_why[0] == '\0')
		sandbox_show_line("processes", tr("own PID namespace: ps, /proc and kill see only this session's processes",
		    "独立的 PID 命名空间：ps、/proc 和 kill 只看到本会话的进程"),
		    NULL);
	else if (sb.on)
		sandbox_show_line("processes", sb.pidns ?
		    tr("own PID namespace", "独立的 PID 命名空间") :
		    tr("none, the whole machine's processes are visible",
		    "无，可以看到整台机器的进程"),
		    sb.pid_why[0] ? sb.pid_why : sb.ns_why);
	sandbox_show_line("reports", sb.notify ?
	    tr("seccomp user notification: the shell answers EPERM and names the call",
	    "seccomp 用户通知：由 shell 回答 EPERM 并指出被拒绝的调用") :
	    tr("none, refused calls just fail with EPERM",
	    "无，被拒绝的调用只返回 EPERM"), sb.notify ? NULL : sb.notify_why);
}

static void
sandbox_show_policy(void)
{
	const struct sbp_rule *r;
	char name[48];

	printf("%s\n", tr("policy: in every child, these calls fail with EPERM:",
	    "策略：每个子进程中下列调用返回 EPERM："));
	for (r = sbp_rules; r->name != NULL; r++) {
		if ((r->flags & SBP_TRACE) && (sb.opts & SBP_OPT_PIDNS))
			continue;
		snprintf(name, sizeof(name), "%s%s%s%s", r->name,
		    r->cond ? " (" : "", r->cond ? r->cond : "",
		    r->cond ? ")" : "");
		printf("  %-32s %s\n", name, r->why);
	}
	printf("  %-32s %s\n", "kill builtin (pid -1)",
	    "signal every process");
	if (!sb.ns)
		printf("  %-32s %s\n", "ipcrm -a builtin",
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
		    !sb_lim_set[i]) || sb_getlim(&sb_res[i], &rl) < 0)
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
			sbr_show();
		}
	} else if (strcmp(what, "policy") == 0) {
		sandbox_show_policy();
	} else if (strcmp(what, "limits") == 0) {
		sandbox_show_limits();
	} else if (strcmp(what, "refusals") == 0) {
		sbr_show();
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
	    "显示或设置资源限制（在沙箱中是子进程的）",
	    BI_NOFORK },
	{ "sandbox", bi_sandbox,
	    "sandbox [status | policy | limits | refusals | on | off]",
	    "the lab sandbox: state, policy, limits, refused calls",
	    "实验沙箱：状态、策略、限制、被拒绝的调用",
	    BI_NOFORK },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
