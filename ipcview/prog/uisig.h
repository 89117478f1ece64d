/*
 * uisig.h - ipcview's signals: the self-pipe and the terminal given back
 * on a crash (uisig.c).
 */
#ifndef IPCVIEW_UISIG_H
#define IPCVIEW_UISIG_H

/*
 * Catches SIGWINCH, SIGCHLD, SIGTERM, SIGHUP and SIGINT into a self-pipe
 * (one byte a signal, read from uisig_fd()), ignores SIGPIPE, and gives
 * the terminal back on a fatal signal. 0, or -1 with errno.
 */
int uisig_install(void);
int uisig_fd(void);

/* Back to the default dispositions; the self-pipe closed. */
void uisig_reset(void);

/* The terminal's modes and curses' way back, kept for a crash. */
void uisig_save_tio(void);
void uisig_save_restore_seq(void);

#endif
