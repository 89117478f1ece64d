/*
 * help.h - the help screen of ipcview.
 */
#ifndef IPCVIEW_HELP_H
#define IPCVIEW_HELP_H

#include <curses.h>

/*
 * Draws the keys into w (rows x cols, boxed): those of the split screen
 * when hosted is 1, of the pane alone (-p) when 0.
 */
void help_draw(WINDOW *w, int rows, int cols, int hosted);

#endif
