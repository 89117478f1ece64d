/*
 * pane.c - the live pane: layout of its sections, headings, keys, details.
 * The sections are the rows of pane_sections[] (pane_sections.c). Draws
 * only what the watch holds, never reads /proc.
 */
#include <errno.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "i18n.h"
#include "pane_int.h"
#include "render.h"

/* ------------------------------------------------------------------ */
/* the pane, styles and text                                           */

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
		p->shown[i] = 1;	/* until its key hides it */
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

attr_t
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
int
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

int
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
void
pane_put_col(const struct pane *p, WINDOW *w, const char *s, int width,
    attr_t a)
{
	int used = pane_put(p, w, s, width, a);

	while (used++ < width && getcurx(w) < getmaxx(w) - 1)
		waddch(w, ' ');
}

/* Printable text of message bytes: UTF-8 kept, other bytes as \ooo. */
void
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

void
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
pane_build_lines(struct pane *p)
{
	int sec;

	for (sec = 0; sec < SEC_N; sec++) {
		p->nlines[sec] = 0;
		pane_sections[sec].lines(p, sec);
		if (p->sel[sec] >= p->nlines[sec])
			p->sel[sec] = p->nlines[sec] > 0 ?
			    p->nlines[sec] - 1 : 0;
	}
}

/* The lines for the watch's last sample, when it has a new one. */
static void
pane_sync(struct pane *p)
{
	if (p->snap != NULL && p->drawn == watch_samples(p->watch) &&
	    (p->tw == NULL || p->tape_gen == tapewatch_gen(p->tw)))
		return;
	pane_free_prefixes(p);
	p->snap = watch_last(p->watch);
	p->drawn = watch_samples(p->watch);
	p->tape_gen = p->tw != NULL ? tapewatch_gen(p->tw) : 0;
	if (p->snap == NULL)
		return;
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
	return p->dirty || p->drawn != watch_samples(p->watch) ||
	    (p->tw != NULL && p->tape_gen != tapewatch_gen(p->tw)) ||
	    pane_tape_due(p);
}

void
pane_set_tape(struct pane *p, const struct tapewatch *tw)
{
	p->tw = tw;
	p->dirty = 1;
}

int
pane_view_open(const struct pane *p)
{
	return p->view != NULL;
}

void
pane_free(struct pane *p)
{
	int i;

	if (p == NULL)
		return;
	pane_tape_close(p);
	pane_free_prefixes(p);
	for (i = 0; i < SEC_N; i++)
		free(p->lines[i]);
	free(p->dl);
	free(p);
}

/* ------------------------------------------------------------------ */
/* layout                                                              */

/*
 * Whether sec is drawn only as its name on the one line of empty
 * sections: an object section (it has a short name) shown, empty and not
 * focused, while another one is too. At 80x24 that leaves the story the
 * lines five "none" headings would take.
 */
static int
pane_folded(const struct pane *p, int sec)
{
	int k, n = 0;

	for (k = 0; k < SEC_N; k++)
		n += pane_sections[k].short_en != NULL && p->shown[k] &&
		    p->nlines[k] == 0 && k != p->focus;
	return n > 1 && pane_sections[sec].short_en != NULL &&
	    p->shown[sec] && p->nlines[sec] == 0 && sec != p->focus;
}

/*
 * Rows for each section: every shown section's heading first (the empty
 * ones share one line, pane_folded; at 80x24 in Chinese all seven stay in
 * view), then one line each for the non-empty ones (the events only after
 * the objects, unless focused), then the rest in turns, two a turn for
 * the focused section. What does not fit is counted on the heading.
 */
