/*
 * lesson_check.c - the checks of a lesson: predicates on the live IPC
 * state of the shell's processes (the probe, probe.h) and on $?, each
 * polled until it holds or its time is up.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "core/jobs.h"
#include "lesson_check.h"
#include "probe.h"
#include "shell.h"
#include "sigtab.h"
#include "watch.h"

volatile int lcheck_intr;

/* Options each kind takes after its fixed words: name, then a value. */
struct kind {
	const char	*name;
	int		nfixed;		/* words after the kind */
	int		optfixed;	/* the last fixed word may be missing */
	const char	*const *opts;	/* NULL-terminated option names */
	int		rest;		/* takes any words (shell) */
};

static const char *const proc_opts[] = { "state", "wchan", NULL };
static const char *const sig_opts[] = { "pending", "blocked", "ignored",
	"caught", NULL };
static const char *const fifo_opts[] = { "open-readers", "open-writers",
	"readers", "writers", NULL };
static const char *const queue_opts[] = { "messages", "types", "text", NULL };
static const char *const shm_opts[] = { "nattch", "text", NULL };
static const char *const sem_opts[] = { "values", NULL };
static const char *const no_opts[] = { NULL };

static const struct kind kinds[] = {
	{ "pipe-full",	1, 0, no_opts, 0 },
	{ "pipe-fill",	2, 0, no_opts, 0 },
	{ "proc",	1, 0, proc_opts, 0 },
	{ "no-proc",	1, 0, no_opts, 0 },
	{ "signal",	1, 0, sig_opts, 0 },
	{ "fifo",	1, 0, fifo_opts, 0 },
	{ "queue",	1, 0, queue_opts, 0 },
	{ "no-queue",	1, 1, no_opts, 0 },
	{ "shm",	1, 0, shm_opts, 0 },
	{ "no-shm",	1, 1, no_opts, 0 },
	{ "sem",	1, 0, sem_opts, 0 },
	{ "no-sem",	1, 1, no_opts, 0 },
	{ "status",	1, 0, no_opts, 0 },
	{ "shell",	0, 0, no_opts, 1 },
};

static const struct kind *
kind_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

static int
is_opt(const struct kind *k, const char *w)
{
	const char *const *o;

	for (o = k->opts; *o != NULL; o++)
		if (strcmp(*o, w) == 0)
			return 1;
	return 0;
}

/* A number, or a word the shell expands later ($VAR): both pass here. */
static int
num_ok(const char *s, long *out)
{
	char *end;
	long v;

	if (strchr(s, '$') != NULL)
		return 1;
	errno = 0;
	v = strtol(s, &end, 0);
	if (errno != 0 || end == s || *end != '\0')
		return 0;
	if (out != NULL)
		*out = v;
	return 1;
}

static int
siglist_ok(const char *s, char *bad, size_t n)
{
	char *copy = strdup(s), *tok, *save = NULL;
	int ok = 1;

	if (copy == NULL)
		return 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save))
		if (sig_parse(tok) < 0) {
			snprintf(bad, n, "%s", tok);
			ok = 0;
			break;
		}
	free(copy);
	return ok;
}

static int
numlist_ok(const char *s)
{
	char *copy = strdup(s), *tok, *save = NULL;
	int ok = 1;

	if (copy == NULL)
		return 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save))
		if (!num_ok(tok, NULL))
			ok = 0;
	free(copy);
	return ok;
}

static int
opt_value_ok(const char *kind, const char *opt, const char *val, char *err,
    size_t errsize)
{
	char bad[64];
	long v;

	if (strcmp(kind, "signal") == 0) {
		if (!siglist_ok(val, bad, sizeof(bad))) {
			snprintf(err, errsize, "signal: '%s' is not a signal",
			    bad);
			return -1;
		}
		return 0;
	}
	if (strcmp(opt, "state") == 0) {
		if (strlen(val) != 1 || strchr("RSDTtZXI", val[0]) == NULL) {
			snprintf(err, errsize,
			    "proc: state '%s' is not one of R S D T t Z X I", val);
			return -1;
		}
		return 0;
	}
	if (strcmp(opt, "wchan") == 0 || strcmp(opt, "text") == 0)
		return 0;
	if (strcmp(opt, "types") == 0 || strcmp(opt, "values") == 0) {
		if (!numlist_ok(val)) {
			snprintf(err, errsize,
			    "%s: %s '%s' is not a list of numbers", kind, opt,
			    val);
			return -1;
		}
		return 0;
	}
	if (!num_ok(val, &v) || v < 0) {
		snprintf(err, errsize, "%s: %s '%s' is not a count", kind, opt,
		    val);
		return -1;
	}
	return 0;
}

