/*
 * snapdiff.c - unit tests of snap_diff(): two snapshots built in memory
 * (a shell, a writer, a pipe, a queue, a segment, a semaphore set), one
 * change per row, and the events the row must yield, in order.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "probe.h"
#include "sigtab.h"
#include "snapdiff.h"
#include "unit.h"

/*
 * A change undone is the change made to the old snapshot instead of the
 * new one: continued is stopped undone, created is removed undone.
 */
enum change {
	C_NONE, C_STARTED, C_EXITED, C_STOPPED, C_ZOMBIE, C_EXEC, C_MSGRCV,
	C_PIPEWAIT, C_PENDING_BLOCKED, C_DELIVERED, C_IGNORED, C_CAUGHT,
	C_FULL, C_NOT_FULL, C_EMPTY, C_READER_BLOCKED, C_PIPE_CLOSED,
	C_FIFO_WAITING, C_FIFO_KILLED, C_MSG_ADDED, C_MSG_REMOVED_MIDDLE,
	C_QUEUE_REMOVED, C_SHM_ATTACHED, C_SHM_REMOVED, C_SEM_CHANGED,
	C_SEM_CREATED,
};

static const struct {
	const char *name;
	enum change change;
	int undone;		/* made to the old snapshot, not the new */
	const char *want;	/* event names, "/SIG" or "/tTYPE" added */
} rows[] = {
#include "snapdiff.def"
};

static void
set_argv(struct snap_proc *p, const char *arg0)
{
	p->argv = calloc(2, sizeof(char *));
	p->argv[0] = strdup(arg0);
	p->argc = 1;
}

static struct snap_end *
end(pid_t pid, int fd)
{
	struct snap_end *e = calloc(1, sizeof(*e));

	e->pid = pid;
	e->fd = fd;
	return e;
}

static void
add_msg(struct snap_queue *q, long type, const char *text)
{
	struct snap_msg *m;

	q->msgs = realloc(q->msgs, (q->nmsgs + 1) * sizeof(*m));
	m = &q->msgs[q->nmsgs++];
	m->type = type;
	m->size = strlen(text);
	m->data = (unsigned char *)strdup(text);
	q->info.qnum = q->nmsgs;
}

/* Room for 3 of everything; n* say how many are in use. */
static struct snapshot *
base(void)
{
	struct snapshot *s = calloc(1, sizeof(*s));
	struct snap_proc *p;

	s->root = 10;
	s->procs = calloc(3, sizeof(*s->procs));
	s->pipes = calloc(3, sizeof(*s->pipes));
	s->queues = calloc(3, sizeof(*s->queues));
	s->shms = calloc(3, sizeof(*s->shms));
	s->sems = calloc(3, sizeof(*s->sems));
	p = &s->procs[s->nprocs++];
	p->pid = 10;
	p->state = 'S';
	strcpy(p->comm, "sh");
	strcpy(p->wchan, "wait");
	set_argv(p, "sh");
	p = &s->procs[s->nprocs++];
	p->pid = 11;
	p->ppid = 10;
	p->state = 'S';
	strcpy(p->comm, "yes");
	set_argv(p, "yes");
	s->pipes[0].inode = 500;
	s->pipes[0].fill = 100;
	s->pipes[0].capacity = 65536;
	s->pipes[0].writers = end(11, 1);
	s->pipes[0].nwriters = 1;
	s->pipes[0].readers = end(10, 0);
	s->pipes[0].nreaders = 1;
	s->npipes = 1;
	s->queues[0].info.id = 3;
	s->queues[0].readable = 1;
	add_msg(&s->queues[0], 1, "a");
	add_msg(&s->queues[0], 2, "b");
	add_msg(&s->queues[0], 1, "c");
	s->nqueues = 1;
	s->shms[0].info.id = 7;
	s->shms[0].attached = calloc(1, sizeof(pid_t));
	s->nshms = 1;
	s->sems[0].info.id = 9;
	s->sems[0].info.nsems = 1;
	s->sems[0].readable = 1;
	s->sems[0].members = calloc(1, sizeof(struct sysv_semval));
	s->nsems = 1;
	return s;
}

static void
fifo_wait(struct snap_proc *p)
{
	strcpy(p->wchan, "FIFO open");
	p->fifo_wait = strdup("/tmp/f");
}

