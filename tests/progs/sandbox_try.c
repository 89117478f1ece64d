/*
 * sandbox_try.c - tries every system call the sandbox refuses, with
 * arguments that change nothing even when run by root, and prints one
 * line per call: "NAME ERRNO" ("ptrace EPERM", "adjtimex OK"). Then the
 * IPC calls the lessons use, which must stay allowed.
 * A name with a dot is a variant: "kill.hi" passes the pid with high
 * bits set (0x1ffffffff: -1 to the kernel, which reads 32 bits).
 * `sandbox_try NAME...` tries only those. `sandbox_try queue KEY FILE`
 * creates a message queue with that key exclusively, prints "queue KEY
 * ERRNO", waits (at most 60 s) until FILE exists, then removes it.
 * `sandbox_try watch FILE` counts the SIGURG it receives: writes "ready"
 * to FILE, and at SIGUSR2 appends "urg N" and exits.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/perf_event.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/personality.h>
#include <sys/socket.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <linux/sched.h>

static long
try_ptrace(void)
{
	long rc;
	int e;
	pid_t pid = fork();

	if (pid == 0) {
		pause();
		_exit(0);
	}
	/* ptrace(2): attach to our own child; detach right away. */
	rc = ptrace(PTRACE_ATTACH, pid, NULL, NULL);
	e = errno;
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	errno = e;
	return rc;
}

static char word[8] = "ipcsh";

static long
try_vm(int write)
{
	char buf[8] = "sandbox";
	struct iovec local = { buf, sizeof(buf) };
	struct iovec remote = { word, sizeof(word) };

	/* process_vm_readv(2) on ourselves: allowed for any process. */
	if (write)
		return syscall(SYS_process_vm_writev, getpid(), &local, 1,
		    &remote, 1, 0);
	return syscall(SYS_process_vm_readv, getpid(), &local, 1, &remote, 1,
	    0);
}

/* pidfd_getfd(2) on ourselves: a copy of our own stdin. */
static long
try_pidfd_getfd(void)
{
	long pidfd = syscall(SYS_pidfd_open, getpid(), 0), fd;
	int e;

	if (pidfd < 0)
		return -1;
	fd = syscall(SYS_pidfd_getfd, (int)pidfd, 0, 0);
	e = errno;
	if (fd >= 0)
		close(fd);
	close(pidfd);
	errno = e;
	return fd < 0 ? -1 : 0;
}

#define NOWHERE	"/nonexistent-ipcsh-sandbox-try"

