/*
 * host.h - the inner shell on a pseudo-terminal, through libvterm.
 * libvterm keeps its screen; host_draw puts it into a curses window.
 */
#ifndef IPCVIEW_HOST_H
#define IPCVIEW_HOST_H

#include <stddef.h>
#include <sys/types.h>
#include <wchar.h>
#include <curses.h>

struct host;

/*
 * Starts path with argv as a session leader on a new pty of rows x cols
 * (posix_openpt(3), setsid(2), TIOCSCTTY), with TERM=xterm-256color.
 * Returns the host, freed by host_free(), or NULL with *cause set to a
 * static description and errno set.
 */
struct host *host_new(const char *path, char *const argv[], int rows,
    int cols, const char **cause);

/* The pty master's descriptor, for poll(2). */
int host_fd(const struct host *h);

/* The inner shell's pid. */
pid_t host_pid(const struct host *h);

/*
 * Reads what the shell wrote and feeds it to the terminal emulator.
 * Returns the number of bytes read (0 when nothing was waiting), or -1
 * when the pty is closed (EIO: the last process holding the slave left).
 */
ssize_t host_read(struct host *h);

/* Nonzero when keys or terminal answers wait to be written to the pty. */
int host_pending(const struct host *h);

/* Writes what waits; -1 on error other than EAGAIN. */
int host_flush(struct host *h);

/*
 * Sends a key read with wget_wch(3X): iskey is 1 for KEY_* codes. Control
 * characters go as bytes, so the line discipline turns ^C, ^Z and ^\ into
 * signals; other keys are encoded by libvterm for the terminal modes the
 * inner program asked for (cursor keys in application mode, ...).
 */
void host_key(struct host *h, int iskey, wint_t ch);

/* New size for the terminal emulator and the pty (TIOCSWINSZ). */
void host_resize(struct host *h, int rows, int cols);

/* Nonzero when part of the screen changed since the last host_draw(). */
int host_dirty(const struct host *h);

/* Marks the whole screen to be drawn again (after a curses clear). */
void host_touch(struct host *h);

/*
 * Draws the changed rows into w (whose size is the host's) and leaves
 * w's cursor where the inner terminal's is. color is 0 for monochrome.
 * Returns 1 when the inner cursor is visible.
 */
int host_draw(struct host *h, WINDOW *w, int color);

/*
 * Scrolls the view lines back into the scrollback (negative: toward the
 * live screen), within what is kept. A key sent to the shell scrolls back
 * to the live screen.
 */
void host_scroll(struct host *h, int n);

/* The window title the inner program set (OSC 0/2), or "". */
const char *host_title(const struct host *h);

/* Nonzero once when the inner program rang the bell since the last call. */
int host_bell(struct host *h);

/*
 * Reaps the shell without waiting. Returns 1 and stores its wait status
 * once it has ended, otherwise 0.
 */
int host_reap(struct host *h, int *status);

/*
 * Closes the pty master, which hangs up the terminal: the kernel sends
 * SIGHUP to the shell and its foreground job, as when a terminal window
 * closes. Waits up to a second for the shell to end, then kills it.
 * Returns its wait status.
 */
int host_free(struct host *h);

#endif
