/*
 * lesson_parse.c - reads a lesson file (man/ipcsh-lesson.5) into items and
 * rejects a malformed one with "FILE:LINE: what is wrong".
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "check_kind.h"
#include "lesson_parse.h"

#define LESSON_MAX_BYTES	(1 << 20)

struct parser {
	struct lesson	*l;
	const char	*file;
	int		line;
	struct litem	*cur;		/* the open task, or the open narration */
	int		hint_lang;	/* language of the task's last hint line */
	char		**slides;	/* slide: titles waiting for the next step */
	size_t		nslides;
	char		*err;
	size_t		errsize;
};

static void strv_free(char **v, size_t n);

static int
perr(struct parser *p, int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(p->err, p->errsize, "%s:%d: %s", p->file, line, msg);
	return -1;
}

static void *
xrealloc(void *ptr, size_t n)
{
	void *q = realloc(ptr, n);

	if (q == NULL && n != 0) {
		perror("ipcsh: lesson");
		abort();
	}
	return q;
}

static char *
xstrdup(const char *s)
{
	char *d = strdup(s);

	if (d == NULL) {
		perror("ipcsh: lesson");
		abort();
	}
	return d;
}

/* Appends line to *dst, joined with a newline (narration paragraphs). */
static void
text_append(char **dst, const char *line)
{
	size_t old = *dst != NULL ? strlen(*dst) : 0;
	size_t add = strlen(line);

	*dst = xrealloc(*dst, old + add + 2);
	if (old > 0)
		(*dst)[old++] = '\n';
	memcpy(*dst + old, line, add + 1);
}

static void
strv_push(char ***v, size_t *n, const char *s)
{
	*v = xrealloc(*v, (*n + 2) * sizeof(**v));
	(*v)[(*n)++] = xstrdup(s);
	(*v)[*n] = NULL;
}

static struct litem *
item_new(struct parser *p, enum litem_kind kind)
{
	struct lesson *l = p->l;
	struct litem *it;

	l->items = xrealloc(l->items, (l->nitems + 1) * sizeof(*l->items));
	it = &l->items[l->nitems++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->line = p->line;
	it->interrupt = -1;
	if (kind == LI_TASK)
		l->ntasks++;
	/* the slides announced before it open with this step */
	if (kind == LI_SAY || kind == LI_TASK) {
		it->slides = p->slides;
		it->nslides = p->nslides;
		p->slides = NULL;
		p->nslides = 0;
	}
	return it;
}

/* The open item of this kind (pointers move when items grow: refetch). */
static struct litem *
open_item(struct parser *p, enum litem_kind kind)
{
	struct lesson *l = p->l;

	if (p->cur == NULL || l->nitems == 0)
		return NULL;
	if (l->items[l->nitems - 1].kind != kind)
		return NULL;
	return &l->items[l->nitems - 1];
}

void
lesson_split_free(char **v)
{
	size_t i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

char **
lesson_split(const char *s, int *argc, char *err, size_t errsize)
{
	char **v = xrealloc(NULL, sizeof(*v));
	size_t n = 0, len;
	char *w;

	v[0] = NULL;
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		w = xrealloc(NULL, strlen(s) + 1);
		len = 0;
		while (*s != '\0' && *s != ' ' && *s != '\t') {
			if (*s == '"' || *s == '\'') {
				char q = *s++;

				while (*s != '\0' && *s != q)
					w[len++] = *s++;
				if (*s != q) {
					free(w);
					lesson_split_free(v);
					snprintf(err, errsize,
					    "unbalanced %c quote", q);
					return NULL;
				}
				s++;
			} else {
				w[len++] = *s++;
			}
		}
		w[len] = '\0';
		v = xrealloc(v, (n + 2) * sizeof(*v));
		v[n++] = w;
		v[n] = NULL;
	}
	*argc = (int)n;
	return v;
}

/* Parses a number of seconds: 0 <= x <= 3600. */
static int
parse_seconds(const char *s, double *out)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || d < 0 || d > 3600)
		return -1;
	*out = d;
	return 0;
}