static void
pane_layout(const struct pane *p, int avail, int rows[SEC_N])
{
	int sec, k, n, given, fold = 0;

	for (sec = 0; sec < SEC_N; sec++) {
		rows[sec] = 0;
		if (pane_folded(p, sec)) {
			avail -= !fold;
			fold = 1;
		} else if (p->shown[sec] && avail > 0) {
			rows[sec] = 1;
			avail--;
		}
	}
	/* a line of each non-empty one holding objects, the focused first */
	for (k = 0; k < SEC_N && avail > 0; k++) {
		sec = (p->focus + k) % SEC_N;
		if (sec == SEC_EVENTS && p->focus != SEC_EVENTS)
			continue;	/* the story waits for what is left */
		if (rows[sec] > 0 && p->nlines[sec] > 0) {
			rows[sec]++;
			avail--;
		}
	}
	do {
		given = 0;
		for (k = 0; k < SEC_N && avail > 0; k++) {
			sec = (p->focus + k) % SEC_N;
			for (n = k == 0 ? 2 : 1; n > 0 && avail > 0 &&
			    rows[sec] > 0 && rows[sec] - 1 < p->nlines[sec];
			    n--) {
				rows[sec]++;
				avail--;
				given = 1;
			}
		}
	} while (given && avail > 0);
}

static void
pane_draw_heading(struct pane *p, WINDOW *w, int sec, int active, int vis)
{
	attr_t a = pane_attr(p, ST_TITLE);
	int n = p->nlines[sec], x, more;

	if (active && p->focus == sec)
		a = pane_attr(p, ST_HEAD);
	wattr_on(w, a, NULL);
	waddch(w, ' ');
	wattr_off(w, a, NULL);
	pane_printf(p, w, active && p->focus == sec ? ST_HEAD : ST_TITLE,
	    "%c %s ", pane_sections[sec].key, tr(pane_sections[sec].en,
	    pane_sections[sec].zh));
	if (n == 0)
		pane_printf(p, w, ST_DIM, "%s ", tr("none", "无"));
	else if (p->off[sec] > 0)
		pane_printf(p, w, ST_DIM, "(%s %d/%d) ", tr("from", "自"),
		    p->off[sec] + 1, n);
	/* lines cut off below: say how many, never hide them silently */
	more = n - p->off[sec] - (vis > 0 ? vis : 0);
	if (more > 0)
		pane_printf(p, w, ST_WARN, tr("+%d more ", "+%d 未显示 "),
		    more);
	x = getcurx(w);
	while (x++ < getmaxx(w) - 1)
		pane_put(p, w, p->utf8 ? "\u2500" : "-", 1,
		    pane_attr(p, ST_DIM));
}

/* The line of the empty sections: " 2 pipes · 3 queues: none ───". */
static void
pane_draw_folded(struct pane *p, WINDOW *w)
{
	const char *dot = p->utf8 ? "\u00b7 " : "- ";
	int sec, n = 0, x;

	for (sec = 0; sec < SEC_N; sec++) {
		if (!pane_folded(p, sec))
			continue;
		pane_printf(p, w, ST_TITLE, " %s%c %s", n++ ? dot : "",
		    pane_sections[sec].key, tr(pane_sections[sec].short_en,
		    pane_sections[sec].short_zh));
	}
	pane_printf(p, w, ST_DIM, ": %s ", tr("none", "无"));
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
	/* which objects: this session's (default) or all ('a') */
	pane_printf(p, w, ST_HEAD, "  %s", p->all_queues ?
	    tr("a: all objects", "a: 全部对象") :
	    tr("a: this session's", "a: 本会话的对象"));
	x = width - (int)strlen(p->status) - 1;
	if (x > getcurx(w) + 1) {
		wmove(w, 0, x);
		pane_put(p, w, p->status, -1, pane_attr(p, ST_HEAD));
	}
}

