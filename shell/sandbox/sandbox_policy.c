/*
 * sandbox_policy.c - the sandbox's system call policy: the rule table,
 * compiled with libseccomp into BPF once, loaded with raw system calls.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/seccomp.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <seccomp.h>

#include "sandbox_policy.h"

/*
 * Calls that reach beyond the student's own processes: tracing and
 * reading other processes, the file system tree, the machine, the clock,
 * kernel modules and keys, kernel programs, new namespaces, and the
 * interfaces most kernel exploits start from (io_uring, userfaultfd,
 * netlink and packet sockets, odd personalities, file handles). The IPC
 * calls the lectures teach (pipe, mkfifo, msgget..., shmget..., semget...,
 * kill of a pid or a process group) are not here and stay allowed.
 */
#define ALWAYS(n, why)		{ n, SBP_ALWAYS, 0, 0, 0, NULL, why }
#define TRACE(n, why)		{ n, SBP_ALWAYS, 0, 0, SBP_TRACE, NULL, why }
#define EQ(n, a, v, cond, why)	{ n, SBP_EQ, a, v, 0, cond, why }
#define BITS(n, a, v, cond, why) { n, SBP_BITS, a, v, 0, cond, why }

#define KILLALL	"pid -1 would signal every process"
#define NEWNS	"would make a new namespace"

const struct sbp_rule sbp_rules[] = {
	TRACE("ptrace", "trace or control another process"),
	TRACE("process_vm_readv", "read another process's memory"),
	TRACE("process_vm_writev", "write another process's memory"),
	ALWAYS("pidfd_getfd", "take another process's open files"),
	ALWAYS("process_madvise", "advise on another process's memory"),
	ALWAYS("mount", "change the file system tree"),
	ALWAYS("umount2", "change the file system tree"),
	ALWAYS("umount", "change the file system tree (i386)"),
	ALWAYS("fsopen", "new mount API"),
	ALWAYS("fsconfig", "new mount API"),
	ALWAYS("fsmount", "new mount API"),
	ALWAYS("fspick", "new mount API"),
	ALWAYS("move_mount", "new mount API"),
	ALWAYS("open_tree", "new mount API"),
	ALWAYS("mount_setattr", "new mount API"),
	ALWAYS("pivot_root", "change the root file system"),
	ALWAYS("chroot", "change the root directory"),
	ALWAYS("reboot", "restart or halt the machine"),
	ALWAYS("kexec_load", "boot another kernel"),
	ALWAYS("kexec_file_load", "boot another kernel"),
	ALWAYS("init_module", "load a kernel module"),
	ALWAYS("finit_module", "load a kernel module"),
	ALWAYS("delete_module", "unload a kernel module"),
	ALWAYS("swapon", "change swap space"),
	ALWAYS("swapoff", "change swap space"),
	ALWAYS("settimeofday", "set the clock"),
	ALWAYS("clock_settime", "set the clock"),
	ALWAYS("clock_settime64", "set the clock (i386)"),
	ALWAYS("adjtimex", "tune the clock"),
	ALWAYS("clock_adjtime", "tune the clock"),
	ALWAYS("clock_adjtime64", "tune the clock (i386)"),
	ALWAYS("bpf", "load programs into the kernel"),
	ALWAYS("perf_event_open", "watch other processes and the CPU"),
	ALWAYS("keyctl", "kernel key rings"),
	ALWAYS("add_key", "kernel key rings"),
	ALWAYS("request_key", "kernel key rings"),
	/* namespaces: the session's own are made before any child runs */
	ALWAYS("unshare", NEWNS),
	ALWAYS("setns", "enter another namespace"),
	BITS("clone", 0, SBP_CLONE_NS & ~0xffu, "namespace flags", NEWNS),
	{ "clone3", SBP_CLONE3, 0, SBP_CLONE_NS, 0, "namespace flags", NEWNS },
	/* where kernel exploits start */
	ALWAYS("io_uring_setup", "asynchronous I/O rings (io_uring)"),
	ALWAYS("io_uring_enter", "asynchronous I/O rings (io_uring)"),
	ALWAYS("io_uring_register", "asynchronous I/O rings (io_uring)"),
	ALWAYS("userfaultfd", "handle page faults in user space"),
	ALWAYS("name_to_handle_at", "file handles"),
	ALWAYS("open_by_handle_at", "open files by handle"),
	/* gdb turns address space randomization off for its child */
	{ "personality", SBP_PERSONA, 0, 0x0040000 /* ADDR_NO_RANDOMIZE */, 0,
	    "not the default", "other execution domains and flags" },
	EQ("socket", 0, 16 /* AF_NETLINK */, "AF_NETLINK",
	    "talk to the kernel's network configuration"),
	EQ("socket", 0, 17 /* AF_PACKET */, "AF_PACKET",
	    "raw network packets"),
	/* kill(2): pid -1 means every process the caller may signal. */
	EQ("kill", 0, 0xffffffffu, "pid -1", KILLALL),
	EQ("tkill", 0, 0xffffffffu, "pid -1", KILLALL),
	EQ("tgkill", 0, 0xffffffffu, "tgid -1", KILLALL),
	EQ("tgkill", 1, 0xffffffffu, "tid -1", KILLALL),
	EQ("rt_sigqueueinfo", 0, 0xffffffffu, "pid -1", KILLALL),
	EQ("rt_tgsigqueueinfo", 0, 0xffffffffu, "tgid -1", KILLALL),
	EQ("rt_tgsigqueueinfo", 1, 0xffffffffu, "tid -1", KILLALL),
	{ NULL, SBP_ALWAYS, 0, 0, 0, NULL, NULL },
};

