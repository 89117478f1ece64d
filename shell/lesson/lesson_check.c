/*
 * lesson_check.c - the checks of a lesson: predicates on the live IPC
 * state of the shell's processes (the probe, probe.h) and on $?, each
 * polled until it holds or its time is up.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "gloss.h"
#include "i18n.h"
#include "check_kind.h"
#include "lesson_check.h"
#include "lesson_ev.h"
#include "lesson_ran.h"
#include "lesson_sysv.h"
#include "lesson_tape.h"
#include "probe.h"
#include "shell.h"
#include "sigtab.h"
#include "watch.h"

volatile int lcheck_intr;

char *
lcheck_expand(const char *s)
{
	size_t cap = strlen(s) + 1, len = 0, n;
	char *out = malloc(cap), name[128];
	const char *v, *end;

	if (out == NULL)
		return NULL;
	while (*s != '\0') {
		v = NULL;
		if (*s == '$' && (s[1] == '{' || s[1] == '_' ||
		    (s[1] >= 'A' && s[1] <= 'Z') ||
		    (s[1] >= 'a' && s[1] <= 'z'))) {
			int brace = s[1] == '{';

			end = s + 1 + brace;
			while (*end == '_' || (*end >= 'A' && *end <= 'Z') ||
			    (*end >= 'a' && *end <= 'z') ||
			    (*end >= '0' && *end <= '9'))
				end++;
			n = (size_t)(end - (s + 1 + brace));
			if (n < sizeof(name) && (!brace || *end == '}')) {
				memcpy(name, s + 1 + brace, n);
				name[n] = '\0';
				v = var_get(name);
				if (v == NULL)
					v = "";
				s = end + brace;
			}
		}
		if (v == NULL) {
			v = s;
			n = 1;
			s++;
		} else {
			n = strlen(v);
		}
		if (len + n + 1 > cap) {
			char *q;

			cap = (len + n + 1) * 2;
			q = realloc(out, cap);
			if (q == NULL) {
				free(out);
				return NULL;
			}
			out = q;
		}
		memcpy(out + len, v, n);
		len += n;
	}
	out[len] = '\0';
	return out;
}

static long
to_long(const char *s)
{
	return strtol(s, NULL, 0);
}

/*
 * Why e does not hold, in the student's language: en or zh (tr) with the
 * arguments, into e->why. Returns 0, what an evaluator returns then.
 */
static int __attribute__((format(printf, 2, 4)))
lcheck_why(struct lcheck_ev *e, const char *en, const char *zh, ...)
{
	va_list ap;

	va_start(ap, zh);
	vsnprintf(e->why, e->whysize, tr(en, zh), ap);
	va_end(ap);
	return 0;
}

int
lcheck_proc_named(const struct snap_proc *p, const char *name)
{
	const char *b;

	if (p->state == 'Z' || p->state == 'X')
		return 0;
	if (strcmp(p->comm, name) == 0)
		return 1;
	if (p->argc > 0 && p->argv != NULL && p->argv[0] != NULL) {
		b = strrchr(p->argv[0], '/');
		b = b != NULL ? b + 1 : p->argv[0];
		return strcmp(b, name) == 0;
	}
	return 0;
}

int
lcheck_pid_named(const struct snapshot *s, pid_t pid, const char *name)
{
	const struct snap_proc *p = snap_proc_find(s, pid);

	return p != NULL && lcheck_proc_named(p, name);
}

static int
wchan_is(const struct snap_proc *p, const char *want)
{
	char w[64];
	size_t i;

	/* the kernel's name, or the plain word as written ("mq_receive") */
	if (strcmp(p->wchan_raw, want) == 0 || strcasecmp(p->wchan, want) == 0)
		return 1;
	snprintf(w, sizeof(w), "%s", want);
	for (i = 0; w[i] != '\0'; i++)
		if (w[i] == '_' || w[i] == '-')
			w[i] = ' ';
	return strcasecmp(p->wchan, w) == 0;
}

