/*
 * check_kind.h - the kinds of lesson checks in one table: each kind's
 * words, what it needs from the probe and its evaluator; a parsed check.
 * The parser validates with it, the evaluator dispatches through it.
 */
#ifndef IPCSH_CHECK_KIND_H
#define IPCSH_CHECK_KIND_H

#include <stddef.h>

struct ckind;
struct lcheck_ev;	/* a check being evaluated (lesson_check.c) */
struct snapshot;

/* One check: "KIND ARG... [within SECONDS] [for SECONDS]", split into words. */
struct lcheck {
	int		line;
	char		*text;		/* the check as written, for messages */
	char		**argv;		/* argv[0] is the kind; NULL-terminated */
	int		argc;
	double		within;		/* seconds to wait for it to hold */
	double		hold;		/* "for N": it must keep holding N seconds */
	const struct ckind *kind;	/* set by ckind_validate */
};

/* An option of a kind ("messages N") and the type of its value. */
struct ckind_opt {
	const char	*name;
	char		type;	/* c count, l list of numbers, g signals,
				 * S process state, T socket type, a anything */
};

#define CKIND_NOPROBE	0x80000000u	/* evaluated without a snapshot */

struct ckind {
	const char	*name;
	const char	*fixed;		/* the words after the kind: n name,
					 * k key, b byte count, s status */
	int		optfixed;	/* the last fixed word may be missing */
	int		rest;		/* takes any words (shell) */
	const struct ckind_opt *opts;	/* ended by a NULL name; NULL: none */
	const char	*needs;		/* error when no option is given */
	unsigned	probe;		/* PROBE_* flags, or CKIND_NOPROBE */
	int		once;		/* evaluated once, never polled */
	int		sysv;		/* the System V kind it is about */
	/* 1 holds, 0 not (why in e); s is NULL with CKIND_NOPROBE */
	int		(*eval)(struct lcheck_ev *e, const struct snapshot *s);
	/* words checked by the kind itself (rest kinds); NULL: none */
	int		(*validate)(int argc, char **argv, char *err,
			    size_t errsize);
	int		tape;		/* reads the tape: the lesson turns it on */
};

/* The kind called name, or NULL. */
const struct ckind *ckind_find(const char *name);

/*
 * Checks the words of check c (argv[0] is the kind; "within N" already
 * removed) and sets c->kind. Returns 0, or -1 with what is wrong in err.
 */
int ckind_validate(struct lcheck *c, char *err, size_t errsize);

/* The evaluators (lesson_check.c, lesson_posix.c) the table points to. */
int lcheck_ev_pipe(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_proc(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_no_proc(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_signal(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_fifo(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_no_fifo(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_queue(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_shm(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_sem(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_none(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_pmq(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_no_pmq(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_pshm(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_no_pshm(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_socket(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_status(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_shell(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_ran(struct lcheck_ev *e, const struct snapshot *s);
int lcheck_ev_tape(struct lcheck_ev *e, const struct snapshot *s);

#endif