static int
fixed_ok(const char *kind, int i, const char *w, char *err, size_t errsize)
{
	long v;

	if ((strcmp(kind, "queue") == 0 || strcmp(kind, "shm") == 0 ||
	    strcmp(kind, "sem") == 0 || strncmp(kind, "no-", 3) == 0) &&
	    strcmp(kind, "no-proc") != 0 && !num_ok(w, NULL)) {
		snprintf(err, errsize, "%s: key '%s' is not a number", kind, w);
		return -1;
	}
	if (strcmp(kind, "pipe-fill") == 0 && i == 2 &&
	    (!num_ok(w, &v) || v < 0)) {
		snprintf(err, errsize, "pipe-fill: '%s' is not a byte count", w);
		return -1;
	}
	if (strcmp(kind, "status") == 0 && !num_ok(w, NULL) &&
	    sig_parse(w) < 0) {
		snprintf(err, errsize,
		    "status: '%s' is neither a number nor a signal", w);
		return -1;
	}
	return 0;
}

int
lcheck_validate(int argc, char **argv, char *err, size_t errsize)
{
	const struct kind *k = kind_find(argv[0]);
	int i, nfixed;

	if (k == NULL) {
		snprintf(err, errsize, "unknown kind of check '%s'", argv[0]);
		return -1;
	}
	if (k->rest) {
		if (argc < 2) {
			snprintf(err, errsize, "%s: no command given", k->name);
			return -1;
		}
		return 0;
	}
	nfixed = k->nfixed;
	if (k->optfixed && argc - 1 < nfixed)
		nfixed = argc - 1;
	if (argc - 1 < nfixed) {
		snprintf(err, errsize, "%s: missing argument", k->name);
		return -1;
	}
	for (i = 1; i <= nfixed; i++)
		if (fixed_ok(k->name, i, argv[i], err, errsize) < 0)
			return -1;
	for (i = nfixed + 1; i < argc; i += 2) {
		if (!is_opt(k, argv[i])) {
			snprintf(err, errsize, "%s: unexpected '%s'", k->name,
			    argv[i]);
			return -1;
		}
		if (i + 1 >= argc) {
			snprintf(err, errsize, "%s: %s needs a value", k->name,
			    argv[i]);
			return -1;
		}
		if (opt_value_ok(k->name, argv[i], argv[i + 1], err,
		    errsize) < 0)
			return -1;
	}
	if (strcmp(k->name, "signal") == 0 && argc < 4) {
		snprintf(err, errsize,
		    "signal: say which set: pending, blocked, ignored or caught");
		return -1;
	}
	return 0;
}

/*
 * $NAME and ${NAME} replaced by the shell variable (empty when unset).
 * Returns a malloc'd string.
 */
static char *
expand(const char *s)
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

/* The check being evaluated, with its words expanded. */
struct ev {
	const struct kind	*k;
	int			argc;
	char			**argv;
	char			*why;
	size_t			whysize;
	struct watch		*w;	/* this check's samples of the shell */
};

static int
proc_named(const struct snap_proc *p, const char *name)
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

static int
wchan_is(const struct snap_proc *p, const char *want)
{
	char w[64];
	size_t i;

	if (strcmp(p->wchan_raw, want) == 0)
		return 1;
	snprintf(w, sizeof(w), "%s", want);
	for (i = 0; w[i] != '\0'; i++)
		if (w[i] == '_' || w[i] == '-')
			w[i] = ' ';
	return strcasecmp(p->wchan, w) == 0;
}