int
lcheck_ev_proc(struct lcheck_ev *e, const struct snapshot *s)
{
	size_t i;
	int i2, found = 0, zombie = 0;
	const struct snap_proc *p;

	/* "state Z" asks about a zombie: not live, yet there */
	for (i2 = 2; i2 + 1 < e->argc; i2 += 2)
		if (strcmp(e->argv[i2], "state") == 0 &&
		    e->argv[i2 + 1][0] == 'Z')
			zombie = 1;
	for (i = 0; i < s->nprocs; i++) {
		p = &s->procs[i];
		if (!lcheck_proc_named(p, e->argv[1]) && !(zombie &&
		    p->state == 'Z' && strcmp(p->comm, e->argv[1]) == 0))
			continue;
		found++;
		for (i2 = 2; i2 + 1 < e->argc; i2 += 2) {
			if (strcmp(e->argv[i2], "state") == 0 &&
			    p->state != e->argv[i2 + 1][0])
				break;
			if (strcmp(e->argv[i2], "wchan") == 0 &&
			    !wchan_is(p, e->argv[i2 + 1]))
				break;
		}
		if (i2 + 1 >= e->argc)
			return 1;
		lcheck_why(e, "%s (pid %d) is in state %c, wait channel '%s'",
		    "%s（pid %d）处于状态 %c，等待通道 '%s'",
		    p->comm, (int)p->pid, p->state,
		    p->wchan[0] != '\0' ? p->wchan : "-");
	}
	if (!found)
		lcheck_why(e, "no process named %s", "没有名为 %s 的进程",
		    e->argv[1]);
	return 0;
}

int
lcheck_ev_no_proc(struct lcheck_ev *e, const struct snapshot *s)
{
	size_t i;

	for (i = 0; i < s->nprocs; i++)
		if (lcheck_proc_named(&s->procs[i], e->argv[1]))
			return lcheck_why(e, "%s (pid %d) is still there",
			    "%s（pid %d）仍然存在", e->argv[1],
			    (int)s->procs[i].pid);
	return 1;
}

static uint64_t
mask_of(const char *list)
{
	char *copy = strdup(list), *tok, *save = NULL;
	uint64_t m = 0;
	int n;

	if (copy == NULL)
		return 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		n = sig_parse(tok);
		if (n > 0 && n <= SIGTAB_MAX)
			m |= (uint64_t)1 << (n - 1);
	}
	free(copy);
	return m;
}

static uint64_t
set_of(const struct snap_proc *p, const char *which)
{
	if (strcmp(which, "pending") == 0)
		return snap_proc_pending(p);
	if (strcmp(which, "blocked") == 0)
		return p->sigblk;
	if (strcmp(which, "ignored") == 0)
		return p->sigign;
	return p->sigcgt;
}

/* A set of the signal check in the glossary's words (未决, 屏蔽...). */
static const char *
set_word(const char *which)
{
	if (strcmp(which, "pending") == 0)
		return gloss(GL_PENDING);
	if (strcmp(which, "blocked") == 0)
		return gloss(GL_MASKED);
	if (strcmp(which, "ignored") == 0)
		return gloss(GL_IGNORED);
	return gloss(GL_CAUGHT);
}

int
lcheck_ev_signal(struct lcheck_ev *e, const struct snapshot *s)
{
	size_t i;
	int j, found = 0;
	const struct snap_proc *p;
	uint64_t want, have;
	char names[256];

	for (i = 0; i < s->nprocs; i++) {
		p = &s->procs[i];
		if (!lcheck_proc_named(p, e->argv[1]))
			continue;
		found++;
		for (j = 2; j + 1 < e->argc; j += 2) {
			want = mask_of(e->argv[j + 1]);
			have = set_of(p, e->argv[j]);
			if ((have & want) != want) {
				sig_mask_names(have, ", ", names,
				    sizeof(names));
				lcheck_why(e,
				    "%s (pid %d): its %s signals are {%s}",
				    "%s（pid %d）：%s的信号是 {%s}",
				    p->comm, (int)p->pid, set_word(e->argv[j]),
				    names);
				break;
			}
		}
		if (j + 1 >= e->argc)
			return 1;
	}
	if (!found)
		lcheck_why(e, "no process named %s", "没有名为 %s 的进程",
		    e->argv[1]);
	return 0;
}

static int
writes_pipe(const struct snapshot *s, const struct snap_pipe *pp,
    const char *name)
{
	size_t i;
	const struct snap_proc *p;

	for (i = 0; i < pp->nwriters; i++) {
		p = snap_proc_find(s, pp->writers[i].pid);
		if (p != NULL && lcheck_proc_named(p, name))
			return 1;
	}
	return 0;
}

