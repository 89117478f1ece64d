/*
 * trap.h - trap actions and the shell's own signal dispositions.
 * Handlers only record the signal; traps run between commands.
 */
#ifndef IPCSH_TRAP_H
#define IPCSH_TRAP_H

/* Runs the actions of signals caught since the last call. */
void trap_run_pending(void);

/* Runs the EXIT trap once (sh_exit calls it). */
void trap_run_exit(void);

/* Non-zero when signal n was set to be ignored with trap '' SIG. */
int trap_ignored(int n);

/* In a forked child: caught signals go back to default, ignored stay. */
void trap_reset_child(void);

#endif
