/*
 * start.h - what ipcview checks and prepares before the split screen.
 */
#ifndef IPCVIEW_START_H
#define IPCVIEW_START_H

#include <stddef.h>

#include "view.h"

/* Says on stderr, once, that locale missing is not installed. */
void start_locale_note(const char *missing);

/*
 * 0 when the terminal can show the split screen (terminfo cup and clear);
 * else says what to use instead on stderr and returns -1.
 */
int start_term_ok(void);

/*
 * --sandbox: enters a new user and IPC namespace for ipcview and the
 * shell it starts (before curses: only while single-threaded).
 */
void start_sandbox_ns(void);

/* The ipcsh to host: --shell, else the one next to ipcview, else PATH. */
const char *start_shell_path(const struct view_opts *o, char *buf,
    size_t size);

/* Puts the lecture's programs first on PATH, for the hosted shells. */
void start_path_programs(void);

#endif
