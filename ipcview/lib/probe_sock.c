/*
 * probe_sock.c - UNIX domain sockets, eventfds, signalfds and pidfds of the
 * tree. Sockets from one sock_diag(7) dump (peers, queues, listeners'
 * backlogs) or /proc/net/unix; the others from /proc/PID/fdinfo.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

#include "probe_int.h"

/* udiag_state values (the kernel's include/net/tcp_states.h) */
#define SOCK_TCP_ESTABLISHED	1
#define SOCK_TCP_SYN_SENT	2
#define SOCK_TCP_LISTEN		10

/* One socket of the dump: the whole system's, kept for the lookups. */
struct diag_rec {
	unsigned long	ino, peer;
	int		type, state, shutdown;
	long		inq, outq;
	char		*name;		/* "@..." for an abstract one */
	unsigned long	*icons;		/* listening: the waiting clients */
	size_t		nicons;
};

struct diag_tab {
	struct diag_rec	*v;
	size_t		n, cap;
};

int
probe_fd_other(const char *target, unsigned long *ino)
{
	char *end;

	if (strncmp(target, "socket:[", 8) == 0) {
		*ino = strtoul(target + 8, &end, 10);
		return end != target + 8 ? PROBE_FD_SOCK : 0;
	}
	*ino = 0;
	if (target[0] == '/')
		return 0;	/* a path: none of these */
	if (strcmp(target, "anon_inode:[eventfd]") == 0)
		return PROBE_FD_EVENTFD;
	if (strcmp(target, "anon_inode:[signalfd]") == 0)
		return PROBE_FD_SIGNALFD;
	/* pidfs (6.9) keeps the old name for the link */
	if (strcmp(target, "anon_inode:[pidfd]") == 0 ||
	    strncmp(target, "pidfd:", 6) == 0)
		return PROBE_FD_PIDFD;
	return 0;
}

static int
ref_cmp(const void *a, const void *b)
{
	const struct probe_fdref *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind - y->kind;
	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	if (x->proc != y->proc)
		return x->proc < y->proc ? -1 : 1;
	return x->fd - y->fd;
}

static int
rec_cmp(const void *a, const void *b)
{
	const struct diag_rec *x = a, *y = b;

	return (x->ino > y->ino) - (x->ino < y->ino);
}

static const struct diag_rec *
diag_find(const struct diag_tab *t, unsigned long ino)
{
	struct diag_rec key = { .ino = ino };

	if (ino == 0 || t->n == 0)
		return NULL;
	return bsearch(&key, t->v, t->n, sizeof(*t->v), rec_cmp);
}

static void
diag_free(struct diag_tab *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].name);
		free(t->v[i].icons);
	}
	free(t->v);
}

/* A name attribute: a path, or "@" and an abstract name (a NUL first). */
static char *
diag_name(const char *d, size_t len)
{
	char *s;

	if (len == 0)
		return NULL;
	s = malloc(len + 1);
	if (s == NULL)
		return NULL;
	memcpy(s, d, len);
	s[len] = '\0';
	if (s[0] == '\0')
		s[0] = '@';
	else
		s[strnlen(s, len)] = '\0';
	return s;
}

/* One unix_diag_msg and its attributes into r. 0 or -1 (ENOMEM). */
static int
diag_parse(const struct nlmsghdr *h, struct diag_rec *r)
{
	const struct unix_diag_msg *d = NLMSG_DATA(h);
	const struct unix_diag_rqlen *q;
	const struct rtattr *a = (const struct rtattr *)(d + 1);
	int len = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof(*d));

	memset(r, 0, sizeof(*r));
	r->ino = d->udiag_ino;
	r->type = d->udiag_type;
	r->state = d->udiag_state;
	r->inq = r->outq = -1;
	for (; RTA_OK(a, len); a = RTA_NEXT(a, len)) {
		switch (a->rta_type) {
		case UNIX_DIAG_NAME:
			r->name = diag_name(RTA_DATA(a), RTA_PAYLOAD(a));
			if (r->name == NULL)
				return -1;
			break;
		case UNIX_DIAG_PEER:
			r->peer = *(const __u32 *)RTA_DATA(a);
			break;
		case UNIX_DIAG_RQLEN:
			q = RTA_DATA(a);
			r->inq = q->udiag_rqueue;
			r->outq = q->udiag_wqueue;
			break;
		case UNIX_DIAG_SHUTDOWN:
			r->shutdown = *(const __u8 *)RTA_DATA(a);
			break;
		case UNIX_DIAG_ICONS:
			r->nicons = RTA_PAYLOAD(a) / sizeof(__u32);
			r->icons = calloc(r->nicons ? r->nicons : 1,
			    sizeof(*r->icons));
			if (r->icons == NULL)
				return -1;
			for (size_t i = 0; i < r->nicons; i++)
				r->icons[i] = ((const __u32 *)RTA_DATA(a))[i];
			break;
		}
	}
	return 0;
}

