/*
 * probe.c - probe_take: one snapshot of one or more process trees.
 * Puts together the collectors (probe_proc.c, probe_pipe.c with
 * probe_sock.c, probe_sysv.c, probe_posix.c), which share probe_util.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "probe_int.h"

static void
probe_close_pidfds(struct probe_ctx *c)
{
	size_t i;

	if (c->pidfds == NULL)
		return;
	for (i = 0; i < c->s->nprocs; i++)
		if (c->pidfds[i] >= 0)
			close(c->pidfds[i]);
	free(c->pidfds);
	c->pidfds = NULL;
}

static void
probe_free_paths(struct probe_ctx *c)
{
	probe_drop_each(&c->paths, &c->npaths, sizeof(*c->paths),
	    offsetof(struct probe_path, path));
}

/* Every root's tree into c->s, root after root. 0 or -1 (ENOMEM). */
static int
probe_trees(struct probe_ctx *c, const pid_t *roots, size_t nroots)
{
	struct snapshot *s = c->s;
	size_t i;

	s->roots = malloc(nroots * sizeof(*roots));
	if (s->roots == NULL)
		return -1;
	memcpy(s->roots, roots, nroots * sizeof(*roots));
	s->nroots = nroots;
	s->root = roots[0];
	for (i = 0; i < nroots; i++) {
		c->tree = (int)i;
		if (probe_procs(c, roots[i]) < 0)
			return -1;
	}
	return 0;
}

struct snapshot *
probe_take(pid_t root, const struct probe_opts *opts)
{
	return probe_take_roots(&root, 1, opts);
}

struct snapshot *
probe_take_roots(const pid_t *roots, size_t nroots,
    const struct probe_opts *opts)
{
	return probe_take_cached(roots, nroots, opts, NULL);
}

struct snapshot *
probe_take_cached(const pid_t *roots, size_t nroots,
    const struct probe_opts *opts, struct probe_cache *pc)
{
	struct probe_ctx c;
	struct snapshot *s;
	int saved;

	if (roots == NULL || nroots == 0) {
		errno = EINVAL;
		return NULL;
	}
	if (probe_ctx_open(&c, opts) < 0)
		return NULL;
	s = calloc(1, sizeof(*s));
	if (s == NULL)
		goto out_close;
	c.s = s;
	c.cache = pc;
	if (pc != NULL)
		probe_cache_begin(pc);
	clock_gettime(CLOCK_REALTIME, &s->taken);
	clock_gettime(CLOCK_MONOTONIC, &s->mono);
	if (probe_trees(&c, roots, nroots) < 0)
		goto out_free;
	snap_index(s);
	c.pidfds = malloc((s->nprocs ? s->nprocs : 1) * sizeof(int));
	if (c.pidfds == NULL)
		goto out_free;
	memset(c.pidfds, 0xff, (s->nprocs ? s->nprocs : 1) * sizeof(int));
	/* one scan of the descriptors feeds the pipes, sockets, POSIX ones */
	if (probe_posix_begin(&c) < 0 || probe_pipes(&c) < 0 ||
	    probe_posix(&c) < 0)
		goto out_free;
	probe_posix_end(&c);
	probe_close_pidfds(&c);
	probe_free_paths(&c);
	free(c.pents);
	c.pents = NULL;
	free(c.sess);
	free(c.pidset);
	if (pc != NULL)
		probe_cache_sweep(pc);
	if (!(c.flags & PROBE_NO_SYSV) && probe_sysv(&c) < 0)
		goto out_free;
	close(c.procfd);
	return s;

out_free:
	saved = errno;
	probe_posix_end(&c);
	probe_close_pidfds(&c);
	probe_free_paths(&c);
	free(c.pents);
	free(c.sess);
	free(c.pidset);
	if (pc != NULL)
		probe_cache_sweep(pc);
	snapshot_free(s);
	errno = saved;
out_close:
	saved = errno;
	close(c.procfd);
	errno = saved;
	return NULL;
}