static long try_ptrace_(void) { return try_ptrace(); }
static long try_vm_readv(void) { return try_vm(0); }
static long try_vm_writev(void) { return try_vm(1); }
static long try_mount(void)
{
	return syscall(SYS_mount, "none", NOWHERE, "tmpfs", 0UL, NULL);
}
static long try_umount2(void) { return syscall(SYS_umount2, NOWHERE, 0); }
static long try_pivot_root(void)
{
	return syscall(SYS_pivot_root, NOWHERE, NOWHERE);
}
/* chroot(2) to the root it already has: nothing changes. */
static long try_chroot(void) { return syscall(SYS_chroot, "/"); }
/* reboot(2): wrong magic numbers, EINVAL even for root. */
static long try_reboot(void)
{
	return syscall(SYS_reboot, 0, 0, 0, NULL);
}
/* kexec_load(2): an unknown flag and too many segments: EINVAL. */
static long try_kexec_load(void)
{
	return syscall(SYS_kexec_load, 0UL, 17UL, NULL, 0x8000UL);
}
static long try_kexec_file_load(void)
{
	return syscall(SYS_kexec_file_load, -1, -1, 0UL, "", 0x80000000UL);
}
/* init_module(2): four bytes that are no ELF module: ENOEXEC. */
static long try_init_module(void)
{
	return syscall(SYS_init_module, "nope", 4UL, "");
}
static long try_finit_module(void)
{
	return syscall(SYS_finit_module, -1, "", 0);
}
static long try_delete_module(void)
{
	return syscall(SYS_delete_module, "ipcsh_no_such_module", O_NONBLOCK);
}
static long try_swapon(void) { return syscall(SYS_swapon, NOWHERE, 0); }
static long try_swapoff(void) { return syscall(SYS_swapoff, NOWHERE); }
/* An invalid time (tv_usec out of range): EINVAL, the clock stays. */
static long try_settimeofday(void)
{
	struct timeval tv = { 0, 5000000 };

	return syscall(SYS_settimeofday, &tv, NULL);
}
/* CLOCK_MONOTONIC cannot be set, and the time is invalid: EINVAL. */
static long try_clock_settime(void)
{
	struct timespec ts = { 0, -1 };

	return syscall(SYS_clock_settime, CLOCK_MONOTONIC, &ts);
}
/* adjtimex(2) with modes 0 only reads the clock's state. */
static long try_adjtimex(void)
{
	struct timex tx = { .modes = 0 };

	return syscall(SYS_adjtimex, &tx) < 0 ? -1 : 0;
}
/* bpf(2): an unknown command. */
static long try_bpf(void) { return syscall(SYS_bpf, 0x7fff, NULL, 0); }
/* perf_event_open(2): our own user-space clock. */
static long try_perf_event_open(void)
{
	struct perf_event_attr a;
	long fd;

	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	a.type = PERF_TYPE_SOFTWARE;
	a.config = PERF_COUNT_SW_TASK_CLOCK;
	a.disabled = 1;
	a.exclude_kernel = 1;
	a.exclude_hv = 1;
	fd = syscall(SYS_perf_event_open, &a, 0, -1, -1, 0UL);
	if (fd >= 0)
		close(fd);
	return fd < 0 ? -1 : 0;
}
/* keyctl(2): the id of our session keyring, not creating one. */
static long try_keyctl(void)
{
	return syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -3, 0) < 0 ?
	    -1 : 0;
}
static long try_add_key(void)
{
	return syscall(SYS_add_key, "ipcsh-no-such-type", "x", "", 0UL, -2);
}
static long try_request_key(void)
{
	return syscall(SYS_request_key, "user", "ipcsh-no-such-key", NULL, 0);
}
/* Signal 0 sends nothing: kill(2) only checks it could. */
static long try_kill(void) { return syscall(SYS_kill, -1, 0); }
/* The same -1, passed as a 64-bit 0x00000000ffffffff. */
static long try_kill32(void) { return syscall(SYS_kill, 0xffffffffUL, 0); }
static long try_tkill(void) { return syscall(SYS_tkill, -1, 0); }
static long try_tgkill(void) { return syscall(SYS_tgkill, -1, -1, 0); }
static long try_rt_sigqueueinfo(void)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	return syscall(SYS_rt_sigqueueinfo, -1, 0, &si);
}
#define HI	0x100000000L	/* bits the kernel does not read */

/* kill(2) with -1 in the high-bit form, the watcher test's signal. */
static long try_kill_hi(void) { return syscall(SYS_kill, 0x1ffffffffL, 0); }
static long try_kill_urg(void)
{
	return syscall(SYS_kill, 0x1ffffffffL, SIGURG);
}
static long try_tkill_hi(void) { return syscall(SYS_tkill, 0x1ffffffffL, 0); }
static long try_tgkill_hi0(void)
{
	return syscall(SYS_tgkill, 0x1ffffffffL, getpid(), 0);
}
static long try_tgkill_hi1(void)
{
	return syscall(SYS_tgkill, getpid(), 0x1ffffffffL, 0);
}
static long try_sigqueue(long pid)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	return syscall(SYS_rt_sigqueueinfo, pid, 0, &si);
}
static long try_rt_sigqueueinfo_hi(void) { return try_sigqueue(0x1ffffffffL); }
static long try_tgsigqueue(long tgid, long tid)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	return syscall(SYS_rt_tgsigqueueinfo, tgid, tid, 0, &si);
}
static long try_rt_tgsigqueueinfo(void) { return try_tgsigqueue(-1, -1); }
static long try_rt_tgsigqueueinfo_hi0(void)
{
	return try_tgsigqueue(0x1ffffffffL, getpid());
}
static long try_rt_tgsigqueueinfo_hi1(void)
{
	return try_tgsigqueue(getpid(), 0x1ffffffffL);
}