/*
 * Every UNIX socket of our network namespace, from one NETLINK_SOCK_DIAG
 * dump (what ss -x does): no descriptor of the sockets is taken, so no
 * holder's close, EOF or EPIPE waits for the probe. 0, or -1 (no
 * sock_diag: the caller falls back to /proc/net/unix).
 */
static int
diag_dump(struct diag_tab *t)
{
	struct {
		struct nlmsghdr		h;
		struct unix_diag_req	r;
	} req = { 0 };
	static char buf[32768];
	struct nlmsghdr *h;
	ssize_t n;
	int fd, done = 0, r = -1;

	fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0)
		return -1;
	req.h.nlmsg_len = sizeof(req);
	req.h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.r.sdiag_family = AF_UNIX;
	req.r.udiag_states = ~0U;
	req.r.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER |
	    UDIAG_SHOW_ICONS | UDIAG_SHOW_RQLEN;
	if (send(fd, &req, sizeof(req), 0) < 0)
		goto out;
	while (!done) {
		n = recv(fd, buf, sizeof(buf), 0);
		if (n <= 0)
			goto out;
		for (h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n);
		    h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_DONE) {
				done = 1;
				break;
			}
			if (h->nlmsg_type == NLMSG_ERROR)
				goto out;
			if (probe_grow(&t->v, &t->cap, t->n,
			    sizeof(*t->v)) < 0)
				goto out;
			if (diag_parse(h, &t->v[t->n]) < 0) {
				free(t->v[t->n].name);
				goto out;
			}
			t->n++;
		}
	}
	r = 0;
out:
	close(fd);
	if (t->n > 1)
		qsort(t->v, t->n, sizeof(*t->v), rec_cmp);
	return r;
}

/*
 * The fallback: /proc/net/unix (proc(5)) gives type, state and path of
 * each socket, neither peer nor queues. Read relative to the procfs root
 * (a fixture tree holds net/unix too).
 */
static int
unix_table(const struct probe_ctx *c, struct diag_tab *t)
{
	char line[512], path[256];
	unsigned type, st;
	unsigned long ino, flags;
	struct diag_rec *r;
	FILE *f;
	int fd, k;

	fd = openat(c->procfd, "net/unix", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || (f = fdopen(fd, "r")) == NULL) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		path[0] = '\0';
		k = sscanf(line, "%*s %*s %*s %lx %x %x %lu %255s", &flags,
		    &type, &st, &ino, path);
		if (k < 4 || probe_grow(&t->v, &t->cap, t->n,
		    sizeof(*t->v)) < 0)
			continue;
		r = &t->v[t->n++];
		memset(r, 0, sizeof(*r));
		r->ino = ino;
		r->type = (int)type;
		/* St: 1 unconnected, 3 connected; __SO_ACCEPTCON: listening */
		r->state = (flags & 0x10000) ? SOCK_TCP_LISTEN :
		    st == 3 ? SOCK_TCP_ESTABLISHED : 7;
		r->inq = r->outq = -1;
		if (k == 5 && path[0] != '\0')
			r->name = strdup(path);
	}
	fclose(f);
	if (t->n > 1)
		qsort(t->v, t->n, sizeof(*t->v), rec_cmp);
	return 0;
}

/* The listener whose accept queue holds ino, or NULL. */
static const struct diag_rec *
diag_listener(const struct diag_tab *t, unsigned long ino)
{
	size_t i, k;

	for (i = 0; i < t->n; i++)
		for (k = 0; k < t->v[i].nicons; k++)
			if (t->v[i].icons[k] == ino)
				return &t->v[i];
	return NULL;
}

static int
sock_push(struct probe_ctx *c, size_t *cap, unsigned long ino)
{
	struct snapshot *s = c->s;
	struct snap_sock *k;

	if (probe_grow(&s->socks, cap, s->nsocks, sizeof(*s->socks)) < 0)
		return -1;
	k = &s->socks[s->nsocks++];
	memset(k, 0, sizeof(*k));
	k->inode = ino;
	k->inq = k->outq = -1;
	return 0;
}

