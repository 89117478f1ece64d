/*
 * probe_sigstate.c - test helper for signal sets (signal(7)).
 * Default: USR1 blocked and pending (kill(2): process-wide), USR2 blocked
 * and pending for the thread (tgkill(2)), INT ignored, TERM caught.
 * -w: nothing blocked, USR1 caught; each HUP toggles blocking USR1 (the
 * first blocks it, the second unblocks it, delivering a pending one).
 * Prints "ready PID" and waits; TERM ends it.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile sig_atomic_t done, hups, usr1;

static void
on_signal(int sig)
{
	if (sig == SIGTERM)
		done = 1;
	else if (sig == SIGHUP)
		hups++;
	else
		usr1++;
}

static void
toggle_loop(void)
{
	sigset_t usr1, ctl, cur;
	int seen = 0;

	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	/*
	 * HUP and TERM stay blocked but inside sigsuspend(2), so none can
	 * arrive between the test of the flags and the wait (a lost wakeup).
	 */
	sigemptyset(&ctl);
	sigaddset(&ctl, SIGHUP);
	sigaddset(&ctl, SIGTERM);
	sigprocmask(SIG_BLOCK, &ctl, NULL);
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	while (!done) {
		if (hups != seen) {
			seen = hups;
			sigprocmask(seen % 2 ? SIG_BLOCK : SIG_UNBLOCK, &usr1,
			    NULL);
			continue;
		}
		/* wait with our mask (USR1 as toggled), HUP and TERM open */
		sigprocmask(SIG_BLOCK, NULL, &cur);
		sigdelset(&cur, SIGHUP);
		sigdelset(&cur, SIGTERM);
		sigsuspend(&cur);
	}
}

int
main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t set, wait;

	sigaction(SIGTERM, &sa, NULL);
	signal(SIGINT, SIG_IGN);
	if (argc > 1 && strcmp(argv[1], "-w") == 0) {
		sigaction(SIGHUP, &sa, NULL);
		sigaction(SIGUSR1, &sa, NULL);
		toggle_loop();
		return 0;
	}
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
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
