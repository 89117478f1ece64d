/*
 * render_dot.c - a snapshot as a Graphviz graph, for slides.
 * Processes are boxes with their signal sets, pipes and FIFOs edges from
 * writer to reader labelled with their fill; queues, segments and
 * semaphore sets nodes joined to the processes that use them.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gloss.h"
#include "i18n.h"
#include "render.h"
#include "sigtab.h"

/* Writes s as the inside of a double-quoted DOT string. */
static void
dot_str(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		if (*s == '\n')
			fputs("\\n", out);
		else
			fputc(*s, out);
	}
}

/* A mask of more than this many signals is shown as a count: a box stays readable. */
#define DOT_MASK_NAMES	8

static void
dot_mask(FILE *out, const char *what, uint64_t mask)
{
	char names[512];
	int n = __builtin_popcountll(mask);

	if (mask == 0)
		return;
	fprintf(out, "\\n%s: ", what);
	if (n > DOT_MASK_NAMES)
		fprintf(out, "%d %s", n, tr("signals", "个信号"));
	else
		dot_str(out, sig_mask_names(mask, ",", names, sizeof(names)));
}

/* Whether ends[i]'s process already holds an earlier end in ends. */
static int
dot_seen(const struct snap_end *ends, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (ends[j].pid == ends[i].pid)
			return 1;
	return 0;
}

static void
dot_proc(FILE *out, const struct snap_proc *p)
{
	fprintf(out, "  p%d [shape=box, label=\"%d ", (int)p->pid, (int)p->pid);
	dot_str(out, p->argc > 0 && p->argv[0] != NULL ? p->argv[0] : p->comm);
	if (p->wchan[0] != '\0') {
		fputs("\\n", out);
		dot_str(out, tr("blocked in ", "阻塞于 "));
		dot_str(out, p->wchan);
	}
	dot_mask(out, gloss(GL_PENDING), snap_proc_pending(p));
	dot_mask(out, gloss(GL_MASKED), p->sigblk);
	dot_mask(out, gloss(GL_IGNORED), p->sigign);
	dot_mask(out, gloss(GL_CAUGHT), p->sigcgt);
	fputs("\"];\n", out);
}

/* "pipe 4711\n1200/65536 B full" */
static void
dot_pipe_label(FILE *out, const struct snap_pipe *pp)
{
	if (pp->kind == SNAP_FIFO) {
		dot_str(out, tr("FIFO ", "命名管道 "));
		dot_str(out, pp->path != NULL ? pp->path : "?");
	} else {
		dot_str(out, tr("pipe ", "管道 "));
		fprintf(out, "%lu", pp->inode);
	}
	if (pp->fill >= 0 && pp->capacity > 0)
		fprintf(out, "\\n%ld/%ld B", pp->fill, pp->capacity);
	else if (pp->fill >= 0)
		fprintf(out, "\\n%ld B", pp->fill);
	if (pp->full) {
		fputc(' ', out);
		dot_str(out, tr("full", "满"));
	}
}

/*
 * A pipe with a writer and a reader is an edge between them (one per
 * pair); an end nobody holds is a small node of its own, so a pipe whose
 * readers are gone still shows where its bytes would go.
 */
static void
dot_pipe(FILE *out, const struct snap_pipe *pp)
{
	size_t w, r;

	if (pp->nwriters == 0 || pp->nreaders == 0) {
		fprintf(out, "  pipe%lu [shape=point, width=0.15];\n", pp->inode);
		for (w = 0; w < pp->nwriters; w++) {
			if (dot_seen(pp->writers, w))
				continue;
			fprintf(out, "  p%d -> pipe%lu [label=\"",
			    (int)pp->writers[w].pid, pp->inode);
			dot_pipe_label(out, pp);
			fputs("\"];\n", out);
		}
		for (r = 0; r < pp->nreaders; r++) {
			if (dot_seen(pp->readers, r))
				continue;
			fprintf(out, "  pipe%lu -> p%d [label=\"", pp->inode,
			    (int)pp->readers[r].pid);
			dot_pipe_label(out, pp);
			fputs("\"];\n", out);
		}
		return;
	}
	for (w = 0; w < pp->nwriters; w++)
		for (r = 0; r < pp->nreaders; r++) {
			if (pp->writers[w].pid == pp->readers[r].pid ||
			    dot_seen(pp->writers, w) || dot_seen(pp->readers, r))
				continue;
			fprintf(out, "  p%d -> p%d [label=\"",
			    (int)pp->writers[w].pid, (int)pp->readers[r].pid);
			dot_pipe_label(out, pp);
			fprintf(out, "\"%s];\n", pp->full ? ", color=red" : "");
		}
}

/* A dashed line from a process of the tree to an object node. */
static void
dot_use(FILE *out, const struct snapshot *s, pid_t pid, const char *node,
    const char *what)
{
	if (pid <= 0 || !snap_has_pid(s, pid))
		return;
	fprintf(out, "  p%d -> %s [style=dashed, dir=none, label=\"", (int)pid,
	    node);
	dot_str(out, what);
	fputs("\"];\n", out);
}

