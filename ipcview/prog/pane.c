/*
 * pane.c - draws a snapshot as the live pane: process tree, pipes and
 * FIFOs, message queues, shared memory and semaphores, recent events.
 * Reads only the snapshot, never /proc.
 */
#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

#include "i18n.h"
#include "pane.h"
#include "probe.h"
#include "sigtab.h"
#include "snapdiff.h"
#include "watch.h"

#define PANE_DEPTH_MAX	12	/* tree levels drawn with lines */
#define PANE_BAR	16	/* cells of a fill bar */
#define DETAIL_MAX	512	/* lines of a detail view */

enum style { ST_TEXT, ST_HEAD, ST_TITLE, ST_OK, ST_WARN, ST_BAD, ST_DIM,
	ST_PEND, ST_BAR, ST_N };

/* A line of a section: item (process, pipe, queue...) and sub-line. */
struct pline {
	int		item;
	int		sub;	/* -1 for the item's own line */
};

struct seg {
	enum style	st;
	char		text[160];
};

struct dline {
	struct seg	seg[4];
	int		nseg;
};

struct pane {
	const struct watch *watch;	/* the model drawn; never changed here */
	unsigned long	drawn;		/* watch_samples() the lines are for */
	int		color, utf8;
	const struct snapshot *snap;	/* watch_last() when the lines were made */
	char		status[96];
	int		dirty;
	int		shown[SEC_N];
	int		focus;
	int		sel[SEC_N], off[SEC_N];
	int		all_queues;
	struct pline	*lines[SEC_N];
	int		nlines[SEC_N];
	char		**prefix;		/* tree drawing per process */
	size_t		nprefix;
	int		detail;			/* open: its section + 1 */
	long		detail_key;		/* pid, inode, queue id... */
	int		detail_off;
	struct dline	*dl;
	int		ndl;
};

/* ------------------------------------------------------------------ */
/* styles and text                                                     */

struct pane *
pane_new(const struct watch *w, int color)
{
	struct pane *p;
	int i;

	p = calloc(1, sizeof(*p));
	if (p == NULL)
		return NULL;
	p->watch = w;
	p->color = color;
	p->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	p->dl = calloc(DETAIL_MAX, sizeof(*p->dl));
	for (i = 0; i < SEC_N; i++)
		p->shown[i] = 1;
	if (color) {
		/* 8 colours on the terminal's default background */
		init_pair(1, COLOR_WHITE, COLOR_BLUE);	/* header */
		init_pair(2, COLOR_CYAN, -1);		/* section title */
		init_pair(3, COLOR_GREEN, -1);
		init_pair(4, COLOR_YELLOW, -1);
		init_pair(5, COLOR_RED, -1);
		init_pair(6, COLOR_BLUE, -1);
		init_pair(7, COLOR_WHITE, COLOR_RED);	/* pending signal */
		init_pair(8, COLOR_MAGENTA, -1);
	}
	p->dirty = 1;
	return p;
}

static attr_t
pane_attr(const struct pane *p, enum style st)
{
	static const attr_t mono[ST_N] = {
		[ST_HEAD] = A_REVERSE, [ST_TITLE] = A_BOLD,
		[ST_BAD] = A_BOLD, [ST_WARN] = A_UNDERLINE,
		[ST_DIM] = A_DIM, [ST_PEND] = A_REVERSE | A_BOLD,
	};
	static const short pair[ST_N] = {
		[ST_HEAD] = 1, [ST_TITLE] = 2, [ST_OK] = 3, [ST_WARN] = 4,
		[ST_BAD] = 5, [ST_DIM] = 6, [ST_PEND] = 7, [ST_BAR] = 8,
	};

	if (!p->color)
		return mono[st];
	if (st == ST_TEXT)
		return A_NORMAL;
	return COLOR_PAIR(pair[st]) |
	    (st == ST_BAD || st == ST_PEND || st == ST_HEAD ||
	    st == ST_TITLE ? A_BOLD : 0);
}

/*
 * Writes UTF-8 text at the cursor in at most max columns (and never past
 * the window's edge), wide characters counted as two, control characters
 * as '?'. Truncation ends in an ellipsis. Returns the columns used.
 */
static int
pane_put(const struct pane *p, WINDOW *w, const char *s, int max, attr_t a)
{
	mbstate_t ms;
	wchar_t wc;
	size_t n, len = strlen(s);
	int used = 0, cw, room = getmaxx(w) - getcurx(w);

	if (max < 0 || max > room)
		max = room;
	memset(&ms, 0, sizeof(ms));
	wattr_on(w, a, NULL);
	while (len > 0 && used < max) {
		n = mbrtowc(&wc, s, len, &ms);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&ms, 0, sizeof(ms));
			wc = L'?';
			n = 1;
		} else if (n == 0) {
			break;
		}
		cw = wcwidth(wc);
		if (cw < 0 || !iswprint(wc)) {
			wc = L'?';
			cw = 1;
		}
		if (used + cw > max || (used + cw == max && n < len)) {
			/* no room for this one and what follows */
			if (used < max) {
				waddnwstr(w, p->utf8 ? L"\u2026" : L"~", 1);
				used++;
			}
			break;
		}
		waddnwstr(w, &wc, 1);
		used += cw;
		s += n;
		len -= n;
	}
	wattr_off(w, a, NULL);
	return used;
}

static int __attribute__((format(printf, 4, 5)))
pane_printf(const struct pane *p, WINDOW *w, enum style st,
    const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return pane_put(p, w, buf, -1, pane_attr(p, st));
}