/* The rules in force with these options. */
static int
sbp_applies(const struct sbp_rule *r, unsigned opts)
{
	return !((r->flags & SBP_TRACE) && (opts & SBP_OPT_PIDNS));
}

/*
 * personality(2) allows 0, the flags in r->val, and 0xffffffff (bit 31
 * set, which no persona uses). Refused, as one rule each: bit b set with
 * bit 31 clear (b not in r->val); bit 31 set with some bit b clear; and
 * anything in the high half (the kernel would read the low half only:
 * refusing too much is safe).
 */
static int
sbp_add_persona(scmp_filter_ctx ctx, uint32_t action, int nr,
    const struct sbp_rule *r)
{
	const uint32_t top = 0x80000000u;
	uint32_t bit;
	int rc;

	rc = seccomp_rule_add(ctx, action, nr, 1,
	    SCMP_CMP(r->arg, SCMP_CMP_GT, 0xffffffffu));
	for (bit = 1; bit != top && rc == 0; bit <<= 1) {
		if (!(r->val & bit))
			rc = seccomp_rule_add(ctx, action, nr, 1,
			    SCMP_CMP(r->arg, SCMP_CMP_MASKED_EQ, bit | top,
			    bit));
		if (rc == 0)
			rc = seccomp_rule_add(ctx, action, nr, 1,
			    SCMP_CMP(r->arg, SCMP_CMP_MASKED_EQ, bit | top,
			    top));
	}
	return rc;
}

/*
 * The kernel reads int, pid_t, fd and flag arguments as 32 bits, so every
 * comparison masks the high half off (SCMP_CMP_MASKED_EQ with a 32-bit
 * mask): a 64-bit 0x1ffffffff is -1 to the kernel and is refused too.
 * libseccomp takes one comparison per argument and rule, so "none of
 * these values" becomes one rule per bit (sbp_add_persona).
 */
static int
sbp_add(scmp_filter_ctx ctx, uint32_t action, const struct sbp_rule *r)
{
	int nr = seccomp_syscall_resolve_name(r->name);
	uint32_t bit;
	int rc = 0;

	if (nr == __NR_SCMP_ERROR)
		return 0;	/* not on this architecture */
	switch (r->when) {
	case SBP_ALWAYS:
		return seccomp_rule_add(ctx, action, nr, 0);
	case SBP_EQ:
		return seccomp_rule_add(ctx, action, nr, 1,
		    SCMP_CMP(r->arg, SCMP_CMP_MASKED_EQ, 0xffffffffu, r->val));
	case SBP_BITS:
		/* one rule per bit: any of them refuses */
		for (bit = 1; bit != 0 && rc == 0; bit <<= 1)
			if (r->val & bit)
				rc = seccomp_rule_add(ctx, action, nr, 1,
				    SCMP_CMP(r->arg, SCMP_CMP_MASKED_EQ, bit,
				    bit));
		return rc;
	case SBP_PERSONA:
		return sbp_add_persona(ctx, action, nr, r);
	case SBP_CLONE3:
		/* the flags are in memory: only the supervisor can look */
		if (action != SCMP_ACT_NOTIFY)
			action = SCMP_ACT_ERRNO(ENOSYS);
		return seccomp_rule_add(ctx, action, nr, 0);
	}
	return -EINVAL;
}

/* Reads the whole of fd (from offset 0) into a malloc'ed buffer. */
static int
sbp_slurp(int fd, struct sock_fprog *prog)
{
	off_t size = lseek(fd, 0, SEEK_END);
	ssize_t n;
	void *buf;

	if (size <= 0 || size % sizeof(struct sock_filter) != 0 ||
	    size / sizeof(struct sock_filter) > BPF_MAXINSNS) {
		errno = EINVAL;
		return -1;
	}
	buf = malloc(size);
	if (buf == NULL)
		return -1;
	n = pread(fd, buf, size, 0);
	if (n != size) {
		free(buf);
		errno = n < 0 ? errno : EIO;
		return -1;
	}
	prog->len = size / sizeof(struct sock_filter);
	prog->filter = buf;
	return 0;
}