/*
 * Opens the node of System V object id of kind k, named by the kind's
 * letter and the id into node ("q12"): its shape and a label that begins
 * with what it is, the id and the key. The caller ends the label.
 */
static void
dot_sysv_open(FILE *out, char *node, size_t size, enum sysv_kind k, int id,
    key_t key)
{
	static const struct {
		char		c;
		const char	*shape, *en, *zh;
	} kinds[SYSV_NKINDS] = {
		[SYSV_MSG] = { 'q', "cylinder", "message queue", "消息队列" },
		[SYSV_SHM] = { 'm', "box3d", "shared memory", "共享内存" },
		[SYSV_SEM] = { 's', "octagon", "semaphore set", "信号量集" },
	};

	snprintf(node, size, "%c%d", kinds[k].c, id);
	fprintf(out, "  %s [shape=%s, label=\"", node, kinds[k].shape);
	dot_str(out, tr(kinds[k].en, kinds[k].zh));
	fprintf(out, " %d\\n0x%08x\\n", id, (unsigned)key);
}

static void
dot_queue(FILE *out, const struct snapshot *s, const struct snap_queue *q)
{
	char node[32];

	dot_sysv_open(out, node, sizeof(node), SYSV_MSG, q->info.id,
	    q->info.perm.key);
	fprintf(out, "%lu ", q->info.qnum);
	dot_str(out, tr("messages", "条消息"));
	fprintf(out, ", %lu B\"];\n", q->info.cbytes);
	dot_use(out, s, q->info.lspid, node, "msgsnd");
	if (q->info.lrpid != q->info.lspid)
		dot_use(out, s, q->info.lrpid, node, "msgrcv");
}

static void
dot_shm(FILE *out, const struct snapshot *s, const struct snap_shm *m)
{
	char node[32];
	size_t i;

	dot_sysv_open(out, node, sizeof(node), SYSV_SHM, m->info.id,
	    m->info.perm.key);
	fprintf(out, "%zu B, ", m->info.size);
	dot_str(out, tr("attached", "连接数"));
	fprintf(out, " %lu\"];\n", m->info.nattch);
	for (i = 0; i < m->nattached; i++)
		dot_use(out, s, m->attached[i], node, "shmat");
}

static void
dot_sem(FILE *out, const struct snap_sem *m)
{
	char node[32];

	dot_sysv_open(out, node, sizeof(node), SYSV_SEM, m->info.id,
	    m->info.perm.key);
	fprintf(out, "%lu ", m->info.nsems);
	dot_str(out, tr("semaphores", "个信号量"));
	fputs("\"];\n", out);
}

int
render_dot(FILE *out, const struct snapshot *s, unsigned flags)
{
	size_t i;

	fputs("digraph ipc {\n  rankdir=LR;\n"
	    "  node [fontname=\"monospace\", fontsize=10];\n"
	    "  edge [fontname=\"monospace\", fontsize=9];\n", out);
	for (i = 0; i < s->nprocs; i++)
		dot_proc(out, &s->procs[i]);
	for (i = 0; i < s->npipes; i++)
		dot_pipe(out, &s->pipes[i]);
	for (i = 0; i < s->nqueues; i++)
		if (!(flags & RENDER_RELATED) || s->queues[i].related)
			dot_queue(out, s, &s->queues[i]);
	for (i = 0; i < s->nshms; i++)
		if (!(flags & RENDER_RELATED) || s->shms[i].related)
			dot_shm(out, s, &s->shms[i]);
	for (i = 0; i < s->nsems; i++)
		if (!(flags & RENDER_RELATED) || s->sems[i].related)
			dot_sem(out, &s->sems[i]);
	fputs("}\n", out);
	return ferror(out) ? -1 : 0;
}

int
render_dot_save(const struct snapshot *s, unsigned flags, char *name,
    size_t size)
{
	char stamp[32];
	struct tm tm;
	time_t now = time(NULL);
	FILE *f;
	int fd = -1, i, r, err;

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm) == 0)
		return -1;
	for (i = 1; fd < 0 && i < 100; i++) {
		if (i == 1)
			r = snprintf(name, size, "ipcview-%s.dot", stamp);
		else
			r = snprintf(name, size, "ipcview-%s-%d.dot", stamp, i);
		if (r < 0 || (size_t)r >= size) {
			errno = ENAMETOOLONG;
			return -1;
		}
		fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
		if (fd < 0 && errno != EEXIST)
			return -1;
	}
	if (fd < 0)
		return -1;
	f = fdopen(fd, "w");
	if (f == NULL) {
		err = errno;
		close(fd);
		unlink(name);
		errno = err;
		return -1;
	}
	r = render_dot(f, s, flags);
	err = errno;
	if (fclose(f) != 0 && r == 0) {
		r = -1;
		err = errno;
	}
	if (r < 0) {
		unlink(name);
		errno = err;
	}
	return r;
}
