/*
 * pane_sections.c - the pane's sections, one row each in pane_sections[].
 * Processes, pipes and FIFOs, queues, shared memory and semaphores,
 * sockets (pane_sock.c), events:
 * each makes its lines, draws one, builds its detail view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gloss.h"
#include "i18n.h"
#include "pane_int.h"
#include "sigtab.h"

#define PANE_DEPTH_MAX	12	/* tree levels drawn with lines */
#define PANE_BAR	16	/* cells of a fill bar */
/* signals 32 and 33, which glibc keeps for itself (bit = signal - 1) */
#define PANE_GLIBC_SIGS	(3ULL << 31)

/* ------------------------------------------------------------------ */
/* what is shown, and how each kind of line is drawn                   */

/*
 * By default an object is shown when a watched process created or used
 * it (related), or when it is the user's and was made since watching
 * began (made by a process already gone, a subshell's `$(shmget ...)`):
 * an unattached segment too. 'a' shows every object the user may see.
 */
static int
pane_sysv_shown(const struct pane *p, int related, int in_baseline,
    const struct sysv_perm *perm)
{
	uid_t me = getuid();

	if (p->all_queues || related)
		return 1;
	return !in_baseline && (perm->uid == me || perm->cuid == me);
}

static int
pane_queue_shown(const struct pane *p, const struct snap_queue *q)
{
	return pane_sysv_shown(p, q->related,
	    snap_sysv_find(watch_baseline(p->watch), SYSV_MSG,
	    q->info.id) != NULL,
	    &q->info.perm);
}
static int
pane_is_root(const struct pane *p, pid_t pid)
{
	const pid_t *roots;
	size_t n;

	roots = watch_roots(p->watch, &n);
	return snap_pid_in(roots, n, pid);
}
/*
 * A pipe only a watched shell itself holds, both ends: its SIGCHLD
 * self-pipe, not something the student made. Shown with 'a'.
 */
static int
pane_pipe_internal(const struct pane *p, const struct snap_pipe *pp)
{
	pid_t owner = snap_pipe_sole_holder(pp);

	return !p->all_queues && owner > 0 && pane_is_root(p, owner);
}
void
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
/*
 * With several trees watched (two shells, -p 1036,1040), the label of
 * the tree a process belongs to: 'A' for the first root, 'B', ...; 0
 * with one tree. Found by walking up the parents to a root.
 */
static int
pane_root_label(const struct pane *p, const struct snap_proc *pr)
{
	const pid_t *roots;
	size_t i, n, depth;

	roots = watch_roots(p->watch, &n);
	if (n < 2)
		return 0;
	for (depth = 0; pr != NULL && depth < p->snap->nprocs; depth++) {
		for (i = 0; i < n; i++)
			if (roots[i] == pr->pid)
				return 'A' + (int)i;
		pr = snap_proc_find(p->snap, pr->ppid);
	}
	return '?';
}

