/*
 * snap_diff.c - the events between two snapshots, in English and Chinese.
 * Pure: reads only the two snapshots.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss.h"
#include "i18n.h"
#include "probe.h"
#include "sigtab.h"
#include "snapdiff.h"

static const char *const event_names[EV_NKINDS] = {
	[EV_PROC_STARTED] = "proc_started",
	[EV_PROC_EXITED] = "proc_exited",
	[EV_PROC_ZOMBIE] = "proc_zombie",
	[EV_PROC_STOPPED] = "proc_stopped",
	[EV_PROC_CONTINUED] = "proc_continued",
	[EV_PROC_BLOCKED] = "proc_blocked",
	[EV_PROC_EXEC] = "proc_exec",
	[EV_SIG_PENDING] = "signal_pending",
	[EV_SIG_DELIVERED] = "signal_delivered",
	[EV_SIG_BLOCKED] = "signal_blocked",
	[EV_SIG_UNBLOCKED] = "signal_unblocked",
	[EV_SIG_IGNORED] = "signal_ignored",
	[EV_SIG_CAUGHT] = "signal_caught",
	[EV_SIG_DEFAULT] = "signal_default",
	[EV_PIPE_CREATED] = "pipe_created",
	[EV_PIPE_CLOSED] = "pipe_closed",
	[EV_PIPE_FULL] = "pipe_full",
	[EV_PIPE_NOT_FULL] = "pipe_not_full",
	[EV_PIPE_EMPTY] = "pipe_empty",
	[EV_PIPE_DATA] = "pipe_data",
	[EV_WRITER_BLOCKED] = "writer_blocked",
	[EV_WRITER_WOKE] = "writer_woke",
	[EV_READER_BLOCKED] = "reader_blocked",
	[EV_READER_WOKE] = "reader_woke",
	[EV_FIFO_WAITING] = "fifo_waiting",
	[EV_FIFO_PARTNER] = "fifo_partner",
	[EV_QUEUE_CREATED] = "queue_created",
	[EV_QUEUE_REMOVED] = "queue_removed",
	[EV_QUEUE_MSG_ADDED] = "queue_msg_added",
	[EV_QUEUE_MSG_REMOVED] = "queue_msg_removed",
	[EV_SHM_CREATED] = "shm_created",
	[EV_SHM_REMOVED] = "shm_removed",
	[EV_SHM_ATTACHED] = "shm_attached",
	[EV_SHM_DETACHED] = "shm_detached",
	[EV_SEM_CREATED] = "sem_created",
	[EV_SEM_REMOVED] = "sem_removed",
	[EV_SEM_CHANGED] = "sem_changed",
	[EV_WATCHING] = "watching",
};

const char *
snap_event_name(enum snap_event_kind kind)
{
	if ((unsigned)kind >= EV_NKINDS)
		return "unknown";
	return event_names[kind];
}

const char *
snap_event_text(const struct snap_event *e)
{
	return tr(e->en, e->zh);
}

struct diff {
	struct snap_events *out;
	size_t		cap;
	int		err;
};

/*
 * Adds an event of the texts en and zh (malloc'd, taken; NULL: out of
 * memory). proto holds the kind and the fields.
 */
static void
ev_put(struct diff *d, const struct snap_event *proto, char *en, char *zh)
{
	struct snap_event *e, *v;

	if (d->err || en == NULL || zh == NULL)
		goto fail;
	if (d->out->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		v = realloc(d->out->ev, d->cap * sizeof(*v));
		if (v == NULL)
			goto fail;
		d->out->ev = v;
	}
	e = &d->out->ev[d->out->n++];
	*e = *proto;
	e->en = en;
	e->zh = zh;
	return;
fail:
	free(en);
	free(zh);
	d->err = 1;
}

/* A malloc'd string of fmt, or NULL. */
static char *
ev_text(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	return s;
}