/*
 * Calls that would change this process (a new namespace, a persona) run
 * in a child, which reports its errno (0: success) as exit status.
 */
static long
in_child(long (*fn)(long), long arg)
{
	pid_t pid = fork();
	int st;

	if (pid < 0)
		return -1;
	if (pid == 0)
		_exit(fn(arg) < 0 ? errno : 0);
	if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st))
		return -1;
	errno = WEXITSTATUS(st);
	return errno ? -1 : 0;
}
static long do_unshare(long flags) { return syscall(SYS_unshare, flags); }
static long try_unshare(void) { return in_child(do_unshare, CLONE_NEWUSER); }
static long try_unshare_hi(void)
{
	return in_child(do_unshare, HI | CLONE_NEWUSER);
}
/* After a fork-like call: the child exits at once, the caller reaps it. */
static long fork_done(long pid)
{
	if (pid == 0)
		_exit(0);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	return pid < 0 ? -1 : 0;
}
/* clone(2) as a fork. */
static long do_clone(long flags)
{
	return fork_done(syscall(SYS_clone, flags | SIGCHLD, 0L, NULL, NULL,
	    0L));
}
static long try_clone(void) { return in_child(do_clone, CLONE_NEWUSER); }
static long try_clone_hi(void) { return in_child(do_clone, HI | CLONE_NEWUSER); }
static long try_clone_plain(void) { return in_child(do_clone, 0); }
static long do_clone3(long flags)
{
	struct clone_args a;

	memset(&a, 0, sizeof(a));
	a.flags = flags;
	a.exit_signal = SIGCHLD;
	return fork_done(syscall(SYS_clone3, &a, sizeof(a)));
}
static long try_clone3(void) { return in_child(do_clone3, CLONE_NEWUSER); }
static long try_clone3_plain(void) { return in_child(do_clone3, 0); }
static void *thread_main(void *arg) { return arg; }
/* pthread_create(3): glibc tries clone3 and falls back to clone. */
static long try_thread(void)
{
	pthread_t t;
	int rc = pthread_create(&t, NULL, thread_main, NULL);

	if (rc != 0) {
		errno = rc;
		return -1;
	}
	pthread_join(t, NULL);
	return 0;
}
static long do_setns(long hi)
{
	long fd = open("/proc/self/ns/user", O_RDONLY), rc;

	if (fd < 0)
		return -1;
	rc = syscall(SYS_setns, fd | hi, CLONE_NEWUSER);
	close(fd);
	return rc;
}
static long try_setns(void) { return in_child(do_setns, 0); }
static long try_setns_hi(void) { return in_child(do_setns, HI); }
static long try_io_uring_setup(void)
{
	char params[120];	/* struct io_uring_params */
	long fd;

	memset(params, 0, sizeof(params));
	fd = syscall(SYS_io_uring_setup, 1, params);
	if (fd >= 0)
		close(fd);
	return fd < 0 ? -1 : 0;
}
static long try_io_uring_enter(void)
{
	return syscall(SYS_io_uring_enter, -1, 0, 0, 0, NULL, 0);
}
static long try_io_uring_register(void)
{
	return syscall(SYS_io_uring_register, -1, 0, NULL, 0);
}
static long try_userfaultfd(void)
{
	long fd = syscall(SYS_userfaultfd, O_CLOEXEC);

	if (fd >= 0)
		close(fd);
	return fd < 0 ? -1 : 0;
}
static long try_name_to_handle_at(void)
{
	char h[8 + 128];	/* struct file_handle with room */
	int mnt;

	memset(h, 0, sizeof(h));
	*(unsigned *)h = 128;
	return syscall(SYS_name_to_handle_at, AT_FDCWD, "/", h, &mnt, 0);
}
static long try_open_by_handle_at(void)
{
	return syscall(SYS_open_by_handle_at, -1, NULL, O_RDONLY);
}
static long do_personality(long p)
{
	return syscall(SYS_personality, p) < 0 ? -1 : 0;
}
static long try_personality(void) { return in_child(do_personality, PER_BSD); }
static long try_personality_hi(void)
{
	return in_child(do_personality, HI | PER_LINUX);
}
static long try_personality_query(void)
{
	return do_personality(0xffffffffL);
}
/* as gdb turns address space randomization off */
static long try_personality_aslr(void)
{
	return in_child(do_personality, ADDR_NO_RANDOMIZE);
}
static long try_socket(long domain)
{
	long fd = syscall(SYS_socket, domain, SOCK_RAW, 0);

	if (fd >= 0)
		close(fd);
	return fd < 0 ? -1 : 0;
}
static long try_socket_netlink(void) { return try_socket(AF_NETLINK); }
static long try_socket_netlink_hi(void) { return try_socket(HI | AF_NETLINK); }
static long try_socket_packet(void) { return try_socket(AF_PACKET); }
static long try_socket_packet_hi(void) { return try_socket(HI | AF_PACKET); }
static long try_socket_unix(void)
{
	long fd = socket(AF_UNIX, SOCK_STREAM, 0);

	if (fd >= 0)
		close(fd);
	return fd < 0 ? -1 : 0;
}