static void
pane_draw_proc(struct pane *p, WINDOW *w, const struct pline *l)
{
	const struct snap_proc *pr = &p->snap->procs[l->item];
	int idx = l->item;
	char cmd[512], tree[600];
	int width = getmaxx(w), cmdw, label;

	cmdw = width * 35 / 100;
	if (cmdw < 16)
		cmdw = 16;
	if (cmdw > 48)
		cmdw = 48;
	if ((label = pane_root_label(p, pr)) != 0) {
		pane_printf(p, w, ST_HEAD, "%c", label);
		pane_printf(p, w, ST_TEXT, "%6d ", (int)pr->pid);
	} else {
		pane_printf(p, w, ST_TEXT, "%7d ", (int)pr->pid);
	}
	pane_printf(p, w, pane_state_style(pr->state), "%c ", pr->state);
	pane_put_col(p, w, pr->wchan[0] ? pr->wchan :
	    (pr->state == 'R' ? tr("running", "运行") : "-"), 11,
	    pane_attr(p, pr->wchan[0] ? ST_WARN : ST_DIM));
	waddch(w, ' ');
	pane_cmdline(pr, cmd, sizeof(cmd));
	snprintf(tree, sizeof(tree), "%s%s",
	    p->prefix && p->prefix[idx] ? p->prefix[idx] : "", cmd);
	pane_put_col(p, w, tree, cmdw, A_NORMAL);
	/* short English labels; the glossary's words in Chinese */
	pane_mask(p, w, tr("pend", gloss_in(GL_PENDING, LANG_ZH)),
	    snap_proc_pending(pr), ST_PEND);
	pane_mask(p, w, tr("blk", gloss_in(GL_MASKED, LANG_ZH)), pr->sigblk,
	    ST_WARN);
	pane_mask(p, w, tr("cgt", gloss_in(GL_CAUGHT, LANG_ZH)), pr->sigcgt,
	    ST_OK);
	/* glibc's 32 and 33: not the student's; the detail view explains */
	pane_mask(p, w, tr("ign", gloss_in(GL_IGNORED, LANG_ZH)),
	    pr->sigign & ~PANE_GLIBC_SIGS, ST_DIM);
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
pane_draw_pipe(struct pane *p, WINDOW *w, const struct pline *l)
{
	const struct snap_pipe *pp = &p->snap->pipes[l->item];
	const char *arrow = p->utf8 ? " \u2192 " : " -> ";
	size_t i;

	if (pp->kind == SNAP_FIFO)
		pane_printf(p, w, ST_TITLE, "%s %s ",
		    tr("fifo", gloss_in(GL_FIFO, LANG_ZH)),
		    pp->path ? pp->path : "?");
	else
		pane_printf(p, w, ST_TITLE, "%s %lu ", tr("pipe", gloss(GL_PIPE)),
		    pp->inode);
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
pane_draw_queue(struct pane *p, WINDOW *w, const struct pline *l)
{
	const struct snap_queue *q = &p->snap->queues[l->item];
	int sub = l->sub;
	const struct snap_msg *m;
	char text[400];

	if (sub < 0) {
		pane_printf(p, w, ST_TITLE, "%s 0x%08x %s %d ",
		    tr("queue", gloss(GL_MSGQ)), (unsigned)q->info.perm.key,
		    gloss(GL_ID), q->info.id);
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
	pane_printf(p, w, ST_WARN, "%s %ld", gloss(GL_MTYPE), m->type);
	pane_printf(p, w, ST_DIM, " %zu B ", m->size);
	pane_printf(p, w, ST_TEXT, "\"%s\"", text);
}
static void
pane_draw_sysv(struct pane *p, WINDOW *w, const struct pline *l)
{
	int item = l->item;
	const struct snapshot *s = p->snap;
	const struct snap_shm *m;
	const struct snap_sem *e;
	char text[200];
	size_t i;

	if ((size_t)item < s->nshms) {
		m = &s->shms[item];
		pane_printf(p, w, ST_TITLE, "%s 0x%08x %s %d ",
		    tr("shm", gloss(GL_SHM)), (unsigned)m->info.perm.key,
		    gloss(GL_ID), m->info.id);
		pane_printf(p, w, ST_TEXT, "%zu B %s %lu", m->info.size,
		    gloss(GL_NATTCH), m->info.nattch);
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
	pane_printf(p, w, ST_TITLE, "%s 0x%08x %s %d ",
	    tr("sem", gloss(GL_SEM)), (unsigned)e->info.perm.key,
	    gloss(GL_ID), e->info.id);
	pane_printf(p, w, ST_TEXT, "%s", tr("values", "值"));
	for (i = 0; e->members && i < e->info.nsems; i++)
		pane_printf(p, w, e->members[i].ncnt || e->members[i].zcnt ?
		    ST_WARN : ST_TEXT, " %d", e->members[i].val);
	if (!e->readable)
		pane_printf(p, w, ST_DIM, " %s", tr("(not readable)", "(无权读取)"));
}
static void
pane_draw_event(struct pane *p, WINDOW *w, const struct pline *l)
{
	int n = l->item;
	const struct watch_event *e = watch_event(p->watch, (size_t)n);
	const char *text;
	struct tm tm;
	char when[16];

	if (p->tw != NULL) {
		pane_tape_draw_line(p, w, l);	/* the tape's feed */
		return;
	}
	if (e == NULL)
		return;
	text = snap_event_text(&e->ev);
	localtime_r(&e->when.tv_sec, &tm);
	strftime(when, sizeof(when), "%H:%M:%S", &tm);
	pane_printf(p, w, ST_DIM, "%s ", when);
	pane_put(p, w, text ? text : "", -1,
	    pane_attr(p, n == 0 ? ST_TITLE : ST_TEXT));
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
	pane_dl(p, ST_TITLE, "%s %d: %s", tr("process", "进程"),
	    (int)pr->pid, cmd);
	pane_dl(p, ST_TEXT, "ppid %d  pgid %d  sid %d  %s %c  wchan %s (%s)",
	    (int)pr->ppid, (int)pr->pgid, (int)pr->sid, tr("state", "状态"),
	    pr->state, pr->wchan[0] ? pr->wchan : "-", pr->wchan_raw);
	d = pane_dl_new(p);
	pane_dl_seg(d, ST_PEND, "P %s", gloss(GL_PENDING));
	pane_dl_seg(d, ST_WARN, "  B %s", gloss(GL_MASKED));
	pane_dl_seg(d, ST_DIM, "  I %s", gloss(GL_IGNORED));
	pane_dl_seg(d, ST_OK, "  C %s", gloss(GL_CAUGHT));
	for (row = 0; row < 16; row++) {
		d = pane_dl_new(p);
		for (col = 0; col < 4; col++) {
			sig = col * 16 + row + 1;
			bit = 1ULL << (sig - 1);
			name = sig_name(sig);
			st = (pnd & bit) ? ST_PEND : (pr->sigblk & bit) ? ST_WARN :
			    (pr->sigcgt & bit) ? ST_OK : (pr->sigign & bit) ?
			    ST_DIM : ST_TEXT;
			pane_dl_seg(d, st, "%2d %-9s %c%c%c%c   ", sig,
			    name ? name : "-", (pnd & bit) ? 'P' : '.',
			    (pr->sigblk & bit) ? 'B' : '.',
			    (pr->sigign & bit) ? 'I' : '.',
			    (pr->sigcgt & bit) ? 'C' : '.');
		}
	}
	if (pr->sigign & PANE_GLIBC_SIGS)
		pane_dl(p, ST_DIM, "%s", tr("32, 33: glibc's own signals (nptl(7): cancellation, setxid), ignored since a parent such as GNU make started it so; no program here uses them",
		    "32、33: glibc 自用的信号 (nptl(7): 线程取消、setxid), 因父进程 (如 GNU make) 启动时已忽略而被忽略; 这里的程序不用它们"));
}
static void
pane_detail_ends(struct pane *p, const char *what, const struct snap_end *e,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		pane_dl(p, e[i].blocked ? ST_WARN : ST_TEXT,
		    "  %s: %s %d fd %d%s", what, pane_comm(p->snap, e[i].pid),
		    (int)e[i].pid, e[i].fd,
		    e[i].blocked ? tr("  (blocked)", "  (阻塞)") : "");
}
static void
pane_detail_pipe(struct pane *p, const struct snap_pipe *pp)
{
	pane_dl(p, ST_TITLE, "%s %lu%s%s", pp->kind == SNAP_FIFO ?
	    "fifo" : "pipe", pp->inode, pp->path ? "  " : "",
	    pp->path ? pp->path : "");
	pane_dl(p, pp->full ? ST_BAD : ST_TEXT,
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

	pane_dl(p, ST_TITLE, "queue key 0x%08x id %d  mode %03o  uid %d",
	    (unsigned)q->info.perm.key, q->info.id, q->info.perm.mode & 0777,
	    (int)q->info.perm.uid);
	pane_dl(p, ST_TEXT, "%lu %s, %lu/%lu B  lspid %d  lrpid %d",
	    q->info.qnum, tr("messages", "条消息"), q->info.cbytes,
	    q->info.qbytes, (int)q->info.lspid, (int)q->info.lrpid);
	if (!q->readable)
		pane_dl(p, ST_BAD, "%s", tr("messages not readable: permission denied",
		    "无权读取消息"));
	for (i = 0; i < q->nmsgs; i++) {
		pane_text(q->msgs[i].data, q->msgs[i].size, text, sizeof(text));
		pane_dl(p, ST_TEXT, "  #%zu  %s %ld  %zu B  \"%s\"",
		    i + 1, gloss(GL_MTYPE), q->msgs[i].type, q->msgs[i].size, text);
	}
	if (q->nmsgs < q->info.qnum)
		pane_dl(p, ST_DIM, "  ... %lu %s", q->info.qnum - q->nmsgs,
		    tr("more not copied", "条未复制"));
}
static void
pane_detail_sysv(struct pane *p, long key)
{
	const struct snapshot *s = p->snap;
	const struct snap_shm *m;
	const struct snap_sem *e;
	char text[160];
	size_t i;

	if (key >= 0 && (m = snap_sysv_find(s, SYSV_SHM, key))) {
		pane_dl(p, ST_TITLE, "shm key 0x%08x id %d  %zu B  nattch %lu",
		    (unsigned)m->info.perm.key, m->info.id, m->info.size,
		    m->info.nattch);
		pane_dl(p, ST_TEXT, "cpid %d  lpid %d",
		    (int)m->info.cpid, (int)m->info.lpid);
		for (i = 0; i < m->nattached; i++)
			pane_dl(p, ST_TEXT, "  %s %d %s",
			    tr("attached:", "已附加:"), (int)m->attached[i],
			    pane_comm(s, m->attached[i]));
		for (i = 0; m->readable && i < m->npreview; i += 16) {
			pane_text(m->preview + i, m->npreview - i < 16 ?
			    m->npreview - i : 16, text, sizeof(text));
			pane_dl(p, ST_DIM, "  %04zx  %s", i, text);
		}
		return;
	}
	e = snap_sysv_find(s, SYSV_SEM, (int)(-1 - key));
	if (e == NULL)
		return;
	pane_dl(p, ST_TITLE, "sem key 0x%08x id %d  %lu %s",
	    (unsigned)e->info.perm.key, e->info.id, e->info.nsems,
	    tr("semaphores", "个信号量"));
	for (i = 0; e->members && i < e->info.nsems; i++)
		pane_dl(p, ST_TEXT, "  #%zu  %s %d  ncnt %d  zcnt %d  pid %d",
		    i, tr("value", "值"), e->members[i].val,
		    e->members[i].ncnt, e->members[i].zcnt,
		    (int)e->members[i].pid);
}

/* ------------------------------------------------------------------ */
/* each section's lines and what its detail view follows               */

static void
pane_procs_lines(struct pane *p, int sec)
{
	size_t i;

	pane_free_prefixes(p);
	pane_tree_prefixes(p);
	for (i = 0; i < p->snap->nprocs; i++)
		pane_add_line(p, sec, i, -1);
}

static void
pane_pipes_lines(struct pane *p, int sec)
{
	const struct snapshot *s = p->snap;
	size_t i;

	/* full pipes first: what a student is looking for must be in view */
	for (i = 0; i < s->npipes; i++)
		if (s->pipes[i].full && !pane_pipe_internal(p, &s->pipes[i]))
			pane_add_line(p, sec, i, -1);
	for (i = 0; i < s->npipes; i++)
		if (!s->pipes[i].full && !pane_pipe_internal(p, &s->pipes[i]))
			pane_add_line(p, sec, i, -1);
}

static void
pane_queues_lines(struct pane *p, int sec)
{
	const struct snapshot *s = p->snap;
	size_t i, j;

	for (i = 0; i < s->nqueues; i++) {
		if (!pane_queue_shown(p, &s->queues[i]))
			continue;
		pane_add_line(p, sec, i, -1);
		if (!s->queues[i].readable && s->queues[i].info.qnum > 0)
			pane_add_line(p, sec, i, 0);
		for (j = 0; j < s->queues[i].nmsgs; j++)
			pane_add_line(p, sec, i, j);
	}
}

/* Segments first, then semaphore sets, numbered on after them. */
static void
pane_sysv_lines(struct pane *p, int sec)
{
	const struct snapshot *s = p->snap, *base = watch_baseline(p->watch);
	size_t i;

	for (i = 0; i < s->nshms; i++)
		if (pane_sysv_shown(p, s->shms[i].related,
		    snap_sysv_find(base, SYSV_SHM, s->shms[i].info.id) != NULL,
		    &s->shms[i].info.perm))
			pane_add_line(p, sec, i, -1);
	for (i = 0; i < s->nsems; i++)
		if (pane_sysv_shown(p, s->sems[i].related,
		    snap_sysv_find(base, SYSV_SEM, s->sems[i].info.id) != NULL,
		    &s->sems[i].info.perm))
			pane_add_line(p, sec, (int)(s->nshms + i), -1);
}

static void
pane_events_lines(struct pane *p, int sec)
{
	size_t i;

	if (p->tw != NULL) {
		pane_tape_lines(p, sec);
		return;
	}
	for (i = 0; i < watch_nevents(p->watch); i++)
		pane_add_line(p, sec, i, -1);
}

static long
pane_procs_key(const struct pane *p, const struct pline *l)
{
	return p->snap->procs[l->item].pid;
}

static long
pane_pipes_key(const struct pane *p, const struct pline *l)
{
	return (long)p->snap->pipes[l->item].inode;
}

static long
pane_queues_key(const struct pane *p, const struct pline *l)
{
	return p->snap->queues[l->item].info.id;
}

/* A segment's id, or -1 - id for a semaphore set. */
static long
pane_sysv_key(const struct pane *p, const struct pline *l)
{
	const struct snapshot *s = p->snap;

	return (size_t)l->item < s->nshms ? s->shms[l->item].info.id :
	    -1 - s->sems[l->item - s->nshms].info.id;
}

static void
pane_procs_detail(struct pane *p, long key)
{
	const struct snap_proc *pr = snap_proc_find(p->snap, (pid_t)key);

	if (pr != NULL)
		pane_detail_proc(p, pr);
}

static void
pane_pipes_detail(struct pane *p, long key)
{
	const struct snap_pipe *pp = snap_pipe_find(p->snap,
	    (unsigned long)key);

	if (pp != NULL)
		pane_detail_pipe(p, pp);
}

static void
pane_queues_detail(struct pane *p, long key)
{
	const struct snap_queue *q = snap_sysv_find(p->snap, SYSV_MSG,
	    (int)key);

	if (q != NULL)
		pane_detail_queue(p, q);
}

/* In the order of enum pane_section; the key shows or hides the section. */
const struct pane_sec pane_sections[SEC_N] = {
	[SEC_PROCS] = { "Processes", "进程", NULL, NULL, '1', 0, pane_procs_lines,
	    pane_draw_proc, pane_procs_key, pane_procs_detail },
	[SEC_PIPES] = { "Pipes and FIFOs", "管道与命名管道", "pipes", "管道",
	    '2', 2,
	    pane_pipes_lines, pane_draw_pipe, pane_pipes_key,
	    pane_pipes_detail },
	[SEC_QUEUES] = { "Message queues", "消息队列", "queues", "消息队列",
	    '3', 2,
	    pane_queues_lines, pane_draw_queue, pane_queues_key,
	    pane_queues_detail },
	[SEC_SYSV] = { "Shared memory and semaphores", "共享内存与信号量",
	    "shm, sem", "共享内存、信号量", '4', 2, pane_sysv_lines, pane_draw_sysv, pane_sysv_key,
	    pane_detail_sysv },
	[SEC_SOCKS] = { "Sockets, eventfds, signalfds",
	    "套接字与 eventfd、signalfd", "sockets", "套接字", '6', 2, pane_socks_lines,
	    pane_draw_sock, pane_socks_key,
	    pane_socks_detail },
	/* marked POSIX, apart from System V's; '5' was the events' first */
	[SEC_POSIX] = { "POSIX queues and shared memory",
	    "POSIX 消息队列与共享内存", "POSIX", "POSIX", '7', 2, pane_posix_lines,
	    pane_posix_draw, pane_posix_key, pane_posix_detail },
	[SEC_EVENTS] = { "Events (newest first)", "事件 (最新在前)",
	    NULL, NULL, '5', 2, pane_events_lines, pane_draw_event, NULL, NULL },
};
