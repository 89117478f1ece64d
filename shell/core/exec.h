/*
 * exec.h - the executor: walks a parsed tree and runs its commands;
 * spawn.h starts programs, redir.h redirects, loop.h reads and runs.
 */
#ifndef IPCSH_EXEC_H
#define IPCSH_EXEC_H

#include <stddef.h>

struct cmd;

#define EV_EXIT		0x1	/* in a child that exits after this: exec in place */
#define EV_DEFPATH	0x2	/* command -p: confstr's PATH */

/* Runs a tree; returns its status (also in sh_status). */
int exec_cmd(struct cmd *c, int flags);

/* $-: the letters of the options set, into buf. */
void exec_optstring(char *buf, size_t size);

/* break/continue n from the builtins; returns their status. */
int exec_loopctl(int is_break, int n);

/* Where errors are reported from (error.c formats them). */
extern const char *sh_errfile;	/* script or dot file; NULL for -c/terminal */
extern int sh_lineno;		/* line of the command running */
extern const char *sh_errwhere;	/* sh_eval's where, overriding both */
extern int exec_in_child;	/* a forked subshell: exit with _exit */
extern int exec_exiting;	/* sh_exit began: its EXIT trap has run */

/* Expansion or assignment error: 2, and leave a non-interactive shell. */
int exec_fatal(int status);

/*
 * return: unwind to the function or dot script running (exec_return
 * returns status); exec_returned tells whether one did, and clears it.
 */
int exec_return(int status);
int exec_returned(void);
int exec_returning(void);

/* Between the executor's files (spawn.c, loop.c). */
extern const char *exec_job_text;	/* the source text of the running list */

/* Sets NAME=value pairs; flags VAR_EXPORT for a command's environment. */
int exec_set_assigns(char **as, int flags);

/*
 * A foreground job's status: 130 (Ctrl+C) in an interactive shell
 * ends the whole line, with $? 130. Returns st.
 */
int exec_interrupted(int st);

/* A line begins: no error to unwind from (break/continue stay). */
void exec_line_begin(void);
/* The top loop's line is done: nothing at all left to unwind. */
void exec_line_end(void);
/* An error (or Ctrl+C) in an interactive shell is unwinding the line. */
int exec_aborted(void);

#endif
