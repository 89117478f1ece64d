/*
 * lesson.h - the lesson engine: parse a lesson file, run it interactively
 * (between the student's commands) or play it unattended.
 */
#ifndef IPCSH_LESSON_H
#define IPCSH_LESSON_H

#include <limits.h>
#include <stddef.h>

struct lesson_opts {
	const char	*name;	/* NAME (found in the lesson path) or FILE */
	int		play;	/* --play: unattended */
	double		speed;	/* --speed: characters a second; 0 instant; < 0 default */
	int		step;	/* --step: a key before each step when playing */
	int		refute;	/* --refute: wrong answers first, each refused */
	int		again;	/* start from the beginning, not where one stopped */
};

/*
 * ipcsh --lesson: with play, play the lesson and return 0 only if every
 * check passed; otherwise start it and return to the caller, which runs the
 * interactive loop (the lesson speaks between commands). Returns an exit
 * status (2 for a lesson that cannot be read or parsed, after reporting).
 */
int lesson_start(const struct lesson_opts *o);

/* Called by the interactive loop before each prompt: the lesson's turn. */
void lesson_between(void);

/*
 * For the `lesson` builtin (builtin_lesson.c). lesson_begin starts (or,
 * with play, plays) a lesson from a running shell, like lesson_start.
 * lesson_command acts on the running lesson: "next" (or "skip") skips a
 * task or goes past a pause; "hint" prints the hint (the solution the
 * second time); "check" evaluates the task's checks (0 held, 1 not);
 * "status" prints where the student is; "quit" cleans up and ends it.
 * It returns -1 when no lesson runs, -2 when cmd is none of these.
 * lesson_finish ends the lesson after the last step.
 */
int lesson_begin(const struct lesson_opts *o);
int lesson_active(void);
int lesson_command(const char *cmd);
void lesson_finish(void);

/*
 * Where lessons are looked for: $IPCSH_LESSONS, the source tree beside
 * the binary (../lessons from build/), IPCSH_DATADIR "/lessons". Fills
 * dirs (real paths, no duplicates) and returns how many.
 */
size_t lesson_dirs(char dirs[][PATH_MAX], size_t max);

/*
 * Finds lesson name: a path to a file, or a name in the lesson dirs
 * ("pipes", "2", "02", "02-pipes"). 0 with the path in out, or -1.
 */
int lesson_find(const char *name, char *out, size_t size);

/*
 * lesson_find and lesson_parse in one: the lesson, or NULL after saying
 * why (no such lesson, or where its file is malformed).
 */
struct lesson *lesson_load(const char *name);

/*
 * The saved progress of lesson name (file name without .lesson): 0 if
 * none, 1 when finished, 2 when stopped before the end.
 */
int lesson_progress(const char *name, int *done, int *total);

/*
 * `lesson check 'CHECK'`: evaluates one check of ipcsh-lesson(5), in or
 * out of a lesson, prints whether it holds; 0 held, 1 not, 2 malformed.
 */
int lesson_check_text(const char *text);

/* `lesson slides NAME`: "TITLE<TAB>NAME:STEP" for each slide it covers. */
int lesson_slides(const char *name);

/* `lesson pacing NAME`: the seconds --play takes at speed; status. */
int lesson_pacing(const char *name, double speed);

#endif