/* Drops the trailing "WORD N" (within, for) from a check's text. */
static void
cut_last(char *text, const char *word)
{
	char *w = NULL, *q;

	for (q = strstr(text, word); q != NULL; q = strstr(q + 1, word))
		w = q;
	if (w == NULL)
		return;
	while (w > text && (w[-1] == ' ' || w[-1] == '\t'))
		w--;
	*w = '\0';
}

static int
parse_check(struct parser *p, const char *val, struct lcheck *c)
{
	char why[256];
	int i;

	memset(c, 0, sizeof(*c));
	c->line = p->line;
	c->within = 5;
	c->argv = lesson_split(val, &c->argc, why, sizeof(why));
	if (c->argv == NULL)
		return perr(p, p->line, "check: %s", why);
	c->text = xstrdup(val);
	/* "within N" and "for N" at the end, in either order */
	for (i = 0; i < 2 && c->argc >= 3; i++) {
		const char *w = c->argv[c->argc - 2];
		double *d;

		if (strcmp(w, "within") == 0)
			d = &c->within;
		else if (strcmp(w, "for") == 0 &&
		    strcmp(c->argv[0], "shell") != 0)
			d = &c->hold;
		else
			break;
		if (parse_seconds(c->argv[c->argc - 1], d) < 0)
			return perr(p, p->line,
			    "check: %s: '%s' is not a number of seconds (0 to 3600)",
			    w, c->argv[c->argc - 1]);
		cut_last(c->text, w);
		free(c->argv[c->argc - 1]);
		free(c->argv[c->argc - 2]);
		c->argc -= 2;
		c->argv[c->argc] = NULL;
	}
	if (c->argc == 0)
		return perr(p, p->line, "check: no kind of check given");
	if (ckind_validate(c, why, sizeof(why)) < 0)
		return perr(p, p->line, "check: %s", why);
	p->l->nchecks++;
	return 0;
}

static void
check_free(struct lcheck *c)
{
	free(c->text);
	lesson_split_free(c->argv);
}

/* Sets a one-line header field (title, slides) once per language. */
static int
set_once(struct parser *p, char **dst, const char *key, const char *val)
{
	if (*dst != NULL)
		return perr(p, p->line, "%s given twice", key);
	*dst = xstrdup(val);
	return 0;
}

/* The language of "key.LANG": LANG_EN, LANG_ZH, or -1 after reporting. */
static int
lang_of(struct parser *p, const char *key, const char *dot)
{
	if (dot == NULL)
		return perr(p, p->line,
		    "'%s' needs a language: %s.en or %s.zh", key, key, key);
	if (strcmp(dot, "en") == 0)
		return LANG_EN;
	if (strcmp(dot, "zh") == 0)
		return LANG_ZH;
	return perr(p, p->line, "unknown language '%s' (en or zh)", dot);
}

/* Ends the open task: it must say what to do, how to play it, how to check. */
static int
close_task(struct parser *p)
{
	struct litem *t = open_item(p, LI_TASK);

	p->cur = NULL;
	if (t == NULL)
		return 0;
	if (t->text.en == NULL && t->text.zh == NULL)
		return perr(p, t->line, "task has no text (task.en: / task.zh:)");
	if (t->nchecks == 0)
		return perr(p, t->line, "task has no check: lines");
	if (t->ncmds == 0)
		return perr(p, t->line,
		    "task has no do: line (the command --play types)");
	return 0;
}

