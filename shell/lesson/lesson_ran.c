/*
 * lesson_ran.c - the "ran PATTERN" check: the command lines the student
 * (or --play) ran since the task was shown, matched with fnmatch(3).
 */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "lesson_ran.h"

static char	**lines;
static size_t	nlines;

/* A copy of s with runs of blanks made one space, and none at the ends. */
static char *
squeeze(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	if (out == NULL)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	while (*s != '\0') {
		if (*s == ' ' || *s == '\t' || *s == '\n') {
			while (*s == ' ' || *s == '\t' || *s == '\n')
				s++;
			if (*s != '\0')
				*o++ = ' ';
			continue;
		}
		*o++ = *s++;
	}
	*o = '\0';
	return out;
}

void
lran_note(const char *line)
{
	char **v, *l = squeeze(line);

	if (l == NULL || *l == '\0') {
		free(l);
		return;
	}
	v = realloc(lines, (nlines + 1) * sizeof(*v));
	if (v == NULL) {
		free(l);
		return;
	}
	lines = v;
	lines[nlines++] = l;
}

void
lran_reset(void)
{
	while (nlines > 0)
		free(lines[--nlines]);
	free(lines);
	lines = NULL;
}

int
lran_match(const char *pattern, char *(*expand)(const char *))
{
	char *pat = squeeze(pattern), *x;
	size_t i;
	int ok = 0;

	if (pat == NULL)
		return 0;
	for (i = 0; i < nlines && !ok; i++) {
		if (fnmatch(pat, lines[i], 0) == 0) {
			ok = 1;
			break;
		}
		/* the line as the shell sees it now: $KEY typed, 0x41... asked */
		x = expand != NULL ? expand(lines[i]) : NULL;
		if (x != NULL && fnmatch(pat, x, 0) == 0)
			ok = 1;
		free(x);
	}
	free(pat);
	return ok;
}
