/*
 * probe_pipe.c - pipes and FIFOs of the tree: ends, fill, blocked ones.
 * Ends from /proc/PID/fd and fdinfo (proc(5)); fill from FIONREAD and
 * F_GETPIPE_SZ on a pidfd_getfd(2) copy. Its scan, one per process and
 * snapshot, is the only one: it hands sockets, eventfds, signalfds and
 * pidfds to probe_sock.c, POSIX queues and shm objects to probe_posix.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "probe_int.h"

/* One descriptor (or a blocked FIFO open: fd -1) found in the scan. */
struct fd_ent {
	dev_t		dev;		/* 0 for pipefs (anonymous pipes) */
	unsigned long	ino;
	enum snap_pipe_kind kind;
	const char	*path;		/* points into the process or the link buffer copy */
	char		*own;		/* malloc'd path this entry owns */
	size_t		proc;		/* index in procs[] */
	int		fd;
	int		mode;		/* O_RDONLY, O_WRONLY, O_RDWR */
	int		nonblock;	/* queues and shm objects: O_NONBLOCK */
};

struct fd_list {
	struct fd_ent	*v;
	size_t		n, cap;
};

static int
fd_ent_cmp(const void *a, const void *b)
{
	const struct fd_ent *x = a, *y = b;

	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	if (x->proc != y->proc)
		return x->proc < y->proc ? -1 : 1;
	return (x->fd > y->fd) - (x->fd < y->fd);
}

/* "flags:" of /proc/PID/fdinfo/N (octal), or -1. */
static long
fd_fdinfo_flags(const struct probe_ctx *c, pid_t pid, const char *fd)
{
	char path[96], buf[512], *f;
	unsigned long flags;

	probe_pid_path(path, sizeof(path), pid, "/fdinfo/", fd);
	if (probe_read(c, path, buf, sizeof(buf)) <= 0)
		return -1;
	f = strstr(buf, "flags:");
	if (f == NULL || sscanf(f + 6, "%lo", &flags) != 1)
		return -1;
	return (long)flags;
}

/*
 * The access mode of /proc/PID/fd/N: the link's own permission bits say
 * it (proc(5): r-x read, -wx write, rwx both), one lstat(2) where reading
 * fdinfo's "flags:" would take three calls. fdinfo is the fallback, and
 * what a fixture tree (whose links are plain symlinks) gives.
 */
static int
fd_mode(const struct probe_ctx *c, int dirfd, pid_t pid, const char *fd)
{
	struct stat st;
	long flags;

	if (c->live && fstatat(dirfd, fd, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode) && (st.st_mode & 0600) != 0)
		return (st.st_mode & 0600) == 0600 ? O_RDWR :
		    (st.st_mode & 0400) ? O_RDONLY : O_WRONLY;
	flags = fd_fdinfo_flags(c, pid, fd);
	return flags < 0 ? -1 : (int)(flags & O_ACCMODE);
}

/*
 * What the target of /proc/PID/fd/N is: stat(2) through the link (a path
 * walk, not an open; the link's name is formatted only then), and for a
 * file that is no FIFO, whether it is a POSIX queue or shm object;
 * remembered by target path for the rest of the snapshot since most
 * descriptors point at the same few files.
 * Returns the entry, or NULL (ENOMEM, or the target is gone).
 */
static const struct probe_path *
fd_target(struct probe_ctx *c, pid_t pid, const char *fd, const char *target)
{
	struct probe_path *pp;
	char link[96];
	struct stat st;
	size_t i, n;

	for (i = 0; i < c->npaths; i++)
		if (c->paths[i].shared && strcmp(c->paths[i].path, target) == 0)
			return &c->paths[i];
	probe_pid_path(link, sizeof(link), pid, "/fd/", fd);
	if (fstatat(c->procfd, link, &st, 0) < 0)
		return NULL;
	if (probe_grow(&c->paths, &c->cap_paths, c->npaths, sizeof(*pp)) < 0)
		return NULL;
	pp = &c->paths[c->npaths];
	pp->path = strdup(target);
	if (pp->path == NULL)
		return NULL;
	pp->st = st;
	pp->kind = S_ISFIFO(st.st_mode) ? SNAP_FIFO :
	    probe_posix_kind(c, link, target, &st);
	n = strlen(target);
	pp->shared = !(n > 10 && strcmp(target + n - 10, " (deleted)") == 0);
	c->npaths++;
	return pp;
}

static int
fd_push(struct fd_list *l, const struct fd_ent *e)
{
	if (probe_grow(&l->v, &l->cap, l->n, sizeof(*e)) < 0)
		return -1;
	l->v[l->n++] = *e;
	return 0;
}