/* Is procs[i] blocked on its descriptor fd, reading or writing a socket? */
static int
sock_blocked(const struct probe_ctx *c, size_t i, int fd)
{
	const struct snap_proc *p = &c->s->procs[i];

	if (strcmp(p->wchan, "socket read") != 0 &&
	    strcmp(p->wchan, "socket write") != 0)
		return 0;
	return p->wait_arg < 0 || p->wait_arg == fd;
}

/* The sockets of v[0..n) (sorted by inode), one entry each. */
static int
sock_from_refs(struct probe_ctx *c, const struct probe_fdref *v, size_t n,
    size_t *cap)
{
	struct snap_sock *k = NULL;
	struct snap_end *e;
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i].kind != PROBE_FD_SOCK)
			continue;
		if (k == NULL || k->inode != v[i].ino) {
			if (sock_push(c, cap, v[i].ino) < 0)
				return -1;
			k = &c->s->socks[c->s->nsocks - 1];
		}
		e = realloc(k->holders, (k->nholders + 1) * sizeof(*e));
		if (e == NULL)
			return -1;
		k->holders = e;
		e[k->nholders++] = (struct snap_end){
		    c->s->procs[v[i].proc].pid, v[i].fd,
		    sock_blocked(c, v[i].proc, v[i].fd) };
	}
	return 0;
}

static int
sock_cmp(const void *a, const void *b)
{
	const struct snap_sock *x = a, *y = b;

	return (x->inode > y->inode) - (x->inode < y->inode);
}

static int
sock_held(const struct snapshot *s, unsigned long ino)
{
	size_t i;

	for (i = 0; i < s->nsocks; i++)
		if (s->socks[i].inode == ino)
			return 1;
	return 0;
}

/*
 * The ends the tree's sockets talk to but do not hold (a peer held
 * outside, a listener a client waits in, the clients waiting in a
 * listener): listed too, without holders, so both directions show.
 */
static int
sock_add_far(struct probe_ctx *c, const struct diag_tab *t, size_t *cap)
{
	const struct diag_rec *r, *l;
	size_t i, k, n = c->s->nsocks;

	for (i = 0; i < n; i++) {
		r = diag_find(t, c->s->socks[i].inode);
		if (r == NULL)
			continue;
		if (r->peer != 0 && diag_find(t, r->peer) != NULL &&
		    !sock_held(c->s, r->peer) && sock_push(c, cap, r->peer) < 0)
			return -1;
		if (r->state == SOCK_TCP_ESTABLISHED && r->peer == 0 &&
		    (l = diag_listener(t, r->ino)) != NULL &&
		    !sock_held(c->s, l->ino) && sock_push(c, cap, l->ino) < 0)
			return -1;
		for (k = 0; k < r->nicons; k++)
			if (diag_find(t, r->icons[k]) != NULL &&
			    !sock_held(c->s, r->icons[k]) &&
			    sock_push(c, cap, r->icons[k]) < 0)
				return -1;
	}
	return 0;
}

/* What the table says of k. 0 or -1 (ENOMEM). */
static int
sock_fill(const struct diag_tab *t, struct snap_sock *k, int diag)
{
	const struct diag_rec *r = diag_find(t, k->inode), *l;
	size_t i;

	if (r == NULL)
		return 0;
	k->type = r->type;
	k->diag = diag;
	k->peer = r->peer;
	k->shutdown = r->shutdown;
	k->inq = r->inq;
	k->outq = r->outq;
	if (r->name != NULL) {
		k->name = strdup(r->name);
		if (k->name == NULL)
			return -1;
		k->abstract = r->name[0] == '@';
	}
	if (r->state == SOCK_TCP_LISTEN)
		k->state = SNAP_SOCK_LISTENING;
	else if (r->state == SOCK_TCP_ESTABLISHED && r->peer != 0)
		k->state = SNAP_SOCK_CONNECTED;
	else if ((r->state == SOCK_TCP_ESTABLISHED ||
	    r->state == SOCK_TCP_SYN_SENT) && diag &&
	    (l = diag_listener(t, r->ino)) != NULL) {
		k->state = SNAP_SOCK_CONNECTING;
		k->listener = l->ino;
	} else if (r->state == SOCK_TCP_ESTABLISHED && !diag) {
		k->state = SNAP_SOCK_CONNECTED;	/* peer unknown */
	}
	if (r->nicons == 0)
		return 0;
	k->pending = calloc(r->nicons, sizeof(*k->pending));
	if (k->pending == NULL)
		return -1;
	for (i = 0; i < r->nicons; i++)
		k->pending[i] = r->icons[i];
	k->npending = r->nicons;
	return 0;
}

