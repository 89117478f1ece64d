/*
 * probe_posix.c - POSIX message queues and shared memory objects of the
 * tree: queues through the descriptors probe_pipe.c's scan finds
 * (mq_getattr(3) on a pidfd_getfd(2) copy) and any mounted mqueue file
 * system, shm objects from /dev/shm, those descriptors and the processes'
 * /proc/PID/maps (read only while /dev/shm holds any file at all).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "probe_int.h"

#ifndef MQUEUE_MAGIC
#define MQUEUE_MAGIC	0x19800202	/* linux/magic.h */
#endif

#define PSHM_DIR	"/dev/shm"
#define PX_DEVS_MAX	8	/* file systems told apart per snapshot */
#define PX_MOUNTS_MAX	4	/* mqueue mounts listed */
#define PX_MAPBUF	65536	/* /proc/PID/maps read at once up to this */

/* What the scan learned of one file system (by st_dev). */
struct px_dev {
	dev_t		dev;
	int		mqueue;
};

struct px_ctx {
	struct probe_ctx *c;
	struct px_dev	devs[PX_DEVS_MAX];
	size_t		ndevs;
	char		*mounts[PX_MOUNTS_MAX]; /* mqueue mount points */
	dev_t		mount_dev[PX_MOUNTS_MAX];
	size_t		nmounts;
	dev_t		shm_dev;	/* of /dev/shm; 0: none there */
	int		shm_any;	/* a file lives there, linked or not */
	char		*mapbuf;	/* PX_MAPBUF bytes, or NULL */
	size_t		cap_pmqs, cap_pshms;
};

/* ------------------------------------------------------------------ */
/* where the objects live                                              */

/* One line of mounts: an mqueue mount point is kept. */
static void
px_mount_line(struct px_ctx *x, const char *line)
{
	char mnt[PATH_MAX], type[16];
	struct stat st;

	/* proc(5) /proc/PID/mounts: source, mount point, type, options */
	if (strstr(line, " mqueue ") == NULL ||
	    sscanf(line, "%*s %4095s %15s", mnt, type) != 2 ||
	    strcmp(type, "mqueue") != 0)
		return;
	/* the mount point's blanks are written \040: such a mount is skipped */
	if (strchr(mnt, '\\') != NULL || stat(mnt, &st) < 0)
		return;
	x->mounts[x->nmounts] = strdup(mnt);
	if (x->mounts[x->nmounts] != NULL)
		x->mount_dev[x->nmounts++] = st.st_dev;
}

/*
 * The mount points of mqueue file systems in the prober's mount namespace
 * (proc(5) /proc/self/mounts: the mount point, then the file system type;
 * the kernel makes it in two thirds of mountinfo's time). Most machines
 * have none, or /dev/mqueue. One read takes the whole table unless it is
 * larger than the buffer; then lines.
 */
static void
px_find_mounts(struct px_ctx *x)
{
	size_t size = 65536;
	char *buf, *line, *save;
	ssize_t n;
	FILE *f;
	int fd;

	buf = malloc(size);
	if (buf == NULL)
		return;
	n = probe_read_at(x->c, "self/mounts", buf, size,
	    PROBE_RD_RECORDS);
	if (n >= 0 && (size_t)n < size - 1) {
		for (line = strtok_r(buf, "\n", &save); line != NULL &&
		    x->nmounts < PX_MOUNTS_MAX; line = strtok_r(NULL, "\n",
		    &save))
			px_mount_line(x, line);
		free(buf);
		return;
	}
	fd = n < 0 ? -1 : openat(x->c->procfd, "self/mounts",
	    O_RDONLY | O_CLOEXEC);
	if (fd < 0 || (f = fdopen(fd, "r")) == NULL) {
		if (fd >= 0)
			close(fd);
		free(buf);
		return;
	}
	while (x->nmounts < PX_MOUNTS_MAX && fgets(buf, (int)size, f) != NULL)
		px_mount_line(x, buf);
	fclose(f);
	free(buf);
}

/*
 * Whether st_dev is an mqueue file system, from statfs(2) of the
 * descriptor's link (which follows it, opening nothing), remembered for
 * the snapshot: there is one such file system per IPC namespace.
 */
