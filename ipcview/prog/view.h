/*
 * view.h - the ipcview program's options, shared by main.c and ui.c.
 */
#ifndef IPCVIEW_VIEW_H
#define IPCVIEW_VIEW_H

#include <sys/types.h>

#define VIEW_MAXPIDS	8	/* trees -p may name */
#define VIEW_MAXSHELLS	4	/* hosted shells: --shells, Ctrl+] c */

struct view_opts {
	pid_t		pid;		/* --pid: the first tree watched; 0: host ipcsh */
	pid_t		pids[VIEW_MAXPIDS];	/* every -p PID[,PID...], in order */
	int		npids;
	int		nshells;	/* --shells N: hosted shells at start (1) */
	int		once;		/* --once: one snapshot as text */
	int		json;		/* --json (with --once) */
	int		dot;		/* --dot (with --once): Graphviz */
	const char	*svg;		/* --svg FILE (with --once): drawn by dot */
	int		follow;		/* --follow: one line per event, no curses */
	double		interval;	/* --interval seconds between snapshots (0.1) */
	int		nmsgs;		/* messages copied per queue (64) */
	const char	*lesson;	/* --lesson NAME|FILE, passed to the inner ipcsh */
	int		play;		/* --play */
	int		step;		/* --step: a key before each step */
	double		speed;		/* --speed N (typing speed for --play) */
	const char	*lang;		/* --lang en|zh */
	int		sandbox;	/* --sandbox, passed to the inner ipcsh */
	const char	*log;		/* -v/--log FILE: debug log */
	const char	*shell;		/* the ipcsh to host (default: next to ipcview, then PATH) */
	const char	*tape;		/* --tape FILE: the tape --follow reads (default: the shell's) */
	int		notape;		/* --no-tape: the hosted shell records none */
};

/*
 * The curses modes: with o->pid 0, start ipcsh on a pty below the pane;
 * otherwise show the pane alone for o->pid. Returns the exit status for
 * main(); the terminal is restored whatever happens.
 */
int ui_main(const struct view_opts *o);

#endif
