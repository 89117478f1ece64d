/*
 * lesson_parse.h - the lesson file format (man/ipcsh-lesson.5): reading a
 * lesson into a list of items, and rejecting a malformed one with
 * "FILE:LINE: what is wrong" before anything runs.
 */
#ifndef IPCSH_LESSON_PARSE_H
#define IPCSH_LESSON_PARSE_H

#include <stddef.h>

#include "check_kind.h"

/* Text in both languages; either may be NULL (the other is shown). */
struct ltext {
	char	*en;
	char	*zh;
};

enum litem_kind {
	LI_SAY,		/* narration */
	LI_RUN,		/* a command the lesson types and runs */
	LI_TASK,	/* something the student does, with hints and checks */
	LI_CHECK,	/* a check on what the lesson itself did */
	LI_PAUSE,	/* a pause: seconds when playing, `lesson next` otherwise */
};

struct litem {
	enum litem_kind	kind;
	int		line;
	struct ltext	text;		/* LI_SAY, LI_TASK */
	struct ltext	*hints;		/* LI_TASK: the ladder, idea first */
	size_t		nhints;
	char		*cmd;		/* LI_RUN */
	char		**cmds;		/* LI_TASK: the solution (do:), played */
	size_t		ncmds;
	int		*cmd_lines;
	char		**wrongs;	/* LI_TASK: plausible wrong answers (--refute) */
	char		**slides;	/* LI_SAY, LI_TASK: lecture slides it opens */
	size_t		nslides;
	size_t		nwrongs;
	double		interrupt;	/* LI_TASK: play presses Ctrl+C after this (<0: never) */
	struct lcheck	*checks;	/* LI_TASK: all must hold; LI_CHECK: one */
	size_t		nchecks;
	double		pause;		/* LI_PAUSE: seconds */
};

struct lesson {
	char		*file;		/* as found */
	char		*base;		/* file name without directory, for messages */
	struct ltext	title;
	struct ltext	slides;		/* which lecture slides it covers */
	char		**setup;	/* hidden commands run first */
	size_t		nsetup;
	char		**cleanup;	/* commands run last, always */
	size_t		ncleanup;
	struct litem	*items;
	size_t		nitems;
	size_t		ntasks;
	size_t		nchecks;	/* every check, in tasks or not */
};

/*
 * Reads and checks a lesson file. Returns a lesson to free with
 * lesson_free(), or NULL after writing "FILE:LINE: what is wrong" (or
 * "FILE: why" when it cannot be read) into err.
 */
struct lesson *lesson_parse(const char *file, char *err, size_t errsize);

/* Parses text as if read from file (for tests); same contract. */
struct lesson *lesson_parse_text(const char *file, const char *text,
    char *err, size_t errsize);

void lesson_free(struct lesson *l);

/*
 * The step (1-based; a step is a paragraph of narration or a task) that
 * the first n items reach: what `lesson status` and the slide map count.
 */
size_t lesson_step_of(const struct lesson *l, size_t n);

/* The text in the language in force, falling back to the other; "" if none. */
const char *ltext_get(const struct ltext *t);

/*
 * Splits a check line into words (whitespace; "..." and '...' group).
 * Returns a NULL-terminated malloc'd array of malloc'd words (free it
 * with lesson_split_free) and their count in *argc, or NULL with a
 * reason in err (unbalanced quote).
 */
char **lesson_split(const char *s, int *argc, char *err, size_t errsize);
void lesson_split_free(char **v);

#endif