static int
px_is_mqueue(struct px_ctx *x, dev_t dev, const char *link)
{
	struct statfs sf;
	char path[128];
	size_t k;
	int mq;

	for (k = 0; k < x->ndevs; k++)
		if (x->devs[k].dev == dev)
			return x->devs[k].mqueue;
	snprintf(path, sizeof(path), "/proc/%s", link);
	if (statfs(path, &sf) < 0)
		return 0;
	mq = sf.f_type == MQUEUE_MAGIC;
	if (x->ndevs < PX_DEVS_MAX)
		x->devs[x->ndevs++] = (struct px_dev){ dev, mq };
	return mq;
}

/* "/NAME" of a queue's link: its last component, " (deleted)" cut. */
static char *
px_name(const char *target, int *deleted)
{
	const char *base = strrchr(target, '/');
	size_t n;
	char *s;

	base = base != NULL ? base + 1 : target;
	n = strlen(base);
	*deleted = n > 10 && strcmp(base + n - 10, " (deleted)") == 0;
	if (*deleted)
		n -= 10;
	s = malloc(n + 2);
	if (s == NULL)
		return NULL;
	s[0] = '/';
	memcpy(s + 1, base, n);
	s[n + 1] = '\0';
	return s;
}

/* ------------------------------------------------------------------ */
/* the objects, found or added                                         */

static struct snap_pmq *
px_pmq_find(const struct snapshot *s, unsigned long ino, dev_t dev)
{
	size_t k;

	for (k = 0; k < s->npmqs; k++)
		if (s->pmqs[k].inode == ino && s->pmqs[k].dev == dev)
			return &s->pmqs[k];
	return NULL;
}

/*
 * A new object at the end of the array *arr of *n (grown in *cap):
 * zeroed, and named in *name from the link target, whose " (deleted)"
 * sets *del. NULL, with nothing added, when memory runs out.
 */
static void *
px_add(void *arr, size_t *cap, size_t *n, size_t elem, const char *target,
    char **name, int *del)
{
	char *o;

	if (probe_grow(arr, cap, *n, elem) < 0 ||
	    (*name = px_name(target, del)) == NULL)
		return NULL;
	o = (char *)*(void **)arr + *n * elem;
	memset(o, 0, elem);
	(*n)++;
	return o;
}

static struct snap_pmq *
px_pmq_get(struct px_ctx *x, const struct stat *st, const char *target)
{
	struct snapshot *s = x->c->s;
	struct snap_pmq *q;
	char *name;
	int del;

	if ((q = px_pmq_find(s, st->st_ino, st->st_dev)) != NULL)
		return q;
	q = px_add(&s->pmqs, &x->cap_pmqs, &s->npmqs, sizeof(*q), target,
	    &name, &del);
	if (q == NULL)
		return NULL;
	q->name = name;
	q->inode = st->st_ino;
	q->dev = st->st_dev;
	q->mode = st->st_mode & 07777;
	q->uid = st->st_uid;
	q->gid = st->st_gid;
	q->unlinked = st->st_nlink == 0 || del;
	q->curmsgs = q->maxmsg = q->msgsize = q->qsize = -1;
	return q;
}

static struct snap_pshm *
px_pshm_find(const struct snapshot *s, unsigned long ino)
{
	size_t k;

	for (k = 0; k < s->npshms; k++)
		if (s->pshms[k].inode == ino)
			return &s->pshms[k];
	return NULL;
}

static struct snap_pshm *
px_pshm_get(struct px_ctx *x, const struct stat *st, const char *target)
{
	struct snapshot *s = x->c->s;
	struct snap_pshm *m;
	char *name;
	int del;

	if ((m = px_pshm_find(s, st->st_ino)) != NULL)
		return m;
	m = px_add(&s->pshms, &x->cap_pshms, &s->npshms, sizeof(*m), target,
	    &name, &del);
	if (m == NULL)
		return NULL;
	m->name = name;
	m->inode = st->st_ino;
	m->size = (long)st->st_size;
	m->mode = st->st_mode & 07777;
	m->uid = st->st_uid;
	m->gid = st->st_gid;
	m->unlinked = st->st_nlink == 0 || del;
	return m;
}

static int
px_end_push(struct snap_pmq_end **v, size_t *n, const struct snap_pmq_end *e)
{
	struct snap_pmq_end *nv;

	nv = realloc(*v, (*n + 1) * sizeof(**v));
	if (nv == NULL)
		return -1;
	*v = nv;
	nv[(*n)++] = *e;
	return 0;
}

