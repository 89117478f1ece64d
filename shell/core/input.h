/*
 * input.h - where commands come from: the terminal (readline, history,
 * completion, prompts), a script file, standard input, or a string.
 */
#ifndef IPCSH_INPUT_H
#define IPCSH_INPUT_H

struct input;

/* A string (-c, eval, traps); name is for messages (may be NULL). */
struct input *input_string(const char *s, const char *name);

/*
 * A file descriptor. With own, the fd is the shell's alone (a script):
 * read in blocks. Otherwise (standard input) never read past the line
 * returned, so that the commands run can read the rest: seek back when
 * the fd can seek, else read one byte at a time.
 */
struct input *input_fd(int fd, const char *name, int own);

/* The terminal through readline (or plain reads with prompts on stderr). */
struct input *input_tty(void);

void input_free(struct input *in);

/*
 * The next line (malloc'ed, with its newline unless the input ended
 * without one), or NULL at the end. more: a continuation line (PS2).
 */
char *input_read(struct input *in, int more);

/*
 * Whether lines may be read past the command that needs them (a string,
 * the shell's own script file: nobody else reads them), and giving such
 * text back: input_read returns it first, line numbers go back too.
 */
int input_can_read_ahead(const struct input *in);
void input_unread(struct input *in, const char *s, size_t n);

/*
 * The same line as input_read appended to b (lex.h), without a copy of
 * its own for a string or a script the shell reads itself. 0, or -1 at
 * the end.
 */
struct sbuf;
int input_read_append(struct input *in, int more, struct sbuf *b);

/* The number of the last line read (1 for the first). */
int input_lineno(const struct input *in);

/* Non-zero for the interactive terminal input. */
int input_is_tty(const struct input *in);

/*
 * Interactive start: history from $XDG_STATE_HOME/ipcsh/history
 * (~/.local/state/ipcsh/history), completion of builtins, commands in
 * PATH and files.
 */
void input_init_interactive(void);

/*
 * The idle hook (main.c hands it, as it hands the loop its chores): a
 * signal (SIGCHLD, a trapped one) woke the prompt. idle(0) does what
 * needs no terminal (reap children) and returns non-zero when there is
 * work that prints (trap actions); the prompt then steps aside (its own
 * line, the terminal in its normal modes, the shell's own SIGINT
 * disposition and mask), calls idle(1) and redraws itself.
 */
void input_set_idle(int (*idle)(int run));

/* set -o vi / emacs: readline's editing mode ("vi" or "emacs"). */
void input_editing_mode(const char *mode);

/* Adds a command (without trailing newline) to the history. */
void input_history_add(const char *cmd);

/* Writes the history file (at exit; harmless when not interactive). */
void input_save_history(void);

#endif
