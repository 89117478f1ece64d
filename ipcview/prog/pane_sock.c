/*
 * pane_sock.c - the pane's sockets section: one line per connection (both
 * ends' holders, bytes queued each way), listeners, eventfds, signalfds,
 * pidfds; and their detail views.
 */
#include <stdio.h>
#include <string.h>

#include "gloss.h"
#include "i18n.h"
#include "pane_int.h"
#include "sigtab.h"

/*
 * Lines: item < nsocks is a socket (a connected one only when its inode
 * is the lower of the pair, or its peer is not listed); item >= nsocks is
 * the descriptor anonfds[item - nsocks].
 */
static int
pane_sock_first(const struct snapshot *s, const struct snap_sock *k)
{
	const struct snap_sock *o;

	if (k->nholders == 0 && k->state != SNAP_SOCK_LISTENING) {
		/* the far end of one of ours: drawn on our end's line */
		o = k->peer ? snap_sock_find(s, k->peer) : NULL;
		if (o != NULL && o->nholders > 0)
			return 0;
		if (k->listener != 0 || k->peer == 0)
			return 0;
	}
	if (k->state != SNAP_SOCK_CONNECTED || k->peer == 0)
		return 1;
	o = snap_sock_find(s, k->peer);
	return o == NULL || o->nholders == 0 || k->inode < o->inode;
}

/* Is pid a watched shell, or a copy of one forked for a job (same comm)? */
static int
pane_sock_shell(const struct pane *p, pid_t pid)
{
	const struct snap_proc *pr = snap_proc_find(p->snap, pid), *r;
	const pid_t *roots;
	size_t i, n;

	roots = watch_roots(p->watch, &n);
	for (i = 0; pr != NULL && i < n; i++) {
		r = snap_proc_find(p->snap, roots[i]);
		if (roots[i] == pid || (r != NULL &&
		    strcmp(r->comm, pr->comm) == 0))
			return 1;
	}
	return 0;
}

/*
 * A socket only the watched shells hold, talking to a helper outside the
 * tree (the tape's recorder): theirs, not the student's. Shown with 'a'.
 */
static int
pane_sock_internal(const struct pane *p, const struct snap_sock *k)
{
	const struct snap_sock *o;
	size_t i;

	if (p->all_queues || k->nholders == 0)
		return 0;
	o = k->peer ? snap_sock_find(p->snap, k->peer) : NULL;
	if (o != NULL && o->nholders > 0)
		return 0;
	for (i = 0; i < k->nholders; i++)
		if (!pane_sock_shell(p, k->holders[i].pid))
			return 0;
	return 1;
}

void
pane_socks_lines(struct pane *p, int sec)
{
	const struct snapshot *s = p->snap;
	size_t i;

	for (i = 0; i < s->nsocks; i++)
		if (pane_sock_first(s, &s->socks[i]) &&
		    !pane_sock_internal(p, &s->socks[i]))
			pane_add_line(p, sec, (int)i, -1);
	for (i = 0; i < s->nanonfds; i++)
		pane_add_line(p, sec, (int)(s->nsocks + i), -1);
}

static void
pane_sock_holders(struct pane *p, WINDOW *w, const struct snap_sock *k)
{
	const struct snap_proc *pr;
	size_t i;

	if (k == NULL || k->nholders == 0) {
		pane_printf(p, w, ST_DIM, "%s", tr("(outside)", "(树外)"));
		return;
	}
	for (i = 0; i < k->nholders; i++) {
		/* one name per process: a command holds its end as 0 and 1 */
		if (i > 0 && k->holders[i - 1].pid == k->holders[i].pid &&
		    !k->holders[i].blocked)
			continue;
		pr = snap_proc_find(p->snap, k->holders[i].pid);
		pane_printf(p, w, ST_TEXT, "%s%s %d", i ? "," : "",
		    pr != NULL ? pr->comm : "?", (int)k->holders[i].pid);
		if (k->holders[i].blocked)
			pane_printf(p, w, ST_WARN, "(%s)",
			    gloss(GL_BLOCKED));
	}
}

/* " ->100 B-> " (sent on) or " <-7 B<- " (sent back); "?" unknown. */
static void
pane_sock_bytes(struct pane *p, WINDOW *w, long n, int back)
{
	const char *a = back ? (p->utf8 ? "\u2190" : "<-") :
	    (p->utf8 ? "\u2192" : "->");

	if (n < 0)
		pane_printf(p, w, ST_DIM, " %s?%s ", a, a);
	else
		pane_printf(p, w, n > 0 ? ST_WARN : ST_DIM, " %s%ld B%s ", a,
		    n, a);
}

static const char *
pane_sock_kind(const struct snapshot *s, const struct snap_sock *k)
{
	const char *o = snap_sock_origin(s, k);

	if (strcmp(o, "socketpair") == 0)
		return gloss(GL_SOCKETPAIR);
	return k->name != NULL ? k->name : o;
}

