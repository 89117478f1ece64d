/*
 * render_json.c - a snapshot or an event as JSON (keys as in ipcview(1)).
 * Reads only the snapshot.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "sigtab.h"

struct jw {
	FILE		*f;
	int		pretty;
	int		depth;
	int		first;		/* nothing written yet at this level */
};

static void
jw_indent(struct jw *w)
{
	int i;

	if (!w->pretty)
		return;
	putc_unlocked('\n', w->f);
	for (i = 0; i < w->depth; i++)
		fputs_unlocked("  ", w->f);
}

/* Starts a value: a comma unless first, then "key": when key is given. */
static void
jw_key(struct jw *w, const char *key)
{
	if (!w->first)
		putc_unlocked(',', w->f);
	w->first = 0;
	jw_indent(w);
	if (key == NULL)
		return;
	/* keys are ours, plain words: fputs_unlocked(3), not a format to parse */
	putc_unlocked('"', w->f);
	fputs_unlocked(key, w->f);
	fputs_unlocked(w->pretty ? "\": " : "\":", w->f);
}

static void
jw_open(struct jw *w, const char *key, int c)
{
	jw_key(w, key);
	putc_unlocked(c, w->f);
	w->depth++;
	w->first = 1;
}

static void
jw_close(struct jw *w, int c)
{
	w->depth--;
	if (!w->first)
		jw_indent(w);
	putc_unlocked(c, w->f);
	w->first = 0;
}

static void
jw_long(struct jw *w, const char *key, long v)
{
	jw_key(w, key);
	render_dec(w->f, v < 0 ? 0UL - (unsigned long)v : (unsigned long)v,
	    v < 0);
}

static void
jw_ulong(struct jw *w, const char *key, unsigned long v)
{
	jw_key(w, key);
	render_dec(w->f, v, 0);
}

static void
jw_bool(struct jw *w, const char *key, int v)
{
	jw_key(w, key);
	fputs_unlocked(v ? "true" : "false", w->f);
}

static void
jw_null(struct jw *w, const char *key)
{
	jw_key(w, key);
	fputs_unlocked("null", w->f);
}

/* A number that may be unknown (-1): null then. */
static void
jw_maybe(struct jw *w, const char *key, long v)
{
	if (v < 0)
		jw_null(w, key);
	else
		jw_long(w, key, v);
}

static void
jw_strn(struct jw *w, const char *key, const char *s, size_t len)
{
	jw_key(w, key);
	putc_unlocked('"', w->f);
	render_json_string(w->f, s, len);
	putc_unlocked('"', w->f);
}

static void
jw_str(struct jw *w, const char *key, const char *s)
{
	if (s == NULL)
		jw_null(w, key);
	else
		jw_strn(w, key, s, strlen(s));
}

/* Bytes as "text" when they read as text, else as "hex". */
static void
jw_bytes(struct jw *w, const unsigned char *data, size_t len)
{
	ssize_t t = render_text_len(data, len);
	size_t i;

	if (t >= 0) {
		jw_strn(w, "text", (const char *)data, (size_t)t);
		return;
	}
	jw_key(w, "hex");
	putc_unlocked('"', w->f);
	for (i = 0; i < len; i++)
		fprintf(w->f, "%02x", data[i]);
	putc_unlocked('"', w->f);
}

static void
jw_sigset(struct jw *w, const char *key, uint64_t mask)
{
	const char *name;
	int n;

	jw_open(w, key, '[');
	/* the set bits only, lowest first: signal n is bit n - 1 */
	for (; mask != 0; mask &= mask - 1) {
		n = __builtin_ctzll(mask) + 1;
		jw_key(w, NULL);
		if ((name = sig_name(n)) != NULL) {
			putc_unlocked('"', w->f);
			fputs_unlocked(name, w->f);
			putc_unlocked('"', w->f);
		} else {
			fprintf(w->f, "\"%d\"", n);
		}
	}
	jw_close(w, ']');
}