/* Adds an event; fmt_en and fmt_zh take the same arguments in order. */
static void
ev_add(struct diff *d, const struct snap_event *proto, const char *fmt_en,
    const char *fmt_zh, ...)
{
	char *en, *zh;
	va_list ap, aq;

	va_start(ap, fmt_zh);
	va_copy(aq, ap);
	if (vasprintf(&en, fmt_en, ap) < 0)
		en = NULL;
	if (vasprintf(&zh, fmt_zh, aq) < 0)
		zh = NULL;
	va_end(aq);
	va_end(ap);
	ev_put(d, proto, en, zh);
}

static int
is_stopped(char state)
{
	return state == 'T' || state == 't';
}

static int
argv_same(const struct snap_proc *a, const struct snap_proc *b)
{
	int i;

	if (a->argc != b->argc || strcmp(a->comm, b->comm) != 0)
		return 0;
	for (i = 0; i < a->argc; i++)
		if (strcmp(a->argv[i], b->argv[i]) != 0)
			return 0;
	return 1;
}

static void
diff_signals(struct diff *d, const struct snap_proc *o,
    const struct snap_proc *n)
{
	struct snap_event ev = { .pid = n->pid };
	uint64_t op = snap_proc_pending(o), np = snap_proc_pending(n), bit;
	const char *name;
	int s;

	for (s = 1; s <= SIGTAB_MAX; s++) {
		bit = 1ULL << (s - 1);
		name = sig_name(s) ? sig_name(s) : "?";
		ev.sig = s;
		if ((np & bit) && !(op & bit)) {
			ev.kind = EV_SIG_PENDING;
			ev.count = !!(n->sigblk & bit);
			if (ev.count)
				ev_add(d, &ev, "%d (%s): SIG%s now pending (blocked, waits to be unblocked)",
				    "%d (%s)：SIG%s 现在未决（被屏蔽，等待解除屏蔽）",
				    n->pid, n->comm, name);
			else
				ev_add(d, &ev, "%d (%s): SIG%s now pending",
				    "%d (%s)：SIG%s 现在未决", n->pid, n->comm,
				    name);
		} else if ((op & bit) && !(np & bit)) {
			ev.kind = EV_SIG_DELIVERED;
			ev_add(d, &ev, "%d (%s): SIG%s delivered (no longer pending)",
			    "%d (%s)：SIG%s 已递送（不再未决）", n->pid, n->comm,
			    name);
		}
		if ((n->sigblk & bit) != (o->sigblk & bit)) {
			ev.kind = n->sigblk & bit ? EV_SIG_BLOCKED :
			    EV_SIG_UNBLOCKED;
			if (n->sigblk & bit)
				ev_add(d, &ev, "%d (%s): SIG%s now blocked",
				    "%d (%s)：SIG%s 现在被屏蔽", n->pid, n->comm,
				    name);
			else
				ev_add(d, &ev, "%d (%s): SIG%s unblocked",
				    "%d (%s)：SIG%s 解除屏蔽", n->pid, n->comm,
				    name);
		}
		if ((n->sigign & bit) && !(o->sigign & bit)) {
			ev.kind = EV_SIG_IGNORED;
			ev_add(d, &ev, "%d (%s): SIG%s now ignored",
			    "%d (%s)：SIG%s 现在被忽略", n->pid, n->comm, name);
		} else if ((n->sigcgt & bit) && !(o->sigcgt & bit)) {
			ev.kind = EV_SIG_CAUGHT;
			ev_add(d, &ev, "%d (%s): SIG%s now caught by a handler",
			    "%d (%s)：SIG%s 现在由处理函数捕获", n->pid, n->comm,
			    name);
		} else if (!((n->sigign | n->sigcgt) & bit) &&
		    ((o->sigign | o->sigcgt) & bit)) {
			ev.kind = EV_SIG_DEFAULT;
			ev_add(d, &ev, "%d (%s): SIG%s back to its default action",
			    "%d (%s)：SIG%s 恢复默认动作", n->pid, n->comm, name);
		}
	}
}

