/*
 * tapewatch.c - the tape beside a watch: records kept, grouped by the
 * shell's jobs (process groups), told short, and merged with the watch's
 * events into one feed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gloss.h"
#include "tapewatch.h"

#define TW_NUNITS	1024	/* a child of the shell with its descendants */
#define TW_NPIDS	2048	/* which unit each pid belongs to */
#define TW_NTAPES	8	/* shells followed, a tape each */

/*
 * Whether records make a plain story, one a run of the same command can
 * be told by once: only starts, execs and exits, all with one status.
 */
struct tw_plain {
	int		odd;		/* anything else seen */
	int		nexit;
	int		status;		/* of the exits seen */
};

/* A child of the shell and its descendants: one member of a pipeline. */
struct tw_unit {
	int		serial;		/* 0: free */
	pid_t		root, pgid;
	int		group;		/* its group's id; 0: not known yet */
	int		nproc, nlive;
	char		*cmd;
	struct timespec	first;
	struct tw_plain	plain;		/* its records' */
};

struct tw_group {
	struct tapewatch_group g;
	int		dirty;		/* its story needs telling again */
	struct tw_plain	plain;		/* its units' */
};

struct tapewatch {
	struct {
		char	*path;
		pid_t	shell, pgid;
		struct tape_follow *tf;
	}		tape[TW_NTAPES];
	int		ntapes;
	struct tape_rec	*recs;		/* ring of TAPEWATCH_NRECS */
	int		*rec_unit;	/* the unit serial of each */
	size_t		head, nrecs;	/* the oldest; how many */
	struct tw_unit	units[TW_NUNITS];
	int		nserial;
	struct {
		pid_t	pid;
		int	unit;
	}		pids[TW_NPIDS];
	size_t		npids;
	struct tw_group	groups[TAPEWATCH_NGROUPS];
	int		ngroup;		/* the last id given */
	struct tapewatch_item *feed;
	size_t		nfeed, capfeed;
	unsigned long	gen;
	int		added;		/* records since the last feed */
};

