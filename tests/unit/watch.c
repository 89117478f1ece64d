/*
 * watch.c - unit tests of the watch (watch.h): fixture snapshots fed one
 * after another; the first is the baseline and yields no events, each
 * change between two samples yields exactly its events; the history, the
 * baseline and the roots; then two live samples of this process's trees.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sigtab.h"
#include "unit.h"
#include "watch.h"

/* What a fixture snapshot holds besides a shell (10) and its child (11). */
enum state {
	S_QUIET,	/* nothing else */
	S_STARTUP,	/* the shell with handlers and ignored signals */
	S_PENDING,	/* SIGUSR1 pending at 11 */
	S_QUEUE,	/* queue 3 with one message of type 2 */
	S_QUEUE2,	/* queue 3 with two messages */
	S_GONE,		/* 11 has exited */
	S_END = -1
};

#define MAXSTEPS 5

static const struct row {
	const char	*name;
	enum state	steps[MAXSTEPS];	/* samples, ended by S_END */
	/* the events of each sample, as kind names; "" for none */
	const char	*want[MAXSTEPS];
} rows[] = {
#include "watch.def"
};

static void
proc(struct snapshot *s, pid_t pid, pid_t ppid, const char *comm)
{
	struct snap_proc *p = &s->procs[s->nprocs++];

	p->pid = pid;
	p->ppid = ppid;
	p->state = 'S';
	snprintf(p->comm, sizeof(p->comm), "%s", comm);
	p->argv = calloc(2, sizeof(char *));
	p->argv[0] = strdup(comm);
	p->argc = 1;
}

static void
msg(struct snap_queue *q, long type, const char *text)
{
	struct snap_msg *m = &q->msgs[q->nmsgs++];

	m->type = type;
	m->size = strlen(text);
	m->data = (unsigned char *)strdup(text);
	q->info.qnum = q->nmsgs;
}

static struct snapshot *
fixture(enum state st)
{
	struct snapshot *s = calloc(1, sizeof(*s));
	struct snap_queue *q;

	s->root = 10;
	s->procs = calloc(2, sizeof(*s->procs));
	proc(s, 10, 1, "sh");
	if (st != S_GONE)
		proc(s, 11, 10, "cat");
	if (st == S_STARTUP) {
		s->procs[0].sigign = 1ULL << (SIGINT - 1);
		s->procs[0].sigcgt = 1ULL << (SIGCHLD - 1);
	}
	if (st == S_PENDING)
		s->procs[1].shdpnd = 1ULL << (SIGUSR1 - 1);
	if (st == S_QUEUE || st == S_QUEUE2) {
		s->queues = calloc(1, sizeof(*s->queues));
		q = &s->queues[s->nqueues++];
		q->info.id = 3;
		q->readable = 1;
		q->msgs = calloc(2, sizeof(*q->msgs));
		msg(q, 2, "hello");
		if (st == S_QUEUE2)
			msg(q, 1, "again");
	}
	return s;
}

static void
describe(const struct snap_events *ev, char *buf, size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; ev != NULL && i < ev->n && len < size; i++) {
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		    i ? " " : "", snap_event_name(ev->ev[i].kind));
		if (ev->ev[i].sig > 0 && len < size)
			len += (size_t)snprintf(buf + len, size - len, "/%s",
			    sig_name(ev->ev[i].sig));
	}
}

static void
check_row(const struct row *r)
{
	const struct snap_events *ev;
	const struct snapshot *s;
	struct watch *w;
	pid_t root = 10;
	char name[128], got[512];
	int i;

	w = watch_new(&root, 1, NULL, NULL);
	for (i = 0; i < MAXSTEPS && r->steps[i] != S_END; i++) {
		snprintf(name, sizeof(name), "%s/sample%d", r->name, i + 1);
		ev = NULL;
		s = w ? watch_add(w, fixture(r->steps[i]), &ev) : NULL;
		if (s == NULL) {
			unit_check("watch", name, r->want[i], NULL);
			continue;
		}
		describe(ev, got, sizeof(got));
		unit_check("watch", name, r->want[i], got);
	}
	watch_free(w);
}

