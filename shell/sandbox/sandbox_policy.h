/*
 * sandbox_policy.h - which system calls a sandboxed child may not make,
 * as a libseccomp filter compiled once into classic BPF.
 * Pure: no shell state, so a test program can build and load it alone.
 */
#ifndef IPCSH_SANDBOX_POLICY_H
#define IPCSH_SANDBOX_POLICY_H

#include <stdint.h>
#include <linux/filter.h>

/* What a rule looks at besides the system call number. */
enum sbp_when {
	SBP_ALWAYS,		/* every call is refused */
	SBP_ARG0_ALL,		/* first argument is -1 (as 32 bits) */
	SBP_ARG01_ALL,		/* first or second argument is -1 */
};

struct sbp_rule {
	/* the system call, as seccomp_syscall_resolve_name() knows it */
	const char *name;
	enum sbp_when when;
	const char *why;	/* one line for `sandbox policy` */
};

/* The rules, ended by an entry whose name is NULL. */
extern const struct sbp_rule sbp_rules[];

/*
 * Compiles the policy for the native architecture (and, on x86-64, for
 * i386 and x32 too, so 32-bit programs get the same rules): refused calls
 * get refuse_action (SCMP_ACT_NOTIFY or SCMP_ACT_ERRNO(EPERM)), everything
 * else is allowed. Fills prog with a malloc'ed filter the caller frees
 * (prog->filter). Returns 0, or -1 with errno set.
 */
int sbp_compile(uint32_t refuse_action, struct sock_fprog *prog);

/*
 * In the calling thread: PR_SET_NO_NEW_PRIVS, then the filter, with raw
 * system calls only (async-signal-safe, fit for a child between fork and
 * exec of a threaded parent). With listener set, asks for a user
 * notification fd (seccomp(2), SECCOMP_FILTER_FLAG_NEW_LISTENER) and
 * returns it; else returns 0. -1 with errno set on failure.
 */
int sbp_load(const struct sock_fprog *prog, int listener);

/*
 * The rule a call breaks: arch and nr as in struct seccomp_data, args its
 * first two arguments. Returns the rule, or NULL when the call is allowed.
 */
const struct sbp_rule *sbp_match(uint32_t arch, int nr, uint64_t a0,
    uint64_t a1);

/*
 * Passing a listener fd from the child to the shell over a Unix socket
 * (unix(7), SCM_RIGHTS). sbp_send_fd uses only sendmsg(2): fit for a
 * child after fork. sbp_recv_fd returns the received fd (close-on-exec)
 * or -1 with errno set. Both 0 / -1.
 */
int sbp_send_fd(int sock, int fd);
int sbp_recv_fd(int sock);

/* The libseccomp architecture of a call as struct seccomp_data has it. */
uint32_t sbp_arch(uint32_t arch, int nr);

/* The policy in words for the kill builtin: 1 when kill(pid) is refused. */
int sbp_kill_refused(long pid);

#endif
