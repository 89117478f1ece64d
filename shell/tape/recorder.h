/*
 * recorder.h - the shell's side of the tape (include/tape.h): starting and
 * stopping the tracer, and the child hook that hands it each new child.
 */
#ifndef IPCSH_RECORDER_H
#define IPCSH_RECORDER_H

#include <sys/types.h>

/*
 * Starts recording into file (NULL: the shell's announced path, see
 * tape_path_for). Reports and returns -1 when it cannot; 0 when on.
 */
int tape_start(const char *file);

/* Stops recording (the tracer ends once its tracees are gone). */
void tape_stop(void);

/* The file recorded into, or NULL when the tape is off. */
const char *tape_file(void);

/* Every record of what has ended so far is written: 0, or -1 (no tape). */
int tape_sync(void);

/*
 * The child hook: in each child the shell makes, before anything else.
 * Hands the child to the tracer and waits until it is seized. vforked:
 * the child shares the shell's memory until execve(2).
 */
void tape_child(int vforked);

/*
 * The spawn hook: in a vfork(2) child right before its execve(2) of path
 * with argv, hi the highest descriptor its redirections made: hands the
 * child to the tracer unless tape_child(1) did (asked), and tells it
 * what the child runs and holds.
 */
void tape_spawn(const char *path, char *const argv[], int hi, int asked);

/*
 * The at_run hook: a forked child about to run a builtin, a function or
 * a compound command itself (no execve) tells the tracer what (argv its
 * words) and waits until it is named and followed call by call.
 */
void tape_run(const char *what, int argc, char *const *argv);

/*
 * The shell's own reads and writes on pipes and FIFOs (own.c), told into
 * out (a descriptor of the tape, O_APPEND, which it takes) from this
 * process on; off stops and closes it.
 */
void tape_own_on(int out);
void tape_own_off(void);

#endif