/* A string padded or cut to exactly width columns. */
static void
pane_put_col(const struct pane *p, WINDOW *w, const char *s, int width,
    attr_t a)
{
	int used = pane_put(p, w, s, width, a);

	while (used++ < width && getcurx(w) < getmaxx(w) - 1)
		waddch(w, ' ');
}

/* Printable text of message bytes: UTF-8 kept, other bytes as \ooo. */
static void
pane_text(const unsigned char *d, size_t n, char *out, size_t size)
{
	mbstate_t ms;
	size_t i = 0, o = 0, k;
	wchar_t wc;

	memset(&ms, 0, sizeof(ms));
	while (i < n && o + 8 < size) {
		k = mbrtowc(&wc, (const char *)d + i, n - i, &ms);
		if (k != (size_t)-1 && k != (size_t)-2 && k > 0 &&
		    iswprint(wc)) {
			memcpy(out + o, d + i, k);
			o += k;
			i += k;
			continue;
		}
		memset(&ms, 0, sizeof(ms));
		if (d[i] == '\n')
			o += snprintf(out + o, size - o, "\\n");
		else
			o += snprintf(out + o, size - o, "\\%03o", d[i]);
		i++;
	}
	out[o] = '\0';
}

/* ------------------------------------------------------------------ */
/* lines of each section                                               */

static int
pane_queue_shown(const struct pane *p, const struct snap_queue *q)
{
	if (p->all_queues || q->related)
		return 1;
	/* a queue made since we started is the student's, even if unused */
	return snap_queue_find(watch_baseline(p->watch), q->info.id) == NULL;
}

static int
pane_is_root(const struct pane *p, pid_t pid)
{
	const pid_t *roots;
	size_t i, n;

	roots = watch_roots(p->watch, &n);
	for (i = 0; i < n; i++)
		if (roots[i] == pid)
			return 1;
	return 0;
}

/*
 * A pipe only a watched shell itself holds, both ends: its SIGCHLD
 * self-pipe, not something the student made. Shown with 'a'.
 */
static int
pane_pipe_internal(const struct pane *p, const struct snap_pipe *pp)
{
	pid_t owner;
	size_t i;

	if (p->all_queues || pp->kind != SNAP_PIPE || pp->nwriters == 0 ||
	    pp->nreaders == 0)
		return 0;
	owner = pp->writers[0].pid;
	for (i = 0; i < pp->nwriters; i++)
		if (pp->writers[i].pid != owner)
			return 0;
	for (i = 0; i < pp->nreaders; i++)
		if (pp->readers[i].pid != owner)
			return 0;
	return pane_is_root(p, owner);
}

static void
pane_add_line(struct pane *p, int sec, int item, int sub)
{
	struct pline *l;

	l = realloc(p->lines[sec], (p->nlines[sec] + 1) * sizeof(*l));
	if (l == NULL)
		return;
	l[p->nlines[sec]].item = item;
	l[p->nlines[sec]].sub = sub;
	p->lines[sec] = l;
	p->nlines[sec]++;
}

static void
pane_tree_prefixes(struct pane *p)
{
	const struct snapshot *s = p->snap;
	int more[PANE_DEPTH_MAX + 2] = { 0 };
	char buf[128];
	size_t i, o;
	int d, l;

	p->prefix = calloc(s->nprocs ? s->nprocs : 1, sizeof(char *));
	if (p->prefix == NULL)
		return;
	p->nprefix = s->nprocs;
	/* backwards: more[l] says a later sibling exists at depth l */
	for (i = s->nprocs; i-- > 0; ) {
		d = s->procs[i].depth;
		if (d > PANE_DEPTH_MAX)
			d = PANE_DEPTH_MAX;
		o = 0;
		for (l = 1; l < d; l++)
			o += snprintf(buf + o, sizeof(buf) - o, "%s",
			    more[l] ? (p->utf8 ? "\u2502 " : "| ") : "  ");
		if (d > 0)
			o += snprintf(buf + o, sizeof(buf) - o, "%s",
			    more[d] ? (p->utf8 ? "\u251c\u2500" : "|-") :
			    (p->utf8 ? "\u2514\u2500" : "`-"));
		buf[o] = '\0';
		p->prefix[i] = strdup(buf);
		more[d] = 1;
		for (l = d + 1; l <= PANE_DEPTH_MAX; l++)
			more[l] = 0;
	}
}

static void
pane_build_lines(struct pane *p)
{
	const struct snapshot *s = p->snap;
	size_t i, j;
	int sec;

	for (sec = 0; sec < SEC_N; sec++)
		p->nlines[sec] = 0;
	for (i = 0; i < s->nprocs; i++)
		pane_add_line(p, SEC_PROCS, i, -1);
	/* full pipes first: what a student is looking for must be in view */
	for (i = 0; i < s->npipes; i++)
		if (s->pipes[i].full && !pane_pipe_internal(p, &s->pipes[i]))
			pane_add_line(p, SEC_PIPES, i, -1);
	for (i = 0; i < s->npipes; i++)
		if (!s->pipes[i].full && !pane_pipe_internal(p, &s->pipes[i]))
			pane_add_line(p, SEC_PIPES, i, -1);
	for (i = 0; i < s->nqueues; i++) {
		if (!pane_queue_shown(p, &s->queues[i]))
			continue;
		pane_add_line(p, SEC_QUEUES, i, -1);
		if (!s->queues[i].readable && s->queues[i].info.qnum > 0)
			pane_add_line(p, SEC_QUEUES, i, 0);
		for (j = 0; j < s->queues[i].nmsgs; j++)
			pane_add_line(p, SEC_QUEUES, i, j);
	}
	for (i = 0; i < s->nshms; i++)
		if (s->shms[i].related || p->all_queues)
			pane_add_line(p, SEC_SYSV, i, -1);
	for (i = 0; i < s->nsems; i++)
		if (s->sems[i].related || p->all_queues)
			pane_add_line(p, SEC_SYSV, (int)(s->nshms + i), -1);
	for (i = 0; i < watch_nevents(p->watch); i++)
		pane_add_line(p, SEC_EVENTS, i, -1);
	for (sec = 0; sec < SEC_N; sec++) {
		if (p->sel[sec] >= p->nlines[sec])
			p->sel[sec] = p->nlines[sec] > 0 ? p->nlines[sec] - 1 : 0;
	}
}