/*
 * mq_getattr(3) through a copy of the holder's descriptor. The copy is
 * the same open queue description: getattr reads, never receives, and
 * closing it drops a mq_notify(3) registration only when the closer is
 * the one registered (ipc/mqueue.c), which the prober never is.
 */
static void
px_getattr(struct px_ctx *x, struct snap_pmq *q, size_t i, int fd)
{
	struct mq_attr a;
	struct stat st;
	int pidfd, copy;

	if (q->maxmsg >= 0 || (x->c->flags & PROBE_NO_FILL))
		return;
	pidfd = probe_pidfd(x->c, i);
	if (pidfd < 0)
		return;
	copy = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	if (copy < 0)
		return;
	if (fstat(copy, &st) == 0 && st.st_ino == q->inode &&
	    mq_getattr(copy, &a) == 0) {
		q->curmsgs = a.mq_curmsgs;
		q->maxmsg = a.mq_maxmsg;
		q->msgsize = a.mq_msgsize;
	}
	close(copy);
}

/* Which call of mq_timedreceive/mq_timedsend procs[i] waits in on fd. */
static enum snap_pmq_wait
px_waits(const struct snap_proc *p, int fd)
{
	if (p->wait_arg != fd)
		return SNAP_PMQ_NONE;
	if (strcmp(p->wchan, "mq_receive") == 0)
		return SNAP_PMQ_RECV;
	if (strcmp(p->wchan, "mq_send") == 0)
		return SNAP_PMQ_SEND;
	return SNAP_PMQ_NONE;
}

int
probe_posix_kind(struct probe_ctx *c, const char *link, const char *target,
    const struct stat *st)
{
	struct px_ctx *x = c->px;
	size_t k;

	/* a queue's inode is a regular file of its mqueue file system */
	if (x == NULL || !S_ISREG(st->st_mode))
		return 0;
	if (st->st_dev == x->shm_dev &&
	    strncmp(target, PSHM_DIR "/", sizeof(PSHM_DIR)) == 0)
		return PROBE_FD_PSHM;
	for (k = 0; k < x->nmounts; k++)
		if (st->st_dev == x->mount_dev[k])
			return PROBE_FD_PMQ;
	/* a queue of a file system mounted nowhere reads "/NAME" */
	if (strchr(target + 1, '/') == NULL &&
	    px_is_mqueue(x, st->st_dev, link))
		return PROBE_FD_PMQ;
	return 0;
}

/*
 * What stat(2) says of the object ref names: the scan's own answer when it
 * took one this snapshot, else one stat through the link (a descriptor
 * the cache kept), which must still lead to the same inode. 0 or -1.
 */
static int
px_ref_stat(struct px_ctx *x, const struct probe_fdref *ref, struct stat *st)
{
	const struct probe_ctx *c = x->c;
	char link[96];
	size_t k;

	for (k = 0; k < c->npaths; k++) {
		if (c->paths[k].st.st_ino == ref->ino &&
		    c->paths[k].st.st_dev == ref->dev &&
		    strcmp(c->paths[k].path, ref->path) == 0) {
			*st = c->paths[k].st;
			return 0;
		}
	}
	snprintf(link, sizeof(link), "%d/fd/%d",
	    (int)c->s->procs[ref->proc].pid, ref->fd);
	if (fstatat(c->procfd, link, st, 0) < 0 || st->st_ino != ref->ino ||
	    st->st_dev != ref->dev)
		return -1;
	return 0;
}

/*
 * One descriptor of a queue or a shm object: its holder, and for a
 * queue the call its holder waits in and mq_getattr(3) once per queue.
 */
static int
px_ref(struct px_ctx *x, const struct probe_fdref *ref)
{
	const struct snap_proc *p = &x->c->s->procs[ref->proc];
	struct snap_pmq_end e = { p->pid, ref->fd, ref->mode, ref->nonblock,
	    SNAP_PMQ_NONE };
	struct snap_pshm *m;
	struct snap_pmq *q;
	struct stat st;

	if (ref->kind == PROBE_FD_PSHM) {
		m = px_pshm_find(x->c->s, ref->ino);
		if (m == NULL) {
			if (px_ref_stat(x, ref, &st) < 0)
				return 0;
			if ((m = px_pshm_get(x, &st, ref->path)) == NULL)
				return -1;
		}
		m->related = 1;
		return px_end_push(&m->holders, &m->nholders, &e);
	}
	q = px_pmq_find(x->c->s, ref->ino, ref->dev);
	if (q == NULL) {
		if (px_ref_stat(x, ref, &st) < 0)
			return 0;
		if ((q = px_pmq_get(x, &st, ref->path)) == NULL)
			return -1;
	}
	e.blocked = px_waits(p, e.fd);
	q->related = 1;
	px_getattr(x, q, ref->proc, e.fd);
	return px_end_push(&q->holders, &q->nholders, &e);
}

