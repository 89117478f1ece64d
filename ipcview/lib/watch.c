/*
 * watch.c - samples over time: the baseline, the last, the events between.
 * Keeps the first and the newest snapshot, the events since the one before,
 * and a ring of recent events (watch.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "watch.h"

struct watch {
	pid_t		*roots;
	size_t		nroots;
	struct probe_opts opts;
	struct probe_cache *cache;	/* what one sample keeps for the next */
	struct snapshot	*base;		/* the first sample */
	struct snapshot	*last;		/* the newest; may be base */
	struct snap_events ev;		/* between the last two samples */
	unsigned long	samples;
	struct watch_event ring[WATCH_NEVENTS];	/* head the newest */
	size_t		head, nring;
	watch_filter_fn	keep;		/* NULL: every event */
	void		*keep_arg;
	watch_tell_fn	tell;		/* NULL: snap_diff's words */
	void		*tell_arg;
};

static void
watch_cause(char **cause, const char *what)
{
	if (cause != NULL)
		*cause = strdup(what);
}

struct watch *
watch_new(const pid_t *roots, size_t nroots, const struct probe_opts *opts,
    char **cause)
{
	struct watch *w;
	size_t i;

	if (roots == NULL || nroots == 0) {
		watch_cause(cause, "no process to watch");
		errno = EINVAL;
		return NULL;
	}
	for (i = 0; i < nroots; i++) {
		if (roots[i] <= 0) {
			watch_cause(cause, "invalid pid");
			errno = EINVAL;
			return NULL;
		}
	}
	w = calloc(1, sizeof(*w));
	if (w == NULL || (w->roots = malloc(nroots * sizeof(*roots))) == NULL) {
		free(w);
		watch_cause(cause, strerror(ENOMEM));
		errno = ENOMEM;
		return NULL;
	}
	memcpy(w->roots, roots, nroots * sizeof(*roots));
	w->nroots = nroots;
	w->cache = probe_cache_new();	/* without it, samples cost more */
	if (opts != NULL)
		w->opts = *opts;
	else
		w->opts.nmsgs = -1;
	return w;
}

static void
watch_event_clear(struct watch_event *e)
{
	free(e->ev.en);
	free(e->ev.zh);
	e->ev.en = e->ev.zh = NULL;
}

double
watch_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void
watch_free(struct watch *w)
{
	size_t i;

	if (w == NULL)
		return;
	snap_events_free(&w->ev);
	if (w->last != w->base)
		snapshot_free(w->last);
	snapshot_free(w->base);
	for (i = 0; i < WATCH_NEVENTS; i++)
		watch_event_clear(&w->ring[i]);
	probe_cache_free(w->cache);
	free(w->roots);
	free(w);
}

/* Keeps a copy of e in the ring; a failed copy keeps it without words. */
static void
watch_keep(struct watch *w, const struct snap_event *e,
    const struct timespec *when)
{
	struct watch_event *k;

	w->head = (w->head + 1) % WATCH_NEVENTS;
	k = &w->ring[w->head];
	watch_event_clear(k);
	k->when = *when;
	k->ev = *e;
	k->ev.en = e->en ? strdup(e->en) : NULL;
	k->ev.zh = e->zh ? strdup(e->zh) : NULL;
	if (w->nring < WATCH_NEVENTS)
		w->nring++;
}

/* Drops, in place, the events of a diff that the filter does not keep. */
static void
watch_filter(struct watch *w, const struct snapshot *old,
    const struct snapshot *new, struct snap_events *ev)
{
	size_t i, n = 0;

	for (i = 0; i < ev->n; i++) {
		if (w->keep(old, new, &ev->ev[i], w->keep_arg)) {
			ev->ev[n++] = ev->ev[i];
			continue;
		}
		free(ev->ev[i].en);
		free(ev->ev[i].zh);
	}
	ev->n = n;
}

void
watch_set_filter(struct watch *w, watch_filter_fn keep, void *arg)
{
	w->keep = keep;
	w->keep_arg = arg;
}

void
watch_set_tell(struct watch *w, watch_tell_fn tell, void *arg)
{
	w->tell = tell;
	w->tell_arg = arg;
}

const struct snapshot *
watch_add(struct watch *w, struct snapshot *s, const struct snap_events **ev)
{
	struct snap_events nev;
	size_t i;

	if (s == NULL) {
		errno = EINVAL;
		return NULL;
	}
	/* the first sample is the baseline: what was there before us */
	if (snap_diff(w->last, s, &nev) < 0) {
		snapshot_free(s);
		return NULL;
	}
	if (w->keep != NULL)
		watch_filter(w, w->last, s, &nev);
	for (i = 0; w->tell != NULL && i < nev.n; i++)
		w->tell(w->last, s, &nev.ev[i], w->tell_arg);
	snap_events_free(&w->ev);
	w->ev = nev;
	for (i = 0; i < nev.n; i++)
		watch_keep(w, &nev.ev[i], &s->taken);
	if (w->base == NULL)
		w->base = s;
	else if (w->last != w->base)
		snapshot_free(w->last);
	w->last = s;
	w->samples++;
	if (ev != NULL)
		*ev = &w->ev;
	return s;
}

const struct snapshot *
watch_next(struct watch *w, const struct snap_events **ev)
{
	struct snapshot *s;

	s = probe_take_cached(w->roots, w->nroots, &w->opts, w->cache);
	if (s == NULL)
		return NULL;
	return watch_add(w, s, ev);
}

const struct snapshot *
watch_last(const struct watch *w)
{
	return w->last;
}

const struct snapshot *
watch_baseline(const struct watch *w)
{
	return w->base;
}

unsigned long
watch_samples(const struct watch *w)
{
	return w->samples;
}

int
watch_add_root(struct watch *w, pid_t pid)
{
	if (pid <= 0) {
		errno = EINVAL;
		return -1;
	}
	return snap_pid_add(&w->roots, &w->nroots, pid);
}

const pid_t *
watch_roots(const struct watch *w, size_t *n)
{
	*n = w->nroots;
	return w->roots;
}

size_t
watch_nevents(const struct watch *w)
{
	return w->nring;
}

const struct watch_event *
watch_event(const struct watch *w, size_t i)
{
	if (i >= w->nring)
		return NULL;
	return &w->ring[(w->head + WATCH_NEVENTS - i) % WATCH_NEVENTS];
}
