/*
 * session.h - the hosted shells' sessions: who is still in them, and
 * ending every one of their processes when ipcview ends.
 */
#ifndef IPCVIEW_SESSION_H
#define IPCVIEW_SESSION_H

#include <sys/types.h>

#define SESSION_MAX	1024	/* processes held at the end */

struct session_proc {
	pid_t	pid, pgid;
	char	comm[16];
};

/*
 * The processes of session sid other than its leader (proc(5),
 * /proc/PID/stat field 6), at most max into out. Returns how many.
 */
int session_members(pid_t sid, struct session_proc *out, int max);

/* Handles (pidfd_open(2)) on a session's processes, safe against reuse. */
struct session_hold {
	int	fd[SESSION_MAX];
	pid_t	pid[SESSION_MAX];
	int	n;
};

/* Takes a handle on every member of session sid not yet held. */
void session_grab(struct session_hold *h, pid_t sid);

/* Sends sig, then SIGCONT so that a stopped one acts on it. */
void session_signal(struct session_hold *h, int sig);

/* Waits up to secs for every held process to end; how many still live. */
int session_wait(struct session_hold *h, double secs);

/*
 * Ends what is held: SIGHUP (as a closing terminal), then SIGTERM after
 * grace seconds to those that ignore it, then SIGKILL after as long again.
 * Closes the handles.
 */
void session_end(struct session_hold *h, double grace);

#endif