static int
ev_proc(struct ev *e, const struct snapshot *s)
{
	size_t i;
	int i2, found = 0;
	const struct snap_proc *p;

	for (i = 0; i < s->nprocs; i++) {
		p = &s->procs[i];
		if (!proc_named(p, e->argv[1]))
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
		snprintf(e->why, e->whysize,
		    tr("%s (pid %d) is in state %c, wait channel '%s'",
		    "%s（pid %d）处于状态 %c，等待通道 '%s'"),
		    p->comm, (int)p->pid, p->state,
		    p->wchan[0] != '\0' ? p->wchan : "-");
	}
	if (!found)
		snprintf(e->why, e->whysize, tr("no process named %s",
		    "没有名为 %s 的进程"),
		    e->argv[1]);
	return 0;
}

static int
ev_no_proc(struct ev *e, const struct snapshot *s)
{
	size_t i;

	for (i = 0; i < s->nprocs; i++)
		if (proc_named(&s->procs[i], e->argv[1])) {
			snprintf(e->why, e->whysize,
			    tr("%s (pid %d) is still there",
			    "%s（pid %d）仍然存在"), e->argv[1],
			    (int)s->procs[i].pid);
			return 0;
		}
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

static int
ev_signal(struct ev *e, const struct snapshot *s)
{
	size_t i;
	int j, found = 0;
	const struct snap_proc *p;
	uint64_t want, have;
	char names[256];

	for (i = 0; i < s->nprocs; i++) {
		p = &s->procs[i];
		if (!proc_named(p, e->argv[1]))
			continue;
		found++;
		for (j = 2; j + 1 < e->argc; j += 2) {
			want = mask_of(e->argv[j + 1]);
			have = set_of(p, e->argv[j]);
			if ((have & want) != want) {
				sig_mask_names(have, ",", names, sizeof(names));
				snprintf(e->why, e->whysize,
				    tr("%s (pid %d): %s signals are {%s}",
				    "%s（pid %d）：%s 信号集合是 {%s}"),
				    p->comm, (int)p->pid, e->argv[j], names);
				break;
			}
		}
		if (j + 1 >= e->argc)
			return 1;
	}
	if (!found)
		snprintf(e->why, e->whysize, tr("no process named %s",
		    "没有名为 %s 的进程"),
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
		if (p != NULL && proc_named(p, name))
			return 1;
	}
	return 0;
}

/* pipe-full COMM, pipe-fill COMM BYTES */
static int
ev_pipe(struct ev *e, const struct snapshot *s)
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
		snprintf(e->why, e->whysize,
		    tr("the pipe written by %s holds %ld of %ld bytes%s",
		    "%s 写的管道中有 %ld/%ld 字节%s"),
		    e->argv[1], pp->fill, pp->capacity,
		    e->argc == 2 ? tr(" and no writer is blocked in pipe write",
		    "，没有写者阻塞在 pipe write") :
		    "");
	}
	if (!found)
		snprintf(e->why, e->whysize,
		    tr("no process named %s writes to a pipe",
		    "没有名为 %s 的进程在写管道"), e->argv[1]);
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

static int
ev_fifo(struct ev *e, const struct snapshot *s)
{
	struct stat st;
	const struct snap_pipe *pp = NULL;
	size_t i;
	int j;
	long have, want;

	if (stat(e->argv[1], &st) < 0 || !S_ISFIFO(st.st_mode)) {
		snprintf(e->why, e->whysize, tr("%s is not a FIFO%s",
		    "%s 不是 FIFO%s"), e->argv[1],
		    errno == ENOENT ? tr(" (no such file)",
		    "（没有这个文件）") : "");
		return 0;
	}
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
		if (have != want) {
			snprintf(e->why, e->whysize, tr("%s: %ld %s, not %ld",
			    "%s：%ld 个 %s，而不是 %ld"),
			    e->argv[1], have, e->argv[j], want);
			return 0;
		}
	}
	return 1;
}

static const struct snap_queue *
queue_by_key(const struct snapshot *s, key_t key)
{
	size_t i;

	for (i = 0; i < s->nqueues; i++)
		if (s->queues[i].info.perm.key == key)
			return &s->queues[i];
	return NULL;
}

static int
types_match(struct ev *e, const struct snap_queue *q, const char *list)
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
				snprintf(e->why, e->whysize,
				    tr("queue 0x%08x has only %zu messages",
				    "队列 0x%08x 只有 %zu 条消息"),
				    (unsigned)q->info.perm.key, q->nmsgs);
			else
				snprintf(e->why, e->whysize,
				    tr("message %zu of queue 0x%08x has type %ld, not %s",
				    "第 %zu 条消息（队列 0x%08x）的类型是 %ld，而不是 %s"),
				    i + 1, (unsigned)q->info.perm.key,
				    q->msgs[i].type, tok);
		}
	}
	free(copy);
	return ok;
}