static void
pane_free_prefixes(struct pane *p)
{
	size_t i;

	/* p->snap may be gone already: the watch moved on */
	for (i = 0; p->prefix && i < p->nprefix; i++)
		free(p->prefix[i]);
	free(p->prefix);
	p->prefix = NULL;
	p->nprefix = 0;
}

/* The lines for the watch's last sample, when it has a new one. */
static void
pane_sync(struct pane *p)
{
	if (p->snap != NULL && p->drawn == watch_samples(p->watch))
		return;
	pane_free_prefixes(p);
	p->snap = watch_last(p->watch);
	p->drawn = watch_samples(p->watch);
	if (p->snap == NULL)
		return;
	pane_tree_prefixes(p);
	pane_build_lines(p);
}

void
pane_set_status(struct pane *p, const char *status)
{
	if (strcmp(p->status, status) != 0) {
		snprintf(p->status, sizeof(p->status), "%s", status);
		p->dirty = 1;
	}
}

int
pane_dirty(const struct pane *p)
{
	return p->dirty || p->drawn != watch_samples(p->watch);
}

void
pane_free(struct pane *p)
{
	int i;

	if (p == NULL)
		return;
	pane_free_prefixes(p);
	for (i = 0; i < SEC_N; i++)
		free(p->lines[i]);
	free(p->dl);
	free(p);
}

/* ------------------------------------------------------------------ */
/* drawing a section's line                                            */

static const char *
pane_comm(const struct snapshot *s, pid_t pid)
{
	const struct snap_proc *pr = snap_proc_find(s, pid);

	return pr ? pr->comm : "?";
}

static void
pane_cmdline(const struct snap_proc *pr, char *buf, size_t size)
{
	size_t o = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; pr->argv && i < pr->argc && pr->argv[i] && o < size;
	    i++)
		o += snprintf(buf + o, size - o, "%s%s", i ? " " : "",
		    pr->argv[i]);
	if (buf[0] == '\0')
		snprintf(buf, size, "[%s]", pr->comm);
}

static enum style
pane_state_style(char state)
{
	switch (state) {
	case 'R':
		return ST_OK;
	case 'D':
		return ST_WARN;
	case 'T':
	case 't':
	case 'Z':
	case 'X':
		return ST_BAD;
	default:
		return ST_TEXT;
	}
}

static void
pane_mask(struct pane *p, WINDOW *w, const char *label, uint64_t mask,
    enum style st)
{
	char names[400];

	if (mask == 0 || getcurx(w) >= getmaxx(w) - 2)
		return;
	sig_mask_names(mask, ",", names, sizeof(names));
	pane_printf(p, w, ST_DIM, " %s:", label);
	pane_put(p, w, names, -1, pane_attr(p, st));
}

static void
pane_draw_proc(struct pane *p, WINDOW *w, const struct snap_proc *pr,
    int idx)
{
	char cmd[512], tree[600];
	int width = getmaxx(w), cmdw;

	cmdw = width * 35 / 100;
	if (cmdw < 16)
		cmdw = 16;
	if (cmdw > 48)
		cmdw = 48;
	pane_printf(p, w, ST_TEXT, "%7d ", (int)pr->pid);
	pane_printf(p, w, pane_state_style(pr->state), "%c ", pr->state);
	pane_put_col(p, w, pr->wchan[0] ? pr->wchan :
	    (pr->state == 'R' ? tr("running", "运行") : "-"), 11,
	    pane_attr(p, pr->wchan[0] ? ST_WARN : ST_DIM));
	waddch(w, ' ');
	pane_cmdline(pr, cmd, sizeof(cmd));
	snprintf(tree, sizeof(tree), "%s%s",
	    p->prefix && p->prefix[idx] ? p->prefix[idx] : "", cmd);
	pane_put_col(p, w, tree, cmdw, A_NORMAL);
	pane_mask(p, w, tr("pend", "未决"), snap_proc_pending(pr), ST_PEND);
	pane_mask(p, w, tr("blk", "阻塞"), pr->sigblk, ST_WARN);
	pane_mask(p, w, tr("cgt", "捕捉"), pr->sigcgt, ST_OK);
	pane_mask(p, w, tr("ign", "忽略"), pr->sigign, ST_DIM);
}

