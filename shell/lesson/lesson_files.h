/*
 * lesson_files.h - for the engine (lesson.c): the lessons' programs and
 * saving progress. Finding lessons and reading progress are in lesson.h.
 */
#ifndef IPCSH_LESSON_FILES_H
#define IPCSH_LESSON_FILES_H

#include <stddef.h>

/*
 * The lessons' C programs: build/programs beside ipcsh, or installed.
 * 0 with the directory in buf, or -1.
 */
int lesson_programs_dir(char *buf, size_t size);

/* Records done of ntasks for lesson name unless a better result is saved. */
void lesson_progress_save(const char *name, int done, size_t ntasks);

#endif