/* A process (e: its struct snap_proc). */
static void
jw_proc(struct jw *w, const void *e)
{
	const struct snap_proc *p = e;
	int i;

	jw_open(w, NULL, '{');
	jw_long(w, "pid", p->pid);
	jw_long(w, "ppid", p->ppid);
	jw_long(w, "pgid", p->pgid);
	jw_long(w, "sid", p->sid);
	jw_strn(w, "state", &p->state, 1);
	jw_str(w, "wchan", p->wchan);
	jw_str(w, "wchan_raw", p->wchan_raw);
	jw_str(w, "comm", p->comm);
	jw_open(w, "argv", '[');
	for (i = 0; i < p->argc; i++)
		jw_str(w, NULL, p->argv[i]);
	jw_close(w, ']');
	jw_open(w, "signals", '{');
	jw_sigset(w, "pending", snap_proc_pending(p));
	jw_sigset(w, "blocked", p->sigblk);
	jw_sigset(w, "ignored", p->sigign);
	jw_sigset(w, "caught", p->sigcgt);
	jw_close(w, '}');
	/* which of the two pending sets: tgkill(2) vs kill(2) */
	jw_sigset(w, "pending_thread", p->sigpnd);
	jw_sigset(w, "pending_process", p->shdpnd);
	jw_long(w, "depth", p->depth);
	jw_long(w, "uid", (long)p->uid);
	jw_long(w, "tpgid", p->tpgid);
	if (p->fifo_wait != NULL) {
		jw_open(w, "fifo_wait", '{');
		jw_str(w, "path", p->fifo_wait);
		jw_str(w, "mode", p->fifo_wait_mode == 0 ? "read" :
		    p->fifo_wait_mode == 1 ? "write" : "read-write");
		jw_close(w, '}');
	} else {
		jw_null(w, "fifo_wait");
	}
	jw_close(w, '}');
}

/* A list of pids: the processes that attach or map an object. */
static void
jw_pids(struct jw *w, const char *key, const pid_t *v, size_t n)
{
	size_t i;

	jw_open(w, key, '[');
	for (i = 0; i < n; i++)
		jw_long(w, NULL, v[i]);
	jw_close(w, ']');
}