static void
pane_bar(struct pane *p, WINDOW *w, long fill, long cap, int full)
{
	int i, n = 0, cells = getmaxx(w) >= 100 ? PANE_BAR : PANE_BAR / 2;
	enum style st = ST_OK;

	if (fill > 0 && cap > 0) {
		n = (int)((fill * cells + cap - 1) / cap);
		if (n > cells)
			n = cells;
	}
	if (full || (cap > 0 && fill >= cap))
		st = ST_BAD;
	else if (cap > 0 && fill * 4 >= cap * 3)
		st = ST_WARN;
	waddch(w, '[');
	for (i = 0; i < cells; i++)
		pane_put(p, w, i < n ? (p->utf8 ? "\u2588" : "#") :
		    (p->utf8 ? "\u00b7" : "."), 1,
		    pane_attr(p, i < n ? st : ST_DIM));
	waddch(w, ']');
	if (fill < 0 && cap < 0)
		pane_printf(p, w, ST_DIM, " %s", tr("not open yet", "尚未打开"));
	else if (fill < 0)
		pane_printf(p, w, ST_TEXT, " ?/%ld B", cap);
	else
		pane_printf(p, w, ST_TEXT, " %ld/%ld B", fill, cap);
}

static void
pane_ends(struct pane *p, WINDOW *w, const struct snap_end *e, size_t n,
    const char *blocked)
{
	size_t i;

	if (n == 0) {
		pane_put(p, w, tr("(none)", "(无)"), -1,
		    pane_attr(p, ST_DIM));
		return;
	}
	for (i = 0; i < n; i++) {
		pane_printf(p, w, ST_TEXT, "%s%s %d", i ? ", " : "",
		    pane_comm(p->snap, e[i].pid), (int)e[i].pid);
		if (e[i].blocked)
			pane_printf(p, w, ST_WARN, " (%s)", blocked);
	}
}

static void
pane_draw_pipe(struct pane *p, WINDOW *w, const struct snap_pipe *pp)
{
	const char *arrow = p->utf8 ? " \u2192 " : " -> ";
	size_t i;

	if (pp->kind == SNAP_FIFO)
		pane_printf(p, w, ST_TITLE, "fifo %s ", pp->path ? pp->path : "?");
	else
		pane_printf(p, w, ST_TITLE, "pipe %lu ", pp->inode);
	pane_ends(p, w, pp->writers, pp->nwriters, tr("blocked", "阻塞"));
	pane_put(p, w, arrow, -1, A_NORMAL);
	pane_bar(p, w, pp->fill, pp->capacity, pp->full);
	/* the state next to the bar, where a narrow screen still shows it */
	if (pp->full)
		pane_printf(p, w, ST_BAD, " %s", tr("FULL", "满"));
	else if (pp->fill == 0)
		pane_printf(p, w, ST_DIM, " %s", tr("EMPTY", "空"));
	pane_put(p, w, arrow, -1, A_NORMAL);
	pane_ends(p, w, pp->readers, pp->nreaders, tr("waiting", "等待"));
	if (pp->nreaders == 0 && pp->nwriters > 0)
		pane_printf(p, w, ST_BAD, " %s", tr("no readers: next write raises SIGPIPE",
		    "无读者: 下次写入将引发 SIGPIPE"));
	else if (pp->nwriters == 0 && pp->nreaders > 0)
		pane_printf(p, w, ST_WARN, " %s", tr("no writers: reader sees EOF",
		    "无写者: 读者将读到 EOF"));
	for (i = 0; i < pp->nopen_readers; i++)
		pane_printf(p, w, ST_WARN, " %s %d", tr("open waits for writer:",
		    "open 等待写者:"), (int)pp->open_readers[i].pid);
	for (i = 0; i < pp->nopen_writers; i++)
		pane_printf(p, w, ST_WARN, " %s %d", tr("open waits for reader:",
		    "open 等待读者:"), (int)pp->open_writers[i].pid);
}

static void
pane_draw_queue(struct pane *p, WINDOW *w, const struct snap_queue *q,
    int sub)
{
	const struct snap_msg *m;
	char text[400];

	if (sub < 0) {
		pane_printf(p, w, ST_TITLE, "queue 0x%08x id %d ",
		    (unsigned)q->info.perm.key, q->info.id);
		pane_bar(p, w, (long)q->info.cbytes, (long)q->info.qbytes, 0);
		pane_printf(p, w, ST_TEXT, "  %lu %s", q->info.qnum,
		    q->info.qnum == 1 ? tr("message", "条消息") :
		    tr("messages", "条消息"));
		if (q->info.cbytes >= q->info.qbytes && q->info.qbytes > 0)
			pane_printf(p, w, ST_BAD, "  %s", tr("FULL: msgsnd blocks",
			    "满: msgsnd 将阻塞"));
		return;
	}
	if (!q->readable) {
		pane_printf(p, w, ST_DIM, "  %s", tr("(messages not readable: permission denied)",
		    "(无权读取消息)"));
		return;
	}
	m = &q->msgs[sub];
	pane_text(m->data, m->size, text, sizeof(text));
	pane_printf(p, w, ST_DIM, "  #%d ", sub + 1);
	pane_printf(p, w, ST_WARN, "type %ld", m->type);
	pane_printf(p, w, ST_DIM, " %zu B ", m->size);
	pane_printf(p, w, ST_TEXT, "\"%s\"", text);
}

