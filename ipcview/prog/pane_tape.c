/*
 * pane_tape.c - the tape on the pane: the events section drawn from the
 * tape's feed (tapewatch.h), a timeline of a process or pipeline (key t),
 * and a replay of the last pipeline, one step a second (key p).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "pane_int.h"
#include "watch.h"

#define PANE_STEP	1.0	/* seconds a replay step stays the newest */

enum { PV_TIMELINE = 1, PV_REPLAY };

struct pane_view {
	int		kind;
	int		group;		/* the group shown, or 0 */
	pid_t		pid;		/* the process shown, or 0 */
	struct tapewatch_step *steps;
	size_t		n;
	char		*title;		/* the command line, or NULL */
	char		*story_en[TAPEWATCH_NLINES];
	char		*story_zh[TAPEWATCH_NLINES];
	int		nstory;
	int		off;		/* timeline: first line shown */
	size_t		shown;		/* replay: steps shown so far */
	int		paused;
	double		next;		/* replay: when the next step shows */
};

void
pane_tape_lines(struct pane *p, int sec)
{
	size_t i;

	for (i = 0; i < tapewatch_nfeed(p->tw); i++)
		pane_add_line(p, sec, (int)i, -1);
}

/* "21:40:01" (with milliseconds: "21:40:01.123"). */
static void
pane_tape_when(struct timespec t, int ms, char *buf, size_t size)
{
	struct tm tm;
	size_t n;

	localtime_r(&t.tv_sec, &tm);
	n = strftime(buf, size, "%H:%M:%S", &tm);
	if (ms && n + 5 <= size)
		snprintf(buf + n, size - n, ".%03ld", t.tv_nsec / 1000000);
}

void
pane_tape_draw_line(struct pane *p, WINDOW *w, const struct pline *l)
{
	const struct tapewatch_item *it = tapewatch_feed(p->tw,
	    (size_t)l->item);
	const struct tapewatch_group *g;
	const char *text;
	char when[16];

	if (it == NULL)
		return;
	if (it->ev != NULL) {
		text = snap_event_text(&it->ev->ev);
		pane_tape_when(it->when, 0, when, sizeof(when));
		pane_printf(p, w, ST_DIM, "%s ", when);
		pane_put(p, w, text ? text : "", -1,
		    pane_attr(p, l->item == 0 ? ST_TITLE : ST_TEXT));
		return;
	}
	text = tr(it->en, it->zh);
	if (it->line == 0) {
		g = tapewatch_group_id(p->tw, it->group);
		pane_tape_when(g ? g->first : it->when, 0, when, sizeof(when));
		pane_printf(p, w, ST_DIM, "%s ", when);
		pane_put(p, w, "$ ", -1, pane_attr(p, ST_DIM));
		pane_put(p, w, text ? text : "", -1, pane_attr(p, ST_TITLE));
		return;
	}
	pane_put(p, w, "           ", -1, 0);
	pane_put(p, w, text ? text : "", -1, pane_attr(p,
	    strstr(text ? text : "", "SIG") ? ST_WARN : ST_OK));
}

void
pane_tape_close(struct pane *p)
{
	struct pane_view *v = p->view;
	int i;

	if (v == NULL)
		return;
	tapewatch_steps_free(v->steps, v->n);
	for (i = 0; i < v->nstory; i++) {
		free(v->story_en[i]);
		free(v->story_zh[i]);
	}
	free(v->title);
	free(v);
	p->view = NULL;
}

/* The group of the selected events line, or 0. */
static int
pane_tape_selected_group(const struct pane *p)
{
	const struct tapewatch_item *it;

	if (p->focus != SEC_EVENTS || p->nlines[SEC_EVENTS] == 0)
		return 0;
	it = tapewatch_feed(p->tw,
	    (size_t)p->lines[SEC_EVENTS][p->sel[SEC_EVENTS]].item);
	return it != NULL && it->ev == NULL ? it->group : 0;
}

/* The selected process's pid, or 0. */
static pid_t
pane_tape_selected_pid(const struct pane *p)
{
	const struct pline *l;

	if (p->focus != SEC_PROCS || p->snap == NULL ||
	    p->nlines[SEC_PROCS] == 0)
		return 0;
	l = &p->lines[SEC_PROCS][p->sel[SEC_PROCS]];
	return l->sub < 0 && (size_t)l->item < p->snap->nprocs ?
	    p->snap->procs[l->item].pid : 0;
}

