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

/* Set from a signal handler to stop a check waiting. */
extern volatile int lcheck_intr;

#endif
