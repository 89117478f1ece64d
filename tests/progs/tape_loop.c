/*
 * tape_loop.c - a program of the student's that writes in a loop, for the
 * tape tests: N writes of 10 bytes each to its standard output. It is no
 * system program, so the tape follows every call and it never goes hot.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	int i, n = argc == 2 ? atoi(argv[1]) : 0;
	ssize_t w;

	if (n <= 0) {
		fprintf(stderr, "usage: tape_loop N\n");
		return 2;
	}
	for (i = 0; i < n; i++) {
		while ((w = write(1, "0123456789", 10)) < 0 && errno == EINTR)
			;
		if (w != 10)
			return 1;
	}
	return 0;
}
