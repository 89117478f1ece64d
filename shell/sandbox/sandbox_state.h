/*
 * sandbox_state.h - the state the sandbox's files share (sandbox.c,
 * sandbox_ns.c, sandbox_report.c); nothing outside shell/sandbox uses it.
 */
#ifndef IPCSH_SANDBOX_STATE_H
#define IPCSH_SANDBOX_STATE_H

#include <sys/resource.h>
#include <sys/types.h>
#include <linux/filter.h>

struct sb_state {
	int on;			/* the sandbox is active */
	int locked;		/* started so: `sandbox off` refused */
	int conf_on;		/* a configuration said "sandbox = on" */
	int conf_ns;		/* namespace = on|off (default on) */
	int ns;			/* we have our own user+IPC namespace */
	char ns_why[128];	/* why not */
	int pidns;		/* the session has its own PID namespace */
	char pid_why[128];	/* why not, or what is missing */
	char cg_why[160];	/* root: why no pids cgroup */
	int notify;		/* refusals are reported */
	char notify_why[128];
	int loaded;		/* this process already has the filter */
	int sock[2];		/* listener fds: [1] children send, [0] we read */
	pid_t shell;
	unsigned opts;		/* sbp_compile options (SBP_OPT_*) */
	struct sock_fprog prog;	/* SCMP_ACT_NOTIFY or ERRNO(EPERM) */
	struct sock_fprog errprog;	/* ERRNO(EPERM): fallback */
};

extern struct sb_state sb;

/*
 * Moves a descriptor the shell keeps for the sandbox (the listener's
 * socket and listeners, the cgroup's files) to 10 or above, close-on-exec,
 * as dash keeps its own: a script's `exec 3>file` must not close them.
 * Returns the descriptor to use (fd itself when it cannot be moved).
 */
int sb_fd_high(int fd);

/*
 * sandbox_ns.c: the session's namespaces, while single-threaded; with
 * pidns, also a PID namespace: returns in the session's shell, pid 2.
 */
void sbn_enter(int pidns);

/*
 * sandbox_report.c: compiles the filters and starts the listener thread
 * (0, or -1 with errno when no filter can be built); records a refusal;
 * prints the ones remembered (`sandbox refusals`).
 */
int sbr_start(void);
void sbr_record(pid_t pid, const char *comm, const char *call,
    const char *why);
void sbr_show(void);

/*
 * sandbox_cgroup.c, for a session run as root: a pids cgroup made (before
 * the user namespace; 0, or -1 with why filled), its pids.max, joined by
 * a child before exec (async-signal-safe), removed by its maker.
 */
int sbc_init(char *why, size_t len);
int sbc_set_max(rlim_t max);
int sbc_join(void);
int sbc_active(void);
void sbc_remove(void);

#endif