/* Applies one change: to old (before) or new (after) as fits. */
static void
change(enum change c, struct snapshot *o, struct snapshot *n)
{
	struct snap_proc *np = &n->procs[1], *op = &o->procs[1];
	struct snap_pipe *npp = &n->pipes[0], *opp = &o->pipes[0];

	switch (c) {
	case C_NONE:
		break;
	case C_STARTED:
		n->procs[2] = n->procs[1];
		n->procs[2].pid = 12;
		set_argv(&n->procs[2], "cat");
		n->nprocs = 3;
		break;
	case C_EXITED:
		n->nprocs = 1;
		n->npipes = 0;
		break;
	case C_STOPPED:
		np->state = 'T';
		break;
	case C_ZOMBIE:
		np->state = 'Z';
		np->argc = 0;	/* /proc/PID/cmdline is empty: no exec */
		break;
	case C_EXEC:
		free(np->argv[0]);
		np->argv[0] = strdup("cat");
		break;
	case C_MSGRCV:
		strcpy(np->wchan, "msgrcv");
		break;
	case C_PIPEWAIT:
		strcpy(np->wchan, "pipe read");
		break;
	case C_PENDING_BLOCKED:
		np->shdpnd = np->sigblk = 1ULL << (SIGUSR1 - 1);
		break;
	case C_DELIVERED:
		op->sigpnd = 1ULL << (SIGUSR1 - 1);
		break;
	case C_IGNORED:
		np->sigign = 1ULL << (SIGINT - 1);
		break;
	case C_CAUGHT:
		np->sigcgt = 1ULL << (SIGTERM - 1);
		break;
	case C_FULL:
		npp->full = npp->writers[0].blocked = 1;
		npp->fill = 65536;
		opp->fill = 65536;	/* fill alone is not full */
		break;
	case C_NOT_FULL:
		opp->full = opp->writers[0].blocked = 1;
		break;
	case C_EMPTY:
		npp->fill = 0;
		break;
	case C_READER_BLOCKED:
		npp->readers[0].blocked = 1;
		break;
	case C_PIPE_CLOSED:
		n->npipes = 0;
		break;
	case C_FIFO_WAITING:
		fifo_wait(np);
		break;
	case C_FIFO_KILLED:
		fifo_wait(op);
		n->nprocs = 1;	/* killed while blocked: no partner came */
		break;
	case C_MSG_ADDED:
		add_msg(&n->queues[0], 2, "d");
		break;
	case C_MSG_REMOVED_MIDDLE:
		/* msgrcv(2) with msgtyp 2 takes the second one */
		free(n->queues[0].msgs[1].data);
		n->queues[0].msgs[1] = n->queues[0].msgs[2];
		n->queues[0].nmsgs = n->queues[0].info.qnum = 2;
		break;
	case C_QUEUE_REMOVED:
		n->nqueues = 0;
		break;
	case C_SHM_ATTACHED:
		n->shms[0].attached[0] = 11;
		n->shms[0].nattached = 1;
		break;
	case C_SHM_REMOVED:
		n->nshms = 0;
		break;
	case C_SEM_CHANGED:
		n->sems[0].members[0].val = 1;
		break;
	case C_SEM_CREATED:
		o->nsems = 0;
		break;
	}
}

/* Restores the counts so that snapshot_free() frees all that was made. */
static void
restore(struct snapshot *s, enum change c)
{
	if (c != C_STARTED)
		s->nprocs = 2;
	s->npipes = s->nqueues = s->nshms = s->nsems = 1;
}

static void
describe(const struct snap_events *ev, char *buf, size_t size)
{
	size_t i, len = 0;
	const struct snap_event *e;

	buf[0] = '\0';
	for (i = 0; i < ev->n && len < size; i++) {
		e = &ev->ev[i];
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		    i ? " " : "", snap_event_name(e->kind));
		if (e->sig > 0 && len < size)
			len += (size_t)snprintf(buf + len, size - len, "/%s",
			    sig_name(e->sig));
		if ((e->kind == EV_QUEUE_MSG_ADDED ||
		    e->kind == EV_QUEUE_MSG_REMOVED) && len < size)
			len += (size_t)snprintf(buf + len, size - len, "/t%ld",
			    e->type);
	}
}

/* The sentences themselves, for one row: English, Chinese, and tr(). */
static void
check_sentences(void)
{
	struct snapshot *o = base(), *n = base();
	struct snap_events ev;

	change(C_PENDING_BLOCKED, o, n);
	snap_diff(o, n, &ev);
	unit_check("snapdiff", "sentence-en",
	    "11 (yes): SIGUSR1 now pending (blocked, waits to be unblocked)",
	    ev.n ? ev.ev[0].en : NULL);
	unit_check("snapdiff", "sentence-zh",
	    "11 (yes)：SIGUSR1 现在未决（被屏蔽，等待解除屏蔽）",
	    ev.n ? ev.ev[0].zh : NULL);
	i18n_set_lang("zh");
	unit_check("snapdiff", "sentence-tr", ev.ev[0].zh,
	    snap_event_text(&ev.ev[0]));
	i18n_set_lang("en");
	snap_events_free(&ev);
	snapshot_free(o);
	snapshot_free(n);
	/* a pipe is named by the glossary's word in each language */
	o = base();
	n = base();
	change(C_FULL, o, n);
	snap_diff(o, n, &ev);
	unit_check("snapdiff", "pipe-sentence-en",
	    "11 (yes) blocked writing to pipe 500 (full)",
	    ev.n > 1 ? ev.ev[1].en : NULL);
	unit_check("snapdiff", "pipe-sentence-zh",
	    "11 (yes) 写 管道 500 时阻塞（已满）",
	    ev.n > 1 ? ev.ev[1].zh : NULL);
	snap_events_free(&ev);
	snapshot_free(o);
	snapshot_free(n);
}

int
main(void)
{
	struct snapshot *o, *n;
	struct snap_events ev;
	char got[512];
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		o = base();
		n = base();
		if (rows[i].undone)
			change(rows[i].change, n, o);
		else
			change(rows[i].change, o, n);
		if (snap_diff(o, n, &ev) < 0) {
			unit_check("snapdiff", rows[i].name, rows[i].want,
			    NULL);
			continue;
		}
		describe(&ev, got, sizeof(got));
		unit_check("snapdiff", rows[i].name, rows[i].want, got);
		snap_events_free(&ev);
		restore(o, rows[i].change);
		restore(n, rows[i].change);
		snapshot_free(o);
		snapshot_free(n);
	}
	if (snap_diff(NULL, n = base(), &ev) == 0)
		unit_check("snapdiff", "no-old-no-events", "0",
		    ev.n == 0 ? "0" : "some");
	snapshot_free(n);
	check_sentences();
	return unit_failed;
}
