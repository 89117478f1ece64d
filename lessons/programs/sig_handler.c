/*
 * sig_handler.c - a signal handler runs, then the program goes on where it
 * was: the kernel makes the process "call" the handler on return to user
 * mode, and the handler's return enters sigreturn(2), which restores the
 * saved context (the lecture's sigreturn slides).
 * Usage: sig_handler          (sends itself SIGUSR1 at step 3)
 *        sig_handler -w SECS  (waits SECS seconds for SIGUSR1/SIGINT from outside)
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t caught;	/* how many times the handler ran */
static volatile sig_atomic_t last_sig;

/*
 * The handler: only async-signal-safe calls (signal-safety(7)), so
 * write(2), not printf(3), which may be in the middle of its own buffer.
 */
static void
handler(int sig)
{
	static const char usr1[] = "handler: caught SIGUSR1\n";
	static const char intr[] = "handler: caught SIGINT\n";
	int saved = errno;

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
	sa.sa_handler = handler;
	/* no SA_RESTART: a sleeping main sees EINTR and can say so */
	sa.sa_flags = 0;
	if (sigemptyset(&sa.sa_mask) < 0 || sigaction(sig, &sa, NULL) < 0) {
		perror("sigaction");
		return -1;
	}
	return 0;
}

/* Sends SIGUSR1 to ourselves in the middle of the work. */
static int
self_demo(void)
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
	int c;
	long wait_secs = -1;

	while ((c = getopt(argc, argv, "w:")) != -1) {
		if (c != 'w') {
			fprintf(stderr, "usage: sig_handler [-w SECONDS]\n");
			return 2;
		}
		wait_secs = atol(optarg);
	}
	if (optind != argc) {
		fprintf(stderr, "usage: sig_handler [-w SECONDS]\n");
		return 2;
	}
	if (install(SIGUSR1) < 0 || install(SIGINT) < 0)
		return 1;
	return wait_secs >= 0 ? wait_demo(wait_secs) : self_demo();
}