/* say.LANG and task.LANG, hint.LANG: text for the open or a new item. */
static int
do_text(struct parser *p, const char *key, int lang, const char *val)
{
	struct litem *it;
	struct ltext *t;

	if (strcmp(key, "say") == 0) {
		it = open_item(p, LI_SAY);
		if (it == NULL) {
			if (close_task(p) < 0)
				return -1;
			it = item_new(p, LI_SAY);
			p->cur = it;
		}
		t = &it->text;
	} else if (strcmp(key, "task") == 0) {
		it = open_item(p, LI_TASK);
		/* a task.en after the task's hint or do starts a new task */
		if (it == NULL || it->ncmds > 0 || it->nchecks > 0 ||
		    it->nhints > 0) {
			if (close_task(p) < 0)
				return -1;
			it = item_new(p, LI_TASK);
			p->cur = it;
		}
		t = &it->text;
	} else {
		it = open_item(p, LI_TASK);
		if (it == NULL)
			return perr(p, p->line, "%s.%s: outside a task", key,
			    lang == LANG_EN ? "en" : "zh");
		/*
		 * The ladder: a hint line in a language the current level
		 * already has, after a line of the other language, starts
		 * the next level (each level an en block and a zh block).
		 */
		t = it->nhints > 0 ? &it->hints[it->nhints - 1] : NULL;
		if (t == NULL || (p->hint_lang != lang &&
		    (lang == LANG_EN ? t->en : t->zh) != NULL)) {
			it->hints = xrealloc(it->hints,
			    (it->nhints + 1) * sizeof(*it->hints));
			t = &it->hints[it->nhints++];
			memset(t, 0, sizeof(*t));
		}
		p->hint_lang = lang;
	}
	text_append(lang == LANG_EN ? &t->en : &t->zh, val);
	return 0;
}

static int
do_task_field(struct parser *p, const char *key, const char *val)
{
	struct litem *t = open_item(p, LI_TASK);
	double d;

	if (t == NULL)
		return perr(p, p->line, "%s: outside a task", key);
	if (strcmp(key, "do") == 0) {
		if (*val == '\0')
			return perr(p, p->line, "do: no command given");
		strv_push(&t->cmds, &t->ncmds, val);
		t->cmd_lines = xrealloc(t->cmd_lines,
		    t->ncmds * sizeof(*t->cmd_lines));
		t->cmd_lines[t->ncmds - 1] = p->line;
		return 0;
	}
	if (strcmp(key, "wrong") == 0) {
		if (*val == '\0')
			return perr(p, p->line, "wrong: no command given");
		strv_push(&t->wrongs, &t->nwrongs, val);
		return 0;
	}
	/* interrupt: SECONDS */
	if (parse_seconds(val, &d) < 0)
		return perr(p, p->line,
		    "interrupt: '%s' is not a number of seconds (0 to 3600)",
		    val);
	if (t->ncmds > 0)
		return perr(p, p->line, "interrupt: must come before do:");
	t->interrupt = d;
	return 0;
}

static int
do_check(struct parser *p, const char *val)
{
	struct litem *it = open_item(p, LI_TASK);
	struct lcheck c;

	if (parse_check(p, val, &c) < 0) {
		check_free(&c);
		return -1;
	}
	if (it == NULL) {
		p->cur = NULL;
		it = item_new(p, LI_CHECK);
	}
	it->checks = xrealloc(it->checks, (it->nchecks + 1) *
	    sizeof(*it->checks));
	it->checks[it->nchecks++] = c;
	return 0;
}

static int
do_step(struct parser *p, const char *key, const char *val)
{
	struct litem *it;
	double d = 0;

	if (close_task(p) < 0)
		return -1;
	if (strcmp(key, "run") == 0) {
		if (*val == '\0')
			return perr(p, p->line, "run: no command given");
		it = item_new(p, LI_RUN);
		it->cmd = xstrdup(val);
		return 0;
	}
	if (*val != '\0' && parse_seconds(val, &d) < 0)
		return perr(p, p->line,
		    "pause: '%s' is not a number of seconds (0 to 3600)", val);
	it = item_new(p, LI_PAUSE);
	it->pause = d;
	return 0;
}

static int
do_header(struct parser *p, const char *key, int lang, const char *val)
{
	struct lesson *l = p->l;
	struct ltext *t = strcmp(key, "title") == 0 ? &l->title : &l->slides;
	char name[32];

	snprintf(name, sizeof(name), "%s.%s", key, lang == LANG_EN ? "en" : "zh");
	if (*val == '\0')
		return perr(p, p->line, "%s: empty", name);
	return set_once(p, lang == LANG_EN ? &t->en : &t->zh, name, val);
}

