/*
 * sig_handler.c - a signal handler runs, then the program goes on where it
 * was: the kernel makes the process "call" the handler on return to user
 * mode, and the handler's return enters sigreturn(2), which restores the
 * saved context (the lecture's sigreturn slides).
 * Usage: sig_handler [-f]       (sends itself SIGUSR1 at step 3; -f: also
 *                               show the frame the kernel built)
 *        sig_handler -w SECS    (waits SECS s for SIGUSR1/SIGINT from outside)
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

static volatile sig_atomic_t caught;	/* how many times the handler ran */
static volatile sig_atomic_t last_sig;

/* What the handler saw of its frame, for main to print (-f). */
static void *volatile frame_local;	/* a local of the handler: its stack */
static void *volatile frame_ret;	/* where the handler returns to */
static volatile unsigned long frame_pc;	/* the interrupted pc, saved */

/*
 * The handler: only async-signal-safe calls (signal-safety(7)), so
 * write(2), not printf(3), which may be in the middle of its own buffer.
 */
static void
handler(int sig, siginfo_t *si, void *ctx)
{
	static const char usr1[] = "handler: caught SIGUSR1\n";
	static const char intr[] = "handler: caught SIGINT\n";
	int saved = errno;
	ucontext_t *uc = ctx;

	(void)si;
	frame_local = &saved;
	/* not a call from main: the kernel made this return address */
	frame_ret = __builtin_return_address(0);
#if defined(__x86_64__) && defined(REG_RIP)
	frame_pc = (unsigned long)uc->uc_mcontext.gregs[REG_RIP];
#else
	(void)uc;
#endif

	if (sig == SIGUSR1)
		(void)!write(STDOUT_FILENO, usr1, sizeof(usr1) - 1);
	else
		(void)!write(STDOUT_FILENO, intr, sizeof(intr) - 1);
	last_sig = sig;
	caught++;
	errno = saved;
}

static int
install(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	/*
	 * SA_SIGINFO: the handler also gets the context the kernel saved;
	 * no SA_RESTART: a sleeping main sees EINTR and can say so.
	 */
	sa.sa_flags = SA_SIGINFO;
	if (sigemptyset(&sa.sa_mask) < 0 || sigaction(sig, &sa, NULL) < 0) {
		perror("sigaction");
		return -1;
	}
	return 0;
}

/*
 * What the handler saw (-f): its frame lies below main's on the same
 * user stack, the context the kernel saved holds the pc to go back to,
 * and its return address is not in main but in a few bytes libc gave
 * the kernel (sa_restorer) that only make the rt_sigreturn system call.
 */
static void
show_frame(const void *main_local)
{
	const unsigned char *r = frame_ret;
	/* x86-64: mov $15,%rax (15 is rt_sigreturn); syscall */
	static const unsigned char restorer[] = {
		0x48, 0xc7, 0xc0, 0x0f, 0x00, 0x00, 0x00, 0x0f, 0x05
	};

	printf("frame: the handler ran on the user stack at %p, %ld bytes "
	    "below main's %p\n", frame_local,
	    (long)((const char *)main_local - (const char *)frame_local),
	    main_local);
	if (frame_pc != 0)
		printf("frame: the kernel saved the interrupted pc %#lx "
		    "(in kill)\n", frame_pc);
	printf("frame: the handler returned to %p, not into main\n",
	    frame_ret);
	if (r != NULL && memcmp(r, restorer, sizeof(restorer)) == 0)
		printf("frame: the code there: mov $15,%%rax; syscall -- "
		    "system call 15 is rt_sigreturn,\n"
		    "frame: which restores the saved context: main goes on\n");
}

/* Sends SIGUSR1 to ourselves in the middle of the work. */
static int
self_demo(int frame)
{
	int step, before;

	for (step = 1; step <= 5; step++) {
		printf("main: step %d\n", step);
		fflush(stdout);
		if (step == 3) {
			before = caught;
			/* delivered before kill(2) returns to us */
			if (kill(getpid(), SIGUSR1) < 0) {
				perror("kill");
				return 1;
			}
			printf("main: back in step %d after the handler "
			    "(it ran %d time)\n", step, caught - before);
			if (frame)
				show_frame(&before);
			fflush(stdout);
		}
	}
	printf("main: done, the handler ran %d time(s)\n", (int)caught);
	return caught == 1 ? 0 : 1;
}

/* Waits secs seconds; each signal interrupts the sleep, then we go on. */
static int
wait_demo(long secs)
{
	struct timespec left = { secs, 0 };

	printf("main: pid %d waiting %ld s; try: kill -USR1 %d\n",
	    (int)getpid(), secs, (int)getpid());
	fflush(stdout);
	while (nanosleep(&left, &left) < 0) {
		if (errno != EINTR) {
			perror("nanosleep");
			return 1;
		}
		printf("main: resumed after the handler for signal %d "
		    "(%d so far), %ld s left\n", (int)last_sig, (int)caught,
		    (long)left.tv_sec);
		fflush(stdout);
	}
	printf("main: done, the handler ran %d time(s)\n", (int)caught);
	return 0;
}

int
main(int argc, char **argv)
{
	int c, frame = 0;
	long wait_secs = -1;

	while ((c = getopt(argc, argv, "fw:")) != -1) {
		if (c == 'f') {
			frame = 1;
		} else if (c == 'w') {
			wait_secs = atol(optarg);
		} else {
			fprintf(stderr,
			    "usage: sig_handler [-f] [-w SECONDS]\n");
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "usage: sig_handler [-f] [-w SECONDS]\n");
		return 2;
	}
	if (install(SIGUSR1) < 0 || install(SIGINT) < 0)
		return 1;
	return wait_secs >= 0 ? wait_demo(wait_secs) : self_demo(frame);
}