static void
pane_draw_anonfd(struct pane *p, WINDOW *w, const struct snap_anonfd *a)
{
	static const char *const kinds[] = { "eventfd", "signalfd", "pidfd" };
	const struct snap_proc *pr = snap_proc_find(p->snap, a->pid);
	char names[400];

	pane_printf(p, w, ST_TITLE, "%s ", kinds[a->kind]);
	pane_printf(p, w, ST_TEXT, "%s %d fd %d  ", pr ? pr->comm : "?",
	    (int)a->pid, a->fd);
	if (a->kind == SNAP_EVENTFD)
		pane_printf(p, w, a->count ? ST_WARN : ST_TEXT, "%s %llu",
		    tr("count", "计数"), a->count);
	else if (a->kind == SNAP_SIGNALFD)
		pane_printf(p, w, ST_TEXT, "%s %s", gloss(GL_SIGNAL),
		    a->sigmask ? sig_mask_names(a->sigmask, ",", names,
		    sizeof(names)) : "-");
	else
		pane_printf(p, w, ST_TEXT, "%s %d", gloss(GL_PROCESS),
		    (int)a->target);
	if (a->kind != SNAP_PIDFD && a->blocked)
		pane_printf(p, w, ST_WARN, " (%s)", gloss(GL_BLOCKED));
}

void
pane_draw_sock(struct pane *p, WINDOW *w, const struct pline *l)
{
	const struct snapshot *s = p->snap;
	const struct snap_sock *k, *o;

	if ((size_t)l->item >= s->nsocks) {
		pane_draw_anonfd(p, w, &s->anonfds[l->item - s->nsocks]);
		return;
	}
	k = &s->socks[l->item];
	pane_printf(p, w, ST_TITLE, "%s %s ", snap_sock_type_name(k->type),
	    pane_sock_kind(s, k));
	if (k->state == SNAP_SOCK_LISTENING) {
		pane_printf(p, w, ST_TEXT, "%s ", gloss(GL_LISTEN));
		pane_sock_holders(p, w, k);
		pane_printf(p, w, k->inq > 0 ? ST_WARN : ST_TEXT,
		    "  %s %ld/%ld", tr("pending", "待接受"), k->inq, k->outq);
		return;
	}
	pane_sock_holders(p, w, k);
	if (k->state == SNAP_SOCK_CONNECTING) {
		pane_printf(p, w, ST_WARN, "  %s", tr("waits to be accepted",
		    "等待 accept"));
		return;
	}
	if (k->peer == 0) {
		pane_printf(p, w, ST_DIM, "  %s",
		    tr("no peer", "无对端"));
		return;
	}
	o = snap_sock_find(s, k->peer);
	/* what this end sent waits in the peer's queue, and the other way */
	pane_sock_bytes(p, w, o != NULL ? o->inq : -1, 0);
	pane_sock_holders(p, w, o);
	pane_sock_bytes(p, w, k->inq, 1);
}

long
pane_socks_key(const struct pane *p, const struct pline *l)
{
	const struct snapshot *s = p->snap;

	/* a socket's inode; -1 - i for the i-th descriptor */
	return (size_t)l->item < s->nsocks ? (long)s->socks[l->item].inode :
	    -1 - (long)(l->item - (int)s->nsocks);
}

static void
pane_sock_detail_end(struct pane *p, const char *what,
    const struct snap_sock *k)
{
	size_t i;

	pane_dl(p, ST_TITLE, "%s %s %lu  %s %s%s%s", what, gloss(GL_SOCKET),
	    k->inode, snap_sock_type_name(k->type),
	    snap_sock_state_name(k->state), k->name ? "  " : "",
	    k->name ? k->name : "");
	if (k->state == SNAP_SOCK_LISTENING)
		pane_dl(p, ST_TEXT, "  %s %ld  %s %ld",
		    tr("pending connections", "待接受的连接"), k->inq,
		    tr("backlog", "队列上限"), k->outq);
	else if (k->inq >= 0)
		pane_dl(p, ST_TEXT, "  %s %ld B  SIOCOUTQ %ld",
		    tr("waiting to be read here", "在此端等待读取"), k->inq,
		    k->outq);
	for (i = 0; i < k->nholders; i++)
		pane_dl(p, k->holders[i].blocked ? ST_WARN : ST_TEXT,
		    "  %s %d fd %d%s", tr("held by", "持有者"),
		    (int)k->holders[i].pid, k->holders[i].fd,
		    k->holders[i].blocked ? tr("  (blocked)", "  (阻塞)") : "");
	if (k->nholders == 0)
		pane_dl(p, ST_DIM, "  %s", tr("held outside the watched tree",
		    "由观察的进程树之外的进程持有"));
}

void
pane_socks_detail(struct pane *p, long key)
{
	const struct snapshot *s = p->snap;
	const struct snap_sock *k, *o;

	if (key < 0)
		return;
	k = snap_sock_find(s, (unsigned long)key);
	if (k == NULL)
		return;
	pane_sock_detail_end(p, tr("this end:", "本端:"), k);
	o = k->peer ? snap_sock_find(s, k->peer) : NULL;
	if (o != NULL)
		pane_sock_detail_end(p, tr("peer:", "对端:"), o);
}
