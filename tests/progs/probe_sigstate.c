/*
 * probe_sigstate.c - test helper: USR1 blocked and pending (kill(2):
 * process-wide), USR2 blocked and pending for the thread (tgkill(2)), INT
 * ignored, TERM caught. Prints "ready PID" and waits; TERM ends it.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile sig_atomic_t done;

static void
on_term(int sig)
{
	(void)sig;
	done = 1;
}

int
main(void)
{
	struct sigaction sa = { .sa_handler = on_term };
	sigset_t set, wait;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGINT, SIG_IGN);
	sigaction(SIGTERM, &sa, NULL);
	kill(getpid(), SIGUSR1);
	syscall(SYS_tgkill, getpid(), (pid_t)syscall(SYS_gettid), SIGUSR2);
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	sigemptyset(&wait);
	sigaddset(&wait, SIGUSR1);
	sigaddset(&wait, SIGUSR2);
	while (!done)
		sigsuspend(&wait);
	return 0;
}
