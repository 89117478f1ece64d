/*
 * watch.h - samples over time: one or more process trees watched, each
 * sample a snapshot plus the events since the one before (snap_diff), and
 * the recent events kept for whoever draws them. Knows nothing of views.
 */
#ifndef IPCSH_WATCH_H
#define IPCSH_WATCH_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "probe.h"
#include "snapdiff.h"
#include "snapshot.h"

#define WATCH_NEVENTS	200	/* events kept by default (watch_event) */

struct watch;

/* One event kept in the history, with the time of the sample it came from. */
struct watch_event {
	struct timespec	when;		/* CLOCK_REALTIME (snapshot.taken) */
	struct snap_event ev;		/* its sentences belong to the watch */
};

/*
 * A watch of nroots trees (roots[0..nroots-1], at least one, each > 0),
 * probed with opts (copied; NULL for defaults; opts->procfs must outlive
 * the watch). No sample is taken yet. Returns NULL and sets *cause (when
 * cause is not NULL) to a message the caller frees: no root, a bad pid,
 * out of memory.
 */
struct watch *watch_new(const pid_t *roots, size_t nroots,
    const struct probe_opts *opts, char **cause);

/*
 * The time now in seconds of CLOCK_MONOTONIC: for the intervals between
 * samples, and for timeouts of those who wait on what a watch sees.
 */
double watch_now(void);

/* Frees the watch, its snapshots and events. NULL is allowed. */
void watch_free(struct watch *w);

/*
 * Takes the next sample (probe_take_roots). Returns its snapshot, which
 * the watch owns until the next watch_next/watch_add or watch_free, and
 * sets *ev (when ev is not NULL) to the events since the previous sample,
 * valid as long. The first sample is the baseline: it has no events.
 * NULL with errno when the probe failed (ENOMEM...): the previous sample
 * stays the last one.
 */
const struct snapshot *watch_next(struct watch *w,
    const struct snap_events **ev);

/*
 * The same with a snapshot taken elsewhere (a fixture in tests, a probe
 * with other options); the watch owns s from now on, even on failure.
 * NULL with errno ENOMEM (s is freed).
 */
const struct snapshot *watch_add(struct watch *w, struct snapshot *s,
    const struct snap_events **ev);

/*
 * Which events count: keep(old, new, e, arg) returns 1 for an event of
 * the diff from old to new that goes into *ev and the history, 0 for one
 * that is dropped (a view's notion of noise). NULL keeps every event.
 */
typedef int (*watch_filter_fn)(const struct snapshot *old,
    const struct snapshot *new, const struct snap_event *e, void *arg);
void watch_set_filter(struct watch *w, watch_filter_fn keep, void *arg);

/*
 * What a kept event says, before it goes into *ev and the history:
 * tell(old, new, e, arg) may replace e->en and e->zh (malloc'd, freeing
 * the ones it replaces), as endings_tell says how a process ended. NULL:
 * snap_diff's words.
 */
typedef void (*watch_tell_fn)(const struct snapshot *old,
    const struct snapshot *new, struct snap_event *e, void *arg);
void watch_set_tell(struct watch *w, watch_tell_fn tell, void *arg);

/* The last sample, or NULL before the first. */
const struct snapshot *watch_last(const struct watch *w);

/* The first sample (kept: what existed when watching began), or NULL. */
const struct snapshot *watch_baseline(const struct watch *w);

/* Samples taken so far: changes exactly when watch_last() does. */
unsigned long watch_samples(const struct watch *w);

/*
 * Watches one more tree from the next sample on (a shell opened later);
 * a pid already watched is not added twice. 0, or -1 with errno (EINVAL
 * for a pid <= 0, ENOMEM).
 */
int watch_add_root(struct watch *w, pid_t pid);

/* The roots watched, *n of them (watch_new's, then the added, in order). */
const pid_t *watch_roots(const struct watch *w, size_t *n);

/*
 * The history: the number of events kept (at most WATCH_NEVENTS), and
 * the i-th of them, 0 the newest; NULL past the end.
 */
size_t watch_nevents(const struct watch *w);
const struct watch_event *watch_event(const struct watch *w, size_t i);

#endif
