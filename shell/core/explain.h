/*
 * explain.h - what a signal death or stop means: bash's short report
 * ("Killed") and, with set -o explain, one line a student can learn from.
 */
#ifndef IPCSH_EXPLAIN_H
#define IPCSH_EXPLAIN_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Words for a wait(2) status as bash shows them in job lists: "Done",
 * "Exit 3", "Terminated", "Segmentation fault (core dumped)", "Stopped",
 * "Stopped (tty input)", "Running" (for a WIFCONTINUED status).
 * Writes into buf (always terminated) and returns it.
 */
char *explain_state(int wstatus, char *buf, size_t size);

/*
 * The report after a foreground job member died of a signal, as bash
 * prints it ("Killed", "Segmentation fault (core dumped)"); nothing for
 * SIGINT and SIGPIPE, which bash leaves silent. On stderr.
 */
void explain_report(int wstatus);

/*
 * With sh_opt.explain on: one line on stderr saying which processes died
 * of (or were stopped by) which signal and why that usually happens:
 * "ipcsh: yes (pid 4711) was killed by SIGPIPE (13): it wrote to a pipe
 * that no process reads any more". who is "yes (pid 4711)" or a list of
 * n such; nothing is printed for normal exits.
 */
void explain_line(const char *who, int n, int wstatus);

#endif
