/*
 * tape_sig.c - a USR1 handler for the tape tests: installs it, says
 * "ready" into the FIFO argv[1], waits for the signal, then exits 0.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void
on_usr1(int sig)
{
	(void)sig;
	got = 1;
}

int
main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigset_t block, old;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: tape_sig FIFO\n");
		return 2;
	}
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &old);
	sigaction(SIGUSR1, &sa, NULL);
	fd = open(argv[1], O_WRONLY);
	if (fd < 0 || write(fd, "ready\n", 6) != 6)
		return 1;
	close(fd);
	while (!got)
		sigsuspend(&old);
	return 0;
}