struct fd_scan {
	struct probe_ctx *c;
	size_t		i;
	struct fd_list	*l;
};

/*
 * Classifies one /proc/PID/fd entry: "pipe:[INODE]" is a pipe; "socket:[",
 * "anon_inode:[eventfd]"... probe_sock.c's; a path whose target is a FIFO
 * is a FIFO, one that is a POSIX queue or shm object probe_posix.c's.
 * Anything else is not ours. 0 skipped or added, -1 ENOMEM.
 */
static int
fd_scan_one(void *arg, int dirfd, const char *name)
{
	struct fd_scan *fs = arg;
	struct probe_ctx *c = fs->c;
	const struct snap_proc *p = &c->s->procs[fs->i];
	const struct probe_path *pp;
	char target[PATH_MAX], *end;
	struct fd_ent e = { 0 };
	ssize_t n;
	long flags;

	n = readlinkat(dirfd, name, target, sizeof(target) - 1);
	if (n <= 0)
		return 0;
	target[n] = '\0';
	e.proc = fs->i;
	e.fd = (int)probe_dec(name, NULL);	/* atoi(3) of the digits */
	if ((n = probe_fd_other(target, &e.ino)) != 0) {
		e.kind = (enum snap_pipe_kind)n;
		return fd_push(fs->l, &e);
	}
	if (strncmp(target, "pipe:[", 6) == 0 &&
	    (e.ino = probe_dec(target + 6, &end), end != target + 6)) {
		e.kind = SNAP_PIPE;
	} else if (target[0] == '/' && c->live &&
	    (pp = fd_target(c, p->pid, name, target)) != NULL &&
	    pp->kind != 0) {
		e.kind = (enum snap_pipe_kind)pp->kind;
		e.dev = pp->st.st_dev;
		e.ino = pp->st.st_ino;
		e.own = strdup(target);
		if (e.own == NULL)
			return -1;
		e.path = e.own;
	} else {
		return 0;
	}
	if ((int)e.kind == PROBE_FD_PMQ || (int)e.kind == PROBE_FD_PSHM) {
		/* these show O_NONBLOCK too: fdinfo, not the link's bits */
		flags = fd_fdinfo_flags(c, p->pid, name);
		e.mode = flags < 0 ? O_RDONLY : (int)(flags & O_ACCMODE);
		e.nonblock = flags >= 0 && (flags & O_NONBLOCK) != 0;
	} else {
		e.mode = fd_mode(c, dirfd, p->pid, name);
	}
	if (e.mode < 0 || fd_push(fs->l, &e) < 0) {
		free(e.own);
		return e.mode < 0 ? 0 : -1;
	}
	return 0;
}

/* The entries l->v[from..] (one process's) into e, for the next sample. */
static int
fd_keep(struct probe_pent *e, const struct fd_list *l, size_t from)
{
	const struct fd_ent *x;
	size_t k;

	probe_drop_each(&e->fds, &e->nfds, sizeof(*e->fds),
	    offsetof(struct probe_fdent, path));
	e->fds_valid = 0;
	if (l->n > from) {
		e->fds = calloc(l->n - from, sizeof(*e->fds));
		if (e->fds == NULL)
			return -1;
	}
	for (k = from; k < l->n; k++) {
		x = &l->v[k];
		e->fds[e->nfds] = (struct probe_fdent){ x->dev, x->ino,
		    (int)x->kind, NULL, x->fd, x->mode, x->nonblock };
		if (x->path != NULL &&
		    (e->fds[e->nfds].path = strdup(x->path)) == NULL)
			return -1;
		e->nfds++;
	}
	e->fds_valid = !e->ran;	/* as proc_to_cache: read while settled */
	return 0;
}

/* e's descriptors as the last scan found them (it has not run since). */
static int
fd_from_cache(const struct probe_pent *e, size_t i, struct fd_list *l)
{
	const struct probe_fdent *x;
	struct fd_ent n;
	size_t k;

	for (k = 0; k < e->nfds; k++) {
		x = &e->fds[k];
		n = (struct fd_ent){ x->dev, x->ino,
		    (enum snap_pipe_kind)x->kind, NULL, NULL, i, x->fd,
		    x->mode, x->nonblock };
		if (x->path != NULL && (n.own = strdup(x->path)) == NULL)
			return -1;
		n.path = n.own;
		if (fd_push(l, &n) < 0) {
			free(n.own);
			return -1;
		}
	}
	return 0;
}

/*
 * One process's descriptors: from the cache when it has not run since the
 * last scan (only the process itself opens, closes or dups its own), else
 * read from /proc/PID/fd and kept for the next sample.
 */