/* pipe-full COMM, pipe-fill COMM BYTES */
int
lcheck_ev_pipe(struct lcheck_ev *e, const struct snapshot *s)
{
	size_t i;
	int found = 0;
	const struct snap_pipe *pp;
	long want = e->argc > 2 ? to_long(e->argv[2]) : 0;

	for (i = 0; i < s->npipes; i++) {
		pp = &s->pipes[i];
		if (!writes_pipe(s, pp, e->argv[1]))
			continue;
		found++;
		if (e->argc == 2 && pp->full)
			return 1;
		if (e->argc > 2 && pp->fill >= want)
			return 1;
		lcheck_why(e, "the pipe written by %s holds %ld of %ld bytes%s",
		    "%s 写的管道中有 %ld/%ld 字节%s",
		    e->argv[1], pp->fill, pp->capacity,
		    e->argc == 2 ? tr(" and no writer is blocked in pipe write",
		    "，没有写者阻塞在 pipe write") :
		    "");
	}
	if (!found)
		lcheck_why(e, "no process named %s writes to a pipe",
		    "没有名为 %s 的进程在写管道", e->argv[1]);
	return 0;
}

static int
same_file(const char *a, const struct stat *st)
{
	struct stat sa;

	return a != NULL && stat(a, &sa) == 0 && sa.st_dev == st->st_dev &&
	    sa.st_ino == st->st_ino;
}

/* Processes blocked opening the FIFO st, in direction mode. */
static long
fifo_openers(const struct snapshot *s, const struct stat *st, int mode)
{
	size_t i;
	long n = 0;
	const struct snap_proc *p;
	struct stat sa;

	for (i = 0; i < s->nprocs; i++) {
		p = &s->procs[i];
		if (p->fifo_wait == NULL || (p->fifo_wait_mode & 3) != mode)
			continue;
		if (p->fifo_wait[0] != '/') {
			/* relative to its own working directory */
			if (probe_proc_stat_path(p->pid, p->fifo_wait,
			    &sa) == 0 && sa.st_dev == st->st_dev &&
			    sa.st_ino == st->st_ino)
				n++;
		} else if (same_file(p->fifo_wait, st)) {
			n++;
		}
	}
	return n;
}

/* An option of the fifo check in words. */
static const char *
fifo_word(const char *opt)
{
	if (strcmp(opt, "open-readers") == 0)
		return tr("processes blocked opening it to read",
		    "阻塞在以读方式打开它的进程");
	if (strcmp(opt, "open-writers") == 0)
		return tr("processes blocked opening it to write",
		    "阻塞在以写方式打开它的进程");
	if (strcmp(opt, "readers") == 0)
		return tr("processes holding its read end", "持有读端的进程");
	return tr("processes holding its write end", "持有写端的进程");
}

int
lcheck_ev_fifo(struct lcheck_ev *e, const struct snapshot *s)
{
	struct stat st;
	const struct snap_pipe *pp = NULL;
	size_t i;
	int j;
	long have, want;

	if (stat(e->argv[1], &st) < 0 || !S_ISFIFO(st.st_mode))
		return lcheck_why(e, "%s is not a FIFO%s",
		    "%s 不是命名管道%s", e->argv[1],
		    errno == ENOENT ? tr(" (no such file)",
		    "（没有这个文件）") : "");
	for (i = 0; i < s->npipes; i++)
		if (s->pipes[i].kind == SNAP_FIFO &&
		    (s->pipes[i].inode == st.st_ino ||
		    same_file(s->pipes[i].path, &st)))
			pp = &s->pipes[i];
	for (j = 2; j + 1 < e->argc; j += 2) {
		want = to_long(e->argv[j + 1]);
		if (strcmp(e->argv[j], "open-readers") == 0)
			have = fifo_openers(s, &st, O_RDONLY);
		else if (strcmp(e->argv[j], "open-writers") == 0)
			have = fifo_openers(s, &st, O_WRONLY);
		else if (strcmp(e->argv[j], "readers") == 0)
			have = pp != NULL ? (long)pp->nreaders : 0;
		else
			have = pp != NULL ? (long)pp->nwriters : 0;
		if (have != want)
			return lcheck_why(e, "%s: %ld %s, not %ld",
			    "%1$s：%2$ld 个%3$s，而不是 %4$ld 个",
			    e->argv[1], have, fifo_word(e->argv[j]), want);
	}
	return 1;
}