/* The view's records and, for a group, its command and story. */
static void
pane_tape_fill(struct pane_view *v, const struct tapewatch *tw)
{
	const struct tapewatch_group *g;
	int i;

	v->steps = tapewatch_steps(tw, v->group, v->pid, &v->n);
	g = v->group ? tapewatch_group_id(tw, v->group) : NULL;
	if (g == NULL)
		return;
	v->title = g->cmd ? strdup(g->cmd) : NULL;
	for (i = 1; i < g->nlines && v->nstory < TAPEWATCH_NLINES; i++) {
		v->story_en[v->nstory] = strdup(g->en[i]);
		v->story_zh[v->nstory] = strdup(g->zh[i]);
		v->nstory++;
	}
}

int
pane_tape_open(struct pane *p, wint_t ch)
{
	const struct tapewatch_group *g;
	struct pane_view *v;

	if (ch != 't' && ch != 'p')
		return 0;
	if (p->tw == NULL)
		return 1;	/* no tape: the keys do nothing */
	v = calloc(1, sizeof(*v));
	if (v == NULL)
		return 1;
	v->kind = ch == 't' ? PV_TIMELINE : PV_REPLAY;
	v->group = pane_tape_selected_group(p);
	if (v->kind == PV_TIMELINE && v->group == 0)
		v->pid = pane_tape_selected_pid(p);
	if (v->group == 0 && v->pid == 0) {
		/* the last command that ended; a timeline takes a running one */
		g = v->kind == PV_REPLAY ? tapewatch_last_ended(p->tw) :
		    tapewatch_group(p->tw, 0);
		v->group = g ? g->id : 0;
	}
	pane_tape_fill(v, p->tw);
	if (v->n == 0 && v->pid > 0) {
		/* not on the tape (the shell itself): the last command */
		tapewatch_steps_free(v->steps, v->n);
		v->steps = NULL;
		v->pid = 0;
		g = tapewatch_group(p->tw, 0);
		v->group = g ? g->id : 0;
		pane_tape_fill(v, p->tw);
	}
	v->shown = v->kind == PV_REPLAY ? (v->n > 0) : v->n;
	v->next = watch_now() + PANE_STEP;
	pane_tape_close(p);
	p->view = v;
	return 1;
}

int
pane_tape_key(struct pane *p, int iskey, wint_t ch)
{
	struct pane_view *v = p->view;

	if ((!iskey && (ch == 27 || ch == 'q' || ch == '\r')) ||
	    (iskey && ch == KEY_ENTER)) {
		pane_tape_close(p);
	} else if (!iskey && (ch == 't' || ch == 'p')) {
		pane_tape_close(p);
		pane_tape_open(p, ch);
	} else if (v->kind == PV_REPLAY && !iskey && ch == ' ') {
		v->paused = !v->paused;
		v->next = watch_now() + PANE_STEP;
	} else if (v->kind == PV_REPLAY && iskey && ch == KEY_RIGHT) {
		if (v->shown < v->n)
			v->shown++;
		v->next = watch_now() + PANE_STEP;
	} else if (v->kind == PV_REPLAY && iskey && ch == KEY_LEFT) {
		if (v->shown > 1)
			v->shown--;
		v->paused = 1;
	} else if ((iskey && ch == KEY_DOWN) || (!iskey && ch == 'j')) {
		v->off++;
	} else if ((iskey && ch == KEY_UP) || (!iskey && ch == 'k')) {
		v->off--;
	} else if (iskey && ch == KEY_NPAGE) {
		v->off += 10;
	} else if (iskey && ch == KEY_PPAGE) {
		v->off -= 10;
	} else {
		return 0;
	}
	if (p->view != NULL && p->view->off < 0)
		p->view->off = 0;
	return 1;
}

int
pane_tape_due(const struct pane *p)
{
	const struct pane_view *v = p->view;

	return v != NULL && v->kind == PV_REPLAY && !v->paused &&
	    v->shown < v->n && watch_now() >= v->next;
}