static void
pane_draw_sysv(struct pane *p, WINDOW *w, int item)
{
	const struct snapshot *s = p->snap;
	const struct snap_shm *m;
	const struct snap_sem *e;
	char text[200];
	size_t i;

	if ((size_t)item < s->nshms) {
		m = &s->shms[item];
		pane_printf(p, w, ST_TITLE, "shm 0x%08x id %d ",
		    (unsigned)m->info.perm.key, m->info.id);
		pane_printf(p, w, ST_TEXT, "%zu B nattch %lu", m->info.size,
		    m->info.nattch);
		for (i = 0; i < m->nattached; i++)
			pane_printf(p, w, ST_TEXT, "%s%d", i ? "," : " pids ",
			    (int)m->attached[i]);
		if (m->readable) {
			pane_text(m->preview, strnlen((char *)m->preview,
			    m->npreview), text, sizeof(text));
			pane_printf(p, w, ST_DIM, "  \"%s\"", text);
		}
		return;
	}
	e = &s->sems[item - s->nshms];
	pane_printf(p, w, ST_TITLE, "sem 0x%08x id %d ",
	    (unsigned)e->info.perm.key, e->info.id);
	pane_printf(p, w, ST_TEXT, "%s", tr("values", "值"));
	for (i = 0; e->members && i < e->info.nsems; i++)
		pane_printf(p, w, e->members[i].ncnt || e->members[i].zcnt ?
		    ST_WARN : ST_TEXT, " %d", e->members[i].val);
	if (!e->readable)
		pane_printf(p, w, ST_DIM, " %s", tr("(not readable)", "(无权读取)"));
}

static void
pane_draw_event(struct pane *p, WINDOW *w, int n)
{
	const struct watch_event *e = watch_event(p->watch, (size_t)n);
	const char *text;
	struct tm tm;
	char when[16];

	if (e == NULL)
		return;
	text = snap_event_text(&e->ev);
	localtime_r(&e->when.tv_sec, &tm);
	strftime(when, sizeof(when), "%H:%M:%S", &tm);
	pane_printf(p, w, ST_DIM, "%s ", when);
	pane_put(p, w, text ? text : "", -1,
	    pane_attr(p, n == 0 ? ST_TITLE : ST_TEXT));
}

static void
pane_draw_line(struct pane *p, WINDOW *w, int sec, const struct pline *l)
{
	const struct snapshot *s = p->snap;

	if (sec != SEC_PROCS)
		waddstr(w, "  ");
	switch (sec) {
	case SEC_PROCS:
		pane_draw_proc(p, w, &s->procs[l->item], l->item);
		break;
	case SEC_PIPES:
		pane_draw_pipe(p, w, &s->pipes[l->item]);
		break;
	case SEC_QUEUES:
		pane_draw_queue(p, w, &s->queues[l->item], l->sub);
		break;
	case SEC_SYSV:
		pane_draw_sysv(p, w, l->item);
		break;
	case SEC_EVENTS:
		pane_draw_event(p, w, l->item);
		break;
	}
}

/* ------------------------------------------------------------------ */
/* layout                                                              */

static const char *
pane_sec_name(int sec)
{
	switch (sec) {
	case SEC_PROCS:
		return tr("Processes", "进程");
	case SEC_PIPES:
		return tr("Pipes and FIFOs", "管道与 FIFO");
	case SEC_QUEUES:
		return tr("Message queues", "消息队列");
	case SEC_SYSV:
		return tr("Shared memory and semaphores", "共享内存与信号量");
	default:
		return tr("Events (newest first)", "事件 (最新在前)");
	}
}

/* Rows for each section: headings first, then one line each in turn. */
static void
pane_layout(const struct pane *p, int avail, int rows[SEC_N])
{
	int sec, k, n, given;

	for (sec = 0; sec < SEC_N; sec++)
		rows[sec] = 0;
	for (sec = 0; sec < SEC_N && avail > 0; sec++) {
		if (!p->shown[sec] || p->nlines[sec] == 0)
			continue;
		rows[sec] = avail >= 2 ? 2 : 1;
		avail -= rows[sec];
	}
	/* empty sections say so when that leaves room for content */
	for (sec = 0, k = 0; sec < SEC_N; sec++)
		k += p->shown[sec] && rows[sec] == 0;
	for (sec = 0; sec < SEC_N && avail >= k + 4; sec++) {
		if (p->shown[sec] && rows[sec] == 0) {
			rows[sec] = 1;
			avail--;
		}
	}
	do {
		given = 0;
		for (k = 0; k < SEC_N && avail > 0; k++) {
			sec = (p->focus + k) % SEC_N;
			/* the focused section gets two rows a round */
			for (n = k == 0 ? 2 : 1; n > 0 && avail > 0 &&
			    rows[sec] > 0 && rows[sec] - 1 < p->nlines[sec];
			    n--) {
				rows[sec]++;
				avail--;
				given = 1;
			}
		}
	} while (given && avail > 0);
	for (sec = 0; sec < SEC_N && avail > 0; sec++) {
		if (p->shown[sec] && rows[sec] == 0) {
			rows[sec] = 1;
			avail--;
		}
	}
}

static void
pane_draw_heading(struct pane *p, WINDOW *w, int sec, int active)
{
	attr_t a = pane_attr(p, ST_TITLE);
	int n = p->nlines[sec], x;

	if (active && p->focus == sec)
		a = pane_attr(p, ST_HEAD);
	wattr_on(w, a, NULL);
	waddch(w, ' ');
	wattr_off(w, a, NULL);
	pane_printf(p, w, active && p->focus == sec ? ST_HEAD : ST_TITLE,
	    "%d %s ", sec + 1, pane_sec_name(sec));
	if (n == 0)
		pane_printf(p, w, ST_DIM, "%s ", tr("none", "无"));
	else if (p->off[sec] > 0)
		pane_printf(p, w, ST_DIM, "(%s %d/%d) ", tr("from", "自"),
		    p->off[sec] + 1, n);
	x = getcurx(w);
	while (x++ < getmaxx(w) - 1)
		pane_put(p, w, p->utf8 ? "\u2500" : "-", 1,
		    pane_attr(p, ST_DIM));
}