/* no-fifo PATH: nothing is there by that name any more (lstat says ENOENT). */
int
lcheck_ev_no_fifo(struct lcheck_ev *e, const struct snapshot *s)
{
	struct stat st;

	(void)s;
	if (lstat(e->argv[1], &st) < 0 && errno == ENOENT)
		return 1;
	return lcheck_why(e, "%s is still there", "%s 仍然存在", e->argv[1]);
}

/*
 * The index in s of the object of kind k with the check's key (argv[1]),
 * or -1 with why it is not there.
 */
static long
sysv_by_key(struct lcheck_ev *e, const struct snapshot *s, enum sysv_kind k,
    key_t *key)
{
	static const char *const none[SYSV_NKINDS][2] = {
		{ "no message queue with key 0x%08x",
		  "没有键值为 0x%08x 的消息队列" },
		{ "no shared memory segment with key 0x%08x",
		  "没有键值为 0x%08x 的共享内存段" },
		{ "no semaphore set with key 0x%08x",
		  "没有键值为 0x%08x 的信号量集合" },
	};
	struct sysv_view v;
	size_t i;

	*key = (key_t)to_long(e->argv[1]);
	for (i = 0; i < snap_sysv_count(s, k); i++) {
		sysv_view(k, snap_sysv_info(s, k, i, NULL), &v);
		if (v.perm->key == *key)
			return (long)i;
	}
	lcheck_why(e, none[k][0], none[k][1], (unsigned)*key);
	return -1;
}

static int
types_match(struct lcheck_ev *e, const struct snap_queue *q, const char *list)
{
	char *copy = strdup(list), *tok, *save = NULL;
	size_t i = 0;
	int ok = 1;

	if (copy == NULL)
		return 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL && ok;
	    tok = strtok_r(NULL, ",", &save), i++) {
		if (i >= q->nmsgs || q->msgs[i].type != to_long(tok)) {
			ok = 0;
			if (i >= q->nmsgs)
				lcheck_why(e,
				    "queue 0x%08x has only %zu messages",
				    "队列 0x%08x 只有 %zu 条消息",
				    (unsigned)q->info.perm.key, q->nmsgs);
			else
				lcheck_why(e,
				    "message %zu of queue 0x%08x has type %ld, not %s",
				    "第 %zu 条消息（队列 0x%08x）的类型是 %ld，而不是 %s",
				    i + 1, (unsigned)q->info.perm.key,
				    q->msgs[i].type, tok);
		}
	}
	free(copy);
	return ok;
}

/* queue KEY [messages N] [types T,...] [text TEXT]: option name v of q. */
static int
queue_opt(struct lcheck_ev *e, const struct snapshot *s, long i, key_t key,
    const char *name, const char *v)
{
	const struct snap_queue *q = &s->queues[i];

	if (strcmp(name, "types") == 0)
		return types_match(e, q, v);
	if (strcmp(name, "messages") == 0 && (long)q->info.qnum != to_long(v))
		return lcheck_why(e, "queue 0x%08x holds %lu messages, not %s",
		    "消息队列 0x%08x 中有 %lu 条消息，而不是 %s",
		    (unsigned)key, q->info.qnum, v);
	if (strcmp(name, "text") == 0 && (q->nmsgs == 0 ||
	    strcmp((const char *)q->msgs[0].data, v) != 0))
		return lcheck_why(e,
		    "the first message of queue 0x%08x is not '%s'",
		    "队列 0x%08x 的第一条消息不是 '%s'",
		    (unsigned)key, v);
	return 1;
}

/* shm KEY [nattch N] [text TEXT]: option name v of the segment. */
static int
shm_opt(struct lcheck_ev *e, const struct snapshot *s, long i, key_t key,
    const char *name, const char *v)
{
	const struct snap_shm *m = &s->shms[i];
	size_t n = strlen(v);

	if (strcmp(name, "nattch") == 0 && (long)m->info.nattch != to_long(v))
		return lcheck_why(e,
		    "segment 0x%08x is attached %lu times, not %s",
		    "共享内存段 0x%08x 的连接数是 %lu，而不是 %s",
		    (unsigned)key, m->info.nattch, v);
	if (strcmp(name, "text") == 0 && (!m->readable ||
	    m->npreview < n || memcmp(m->preview, v, n) != 0))
		return lcheck_why(e, "segment 0x%08x does not begin with '%s'",
		    "共享内存段 0x%08x 的开头不是 '%s'",
		    (unsigned)key, v);
	return 1;
}

