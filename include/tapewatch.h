/*
 * tapewatch.h - the tape beside a watch: a shell's tape followed as it
 * grows, its records grouped by pipeline (one process group), each group
 * told short (tape_story), and merged with the watch's events into one
 * feed, newest first. Knows nothing of views.
 */
#ifndef IPCSH_TAPEWATCH_H
#define IPCSH_TAPEWATCH_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "tape.h"
#include "watch.h"

#define TAPEWATCH_NRECS		4096	/* records kept */
#define TAPEWATCH_NGROUPS	64	/* groups kept */
#define TAPEWATCH_NLINES	12	/* lines of a group's story */

struct tapewatch;

/*
 * One pipeline (the processes of one process group), or one command; or
 * a run of the same plain command (runs > 1: "/bin/true ×1000, each
 * exited with status 0"), whose records are those of its last run.
 */
struct tapewatch_group {
	int		id;		/* grows from 1; never reused */
	pid_t		pgid;		/* 0: the shell has no job control */
	struct timespec	first, last;	/* its first and last records */
	int		nproc, nlive;	/* processes seen, still running */
	/*
	 * The commands it stands for: 1, or a run of identical plain ones
	 * (same command line, every process exited with the same status,
	 * no pipe, FIFO, System V call or signal) told as one entry.
	 */
	int		runs;
	char		*cmd;		/* "cat readme.txt | grep rcore" */
	/*
	 * Its lines, short enough for a pane, en and zh: 0 the heading
	 * (the command, and whether it still runs), then its story.
	 */
	int		nlines;
	char		*en[TAPEWATCH_NLINES], *zh[TAPEWATCH_NLINES];
};

/* One line of the feed: a watch event, or a line of a group's story. */
struct tapewatch_item {
	struct timespec	when;
	const struct watch_event *ev;	/* NULL for a tape line */
	int		group;		/* the group's id (tape lines) */
	int		line;		/* the group's line (0 its heading) */
	const char	*en, *zh;	/* a tape line's text */
};

/*
 * Follows the tape at path (which may not exist yet: it is looked for at
 * each poll) of the shell shell (its children are the groups' roots).
 * NULL with *cause (malloc'd, when cause is not NULL): out of memory.
 */
struct tapewatch *tapewatch_new(const char *path, pid_t shell, char **cause);
/* One more shell's tape (at most 8). 0, or -1 with errno. */
int tapewatch_add_tape(struct tapewatch *tw, const char *path, pid_t shell);
void tapewatch_free(struct tapewatch *tw);

/*
 * Reads what the tape gained since and rebuilds the feed from the groups
 * and w's events (w may be NULL), leaving out the events the tape tells
 * better: a traced process started, exec'd or exited; a pipe of a command
 * that ended was made, filled, emptied or closed. Returns the records
 * read, -1 on error.
 */
int tapewatch_poll(struct tapewatch *tw, const struct watch *w);

/* Changes whenever the feed does. */
unsigned long tapewatch_gen(const struct tapewatch *tw);

/* The records kept, oldest first, and the group of each (0: none yet). */
size_t tapewatch_nrecs(const struct tapewatch *tw);
const struct tape_rec *tapewatch_rec(const struct tapewatch *tw, size_t i);
int tapewatch_rec_group(const struct tapewatch *tw, size_t i);

/*
 * The groups kept, 0 the newest; by id; NULL when gone (forgotten, or
 * taken into a newer run of the same command).
 */
size_t tapewatch_ngroups(const struct tapewatch *tw);
const struct tapewatch_group *tapewatch_group(const struct tapewatch *tw,
    size_t i);
const struct tapewatch_group *tapewatch_group_id(const struct tapewatch *tw,
    int id);
/* The newest group all of whose processes have ended, or NULL. */
const struct tapewatch_group *tapewatch_last_ended(
    const struct tapewatch *tw);

/* The feed, 0 the newest; NULL past the end. */
size_t tapewatch_nfeed(const struct tapewatch *tw);
const struct tapewatch_item *tapewatch_feed(const struct tapewatch *tw,
    size_t i);

/* A record told for a timeline or a replay (copied: it outlives polls). */
struct tapewatch_step {
	struct timespec	when;
	pid_t		pid;
	char		event[24];
	char		*en, *zh;	/* in words (tape_text) */
	char		*raw;		/* as a call (tape_raw), pid first */
};

/*
 * The records, oldest first, of group id (when pid is 0) or of pid and
 * the signals sent to it (id 0): *n of them, malloc'd (NULL when none),
 * freed with tapewatch_steps_free. The tracer's own attach records are
 * left out.
 */
struct tapewatch_step *tapewatch_steps(const struct tapewatch *tw, int id,
    pid_t pid, size_t *n);
void tapewatch_steps_free(struct tapewatch_step *s, size_t n);

/*
 * One tape line taken as if read from the tape (tests, recorded tapes);
 * tapewatch_poll then makes the feed. 0, or -1 (EINVAL: no record).
 */
int tapewatch_add_line(struct tapewatch *tw, const char *line);

#endif
