/*
 * exec.h - the executor: walks a parsed tree, forks and execs, applies
 * redirections, runs builtins; and the read-parse-run loop every input
 * source (terminal, script, -c, eval, .) goes through.
 */
#ifndef IPCSH_EXEC_H
#define IPCSH_EXEC_H

#include <stddef.h>

struct cmd;
struct input;

#define EV_EXIT		0x1	/* in a child that exits after this: exec in place */

/* Runs a tree; returns its status (also in sh_status). */
int exec_cmd(struct cmd *c, int flags);

/*
 * Reads, parses and runs every command from in until its end. top: the
 * main loop (prompts, notifications). Returns the last status.
 */
int exec_input(struct input *in, int top);

/*
 * Command substitution: runs text in a child and returns its standard
 * output (malloc'ed, caller frees); *status gets the child's status.
 */
char *exec_subst(const char *text, size_t len, int *status);

/* $-: the letters of the options set, into buf. */
void exec_optstring(char *buf, size_t size);

/* break/continue n from the builtins; returns their status. */
int exec_loopctl(int is_break, int n);

/* Runs the file path in the current shell (`.`); -1 if it cannot be read. */
int exec_dot(const char *path, int *status);

/*
 * exec with a command: replaces the shell (redirections already done).
 * Returns only on failure, with 126 or 127 after reporting.
 */
int exec_replace(char **argv);

/* Where errors are reported from (error.c formats them). */
extern const char *sh_errfile;	/* script or dot file; NULL for -c/terminal */
extern int sh_lineno;		/* line of the command running */
extern const char *sh_errwhere;	/* sh_eval's where, overriding both */
extern int exec_in_child;	/* a forked subshell: exit with _exit */

/* Expansion or assignment error: 2, and leave a non-interactive shell. */
int exec_fatal(int status);

#endif
