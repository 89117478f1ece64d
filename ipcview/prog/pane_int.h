/*
 * pane_int.h - the pane's state, drawing helpers and section operations.
 * Shared by pane.c (layout, keys, detail window), pane_sections.c and
 * pane_sock.c.
 */
#ifndef IPCVIEW_PANE_INT_H
#define IPCVIEW_PANE_INT_H

#include <stddef.h>

#include "pane.h"
#include "tapewatch.h"

#define DETAIL_MAX	512	/* lines of a detail view */

enum style { ST_TEXT, ST_HEAD, ST_TITLE, ST_OK, ST_WARN, ST_BAD, ST_DIM,
	ST_PEND, ST_BAR, ST_N };

/* A line of a section: item (process, pipe, queue...) and sub-line. */
struct pline {
	int		item;
	int		sub;	/* -1 for the item's own line */
};

/* A line of a detail view: up to four pieces, each in its style. */
struct seg {
	enum style	st;
	char		text[160];
};

struct dline {
	struct seg	seg[4];
	int		nseg;
};

struct pane {
	const struct watch *watch;	/* the model drawn, only read */
	unsigned long	drawn;		/* watch_samples() the lines are for */
	int		color, utf8;
	const struct snapshot *snap;	/* watch_last() the lines are of */
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
	/* the tape (pane_tape.c): its feed in the events, its views */
	const struct tapewatch *tw;	/* NULL: no tape */
	unsigned long	tape_gen;	/* tapewatch_gen() the lines are for */
	struct pane_view *view;		/* a timeline or a replay, or NULL */
};

/*
 * One section of the pane, as tmux's struct window_mode: its heading,
 * the key that shows or hides it, and its operations on p->snap.
 */
struct pane_sec {
	const char	*en, *zh;	/* the heading */
	/* its name on the line of empty sections; NULL: never folded */
	const char	*short_en, *short_zh;
	int		key;		/* '1'...: shows or hides it */
	int		indent;		/* columns before each line */
	/* Adds its lines for p->snap with pane_add_line(p, sec, ...). */
	void		(*lines)(struct pane *p, int sec);
	/* Draws line l at the cursor of w. */
	void		(*draw)(struct pane *p, WINDOW *w,
			    const struct pline *l);
	/* What line l's detail view follows (pid, inode, id); NULL: none. */
	long		(*detail_key)(const struct pane *p,
			    const struct pline *l);
	/* The detail view of key into p->dl (pane_dl_new); nothing if gone. */
	void		(*detail)(struct pane *p, long key);
};

extern const struct pane_sec pane_sections[SEC_N];

/* pane.c: drawing helpers (UTF-8 aware, cut at the window's edge). */
attr_t pane_attr(const struct pane *p, enum style st);
int pane_put(const struct pane *p, WINDOW *w, const char *s, int max,
    attr_t a);
int pane_printf(const struct pane *p, WINDOW *w, enum style st,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void pane_put_col(const struct pane *p, WINDOW *w, const char *s, int width,
    attr_t a);
void pane_text(const unsigned char *d, size_t n, char *out, size_t size);
void pane_add_line(struct pane *p, int sec, int item, int sub);
struct dline *pane_dl_new(struct pane *p);
void pane_dl_seg(struct dline *d, enum style st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A new detail line of one piece: pane_dl_seg(pane_dl_new(p), ...). */
void pane_dl(struct pane *p, enum style st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* pane_sock.c: the sockets section's operations (struct pane_sec). */
void pane_socks_lines(struct pane *p, int sec);
void pane_draw_sock(struct pane *p, WINDOW *w, const struct pline *l);
long pane_socks_key(const struct pane *p, const struct pline *l);
void pane_socks_detail(struct pane *p, long key);
/* pane_posix.c: the section of POSIX queues and shm objects. */
void pane_posix_lines(struct pane *p, int sec);
void pane_posix_draw(struct pane *p, WINDOW *w, const struct pline *l);
long pane_posix_key(const struct pane *p, const struct pline *l);
void pane_posix_detail(struct pane *p, long key);

/* pane_sections.c: frees the tree drawing of the processes' lines. */
void pane_free_prefixes(struct pane *p);

/*
 * pane_tape.c: the events section from the tape's feed (the watch's
 * events and the tape's groups), and the tape's views drawn in place of
 * the sections: a timeline ('t') and a replay ('p').
 */
void pane_tape_lines(struct pane *p, int sec);
void pane_tape_draw_line(struct pane *p, WINDOW *w, const struct pline *l);
/* 't' or 'p' opens its view: 1 when the key was one of them. */
int pane_tape_open(struct pane *p, wint_t ch);
/* A key while a view is open: 1 when used (Esc closes it). */
int pane_tape_key(struct pane *p, int iskey, wint_t ch);
/* Draws the view below the header (rows y...). */
void pane_tape_draw(struct pane *p, WINDOW *w, int y);
/* The replay's next step is due. */
int pane_tape_due(const struct pane *p);
void pane_tape_close(struct pane *p);

#endif
