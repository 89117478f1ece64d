/*
 * vwatch.c - the watch as the views use it: one filter (quiet.c) for the
 * pane and --follow alike, and exits told from the tapes (endings.c).
 */
#include <string.h>

#include "vwatch.h"

int
vwatch_open(struct vwatch *v, const pid_t *roots, size_t n,
    const struct probe_opts *po, const char *tape, int notape, char **cause)
{
	size_t i;

	memset(v, 0, sizeof(*v));
	v->w = watch_new(roots, n, po, cause);
	if (v->w == NULL)
		return -1;
	quiet_init(&v->quiet, roots, n);
	watch_set_filter(v->w, quiet_keep, &v->quiet);
	/* the shell reaps at once: only its tape saw the status */
	v->endings = endings_new();
	if (v->endings == NULL)
		return 0;	/* exits are told as snap_diff tells them */
	if (!notape && tape != NULL)
		endings_follow(v->endings, tape, 0);
	for (i = 0; !notape && tape == NULL && i < n; i++)
		endings_follow(v->endings, NULL, roots[i]);
	watch_set_tell(v->w, endings_tell, v->endings);
	return 0;
}

const struct snapshot *
vwatch_next(struct vwatch *v, const struct snap_events **ev)
{
	const struct snapshot *s = watch_next(v->w, ev);

	if (s != NULL)
		quiet_update(&v->quiet, s);
	return s;
}

int
vwatch_add_shell(struct vwatch *v, pid_t pid)
{
	if (watch_add_root(v->w, pid) < 0)
		return -1;
	quiet_add(&v->quiet, pid);
	if (v->endings != NULL)
		endings_follow(v->endings, NULL, pid);
	return 0;
}

void
vwatch_close(struct vwatch *v)
{
	watch_free(v->w);
	endings_free(v->endings);
	v->w = NULL;
	v->endings = NULL;
}