int
sbp_compile(uint32_t refuse_action, unsigned opts, struct sock_fprog *prog)
{
	const struct sbp_rule *r;
	scmp_filter_ctx ctx;
	int fd = -1, rc, ret = -1;

	ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (ctx == NULL) {
		errno = ENOMEM;
		return -1;
	}
	/* The filter is loaded by hand (sbp_load); libseccomp only compiles. */
	if (seccomp_arch_native() == SCMP_ARCH_X86_64) {
		seccomp_arch_add(ctx, SCMP_ARCH_X86);
		seccomp_arch_add(ctx, SCMP_ARCH_X32);
	}
	for (r = sbp_rules; r->name != NULL; r++) {
		if (!sbp_applies(r, opts))
			continue;
		rc = sbp_add(ctx, refuse_action, r);
		if (rc < 0) {
			errno = -rc;
			goto out_release;
		}
	}
	fd = memfd_create("ipcsh-seccomp", MFD_CLOEXEC);
	if (fd < 0)
		goto out_release;
	rc = seccomp_export_bpf(ctx, fd);
	if (rc < 0) {
		errno = -rc;
		goto out_close_fd;
	}
	ret = sbp_slurp(fd, prog);
out_close_fd:
	close(fd);
out_release:
	seccomp_release(ctx);
	return ret;
}

int
sbp_load(const struct sock_fprog *prog, int listener)
{
	unsigned flags = listener ? SECCOMP_FILTER_FLAG_NEW_LISTENER : 0;
	long rc;

	/* seccomp(2): without CAP_SYS_ADMIN the filter needs no_new_privs. */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, prog);
	if (rc < 0)
		return -1;
	return listener ? (int)rc : 0;
}

uint32_t
sbp_arch(uint32_t arch, int nr)
{
	/* x32 reports AUDIT_ARCH_X86_64 with __X32_SYSCALL_BIT in nr */
	if (arch == SCMP_ARCH_X86_64 && (nr & 0x40000000))
		return SCMP_ARCH_X32;
	return arch;
}

/* One rule's condition on the arguments, as the filter tests it. */
static int
sbp_holds(const struct sbp_rule *r, const __u64 *args)
{
	uint32_t v = (uint32_t)args[r->arg];

	switch (r->when) {
	case SBP_ALWAYS:
	case SBP_CLONE3:
		return 1;
	case SBP_EQ:
		return v == r->val;
	case SBP_BITS:
		return (v & r->val) != 0;
	case SBP_PERSONA:
		return args[r->arg] > 0xffffffffu ||
		    (v != 0xffffffffu && (v & ~r->val) != 0);
	}
	return 0;
}

const struct sbp_rule *
sbp_match(const struct seccomp_data *d, unsigned opts)
{
	const struct sbp_rule *r;
	uint32_t arch = sbp_arch(d->arch, d->nr);

	for (r = sbp_rules; r->name != NULL; r++)
		if (sbp_applies(r, opts) &&
		    seccomp_syscall_resolve_name_arch(arch, r->name) == d->nr &&
		    sbp_holds(r, d->args))
			return r;
	return NULL;
}

int
sbp_clone3(pid_t pid, uint64_t args_ptr, uint64_t size)
{
	uint64_t flags;
	struct iovec local = { &flags, sizeof(flags) };
	struct iovec remote = { (void *)(uintptr_t)args_ptr, sizeof(flags) };

	/* clone_args.flags is the first member (clone(2)) */
	if (size < sizeof(flags) ||
	    process_vm_readv(pid, &local, 1, &remote, 1, 0) !=
	    (ssize_t)sizeof(flags))
		return -ENOSYS;
	return (flags & SBP_CLONE_NS) ? -EPERM : -ENOSYS;
}

int
sbp_kill_refused(long long pid)
{
	return (uint32_t)pid == 0xffffffffu;
}

int
sbp_send_fd(int sock, int fd)
{
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} u;
	char byte = 'L';
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = u.buf, .msg_controllen = sizeof(u.buf),
	};
	struct cmsghdr *c;

	memset(&u, 0, sizeof(u));
	c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	return sendmsg(sock, &msg, MSG_NOSIGNAL) == 1 ? 0 : -1;
}

int
sbp_recv_fd(int sock)
{
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} u;
	char byte;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = u.buf, .msg_controllen = sizeof(u.buf),
	};
	struct cmsghdr *c;
	int fd;

	if (recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) <= 0)
		return -1;
	c = CMSG_FIRSTHDR(&msg);
	if (c == NULL || c->cmsg_level != SOL_SOCKET ||
	    c->cmsg_type != SCM_RIGHTS || (msg.msg_flags & MSG_CTRUNC)) {
		errno = EPROTO;
		return -1;
	}
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return fd;
}