/* The watched pids, "1036" or "1036,1040". */
static void
pane_roots(struct pane *p, WINDOW *w, enum style st)
{
	const pid_t *roots;
	size_t i, n;

	roots = watch_roots(p->watch, &n);
	for (i = 0; i < n; i++)
		pane_printf(p, w, st, "%s%d", i ? "," : "", (int)roots[i]);
}

static void
pane_draw_header(struct pane *p, WINDOW *w)
{
	const struct snapshot *s = p->snap;
	int x, width = getmaxx(w);

	wmove(w, 0, 0);
	wattr_on(w, pane_attr(p, ST_HEAD), NULL);
	for (x = 0; x < width; x++)
		waddch(w, ' ');
	wattr_off(w, pane_attr(p, ST_HEAD), NULL);
	wmove(w, 0, 0);
	pane_printf(p, w, ST_HEAD, " ipcview %s ", p->utf8 ? "\u00b7" : "-");
	pane_roots(p, w, ST_HEAD);
	if (s)
		pane_printf(p, w, ST_HEAD, "  %zu %s  %zu %s",
		    s->nprocs, s->nprocs == 1 ? tr("process", "个进程") :
		    tr("processes", "个进程"), (size_t)p->nlines[SEC_PIPES],
		    p->nlines[SEC_PIPES] == 1 ?
		    tr("pipe", "个管道") : tr("pipes", "个管道"));
	x = width - (int)strlen(p->status) - 1;
	if (x > getcurx(w) + 1) {
		wmove(w, 0, x);
		pane_put(p, w, p->status, -1, pane_attr(p, ST_HEAD));
	}
}

void
pane_draw(struct pane *p, WINDOW *w, int active)
{
	int rows[SEC_N], sec, y = 1, i, h = getmaxy(w), vis;

	pane_sync(p);
	werase(w);
	pane_draw_header(p, w);
	p->dirty = 0;
	if (p->snap == NULL)
		return;
	if (p->snap->nprocs == 0 && h > 1) {
		wmove(w, 1, 1);
		pane_printf(p, w, ST_BAD, "%s ", tr("process gone:",
		    "进程已结束:"));
		pane_roots(p, w, ST_BAD);
		y = 2;
	}
	pane_layout(p, h - y, rows);
	for (sec = 0; sec < SEC_N; sec++) {
		if (rows[sec] == 0)
			continue;
		wmove(w, y++, 0);
		pane_draw_heading(p, w, sec, active);
		vis = rows[sec] - 1;
		if (p->sel[sec] < p->off[sec])
			p->off[sec] = p->sel[sec];
		if (vis > 0 && p->sel[sec] >= p->off[sec] + vis)
			p->off[sec] = p->sel[sec] - vis + 1;
		if (p->off[sec] > p->nlines[sec] - vis)
			p->off[sec] = p->nlines[sec] - vis > 0 ?
			    p->nlines[sec] - vis : 0;
		for (i = 0; i < vis; i++) {
			int li = p->off[sec] + i;

			if (li >= p->nlines[sec])
				break;
			wmove(w, y + i, 0);
			pane_draw_line(p, w, sec, &p->lines[sec][li]);
			if (active && sec == p->focus && li == p->sel[sec])
				mvwchgat(w, y + i, 0, -1, A_REVERSE, 0, NULL);
		}
		y += vis;
	}
}

/* ------------------------------------------------------------------ */
/* keys                                                                */

static void
pane_move(struct pane *p, int delta)
{
	int sec = p->focus, n = p->nlines[sec];

	p->sel[sec] += delta;
	if (p->sel[sec] >= n)
		p->sel[sec] = n - 1;
	if (p->sel[sec] < 0)
		p->sel[sec] = 0;
}

static void
pane_focus(struct pane *p, int dir)
{
	int k;

	for (k = 0; k < SEC_N; k++) {
		p->focus = (p->focus + dir + SEC_N) % SEC_N;
		if (p->shown[p->focus])
			return;
	}
}

static void
pane_open_detail(struct pane *p)
{
	const struct pline *l;
	const struct snapshot *s = p->snap;

	if (s == NULL || p->nlines[p->focus] == 0)
		return;
	l = &p->lines[p->focus][p->sel[p->focus]];
	switch (p->focus) {
	case SEC_PROCS:
		p->detail_key = s->procs[l->item].pid;
		break;
	case SEC_PIPES:
		p->detail_key = (long)s->pipes[l->item].inode;
		break;
	case SEC_QUEUES:
		p->detail_key = s->queues[l->item].info.id;
		break;
	case SEC_SYSV:
		p->detail_key = (size_t)l->item < s->nshms ?
		    s->shms[l->item].info.id :
		    -1 - s->sems[l->item - s->nshms].info.id;
		break;
	default:
		return;
	}
	p->detail = p->focus + 1;
	p->detail_off = 0;
}

static int
pane_detail_key(struct pane *p, int iskey, wint_t ch)
{
	if ((!iskey && (ch == 27 || ch == 'q' || ch == '\r')) ||
	    (iskey && ch == KEY_ENTER))
		p->detail = 0;
	else if ((iskey && ch == KEY_DOWN) || (!iskey && ch == 'j'))
		p->detail_off++;
	else if ((iskey && ch == KEY_UP) || (!iskey && ch == 'k'))
		p->detail_off--;
	else if (iskey && ch == KEY_NPAGE)
		p->detail_off += 10;
	else if (iskey && ch == KEY_PPAGE)
		p->detail_off -= 10;
	else
		return 0;
	if (p->detail_off < 0)
		p->detail_off = 0;
	return 1;
}

