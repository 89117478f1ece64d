/*
 * quiet.h - what the pane and --follow do not narrate: the watched
 * shells' own housekeeping (start-up dispositions, fork-time masks, their
 * self-pipes).
 */
#ifndef IPCVIEW_QUIET_H
#define IPCVIEW_QUIET_H

#include <sys/types.h>

#include "snapdiff.h"
#include "snapshot.h"

#define QUIET_MAX	8	/* shells whose start-up is followed */

/*
 * The roots watched; which of them are shells (ipcsh, sh, bash, dash: a
 * root of -p may be any program, whose mask changes are its own story),
 * and which of those reached their prompt once.
 */
struct quiet {
	pid_t	roots[QUIET_MAX];
	int	shell[QUIET_MAX];
	int	settled[QUIET_MAX];
	size_t	n;
};

/* Starts following roots[0..n-1] (the first QUIET_MAX). */
void quiet_init(struct quiet *q, const pid_t *roots, size_t n);

/* Follows one more shell (a shell opened later); ignored past QUIET_MAX. */
void quiet_add(struct quiet *q, pid_t pid);

/*
 * A watch filter (watch_set_filter, arg a struct quiet): 0 for an event
 * that is a watched shell's housekeeping, 1 for one the student caused.
 */
int quiet_keep(const struct snapshot *old, const struct snapshot *new,
    const struct snap_event *e, void *arg);

/*
 * After each sample: which roots run a shell; a shell seen waiting for a
 * line (readline in ppoll) has finished starting; what it changes for
 * itself later is still filtered, a trap on another signal is not.
 */
void quiet_update(struct quiet *q, const struct snapshot *s);

#endif
