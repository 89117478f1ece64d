/*
 * render.h - a snapshot or its events as text (for people) or JSON (for
 * scripts), written into a FILE the caller gives: the library never prints
 * on its own. Renderers read only the snapshot, never /proc.
 */
#ifndef IPCSH_RENDER_H
#define IPCSH_RENDER_H

#include <stdio.h>
#include <sys/types.h>

#include "snapshot.h"
#include "snapdiff.h"

#define RENDER_RELATED	0x1	/* text: only queues/shm/sems related to the tree */
#define RENDER_PRETTY	0x2	/* JSON: indented, one key per line */

/*
 * The snapshot as stable human-readable text: a process table with wait
 * channels and signal sets, then pipes/FIFOs, queues with their messages,
 * segments and semaphore sets. Sentences follow the language in force.
 * Returns 0, or -1 with errno when writing failed.
 */
int render_text(FILE *out, const struct snapshot *s, unsigned flags);

/*
 * The snapshot as one JSON object followed by a newline, keys as
 * documented in ipcview(1) ("root", "processes", "pipes", "queues", "shm",
 * "sems"). Strings are UTF-8 with JSON escapes; unknown numbers are null.
 * Returns 0, or -1 with errno when writing failed.
 */
int render_json(FILE *out, const struct snapshot *s, unsigned flags);

/*
 * The snapshot as a Graphviz digraph: processes as boxes with their
 * signal sets, pipes and FIFOs as edges from writer to reader labelled
 * with fill/capacity, queues, segments and semaphore sets as nodes joined
 * to the processes that use them (RENDER_RELATED: only those related to
 * the tree). Returns 0, or -1 with errno when writing failed.
 */
int render_dot(FILE *out, const struct snapshot *s, unsigned flags);

/*
 * render_dot into a new file of the current directory named after the
 * local time, ipcview-YYYYMMDD-HHMMSS.dot (-2, -3... when taken): its
 * name in name (size bytes). Never overwrites a file. Returns 0, or -1
 * with errno.
 */
int render_dot_save(const struct snapshot *s, unsigned flags, char *name,
    size_t size);

/*
 * One event as one line: text is "HH:MM:SS.mmm sentence\n" (local time
 * of when), JSON is {"time":..., "event":"pipe_full", "pid":..., "text":...}.
 * Returns 0 or -1 with errno.
 */
int render_event_text(FILE *out, const struct snap_event *e,
    const struct timespec *when);
int render_event_json(FILE *out, const struct snap_event *e,
    const struct timespec *when);

/*
 * Escapes len bytes as the inside of a JSON string into out.
 * Exposed for other JSON writers (lessons' checks). 0 or -1.
 */
int render_json_string(FILE *out, const char *s, size_t len);

/*
 * Writes u in decimal, after a '-' when neg, without the stream's lock
 * (the renderers hold it for a whole snapshot); returns the bytes
 * written. fprintf(3) of each number was a large part of a snapshot.
 */
size_t render_dec(FILE *out, unsigned long u, int neg);

/*
 * Whether len bytes read as text: valid UTF-8 without control characters
 * other than tab, newline and carriage return, ignoring trailing NULs (C
 * strings are often sent with theirs). Returns the length of that text
 * (without the NULs) or -1 for binary data, shown as hex.
 */
ssize_t render_text_len(const unsigned char *data, size_t len);

/*
 * The end of a render that holds out's lock (flockfile) and writes with
 * the _unlocked calls: releases the lock; 0, or -1 when a write failed.
 */
int render_unlock(FILE *out);

#endif
