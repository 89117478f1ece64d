/*
 * sandbox_policy.h - which system calls a sandboxed child may not make,
 * as a libseccomp filter compiled once into classic BPF.
 * Pure: no shell state, so a test program can build and load it alone.
 */
#ifndef IPCSH_SANDBOX_POLICY_H
#define IPCSH_SANDBOX_POLICY_H

#include <stdint.h>
#include <sys/types.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

/*
 * What a rule looks at besides the system call number. Every argument is
 * compared as the 32-bit value the kernel reads (an int, pid_t, fd or
 * flag word): the high half of the 64-bit register is masked off, so
 * 0x1ffffffff is -1 as for the kernel.
 */
enum sbp_when {
	SBP_ALWAYS,		/* every call is refused */
	SBP_EQ,			/* argument arg equals val */
	SBP_BITS,		/* argument arg has one of the bits of val */
	SBP_PERSONA,		/* personality(2) other than 0, the flags in
				   val, or the query 0xffffffff */
	SBP_CLONE3,		/* clone3(2): flags in memory, see sbp_clone3 */
};

/* Rule flags. */
#define SBP_TRACE	0x1	/* allowed when the session has its own PID
				   namespace: it then reaches only its own */

struct sbp_rule {
	/* the system call, as seccomp_syscall_resolve_name() knows it */
	const char *name;
	enum sbp_when when;
	unsigned arg;		/* which argument, 0-5 */
	uint32_t val;
	unsigned flags;
	const char *cond;	/* the condition in words, or NULL: always */
	const char *why;	/* one line for `sandbox policy` */
};

/* The rules, ended by an entry whose name is NULL. */
extern const struct sbp_rule sbp_rules[];

/* sbp_compile options */
#define SBP_OPT_PIDNS	0x1	/* own PID namespace: SBP_TRACE rules off */

/* Namespace flags of clone(2), clone3(2) and unshare(2). */
#define SBP_CLONE_NS	0x7e020080u

/*
 * Compiles the policy for the native architecture (and, on x86-64, for
 * i386 and x32 too, so 32-bit programs get the same rules): refused calls
 * get refuse_action (SCMP_ACT_NOTIFY or SCMP_ACT_ERRNO(EPERM)), everything
 * else is allowed; opts are SBP_OPT_*. clone3 gets ENOSYS with the ERRNO
 * action (glibc then uses clone(2), whose flags the filter can see), and
 * the notification with SCMP_ACT_NOTIFY, for sbp_clone3 to decide. Fills prog with a malloc'ed filter the caller frees
 * (prog->filter). Returns 0, or -1 with errno set.
 */
int sbp_compile(uint32_t refuse_action, unsigned opts,
    struct sock_fprog *prog);

/*
 * In the calling thread: PR_SET_NO_NEW_PRIVS, then the filter, with raw
 * system calls only (async-signal-safe, fit for a child between fork and
 * exec of a threaded parent). With listener set, asks for a user
 * notification fd (seccomp(2), SECCOMP_FILTER_FLAG_NEW_LISTENER) and
 * returns it; else returns 0. -1 with errno set on failure.
 */
int sbp_load(const struct sock_fprog *prog, int listener);

/*
 * The rule the call in d breaks, with opts as given to sbp_compile.
 * Returns the rule, or NULL when the call is allowed.
 */
const struct sbp_rule *sbp_match(const struct seccomp_data *d,
    unsigned opts);

/*
 * A notified clone3(2) call of process pid: reads clone_args.flags from
 * its memory (process_vm_readv(2)). Returns -EPERM when they ask for a
 * namespace, else -ENOSYS: the caller falls back to clone(2), which the
 * filter checks in registers (never "continue": the memory could change
 * after the check).
 */
int sbp_clone3(pid_t pid, uint64_t args_ptr, uint64_t size);

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
int sbp_kill_refused(long long pid);

#endif