static int
fd_scan_proc(struct probe_ctx *c, size_t i, struct fd_list *l)
{
	struct probe_pent *e = c->pents != NULL ? c->pents[i] : NULL;
	struct fd_scan fs = { c, i, l };
	size_t from = l->n;
	char path[64];
	int r;

	if (e != NULL && e->fds_valid && !e->ran)
		return fd_from_cache(e, i, l);
	probe_pid_path(path, sizeof(path), c->s->procs[i].pid, "/fd", NULL);
	r = probe_dir_each_at(c, path, fd_scan_one, &fs);
	if (r == 0 && e != NULL && fd_keep(e, l, from) < 0)
		r = -1;
	return r;
}

/*
 * A process blocked opening a FIFO: the FIFO is found by stat(2) of its
 * path as the process sees it (/proc/PID/root/...), which opens nothing.
 */
static int
fd_scan_opener(const struct probe_ctx *c, size_t i, struct fd_list *l)
{
	const struct snap_proc *p = &c->s->procs[i];
	struct fd_ent e = { 0 };
	char path[PATH_MAX + 32];
	struct stat st;

	if (p->fifo_wait == NULL)
		return 0;
	probe_pid_path(path, sizeof(path), p->pid, "/root", p->fifo_wait);
	if (fstatat(c->procfd, path, &st, 0) < 0 || !S_ISFIFO(st.st_mode))
		return 0;
	e.kind = SNAP_FIFO;
	e.dev = st.st_dev;
	e.ino = st.st_ino;
	e.path = p->fifo_wait;
	e.proc = i;
	e.fd = -1;
	e.mode = p->fifo_wait_mode;
	return fd_push(l, &e);
}

/* Is procs[i] blocked on this end? A known fd must match the call's. */
static int
end_blocked(const struct probe_ctx *c, const struct fd_ent *e, int writing)
{
	const struct snap_proc *p = &c->s->procs[e->proc];

	if (strcmp(p->wchan, writing ? "pipe write" : "pipe read") != 0)
		return 0;
	return p->wait_arg < 0 || p->wait_arg == e->fd;
}

static int
end_push(struct snap_end **v, size_t *n, pid_t pid, int fd, int blocked)
{
	struct snap_end *nv;

	nv = realloc(*v, (*n + 1) * sizeof(**v));
	if (nv == NULL)
		return -1;
	*v = nv;
	nv[*n].pid = pid;
	nv[*n].fd = fd;
	nv[*n].blocked = blocked;
	(*n)++;
	return 0;
}

/*
 * Fill and capacity through a copy of a descriptor: pidfd_getfd(2) takes
 * the holder's open file without opening the pipe anew (an open of
 * /proc/PID/fd/N would count as a FIFO opener and could release a process
 * blocked in open). The copy is close-on-exec and closed at once; it is
 * checked to be the same inode in case the fd was reused meanwhile.
 */
static int
pipe_fill_from(struct probe_ctx *c, const struct fd_ent *e,
    struct snap_pipe *sp)
{
	struct stat st;
	int pidfd, fd, nbytes, cap, ok = -1;

	pidfd = probe_pidfd(c, e->proc);
	if (pidfd < 0 || e->fd < 0)
		return -1;
	fd = (int)syscall(SYS_pidfd_getfd, pidfd, e->fd, 0);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) == 0 && st.st_ino == e->ino &&
	    ioctl(fd, FIONREAD, &nbytes) == 0) {
		cap = fcntl(fd, F_GETPIPE_SZ);
		sp->fill = nbytes;
		sp->capacity = cap;
		ok = 0;
	}
	close(fd);
	return ok;
}

/* Builds one snap_pipe from the entries v[0..n) of one inode. */
static int
pipe_build(struct probe_ctx *c, const struct fd_ent *v, size_t n,
    struct snap_pipe *sp)
{
	const struct snap_proc *p;
	const char *path = NULL;
	size_t k;
	int r = 0, rd, wr, path_held = 0;

