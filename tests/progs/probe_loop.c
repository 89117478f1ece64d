/*
 * probe_loop.c - test helper: takes snapshots of a tree at HZ until the
 * root exits (or COUNT snapshots). Exits 1 if a snapshot failed, and
 * prints "snapshots N" and the mean time of one in microseconds.
 * usage: probe_loop ROOT HZ [COUNT]
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "probe.h"
#include "render.h"
#include "snapdiff.h"
#include "watch.h"

int
main(int argc, char **argv)
{
	struct snapshot *s, *old = NULL;
	struct snap_events ev;
	struct timespec next;
	long n = 0, count;
	double hz, spent = 0, t;
	long step;
	FILE *null;

	if (argc < 3) {
		fprintf(stderr, "usage: probe_loop ROOT HZ [COUNT]\n");
		return 2;
	}
	hz = atof(argv[2]);
	count = argc > 3 ? atol(argv[3]) : -1;
	step = (long)(1e9 / hz);
	null = fopen("/dev/null", "w");
	clock_gettime(CLOCK_MONOTONIC, &next);
	while (count < 0 || n < count) {
		t = watch_now();
		s = probe_take(atoi(argv[1]), NULL);
		spent += watch_now() - t;
		if (s == NULL) {
			fprintf(stderr, "probe_loop: probe_take: %s\n",
			    strerror(errno));
			return 1;
		}
		n++;
		/* exercise the diff and renderers too */
		if (snap_diff(old, s, &ev) < 0)
			return 1;
		snap_events_free(&ev);
		render_json(null, s, 0);
		snapshot_free(old);
		old = s;
		if (s->nprocs == 0)
			break;
		next.tv_nsec += step;
		while (next.tv_nsec >= 1000000000L) {
			next.tv_sec++;
			next.tv_nsec -= 1000000000L;
		}
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
	}
	snapshot_free(old);
	fclose(null);
	printf("snapshots %ld mean_us %.1f\n", n, n ? spent / (double)n * 1e6 : 0);
	return 0;
}
