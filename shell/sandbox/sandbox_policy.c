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
#include <seccomp.h>

#include "sandbox_policy.h"

/*
 * Calls that reach beyond the student's own processes: tracing and
 * reading other processes, the file system tree, the machine, the clock,
 * kernel modules and keys, kernel programs. The IPC calls the lectures
 * teach (pipe, mkfifo, msgget..., shmget..., semget..., kill of a pid or
 * a process group) are not here and stay allowed.
 */
const struct sbp_rule sbp_rules[] = {
	{ "ptrace", SBP_ALWAYS, "trace or control another process" },
	{ "process_vm_readv", SBP_ALWAYS, "read another process's memory" },
	{ "process_vm_writev", SBP_ALWAYS, "write another process's memory" },
	{ "pidfd_getfd", SBP_ALWAYS, "take another process's open files" },
	{ "process_madvise", SBP_ALWAYS, "advise on another process's memory" },
	{ "mount", SBP_ALWAYS, "change the file system tree" },
	{ "umount2", SBP_ALWAYS, "change the file system tree" },
	{ "umount", SBP_ALWAYS, "change the file system tree (i386)" },
	{ "fsopen", SBP_ALWAYS, "new mount API" },
	{ "fsconfig", SBP_ALWAYS, "new mount API" },
	{ "fsmount", SBP_ALWAYS, "new mount API" },
	{ "fspick", SBP_ALWAYS, "new mount API" },
	{ "move_mount", SBP_ALWAYS, "new mount API" },
	{ "open_tree", SBP_ALWAYS, "new mount API" },
	{ "mount_setattr", SBP_ALWAYS, "new mount API" },
	{ "pivot_root", SBP_ALWAYS, "change the root file system" },
	{ "chroot", SBP_ALWAYS, "change the root directory" },
	{ "reboot", SBP_ALWAYS, "restart or halt the machine" },
	{ "kexec_load", SBP_ALWAYS, "boot another kernel" },
	{ "kexec_file_load", SBP_ALWAYS, "boot another kernel" },
	{ "init_module", SBP_ALWAYS, "load a kernel module" },
	{ "finit_module", SBP_ALWAYS, "load a kernel module" },
	{ "delete_module", SBP_ALWAYS, "unload a kernel module" },
	{ "swapon", SBP_ALWAYS, "change swap space" },
	{ "swapoff", SBP_ALWAYS, "change swap space" },
	{ "settimeofday", SBP_ALWAYS, "set the clock" },
	{ "clock_settime", SBP_ALWAYS, "set the clock" },
	{ "clock_settime64", SBP_ALWAYS, "set the clock (i386)" },
	{ "adjtimex", SBP_ALWAYS, "tune the clock" },
	{ "clock_adjtime", SBP_ALWAYS, "tune the clock" },
	{ "clock_adjtime64", SBP_ALWAYS, "tune the clock (i386)" },
	{ "bpf", SBP_ALWAYS, "load programs into the kernel" },
	{ "perf_event_open", SBP_ALWAYS, "watch other processes and the CPU" },
	{ "keyctl", SBP_ALWAYS, "kernel key rings" },
	{ "add_key", SBP_ALWAYS, "kernel key rings" },
	{ "request_key", SBP_ALWAYS, "kernel key rings" },
	/* kill(2): pid -1 means every process the caller may signal. */
	{ "kill", SBP_ARG0_ALL, "pid -1 would signal every process" },
	{ "tkill", SBP_ARG0_ALL, "pid -1 would signal every process" },
	{ "tgkill", SBP_ARG01_ALL, "pid -1 would signal every process" },
	{ "rt_sigqueueinfo", SBP_ARG0_ALL,
	    "pid -1 would signal every process" },
	{ "rt_tgsigqueueinfo", SBP_ARG01_ALL,
	    "pid -1 would signal every process" },
	{ NULL, SBP_ALWAYS, NULL },
};

/*
 * The kernel reads a pid argument as a 32-bit int (kill(2) takes pid_t),
 * so the rule compares only the low 32 bits: a 64-bit 0x00000000ffffffff
 * is -1 to the kernel and must be refused too.
 */
static int
sbp_add(scmp_filter_ctx ctx, uint32_t action, const struct sbp_rule *r)
{
	int nr = seccomp_syscall_resolve_name(r->name);
	int rc;

	if (nr == __NR_SCMP_ERROR)
		return 0;	/* not on this architecture */
	switch (r->when) {
	case SBP_ALWAYS:
		return seccomp_rule_add(ctx, action, nr, 0);
	case SBP_ARG0_ALL:
		return seccomp_rule_add(ctx, action, nr, 1,
		    SCMP_A0_32(SCMP_CMP_EQ, 0xffffffffu));
	case SBP_ARG01_ALL:
		rc = seccomp_rule_add(ctx, action, nr, 1,
		    SCMP_A0_32(SCMP_CMP_EQ, 0xffffffffu));
		if (rc < 0)
			return rc;
		return seccomp_rule_add(ctx, action, nr, 1,
		    SCMP_A1_32(SCMP_CMP_EQ, 0xffffffffu));
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
sbp_compile(uint32_t refuse_action, struct sock_fprog *prog)
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

static int
sbp_is_all(uint64_t arg)
{
	return (uint32_t)arg == 0xffffffffu;
}

const struct sbp_rule *
sbp_match(uint32_t arch, int nr, uint64_t a0, uint64_t a1)
{
	const struct sbp_rule *r;

	arch = sbp_arch(arch, nr);
	for (r = sbp_rules; r->name != NULL; r++) {
		if (seccomp_syscall_resolve_name_arch(arch, r->name) != nr)
			continue;
		switch (r->when) {
		case SBP_ALWAYS:
			return r;
		case SBP_ARG0_ALL:
			return sbp_is_all(a0) ? r : NULL;
		case SBP_ARG01_ALL:
			return sbp_is_all(a0) || sbp_is_all(a1) ? r : NULL;
		}
	}
	return NULL;
}

int
sbp_kill_refused(long pid)
{
	return sbp_is_all((uint64_t)pid);
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
