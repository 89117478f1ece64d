/*
 * lesson_check.h - a lesson's checks: predicates on the live IPC state of
 * the shell's processes, taken with the probe, waited for with a timeout.
 */
#ifndef IPCSH_LESSON_CHECK_H
#define IPCSH_LESSON_CHECK_H

#include <stddef.h>

#include "lesson_parse.h"

/*
 * Checks the words of a check (argv[0] is the kind; "within N" already
 * removed). Returns 0, or -1 with what is wrong in err.
 */
int lcheck_validate(int argc, char **argv, char *err, size_t errsize);

/*
 * Evaluates check c, polling the live state until it holds or within
 * seconds have passed. $NAME and ${NAME} in its words are the shell's
 * variables. Returns 1 when it held, 0 when it did not (with why in
 * why), -1 when interrupted (intr set by a signal handler).
 */
int lcheck_eval(const struct lcheck *c, double within, char *why,
    size_t whysize);

/*
 * Remembers which System V objects exist now (the lesson begins), so that
 * "no-queue" without a key and the cleanup know which ones are new.
 */
void lcheck_set_baseline(void);

/* Nonzero when the object (kind 'q' queue, 's' segment, 'S' semaphore set) is new. */
int lcheck_is_new(char kind, int id);

/*
 * Nonzero when the object is one the lesson made: new, the user's, and
 * with a key ftok(3) made from a file of $LESSON_DIR, or a private key
 * and related (the probe's flag: a process of the shell's tree created
 * or last used it). Other programs' private objects are left alone.
 */
struct sysv_perm;
int lcheck_is_mine(char kind, int id, const struct sysv_perm *perm,
    int related);

/*
 * Nonzero when key is one ftok(3) makes from dir or a file in it (any
 * proj_id: ftok keeps its low 8 bits, then 8 bits of st_dev and 16 of
 * st_ino). dir may be NULL.
 */
#include <sys/types.h>
int lcheck_dir_key(const char *dir, key_t key);

/* Set from a signal handler to stop a check waiting. */
extern volatile int lcheck_intr;

#endif