	memset(sp, 0, sizeof(*sp));
	sp->inode = v[0].ino;
	sp->kind = v[0].kind;
	sp->fill = sp->capacity = -1;
	for (k = 0; k < n && r == 0; k++) {
		p = &c->s->procs[v[k].proc];
		/* a holder's path (as /proc shows it) beats an opener's */
		if (v[k].kind == SNAP_FIFO &&
		    (path == NULL || (v[k].fd >= 0 && !path_held))) {
			path = v[k].path;
			path_held = v[k].fd >= 0;
		}
		rd = v[k].mode == O_RDONLY || v[k].mode == O_RDWR;
		wr = v[k].mode == O_WRONLY || v[k].mode == O_RDWR;
		if (v[k].fd < 0 && rd)
			r = end_push(&sp->open_readers, &sp->nopen_readers,
			    p->pid, -1, 1);
		else if (v[k].fd < 0)
			r = end_push(&sp->open_writers, &sp->nopen_writers,
			    p->pid, -1, 1);
		if (v[k].fd < 0)
			continue;
		if (r == 0 && wr)
			r = end_push(&sp->writers, &sp->nwriters, p->pid,
			    v[k].fd, end_blocked(c, &v[k], 1));
		if (r == 0 && rd)
			r = end_push(&sp->readers, &sp->nreaders, p->pid,
			    v[k].fd, end_blocked(c, &v[k], 0));
	}
	if (r < 0)
		return -1;
	if (path != NULL && (sp->path = strdup(path)) == NULL)
		return -1;
	for (k = 0; k < sp->nwriters; k++)
		sp->full |= sp->writers[k].blocked;
	if (c->flags & PROBE_NO_FILL)
		return 0;
	/* the write end first: an extra writer only delays an EOF */
	for (k = 0; k < n; k++)
		if ((v[k].mode == O_WRONLY || v[k].mode == O_RDWR) &&
		    pipe_fill_from(c, &v[k], sp) == 0)
			return 0;
	for (k = 0; k < n; k++)
		if (v[k].mode == O_RDONLY && pipe_fill_from(c, &v[k], sp) == 0)
			return 0;
	return 0;
}

static void
fd_list_free(struct fd_list *l)
{
	probe_free_each(l->v, l->n, sizeof(*l->v), offsetof(struct fd_ent, own));
}

/*
 * Moves the entries that are not pipes or FIFOs out of l, to probe_sock.c
 * and probe_posix.c. 0 or -1 (ENOMEM).
 */
static int
fd_others(struct probe_ctx *c, struct fd_list *l)
{
	struct probe_fdref *v = NULL, *px = NULL;
	size_t i, k, n = 0, npx = 0, cap = 0, cap_px = 0;
	int r = 0, kind;

	for (i = 0; i < l->n && r == 0; i++) {
		kind = (int)l->v[i].kind;
		if (kind <= SNAP_FIFO)
			continue;
		if (kind == PROBE_FD_PMQ || kind == PROBE_FD_PSHM) {
			r = probe_grow(&px, &cap_px, npx, sizeof(*px));
			if (r == 0)
				px[npx++] = (struct probe_fdref){
				    .ino = l->v[i].ino, .proc = l->v[i].proc,
				    .fd = l->v[i].fd, .kind = kind,
				    .dev = l->v[i].dev, .path = l->v[i].path,
				    .mode = l->v[i].mode,
				    .nonblock = l->v[i].nonblock };
			continue;
		}
		r = probe_grow(&v, &cap, n, sizeof(*v));
		if (r == 0)
			v[n++] = (struct probe_fdref){ .ino = l->v[i].ino,
			    .proc = l->v[i].proc, .fd = l->v[i].fd,
			    .kind = kind };
	}
	if (r == 0 && n > 0)
		r = probe_socks(c, v, n);
	if (r == 0 && npx > 0)
		r = probe_posix_fds(c, px, npx);
	/* px[] pointed at the paths the moved entries own: freed now */
	for (i = 0, k = 0; i < l->n; i++) {
		if ((int)l->v[i].kind <= SNAP_FIFO)
			l->v[k++] = l->v[i];
		else
			free(l->v[i].own);
	}
	l->n = k;
	free(v);
	free(px);
	return r;
}

int
probe_pipes(struct probe_ctx *c)
{
	struct snapshot *s = c->s;
	struct fd_list l = { 0 };
	size_t i, j;
	int r = 0;

	for (i = 0; i < s->nprocs && r == 0; i++)
		r = fd_scan_proc(c, i, &l);
	for (i = 0; i < s->nprocs && r == 0; i++)
		if (c->live)
			r = fd_scan_opener(c, i, &l);
	if (r < 0 || (r = fd_others(c, &l)) < 0)
		goto out;
	if (l.n > 1)	/* qsort(3) with NULL is undefined even for 0 */
		qsort(l.v, l.n, sizeof(*l.v), fd_ent_cmp);
	for (i = 0; i < l.n; i = j) {
		for (j = i + 1; j < l.n && l.v[j].ino == l.v[i].ino &&
		    l.v[j].dev == l.v[i].dev; j++)
			;
		r = probe_grow(&s->pipes, &c->cap_pipes, s->npipes,
		    sizeof(*s->pipes));
		if (r < 0)
			break;
		r = pipe_build(c, l.v + i, j - i, &s->pipes[s->npipes]);
		s->npipes++;	/* counted even if half built: freed with it */
		if (r < 0)
			break;
	}
out:
	fd_list_free(&l);
	return r;
}
