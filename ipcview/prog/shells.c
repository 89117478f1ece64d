/*
 * shells.c - the hosted shells' part of the screen: how one to four
 * shells share it (side by side, or one above the other with a labelled
 * line between), and drawing them with the cursor in the current one.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "shells.h"
#include "start.h"
#include "tape.h"

#define SHELLS_SIDE_MIN	60	/* columns each shell keeps side by side */
#define SHELLS_STACK_MIN 10	/* rows each keeps one above the other */

int
shells_label(int i)
{
	return 'A' + i;
}

static void
shells_free_windows(struct shells *s)
{
	int i;

	for (i = 0; i < VIEW_MAXSHELLS; i++) {
		if (s->w[i])
			delwin(s->w[i]);
		if (s->sep[i])
			delwin(s->sep[i]);
		s->w[i] = s->sep[i] = NULL;
	}
}

/* Sizes of n shells in rows x cols: *r x *c each, the last gets the rest. */
static void
shells_split(int n, int side, int rows, int cols, int i, int *r, int *c)
{
	int each;

	if (n <= 1) {
		*r = rows;
		*c = cols;
		return;
	}
	if (side) {
		each = (cols - (n - 1)) / n;
		*r = rows;
		*c = i == n - 1 ? cols - (n - 1) - each * (n - 1) : each;
	} else {
		each = (rows - (n - 1)) / n;
		*c = cols;
		*r = i == n - 1 ? rows - (n - 1) - each * (n - 1) : each;
	}
	if (*r < 1)
		*r = 1;
	if (*c < 1)
		*c = 1;
}

void
shells_next_size(const struct shells *s, int rows, int cols, int *r, int *c)
{
	int n = s->n + 1;

	shells_split(n, cols >= n * SHELLS_SIDE_MIN + n - 1, rows, cols,
	    n - 1, r, c);
}

void
shells_layout(struct shells *s, int top, int rows, int cols)
{
	int i, y = top, x = 0, r, c;

	shells_free_windows(s);
	s->side = s->n > 1 && cols >= s->n * SHELLS_SIDE_MIN + s->n - 1;
	/* too few rows for each: the current one alone, the others as big */
	s->zoomed = s->n > 1 && ((!s->side &&
	    rows < s->n * SHELLS_STACK_MIN + s->n - 1) != (s->zoom != 0));
	for (i = 0; s->zoomed && i < s->n; i++) {
		s->w[i] = newwin(rows, cols, top, 0);
		s->rows[i] = rows;
		s->cols[i] = cols;
		host_resize(s->h[i], rows, cols);
		host_touch(s->h[i]);
	}
	for (i = 0; !s->zoomed && i < s->n; i++) {
		shells_split(s->n, s->side, rows, cols, i, &r, &c);
		if (i > 0) {
			s->sep[i] = s->side ? newwin(rows, 1, top, x) :
			    newwin(1, cols, y, 0);
			if (s->side)
				x++;
			else
				y++;
		}
		s->w[i] = newwin(r, c, y, x);
		s->rows[i] = r;
		s->cols[i] = c;
		host_resize(s->h[i], r, c);
		host_touch(s->h[i]);
		if (s->side)
			x += c;
		else
			y += r;
	}
}

int
shells_add(struct shells *s, struct host *h)
{
	if (s->n >= VIEW_MAXSHELLS)
		return -1;
	s->h[s->n++] = h;
	return 0;
}

void
shells_remove(struct shells *s, int i)
{
	if (i < 0 || i >= s->n)
		return;
	shells_free_windows(s);
	memmove(&s->h[i], &s->h[i + 1], (s->n - i - 1) * sizeof(s->h[0]));
	s->n--;
	s->h[s->n] = NULL;
	if (s->cur >= s->n)
		s->cur = s->n > 0 ? s->n - 1 : 0;
}

/* The line before shell i: its label, bold when it is the current one. */
static void
shells_draw_sep(struct shells *s, int i)
{
	WINDOW *w = s->sep[i];
	int k, len = s->side ? getmaxy(w) : getmaxx(w);
	attr_t a = i == s->cur ? A_BOLD : A_DIM;

	werase(w);
	wattr_on(w, a, NULL);
	for (k = 0; k < len; k++) {
		if (s->side)
			mvwaddch(w, k, 0, ACS_VLINE);
		else
			mvwaddch(w, 0, k, ACS_HLINE);
	}
	if (s->side)
		mvwaddch(w, 0, 0, shells_label(i));
	else
		mvwprintw(w, 0, 2, " %c ", shells_label(i));
	wattr_off(w, a, NULL);
	wnoutrefresh(w);
}

int
shells_draw(struct shells *s, int color, int all)
{
	int i, k, vis = 0;

	for (k = 0; k < s->n; k++) {
		/* the current one last: the cursor is left in it */
		i = (s->cur + 1 + k) % s->n;
		if (s->zoomed && i != s->cur)
			continue;	/* under the current one */
		if (s->sep[i] && all)
			shells_draw_sep(s, i);
		if (all) {
			host_touch(s->h[i]);
			touchwin(s->w[i]);
		}
		if (k == s->n - 1)
			vis = host_draw(s->h[i], s->w[i], color);
		else
			host_draw(s->h[i], s->w[i], color);
		wnoutrefresh(s->w[i]);
	}
	return vis;
}

int
shells_tape_path(int i, char *buf, size_t size)
{
	if (tape_dir(buf, size, 1) < 0 || strlen(buf) + 24 >= size)
		return -1;
	if (i == 0)
		snprintf(buf + strlen(buf), 24, "/view.%d", (int)getpid());
	else
		snprintf(buf + strlen(buf), 24, "/view.%d.%c", (int)getpid(),
		    shells_label(i));
	return 0;
}

struct host *
shells_start(struct shells *s, const struct view_opts *o, int rows, int cols,
    const char **cause)
{
	char path[PATH_MAX], speed[32], tape[PATH_MAX];
	const char *argv[16];
	struct host *h;
	int n = 0, r, c;

	if (s->n >= VIEW_MAXSHELLS) {
		*cause = "four shells at most";
		errno = EBUSY;
		return NULL;
	}
	argv[n++] = start_shell_path(o, path, sizeof(path));
	if (o->lang) {
		argv[n++] = "--lang";
		argv[n++] = o->lang;
	}
	if (o->sandbox)
		argv[n++] = "--sandbox";
	/* the tape: short-lived processes stay visible (tape.h); one each */
	if (!o->notape && shells_tape_path(s->n, tape, sizeof(tape)) == 0) {
		argv[n++] = "--tape";
		argv[n++] = tape;
	}
	if (o->lesson) {
		argv[n++] = "--lesson";
		argv[n++] = o->lesson;
		if (o->play)
			argv[n++] = "--play";
		if (o->play && o->step)
			argv[n++] = "--step";
		/* only when given: ipcsh's default applies otherwise */
		if (o->speed >= 0) {
			snprintf(speed, sizeof(speed), "%g", o->speed);
			argv[n++] = "--speed";
			argv[n++] = speed;
		}
	}
	argv[n] = NULL;
	start_path_programs();
	shells_next_size(s, rows, cols, &r, &c);
	h = host_new(argv[0], (char *const *)argv, r, c, cause);
	if (h != NULL)
		shells_add(s, h);
	return h;
}
