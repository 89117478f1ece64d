/*
 * trap.h - trap actions and the shell's own signal dispositions.
 * Handlers only record the signal; traps run between commands.
 */
#ifndef IPCSH_TRAP_H
#define IPCSH_TRAP_H

#include <signal.h>

/* Runs the actions of signals caught since the last call. */
void trap_run_pending(void);

/* Runs the EXIT trap once (sh_exit calls it). */
void trap_run_exit(void);

/* Non-zero when signal n was set to be ignored with trap '' SIG. */
int trap_ignored(int n);

/* In a forked child: caught signals go back to default, ignored stay. */
void trap_reset_child(void);

/* From signal handlers only: records that signal n arrived. */
void trap_note(int n);

/*
 * The lowest signal that arrived and has a trap action waiting to run,
 * or 0. wait uses it to return 128+N early, as POSIX asks.
 */
int trap_pending(void);

/*
 * Sets the action for condition n (0 is EXIT): NULL restores the shell's
 * own disposition (trap - SIG), "" ignores (trap '' SIG), anything else is
 * run by trap_run_pending. Signals ignored when a non-interactive shell
 * started stay ignored (POSIX), silently. Returns 0, or -1 with errno.
 */
int trap_set(int n, const char *action);

/* The action for condition n, or NULL when none is set. */
const char *trap_get(int n);

/*
 * exec COMMAND: the command gets default dispositions for what only the
 * interactive shell ignores (SIG_IGN survives execve(2), signal(7)); what
 * was ignored at start or by trap '' stays ignored. undo: exec failed,
 * put back the actions saved.
 */
#define TRAP_NSHELLSIGS	6
struct trap_exec_save {
	struct sigaction sa[TRAP_NSHELLSIGS];
};
void trap_exec_sigs(struct trap_exec_save *saved, int undo);

#endif
