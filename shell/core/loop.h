/*
 * loop.h - the read-parse-run loop: terminal, script, -c, eval and `.`.
 */
#ifndef IPCSH_LOOP_H
#define IPCSH_LOOP_H

#include <stddef.h>

struct input;

/*
 * The chores of the top-level loop, which the program (main.c) hands it,
 * as dash's cmdloop does them at its top: the interpreter calls them and
 * never names what they do. Either may be NULL.
 */
struct loop_hooks {
	void (*prompt)(void);	/* interactive: before each prompt */
	void (*line)(void);	/* not interactive: after each line run */
};

/*
 * Reads, parses and runs every command from in until its end. top: the
 * main loop with its hooks; NULL for eval, `.`, traps. Returns the last
 * status.
 */
int loop_input(struct input *in, const struct loop_hooks *top);

/* Runs the file path in the current shell (`.`); -1 if it cannot be read. */
int loop_dot(const char *path, int *status);

/*
 * Command substitution: runs text in a child and returns its standard
 * output (malloc'ed, caller frees); *status gets the child's status.
 */
char *loop_subst(const char *text, size_t len, int *status);

#endif
