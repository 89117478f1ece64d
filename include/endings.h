/*
 * endings.h - how each process ended, for the events that say it exited:
 * its status, or the signal and who sent it, from the tape (the shell
 * reaps at once, so no snapshot sees a status); without the tape, what a
 * snapshot showed (a pending signal). Knows nothing of views.
 */
#ifndef IPCSH_ENDINGS_H
#define IPCSH_ENDINGS_H

#include <sys/types.h>

#include "snapdiff.h"
#include "snapshot.h"
#include "tape.h"

#define ENDINGS_NTAPES	8	/* tapes followed */

struct endings;

/* An empty table. NULL with errno ENOMEM. */
struct endings *endings_new(void);
void endings_free(struct endings *x);

/*
 * Follows the tape at path from its start (it may not exist yet: it is
 * looked for again at each poll), or the one shell announces (path NULL:
 * tape_path_for(shell)). 0, or -1 with errno (ENOSPC: ENDINGS_NTAPES
 * followed already).
 */
int endings_follow(struct endings *x, const char *path, pid_t shell);

/* Reads what the followed tapes gained since. */
void endings_poll(struct endings *x);

/* A record of a tape read elsewhere (exit, signal_sent, exec, fork, attach). */
void endings_add(struct endings *x, const struct tape_rec *r);

/*
 * How pid (named comm; NULL: as a snapshot or the tape's exec names it)
 * ended, en and zh (malloc'd, the caller frees):
 * "4712 (grep) exited with status 0", "4711 (yes) killed by SIGPIPE
 * (sent by the kernel: its pipe had no reader)", "4713 (sleep) killed by
 * SIGTERM from 4700 (ipcsh)"; without a record, what old (the last
 * snapshot that had pid, may be NULL) showed. zombie: it is one now. 0,
 * or -1 ENOMEM.
 */
int endings_text(const struct endings *x, pid_t pid, const char *comm,
    const struct snapshot *old, const struct snapshot *new, int zombie,
    char **en, char **zh);

/*
 * A watch's teller (watch_set_tell, arg a struct endings): polls the
 * tapes, then says how the process of an exit or zombie event ended.
 */
void endings_tell(const struct snapshot *old, const struct snapshot *new,
    struct snap_event *e, void *arg);

#endif