/* Ends as [{pid, fd}...]. */
static void
jw_ends(struct jw *w, const char *key, const struct snap_end *e, size_t n)
{
	size_t i;

	jw_open(w, key, '[');
	for (i = 0; i < n; i++) {
		jw_open(w, NULL, '{');
		jw_long(w, "pid", e[i].pid);
		jw_long(w, "fd", e[i].fd);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

/* The pids of the ends that are blocked (all of them: only_blocked 0). */
static void
jw_end_pids(struct jw *w, const char *key, const struct snap_end *e,
    size_t n, int only_blocked)
{
	size_t i;

	jw_open(w, key, '[');
	for (i = 0; i < n; i++)
		if (!only_blocked || e[i].blocked)
			jw_long(w, NULL, e[i].pid);
	jw_close(w, ']');
}

/* A pipe or FIFO (e: its struct snap_pipe). */
static void
jw_pipe(struct jw *w, const void *e)
{
	const struct snap_pipe *p = e;

	jw_open(w, NULL, '{');
	jw_ulong(w, "inode", p->inode);
	jw_str(w, "kind", p->kind == SNAP_FIFO ? "fifo" : "pipe");
	jw_str(w, "path", p->path);
	jw_maybe(w, "fill", p->fill);
	jw_maybe(w, "capacity", p->capacity);
	jw_bool(w, "full", p->full);
	jw_ends(w, "writers", p->writers, p->nwriters);
	jw_ends(w, "readers", p->readers, p->nreaders);
	jw_end_pids(w, "blocked_writers", p->writers, p->nwriters, 1);
	jw_end_pids(w, "blocked_readers", p->readers, p->nreaders, 1);
	jw_end_pids(w, "opening_readers", p->open_readers, p->nopen_readers,
	    0);
	jw_end_pids(w, "opening_writers", p->open_writers, p->nopen_writers,
	    0);
	jw_close(w, '}');
}

/* The holders of socket inode ino (none when outside the tree). */
static void
jw_sock_holders(struct jw *w, const char *key, const struct snapshot *s,
    unsigned long ino)
{
	const struct snap_sock *k = ino != 0 ? snap_sock_find(s, ino) : NULL;

	if (k != NULL)
		jw_ends(w, key, k->holders, k->nholders);
	else
		jw_ends(w, key, NULL, 0);
}

static void
jw_sock(struct jw *w, const struct snapshot *s, const struct snap_sock *k)
{
	const struct snap_sock *peer = k->peer ? snap_sock_find(s, k->peer) :
	    NULL;
	int listening = k->state == SNAP_SOCK_LISTENING;
	size_t i;

	jw_open(w, NULL, '{');
	jw_ulong(w, "inode", k->inode);
	jw_str(w, "type", snap_sock_type_name(k->type));
	jw_str(w, "state", snap_sock_state_name(k->state));
	jw_str(w, "origin", snap_sock_origin(s, k));
	jw_str(w, "name", k->name);
	jw_bool(w, "abstract", k->abstract);
	if (k->peer != 0)
		jw_ulong(w, "peer", k->peer);
	else
		jw_null(w, "peer");
	jw_ends(w, "holders", k->holders, k->nholders);
	jw_sock_holders(w, "peer_holders", s, k->peer);
	jw_end_pids(w, "blocked", k->holders, k->nholders, 1);
	jw_maybe(w, "inq", listening ? -1 : k->inq);
	jw_maybe(w, "outq", listening || peer == NULL ? -1 : peer->inq);
	jw_maybe(w, "sndmem", listening ? -1 : k->outq);
	jw_maybe(w, "backlog", listening ? k->inq : -1);
	jw_maybe(w, "backlog_max", listening ? k->outq : -1);
	jw_open(w, "pending", '[');
	for (i = 0; i < k->npending; i++)
		jw_ulong(w, NULL, k->pending[i]);
	jw_close(w, ']');
	if (k->listener != 0)
		jw_ulong(w, "listener", k->listener);
	else
		jw_null(w, "listener");
	jw_bool(w, "shut_rd", k->shutdown & 1);
	jw_bool(w, "shut_wr", k->shutdown & 2);
	jw_close(w, '}');
}

/* One kind of eventfd, signalfd, pidfd descriptors as an array. */
static void
jw_anonfds(struct jw *w, const char *key, const struct snapshot *s,
    enum snap_anon_kind kind)
{
	const struct snap_anonfd *a;
	size_t i;

	jw_open(w, key, '[');
	for (i = 0; i < s->nanonfds; i++) {
		a = &s->anonfds[i];
		if (a->kind != kind)
			continue;
		jw_open(w, NULL, '{');
		jw_long(w, "pid", a->pid);
		jw_long(w, "fd", a->fd);
		if (kind == SNAP_EVENTFD) {
			jw_key(w, "count");
			fprintf(w->f, "%llu", a->count);
			jw_maybe(w, "id", a->id);
			if (a->semaphore >= 0)
				jw_bool(w, "semaphore", a->semaphore);
			else
				jw_null(w, "semaphore");
			jw_bool(w, "blocked", a->blocked);
		} else if (kind == SNAP_SIGNALFD) {
			jw_sigset(w, "sigmask", a->sigmask);
			jw_bool(w, "blocked", a->blocked);
		} else {
			jw_long(w, "target", a->target);
		}
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

/* owner, uid, gid, mode of an object (System V's perm, a POSIX file's stat). */
static void
jw_owner(struct jw *w, unsigned mode, uid_t uid, gid_t gid)
{
	struct passwd *pw = getpwuid(uid);
	char buf[32];

	if (pw != NULL) {
		jw_str(w, "owner", pw->pw_name);
	} else {
		snprintf(buf, sizeof(buf), "%u", (unsigned)uid);
		jw_str(w, "owner", buf);
	}
	jw_long(w, "uid", (long)uid);
	jw_long(w, "gid", (long)gid);
	snprintf(buf, sizeof(buf), "%04o", mode & 0777);
	jw_str(w, "mode", buf);
}

/* key, id, owner, mode: what every System V object starts with. */
static void
jw_perm(struct jw *w, int id, const struct sysv_perm *perm)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "0x%08x", (unsigned)perm->key);
	jw_str(w, "key", buf);
	jw_long(w, "id", id);
	jw_owner(w, perm->mode, perm->uid, perm->gid);
}

/*
 * Opens a System V object of kind k (its struct sysv_msq, _shm or _sem,
 * which begin alike: id, then perm): key, id, owner, mode, then the
 * kind's fields (sysv_kinds) by their names.
 */
static void
jw_sysv_open(struct jw *w, enum sysv_kind k, const void *obj)
{
	const struct sysv_msq *head = obj;
	const struct sysv_field *f = sysv_kinds[k].fields;
	const void *p;
	size_t i;

	jw_open(w, NULL, '{');
	jw_perm(w, head->id, &head->perm);
	for (i = 0; i < sysv_kinds[k].nfields; i++) {
		p = (const char *)obj + f[i].to;
		switch (f[i].type) {
		case 't':
			jw_long(w, f[i].name, (long)*(const time_t *)p);
			break;
		case 'p':
			jw_long(w, f[i].name, *(const pid_t *)p);
			break;
		case 'z':
			jw_ulong(w, f[i].name, *(const size_t *)p);
			break;
		default:
			jw_ulong(w, f[i].name, *(const unsigned long *)p);
			break;
		}
	}
}

/* What the probe could do with an object: related to the tree, readable. */
static void
jw_sysv_flags(struct jw *w, int related, int readable)
{
	jw_bool(w, "related", related);
	jw_bool(w, "readable", readable);
}

/* A message queue (e: its struct snap_queue). */
static void
jw_queue(struct jw *w, const void *e)
{
	const struct snap_queue *q = e;
	size_t i;

	jw_sysv_flags(w, q->related, q->readable);
	jw_bool(w, "changed", q->changed);
	jw_open(w, "messages", '[');
	for (i = 0; i < q->nmsgs; i++) {
		jw_open(w, NULL, '{');
		jw_long(w, "type", q->msgs[i].type);
		jw_ulong(w, "size", q->msgs[i].size);
		jw_bytes(w, q->msgs[i].data, q->msgs[i].size);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_close(w, '}');
}

/* A segment (e: its struct snap_shm). */
static void
jw_shm(struct jw *w, const void *e)
{
	const struct snap_shm *s = e;

	jw_pids(w, "attached", s->attached, s->nattached);
	jw_sysv_flags(w, s->related, s->readable);
	if (s->readable)
		jw_bytes(w, s->preview, s->npreview);
	jw_close(w, '}');
}

/* A semaphore set (e: its struct snap_sem). */
static void
jw_sem(struct jw *w, const void *e)
{
	const struct snap_sem *s = e;
	size_t i;

	jw_sysv_flags(w, s->related, s->readable);
	jw_open(w, "values", '[');
	for (i = 0; s->readable && i < s->info.nsems; i++)
		jw_long(w, NULL, s->members[i].val);
	jw_close(w, ']');
	jw_open(w, "members", '[');
	for (i = 0; s->readable && i < s->info.nsems; i++) {
		jw_open(w, NULL, '{');
		jw_long(w, "value", s->members[i].val);
		jw_long(w, "pid", s->members[i].pid);
		jw_long(w, "ncnt", s->members[i].ncnt);
		jw_long(w, "zcnt", s->members[i].zcnt);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_close(w, '}');
}

/*
 * What writes the rest of an entry of each kind (struct snap_queue,
 * snap_shm, snap_sem) after jw_sysv_open, and closes it.
 */
static void (*const jw_sysv[SYSV_NKINDS])(struct jw *, const void *) = {
	[SYSV_MSG] = jw_queue, [SYSV_SHM] = jw_shm, [SYSV_SEM] = jw_sem,
};

/* Descriptors of a POSIX object: [{pid, fd, mode, nonblock[, blocked]}]. */
static void
jw_pmq_ends(struct jw *w, const struct snap_pmq_end *e, size_t n, int mq)
{
	static const char *const modes[] = { "read", "write", "read-write" };
	size_t i;

	jw_open(w, "holders", '[');
	for (i = 0; i < n; i++) {
		jw_open(w, NULL, '{');
		jw_long(w, "pid", e[i].pid);
		jw_long(w, "fd", e[i].fd);
		jw_str(w, "mode", e[i].mode >= 0 && e[i].mode <= 2 ?
		    modes[e[i].mode] : "?");
		jw_bool(w, "nonblock", e[i].nonblock);
		if (mq && e[i].blocked != SNAP_PMQ_NONE)
			jw_str(w, "blocked", e[i].blocked == SNAP_PMQ_RECV ?
			    "mq_receive" : "mq_send");
		else if (mq)
			jw_null(w, "blocked");
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void
jw_pmq_waiters(struct jw *w, const char *key, const struct snap_pmq *q,
    enum snap_pmq_wait how)
{
	size_t i;

	jw_open(w, key, '[');
	for (i = 0; i < q->nholders; i++)
		if (q->holders[i].blocked == how)
			jw_long(w, NULL, q->holders[i].pid);
	jw_close(w, ']');
}

/* Opens a POSIX queue or shm object: its name and inode. */
static void
jw_posix_open(struct jw *w, const char *name, unsigned long inode)
{
	jw_open(w, NULL, '{');
	jw_str(w, "name", name);
	jw_ulong(w, "inode", inode);
}

/* A POSIX queue (e: its struct snap_pmq). */
static void
jw_pmq(struct jw *w, const void *e)
{
	const struct snap_pmq *q = e;

	jw_posix_open(w, q->name, q->inode);
	jw_owner(w, q->mode, q->uid, q->gid);
	jw_maybe(w, "curmsgs", q->curmsgs);
	jw_maybe(w, "maxmsg", q->maxmsg);
	jw_maybe(w, "msgsize", q->msgsize);
	jw_maybe(w, "qsize", q->qsize);
	jw_bool(w, "related", q->related);
	jw_bool(w, "unlinked", q->unlinked);
	jw_pmq_ends(w, q->holders, q->nholders, 1);
	jw_pmq_waiters(w, "blocked_receivers", q, SNAP_PMQ_RECV);
	jw_pmq_waiters(w, "blocked_senders", q, SNAP_PMQ_SEND);
	jw_close(w, '}');
}

/* A POSIX shm object (e: its struct snap_pshm). */
static void
jw_pshm(struct jw *w, const void *e)
{
	const struct snap_pshm *m = e;

	jw_posix_open(w, m->name, m->inode);
	jw_maybe(w, "size", m->size);
	jw_owner(w, m->mode, m->uid, m->gid);
	jw_bool(w, "related", m->related);
	jw_bool(w, "unlinked", m->unlinked);
	jw_pids(w, "mappers", m->mappers, m->nmappers);
	jw_pmq_ends(w, m->holders, m->nholders, 0);
	jw_bool(w, "readable", m->readable);
	if (m->readable)
		jw_bytes(w, m->preview, m->npreview);
	jw_close(w, '}');
}

/* The array key of the n elements of v, of size bytes: one writes each. */
static void
jw_array(struct jw *w, const char *key, const void *v, size_t n,
    size_t size, void (*one)(struct jw *, const void *))
{
	size_t i;

	jw_open(w, key, '[');
	for (i = 0; i < n; i++)
		one(w, (const char *)v + i * size);
	jw_close(w, ']');
}

int
render_json(FILE *out, const struct snapshot *s, unsigned flags)
{
	static const char *const keys[SYSV_NKINDS] = {
		[SYSV_MSG] = "queues", [SYSV_SHM] = "shm", [SYSV_SEM] = "sems",
	};
	struct jw w = { out, !!(flags & RENDER_PRETTY), 0, 1 };
	enum sysv_kind k;
	const void *e;
	size_t i;

	/* one lock for the whole: the jw_ writers use the _unlocked calls */
	flockfile(out);
	jw_open(&w, NULL, '{');
	jw_long(&w, "root", s->root);
	jw_long(&w, "time", (long)s->taken.tv_sec);
	jw_array(&w, "processes", s->procs, s->nprocs, sizeof(*s->procs),
	    jw_proc);
	jw_array(&w, "pipes", s->pipes, s->npipes, sizeof(*s->pipes), jw_pipe);
	for (k = 0; k < SYSV_NKINDS; k++) {
		jw_open(&w, keys[k], '[');
		for (i = 0; i < snap_sysv_count(s, k); i++) {
			e = snap_sysv_info(s, k, i, NULL);
			jw_sysv_open(&w, k, e);
			jw_sysv[k](&w, e);
		}
		jw_close(&w, ']');
	}
	jw_open(&w, "sockets", '[');
	for (i = 0; i < s->nsocks; i++)
		jw_sock(&w, s, &s->socks[i]);
	jw_close(&w, ']');
	jw_anonfds(&w, "eventfds", s, SNAP_EVENTFD);
	jw_anonfds(&w, "signalfds", s, SNAP_SIGNALFD);
	jw_anonfds(&w, "pidfds", s, SNAP_PIDFD);
	jw_array(&w, "posix_queues", s->pmqs, s->npmqs, sizeof(*s->pmqs),
	    jw_pmq);
	jw_array(&w, "posix_shm", s->pshms, s->npshms, sizeof(*s->pshms),
	    jw_pshm);
	jw_close(&w, '}');
	putc_unlocked('\n', out);
	return render_unlock(out);
}

int
render_event_json(FILE *out, const struct snap_event *e,
    const struct timespec *when)
{
	struct jw w = { out, 0, 0, 1 };

	flockfile(out);
	jw_open(&w, NULL, '{');
	jw_key(&w, "time");
	fprintf(out, "%ld.%03ld", (long)when->tv_sec, when->tv_nsec / 1000000);
	jw_str(&w, "event", snap_event_name(e->kind));
	if (e->pid > 0)
		jw_long(&w, "pid", e->pid);
	if (e->inode != 0)
		jw_ulong(&w, "inode", e->inode);
	if (e->kind >= EV_QUEUE_CREATED)
		jw_long(&w, "id", e->id);
	if (e->sig > 0)
		jw_str(&w, "signal", sig_name(e->sig));
	if (e->kind == EV_QUEUE_MSG_ADDED || e->kind == EV_QUEUE_MSG_REMOVED) {
		jw_long(&w, "type", e->type);
		jw_long(&w, "count", e->count);
	}
	if (e->kind == EV_SEM_CHANGED) {
		jw_long(&w, "num", e->num);
		jw_long(&w, "value", e->count);
	}
	jw_str(&w, "text", snap_event_text(e));
	jw_str(&w, "en", e->en);
	jw_str(&w, "zh", e->zh);
	jw_close(&w, '}');
	putc_unlocked('\n', out);
	return render_unlock(out);
}