static void
diff_proc(struct diff *d, const struct snap_proc *o, const struct snap_proc *n)
{
	struct snap_event ev = { .pid = n->pid };

	/* a zombie has no command line left: that is no execve(2) */
	if (n->argc > 0 && n->state != 'Z' && !argv_same(o, n)) {
		ev.kind = EV_PROC_EXEC;
		ev_add(d, &ev, "%d now runs %s", "%d 现在运行 %s", n->pid,
		    n->argc > 0 ? n->argv[0] : n->comm);
	}
	if (n->state == 'Z' && o->state != 'Z') {
		ev.kind = EV_PROC_ZOMBIE;
		ev_add(d, &ev, "%d (%s) exited; its parent has not waited for it yet (zombie)",
		    "%d (%s) 已退出，父进程尚未回收（僵尸进程）", n->pid, n->comm);
	} else if (is_stopped(n->state) && !is_stopped(o->state)) {
		ev.kind = EV_PROC_STOPPED;
		ev_add(d, &ev, "%d (%s) stopped", "%d (%s) 已停止", n->pid,
		    n->comm);
	} else if (!is_stopped(n->state) && is_stopped(o->state)) {
		ev.kind = EV_PROC_CONTINUED;
		ev_add(d, &ev, "%d (%s) continued", "%d (%s) 继续运行", n->pid,
		    n->comm);
	}
	if (probe_wchan_teaches(n->wchan) && strcmp(n->wchan, o->wchan) != 0) {
		ev.kind = EV_PROC_BLOCKED;
		ev_add(d, &ev, "%d (%s) now blocked in %s", "%d (%s) 现在阻塞于 %s",
		    n->pid, n->comm, n->wchan);
	}
	diff_signals(d, o, n);
}

/*
 * A process blocked in open() of a FIFO, and its open() returning. The
 * descriptor it got may be closed again before the next snapshot, so the
 * process still being there (not a zombie) is what counts.
 */
static void
diff_fifo_open(struct diff *d, const struct snap_proc *o,
    const struct snap_proc *n)
{
	/* [returned][opening to read]: English, Chinese; pid, comm, path */
	static const char *const says[2][2][2] = {
		{ { "%d (%s) blocked in open() of FIFO %s: no reader yet",
		    "%d (%s) 阻塞在命名管道 %s 的 open()：还没有读者" },
		  { "%d (%s) blocked in open() of FIFO %s: no writer yet",
		    "%d (%s) 阻塞在命名管道 %s 的 open()：还没有写者" } },
		{ { "%d (%s): open() of FIFO %s returned, a reader came",
		    "%d (%s)：命名管道 %s 的 open() 返回了，读者来了" },
		  { "%d (%s): open() of FIFO %s returned, a writer came",
		    "%d (%s)：命名管道 %s 的 open() 返回了，写者来了" } },
	};
	struct snap_event ev = { .pid = n->pid };
	const struct snap_proc *w;	/* the sample that was waiting */
	int ret, rd;

	if (n->fifo_wait != NULL && (o == NULL || o->fifo_wait == NULL ||
	    strcmp(o->fifo_wait, n->fifo_wait) != 0)) {
		ev.kind = EV_FIFO_WAITING;
		w = n;
	} else if (o != NULL && o->fifo_wait != NULL &&
	    n->fifo_wait == NULL && n->state != 'Z') {
		ev.kind = EV_FIFO_PARTNER;
		w = o;
	} else {
		return;
	}
	ret = w == o;
	rd = w->fifo_wait_mode == 0;
	ev_add(d, &ev, says[ret][rd][0], says[ret][rd][1], n->pid, n->comm,
	    w->fifo_wait);
}

static void
diff_procs(struct diff *d, const struct snapshot *o, const struct snapshot *n)
{
	const struct snap_proc *op, *np;
	struct snap_event ev = { 0 };
	size_t i;

	for (i = 0; i < n->nprocs; i++) {
		np = &n->procs[i];
		op = snap_proc_find(o, np->pid);
		if (op == NULL) {
			ev.kind = EV_PROC_STARTED;
			ev.pid = np->pid;
			ev_add(d, &ev, "%d (%s) started, child of %d",
			    "%d (%s) 启动了，父进程 %d", np->pid, np->comm,
			    np->ppid);
			if (probe_wchan_teaches(np->wchan)) {
				ev.kind = EV_PROC_BLOCKED;
				ev_add(d, &ev, "%d (%s) now blocked in %s",
				    "%d (%s) 现在阻塞于 %s", np->pid,
				    np->comm, np->wchan);
			}
		} else {
			diff_proc(d, op, np);
		}
		diff_fifo_open(d, op, np);
	}
	for (i = 0; i < o->nprocs; i++) {
		op = &o->procs[i];
		if (snap_proc_find(n, op->pid) != NULL)
			continue;
		ev.kind = EV_PROC_EXITED;
		ev.pid = op->pid;
		ev_add(d, &ev, "%d (%s) exited", "%d (%s) 已退出", op->pid,
		    op->comm);
	}
}