static int
known_key(const char *key)
{
	static const char *const keys[] = { "title", "slides", "say", "task",
		"hint", "do", "wrong", "interrupt", "check", "run", "pause",
		"setup", "cleanup", "slide", NULL };
	const char *const *k;

	for (k = keys; *k != NULL; k++)
		if (strcmp(*k, key) == 0)
			return 1;
	return 0;
}

/* One line "key: value" (or "key.lang: value", or "pause"). */
static int
parse_line(struct parser *p, char *s)
{
	char *colon, *dot, *val;
	const char *key;
	int lang = -1;

	colon = strchr(s, ':');
	if (colon == NULL) {
		if (strcmp(s, "pause") == 0)
			return do_step(p, "pause", "");
		return perr(p, p->line,
		    "expected 'key: value', got '%.40s'", s);
	}
	*colon = '\0';
	key = s;
	val = colon + 1;
	while (*val == ' ' || *val == '\t')
		val++;
	if (strspn(key, "abcdefghijklmnopqrstuvwxyz.-") != strlen(key) ||
	    *key == '\0')
		return perr(p, p->line, "expected 'key: value', got '%.40s'",
		    key);
	dot = strchr(s, '.');
	if (dot != NULL)
		*dot++ = '\0';
	if (!known_key(key)) {
		if (dot != NULL)
			dot[-1] = '.';
		return perr(p, p->line, "unknown key '%s'", key);
	}
	if (strcmp(key, "title") == 0 || strcmp(key, "slides") == 0 ||
	    strcmp(key, "say") == 0 || strcmp(key, "task") == 0 ||
	    strcmp(key, "hint") == 0) {
		lang = lang_of(p, key, dot);
		if (lang < 0)
			return -1;
		if (*val == '\0' && (strcmp(key, "task") == 0 ||
		    strcmp(key, "hint") == 0))
			return perr(p, p->line, "%s.%s: empty", key, dot);
	} else if (dot != NULL) {
		return perr(p, p->line, "'%s' takes no language", key);
	}
	if (strcmp(key, "title") == 0 || strcmp(key, "slides") == 0)
		return do_header(p, key, lang, val);
	if (strcmp(key, "say") == 0 || strcmp(key, "task") == 0 ||
	    strcmp(key, "hint") == 0)
		return do_text(p, key, lang, val);
	if (strcmp(key, "do") == 0 || strcmp(key, "wrong") == 0 ||
	    strcmp(key, "interrupt") == 0)
		return do_task_field(p, key, val);
	if (strcmp(key, "check") == 0)
		return do_check(p, val);
	if (strcmp(key, "slide") == 0) {
		if (*val == '\0')
			return perr(p, p->line, "slide: no title given");
		strv_push(&p->slides, &p->nslides, val);
		return 0;
	}
	if (strcmp(key, "run") == 0 || strcmp(key, "pause") == 0)
		return do_step(p, key, val);
	if (strcmp(key, "setup") == 0 || strcmp(key, "cleanup") == 0) {
		if (*val == '\0')
			return perr(p, p->line, "%s: no command given", key);
		if (key[0] == 's')
			strv_push(&p->l->setup, &p->l->nsetup, val);
		else
			strv_push(&p->l->cleanup, &p->l->ncleanup, val);
		return 0;
	}
	return perr(p, p->line, "unknown key '%s'", key);
}

/* Trims trailing blanks (and a CR); skips leading ones. */
static char *
trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static int
parse_all(struct parser *p, char *text)
{
	char *line, *next, *s;
	struct lesson *l = p->l;

	for (line = text; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		else if (*line == '\0')
			break;	/* after the last newline */
		p->line++;
		s = trim(line);
		/* an empty line ends a paragraph of narration */
		if (*s == '\0' && open_item(p, LI_SAY) != NULL)
			p->cur = NULL;
		if (*s == '\0' || *s == '#')
			continue;
		if (parse_line(p, s) < 0)
			return -1;
	}
	if (close_task(p) < 0)
		return -1;
	if (l->title.en == NULL && l->title.zh == NULL)
		return perr(p, 1, "no title (title.en: / title.zh:)");
	if (l->nitems == 0)
		return perr(p, p->line, "the lesson has no steps");
	return 0;
}

