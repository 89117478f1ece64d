/*
 * lesson_ev.h - what the evaluators of lesson checks share: the check
 * being evaluated, with its words expanded, and the matching of processes
 * by name (lesson_check.c, lesson_posix.c).
 */
#ifndef IPCSH_LESSON_EV_H
#define IPCSH_LESSON_EV_H

#include <stddef.h>

#include "check_kind.h"
#include "snapshot.h"

struct watch;

/* The check being evaluated, with its words expanded. */
struct lcheck_ev {
	const struct ckind	*k;
	const struct lcheck	*c;
	int			argc;
	char			**argv;
	char			*why;
	size_t			whysize;
	struct watch		*w;	/* this check's samples of the shell */
};

/*
 * Nonzero when p is live and named name: its comm, or the last part of
 * its argv[0].
 */
int lcheck_proc_named(const struct snap_proc *p, const char *name);

/* Nonzero when the process pid of s is live and named name. */
int lcheck_pid_named(const struct snapshot *s, pid_t pid, const char *name);

#endif