static const char *
pipe_name(const struct snap_pipe *p, int zh, char *buf, size_t size)
{
	if (p->kind == SNAP_FIFO && p->path != NULL)
		snprintf(buf, size, "%s %s", zh ? gloss_in(GL_FIFO, LANG_ZH) :
		    "FIFO", p->path);
	else
		snprintf(buf, size, "%s %lu", gloss_in(GL_PIPE, zh ? LANG_ZH :
		    LANG_EN), p->inode);
	return buf;
}

/* Both names of p: "pipe 88" and "管道 88". */
struct pnames {
	char	en[4200], zh[4200];
};

static const struct pnames *
pipe_names(const struct snap_pipe *p, struct pnames *n)
{
	pipe_name(p, 0, n->en, sizeof(n->en));
	pipe_name(p, 1, n->zh, sizeof(n->zh));
	return n;
}

static const char *
comm_of(const struct snapshot *a, const struct snapshot *b, pid_t pid)
{
	const struct snap_proc *p = snap_proc_find(a, pid);

	if (p == NULL)
		p = snap_proc_find(b, pid);
	return p != NULL ? p->comm : "?";
}

static int
end_blocked(const struct snap_end *v, size_t n, pid_t pid, int fd)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].pid == pid && v[i].fd == fd)
			return v[i].blocked;
	return 0;
}

/*
 * Writers (or readers) that blocked or woke on one pipe: blocked in ns
 * and not in os, then blocked in os and no more in ns (still alive).
 */
static void
diff_ends(struct diff *d, const struct snapshot *os, const struct snapshot *ns,
    const struct snap_end *ov, size_t on, const struct snap_end *nv,
    size_t nn, const struct snap_pipe *p, int writers)
{
	/* [blocked, woke][readers, writers] */
	static const struct {
		enum snap_event_kind kind[2];
		const char	*en[2], *zh[2];
	} says[2] = {
		{ { EV_READER_BLOCKED, EV_WRITER_BLOCKED },
		  { "%d (%s) blocked reading %s (empty)",
		    "%d (%s) blocked writing to %s (full)" },
		  { "%d (%s) 读 %s 时阻塞（空）",
		    "%d (%s) 写 %s 时阻塞（已满）" } },
		{ { EV_READER_WOKE, EV_WRITER_WOKE },
		  { "%d (%s) woke up: %s has data or no writer",
		    "%d (%s) woke up: can write to %s again" },
		  { "%d (%s) 被唤醒：%s 有数据或没有写者了",
		    "%d (%s) 被唤醒：可以继续写 %s" } },
	};
	const struct snap_end *from[2] = { nv, ov }, *to[2] = { ov, nv }, *e;
	size_t nfrom[2] = { nn, on }, nto[2] = { on, nn }, i;
	struct snap_event ev = { .inode = p->inode };
	struct pnames nm;
	const char *comm;
	int j, w = writers != 0;

	pipe_names(p, &nm);
	for (j = 0; j < 2; j++)
		for (i = 0; i < nfrom[j]; i++) {
			e = &from[j][i];
			if (!e->blocked || end_blocked(to[j], nto[j], e->pid,
			    e->fd) || (j == 1 && !snap_has_pid(ns, e->pid)))
				continue;
			ev.pid = e->pid;
			ev.kind = says[j].kind[w];
			comm = comm_of(ns, os, e->pid);
			ev_put(d, &ev, ev_text(says[j].en[w], e->pid, comm,
			    nm.en), ev_text(says[j].zh[w], e->pid, comm, nm.zh));
		}
}