/* Allowed: a process group of our own, and the IPC the lessons teach. */
static long try_killpg(void) { return syscall(SYS_kill, -getpgrp(), 0); }
static long try_msgq(void)
{
	struct { long type; char text[8]; } m = { 1, "hello" };
	int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	long rc;

	if (id < 0)
		return -1;
	rc = msgsnd(id, &m, sizeof(m.text), 0);
	if (rc == 0)
		rc = msgrcv(id, &m, sizeof(m.text), 0, 0) < 0 ? -1 : 0;
	msgctl(id, IPC_RMID, NULL);
	return rc;
}
static long try_pipe(void)
{
	int p[2];

	if (pipe(p) < 0)
		return -1;
	close(p[0]);
	close(p[1]);
	return 0;
}

static const struct {
	const char *name;
	long (*fn)(void);
} calls[] = {
	{ "ptrace", try_ptrace_ },
	{ "process_vm_readv", try_vm_readv },
	{ "process_vm_writev", try_vm_writev },
	{ "pidfd_getfd", try_pidfd_getfd },
	{ "mount", try_mount },
	{ "umount2", try_umount2 },
	{ "pivot_root", try_pivot_root },
	{ "chroot", try_chroot },
	{ "reboot", try_reboot },
	{ "kexec_load", try_kexec_load },
	{ "kexec_file_load", try_kexec_file_load },
	{ "init_module", try_init_module },
	{ "finit_module", try_finit_module },
	{ "delete_module", try_delete_module },
	{ "swapon", try_swapon },
	{ "swapoff", try_swapoff },
	{ "settimeofday", try_settimeofday },
	{ "clock_settime", try_clock_settime },
	{ "adjtimex", try_adjtimex },
	{ "bpf", try_bpf },
	{ "perf_event_open", try_perf_event_open },
	{ "keyctl", try_keyctl },
	{ "add_key", try_add_key },
	{ "request_key", try_request_key },
	{ "kill", try_kill },
	{ "kill.32", try_kill32 },
	{ "kill.hi", try_kill_hi },
	{ "tkill.hi", try_tkill_hi },
	{ "tgkill.hi0", try_tgkill_hi0 },
	{ "tgkill.hi1", try_tgkill_hi1 },
	{ "rt_sigqueueinfo.hi", try_rt_sigqueueinfo_hi },
	{ "rt_tgsigqueueinfo", try_rt_tgsigqueueinfo },
	{ "rt_tgsigqueueinfo.hi0", try_rt_tgsigqueueinfo_hi0 },
	{ "rt_tgsigqueueinfo.hi1", try_rt_tgsigqueueinfo_hi1 },
	{ "unshare", try_unshare },
	{ "unshare.hi", try_unshare_hi },
	{ "clone", try_clone },
	{ "clone.hi", try_clone_hi },
	{ "clone3", try_clone3 },
	{ "setns", try_setns },
	{ "setns.hi", try_setns_hi },
	{ "io_uring_setup", try_io_uring_setup },
	{ "io_uring_enter", try_io_uring_enter },
	{ "io_uring_register", try_io_uring_register },
	{ "userfaultfd", try_userfaultfd },
	{ "name_to_handle_at", try_name_to_handle_at },
	{ "open_by_handle_at", try_open_by_handle_at },
	{ "personality", try_personality },
	{ "personality.hi", try_personality_hi },
	{ "socket.netlink", try_socket_netlink },
	{ "socket.netlink.hi", try_socket_netlink_hi },
	{ "socket.packet", try_socket_packet },
	{ "socket.packet.hi", try_socket_packet_hi },
	{ "tkill", try_tkill },
	{ "tgkill", try_tgkill },
	{ "rt_sigqueueinfo", try_rt_sigqueueinfo },
	{ "killpg", try_killpg },
	{ "msgq", try_msgq },
	{ "pipe", try_pipe },
	{ "clone.plain", try_clone_plain },
	{ "clone3.plain", try_clone3_plain },
	{ "thread", try_thread },
	{ "personality.query", try_personality_query },
	{ "personality.aslr", try_personality_aslr },
	{ "socket.unix", try_socket_unix },
};

