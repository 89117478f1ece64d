/*
 * sandbox_report.c - refused calls: the listener thread that answers the
 * filter's user notifications with EPERM, the record, and the reports.
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
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <seccomp.h>

#include "i18n.h"
#include "sandbox.h"
#include "sandbox_policy.h"
#include "sandbox_state.h"
#include "shell.h"

#define SB_KEEP		64	/* refusals remembered */

struct sb_refusal {
	pid_t pid;
	char comm[16];
	char call[32];
	const char *why;
	unsigned count;
};

/* Refusals, written by the listener thread, read by the main loop. */
static pthread_mutex_t sb_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sb_refusal sb_log[SB_KEEP];
static unsigned long sb_total;		/* ever recorded */
static unsigned long sb_shown;		/* reported so far */

void
sbr_record(pid_t pid, const char *comm, const char *call, const char *why)
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
sbr_comm(pid_t pid, char *buf, size_t len)
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

/*
 * One notification: who, which call; record it, then answer EPERM. A
 * clone3 without namespace flags is no refusal: it gets ENOSYS, and the
 * caller uses clone(2) instead.
 */
static void
sbr_answer(int fd, struct seccomp_notif *req, struct seccomp_notif_resp *resp)
{
	const struct sbp_rule *rule;
	char comm[16], call[32], *name;
	int err = -EPERM;

	memset(req, 0, sizeof(*req));
	if (seccomp_notify_receive(fd, req) < 0)
		return;		/* the caller was killed meanwhile */
	rule = sbp_match(&req->data, sb.opts);
	if (rule != NULL && rule->when == SBP_CLONE3)
		err = sbp_clone3(req->pid, req->data.args[0],
		    req->data.args[1]);
	if (err != -EPERM)
		goto out_respond;
	sbr_comm(req->pid, comm, sizeof(comm));
	name = seccomp_syscall_resolve_num_arch(sbp_arch(req->data.arch,
	    req->data.nr), req->data.nr);
	snprintf(call, sizeof(call), "%s", name != NULL ? name :
	    rule != NULL ? rule->name : "?");
	free(name);
	/* seccomp_unotify(2): the pid may have been reused since */
	if (seccomp_notify_id_valid(fd, req->id) == 0)
		sbr_record(req->pid, comm, call, rule ? rule->why : NULL);
out_respond:
	memset(resp, 0, sizeof(*resp));
	resp->id = req->id;
	resp->error = err;
	seccomp_notify_respond(fd, resp);
}

/*
 * The listener thread: takes the listener fds children send and answers
 * their notifications; a listener whose processes have all exited polls
 * as POLLHUP and is closed.
 */
static void *
sbr_serve(void *arg)
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
				sbr_answer(p[i].fd, req, resp);
			else if (p[i].revents &
			    (POLLHUP | POLLERR | POLLNVAL)) {
				close(p[i].fd);
				p[i] = p[--n];
			}
		}
		if (p[0].revents & POLLIN) {
			fd = sb_fd_high(sbp_recv_fd(sb.sock[0]));
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
sbr_fork_prepare(void)
{
	pthread_mutex_lock(&sb_lock);
}

static void
sbr_fork_parent(void)
{
	pthread_mutex_unlock(&sb_lock);
}

static void
sbr_fork_child(void)
{
	pthread_mutex_init(&sb_lock, NULL);
}

/* Compiles the filters and starts the listener thread. */
int
sbr_start(void)
{
	sigset_t all, old;
	pthread_t t;
	int rc;

	if (sbp_compile(SCMP_ACT_ERRNO(EPERM), sb.opts, &sb.errprog) < 0)
		return -1;
	sb.prog = sb.errprog;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0,
	    sb.sock) < 0 ||
	    sbp_compile(SCMP_ACT_NOTIFY, sb.opts, &sb.prog) < 0) {
		snprintf(sb.notify_why, sizeof(sb.notify_why), "%s",
		    strerror(errno));
		sb.prog = sb.errprog;
		return 0;
	}
	sb.sock[0] = sb_fd_high(sb.sock[0]);
	sb.sock[1] = sb_fd_high(sb.sock[1]);
	/*
	 * fork(2) in a threaded process: the child gets the mutex as it was;
	 * hold it across fork so the child's copy is never left locked.
	 */
	pthread_atfork(sbr_fork_prepare, sbr_fork_parent, sbr_fork_child);
	/* The thread takes no signal: they stay the main loop's business. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&t, NULL, sbr_serve, NULL);
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
sbr_print(const struct sb_refusal *r, int why)
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
		sbr_print(&copy[i], sh_opt.explain);
	fflush(stderr);
}

void
sbr_show(void)
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
