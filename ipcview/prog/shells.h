/*
 * shells.h - the hosted shells of the split screen: one to four, each on
 * its own pty, side by side or one above the other, one of them current.
 */
#ifndef IPCVIEW_SHELLS_H
#define IPCVIEW_SHELLS_H

#include <stddef.h>
#include <curses.h>

#include "host.h"
#include "view.h"

struct shells {
	struct host	*h[VIEW_MAXSHELLS];
	WINDOW		*w[VIEW_MAXSHELLS];	/* each one's screen */
	WINDOW		*sep[VIEW_MAXSHELLS];	/* the line before shell i > 0 */
	int		rows[VIEW_MAXSHELLS], cols[VIEW_MAXSHELLS];
	int		n, cur;
	int		side;		/* 1: side by side; 0: one above the other */
	int		zoom;		/* Ctrl+] z: zoomed when they would not be */
	int		zoomed;		/* the current one alone, on the whole area */
};

/* The label of shell i on the screen and in the pane: 'A', 'B', ... */
int shells_label(int i);

/*
 * Lays the shells out in the area (top row, rows x cols) and gives each
 * pty its size (TIOCSWINSZ): side by side when each keeps 60 columns,
 * else one above the other, a labelled line between two; when they
 * would get fewer than 10 rows each (two at 80x24), the current one alone
 * on the whole area (zoomed; Ctrl+] o shows the next). zoom turns that
 * decision round.
 */
void shells_layout(struct shells *s, int top, int rows, int cols);

/* The size a new shell gets once it is added: rows and cols. */
void shells_next_size(const struct shells *s, int rows, int cols, int *r,
    int *c);

/* Adds h (the area must be laid out again). -1 when there are four. */
int shells_add(struct shells *s, struct host *h);

/*
 * Starts one more ipcsh as o asks (--lang, --sandbox, a tape of its own,
 * a lesson), sized for the area of rows x cols it will share, and adds
 * it. NULL with *cause (static) and errno when it cannot start.
 */
struct host *shells_start(struct shells *s, const struct view_opts *o,
    int rows, int cols, const char **cause);

/* The tape file shell i records (tape.h), its folder made. 0 or -1. */
int shells_tape_path(int i, char *buf, size_t size);

/* Removes shell i (freed by the caller): its windows go. */
void shells_remove(struct shells *s, int i);

/*
 * Draws every shell's changed rows and the separators; all: everything.
 * The current shell is drawn last so the cursor stays in it; returns 1
 * when its cursor is visible.
 */
int shells_draw(struct shells *s, int color, int all);

#endif
