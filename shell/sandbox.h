/*
 * sandbox.h - the lab sandbox (--sandbox): seccomp filter in every child,
 * resource limits, an own IPC namespace, and the same policy for builtins
 * that act from inside the shell.
 */
#ifndef IPCSH_SANDBOX_H
#define IPCSH_SANDBOX_H

#include <sys/types.h>

/*
 * At start, before anything else runs (single-threaded): namespaces,
 * limits, whatever the refusal reports need. 0, or -1 after reporting.
 */
int sandbox_init(void);

/* In a forked child before exec: PR_SET_NO_NEW_PRIVS and the filter. */
void sandbox_child(void);

/*
 * For builtins that signal from inside the shell (kill): 0 when the policy
 * allows kill(pid, sig), else -1 with errno EPERM (and the refusal recorded).
 */
int sandbox_check_kill(pid_t pid, int sig);

/* Prints refusals recorded since the last call; before each prompt. */
void sandbox_report(void);

#endif