int
probe_posix_fds(struct probe_ctx *c, const struct probe_fdref *v, size_t n)
{
	size_t k;
	int r = 0;

	if (c->px == NULL)
		return 0;
	for (k = 0; k < n && r == 0; k++)
		r = px_ref(c->px, &v[k]);
	return r;
}

/* ------------------------------------------------------------------ */
/* shm mappings, the /dev/shm and mqueue listings                      */

/* The first bytes of a mapped object, read through the mapper's memory. */
static void
px_preview(struct px_ctx *x, struct snap_pshm *m, pid_t pid,
    unsigned long start, unsigned long len)
{
	size_t want = x->c->shm_preview;
	struct iovec l, r;

	if (m->readable || (x->c->flags & PROBE_NO_FILL))
		return;
	if (m->size >= 0 && (long)want > m->size)
		want = (size_t)m->size;
	if (want > len)
		want = len;
	m->preview = malloc(want ? want : 1);
	if (m->preview == NULL)
		return;
	l = (struct iovec){ m->preview, want };
	r = (struct iovec){ (void *)start, want };
	if (process_vm_readv(pid, &l, 1, &r, 1, 0) == (ssize_t)want) {
		m->npreview = want;
		m->readable = 1;
		return;
	}
	free(m->preview);
	m->preview = NULL;
}

/*
 * A mapping of a /dev/shm file: pid becomes one of its mappers. An object
 * gone from /dev/shm (shm_unlink(3)ed, " (deleted)") is known by its
 * mapping only; stat(2) of /proc/PID/map_files/START-END, where
 * permitted, says its size.
 */
static int
px_map_use(struct px_ctx *x, pid_t pid, const struct probe_map *mp)
{
	struct snap_pshm *m;
	struct stat st;
	char mf[96];

	m = px_pshm_find(x->c->s, mp->ino);
	if (m == NULL) {
		snprintf(mf, sizeof(mf), "%d/map_files/%lx-%lx", (int)pid,
		    mp->start, mp->end);
		if (fstatat(x->c->procfd, mf, &st, 0) < 0 ||
		    st.st_ino != mp->ino) {
			memset(&st, 0, sizeof(st));
			st.st_ino = mp->ino;
			st.st_size = -1;
		}
		if ((m = px_pshm_get(x, &st, mp->path)) == NULL)
			return -1;
		m->unlinked = 1;	/* until /dev/shm lists it */
	}
	m->related = 1;
	if (mp->off == 0)
		px_preview(x, m, pid, mp->start, mp->end - mp->start);
	return snap_pid_add(&m->mappers, &m->nmappers, pid);
}

/*
 * One maps line: kept in *v when it maps a file of /dev/shm's file system
 * (its device that of the object). 0 or -1 (ENOMEM).
 */
static int
px_map_line(struct px_ctx *x, const char *line, struct probe_map **v,
    size_t *n, size_t *cap)
{
	const char *path = strstr(line, " " PSHM_DIR "/");
	struct probe_map mp;
	unsigned maj, mnr;

	if (path == NULL || sscanf(line, "%lx-%lx %*s %lx %x:%x %lu",
	    &mp.start, &mp.end, &mp.off, &maj, &mnr, &mp.ino) != 6 ||
	    makedev(maj, mnr) != x->shm_dev)
		return 0;
	if (probe_grow(v, cap, *n, sizeof(**v)) < 0 ||
	    (mp.path = strdup(path + 1)) == NULL)
		return -1;
	(*v)[(*n)++] = mp;
	return 0;
}

/*
 * pid's mappings of /dev/shm files: one read of /proc/PID/maps into the
 * snapshot's buffer, or line by line when it does not fit. 0, 1
 * unreadable, -1 ENOMEM.
 */
