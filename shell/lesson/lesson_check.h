/*
 * lesson_check.h - evaluating a lesson's checks: predicates on the live
 * IPC state of the shell's processes, taken with the probe, waited for
 * with a timeout. The kinds and their words are in check_kind.h.
 */
#ifndef IPCSH_LESSON_CHECK_H
#define IPCSH_LESSON_CHECK_H

#include <stddef.h>

#include "check_kind.h"

/*
 * Evaluates check c, polling the live state until it holds or within
 * seconds have passed. $NAME and ${NAME} in its words are the shell's
 * variables. Returns 1 when it held, 0 when it did not (with why in
 * why), -1 when interrupted (intr set by a signal handler).
 */
int lcheck_eval(const struct lcheck *c, double within, char *why,
    size_t whysize);

/*
 * $NAME and ${NAME} replaced by the shell's variable (empty when unset).
 * Returns a malloc'd string, NULL when out of memory.
 */
char *lcheck_expand(const char *s);

/*
 * Check c as a sentence in the language in force ("yes is blocked in pipe
 * write"), its variables expanded, into buf. Returns 0; 1 when the kind
 * has no sentence yet (buf holds the check as written); -1 on error.
 */
int lcheck_say(const struct lcheck *c, char *buf, size_t size);

/* A pattern of `ran` for reading: cat README.md for "cat *README.md". */
void lcheck_say_pattern(const char *pattern, char *buf, size_t size);

/* Set from a signal handler to stop a check waiting. */
extern volatile int lcheck_intr;

#endif