/*
 * The object of kind k with the check's key (argv[1]), each NAME VALUE
 * pair after it holding of it (opt, given its index in s).
 */
static int
sysv_opts(struct lcheck_ev *e, const struct snapshot *s, enum sysv_kind k,
    int (*opt)(struct lcheck_ev *e, const struct snapshot *s, long i,
    key_t key, const char *name, const char *v))
{
	key_t key;
	long i;
	int j;

	if ((i = sysv_by_key(e, s, k, &key)) < 0)
		return 0;
	for (j = 2; j + 1 < e->argc; j += 2)
		if (!opt(e, s, i, key, e->argv[j], e->argv[j + 1]))
			return 0;
	return 1;
}

int
lcheck_ev_queue(struct lcheck_ev *e, const struct snapshot *s)
{
	return sysv_opts(e, s, SYSV_MSG, queue_opt);
}

int
lcheck_ev_shm(struct lcheck_ev *e, const struct snapshot *s)
{
	return sysv_opts(e, s, SYSV_SHM, shm_opt);
}

/* sem KEY [values V,...] */
int
lcheck_ev_sem(struct lcheck_ev *e, const struct snapshot *s)
{
	const struct snap_sem *m;
	char *copy, *tok, *save = NULL;
	key_t key;
	long i;
	int ok = 1;

	if ((i = sysv_by_key(e, s, SYSV_SEM, &key)) < 0)
		return 0;
	m = &s->sems[i];
	if (e->argc < 4)
		return 1;
	copy = strdup(e->argv[3]);
	if (copy == NULL || !m->readable)
		ok = 0;
	for (tok = copy != NULL ? strtok_r(copy, ",", &save) : NULL, i = 0;
	    tok != NULL && ok; tok = strtok_r(NULL, ",", &save), i++)
		if ((unsigned long)i >= m->info.nsems ||
		    m->members[i].val != to_long(tok))
			ok = 0;
	if (!ok)
		lcheck_why(e, "semaphore set 0x%08x does not hold %s",
		    "信号量集合 0x%08x 的值不是 %s",
		    (unsigned)key, e->argv[3]);
	free(copy);
	return ok;
}

/* no-queue/no-shm/no-sem [KEY]: none with that key, or none new. */
int
lcheck_ev_none(struct lcheck_ev *e, const struct snapshot *s)
{
	static const char *const nouns[SYSV_NKINDS][2] = {
		{ "message queue", "消息队列" },
		{ "shared memory segment", "共享内存段" },
		{ "semaphore set", "信号量集合" },
	};
	enum sysv_kind k = (enum sysv_kind)e->k->sysv;
	int keyed = e->argc > 1, related;
	key_t key = keyed ? (key_t)to_long(e->argv[1]) : 0;
	struct sysv_view v;
	size_t i;

	for (i = 0; i < snap_sysv_count(s, k); i++) {
		sysv_view(k, snap_sysv_info(s, k, i, &related), &v);
		if (keyed ? v.perm->key == key : lsysv_is_mine(k, v.id,
		    v.perm, related))
			return lcheck_why(e,
			    "%s id %d (key 0x%08x) is still there",
			    "%s（id %d，键值 0x%08x）仍然存在",
			    tr(nouns[k][0], nouns[k][1]), v.id,
			    (unsigned)v.perm->key);
	}
	return 1;
}

/* status N|SIGNAL: $? of the last command. */
int
lcheck_ev_status(struct lcheck_ev *e, const struct snapshot *s)
{
	char *end;
	int want, sig;

	(void)s;
	/* a number, else a signal's name (the status of its death) */
	errno = 0;
	want = (int)strtol(e->argv[1], &end, 0);
	if ((errno != 0 || end == e->argv[1] || *end != '\0') &&
	    (sig = sig_parse(e->argv[1])) > 0)
		want = 128 + sig;
	if (sh_status == want)
		return 1;
	if (sh_status > 128 && sig_name(sh_status - 128) != NULL)
		lcheck_why(e, "the last command's status was %d (SIG%s)",
		    "上一条命令的状态是 %d（SIG%s）", sh_status,
		    sig_name(sh_status - 128));
	else
		lcheck_why(e, "the last command's status was %d",
		    "上一条命令的状态是 %d", sh_status);
	return 0;
}

