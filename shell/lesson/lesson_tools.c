/*
 * lesson_tools.c - the lesson builtin's tools for teachers and graders:
 * `lesson check 'CHECK'` asks the kernel one question of a lesson, in or
 * out of one; `lesson pacing NAME` tells how long --play takes.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lesson.h"
#include "lesson_check.h"
#include "lesson_pace.h"
#include "lesson_parse.h"
#include "shell.h"

int
lesson_check_text(const char *text)
{
	char err[1024], why[512], said[512], *src;
	size_t n = strlen(text) + 64;
	struct lesson *l;
	struct lcheck *c;
	double within;
	int r;

	src = malloc(n);
	if (src == NULL)
		return 2;
	snprintf(src, n, "title.en: check\ncheck: %s\n", text);
	l = lesson_parse_text("lesson check", src, err, sizeof(err));
	free(src);
	if (l == NULL || l->nitems != 1 || l->items[0].nchecks != 1) {
		fflush(stdout);
		fprintf(stderr, "ipcsh: %s\n", l == NULL ? err :
		    tr("lesson check: one check, as in ipcsh-lesson(5)",
		    "lesson check：一个检查，格式见 ipcsh-lesson(5)"));
		lesson_free(l);
		return 2;
	}
	c = &l->items[0].checks[0];
	/* a grader asks about now, unless the check says within N */
	within = strstr(text, "within") != NULL ? c->within : 0;
	lcheck_intr = 0;
	r = lcheck_eval(c, within, why, sizeof(why));
	/* the question in words, as the lessons say it */
	lcheck_say(c, said, sizeof(said));
	if (r > 0)
		printf(tr("holds: %s\n", "成立：%s\n"), said);
	else
		printf(tr("does not hold: %s: %s\n", "不成立：%s：%s\n"),
		    said, why);
	fflush(stdout);
	lesson_free(l);
	return r > 0 ? 0 : 1;
}

int
lesson_pacing(const char *name, double speed)
{
	struct lesson *l;
	double read = 0, type = 0, look = 0, t;
	size_t i, j;

	if (speed < 0)
		speed = LPACE_SPEED;
	if ((l = lesson_load(name)) == NULL)
		return 2;
	for (i = 0; i < l->nitems; i++) {
		const struct litem *it = &l->items[i];

		switch (it->kind) {
		case LI_SAY:
			read += lpace_reading(ltext_get(&it->text), speed);
			break;
		case LI_RUN:
			type += lpace_typing(it->cmd, speed);
			break;
		case LI_PAUSE:
			look += speed > 0 ? it->pause : 0;
			break;
		case LI_TASK:
			read += lpace_reading(ltext_get(&it->text), speed);
			for (j = 0; j < it->ncmds; j++)
				type += lpace_typing(it->cmds[j], speed);
			if (speed > 0)
				look += LPACE_AFTER_TASK +
				    (it->interrupt > 0 ? it->interrupt : 0);
			break;
		case LI_CHECK:
			break;
		}
	}
	t = read + type + look;
	printf(tr("%s at speed %g: reading %.0f s, typing %.0f s, "
	    "watching %.0f s, total %.0f s\n",
	    "%s，速度 %g：阅读 %.0f 秒，输入 %.0f 秒，观察 %.0f 秒，"
	    "共 %.0f 秒\n"), l->base, speed, read, type, look, t);
	lesson_free(l);
	return 0;
}

int
lesson_slides(const char *name)
{
	char stem[256];
	struct lesson *l;
	size_t i, j, n;

	if ((l = lesson_load(name)) == NULL)
		return 2;
	n = strlen(l->base);
	if (n > 7 && strcmp(l->base + n - 7, ".lesson") == 0)
		n -= 7;
	snprintf(stem, sizeof(stem), "%.*s", (int)n, l->base);
	for (i = 0; i < l->nitems; i++)
		for (j = 0; j < l->items[i].nslides; j++)
			printf("%s\t%s:%zu\n", l->items[i].slides[j], stem,
			    lesson_step_of(l, i + 1));
	lesson_free(l);
	return 0;
}