static int
ev_queue(struct ev *e, const struct snapshot *s)
{
	key_t key = (key_t)to_long(e->argv[1]);
	const struct snap_queue *q = queue_by_key(s, key);
	int j;

	if (q == NULL) {
		snprintf(e->why, e->whysize, tr("no message queue with key 0x%08x",
		    "没有键值为 0x%08x 的消息队列"),
		    (unsigned)key);
		return 0;
	}
	for (j = 2; j + 1 < e->argc; j += 2) {
		const char *v = e->argv[j + 1];

		if (strcmp(e->argv[j], "messages") == 0 &&
		    (long)q->info.qnum != to_long(v)) {
			snprintf(e->why, e->whysize,
			    tr("queue 0x%08x holds %lu messages, not %s",
			    "队列 0x%08x 中有 %lu 条消息，而不是 %s"),
			    (unsigned)key, q->info.qnum, v);
			return 0;
		}
		if (strcmp(e->argv[j], "types") == 0 && !types_match(e, q, v))
			return 0;
		if (strcmp(e->argv[j], "text") == 0 && (q->nmsgs == 0 ||
		    strcmp((const char *)q->msgs[0].data, v) != 0)) {
			snprintf(e->why, e->whysize,
			    tr("the first message of queue 0x%08x is not '%s'",
			    "队列 0x%08x 的第一条消息不是 '%s'"),
			    (unsigned)key, v);
			return 0;
		}
	}
	return 1;
}

static int
ev_shm(struct ev *e, const struct snapshot *s)
{
	key_t key = (key_t)to_long(e->argv[1]);
	const struct snap_shm *m = NULL;
	size_t i, n;
	int j;

	for (i = 0; i < s->nshms; i++)
		if (s->shms[i].info.perm.key == key)
			m = &s->shms[i];
	if (m == NULL) {
		snprintf(e->why, e->whysize,
		    tr("no shared memory segment with key 0x%08x",
		    "没有键值为 0x%08x 的共享内存段"), (unsigned)key);
		return 0;
	}
	for (j = 2; j + 1 < e->argc; j += 2) {
		const char *v = e->argv[j + 1];

		if (strcmp(e->argv[j], "nattch") == 0 &&
		    (long)m->info.nattch != to_long(v)) {
			snprintf(e->why, e->whysize,
			    tr("segment 0x%08x has nattch %lu, not %s",
			    "共享段 0x%08x 的 nattch 是 %lu，而不是 %s"),
			    (unsigned)key, m->info.nattch, v);
			return 0;
		}
		n = strlen(v);
		if (strcmp(e->argv[j], "text") == 0 && (!m->readable ||
		    m->npreview < n || memcmp(m->preview, v, n) != 0)) {
			snprintf(e->why, e->whysize,
			    tr("segment 0x%08x does not begin with '%s'",
			    "共享段 0x%08x 的开头不是 '%s'"),
			    (unsigned)key, v);
			return 0;
		}
	}
	return 1;
}

static int
ev_sem(struct ev *e, const struct snapshot *s)
{
	key_t key = (key_t)to_long(e->argv[1]);
	const struct snap_sem *m = NULL;
	char *copy, *tok, *save = NULL;
	size_t i;
	int ok = 1;

	for (i = 0; i < s->nsems; i++)
		if (s->sems[i].info.perm.key == key)
			m = &s->sems[i];
	if (m == NULL) {
		snprintf(e->why, e->whysize, tr("no semaphore set with key 0x%08x",
		    "没有键值为 0x%08x 的信号量集合"),
		    (unsigned)key);
		return 0;
	}
	if (e->argc < 4)
		return 1;
	copy = strdup(e->argv[3]);
	if (copy == NULL || !m->readable)
		ok = 0;
	for (tok = copy != NULL ? strtok_r(copy, ",", &save) : NULL, i = 0;
	    tok != NULL && ok; tok = strtok_r(NULL, ",", &save), i++)
		if (i >= m->info.nsems || m->members[i].val != to_long(tok))
			ok = 0;
	if (!ok)
		snprintf(e->why, e->whysize,
		    tr("semaphore set 0x%08x does not hold %s",
		    "信号量集合 0x%08x 的值不是 %s"), (unsigned)key,
		    e->argv[3]);
	free(copy);
	return ok;
}