/*
 * shell CMD: the rest of the check's text, run quietly in a helper child
 * (PROBE_HELPER_COMM): what it starts is not the student's, so neither
 * the pane nor the tape shows it; $? and the shell stay as they were.
 */
int
lcheck_ev_shell(struct lcheck_ev *e, const struct snapshot *s)
{
	const char *cmd = e->c->text + strlen("shell");
	pid_t pid;
	int st;

	(void)s;
	pid = jobs_fork_helper(PROBE_HELPER_COMM);
	if (pid == 0) {
		st = sh_eval(cmd, NULL);
		fflush(NULL);
		_exit(st & 0xff);
	}
	if (pid < 0) {
		snprintf(e->why, e->whysize, "fork: %s", strerror(errno));
		return 0;
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			st = 127 << 8;
			break;
		}
	st = WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
	if (st == 0)
		return 1;
	return lcheck_why(e, "the command's status was %d",
	    "命令的状态是 %d", st);
}

/* ran PATTERN: a command line run during the task matches (lesson_ran.c). */
int
lcheck_ev_ran(struct lcheck_ev *e, const struct snapshot *s)
{
	(void)s;
	char pat[512];

	if (lran_match(e->c->argv[1], lcheck_expand))
		return 1;
	lcheck_say_pattern(e->argv[1], pat, sizeof(pat));
	return lcheck_why(e, "no command run during this task looks like `%s`",
	    "本任务中运行过的命令没有一条像 `%s`", pat);
}

int
lcheck_ev_tape(struct lcheck_ev *e, const struct snapshot *s)
{
	(void)s;
	return ltape_eval(e->argc, e->argv, e->why, e->whysize);
}

/* One evaluation: 1 holds, 0 not. */
static int
ev_once(struct lcheck_ev *e)
{
	struct probe_opts o = { NULL, -1, 0, 0 };
	const struct snapshot *s;
	pid_t self = getpid();

	if (e->k->probe & CKIND_NOPROBE)
		return e->k->eval(e, NULL);
	o.flags = e->k->probe;
	if (e->w == NULL)
		e->w = watch_new(&self, 1, &o, NULL);
	s = e->w != NULL ? watch_next(e->w, NULL) : NULL;
	if (s == NULL)
		return lcheck_why(e, "cannot take a snapshot: %s",
		    "无法获取快照：%s", strerror(errno));
	return e->k->eval(e, s);
}

int
lcheck_eval(const struct lcheck *c, double within, char *why, size_t whysize)
{
	struct lcheck_ev e;
	double end = watch_now() + within, since = -1;
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	int i, r;

	memset(&e, 0, sizeof(e));
	e.k = c->kind;
	e.c = c;
	e.why = why;
	e.whysize = whysize;
	e.argc = c->argc;
	e.argv = calloc((size_t)c->argc + 1, sizeof(char *));
	if (e.k == NULL || e.argv == NULL) {
		free(e.argv);
		snprintf(why, whysize, "%s", strerror(ENOMEM));
		return 0;
	}
	for (i = 0; i < c->argc; i++)
		e.argv[i] = lcheck_expand(c->argv[i]);
	snprintf(why, whysize, "%s", tr("it did not hold", "条件不成立"));
	ltape_checked();
	for (;;) {
		r = ev_once(&e);
		/* "for N": it must go on holding N seconds from the first time */
		if (r > 0 && c->hold > 0) {
			if (since < 0)
				since = watch_now();
			if (watch_now() - since < c->hold) {
				r = 0;
				snprintf(why, whysize, tr(
				    "it held, but not for %g seconds",
				    "条件成立了，但没有持续 %g 秒"), c->hold);
			}
		} else if (r == 0) {
			since = -1;
		}
		/*
		 * While it holds, it is watched until its N seconds are up
		 * (counted from the first sample that saw it, which may come
		 * late on a loaded machine); else until within is over.
		 */
		if (r || e.k->once || (since < 0 && watch_now() >= end))
			break;
		if (lcheck_intr) {
			r = -1;
			break;
		}
		nanosleep(&tick, NULL);
		jobs_reap();
	}
	watch_free(e.w);
	for (i = 0; i < c->argc; i++)
		free(e.argv[i]);
	free(e.argv);
	return r;
}