int
pane_key(struct pane *p, int iskey, wint_t ch)
{
	int used = 1;

	pane_sync(p);
	if (p->detail)
		used = pane_detail_key(p, iskey, ch);
	else if (iskey && ch == KEY_BTAB)
		pane_focus(p, -1);
	else if (!iskey && ch == '\t')
		pane_focus(p, 1);
	else if ((iskey && ch == KEY_DOWN) || (!iskey && ch == 'j'))
		pane_move(p, 1);
	else if ((iskey && ch == KEY_UP) || (!iskey && ch == 'k'))
		pane_move(p, -1);
	else if (iskey && ch == KEY_NPAGE)
		pane_move(p, 10);
	else if (iskey && ch == KEY_PPAGE)
		pane_move(p, -10);
	else if ((iskey && ch == KEY_HOME) || (!iskey && ch == 'g'))
		pane_move(p, -1000000);
	else if ((iskey && ch == KEY_END) || (!iskey && ch == 'G'))
		pane_move(p, 1000000);
	else if ((!iskey && ch == '\r') || (iskey && ch == KEY_ENTER))
		pane_open_detail(p);
	else if (!iskey && ch >= '1' && ch < '1' + SEC_N)
		p->shown[ch - '1'] = !p->shown[ch - '1'];
	else if (!iskey && ch == 'a') {
		p->all_queues = !p->all_queues;
		if (p->snap)
			pane_build_lines(p);
	} else
		used = 0;
	if (used)
		p->dirty = 1;
	return used;
}

int
pane_detail_open(const struct pane *p)
{
	return p->detail != 0;
}

/* ------------------------------------------------------------------ */
/* detail views                                                        */

static struct dline *
dl_new(struct pane *p)
{
	struct dline *d;

	if (p->ndl >= DETAIL_MAX)
		return NULL;
	d = &p->dl[p->ndl++];
	d->nseg = 0;
	return d;
}

static void __attribute__((format(printf, 3, 4)))
dl_seg(struct dline *d, enum style st, const char *fmt, ...)
{
	va_list ap;

	if (d == NULL || d->nseg >= 4)
		return;
	d->seg[d->nseg].st = st;
	va_start(ap, fmt);
	vsnprintf(d->seg[d->nseg].text, sizeof(d->seg[0].text), fmt, ap);
	va_end(ap);
	d->nseg++;
}

/* The 64 signals in four columns: pending, blocked, ignored, caught. */
static void
pane_detail_proc(struct pane *p, const struct snap_proc *pr)
{
	struct dline *d;
	uint64_t pnd = snap_proc_pending(pr), bit;
	char cmd[400];
	const char *name;
	int row, col, sig;
	enum style st;

	pane_cmdline(pr, cmd, sizeof(cmd));
	dl_seg(dl_new(p), ST_TITLE, "%s %d: %s", tr("process", "进程"),
	    (int)pr->pid, cmd);
	dl_seg(dl_new(p), ST_TEXT, "ppid %d  pgid %d  sid %d  %s %c  wchan %s (%s)",
	    (int)pr->ppid, (int)pr->pgid, (int)pr->sid, tr("state", "状态"),
	    pr->state, pr->wchan[0] ? pr->wchan : "-", pr->wchan_raw);
	d = dl_new(p);
	dl_seg(d, ST_PEND, "P %s", tr("pending", "未决"));
	dl_seg(d, ST_WARN, "  B %s", tr("blocked", "阻塞"));
	dl_seg(d, ST_DIM, "  I %s", tr("ignored", "忽略"));
	dl_seg(d, ST_OK, "  C %s", tr("caught", "捕捉"));
	for (row = 0; row < 16; row++) {
		d = dl_new(p);
		for (col = 0; col < 4; col++) {
			sig = col * 16 + row + 1;
			bit = 1ULL << (sig - 1);
			name = sig_name(sig);
			st = (pnd & bit) ? ST_PEND : (pr->sigblk & bit) ? ST_WARN :
			    (pr->sigcgt & bit) ? ST_OK : (pr->sigign & bit) ?
			    ST_DIM : ST_TEXT;
			dl_seg(d, st, "%2d %-9s %c%c%c%c   ", sig,
			    name ? name : "-", (pnd & bit) ? 'P' : '.',
			    (pr->sigblk & bit) ? 'B' : '.',
			    (pr->sigign & bit) ? 'I' : '.',
			    (pr->sigcgt & bit) ? 'C' : '.');
		}
	}
}

static void
pane_detail_ends(struct pane *p, const char *what, const struct snap_end *e,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		dl_seg(dl_new(p), e[i].blocked ? ST_WARN : ST_TEXT,
		    "  %s: %s %d fd %d%s", what, pane_comm(p->snap, e[i].pid),
		    (int)e[i].pid, e[i].fd,
		    e[i].blocked ? tr("  (blocked)", "  (阻塞)") : "");
}

static void
pane_detail_pipe(struct pane *p, const struct snap_pipe *pp)
{
	dl_seg(dl_new(p), ST_TITLE, "%s %lu%s%s", pp->kind == SNAP_FIFO ?
	    "fifo" : "pipe", pp->inode, pp->path ? "  " : "",
	    pp->path ? pp->path : "");
	dl_seg(dl_new(p), pp->full ? ST_BAD : ST_TEXT,
	    "%s %ld / %ld B%s", tr("fill", "数据"), pp->fill, pp->capacity,
	    pp->full ? tr("  FULL (a writer is blocked)", "  满 (写者阻塞)") :
	    "");
	pane_detail_ends(p, tr("writer", "写者"), pp->writers, pp->nwriters);
	pane_detail_ends(p, tr("reader", "读者"), pp->readers, pp->nreaders);
	pane_detail_ends(p, tr("open() waits for a writer", "open() 等待写者"),
	    pp->open_readers, pp->nopen_readers);
	pane_detail_ends(p, tr("open() waits for a reader", "open() 等待读者"),
	    pp->open_writers, pp->nopen_writers);
}

