/*
 * snapdiff.h - what changed between two snapshots, as events with a
 * sentence in English and in Chinese each. Pure: reads two snapshots,
 * touches nothing else.
 */
#ifndef IPCSH_SNAPDIFF_H
#define IPCSH_SNAPDIFF_H

#include <stddef.h>
#include <sys/types.h>

#include "snapshot.h"

enum snap_event_kind {
	EV_PROC_STARTED,	/* a new process in the tree */
	EV_PROC_EXITED,		/* gone from the tree (exited and reaped) */
	EV_PROC_ZOMBIE,		/* exited, not yet reaped (state Z) */
	EV_PROC_STOPPED,	/* state became T (or t) */
	EV_PROC_CONTINUED,	/* left state T */
	EV_PROC_BLOCKED,	/* began waiting in a wait channel (not pipe/fifo ones) */
	EV_PROC_EXEC,		/* command changed (execve) */
	EV_SIG_PENDING,		/* sig became pending (count: 1 if it is also blocked) */
	EV_SIG_DELIVERED,	/* sig no longer pending: delivered or discarded */
	EV_SIG_BLOCKED,		/* sig added to the blocked mask */
	EV_SIG_UNBLOCKED,	/* sig removed from the blocked mask */
	EV_SIG_IGNORED,		/* disposition became SIG_IGN */
	EV_SIG_CAUGHT,		/* a handler was installed */
	EV_SIG_DEFAULT,		/* disposition back to SIG_DFL */
	EV_PIPE_CREATED,	/* a pipe/FIFO appeared in the tree */
	EV_PIPE_CLOSED,		/* no watched process holds it any more */
	EV_PIPE_FULL,		/* a writer is now blocked: pipe full */
	EV_PIPE_NOT_FULL,	/* no writer blocked any more */
	EV_PIPE_EMPTY,		/* fill became 0 */
	EV_PIPE_DATA,		/* fill went from 0 to some bytes */
	EV_WRITER_BLOCKED,	/* pid blocked writing inode (pipe full) */
	EV_WRITER_WOKE,		/* pid no longer blocked writing inode */
	EV_READER_BLOCKED,	/* pid blocked reading inode (pipe empty) */
	EV_READER_WOKE,
	EV_FIFO_WAITING,	/* pid blocked in open() of path, no partner yet */
	EV_FIFO_PARTNER,	/* pid's open() of path returned: partner came */
	EV_QUEUE_CREATED,
	EV_QUEUE_REMOVED,
	EV_QUEUE_MSG_ADDED,	/* count messages more; type of the newest one */
	EV_QUEUE_MSG_REMOVED,	/* count messages fewer; type of the first removed one, 0 unknown */
	EV_SHM_CREATED,
	EV_SHM_REMOVED,
	EV_SHM_ATTACHED,	/* pid attached id */
	EV_SHM_DETACHED,
	EV_SEM_CREATED,
	EV_SEM_REMOVED,
	EV_SEM_CHANGED,		/* value of semaphore num changed (count: new value) */
	EV_WATCHING,		/* not from a diff: what a follower starts watching */
	EV_NKINDS
};

struct snap_event {
	enum snap_event_kind kind;
	pid_t		pid;		/* the process concerned, 0 if none */
	unsigned long	inode;		/* pipe events */
	int		id;		/* System V events: the object's id */
	int		sig;		/* signal events */
	long		type;		/* queue events: message type (0 unknown) */
	long		count;		/* queue events: messages; sem: value; other: see kind */
	int		num;		/* sem events: semaphore number */
	char		*en;		/* the sentence in English (malloc'd) */
	char		*zh;		/* and in Chinese */
};

struct snap_events {
	struct snap_event *ev;
	size_t		n;
};

/*
 * Compares two snapshots of the same tree; old may be NULL (no events).
 * Returns the events in a stable order (processes, signals, pipes,
 * queues, shm, sems; by pid/inode/id within each), in *out, which the
 * caller frees with snap_events_free(). 0, or -1 with errno ENOMEM.
 */
int snap_diff(const struct snapshot *old, const struct snapshot *new,
    struct snap_events *out);

void snap_events_free(struct snap_events *e);

/* The event's sentence in the language in force (i18n.h tr()). */
const char *snap_event_text(const struct snap_event *e);

/* A stable short name for a kind ("pipe_full"), used as the JSON "event". */
const char *snap_event_name(enum snap_event_kind kind);

#endif
