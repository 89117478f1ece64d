/*
 * lesson_parse.c - unit tests of the lesson format: each row is a lesson
 * text and either the items it gives (SAY, RUN(cmd), CHECK(words/within),
 * TASK(do,checks,interrupt), PAUSE(s)) or the error "LINE: what".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lesson/lesson_parse.h"
#include "unit.h"

static const struct unit_row rows[] = {
#include "lesson_parse.def"
};

static void
add(char *buf, size_t size, const char *s)
{
	size_t n = strlen(buf);

	snprintf(buf + n, size - n, "%s%s", n ? " " : "", s);
}

static void
render(const struct lesson *l, char *buf, size_t size)
{
	char one[512], words[256];
	size_t i;
	int j;

	buf[0] = '\0';
	if (l->nsetup || l->ncleanup) {
		snprintf(one, sizeof(one), "setup=%zu cleanup=%zu", l->nsetup,
		    l->ncleanup);
		add(buf, size, one);
	}
	for (i = 0; i < l->nitems; i++) {
		const struct litem *it = &l->items[i];

		switch (it->kind) {
		case LI_SAY:
			if (it->text.en && it->text.zh &&
			    strchr(it->text.en, '\n'))
				snprintf(one, sizeof(one), "SAY[%s|%s]",
				    it->text.en, it->text.zh);
			else
				snprintf(one, sizeof(one), "SAY");
			if (it->nslides > 0) {
				words[0] = '\0';
				for (j = 0; j < (int)it->nslides; j++)
					snprintf(words + strlen(words),
					    sizeof(words) - strlen(words),
					    "%s%s", j ? "," : "", it->slides[j]);
				snprintf(one + strlen(one),
				    sizeof(one) - strlen(one), "{%s}", words);
			}
			break;
		case LI_RUN:
			snprintf(one, sizeof(one), "RUN(%s)", it->cmd);
			break;
		case LI_CHECK:
			words[0] = '\0';
			for (j = 0; j < it->checks[0].argc; j++)
				add(words, sizeof(words), it->checks[0].argv[j]);
			snprintf(one, sizeof(one), "CHECK(%s/%g)", words,
			    it->checks[0].within);
			if (it->checks[0].hold > 0)
				snprintf(one + strlen(one) - 1,
				    sizeof(one) - strlen(one) + 1, "+%g)",
				    it->checks[0].hold);
			break;
		case LI_TASK:
			if (it->nhints > 1 || it->nwrongs > 0)
				snprintf(one, sizeof(one),
				    "TASK(%zu,%zu,%g;h%zu,w%zu)", it->ncmds,
				    it->nchecks, it->interrupt, it->nhints,
				    it->nwrongs);
			else
				snprintf(one, sizeof(one), "TASK(%zu,%zu,%g)",
				    it->ncmds, it->nchecks, it->interrupt);
			break;
		case LI_PAUSE:
			snprintf(one, sizeof(one), "PAUSE(%g)", it->pause);
			break;
		}
		add(buf, size, one);
	}
}

/* The items of a lesson text, or its error "LINE: what"; malloc'ed. */
static char *
lesson_text(const char *in)
{
	char err[512], got[2048];
	struct lesson *l;

	l = lesson_parse_text("t.lesson", in, err, sizeof(err));
	if (l == NULL)	/* "t.lesson:LINE: what" */
		return strdup(strncmp(err, "t.lesson:", 9) == 0 ? err + 9 :
		    err);
	render(l, got, sizeof(got));
	lesson_free(l);
	return strdup(got);
}

int
main(void)
{
	struct ltext both = { "en", "zh" }, zh_only = { NULL, "zh" };

	unit_rows("lesson_parse", rows, sizeof(rows) / sizeof(rows[0]),
	    lesson_text);
	i18n_set_lang("zh");
	unit_check("lesson_parse", "lang-zh", "zh", ltext_get(&both));
	i18n_set_lang("en");
	unit_check("lesson_parse", "lang-en", "en", ltext_get(&both));
	unit_check("lesson_parse", "lang-fallback", "zh", ltext_get(&zh_only));
	return unit_failed;
}
