/*
 * programs.h - the lecture's example programs, for `help programs`.
 */
#ifndef IPCSH_PROGRAMS_H
#define IPCSH_PROGRAMS_H

/* Lists the programs, one line each, and where PATH finds them. 0. */
int programs_help(void);

#endif