static void
diff_pipe(struct diff *d, const struct snapshot *os, const struct snapshot *ns,
    const struct snap_pipe *o, const struct snap_pipe *n)
{
	struct snap_event ev = { .inode = n->inode };
	struct pnames nm;

	pipe_names(n, &nm);
	if (n->full && !o->full) {
		ev.kind = EV_PIPE_FULL;
		ev_put(d, &ev, ev_text("%s is full: %ld bytes, a writer is "
		    "blocked", nm.en, n->fill), ev_text("%s 已满：%ld 字节，"
		    "写者被阻塞", nm.zh, n->fill));
	} else if (!n->full && o->full) {
		ev.kind = EV_PIPE_NOT_FULL;
		ev_put(d, &ev, ev_text("%s is no longer full: %ld bytes",
		    nm.en, n->fill), ev_text("%s 不再满：%ld 字节", nm.zh,
		    n->fill));
	}
	if (n->fill == 0 && o->fill > 0) {
		ev.kind = EV_PIPE_EMPTY;
		ev_put(d, &ev, ev_text("%s is empty", nm.en),
		    ev_text("%s 已空", nm.zh));
	} else if (n->fill > 0 && o->fill == 0) {
		ev.kind = EV_PIPE_DATA;
		ev_put(d, &ev, ev_text("%s now holds %ld bytes", nm.en,
		    n->fill), ev_text("%s 现有 %ld 字节", nm.zh, n->fill));
	}
	diff_ends(d, os, ns, o->writers, o->nwriters, n->writers, n->nwriters,
	    n, 1);
	diff_ends(d, os, ns, o->readers, o->nreaders, n->readers, n->nreaders,
	    n, 0);
}

static void
diff_pipes(struct diff *d, const struct snapshot *o, const struct snapshot *n)
{
	const struct snap_pipe *op, *np;
	struct snap_event ev = { 0 };
	struct pnames nm;
	size_t i;

	for (i = 0; i < n->npipes; i++) {
		np = &n->pipes[i];
		op = snap_pipe_find(o, np->inode);
		if (op != NULL) {
			diff_pipe(d, o, n, op, np);
			continue;
		}
		if (np->nwriters + np->nreaders == 0)
			continue;	/* only openers: a FIFO event says it */
		ev.kind = EV_PIPE_CREATED;
		ev.inode = np->inode;
		pipe_names(np, &nm);
		ev_put(d, &ev, ev_text("%s opened: %zu writer(s), %zu "
		    "reader(s)", nm.en, np->nwriters, np->nreaders),
		    ev_text("%s 已打开：%zu 个写者，%zu 个读者", nm.zh,
		    np->nwriters, np->nreaders));
	}
	for (i = 0; i < o->npipes; i++) {
		op = &o->pipes[i];
		if (snap_pipe_find(n, op->inode) != NULL ||
		    op->nwriters + op->nreaders == 0)
			continue;
		ev.kind = EV_PIPE_CLOSED;
		ev.inode = op->inode;
		pipe_names(op, &nm);
		ev_put(d, &ev, ev_text("%s closed by every watched process",
		    nm.en), ev_text("所有被观察的进程都关闭了 %s", nm.zh));
	}
}

static int
msg_same(const struct snap_msg *a, const struct snap_msg *b)
{
	return a->type == b->type && a->size == b->size &&
	    memcmp(a->data, b->data, a->size) == 0;
}

/*
 * The type of the first old message missing from the new list (messages
 * leave from anywhere with msgrcv's msgtyp), or 0 when the copies do not
 * cover the whole queues.
 */
static long
removed_type(const struct snap_queue *o, const struct snap_queue *n)
{
	size_t i, j = 0;

	if (o->nmsgs != o->info.qnum || n->nmsgs != n->info.qnum)
		return o->nmsgs > 0 && n->nmsgs == 0 ? o->msgs[0].type : 0;
	for (i = 0; i < o->nmsgs; i++) {
		if (j < n->nmsgs && msg_same(&o->msgs[i], &n->msgs[j]))
			j++;
		else
			return o->msgs[i].type;
	}
	return 0;
}