static int
px_maps_read(struct px_ctx *x, pid_t pid, struct probe_map **v, size_t *n)
{
	char path[64], line[PATH_MAX + 128], *l, *save;
	size_t cap = 0;
	ssize_t len;
	FILE *f;
	int fd, r = 0;

	snprintf(path, sizeof(path), "%d/maps", (int)pid);
	if (x->mapbuf == NULL && (x->mapbuf = malloc(PX_MAPBUF)) == NULL)
		return -1;
	len = probe_read_at(x->c, path, x->mapbuf, PX_MAPBUF,
	    PROBE_RD_RECORDS);
	if (len < 0)
		return 1;
	if ((size_t)len < PX_MAPBUF - 1) {
		for (l = strtok_r(x->mapbuf, "\n", &save); l != NULL && r == 0;
		    l = strtok_r(NULL, "\n", &save))
			r = px_map_line(x, l, v, n, &cap);
		return r;
	}
	fd = openat(x->c->procfd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || (f = fdopen(fd, "r")) == NULL) {
		if (fd >= 0)
			close(fd);
		return 1;
	}
	while (r == 0 && fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		r = px_map_line(x, line, v, n, &cap);
	}
	fclose(f);
	return r;
}

static void
px_maps_free(struct probe_map *v, size_t n)
{
	probe_free_each(v, n, sizeof(*v), offsetof(struct probe_map, path));
}

/*
 * procs[i]'s mappings of shm objects: none while /dev/shm holds no file
 * (linked or not: a mapping keeps its inode); from the cache when the
 * process has not run since they were read (only it maps and unmaps its
 * own); else from /proc/PID/maps, kept for the next sample.
 */
static int
px_maps(struct px_ctx *x, size_t i)
{
	struct probe_pent *e = x->c->pents != NULL ? x->c->pents[i] : NULL;
	pid_t pid = x->c->s->procs[i].pid;
	struct probe_map *v = NULL;
	size_t k, n = 0;
	int r = 0;

	if (e != NULL && e->maps_valid && !e->ran) {
		v = e->maps;
		n = e->nmaps;
	} else {
		if (x->shm_any && (r = px_maps_read(x, pid, &v, &n)) < 0) {
			px_maps_free(v, n);
			return -1;
		}
		if (e != NULL) {
			probe_cache_drop_maps(e);
			e->maps = v;
			e->nmaps = n;
			e->maps_valid = r == 0 && !e->ran;
		}
	}
	for (k = 0, r = 0; k < n && r == 0; k++)
		r = px_map_use(x, pid, &v[k]);
	if (e == NULL)
		px_maps_free(v, n);
	return r;
}

/*
 * Every object of /dev/shm (POSIX named semaphores, "sem.NAME", are not
 * shm objects), with what stat(2) says: size, mode, owner. An object the
 * scan found (by inode) gets its size and mode from here too.
 */
