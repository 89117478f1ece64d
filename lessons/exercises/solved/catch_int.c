/*
 * catch_int.c - exercise, solved: catch SIGINT. Without a handler, Ctrl+C (or
 * kill -INT) ends the process; with one, the handler runs and main goes on.
 * Usage: catch_int   (then press Ctrl+C, or kill -INT PID from elsewhere)
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t caught;

/* Only async-signal-safe calls here: write(2), not printf(3). */
static void
on_int(int sig)
{
	static const char msg[] = "handler: caught SIGINT\n";

	(void)sig;
	(void)!write(STDOUT_FILENO, msg, sizeof(msg) - 1);
	caught = 1;
}

int
main(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_int;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGINT, &sa, NULL) < 0) {
		perror("sigaction");
		return 1;
	}
	printf("catch_int %d: waiting for SIGINT (kill -INT %d)\n",
	    (int)getpid(), (int)getpid());
	fflush(stdout);
	/* pause(2) returns once a handler has run */
	while (!caught)
		pause();
	printf("main: caught INT, the handler ran; going on\n");
	return 0;
}
