/*
 * pane.h - the live IPC pane: a watch's last sample and events, drawn.
 */
#ifndef IPCVIEW_PANE_H
#define IPCVIEW_PANE_H

#include <sys/types.h>
#include <wchar.h>
#include <curses.h>

#include "watch.h"
#include "tapewatch.h"

struct pane;

enum pane_section { SEC_PROCS, SEC_PIPES, SEC_QUEUES, SEC_SYSV, SEC_SOCKS,
	SEC_POSIX, SEC_EVENTS, SEC_N };

/*
 * A pane drawing w, which must outlive it: each draw shows w's last
 * sample and history; the pane only reads w. color: use the colour pairs
 * (after start_color()); 0 for monochrome. NULL when out of memory.
 */
struct pane *pane_new(const struct watch *w, int color);
void pane_free(struct pane *p);

/*
 * The tape beside the watch (tapewatch.h), which must outlive the pane:
 * its feed replaces the watch's events in the events section, and the
 * keys t (timeline) and p (replay) open its views. NULL: none.
 */
void pane_set_tape(struct pane *p, const struct tapewatch *tw);

/* Nonzero while a tape view (timeline, replay) has the keys. */
int pane_view_open(const struct pane *p);

/* The status text shown at the right of the header ("10 Hz", "frozen"). */
void pane_set_status(struct pane *p, const char *status);

/*
 * Draws the pane into w (erasing it first). active: the pane has the
 * keys, so the focused section and the selected line are highlighted.
 */
void pane_draw(struct pane *p, WINDOW *w, int active);

/*
 * A key for the pane: Tab/Shift+Tab focus, arrows/j/k/PgUp/PgDn scroll,
 * Enter detail, 1-7 toggle sections, a all queues, t the tape's timeline,
 * p its replay. Returns 1 when used.
 */
int pane_key(struct pane *p, int iskey, wint_t ch);

/* Nonzero while a detail view is open; pane_draw_detail draws it. */
int pane_detail_open(const struct pane *p);
void pane_draw_detail(struct pane *p, WINDOW *w);

/* Nonzero when a key or a new sample of the watch changed the picture. */
int pane_dirty(const struct pane *p);

#endif