static double
tw_sec(struct timespec t)
{
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

struct tapewatch *
tapewatch_new(const char *path, pid_t shell, char **cause)
{
	struct tapewatch *tw = calloc(1, sizeof(*tw));

	if (tw != NULL) {
		tw->recs = calloc(TAPEWATCH_NRECS, sizeof(*tw->recs));
		tw->rec_unit = calloc(TAPEWATCH_NRECS, sizeof(int));
	}
	if (tw == NULL || tw->recs == NULL || tw->rec_unit == NULL ||
	    tapewatch_add_tape(tw, path, shell) < 0) {
		tapewatch_free(tw);
		if (cause != NULL)
			*cause = strdup("out of memory");
		errno = ENOMEM;
		return NULL;
	}
	return tw;
}

int
tapewatch_add_tape(struct tapewatch *tw, const char *path, pid_t shell)
{
	if (tw->ntapes == TW_NTAPES) {
		errno = ENOSPC;
		return -1;
	}
	memset(&tw->tape[tw->ntapes], 0, sizeof(tw->tape[0]));
	if (path != NULL && (tw->tape[tw->ntapes].path = strdup(path)) == NULL)
		return -1;
	tw->tape[tw->ntapes].shell = shell;
	tw->tape[tw->ntapes].pgid = shell > 0 ? getpgid(shell) : 0;
	tw->ntapes++;
	return 0;
}

/* A shell followed, or its process group (job is 0, the pgid checked). */
static int
tw_is_shell(const struct tapewatch *tw, pid_t pid, int pgid)
{
	int i;

	for (i = 0; i < tw->ntapes; i++)
		if (pid > 0 && (pgid ? tw->tape[i].pgid : tw->tape[i].shell) ==
		    pid)
			return 1;
	return 0;
}

static void
tw_group_clear(struct tw_group *g)
{
	int i;

	free(g->g.cmd);
	for (i = 0; i < g->g.nlines; i++) {
		free(g->g.en[i]);
		free(g->g.zh[i]);
	}
	memset(g, 0, sizeof(*g));
}

void
tapewatch_free(struct tapewatch *tw)
{
	size_t i;

	if (tw == NULL)
		return;
	for (i = 0; i < (size_t)tw->ntapes; i++) {
		tape_follow_close(tw->tape[i].tf);
		free(tw->tape[i].path);
	}
	for (i = 0; tw->recs != NULL && i < tw->nrecs; i++)
		tape_rec_free(&tw->recs[(tw->head + i) % TAPEWATCH_NRECS]);
	for (i = 0; i < TW_NUNITS; i++)
		free(tw->units[i].cmd);
	for (i = 0; i < TAPEWATCH_NGROUPS; i++)
		tw_group_clear(&tw->groups[i]);
	free(tw->recs);
	free(tw->rec_unit);
	free(tw->feed);
	free(tw);
}

static struct tw_unit *
tw_unit(struct tapewatch *tw, int serial)
{
	struct tw_unit *u;

	if (serial <= 0)
		return NULL;
	u = &tw->units[serial % TW_NUNITS];
	return u->serial == serial ? u : NULL;
}

static struct tw_group *
tw_group(const struct tapewatch *tw, int id)
{
	const struct tw_group *g;

	if (id <= 0)
		return NULL;
	g = &tw->groups[(id - 1) % TAPEWATCH_NGROUPS];
	return g->g.id == id ? (struct tw_group *)g : NULL;
}

/* The unit of pid, or 0. */
static int
tw_pid_unit(const struct tapewatch *tw, pid_t pid)
{
	size_t i, n = tw->npids < TW_NPIDS ? tw->npids : TW_NPIDS;

	for (i = 1; i <= n; i++) {
		size_t k = (tw->npids - i) % TW_NPIDS;

		if (tw->pids[k].pid == pid)
			return tw->pids[k].unit;
	}
	return 0;
}

static void
tw_pid_set(struct tapewatch *tw, pid_t pid, int unit)
{
	tw->pids[tw->npids % TW_NPIDS].pid = pid;
	tw->pids[tw->npids % TW_NPIDS].unit = unit;
	tw->npids++;
}

static int
tw_unit_new(struct tapewatch *tw, pid_t root, struct timespec when)
{
	struct tw_unit *u;

	tw->nserial++;
	u = &tw->units[tw->nserial % TW_NUNITS];
	free(u->cmd);
	memset(u, 0, sizeof(*u));
	u->serial = tw->nserial;
	u->root = root;
	u->first = when;
	tw_pid_set(tw, root, u->serial);
	return u->serial;
}

/* Appends " | cmd" to a group's command line. */
static void
tw_cmd_join(struct tw_group *g, const char *cmd)
{
	char *s;

	if (cmd == NULL)
		return;
	if (asprintf(&s, "%s%s%s", g->g.cmd ? g->g.cmd : "",
	    g->g.cmd ? " | " : "", cmd) < 0)
		return;
	free(g->g.cmd);
	g->g.cmd = s;
}

/* What record r says of a story's plainness. */
static void
tw_plain_note(struct tw_plain *pl, const struct tape_rec *r)
{
	static const char *const plain[] = {
		"attach", "fork", "exec", "budget", "hot", NULL
	};
	long st;
	int i;

	if (strcmp(r->event, "exit") == 0) {
		st = tape_num(r, "status", -1);
		/* a death by a signal, or two outcomes */
		if (st < 0 || (pl->nexit > 0 && st != pl->status))
			pl->odd = 1;
		pl->status = (int)st;
		pl->nexit++;
		return;
	}
	for (i = 0; plain[i] != NULL; i++)
		if (strcmp(r->event, plain[i]) == 0)
			return;
	pl->odd = 1;
}

/* The records of src joined to those of dst. */
static void
tw_plain_fold(struct tw_plain *dst, const struct tw_plain *src)
{
	if (src->odd || (dst->nexit > 0 && src->nexit > 0 &&
	    dst->status != src->status))
		dst->odd = 1;
	if (src->nexit > 0)
		dst->status = src->status;
	dst->nexit += src->nexit;
}

/*
 * The unit's group: the job's, by its process group; without job control
 * (every child in the shell's group), the group still running or ended
 * within 50 ms, else a new one.
 */
static void
tw_resolve(struct tapewatch *tw, struct tw_unit *u)
{
	struct tw_group *g = NULL, *c;
	int id, job = u->pgid > 0 && !tw_is_shell(tw, u->pgid, 1);

	for (id = tw->ngroup; id > 0 && id > tw->ngroup - 8; id--) {
		c = tw_group(tw, id);
		if (c == NULL)
			continue;	/* taken into a newer run */
		if (job ? c->g.pgid == u->pgid : c->g.pgid == 0 &&
		    (c->g.nlive > 0 || tw_sec(u->first) - tw_sec(c->g.last) <
		    0.05)) {
			g = c;
			break;
		}
		if (!job)
			break;	/* only the newest can be joined */
	}
	if (g == NULL) {
		id = ++tw->ngroup;
		g = &tw->groups[(id - 1) % TAPEWATCH_NGROUPS];
		tw_group_clear(g);
		g->g.id = id;
		g->g.pgid = job ? u->pgid : 0;
		g->g.first = g->g.last = u->first;
		g->g.runs = 1;
	}
	u->group = g->g.id;
	g->g.nproc += u->nproc;
	g->g.nlive += u->nlive;
	tw_plain_fold(&g->plain, &u->plain);
	if (tw_sec(u->first) < tw_sec(g->g.first))
		g->g.first = u->first;
	g->dirty = 1;
}

static void tw_group_cmd(struct tapewatch *tw, struct tw_group *g);

/*
 * A job that just ended with a plain story takes in the job before it
 * (the newest older one that ended; running ones are passed over) when
 * that one is the same command with the same outcome: a loop of a
 * thousand /bin/true is one entry, not a thousand. A story with a pipe,
 * a FIFO, a System V call or a signal is never taken in.
 */
static void
tw_collapse(struct tapewatch *tw, struct tw_group *g)
{
	struct tw_group *p = NULL, *c;
	int id;

	if (g->g.pgid == 0 || g->g.runs != 1 || g->plain.odd ||
	    g->plain.nexit == 0)
		return;
	for (id = g->g.id - 1; id > 0 &&
	    id > tw->ngroup - TAPEWATCH_NGROUPS; id--) {
		c = tw_group(tw, id);
		if (c != NULL && c->g.nlive <= 0) {
			p = c;
			break;
		}
	}
	if (p == NULL || p->g.pgid == 0 || p->plain.odd ||
	    p->plain.nexit == 0 || p->plain.status != g->plain.status ||
	    p->g.nproc != p->g.runs * g->g.nproc)
		return;
	tw_group_cmd(tw, g);
	tw_group_cmd(tw, p);
	if (g->g.cmd == NULL || p->g.cmd == NULL ||
	    strcmp(g->g.cmd, p->g.cmd) != 0)
		return;
	g->g.runs += p->g.runs;
	g->g.nproc += p->g.nproc;
	g->plain.nexit += p->plain.nexit;
	if (tw_sec(p->g.first) < tw_sec(g->g.first))
		g->g.first = p->g.first;
	g->dirty = 1;
	/* its units' group is gone, as if forgotten */
	tw_group_clear(p);
}

/* The argv of an exec record as one line. */
static char *
tw_argv(const struct tape_rec *r)
{
	char *out = NULL, *item, *tmp;
	int i;

	for (i = 0; (item = tape_list_item(tape_get(r, "argv"), i)); i++) {
		if (asprintf(&tmp, "%s%s%s", out ? out : "", out ? " " : "",
		    item) < 0)
			tmp = NULL;
		free(item);
		free(out);
		if ((out = tmp) == NULL)
			break;
	}
	return out;
}

/* Who a record is about: the sender, or the target of an outside kill. */
static pid_t
tw_subject(const struct tapewatch *tw, const struct tape_rec *r)
{
	if (strcmp(r->event, "signal_sent") == 0 &&
	    (r->pid <= 0 || tw_pid_unit(tw, r->pid) == 0))
		return (pid_t)tape_num(r, "target", 0);
	return r->pid;
}

/*
 * A record of the shell's own (a builtin's write into a FIFO, the
 * shell's read of $(...)): the newest groups are told again, one of
 * them may hold the other end.
 */
static void
tw_own_dirty(struct tapewatch *tw)
{
	struct tw_group *g;
	int id;

	for (id = tw->ngroup; id > 0 && id > tw->ngroup - 8; id--)
		if ((g = tw_group(tw, id)) != NULL)
			g->dirty = 1;
}

/* Takes r (the watch owns it from now on). */
static void
tw_take(struct tapewatch *tw, struct tape_rec *r)
{
	const char *ev = r->event;
	struct tw_unit *u;
	struct tw_group *g;
	pid_t pid = tw_subject(tw, r), child;
	int serial, d = 0;
	size_t slot;

	if (tape_get(r, "own") != NULL) {
		/* the shell's own: told with the groups of its pipe or FIFO */
		tw_own_dirty(tw);
		serial = -1;
		goto keep;
	}
	serial = tw_pid_unit(tw, pid);
	if (strcmp(ev, "attach") == 0) {
		serial = tw_pid_unit(tw, (pid_t)tape_num(r, "ppid", 0));
		if (serial == 0 ||
		    tw_is_shell(tw, (pid_t)tape_num(r, "ppid", 0), 0))
			serial = tw_unit_new(tw, pid, r->time);
		else
			tw_pid_set(tw, pid, serial);
		d = 1;
	} else if (serial == 0 || tw_unit(tw, serial) == NULL) {
		serial = tw_unit_new(tw, pid, r->time);
		d = 1;	/* a process we had not seen: alive until its exit */
	}
	u = tw_unit(tw, serial);
	if (strcmp(ev, "fork") == 0 &&
	    strcmp(tape_get(r, "how") ? tape_get(r, "how") : "", "thread")) {
		child = (pid_t)tape_num(r, "child", 0);
		tw_pid_set(tw, child, serial);
		d++;
	}
	if (strcmp(ev, "exec") == 0 && u->cmd == NULL)
		u->cmd = tw_argv(r);
	if (strcmp(ev, "exit") == 0 || strcmp(ev, "detach") == 0)
		d--;
	u->nproc += d > 0 ? d : 0;
	u->nlive += d;
	if ((g = tw_group(tw, u->group)) != NULL) {
		g->g.nproc += d > 0 ? d : 0;
		g->g.nlive += d;
	}
	tw_plain_note(&u->plain, r);
	if (g != NULL)
		tw_plain_note(&g->plain, r);
	if (u->pgid == 0 && tape_num(r, "pgid", 0) > 0)
		u->pgid = (pid_t)tape_num(r, "pgid", 0);
	if (u->group == 0 && (u->pgid > 0 || u->nlive <= 0)) {
		tw_resolve(tw, u);
		d = -1;		/* it may have ended already */
	}
	if ((g = tw_group(tw, u->group)) != NULL) {
		if (tw_sec(r->time) > tw_sec(g->g.last))
			g->g.last = r->time;
		g->dirty = 1;
		if (d < 0 && g->g.nlive <= 0)
			tw_collapse(tw, g);
	}
keep:
	if (tw->nrecs == TAPEWATCH_NRECS) {
		tape_rec_free(&tw->recs[tw->head]);
		tw->head = (tw->head + 1) % TAPEWATCH_NRECS;
		tw->nrecs--;
	}
	slot = (tw->head + tw->nrecs) % TAPEWATCH_NRECS;
	tw->recs[slot] = *r;
	tw->rec_unit[slot] = serial;
	tw->nrecs++;
	tw->added++;
}

int
tapewatch_add_line(struct tapewatch *tw, const char *line)
{
	struct tape_rec r;

	if (tape_parse(line, &r) < 0)
		return -1;
	tw_take(tw, &r);
	return 0;
}

/* Adds a line to a group's lines, split after an arrow for the pane. */
static void
tw_line(struct tw_group *g, const char *en, const char *zh)
{
	if (g->g.nlines == TAPEWATCH_NLINES)
		return;
	g->g.en[g->g.nlines] = strdup(en);
	g->g.zh[g->g.nlines] = strdup(zh);
	g->g.nlines++;
}

/* The n-th piece of a story: its lines, each cut before " → ". */
static char *
tw_piece(const char *text, int n)
{
	const char *p = text, *e, *arrow;
	int k = 0;

	while (*p != '\0') {
		e = p + strcspn(p, "\n");
		arrow = strstr(p, " → ");
		if (arrow != NULL && arrow < e)
			e = arrow;
		if (k++ == n)
			return strndup(p, (size_t)(e - p));
		p = *e == '\n' ? e + 1 : *e == ' ' ? e + 1 : e;
	}
	return NULL;
}

/*
 * The command line: its members' in the order the shell forked them,
 * which is the order of their pids (they hand themselves over to the
 * tracer in any order).
 */
static void
tw_group_cmd(struct tapewatch *tw, struct tw_group *g)
{
	struct tw_unit *u, *next;
	pid_t last = 0;
	int n;

	free(g->g.cmd);
	g->g.cmd = NULL;
	for (;;) {
		next = NULL;
		for (n = tw->nserial - TW_NUNITS + 1; n <= tw->nserial; n++) {
			u = tw_unit(tw, n);
			if (u != NULL && u->group == g->g.id && u->root > last &&
			    (next == NULL || u->root < next->root))
				next = u;
		}
		if (next == NULL)
			break;
		tw_cmd_join(g, next->cmd);
		last = next->root;
	}
}

/* A run's one line: "/bin/true ×1000, each exited with status 0". */
static void
tw_tell_runs(struct tw_group *g)
{
	const char *cmd = g->g.cmd ? g->g.cmd : "?";
	char en[512], zh[512];

	snprintf(en, sizeof(en), "%s ×%d, each exited with %s %d", cmd,
	    g->g.runs, gloss_in(GL_STATUS, LANG_EN), g->plain.status);
	snprintf(zh, sizeof(zh), "%s ×%d，每次都以%s %d 退出", cmd,
	    g->g.runs, gloss_in(GL_STATUS, LANG_ZH), g->plain.status);
	tw_line(g, en, zh);
}

#define TW_NINO	16	/* pipes and FIFOs of a group the shell's own may join */

static void
tw_inodes_note(unsigned long *ino, int *n, const struct tape_rec *r)
{
	unsigned long v = (unsigned long)tape_num(r, "inode", 0);
	int i;

	for (i = 0; v != 0 && i < *n; i++)
		if (ino[i] == v)
			return;
	if (v != 0 && *n < TW_NINO)
		ino[(*n)++] = v;
}

/*
 * The shell's own records on a pipe or FIFO of group g, within two
 * seconds of its span: shell A's write into the FIFO shell B's cat
 * reads (another shell's tape), the shell's read of a $(...).
 */
static void
tw_own_add(const struct tapewatch *tw, const struct tw_group *g,
    struct tape_story *s, const unsigned long *ino, int nino)
{
	const struct tape_rec *r;
	unsigned long v;
	size_t i;
	int k;

	for (i = 0; nino > 0 && i < tw->nrecs; i++) {
		if (tw->rec_unit[(tw->head + i) % TAPEWATCH_NRECS] != -1)
			continue;
		r = tapewatch_rec(tw, i);
		v = (unsigned long)tape_num(r, "inode", 0);
		for (k = 0; k < nino && ino[k] != v; k++)
			;
		if (k < nino && tw_sec(r->time) > tw_sec(g->g.first) - 2 &&
		    tw_sec(r->time) < tw_sec(g->g.last) + 2)
			tape_story_add(s, r);
	}
}

static void
tw_tell(struct tapewatch *tw, struct tw_group *g)
{
	struct tape_story *s = tape_story_new();
	char *en, *zh, *a, *b, head[512];
	unsigned long ino[TW_NINO];
	int n, nino = 0;
	size_t i, k;

	for (n = 0; n < g->g.nlines; n++) {
		free(g->g.en[n]);
		free(g->g.zh[n]);
	}
	g->g.nlines = 0;
	g->dirty = 0;
	if (g->g.runs > 1) {
		tape_story_free(s);
		tw_group_cmd(tw, g);
		tw_tell_runs(g);
		return;
	}
	if (s == NULL)
		return;
	for (i = 0; i < tw->nrecs; i++) {
		k = (tw->head + i) % TAPEWATCH_NRECS;
		if (tapewatch_rec_group(tw, i) == g->g.id) {
			tape_story_add(s, &tw->recs[k]);
			tw_inodes_note(ino, &nino, &tw->recs[k]);
		}
	}
	tw_own_add(tw, g, s, ino, nino);
	tw_group_cmd(tw, g);
	snprintf(head, sizeof(head), "%s%s", g->g.cmd ? g->g.cmd : "?",
	    g->g.nlive > 0 ? "  (running)" : "");
	en = strdup(head);
	snprintf(head, sizeof(head), "%s%s", g->g.cmd ? g->g.cmd : "?",
	    g->g.nlive > 0 ? "（运行中）" : "");
	tw_line(g, en ? en : "", head);
	free(en);
	en = tape_story_text(s, 0);
	zh = tape_story_text(s, 1);
	for (n = 0; en != NULL && zh != NULL; n++) {
		a = tw_piece(en, n);
		b = tw_piece(zh, n);
		if (a == NULL && b == NULL)
			break;
		tw_line(g, a ? a : "", b ? b : "");
		free(a);
		free(b);
	}
	free(en);
	free(zh);
	tape_story_free(s);
}

/* A block of the feed: an event, or a group's lines. */
struct tw_block {
	double		when;
	const struct watch_event *ev;
	struct tw_group	*g;
};

static int
tw_newest_first(const void *a, const void *b)
{
	const struct tw_block *x = a, *y = b;

	return x->when < y->when ? 1 : x->when > y->when ? -1 : 0;
}

static int
tw_feed_put(struct tapewatch *tw, const struct tapewatch_item *it)
{
	struct tapewatch_item *f;

	if (tw->nfeed == tw->capfeed) {
		f = realloc(tw->feed, (tw->capfeed * 2 + 64) * sizeof(*f));
		if (f == NULL)
			return -1;
		tw->feed = f;
		tw->capfeed = tw->capfeed * 2 + 64;
	}
	tw->feed[tw->nfeed++] = *it;
	return 0;
}

/* What the tape tells already: its processes and its ended commands' pipes. */
struct tw_told {
	pid_t		pid[1024];
	unsigned long	inode[512];
	size_t		npid, ninode;
};

static void
tw_told_fill(const struct tapewatch *tw, struct tw_told *t)
{
	const struct tapewatch_group *g;
	const struct tape_rec *r;
	unsigned long ino;
	size_t i;

	t->npid = t->ninode = 0;
	for (i = 0; i < tw->nrecs; i++) {
		r = tapewatch_rec(tw, i);
		if (strcmp(r->event, "exec") == 0 && t->npid < 1024)
			t->pid[t->npid++] = r->pid;
		g = tapewatch_group_id(tw, tapewatch_rec_group(tw, i));
		ino = (unsigned long)tape_num(r, "inode", 0);
		if (g != NULL && g->nlive <= 0 && ino != 0 && t->ninode < 512 &&
		    strncmp(r->event, "pipe", 4) == 0)
			t->inode[t->ninode++] = ino;
	}
}

/*
 * A watch event the tape tells better: a traced process started, exec'd
 * or exited, a pipe of a command that ended was made or closed.
 */
static int
tw_told(const struct tw_told *t, const struct snap_event *e)
{
	size_t i;

	switch (e->kind) {
	case EV_PROC_STARTED:
	case EV_PROC_EXITED:
	case EV_PROC_ZOMBIE:
	case EV_PROC_EXEC:
		return snap_pid_in(t->pid, t->npid, e->pid);
	case EV_PIPE_CREATED:
	case EV_PIPE_CLOSED:
	case EV_PIPE_EMPTY:
	case EV_PIPE_DATA:
		for (i = 0; i < t->ninode; i++)
			if (t->inode[i] == e->inode)
				return 1;
		return 0;
	default:
		return 0;
	}
}

static int
tw_feed(struct tapewatch *tw, const struct watch *w)
{
	struct tw_told *told = calloc(1, sizeof(*told));
	const struct watch_event *e;
	size_t nev = w ? watch_nevents(w) : 0, nb = 0, i;
	struct tapewatch_item it;
	struct tw_block *b;
	struct tw_group *g;
	int id, k, rc = 0;

	b = calloc(nev + TAPEWATCH_NGROUPS + 1, sizeof(*b));
	if (b == NULL || told == NULL) {
		free(b);
		free(told);
		return -1;
	}
	tw_told_fill(tw, told);
	for (i = 0; i < nev; i++) {
		/* a told event leaves no trace in b (the next block's slot) */
		e = watch_event(w, i);
		if (e == NULL || tw_told(told, &e->ev))
			continue;
		b[nb].ev = e;
		b[nb].when = tw_sec(e->when);
		nb++;
	}
	free(told);
	for (id = tw->ngroup; id > 0 &&
	    id > tw->ngroup - TAPEWATCH_NGROUPS; id--) {
		if ((g = tw_group(tw, id)) == NULL)
			continue;
		if (g->dirty)
			tw_tell(tw, g);
		b[nb].g = g;
		b[nb].when = tw_sec(g->g.last);
		nb++;
	}
	qsort(b, nb, sizeof(*b), tw_newest_first);
	tw->nfeed = 0;
	for (i = 0; i < nb && rc == 0; i++) {
		memset(&it, 0, sizeof(it));
		if (b[i].ev != NULL) {
			it.when = b[i].ev->when;
			it.ev = b[i].ev;
			rc = tw_feed_put(tw, &it);
			continue;
		}
		for (k = 0; k < b[i].g->g.nlines && rc == 0; k++) {
			it.when = b[i].g->g.last;
			it.group = b[i].g->g.id;
			it.line = k;
			it.en = b[i].g->g.en[k];
			it.zh = b[i].g->g.zh[k];
			rc = tw_feed_put(tw, &it);
		}
	}
	free(b);
	tw->gen++;
	return rc;
}

int
tapewatch_poll(struct tapewatch *tw, const struct watch *w)
{
	struct tape_rec r;
	pid_t pg;
	int n, i;

	for (i = 0; i < tw->ntapes; i++) {
		/*
		 * a shell just forked may not have its own group yet when its
		 * tape is added (setsid, setpgid): ask again each time
		 */
		if (tw->tape[i].shell > 0 &&
		    (pg = getpgid(tw->tape[i].shell)) > 0)
			tw->tape[i].pgid = pg;
		if (tw->tape[i].tf == NULL && tw->tape[i].path != NULL)
			tw->tape[i].tf = tape_follow_open(tw->tape[i].path, 0);
		while (tw->tape[i].tf != NULL &&
		    tape_follow_next(tw->tape[i].tf, &r) == 1)
			tw_take(tw, &r);
	}
	n = tw->added;
	tw->added = 0;
	/* the watch's events change at each of its samples */
	if (tw_feed(tw, w) < 0)
		return -1;
	return n;
}

unsigned long
tapewatch_gen(const struct tapewatch *tw)
{
	return tw->gen;
}

size_t
tapewatch_nrecs(const struct tapewatch *tw)
{
	return tw->nrecs;
}

const struct tape_rec *
tapewatch_rec(const struct tapewatch *tw, size_t i)
{
	return i < tw->nrecs ? &tw->recs[(tw->head + i) % TAPEWATCH_NRECS] :
	    NULL;
}

int
tapewatch_rec_group(const struct tapewatch *tw, size_t i)
{
	const struct tw_unit *u;
	int serial;

	if (i >= tw->nrecs)
		return 0;
	serial = tw->rec_unit[(tw->head + i) % TAPEWATCH_NRECS];
	u = tw_unit((struct tapewatch *)tw, serial);
	return u != NULL ? u->group : 0;
}

size_t
tapewatch_ngroups(const struct tapewatch *tw)
{
	size_t n = 0;
	int id;

	for (id = tw->ngroup; id > 0 &&
	    id > tw->ngroup - TAPEWATCH_NGROUPS; id--)
		n += tw_group(tw, id) != NULL;
	return n;
}

const struct tapewatch_group *
tapewatch_group(const struct tapewatch *tw, size_t i)
{
	struct tw_group *g;
	int id;

	for (id = tw->ngroup; id > 0 &&
	    id > tw->ngroup - TAPEWATCH_NGROUPS; id--)
		if ((g = tw_group(tw, id)) != NULL && i-- == 0)
			return &g->g;
	return NULL;
}

const struct tapewatch_group *
tapewatch_group_id(const struct tapewatch *tw, int id)
{
	struct tw_group *g = tw_group(tw, id);

	return g ? &g->g : NULL;
}

const struct tapewatch_group *
tapewatch_last_ended(const struct tapewatch *tw)
{
	const struct tapewatch_group *g;
	size_t i;

	for (i = 0; (g = tapewatch_group(tw, i)) != NULL; i++)
		if (g->nlive <= 0)
			return g;
	return NULL;
}

size_t
tapewatch_nfeed(const struct tapewatch *tw)
{
	return tw->nfeed;
}

const struct tapewatch_item *
tapewatch_feed(const struct tapewatch *tw, size_t i)
{
	return i < tw->nfeed ? &tw->feed[i] : NULL;
}

struct tapewatch_step *
tapewatch_steps(const struct tapewatch *tw, int id, pid_t pid, size_t *n)
{
	struct tapewatch_step *v = NULL, *nv, *st;
	const struct tape_rec *r;
	size_t i, cap = 0;

	*n = 0;
	for (i = 0; i < tw->nrecs; i++) {
		r = tapewatch_rec(tw, i);
		if (strcmp(r->event, "attach") == 0)
			continue;
		if (pid > 0 ? r->pid != pid && !(strcmp(r->event,
		    "signal_sent") == 0 && tape_num(r, "target", 0) == pid) :
		    tapewatch_rec_group(tw, i) != id)
			continue;
		if (*n == cap) {
			cap = cap * 2 + 32;
			nv = realloc(v, cap * sizeof(*v));
			if (nv == NULL)
				break;
			v = nv;
		}
		st = &v[(*n)++];
		memset(st, 0, sizeof(*st));
		st->when = r->time;
		st->pid = r->pid;
		snprintf(st->event, sizeof(st->event), "%s", r->event);
		st->en = tape_text(r, 0);
		st->zh = tape_text(r, 1);
		st->raw = tape_raw(r);
	}
	return v;
}

void
tapewatch_steps_free(struct tapewatch_step *s, size_t n)
{
	size_t i;

	for (i = 0; s != NULL && i < n; i++) {
		free(s[i].en);
		free(s[i].zh);
		free(s[i].raw);
	}
	free(s);
}
