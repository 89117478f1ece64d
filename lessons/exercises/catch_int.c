/*
 * catch_int.c - exercise: catch SIGINT. Without a handler, Ctrl+C (or
 * kill -INT) ends the process; with one, the handler runs and main goes on.
 * Usage: catch_int   (then press Ctrl+C, or kill -INT PID from elsewhere)
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t caught;

/* TODO: a handler: write(2) "handler: caught SIGINT\n", then set caught. */

int
main(void)
{
	/*
	 * TODO: install the handler for SIGINT with sigaction(2): a struct
	 * sigaction with sa_handler set, an empty sa_mask, sa_flags 0.
	 */
	printf("catch_int %d: waiting for SIGINT (kill -INT %d)\n",
	    (int)getpid(), (int)getpid());
	fflush(stdout);
	/* pause(2) returns once a handler has run */
	while (!caught)
		pause();
	printf("main: caught INT, the handler ran; going on\n");
	return 0;
}
