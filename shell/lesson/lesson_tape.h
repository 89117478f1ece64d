/*
 * lesson_tape.h - lesson checks on the tape (tape.h): what short-lived
 * processes did since the lesson's last commands began, read back from
 * the shell's tape: a pipe that carried bytes from one program to
 * another, a handler that returned with rt_sigreturn.
 */
#ifndef IPCSH_LESSON_TAPE_H
#define IPCSH_LESSON_TAPE_H

#include <stddef.h>

/* The words of a tape check (argv[0] "tape"): 0, or -1 with err. */
int ltape_validate(int argc, char **argv, char *err, size_t errsize);

/* Evaluates a tape check: 1 holds, 0 not (why in why). */
int ltape_eval(int argc, char **argv, char *why, size_t whysize);

/*
 * From now on, checks look at the records after this point of the tape
 * (called when a lesson's commands begin: a run after a check, a task).
 */
void ltape_mark(void);
/* A check was evaluated: the next command moves the mark. */
void ltape_checked(void);
/* Before a run: moves the mark if a check came since the last one. */
void ltape_before_run(void);

/*
 * The lesson has tape checks: the tape is turned on (set -o tape) for
 * it; ltape_end turns it off again if it was off. 0, or -1 (reported).
 */
int ltape_begin(void);
void ltape_end(void);

/* Some check of lesson l reads the tape. */
struct lesson;
int ltape_used(const struct lesson *l);

#endif
