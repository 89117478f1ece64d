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
	{ "minimal", "title.en: t\nsay.en: hi\n", "SAY" },
	{ "paragraph", "title.en: t\nsay.en: a\nsay.zh: b\nsay.en: c\nrun: x\n",
	  "SAY[a\nc|b] RUN(x)" },
	{ "comments-blanks", "# c\n\n  title.zh: t  \n\t# x\nrun: ls -l  \n",
	  "RUN(ls -l)" },
	{ "crlf", "title.en: t\r\nrun: a\r\n", "RUN(a)" },
	{ "check-within", "title.en: t\ncheck: pipe-full yes within 2.5\n",
	  "CHECK(pipe-full yes/2.5)" },
	{ "check-default", "title.en: t\ncheck: status INT\n",
	  "CHECK(status INT/5)" },
	{ "check-quotes", "title.en: t\ncheck: proc yes wchan \"pipe write\"\n",
	  "CHECK(proc yes wchan pipe write/5)" },
	{ "check-vars", "title.en: t\ncheck: queue $KEY messages 2 types 1,2\n",
	  "CHECK(queue $KEY messages 2 types 1,2/5)" },
	{ "task", "title.en: t\ntask.en: do it\ntask.zh: 做\nhint.en: h\n"
	  "interrupt: 1\ndo: a\ndo: b\ncheck: status 0\ncheck: no-queue\n",
	  "TASK(2,2,1)" },
	{ "task-then-say", "title.en: t\ntask.en: x\ndo: a\ncheck: status 0\n"
	  "say.en: next\n", "TASK(1,1,-1) SAY" },
	{ "two-tasks", "title.en: t\ntask.en: x\ndo: a\ncheck: status 0\n"
	  "task.en: y\ndo: b\ncheck: status 1\n", "TASK(1,1,-1) TASK(1,1,-1)" },
	{ "pause", "title.en: t\npause\npause: 2\n", "PAUSE(0) PAUSE(2)" },
	{ "setup-cleanup", "title.en: t\nsetup: a\ncleanup: b\nrun: c\n",
	  "setup=1 cleanup=1 RUN(c)" },
	{ "blank-ends-paragraph", "title.en: t\nsay.en: a\n\nsay.en: b\n",
	  "SAY SAY" },
	{ "hint-ladder", "title.en: t\ntask.en: x\nhint.en: a\nhint.en: a2\n"
	  "hint.zh: A\nhint.en: b\nhint.zh: B\nhint.zh: C\nhint.en: c\n"
	  "wrong: true\ndo: y\ncheck: status 0\n", "TASK(1,1,-1;h3,w1)" },
	{ "check-for", "title.en: t\ncheck: proc yes state S for 1 within 2\n",
	  "CHECK(proc yes state S/2+1)" },
	{ "check-ran", "title.en: t\ncheck: ran \"cat * | grep x\"\n",
	  "CHECK(ran cat * | grep x/5)" },
	{ "shell-for", "title.en: t\ncheck: shell for i in 1; do :; done\n",
	  "CHECK(shell for i in 1; do :; done/5)" },
	{ "slide", "title.en: t\nslide: 管道\nslide: 创建管道\nsay.en: a\n",
	  "SAY{管道,创建管道}" },
	{ "err-slide-last", "title.en: t\nsay.en: a\nslide: x\n",
	  "3: slide: no step after it" },
	{ "err-wrong-outside", "title.en: t\nwrong: x\n",
	  "2: wrong: outside a task" },
	{ "err-for", "title.en: t\ncheck: status 0 for ever\n",
	  "2: check: for: 'ever' is not a number of seconds (0 to 3600)" },
	{ "err-unknown", "title.en: t\nfoo: x\n", "2: unknown key 'foo'" },
	{ "err-lang", "title.en: t\nsay.de: x\n",
	  "2: unknown language 'de' (en or zh)" },
	{ "err-title", "run: x\n", "1: no title (title.en: / title.zh:)" },
	{ "err-empty", "title.en: t\n", "1: the lesson has no steps" },
	{ "err-task-check", "title.en: t\ntask.en: x\ndo: y\n",
	  "2: task has no check: lines" },
	{ "err-check-kind", "title.en: t\ncheck: full yes\n",
	  "2: check: unknown kind of check 'full'" },
	{ "err-signal", "title.en: t\ncheck: signal a pending NOPE\n",
	  "2: check: signal: 'NOPE' is not a signal" },
	{ "err-within", "title.en: t\ncheck: status 0 within -1\n",
	  "2: check: within: '-1' is not a number of seconds (0 to 3600)" },
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