/* The view's heading: what it shows and its keys. */
static void
pane_tape_heading(struct pane *p, WINDOW *w, int y)
{
	struct pane_view *v = p->view;
	char what[64];

	wmove(w, y, 0);
	if (v->pid > 0)
		snprintf(what, sizeof(what), "%s %d", tr("process", "进程"),
		    (int)v->pid);
	if (v->kind == PV_TIMELINE)
		pane_printf(p, w, ST_HEAD, " %s ", tr("Tape timeline",
		    "录像时间线"));
	else if (i18n_lang() == LANG_ZH)
		pane_printf(p, w, ST_HEAD, " 回放 第 %zu/%zu 步 ", v->shown,
		    v->n);
	else
		pane_printf(p, w, ST_HEAD, " Replay, step %zu/%zu ", v->shown,
		    v->n);
	pane_put(p, w, " ", -1, 0);
	pane_put(p, w, v->pid > 0 ? what : v->title ? v->title :
	    tr("(nothing on the tape yet)", "（录像中还没有内容）"), -1,
	    pane_attr(p, ST_TITLE));
}

/* The keys, on the last row. */
static void
pane_tape_keys(struct pane *p, WINDOW *w)
{
	wmove(w, getmaxy(w) - 1, 0);
	wclrtoeol(w);
	pane_printf(p, w, ST_DIM, " %s", p->view->kind == PV_REPLAY ?
	    tr("Space pause  Left/Right step  t timeline  Esc close",
	    "空格 暂停  左/右 单步  t 时间线  Esc 关闭") :
	    tr("j/k scroll  p replay  Esc close",
	    "j/k 滚动  p 回放  Esc 关闭"));
}

static void
pane_tape_draw_timeline(struct pane *p, WINDOW *w, int y, int rows)
{
	struct pane_view *v = p->view;
	const char *raw, *call;
	char when[16];
	int i, k;

	/* time, pid, then the call and its result */
	if (v->off > (int)v->n - rows)
		v->off = (int)v->n - rows > 0 ? (int)v->n - rows : 0;
	for (i = 0; i < rows && (size_t)(v->off + i) < v->n; i++) {
		k = v->off + i;
		raw = v->steps[k].raw ? v->steps[k].raw : "";
		call = strchr(raw, ' ');
		call = call ? call + 1 : raw;
		wmove(w, y + i, 1);
		pane_tape_when(v->steps[k].when, 1, when, sizeof(when));
		pane_printf(p, w, ST_DIM, "%s ", when);
		pane_printf(p, w, ST_TEXT, "%6d ", (int)v->steps[k].pid);
		pane_put(p, w, call, -1, pane_attr(p,
		    strstr(call, "SIG") || strstr(call, "= -1") ? ST_WARN :
		    strstr(call, "pipe:") ? ST_OK : ST_TEXT));
	}
}

static void
pane_tape_draw_replay(struct pane *p, WINDOW *w, int y, int rows)
{
	struct pane_view *v = p->view;
	int total, first, i, k, row = 0;
	char when[16];

	/* the steps shown so far, then the story once all are */
	total = (int)v->shown + (v->shown == v->n ? v->nstory : 0);
	first = total > rows ? total - rows : 0;
	for (i = first; i < total && row < rows; i++, row++) {
		wmove(w, y + row, 1);
		if (i >= (int)v->shown) {
			k = i - (int)v->shown;
			pane_put(p, w, "  ", -1, 0);
			pane_put(p, w, tr(v->story_en[k], v->story_zh[k]), -1,
			    pane_attr(p, ST_OK));
			continue;
		}
		pane_tape_when(v->steps[i].when, 1, when, sizeof(when));
		pane_printf(p, w, ST_DIM, "%s ", when);
		pane_put(p, w, tr(v->steps[i].en ? v->steps[i].en : "",
		    v->steps[i].zh ? v->steps[i].zh : ""), -1,
		    pane_attr(p, i + 1 == (int)v->shown ? ST_TITLE : ST_TEXT));
	}
}

void
pane_tape_draw(struct pane *p, WINDOW *w, int y)
{
	struct pane_view *v = p->view;
	int rows = getmaxy(w) - y - 2;

	if (pane_tape_due(p)) {
		v->shown++;
		v->next = watch_now() + PANE_STEP;
	}
	pane_tape_heading(p, w, y);
	if (rows > 0 && v->kind == PV_TIMELINE)
		pane_tape_draw_timeline(p, w, y + 1, rows);
	else if (rows > 0)
		pane_tape_draw_replay(p, w, y + 1, rows);
	if (getmaxy(w) - y > 2)
		pane_tape_keys(p, w);
}