struct lesson *
lesson_parse_text(const char *file, const char *text, char *err,
    size_t errsize)
{
	struct parser p;
	const char *slash = strrchr(file, '/');
	char *copy;

	memset(&p, 0, sizeof(p));
	p.file = file;
	p.err = err;
	p.errsize = errsize;
	p.l = xrealloc(NULL, sizeof(*p.l));
	memset(p.l, 0, sizeof(*p.l));
	p.l->file = xstrdup(file);
	p.l->base = xstrdup(slash != NULL ? slash + 1 : file);
	if (strlen(text) > LESSON_MAX_BYTES) {
		perr(&p, 1, "file too large (more than 1 MiB)");
		lesson_free(p.l);
		return NULL;
	}
	copy = xstrdup(text);
	if (parse_all(&p, copy) < 0 || (p.nslides > 0 &&
	    perr(&p, p.line, "slide: no step after it") < 0)) {
		free(copy);
		strv_free(p.slides, p.nslides);
		lesson_free(p.l);
		return NULL;
	}
	free(copy);
	return p.l;
}

struct lesson *
lesson_parse(const char *file, char *err, size_t errsize)
{
	FILE *f = fopen(file, "r");
	char *buf;
	size_t n;
	struct lesson *l;

	if (f == NULL) {
		snprintf(err, errsize, "%s: %s", file, strerror(errno));
		return NULL;
	}
	buf = xrealloc(NULL, LESSON_MAX_BYTES + 1);
	n = fread(buf, 1, LESSON_MAX_BYTES + 1, f);
	if (ferror(f)) {
		snprintf(err, errsize, "%s: %s", file, strerror(errno));
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	if (n > LESSON_MAX_BYTES) {
		snprintf(err, errsize, "%s:1: file too large (more than 1 MiB)",
		    file);
		free(buf);
		return NULL;
	}
	if (memchr(buf, '\0', n) != NULL) {
		snprintf(err, errsize, "%s:1: not a text file (NUL byte)",
		    file);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	l = lesson_parse_text(file, buf, err, errsize);
	free(buf);
	return l;
}

static void
ltext_free(struct ltext *t)
{
	free(t->en);
	free(t->zh);
}

static void
strv_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

size_t
lesson_step_of(const struct lesson *l, size_t n)
{
	size_t i, step = 0;

	for (i = 0; i < n && i < l->nitems; i++)
		if (l->items[i].kind == LI_SAY || l->items[i].kind == LI_TASK)
			step++;
	return step;
}

void
lesson_free(struct lesson *l)
{
	size_t i, j;
	struct litem *it;

	if (l == NULL)
		return;
	for (i = 0; i < l->nitems; i++) {
		it = &l->items[i];
		ltext_free(&it->text);
		strv_free(it->wrongs, it->nwrongs);
		strv_free(it->slides, it->nslides);
		for (j = 0; j < it->nhints; j++)
			ltext_free(&it->hints[j]);
		free(it->hints);
		free(it->cmd);
		strv_free(it->cmds, it->ncmds);
		free(it->cmd_lines);
		for (j = 0; j < it->nchecks; j++)
			check_free(&it->checks[j]);
		free(it->checks);
	}
	free(l->items);
	ltext_free(&l->title);
	ltext_free(&l->slides);
	strv_free(l->setup, l->nsetup);
	strv_free(l->cleanup, l->ncleanup);
	free(l->file);
	free(l->base);
	free(l);
}

const char *
ltext_get(const struct ltext *t)
{
	const char *s = tr(t->en, t->zh);

	if (s == NULL)
		s = t->en != NULL ? t->en : t->zh;
	return s != NULL ? s : "";
}