static void
pane_detail_queue(struct pane *p, const struct snap_queue *q)
{
	char text[160];
	size_t i;

	dl_seg(dl_new(p), ST_TITLE, "queue key 0x%08x id %d  mode %03o  uid %d",
	    (unsigned)q->info.perm.key, q->info.id, q->info.perm.mode & 0777,
	    (int)q->info.perm.uid);
	dl_seg(dl_new(p), ST_TEXT, "%lu %s, %lu/%lu B  lspid %d  lrpid %d",
	    q->info.qnum, tr("messages", "条消息"), q->info.cbytes,
	    q->info.qbytes, (int)q->info.lspid, (int)q->info.lrpid);
	if (!q->readable)
		dl_seg(dl_new(p), ST_BAD, "%s", tr("messages not readable: permission denied",
		    "无权读取消息"));
	for (i = 0; i < q->nmsgs; i++) {
		pane_text(q->msgs[i].data, q->msgs[i].size, text, sizeof(text));
		dl_seg(dl_new(p), ST_TEXT, "  #%zu  type %ld  %zu B  \"%s\"",
		    i + 1, q->msgs[i].type, q->msgs[i].size, text);
	}
	if (q->nmsgs < q->info.qnum)
		dl_seg(dl_new(p), ST_DIM, "  ... %lu %s", q->info.qnum - q->nmsgs,
		    tr("more not copied", "条未复制"));
}

static void
pane_detail_sysv(struct pane *p)
{
	const struct snapshot *s = p->snap;
	const struct snap_shm *m;
	const struct snap_sem *e;
	char text[160];
	size_t i;

	if (p->detail_key >= 0 && (m = snap_shm_find(s, p->detail_key))) {
		dl_seg(dl_new(p), ST_TITLE, "shm key 0x%08x id %d  %zu B  nattch %lu",
		    (unsigned)m->info.perm.key, m->info.id, m->info.size,
		    m->info.nattch);
		dl_seg(dl_new(p), ST_TEXT, "cpid %d  lpid %d",
		    (int)m->info.cpid, (int)m->info.lpid);
		for (i = 0; i < m->nattached; i++)
			dl_seg(dl_new(p), ST_TEXT, "  %s %d %s",
			    tr("attached:", "已附加:"), (int)m->attached[i],
			    pane_comm(s, m->attached[i]));
		for (i = 0; m->readable && i < m->npreview; i += 16) {
			pane_text(m->preview + i, m->npreview - i < 16 ?
			    m->npreview - i : 16, text, sizeof(text));
			dl_seg(dl_new(p), ST_DIM, "  %04zx  %s", i, text);
		}
		return;
	}
	e = snap_sem_find(s, (int)(-1 - p->detail_key));
	if (e == NULL)
		return;
	dl_seg(dl_new(p), ST_TITLE, "sem key 0x%08x id %d  %lu %s",
	    (unsigned)e->info.perm.key, e->info.id, e->info.nsems,
	    tr("semaphores", "个信号量"));
	for (i = 0; e->members && i < e->info.nsems; i++)
		dl_seg(dl_new(p), ST_TEXT, "  #%zu  %s %d  ncnt %d  zcnt %d  pid %d",
		    i, tr("value", "值"), e->members[i].val,
		    e->members[i].ncnt, e->members[i].zcnt,
		    (int)e->members[i].pid);
}

static void
pane_detail_build(struct pane *p)
{
	const struct snapshot *s = p->snap;
	const struct snap_proc *pr;
	const struct snap_pipe *pp;
	const struct snap_queue *q;

	p->ndl = 0;
	switch (p->detail - 1) {
	case SEC_PROCS:
		if ((pr = snap_proc_find(s, p->detail_key)))
			pane_detail_proc(p, pr);
		break;
	case SEC_PIPES:
		if ((pp = snap_pipe_find(s, p->detail_key)))
			pane_detail_pipe(p, pp);
		break;
	case SEC_QUEUES:
		if ((q = snap_queue_find(s, p->detail_key)))
			pane_detail_queue(p, q);
		break;
	case SEC_SYSV:
		pane_detail_sysv(p);
		break;
	}
	if (p->ndl == 0)
		dl_seg(dl_new(p), ST_DIM, "%s", tr("(gone)", "(已不存在)"));
}

void
pane_draw_detail(struct pane *p, WINDOW *w)
{
	int h = getmaxy(w), y, i, k;

	pane_sync(p);
	werase(w);
	box(w, 0, 0);
	if (p->snap == NULL)
		return;
	pane_detail_build(p);
	if (p->detail_off > p->ndl - 1)
		p->detail_off = p->ndl - 1 > 0 ? p->ndl - 1 : 0;
	for (y = 1, i = p->detail_off; y < h - 1 && i < p->ndl; y++, i++) {
		wmove(w, y, 2);
		for (k = 0; k < p->dl[i].nseg; k++)
			pane_put(p, w, p->dl[i].seg[k].text,
			    getmaxx(w) - 2 - getcurx(w),
			    pane_attr(p, p->dl[i].seg[k].st));
	}
	wmove(w, h - 1, 2);
	pane_printf(p, w, ST_DIM, " %s ", tr("Esc: close  j/k: scroll",
	    "Esc: 关闭  j/k: 滚动"));
	p->dirty = 0;
}
