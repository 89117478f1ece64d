/*
 * lesson_sysv.h - the System V objects that are the lesson's: those there
 * before it began (the baseline), which ones it made, and their removal.
 */
#ifndef IPCSH_LESSON_SYSV_H
#define IPCSH_LESSON_SYSV_H

#include <sys/types.h>

#include "snapshot.h"
#include "sysv.h"

/*
 * Remembers which System V objects exist now (the lesson begins), so that
 * "no-queue" without a key and the cleanup know which ones are new.
 */
void lsysv_set_baseline(void);

/* Nonzero when the object of kind k with this id is new. */
int lsysv_is_new(enum sysv_kind k, int id);

/*
 * Nonzero when the object is one the lesson made: new, the user's, and
 * with a key ftok(3) made from a file of $LESSON_DIR, or a private key
 * and related (the probe's flag: a process of the shell's tree created
 * or last used it). Other programs' private objects are left alone.
 */
int lsysv_is_mine(enum sysv_kind k, int id, const struct sysv_perm *perm,
    int related);

/*
 * Nonzero when key is one ftok(3) makes from dir or a file in it (any
 * proj_id: ftok keeps its low 8 bits, then 8 bits of st_dev and 16 of
 * st_ino). dir may be NULL.
 */
int lsysv_dir_key(const char *dir, key_t key);

/*
 * Removes (IPC_RMID) the objects of snap that are the lesson's: snap is
 * taken before the lesson's processes are killed, so that a private object
 * still counts as the lesson's when one of them created or last used it.
 */
void lsysv_remove_mine(const struct snapshot *snap);

/* Removes the user's objects whose ftok key comes from a file of dir. */
void lsysv_remove_dir_keyed(const char *dir);

#endif