static const char *
kind_name(char t)
{
	if (t == 'q')
		return tr("message queue", "消息队列");
	if (t == 's')
		return tr("shared memory segment", "共享内存段");
	return tr("semaphore set", "信号量集合");
}

/* no-queue/no-shm/no-sem [KEY]: none with that key, or none new. */
static int
ev_none(struct ev *e, const struct snapshot *s)
{
	char t = e->argv[0][3];
	int keyed = e->argc > 1;
	key_t key = keyed ? (key_t)to_long(e->argv[1]) : 0;
	size_t i, n = t == 'q' ? s->nqueues : t == 's' && e->argv[0][4] == 'h' ?
	    s->nshms : s->nsems;
	const struct sysv_perm *perm;
	int id, related;

	if (t == 's' && e->argv[0][4] == 'e')
		t = 'S';
	for (i = 0; i < n; i++) {
		if (t == 'q') {
			perm = &s->queues[i].info.perm;
			id = s->queues[i].info.id;
			related = s->queues[i].related;
		} else if (t == 's') {
			perm = &s->shms[i].info.perm;
			id = s->shms[i].info.id;
			related = s->shms[i].related;
		} else {
			perm = &s->sems[i].info.perm;
			id = s->sems[i].info.id;
			related = s->sems[i].related;
		}
		if (keyed ? perm->key == key : lcheck_is_mine(t, id, perm,
		    related)) {
			snprintf(e->why, e->whysize,
			    tr("%s id %d (key 0x%08x) is still there",
			    "%s（id %d，键值 0x%08x）仍然存在"), kind_name(t), id,
			    (unsigned)perm->key);
			return 0;
		}
	}
	return 1;
}

static int
ev_status(struct ev *e)
{
	int want, sig;

	if (num_ok(e->argv[1], NULL) && strchr(e->argv[1], '$') == NULL)
		want = (int)to_long(e->argv[1]);
	else if ((sig = sig_parse(e->argv[1])) > 0)
		want = 128 + sig;
	else
		want = (int)to_long(e->argv[1]);
	if (sh_status == want)
		return 1;
	if (sh_status > 128 && sig_name(sh_status - 128) != NULL)
		snprintf(e->why, e->whysize,
		    tr("the last command's status was %d (SIG%s)",
		    "上一条命令的状态是 %d（SIG%s）"), sh_status,
		    sig_name(sh_status - 128));
	else
		snprintf(e->why, e->whysize,
		    tr("the last command's status was %d",
		    "上一条命令的状态是 %d"), sh_status);
	return 0;
}

/* shell CMD: the rest of the check's text, run quietly; $? is kept. */
static int
ev_shell(struct ev *e, const struct lcheck *c)
{
	const char *cmd = c->text + strlen("shell");
	int saved = sh_status, st;

	st = sh_eval(cmd, NULL);
	sh_status = saved;
	if (st == 0)
		return 1;
	snprintf(e->why, e->whysize, tr("the command's status was %d",
	    "命令的状态是 %d"), st);
	return 0;
}

static int
ev_snapshot(struct ev *e, const struct snapshot *s)
{
	const char *k = e->k->name;

	if (strncmp(k, "pipe-", 5) == 0)
		return ev_pipe(e, s);
	if (strcmp(k, "proc") == 0)
		return ev_proc(e, s);
	if (strcmp(k, "no-proc") == 0)
		return ev_no_proc(e, s);
	if (strcmp(k, "signal") == 0)
		return ev_signal(e, s);
	if (strcmp(k, "fifo") == 0)
		return ev_fifo(e, s);
	if (strcmp(k, "queue") == 0)
		return ev_queue(e, s);
	if (strcmp(k, "shm") == 0)
		return ev_shm(e, s);
	if (strcmp(k, "sem") == 0)
		return ev_sem(e, s);
	return ev_none(e, s);
}

