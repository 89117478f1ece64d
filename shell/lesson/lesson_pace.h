/*
 * lesson_pace.h - reading and typing time of a played lesson, and the key
 * that moves it on.
 */
#ifndef IPCSH_LESSON_PACE_H
#define IPCSH_LESSON_PACE_H

#include <signal.h>
#include <stddef.h>

#define LPACE_SPEED		15	/* default --speed: characters a second */
#define LPACE_READ_FACTOR	2	/* columns read a second, per unit of speed */
#define LPACE_READ_MAX		30	/* seconds, for the longest paragraph */
#define LPACE_AFTER_TASK	2	/* seconds to look at a task's result */

/* Seconds a class needs to read text at speed (0 when speed is 0). */
double lpace_reading(const char *text, double speed);

/* Seconds to type cmd out at speed characters a second. */
double lpace_typing(const char *cmd, double speed);

/*
 * Prints prompt, waits for one key on standard input (raw on a terminal),
 * wipes the prompt; the key, or -1 at end of input (or Ctrl+D).
 */
int lpace_key(const char *prompt);

/* Sleeps secs seconds (a signal may cut it short). */
void lpace_nap(double secs);

/*
 * Types cmd out after a prompt, at speed characters a second (0: at
 * once), until *stop is set (Ctrl+C).
 */
void lpace_type(const char *cmd, double speed,
    const volatile sig_atomic_t *stop);

/*
 * --play's Ctrl+C: a helper process that, once the command has started,
 * waits secs seconds and sends SIGINT as the terminal driver would. Its
 * pid, for waitpid, or -1.
 */
#include <sys/types.h>
pid_t lpace_interrupt_later(double secs);

#endif