static void
diff_queue(struct diff *d, const struct snap_queue *o,
    const struct snap_queue *n)
{
	struct snap_event ev = { .id = n->info.id };
	long dq = (long)n->info.qnum - (long)o->info.qnum;

	if (dq > 0) {
		ev.kind = EV_QUEUE_MSG_ADDED;
		ev.count = dq;
		ev.pid = n->info.lspid;
		ev.type = n->nmsgs == n->info.qnum && n->nmsgs > 0 ?
		    n->msgs[n->nmsgs - 1].type : 0;
		if (ev.type != 0)
			ev_add(d, &ev, "queue %d: +%ld message(s), type %ld, sent by %d; %lu now",
			    "队列 %d：新增 %ld 条消息，类型 %ld，发送者 %d；现有 %lu 条",
			    n->info.id, dq, ev.type, n->info.lspid, n->info.qnum);
		else
			ev_add(d, &ev, "queue %d: +%ld message(s), sent by %d; %lu now",
			    "队列 %d：新增 %ld 条消息，发送者 %d；现有 %lu 条",
			    n->info.id, dq, n->info.lspid, n->info.qnum);
	} else if (dq < 0) {
		ev.kind = EV_QUEUE_MSG_REMOVED;
		ev.count = -dq;
		ev.pid = n->info.lrpid;
		ev.type = removed_type(o, n);
		if (ev.type != 0)
			ev_add(d, &ev, "queue %d: -%ld message(s), type %ld, received by %d; %lu left",
			    "队列 %d：取走 %ld 条消息，类型 %ld，接收者 %d；剩 %lu 条",
			    n->info.id, -dq, ev.type, n->info.lrpid,
			    n->info.qnum);
		else
			ev_add(d, &ev, "queue %d: -%ld message(s), received by %d; %lu left",
			    "队列 %d：取走 %ld 条消息，接收者 %d；剩 %lu 条",
			    n->info.id, -dq, n->info.lrpid, n->info.qnum);
	}
}

static void
diff_shm(struct diff *d, const struct snapshot *os, const struct snapshot *ns,
    const struct snap_shm *o, const struct snap_shm *n)
{
	/* attached: in n, not in o; detached: in o, not in n */
	static const struct {
		enum snap_event_kind kind;
		const char	*en, *zh;
	} says[2] = {
		{ EV_SHM_ATTACHED, "%d (%s) attached shared memory %d",
		    "%d (%s) 附加了共享内存 %d" },
		{ EV_SHM_DETACHED, "%d (%s) detached shared memory %d",
		    "%d (%s) 分离了共享内存 %d" },
	};
	const struct snap_shm *from[2] = { n, o }, *to[2] = { o, n };
	struct snap_event ev = { .id = n->info.id };
	size_t i;
	int j;

	for (j = 0; j < 2; j++) {
		ev.kind = says[j].kind;
		for (i = 0; i < from[j]->nattached; i++) {
			ev.pid = from[j]->attached[i];
			if (snap_pid_in(to[j]->attached, to[j]->nattached,
			    ev.pid))
				continue;
			ev_add(d, &ev, says[j].en, says[j].zh, ev.pid,
			    comm_of(ns, os, ev.pid), n->info.id);
		}
	}
}

static void
diff_sem(struct diff *d, const struct snap_sem *o, const struct snap_sem *n)
{
	struct snap_event ev = { .kind = EV_SEM_CHANGED, .id = n->info.id };
	size_t i;

	if (!o->readable || !n->readable || o->info.nsems != n->info.nsems)
		return;
	for (i = 0; i < n->info.nsems; i++) {
		if (o->members[i].val == n->members[i].val)
			continue;
		ev.num = (int)i;
		ev.count = n->members[i].val;
		ev.pid = n->members[i].pid;
		ev_add(d, &ev, "semaphore %d[%zu]: %d -> %d (by %d)",
		    "信号量 %d[%zu]：%d -> %d（由 %d）", n->info.id, i,
		    o->members[i].val, n->members[i].val, n->members[i].pid);
	}
}

/*
 * What the diff says of each System V kind: the events of an object
 * created and removed, and their sentences. Created: id, key, then what
 * the object holds (shm: bytes; sem: its semaphores); removed: id, then
 * (queue: lost) the messages gone with it, also the event's count.
 */
