/*
 * ui.c - the curses modes of ipcview (not written yet).
 */
#include <stdio.h>

#include "view.h"

int
ui_main(const struct view_opts *o)
{
	(void)o;
	fprintf(stderr, "ipcview: the split screen is not built yet; use --once or --follow\n");
	return 1;
}
