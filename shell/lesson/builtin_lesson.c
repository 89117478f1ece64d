/*
 * builtin_lesson.c - the `lesson` builtin: list the lessons, start one,
 * and drive the running one (next, hint, check, status, quit).
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lesson.h"
#include "lesson_parse.h"
#include "shell.h"

static int
dot_lesson(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n > 7 && strcmp(e->d_name + n - 7, ".lesson") == 0;
}

/* One line per lesson: name, title, progress. */
static void
list_dir(const char *dir)
{
	struct dirent **ents;
	int n, i, done, total;
	char path[PATH_MAX + 256], err[512], stem[256];
	struct lesson *l;

	n = scandir(dir, &ents, dot_lesson, alphasort);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, ents[i]->d_name);
		snprintf(stem, sizeof(stem), "%.*s",
		    (int)(strlen(ents[i]->d_name) - 7), ents[i]->d_name);
		l = lesson_parse(path, err, sizeof(err));
		printf("  %-18s %s", stem,
		    l != NULL ? ltext_get(&l->title) : tr("(malformed)",
		    "(格式错误)"));
		switch (lesson_progress(stem, &done, &total)) {
		case 1:
			printf(tr("  [done: %d/%d tasks]", "  [已完成：%d/%d 个任务]"),
			    done, total);
			break;
		case 2:
			printf(tr("  [in progress: %d/%d tasks]",
			    "  [进行中：%d/%d 个任务]"), done, total);
			break;
		}
		putchar('\n');
		lesson_free(l);
		free(ents[i]);
	}
	if (n >= 0)
		free(ents);
}

static int
lesson_list(void)
{
	char dirs[4][PATH_MAX];
	size_t n = lesson_dirs(dirs, 4), i;

	if (n == 0) {
		printf("%s\n", tr("No lesson directory found.",
		    "没有找到课程目录。"));
		return 1;
	}
	for (i = 0; i < n; i++) {
		printf("%s:\n", dirs[i]);
		list_dir(dirs[i]);
	}
	printf("%s\n", tr("Start one with: lesson start NAME",
	    "开始课程：lesson start 名称"));
	return 0;
}

static int
lesson_start_cmd(int argc, char **argv)
{
	struct lesson_opts o = { NULL, 0, -1, 0, 0, 0 };
	const struct bi_opt rows[] = {
		{ 'p', "play", no_argument, &o.play, 1 },
		{ 's', "speed", required_argument, NULL, 0 },
		{ BI_OPT_LONG | 't', "step", no_argument, &o.step, 1 },
		{ BI_OPT_LONG | 'r', "refute", no_argument, &o.refute, 1 },
		{ BI_OPT_LONG | 'a', "again", no_argument, &o.again, 1 },
		{ 0, NULL, 0, NULL, 0 },
	};
	struct bi_opts g;
	char *end;
	int c;

	bi_opt_start(&g, "+", rows, argc, argv);
	while ((c = bi_opt_next(&g)) != -1) {
		switch (c) {
		case 's':
			o.speed = strtod(optarg, &end);
			if (*end != '\0' || end == optarg || o.speed < 0)
				return bi_usage("lesson");
			break;
		default:
			return bi_usage("lesson");
		}
	}
	if (optind != argc - 1)
		return bi_usage("lesson");
	o.name = argv[optind];
	return lesson_begin(&o);
}

static int
no_lesson(void)
{
	return bi_errorf("lesson", "%s", tr("no lesson is running (lesson start NAME)",
	    "没有正在进行的课程（lesson start 名称）"));
}

static int
bi_lesson(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : NULL;
	int r;

	if (cmd == NULL)
		cmd = lesson_active() ? "status" : "list";
	if (strcmp(cmd, "start") == 0)
		return lesson_start_cmd(argc - 1, argv + 1);
	if (strcmp(cmd, "check") == 0 && argc == 3)
		return lesson_check_text(argv[2]);
	if (strcmp(cmd, "slides") == 0 && argc == 3)
		return lesson_slides(argv[2]);
	if (strcmp(cmd, "pacing") == 0 && (argc == 3 || argc == 4)) {
		char *end;
		double sp = argc == 4 ? strtod(argv[3], &end) : -1;

		if (argc == 4 && (*end != '\0' || end == argv[3] || sp < 0))
			return bi_usage("lesson");
		return lesson_pacing(argv[2], sp);
	}
	if (argc > 2)
		return bi_usage("lesson");
	if (strcmp(cmd, "list") == 0)
		return lesson_list();
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
		bi_print_usage("usage: ", builtin_find("lesson")->usage);
		return 0;
	}
	if ((r = lesson_command(cmd)) == -2)
		return bi_usage("lesson");
	fflush(stdout);
	return r < 0 ? no_lesson() : r;
}

const struct builtin builtins_lesson[] = {
	{ "lesson", bi_lesson,
	  "lesson [list | start [--again] [--play] [--speed N] [--step] [--refute] NAME |"
	  " next | skip | hint | check [CHECK] | status | quit |"
	  " pacing NAME [SPEED] | slides NAME]",
	  "lessons: list, start, next, hint, check, status, quit",
	    "课程：list、start、next、hint、check、status、quit",
	  BI_NOFORK | BI_OWNHELP },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