/* One evaluation: 1 holds, 0 not. */
static int
ev_once(struct ev *e, const struct lcheck *c)
{
	struct probe_opts o = { NULL, -1, 0, 0 };
	const struct snapshot *s;
	const char *k = e->k->name;
	pid_t self = getpid();

	if (strcmp(k, "status") == 0)
		return ev_status(e);
	if (strcmp(k, "shell") == 0)
		return ev_shell(e, c);
	if (strncmp(k, "pipe-", 5) != 0)
		o.flags |= PROBE_NO_FILL;
	if (strcmp(k, "proc") == 0 || strcmp(k, "no-proc") == 0 ||
	    strcmp(k, "signal") == 0 || strncmp(k, "pipe-", 5) == 0 ||
	    strcmp(k, "fifo") == 0)
		o.flags |= PROBE_NO_SYSV;
	if (strcmp(k, "queue") != 0)
		o.flags |= PROBE_NO_MSGS;
	/* a segment nobody maps can only be read by attaching it */
	if (strcmp(k, "shm") == 0)
		o.flags |= PROBE_SHMAT;
	if (e->w == NULL)
		e->w = watch_new(&self, 1, &o, NULL);
	s = e->w != NULL ? watch_next(e->w, NULL) : NULL;
	if (s == NULL) {
		snprintf(e->why, e->whysize, tr("cannot take a snapshot: %s",
		    "无法获取快照：%s"),
		    strerror(errno));
		return 0;
	}
	return ev_snapshot(e, s);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int
lcheck_eval(const struct lcheck *c, double within, char *why, size_t whysize)
{
	struct ev e;
	double end = now() + within;
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	int i, r;

	memset(&e, 0, sizeof(e));
	e.k = kind_find(c->argv[0]);
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
		e.argv[i] = expand(c->argv[i]);
	snprintf(why, whysize, "it did not hold");
	for (;;) {
		r = ev_once(&e, c);
		if (r || strcmp(e.k->name, "status") == 0 || now() >= end)
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

/* The System V objects that existed when the lesson began. */
static struct {
	int	*ids;
	char	*kinds;
	size_t	n;
} base;

static void
base_add(char kind, int id)
{
	int *ids = realloc(base.ids, (base.n + 1) * sizeof(*ids));
	char *k;

	if (ids == NULL)
		return;
	base.ids = ids;
	k = realloc(base.kinds, base.n + 1);
	if (k == NULL)
		return;
	base.kinds = k;
	base.ids[base.n] = id;
	base.kinds[base.n++] = kind;
}

void
lcheck_set_baseline(void)
{
	struct sysv_msq *q = NULL;
	struct sysv_shm *m = NULL;
	struct sysv_sem *s = NULL;
	ssize_t n, i;

	free(base.ids);
	free(base.kinds);
	memset(&base, 0, sizeof(base));
	n = sysv_msq_list(&q);
	for (i = 0; i < n; i++)
		base_add('q', q[i].id);
	n = sysv_shm_list(&m);
	for (i = 0; i < n; i++)
		base_add('s', m[i].id);
	n = sysv_sem_list(&s);
	for (i = 0; i < n; i++)
		base_add('S', s[i].id);
	free(q);
	free(m);
	free(s);
}

int
lcheck_is_new(char kind, int id)
{
	size_t i;

	for (i = 0; i < base.n; i++)
		if (base.kinds[i] == kind && base.ids[i] == id)
			return 0;
	return 1;
}

int
lcheck_dir_key(const char *dir, key_t key)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	char path[PATH_MAX + 256];
	int mine = 0;

	if (dir == NULL || *dir == '\0' || (d = opendir(dir)) == NULL)
		return 0;
	while (!mine && (e = readdir(d)) != NULL) {
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		/* ftok(3): proj_id, then the low 8 bits of st_dev, 16 of st_ino */
		if (stat(path, &st) == 0 && ((unsigned)key & 0xffffff) ==
		    (((unsigned)st.st_dev & 0xff) << 16 |
		    ((unsigned)st.st_ino & 0xffff)))
			mine = 1;
	}
	closedir(d);
	return mine;
}

int
lcheck_is_mine(char kind, int id, const struct sysv_perm *perm, int related)
{
	if (!lcheck_is_new(kind, id) || perm->uid != getuid())
		return 0;
	if (perm->key == IPC_PRIVATE)
		return related;
	return lcheck_dir_key(var_get("LESSON_DIR"), perm->key);
}
