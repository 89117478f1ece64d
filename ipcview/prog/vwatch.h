/*
 * vwatch.h - the watch as the views (the pane, --follow) use it: the
 * shells' housekeeping left out (quiet.h), each exit told (endings.h).
 */
#ifndef IPCVIEW_VWATCH_H
#define IPCVIEW_VWATCH_H

#include <sys/types.h>

#include "endings.h"
#include "probe.h"
#include "quiet.h"
#include "watch.h"

struct vwatch {
	struct watch	*w;
	struct quiet	quiet;
	struct endings	*endings;	/* NULL: exits told as snap_diff does */
};

/*
 * A watch of roots[0..n-1] probed with po; the tape followed for how
 * processes ended is tape when not NULL, else each root's (the one its
 * shell announces); none when notape. 0, or -1 with *cause (malloc'd).
 */
int vwatch_open(struct vwatch *v, const pid_t *roots, size_t n,
    const struct probe_opts *po, const char *tape, int notape, char **cause);

/* watch_next, then what the filter learns from the sample. */
const struct snapshot *vwatch_next(struct vwatch *v,
    const struct snap_events **ev);

/* One more shell's tree (watch_add_root), its housekeeping and tape. */
int vwatch_add_shell(struct vwatch *v, pid_t pid);

void vwatch_close(struct vwatch *v);

#endif