/* The history (newest first), the baseline, the count of samples. */
static void
check_history(void)
{
	const struct watch_event *e;
	struct watch *w;
	pid_t root = 10;
	char got[128];

	w = watch_new(&root, 1, NULL, NULL);
	unit_check("watch", "history/before", "0 0 null",
	    w && watch_nevents(w) == 0 && watch_samples(w) == 0 &&
	    watch_last(w) == NULL ? "0 0 null" : "other");
	watch_add(w, fixture(S_QUEUE), NULL);
	watch_add(w, fixture(S_QUEUE2), NULL);
	watch_add(w, fixture(S_PENDING), NULL);
	/* PENDING: the queue is removed, SIGUSR1 pending */
	e = watch_event(w, 0);
	snprintf(got, sizeof(got), "%zu %s %s", watch_nevents(w),
	    e ? snap_event_name(e->ev.kind) : "-",
	    watch_event(w, watch_nevents(w) - 1) ? snap_event_name(
	    watch_event(w, watch_nevents(w) - 1)->ev.kind) : "-");
	unit_check("watch", "history/newest-first",
	    "3 queue_removed queue_msg_added", got);
	unit_check("watch", "history/past-end", "null",
	    watch_event(w, watch_nevents(w)) == NULL ? "null" : "some");
	snprintf(got, sizeof(got), "%lu %zu %zu", watch_samples(w),
	    watch_baseline(w)->queues[0].nmsgs, watch_last(w)->nqueues);
	unit_check("watch", "history/baseline-kept", "3 1 0", got);
	watch_free(w);
}

/* Roots given to watch_new, refused ones with a cause. */
static void
check_roots(void)
{
	pid_t two[2] = { 1036, 1 }, bad[2] = { 5, -1 };
	const pid_t *r;
	struct watch *w;
	char *cause = NULL, got[64];
	size_t n = 0;

	w = watch_new(two, 2, NULL, NULL);
	r = w ? watch_roots(w, &n) : NULL;
	snprintf(got, sizeof(got), "%zu %d %d", n, r ? (int)r[0] : 0,
	    r && n > 1 ? (int)r[1] : 0);
	unit_check("watch", "roots/two", "2 1036 1", got);
	watch_free(w);
	w = watch_new(two, 0, NULL, &cause);
	unit_check("watch", "roots/none-refused", "NULL with cause",
	    w == NULL && cause != NULL ? "NULL with cause" : "accepted");
	free(cause);
	cause = NULL;
	w = watch_new(bad, 2, NULL, &cause);
	unit_check("watch", "roots/bad-pid-refused", "NULL with cause",
	    w == NULL && cause != NULL ? "NULL with cause" : "accepted");
	free(cause);
	watch_free(w);
}

/*
 * Live: a child that waits in pause(2), watched as the first root and
 * this process as the second. The child is listed once, in tree 0; this
 * process in tree 1; the first sample has no events.
 */
static void
check_live(void)
{
	struct probe_opts o = { .nmsgs = -1,
	    .flags = PROBE_NO_SYSV | PROBE_NO_FILL };
	const struct snap_events *ev = NULL;
	const struct snapshot *s;
	const struct snap_proc *c, *me;
	struct watch *w;
	pid_t roots[2], kid;
	char got[128];
	size_t i, nkid = 0;

	kid = fork();
	if (kid == 0) {
		pause();
		_exit(0);
	}
	if (kid < 0) {
		unit_check("watch", "live/fork", "forked", NULL);
		return;
	}
	roots[0] = kid;
	roots[1] = getpid();
	w = watch_new(roots, 2, &o, NULL);
	s = w ? watch_next(w, &ev) : NULL;
	if (s == NULL) {
		unit_check("watch", "live/sample", "a snapshot", NULL);
	} else {
		for (i = 0; i < s->nprocs; i++)
			nkid += s->procs[i].pid == kid;
		c = snap_proc_find(s, kid);
		me = snap_proc_find(s, getpid());
		snprintf(got, sizeof(got),
		    "events %zu kid %zu tree %d me %d roots %zu",
		    ev ? ev->n : 99, nkid, c ? c->tree : -1,
		    me ? me->tree : -1, s->nroots);
		unit_check("watch", "live/two-trees",
		    "events 0 kid 1 tree 0 me 1 roots 2", got);
	}
	watch_free(w);
	kill(kid, SIGKILL);
	waitpid(kid, NULL, 0);
}

int
main(void)
{
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		check_row(&rows[i]);
	check_history();
	check_roots();
	check_live();
	return unit_failed;
}
