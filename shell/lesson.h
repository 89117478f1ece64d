/*
 * lesson.h - the lesson engine: parse a lesson file, run it interactively
 * (between the student's commands) or play it unattended.
 */
#ifndef IPCSH_LESSON_H
#define IPCSH_LESSON_H

struct lesson_opts {
	const char	*name;	/* NAME (found in the lesson path) or FILE */
	int		play;	/* --play: unattended */
	double		speed;	/* --speed: characters per second when typing out; 0 instant */
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

#endif