void
pane_draw(struct pane *p, WINDOW *w, int active)
{
	int rows[SEC_N], sec, y = 1, i, h = getmaxy(w), vis, folded = 0;

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
	if (p->view != NULL) {
		pane_tape_draw(p, w, y);
		return;
	}
	pane_layout(p, h - y, rows);
	for (sec = 0; sec < SEC_N; sec++) {
		if (pane_folded(p, sec) && !folded && y < h) {
			wmove(w, y++, 0);
			pane_draw_folded(p, w);
			folded = 1;
		}
		if (rows[sec] == 0)
			continue;
		vis = rows[sec] - 1;
		if (p->sel[sec] < p->off[sec])
			p->off[sec] = p->sel[sec];
		if (vis > 0 && p->sel[sec] >= p->off[sec] + vis)
			p->off[sec] = p->sel[sec] - vis + 1;
		if (p->off[sec] > p->nlines[sec] - vis)
			p->off[sec] = p->nlines[sec] - vis > 0 ?
			    p->nlines[sec] - vis : 0;
		wmove(w, y++, 0);
		pane_draw_heading(p, w, sec, active, vis);
		for (i = 0; i < vis; i++) {
			int li = p->off[sec] + i;

			if (li >= p->nlines[sec])
				break;
			wmove(w, y + i, pane_sections[sec].indent);
			pane_sections[sec].draw(p, w, &p->lines[sec][li]);
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
	const struct pane_sec *sec = &pane_sections[p->focus];

	if (p->snap == NULL || p->nlines[p->focus] == 0 ||
	    sec->detail_key == NULL)
		return;
	p->detail_key = sec->detail_key(p,
	    &p->lines[p->focus][p->sel[p->focus]]);
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

/* The section key shows or hides, or -1. */
static int
pane_section_of_key(wint_t key)
{
	int sec;

	for (sec = 0; sec < SEC_N; sec++)
		if (pane_sections[sec].key == (int)key)
			return sec;
	return -1;
}

/*
 * w: the picture shown (with 'a', every queue too) as a Graphviz file,
 * named on the status line.
 */
static void
pane_picture(struct pane *p)
{
	char name[64], msg[sizeof(p->status)];

	if (p->snap == NULL)
		snprintf(msg, sizeof(msg), "%s",
		    tr("no picture yet", "尚无画面"));
	else if (render_dot_save(p->snap, p->all_queues ? 0 : RENDER_RELATED,
	    name, sizeof(name)) < 0)
		snprintf(msg, sizeof(msg), "%s: %s", tr("picture", "画面"),
		    strerror(errno));
	else
		snprintf(msg, sizeof(msg), "%s %s", tr("picture written to",
		    "画面已写入"), name);
	pane_set_status(p, msg);
}

int
pane_key(struct pane *p, int iskey, wint_t ch)
{
	int used = 1, sec;

	pane_sync(p);
	if (p->detail)
		used = pane_detail_key(p, iskey, ch);
	else if (p->view != NULL)
		used = pane_tape_key(p, iskey, ch);
	else if (!iskey && pane_tape_open(p, ch))
		;
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
	else if (!iskey && (sec = pane_section_of_key(ch)) >= 0)
		p->shown[sec] = !p->shown[sec];
	else if (!iskey && ch == 'a') {
		p->all_queues = !p->all_queues;
		if (p->snap)
			pane_build_lines(p);
	} else if (!iskey && ch == 'w')
		pane_picture(p);
	else
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

struct dline *
pane_dl_new(struct pane *p)
{
	struct dline *d;

	if (p->ndl >= DETAIL_MAX)
		return NULL;
	d = &p->dl[p->ndl++];
	d->nseg = 0;
	return d;
}

void
pane_dl(struct pane *p, enum style st, const char *fmt, ...)
{
	struct dline *d = pane_dl_new(p);
	va_list ap;

	if (d == NULL)
		return;
	d->seg[0].st = st;
	va_start(ap, fmt);
	vsnprintf(d->seg[0].text, sizeof(d->seg[0].text), fmt, ap);
	va_end(ap);
	d->nseg = 1;
}

void
pane_dl_seg(struct dline *d, enum style st, const char *fmt, ...)
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

static void
pane_detail_build(struct pane *p)
{
	p->ndl = 0;
	pane_sections[p->detail - 1].detail(p, p->detail_key);
	if (p->ndl == 0)
		pane_dl(p, ST_DIM, "%s", tr("(gone)", "(已不存在)"));
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