/* Not in the default run: its signal is for the watcher test. */
static const struct {
	const char *name;
	long (*fn)(void);
} extra[] = {
	{ "kill.urg", try_kill_urg },
};

static void
try(size_t i)
{
	long rc;

	errno = 0;
	rc = calls[i].fn();
	printf("%s %s\n", calls[i].name,
	    rc < 0 ? strerrorname_np(errno) : "OK");
	fflush(stdout);
}

static int
hold_queue(const char *keytext, const char *file)
{
	key_t key = (key_t)strtol(keytext, NULL, 0);
	int id = msgget(key, IPC_CREAT | IPC_EXCL | 0600), i;

	printf("queue %s %s\n", keytext,
	    id < 0 ? strerrorname_np(errno) : "OK");
	fflush(stdout);
	if (id < 0)
		return 1;
	for (i = 0; i < 3000 && access(file, F_OK) < 0; i++)
		usleep(20000);
	msgctl(id, IPC_RMID, NULL);
	return 0;
}

/* sigwaitinfo(2) for SIGURG and SIGUSR2, both blocked from the start. */
static int
watch(const char *file)
{
	sigset_t set, pend;
	FILE *f;
	int n = 0, sig;

	sigemptyset(&set);
	sigaddset(&set, SIGURG);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	f = fopen(file, "w");
	if (f == NULL)
		return 1;
	fprintf(f, "ready %d\n", (int)getpid());
	fflush(f);
	while ((sig = sigwaitinfo(&set, NULL)) != SIGUSR2)
		if (sig == SIGURG)
			n++;
	/* a SIGURG sent before SIGUSR2 may still be pending: lower first */
	if (sigpending(&pend) == 0 && sigismember(&pend, SIGURG))
		n++;
	fprintf(f, "urg %d\n", n);
	fclose(f);
	return 0;
}

int
main(int argc, char **argv)
{
	size_t i, n = sizeof(calls) / sizeof(calls[0]);
	int j, found;
	long rc;

	if (argc == 4 && strcmp(argv[1], "queue") == 0)
		return hold_queue(argv[2], argv[3]);
	if (argc == 3 && strcmp(argv[1], "watch") == 0)
		return watch(argv[2]);
	if (argc == 1) {
		for (i = 0; i < n; i++)
			try(i);
		return 0;
	}
	for (j = 1; j < argc; j++) {
		found = 0;
		for (i = 0; i < n; i++)
			if (strcmp(argv[j], calls[i].name) == 0) {
				try(i);
				found = 1;
			}
		for (i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
			if (strcmp(argv[j], extra[i].name) == 0) {
				errno = 0;
				rc = extra[i].fn();
				printf("%s %s\n", extra[i].name, rc < 0 ?
				    strerrorname_np(errno) : "OK");
				fflush(stdout);
				found = 1;
			}
		if (!found) {
			fprintf(stderr, "sandbox_try: %s: unknown call\n",
			    argv[j]);
			return 2;
		}
	}
	return 0;
}
