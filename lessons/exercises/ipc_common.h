/*
 * ipc_common.h - the exercises' two helpers, as Stevens' apue.h has its
 * err_sys: die() for a call that failed in main, fork_flushed() for fork.
 * A lesson copies it beside the exercise; cc finds it there.
 */
#ifndef IPC_COMMON_H
#define IPC_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The call what failed: perror(3) says why, and the program exits 1. */
static inline void
die(const char *what)
{
	perror(what);
	exit(1);
}

/*
 * fork(2), stdout flushed first: the child gets a copy of the parent's
 * stdio buffer, and would print again what was still in it. Dies when
 * fork fails; returns 0 in the child, the child's pid in the parent.
 */
static inline pid_t
fork_flushed(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork");
	return pid;
}

#endif
