/*
 * quiet.c - the events the pane leaves out: a watched shell's own
 * start-up dispositions, readline's SIGWINCH handler set and unset around
 * each line, the mask the shell holds from fork(2) until its job table has
 * the child (1000 forks, 2000 mask changes), and its SIGCHLD self-pipe.
 * None of it is something the student did; nor is what another user does
 * with System V objects none of the watched processes uses.
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "quiet.h"

void
quiet_init(struct quiet *q, const pid_t *roots, size_t n)
{
	size_t i;

	memset(q, 0, sizeof(*q));
	for (i = 0; i < n && i < QUIET_MAX; i++)
		q->roots[i] = roots[i];
	q->n = i;
}

void
quiet_add(struct quiet *q, pid_t pid)
{
	if (q->n < QUIET_MAX)
		q->roots[q->n++] = pid;
}

/* The index of pid among the roots, or -1. */
static int
quiet_index(const struct quiet *q, pid_t pid)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		if (q->roots[i] == pid)
			return (int)i;
	return -1;
}

/* The index of pid among the roots that run a shell, or -1. */
static int
quiet_root(const struct quiet *q, pid_t pid)
{
	int r = quiet_index(q, pid);

	return r >= 0 && q->shell[r] ? r : -1;
}

/* A shell's name: its housekeeping is the same as ipcsh's. */
static int
quiet_is_shell(const char *comm)
{
	static const char *const names[] = { "ipcsh", "sh", "bash", "dash" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(comm, names[i]) == 0)
			return 1;
	return 0;
}

/* The signals a shell sets for itself (job control, readline). */
static int
quiet_shell_sig(int sig)
{
	static const int own[] = { SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGTTIN,
		SIGTTOU, SIGTERM, SIGWINCH, SIGCHLD, SIGPIPE, SIGALRM };
	size_t i;

	for (i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		if (own[i] == sig)
			return 1;
	return 0;
}

/* A pipe whose every end one shell holds: its self-pipe. */
static int
quiet_pipe_own(const struct quiet *q, const struct snap_pipe *pp)
{
	pid_t owner = snap_pipe_sole_holder(pp);

	return owner > 0 && quiet_root(q, owner) >= 0;
}

static int
quiet_inode(const struct quiet *q, const struct snapshot *s,
    unsigned long inode)
{
	size_t i;

	for (i = 0; s != NULL && i < s->npipes; i++)
		if (s->pipes[i].inode == inode)
			return quiet_pipe_own(q, &s->pipes[i]);
	return 0;
}

/*
 * A System V object of another user that none of the watched processes
 * uses: a classmate's queue on a shared lab machine is not our event.
 */
static int
quiet_foreign(const struct snapshot *old, const struct snapshot *new,
    const struct snap_event *e)
{
	const struct snapshot *s[2] = { new, old };
	const struct sysv_perm *perm = NULL;
	uid_t me = getuid();
	int i, related = 0;

	for (i = 0; i < 2 && perm == NULL; i++) {
		const struct snap_queue *q;
		const struct snap_shm *m;
		const struct snap_sem *m2;

		if (s[i] == NULL)
			continue;
		if (e->kind >= EV_QUEUE_CREATED && e->kind <= EV_QUEUE_MSG_REMOVED &&
		    (q = snap_sysv_find(s[i], SYSV_MSG, e->id)) != NULL) {
			perm = &q->info.perm;
			related = q->related;
		} else if (e->kind >= EV_SHM_CREATED && e->kind <= EV_SHM_DETACHED &&
		    (m = snap_sysv_find(s[i], SYSV_SHM, e->id)) != NULL) {
			perm = &m->info.perm;
			related = m->related;
		} else if (e->kind >= EV_SEM_CREATED && e->kind <= EV_SEM_CHANGED &&
		    (m2 = snap_sysv_find(s[i], SYSV_SEM, e->id)) != NULL) {
			perm = &m2->info.perm;
			related = m2->related;
		}
	}
	return perm != NULL && !related && perm->uid != me && perm->cuid != me;
}

int
quiet_keep(const struct snapshot *old, const struct snapshot *new,
    const struct snap_event *e, void *arg)
{
	const struct quiet *q = arg;
	int r = quiet_root(q, e->pid);

	switch (e->kind) {
	case EV_SIG_BLOCKED:
	case EV_SIG_UNBLOCKED:
		return r < 0;
	case EV_SIG_IGNORED:
	case EV_SIG_CAUGHT:
	case EV_SIG_DEFAULT:
		/* a trap on USR1 typed at the prompt is the student's */
		return r < 0 || (q->settled[r] && !quiet_shell_sig(e->sig));
	case EV_PIPE_CREATED:
	case EV_PIPE_CLOSED:
	case EV_PIPE_EMPTY:
	case EV_PIPE_DATA:
		return !quiet_inode(q, new, e->inode) &&
		    !quiet_inode(q, old, e->inode);
	case EV_QUEUE_CREATED:
	case EV_QUEUE_REMOVED:
	case EV_QUEUE_MSG_ADDED:
	case EV_QUEUE_MSG_REMOVED:
	case EV_SHM_CREATED:
	case EV_SHM_REMOVED:
	case EV_SHM_ATTACHED:
	case EV_SHM_DETACHED:
	case EV_SEM_CREATED:
	case EV_SEM_REMOVED:
	case EV_SEM_CHANGED:
		return !quiet_foreign(old, new, e);
	default:
		return 1;
	}
}

void
quiet_update(struct quiet *q, const struct snapshot *s)
{
	size_t i;
	int r;

	for (i = 0; s != NULL && i < s->nprocs; i++) {
		r = quiet_index(q, s->procs[i].pid);
		if (r < 0)
			continue;
		/* once a shell, always: its name changes a moment as it forks */
		if (quiet_is_shell(s->procs[i].comm))
			q->shell[r] = 1;
		if (q->shell[r] && strcmp(s->procs[i].wchan, "poll") == 0)
			q->settled[r] = 1;
	}
}
