/*
 * lesson_files.h - for the engine (lesson.c): the lessons' programs,
 * saving progress, and removing what a lesson left (its directory, its
 * processes, a dead shell's leftovers). Finding lessons is in lesson.h.
 */
#ifndef IPCSH_LESSON_FILES_H
#define IPCSH_LESSON_FILES_H

#include <stddef.h>

/*
 * The lessons' C programs: build/programs beside ipcsh, or installed.
 * 0 with the directory in buf, or -1.
 */
int lesson_programs_dir(char *buf, size_t size);

/*
 * Records where the student is in lesson name: done of ntasks, stopped
 * at step pos (1-based item), or finished (pos 0) unless a better finish
 * is saved.
 */
void lesson_progress_save(const char *name, int done, size_t ntasks,
    size_t pos);

/* The saved progress of name: 1 when there is some (*pos 0: finished). */
int lesson_progress_read(const char *name, int *done, int *total, int *pos);

/* Removes path and everything under it (a lesson's directory). */
void lesson_rmtree(const char *path);

/*
 * A shell killed in a lesson (its terminal closed: SIGHUP) could not clean
 * up: removes, in tmp, the directories of lessons whose shell is gone and
 * the System V objects keyed on their files.
 */
void lesson_sweep_stale(const char *tmp);

/*
 * Kills (SIGKILL: lessons block and catch the others) every process of
 * the shell's tree but the shell and those in base; waits until gone.
 */
#include <sys/types.h>
void lesson_kill_new(const pid_t *base, size_t nbase);

#endif
