/*
 * probe_ctty.c - test helper for tpgid: a session with a terminal.
 * Forks a session leader that takes a new pseudo-terminal as its
 * controlling terminal (open(2) without O_NOCTTY, tty_ioctl(4)), then
 * forks a member that keeps it and one that gives it up (TIOCNOTTY).
 * The leader prints "ready LEADER KEEPER DROPPER" when all three are set
 * and waits; TERM to the leader ends the three, and the helper with them.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t done;

static void
on_term(int sig)
{
	(void)sig;
	done = 1;
}

static void
wait_term(void)
{
	sigset_t none;

	sigemptyset(&none);
	while (!done)
		sigsuspend(&none);
}

int
main(void)
{
	int ready[2], master, slave;
	pid_t leader, keeper, dropper;
	struct sigaction sa = { .sa_handler = on_term };
	sigset_t term;
	char c;

	leader = fork();
	if (leader < 0)
		return 1;
	if (leader > 0)		/* the helper itself waits for the leader */
		return waitpid(leader, NULL, 0) == leader ? 0 : 1;
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigprocmask(SIG_BLOCK, &term, NULL);	/* sigsuspend(2) lets it in */
	sigaction(SIGTERM, &sa, NULL);
	if (pipe(ready) < 0 || setsid() < 0 ||
	    (master = posix_openpt(O_RDWR | O_NOCTTY)) < 0 ||
	    grantpt(master) < 0 || unlockpt(master) < 0 ||
	    (slave = open(ptsname(master), O_RDWR)) < 0)
		return 1;	/* the leader without O_NOCTTY: its terminal */
	keeper = fork();
	if (keeper == 0) {
		wait_term();
		_exit(0);
	}
	dropper = fork();
	if (dropper == 0) {
		if (ioctl(slave, TIOCNOTTY) < 0 || write(ready[1], "x", 1) != 1)
			_exit(1);
		wait_term();
		_exit(0);
	}
	/* the dropper writes once it has let go of the terminal */
	if (read(ready[0], &c, 1) != 1)
		return 1;
	printf("ready %d %d %d\n", (int)getpid(), (int)keeper, (int)dropper);
	fflush(stdout);
	wait_term();
	kill(keeper, SIGTERM);
	kill(dropper, SIGTERM);
	waitpid(keeper, NULL, 0);
	waitpid(dropper, NULL, 0);
	close(slave);
	close(master);
	return 0;
}
