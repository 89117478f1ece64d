/*
 * sandbox.h - the lab sandbox (--sandbox): seccomp filter in every child,
 * resource limits, own namespaces, and the same policy for builtins
 * that act from inside the shell.
 */
#ifndef IPCSH_SANDBOX_H
#define IPCSH_SANDBOX_H

#include <sys/types.h>

/*
 * At start, before anything else runs (single-threaded). Safe to call
 * always: reads the teacher's configuration (/etc/ipcsh/sandbox.conf,
 * then the file $IPCSH_SANDBOX_CONF names) and does nothing more unless
 * sh_opt.sandbox is set or a configuration says "sandbox = on" (then it
 * sets sh_opt.sandbox). Sandboxed: an own user, IPC and PID namespace
 * when the kernel allows (else says so once), the children's limits (as
 * root, a pids cgroup), the filter, and the thread that answers refused
 * calls. With the PID namespace the process splits: this call returns in
 * the session's shell (pid 2 inside), while the process that called it
 * waits outside and exits as the shell does. 0, or -1 after reporting
 * (the sandbox was asked for and cannot be provided; sh_opt.sandbox is
 * then 0 and the caller should exit).
 */
int sandbox_init(void);

/*
 * In a forked child before exec (and in the shell itself before the exec
 * builtin replaces it): the children's resource limits,
 * PR_SET_NO_NEW_PRIVS and the filter (once per process tree). Only
 * async-signal-safe calls. Exits the child with 126 when the filter
 * cannot be loaded: a sandboxed command never runs unconfined.
 */
void sandbox_child(void);

/*
 * For builtins that signal from inside the shell (kill): 0 when the policy
 * allows kill(pid, sig), else -1 with errno EPERM (and the refusal recorded).
 */
int sandbox_check_kill(pid_t pid, int sig);

/*
 * For ipcrm -a in the shell: 0 when allowed, else -1 with errno EPERM
 * (recorded). Refused in a sandbox without an own IPC namespace, where
 * "all" would reach the objects of other sessions of the same user.
 */
int sandbox_check_ipcrm_all(void);

/*
 * Prints refusals recorded since the last call, one line each:
 * "ipcsh: sandbox: strace (pid 4711) was refused ptrace()". Before each
 * prompt and after each foreground job; also at exit.
 */
void sandbox_report(void);

#endif
