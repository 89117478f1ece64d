/*
 * gloss.c - the glossary's wrong wordings: they are found in a sentence,
 * the slides' terms are not; and no lesson's Chinese, no string of the
 * shell or the pane uses one (each file read from the source tree, $TOP).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss.h"
#include "unit.h"

static char *
misused(const char *in)
{
	const struct gloss_wrong *w = gloss_misused(in);

	return strdup(w != NULL ? w->right : "-");
}

static const struct unit_row rows[] = {
#include "gloss.def"
};

/*
 * Lines of file that use a wrong wording: in a lesson only its Chinese
 * lines (KEY.zh:), elsewhere every line. Returns how many.
 */
static int
scan(const char *path, int lesson)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	const struct gloss_wrong *w;
	int n = 0, no = 0;

	if (f == NULL) {
		printf("not ok gloss/%s: cannot read it\n", path);
		unit_failed = 1;
		return 1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		no++;
		if (lesson && strstr(line, ".zh:") == NULL)
			continue;
		if ((w = gloss_misused(line)) != NULL) {
			printf("not ok gloss/%s:%d: '%s' where the slides say "
			    "'%s'\n", path, no, w->wrong, w->right);
			unit_failed = 1;
			n++;
		}
	}
	fclose(f);
	return n;
}

/* Every file of dir ending in ext (and of its folders, for sources). */
static int
scan_dir(const char *dir, const char *ext, int lesson, int *files)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];
	size_t n, m = strlen(ext);
	int bad = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		n = strlen(e->d_name);
		if (e->d_type == DT_DIR && !lesson) {
			bad += scan_dir(path, ext, lesson, files);
			continue;
		}
		if (n <= m || strcmp(e->d_name + n - m, ext) != 0)
			continue;
		/* the glossary names the wrong wordings, on purpose */
		if (strstr(path, "/gloss.") != NULL)
			continue;
		(*files)++;
		bad += scan(path, lesson);
	}
	closedir(d);
	return bad;
}

int
main(void)
{
	const char *top = getenv("TOP");
	static const char *const src[] = { "shell", "ipcview", "include" };
	char dir[4096];
	int bad, files = 0, i;

	unit_rows("gloss", rows, sizeof(rows) / sizeof(rows[0]), misused);
	if (top == NULL)
		top = ".";
	snprintf(dir, sizeof(dir), "%s/lessons", top);
	bad = scan_dir(dir, ".lesson", 1, &files);
	if (files < 7) {
		printf("not ok gloss/lessons: %d lessons found in %s\n", files,
		    dir);
		unit_failed = 1;
	} else if (bad == 0) {
		printf("ok gloss/lessons-use-the-slides-terms\n");
	}
	files = 0;
	bad = 0;
	for (i = 0; i < 3; i++) {
		snprintf(dir, sizeof(dir), "%s/%s", top, src[i]);
		bad += scan_dir(dir, ".c", 0, &files);
		bad += scan_dir(dir, ".h", 0, &files);
	}
	if (files < 20) {
		printf("not ok gloss/sources: %d source files found\n", files);
		unit_failed = 1;
	} else if (bad == 0) {
		printf("ok gloss/sources-use-the-slides-terms\n");
	}
	return unit_failed;
}