static int
px_shm_dir(struct px_ctx *x)
{
	struct snap_pshm *m;
	struct dirent *d;
	char target[PATH_MAX];
	struct stat st;
	DIR *dir;
	int r = 0;

	dir = opendir(PSHM_DIR);
	if (dir == NULL)
		return 0;
	while (r == 0 && (d = readdir(dir)) != NULL) {
		if (d->d_name[0] == '.' || strncmp(d->d_name, "sem.", 4) == 0 ||
		    fstatat(dirfd(dir), d->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISREG(st.st_mode) || st.st_dev != x->shm_dev)
			continue;
		snprintf(target, sizeof(target), "%s/%s", PSHM_DIR, d->d_name);
		if ((m = px_pshm_get(x, &st, target)) == NULL) {
			r = -1;
			break;
		}
		m->size = (long)st.st_size;
		m->mode = st.st_mode & 07777;
		m->uid = st.st_uid;
		m->gid = st.st_gid;
		m->unlinked = 0;
	}
	closedir(dir);
	return r;
}

/*
 * One queue file of a mounted mqueue file system: its first line
 * ("QSIZE:%lu NOTIFY:..." of mq_overview(7)) and mq_getattr(3) on it.
 * Opening a queue's file is not mq_open(3) of it and changes nothing but
 * the file's access time, which reading it sets (as cat(1) would).
 */
static void
px_mq_file(struct snap_pmq *q, int dirfd, const char *name)
{
	struct mq_attr a;
	char buf[128];
	ssize_t n;
	int fd;

	fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return;
	n = pread(fd, buf, sizeof(buf) - 1, 0);
	if (n > 0) {
		buf[n] = '\0';
		sscanf(buf, "QSIZE:%ld", &q->qsize);
	}
	if (q->maxmsg < 0 && mq_getattr(fd, &a) == 0) {
		q->curmsgs = a.mq_curmsgs;
		q->maxmsg = a.mq_maxmsg;
		q->msgsize = a.mq_msgsize;
	}
	close(fd);
}

static int
px_mq_dir(struct px_ctx *x, size_t k)
{
	struct snap_pmq *q;
	struct dirent *d;
	struct stat st;
	DIR *dir;
	int r = 0;

	dir = opendir(x->mounts[k]);
	if (dir == NULL)
		return 0;
	while (r == 0 && (d = readdir(dir)) != NULL) {
		if (d->d_name[0] == '.' ||
		    fstatat(dirfd(dir), d->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if ((q = px_pmq_get(x, &st, d->d_name)) == NULL) {
			r = -1;
			break;
		}
		px_mq_file(q, dirfd(dir), d->d_name);
	}
	closedir(dir);
	return r;
}

/* ------------------------------------------------------------------ */

static int
px_pmq_cmp(const void *a, const void *b)
{
	const struct snap_pmq *x = a, *y = b;

	return strcmp(x->name, y->name);
}

static int
px_pshm_cmp(const void *a, const void *b)
{
	const struct snap_pshm *x = a, *y = b;

	return strcmp(x->name, y->name);
}

void
probe_pmq_wchan(const struct probe_ctx *c, struct snap_proc *p)
{
	unsigned long a[6];
	long nr;

	if (probe_syscall(c, p->pid, &nr, a) < 0)
		return;
	if (nr == SYS_mq_timedreceive)
		snprintf(p->wchan, sizeof(p->wchan), "mq_receive");
	else if (nr == SYS_mq_timedsend)
		snprintf(p->wchan, sizeof(p->wchan), "mq_send");
	else
		return;
	p->wait_arg = (long)(int)a[0];
}

int
probe_posix_begin(struct probe_ctx *c)
{
	struct px_ctx *x;
	struct statfs sf;
	struct stat st;

	c->px = NULL;
	if (!c->live || (c->flags & PROBE_NO_POSIX))
		return 0;
	x = calloc(1, sizeof(*x));
	if (x == NULL)
		return -1;
	x->c = c;
	px_find_mounts(x);
	/*
	 * Files there, linked or not: a tmpfs counts its inodes in use (the
	 * root's one), and an unlinked file mapped or held keeps its own.
	 * A file system that counts none (f_files 0) may hold any. With no
	 * file there, no descriptor or mapping can be of one: its device is
	 * not needed.
	 */
	x->shm_any = statfs(PSHM_DIR, &sf) == 0 && (sf.f_files == 0 ||
	    sf.f_files - sf.f_ffree > 1);
	if (x->shm_any && stat(PSHM_DIR, &st) == 0)
		x->shm_dev = st.st_dev;
	x->shm_any = x->shm_dev != 0;
	c->px = x;
	return 0;
}

void
probe_posix_end(struct probe_ctx *c)
{
	struct px_ctx *x = c->px;
	size_t k;

	if (x == NULL)
		return;
	for (k = 0; k < x->nmounts; k++)
		free(x->mounts[k]);
	free(x->mapbuf);
	free(x);
	c->px = NULL;
}

int
probe_posix(struct probe_ctx *c)
{
	struct px_ctx *x = c->px;
	struct snapshot *s = c->s;
	size_t i, k;
	int r = 0;

	if (x == NULL)
		return 0;
	for (i = 0; i < s->nprocs && r == 0; i++)
		r = px_maps(x, i);
	for (k = 0; k < x->nmounts && r == 0; k++)
		r = px_mq_dir(x, k);
	if (r == 0 && x->shm_any)
		r = px_shm_dir(x);
	if (s->npmqs > 1)
		qsort(s->pmqs, s->npmqs, sizeof(*s->pmqs), px_pmq_cmp);
	if (s->npshms > 1)
		qsort(s->pshms, s->npshms, sizeof(*s->pshms), px_pshm_cmp);
	return r;
}