static int
probe_sockets(struct probe_ctx *c, const struct probe_fdref *v, size_t n)
{
	struct diag_tab t = { 0 };
	size_t i, cap = 0;
	int diag = 0, r;

	if (sock_from_refs(c, v, n, &cap) < 0)
		return -1;
	if (c->s->nsocks == 0)
		return 0;
	if (c->live && diag_dump(&t) == 0) {
		diag = 1;
	} else {
		diag_free(&t);
		memset(&t, 0, sizeof(t));
		unix_table(c, &t);
	}
	r = diag ? sock_add_far(c, &t, &cap) : 0;
	for (i = 0; i < c->s->nsocks && r == 0; i++)
		r = sock_fill(&t, &c->s->socks[i], diag);
	if (c->s->nsocks > 1)
		qsort(c->s->socks, c->s->nsocks, sizeof(*c->s->socks),
		    sock_cmp);
	diag_free(&t);
	return r;
}

/* A "key: value" of an fdinfo text, or NULL. */
static const char *
fdinfo_field(const char *buf, const char *key)
{
	const char *f = strstr(buf, key);

	return f != NULL ? f + strlen(key) : NULL;
}

/* One eventfd, signalfd or pidfd from /proc/PID/fdinfo/FD. */
static int
anon_read(struct probe_ctx *c, const struct probe_fdref *r,
    struct snap_anonfd *a)
{
	const struct snap_proc *p = &c->s->procs[r->proc];
	char path[96], buf[1024];
	const char *f;
	unsigned long long v;

	snprintf(path, sizeof(path), "%d/fdinfo/%d", (int)p->pid, r->fd);
	if (probe_read(c, path, buf, sizeof(buf)) <= 0)
		return -1;
	memset(a, 0, sizeof(*a));
	a->pid = p->pid;
	a->fd = r->fd;
	a->id = -1;
	a->semaphore = -1;
	switch (r->kind) {
	case PROBE_FD_EVENTFD:
		a->kind = SNAP_EVENTFD;
		/* fs/eventfd.c prints the counter in hex */
		if ((f = fdinfo_field(buf, "eventfd-count:")) == NULL ||
		    sscanf(f, "%llx", &a->count) != 1)
			return -1;
		if ((f = fdinfo_field(buf, "eventfd-id:")) != NULL)
			a->id = strtol(f, NULL, 10);
		if ((f = fdinfo_field(buf, "eventfd-semaphore:")) != NULL)
			a->semaphore = (int)strtol(f, NULL, 10);
		a->blocked = strcmp(p->wchan, "eventfd read") == 0 &&
		    (p->wait_arg < 0 || p->wait_arg == r->fd);
		return 0;
	case PROBE_FD_SIGNALFD:
		a->kind = SNAP_SIGNALFD;
		if ((f = fdinfo_field(buf, "sigmask:")) == NULL ||
		    sscanf(f, "%llx", &v) != 1)
			return -1;
		a->sigmask = v;
		a->blocked = strcmp(p->wchan, "signalfd read") == 0 &&
		    (p->wait_arg < 0 || p->wait_arg == r->fd);
		return 0;
	default:
		a->kind = SNAP_PIDFD;
		if ((f = fdinfo_field(buf, "\nPid:")) != NULL)
			a->target = (pid_t)strtol(f, NULL, 10);
		return 0;
	}
}

int
probe_socks(struct probe_ctx *c, struct probe_fdref *v, size_t n)
{
	struct snapshot *s = c->s;
	size_t i, cap = 0;

	qsort(v, n, sizeof(*v), ref_cmp);
	if (probe_sockets(c, v, n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (v[i].kind == PROBE_FD_SOCK)
			continue;
		if (probe_grow(&s->anonfds, &cap, s->nanonfds,
		    sizeof(*s->anonfds)) < 0)
			return -1;
		if (anon_read(c, &v[i], &s->anonfds[s->nanonfds]) == 0)
			s->nanonfds++;
	}
	return 0;
}