static const struct {
	enum snap_event_kind	created, removed;
	const char		*created_en, *created_zh;
	const char		*removed_en, *removed_zh;
	int			bytes;	/* created: view.bytes, not .count */
	int			lost;	/* removed: view.count */
} diff_kinds[SYSV_NKINDS] = {
	[SYSV_MSG] = { EV_QUEUE_CREATED, EV_QUEUE_REMOVED,
	    "message queue %d created (key 0x%08x)",
	    "消息队列 %d 已创建（键值 0x%08x）",
	    "message queue %d removed (it held %lu message(s) when last seen)",
	    "消息队列 %d 已删除（上次查看时其中有 %lu 条消息）", 0, 1 },
	[SYSV_SHM] = { EV_SHM_CREATED, EV_SHM_REMOVED,
	    "shared memory %d created (key 0x%08x, %lu bytes)",
	    "共享内存 %d 已创建（键值 0x%08x，%lu 字节）",
	    "shared memory %d removed", "共享内存 %d 已删除", 1, 0 },
	[SYSV_SEM] = { EV_SEM_CREATED, EV_SEM_REMOVED,
	    "semaphore set %d created (key 0x%08x, %lu semaphore(s))",
	    "信号量集 %d 已创建（键值 0x%08x，%lu 个信号量）",
	    "semaphore set %d removed", "信号量集 %d 已删除", 0, 0 },
};

/* An object of kind k in both snapshots, o in os, n in ns: its changes. */
static void
diff_changed(struct diff *d, enum sysv_kind k, const struct snapshot *os,
    const struct snapshot *ns, const void *o, const void *n)
{
	switch (k) {
	case SYSV_MSG:
		diff_queue(d, o, n);
		break;
	case SYSV_SHM:
		diff_shm(d, os, ns, o, n);
		break;
	default:
		diff_sem(d, o, n);
		break;
	}
}

/* The objects of kind k: those created, changed and removed. */
static void
diff_sysv(struct diff *d, enum sysv_kind k, const struct snapshot *o,
    const struct snapshot *n)
{
	struct snap_event ev = { 0 };
	struct sysv_view v;
	const void *e, *oe;
	size_t i;

	for (i = 0; i < snap_sysv_count(n, k); i++) {
		e = snap_sysv_info(n, k, i, NULL);
		sysv_view(k, e, &v);
		if ((oe = snap_sysv_find(o, k, v.id)) != NULL) {
			diff_changed(d, k, o, n, oe, e);
			continue;
		}
		ev.kind = diff_kinds[k].created;
		ev.id = v.id;
		ev_add(d, &ev, diff_kinds[k].created_en,
		    diff_kinds[k].created_zh, v.id, (unsigned)v.perm->key,
		    diff_kinds[k].bytes ? (unsigned long)v.bytes : v.count);
	}
	for (i = 0; i < snap_sysv_count(o, k); i++) {
		sysv_view(k, snap_sysv_info(o, k, i, NULL), &v);
		if (snap_sysv_find(n, k, v.id) != NULL)
			continue;
		ev.kind = diff_kinds[k].removed;
		ev.id = v.id;
		if (diff_kinds[k].lost)
			ev.count = (long)v.count;
		ev_add(d, &ev, diff_kinds[k].removed_en,
		    diff_kinds[k].removed_zh, v.id, v.count);
	}
}

int
snap_diff(const struct snapshot *old, const struct snapshot *new,
    struct snap_events *out)
{
	struct diff d = { out, 0, 0 };

	out->ev = NULL;
	out->n = 0;
	if (old == NULL || new == NULL)
		return 0;
	diff_procs(&d, old, new);
	diff_pipes(&d, old, new);
	diff_sysv(&d, SYSV_MSG, old, new);
	diff_sysv(&d, SYSV_SHM, old, new);
	diff_sysv(&d, SYSV_SEM, old, new);
	if (d.err) {
		snap_events_free(out);
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void
snap_events_free(struct snap_events *e)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		free(e->ev[i].en);
		free(e->ev[i].zh);
	}
	free(e->ev);
	e->ev = NULL;
	e->n = 0;
}
