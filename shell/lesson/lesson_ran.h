/*
 * lesson_ran.h - what the student ran during the current task, for the
 * "ran PATTERN" check.
 */
#ifndef IPCSH_LESSON_RAN_H
#define IPCSH_LESSON_RAN_H

/* Remembers a command line run during the task. */
void lran_note(const char *line);

/* Forgets them all: a new task begins. */
void lran_reset(void);

/*
 * 1 when a line run since the reset matches pattern (fnmatch, blanks
 * squeezed), as typed or with its $NAMEs expanded by expand (may be NULL;
 * returns malloc'd text).
 */
int lran_match(const char *pattern, char *(*expand)(const char *));

#endif
