/*
 * lesson.c - the lesson engine: finds a lesson, runs it between the
 * student's commands or plays it unattended, and cleans up every process,
 * FIFO and System V object it made.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "lesson.h"
#include "lesson_check.h"
#include "lesson_files.h"
#include "lesson_pace.h"
#include "lesson_parse.h"
#include "lesson_ran.h"
#include "lesson_sysv.h"
#include "lesson_tape.h"
#include "probe.h"
#include "shell.h"

#define INTERACTIVE_WAIT 1.5	/* seconds a check waits between commands */

struct session {
	struct lesson	*l;
	char		name[256];	/* for progress: file name without .lesson */
	int		play;
	double		speed;
	size_t		pos;		/* next item to run */
	struct litem	*wait;		/* the task or pause we wait on */
	int		fresh;		/* no student command since it was shown */
	int		hints;		/* hints shown for this task */
	int		hints_total;	/* for the summary */
	int		skipped;	/* tasks skipped */
	time_t		started;
	int		go_on;		/* Enter pressed at a pause */
	size_t		resume_to;	/* replay items before it quietly */
	int		step;		/* --step: a key before each step */
	int		refute;		/* --refute: try wrong answers first */
	int		refuted;	/* wrong answers a task accepted */
	int		done;		/* tasks passed */
	int		passed, failed;	/* checks */
	char		dir[PATH_MAX];	/* the lesson's private directory */
	char		*old_path;
	pid_t		owner;		/* the shell running the lesson */
	pid_t		*base;		/* processes that were there before */
	size_t		nbase;
};

static struct session *cur;
static volatile sig_atomic_t interrupted;
static int atexit_set;

int
lesson_active(void)
{
	return cur != NULL;
}

/* Output ------------------------------------------------------------- */

static const char *
col(const char *code)
{
	return sh_opt.plain ? "" : code;
}

static void
say(const struct ltext *t)
{
	printf("%s", col("\033[36m"));
	i18n_print_wrapped(stdout, "  ", ltext_get(t));
	printf("%s", col("\033[0m"));
	fflush(stdout);
}

static void
nap(double secs)
{
	if (!interrupted)
		lpace_nap(secs);
}

/* Runs one command of the lesson in the shell, as typed at line. */
static int
run_cmd(struct session *s, const char *cmd, int line)
{
	char where[PATH_MAX + 32], *quiet;
	size_t n;
	int st;

	snprintf(where, sizeof(where), "%s:%d", s->l->base, line);
	if (s->pos <= s->resume_to && s->resume_to > 0) {
		/* replaying up to where the student stopped: no output */
		n = strlen(cmd) + 32;
		quiet = malloc(n);
		if (quiet == NULL)
			return 1;
		snprintf(quiet, n, "{ %s\n} >/dev/null 2>&1", cmd);
		st = sh_eval(quiet, where);
		free(quiet);
		return st;
	}
	lpace_type(cmd, s->play ? s->speed : 0, &interrupted);
	fflush(stdout);
	return sh_eval(cmd, where);
}

/* Checks ------------------------------------------------------------- */

/* Evaluates check c; prints a line when it fails (or passes, loud). */
static int
check_one(struct session *s, const struct lcheck *c, double within,
    int quiet)
{
	char why[512], said[512];
	int r = lcheck_eval(c, within, why, sizeof(why));

	/* in words, never in the check language */
	if (!quiet)
		lcheck_say(c, said, sizeof(said));
	if (r > 0) {
		if (!quiet)
			printf("%s  %s%s%s\n", col("\033[32m"),
			    tr("check passed: ", "检查通过："), said,
			    col("\033[0m"));
		fflush(stdout);
		return 1;
	}
	if (!quiet) {
		sh_warnf("%s:%d: %s: %s: %s", s->l->base, c->line,
		    tr("check failed", "检查未通过"), said, why);
	}
	return 0;
}

/*
 * All checks of an item; 1 when every one held. Playing, each one is
 * counted; between a student's commands (interactive), the first that
 * does not hold ends the round quietly.
 */
static int
check_item(struct session *s, const struct litem *it, int interactive)
{
	size_t i;
	int ok = 1;
	double w;

	for (i = 0; i < it->nchecks; i++) {
		w = it->checks[i].within;
		if (interactive && w > INTERACTIVE_WAIT)
			w = INTERACTIVE_WAIT;
		if (check_one(s, &it->checks[i], w, interactive)) {
			if (!interactive)
				s->passed++;
			continue;
		}
		ok = 0;
		if (interactive)
			return 0;
		s->failed++;
	}
	return ok;
}

/* Session ------------------------------------------------------------- */

/* Saves where the student is (not when played to a class). */
static void
progress_save(const struct session *s)
{
	int finished = s->pos >= s->l->nitems && s->wait == NULL;

	if (!s->play)
		lesson_progress_save(s->name, s->done, s->l->ntasks,
		    finished ? 0 : s->wait != NULL ? s->pos : s->pos + 1);
}

/* Everything the lesson made goes: processes, IPC objects, its files. */
static void
session_clean(struct session *s)
{
	struct probe_opts o = { NULL, 0, 0, PROBE_NO_FILL | PROBE_NO_MSGS };
	struct snapshot *snap = probe_take(getpid(), &o);

	lesson_kill_new(s->base, s->nbase);
	if (snap != NULL) {
		lsysv_remove_mine(snap);
		snapshot_free(snap);
	}
	if (s->dir[0] != '\0') {
		lesson_rmtree(s->dir);
		s->dir[0] = '\0';
	}
}

static void
session_free(struct session *s)
{
	if (s->old_path != NULL) {
		var_set("PATH", s->old_path, VAR_EXPORT);
		free(s->old_path);
	}
	var_unset("LESSON_DIR");
	var_unset("LESSON_SRC");
	var_unset("LESSON_PROGRAMS");
	lesson_free(s->l);
	free(s->base);
	free(s);
}

/* At exit (exit, Ctrl+D, end of input): leave nothing behind. */
static void
lesson_atexit(void)
{
	/* only the shell that runs the lesson: never a forked child */
	if (cur != NULL && getpid() == cur->owner) {
		session_clean(cur);
		cur = NULL;
	}
}

/* Ends the session: the lesson's cleanup commands, then ours. */
static void
session_end(struct session *s)
{
	size_t i;
	int saved = sh_status;

	sh_on_hangup(NULL);
	jobs_chores(1);
	for (i = 0; i < s->l->ncleanup; i++)
		sh_eval(s->l->cleanup[i], s->l->base);
	jobs_chores(0);
	sh_status = saved;
	ltape_end();
	session_clean(s);
	if (cur == s)
		cur = NULL;
	session_free(s);
}

static void
remember_base(struct session *s)
{
	struct snapshot *snap = probe_take(getpid(), NULL);
	size_t i;

	if (snap == NULL)
		return;
	s->base = calloc(snap->nprocs + 1, sizeof(*s->base));
	for (i = 0; s->base != NULL && i < snap->nprocs; i++)
		s->base[s->nbase++] = snap->procs[i].pid;
	snapshot_free(snap);
}

static int
session_setup(struct session *s)
{
	const char *tmp = getenv("TMPDIR"), *path = var_get("PATH");
	char prog[PATH_MAX], newpath[2 * PATH_MAX], src[PATH_MAX];
	char probe[PATH_MAX + 16];
	struct stat st;
	size_t i;

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	lesson_sweep_stale(tmp);
	snprintf(s->dir, sizeof(s->dir), "%s/ipcsh-lesson-%d-XXXXXX", tmp,
	    (int)getpid());
	if (mkdtemp(s->dir) == NULL) {
		sh_errorf("lesson: %s: %s", s->dir, strerror(errno));
		s->dir[0] = '\0';
		return -1;
	}
	var_set("LESSON_DIR", s->dir, VAR_EXPORT);
	/*
	 * Where the sources are, programs/ and exercises/: beside the lesson
	 * in the source tree (lessons/), one level up when installed
	 * (share/ipcsh/lessons, share/ipcsh/programs).
	 */
	if (realpath(s->l->file, src) != NULL && strrchr(src, '/') != NULL) {
		*strrchr(src, '/') = '\0';
		snprintf(probe, sizeof(probe), "%s/programs", src);
		if (stat(probe, &st) < 0 && strrchr(src, '/') != NULL)
			*strrchr(src, '/') = '\0';
		var_set("LESSON_SRC", src, VAR_EXPORT);
	}
	if (lesson_programs_dir(prog, sizeof(prog)) == 0) {
		var_set("LESSON_PROGRAMS", prog, VAR_EXPORT);
		s->old_path = strdup(path != NULL ? path : "/usr/bin:/bin");
		snprintf(newpath, sizeof(newpath), "%s:%s", prog,
		    path != NULL ? path : "/usr/bin:/bin");
		var_set("PATH", newpath, VAR_EXPORT);
	}
	lsysv_set_baseline();
	remember_base(s);
	if (!atexit_set) {
		atexit(lesson_atexit);
		atexit_set = 1;
	}
	if (ltape_used(s->l) && ltape_begin() < 0)
		sh_warnf("lesson: %s", tr("cannot turn the tape on: its checks "
		    "will fail", "无法打开录像：录像检查将不会通过"));
	jobs_chores(1);
	for (i = 0; i < s->l->nsetup; i++)
		sh_eval(s->l->setup[i], s->l->base);
	jobs_chores(0);
	return 0;
}

/* Running items ------------------------------------------------------- */

static void
show_task(const struct litem *it)
{
	printf("%s%s%s\n", col("\033[1;33m"), tr("Task:", "任务："),
	    col("\033[0m"));
	i18n_print_wrapped(stdout, "  ", ltext_get(&it->text));
}

/*
 * --refute: before the solution, the answers that must not complete the
 * task: true, clear and the task's wrong: lines, each with a tape of its
 * own. The check that refused one is said; each one that completes the
 * task is reported (and the play fails).
 */
static void
refute_task(struct session *s, const struct litem *it)
{
	static const char *const always[] = { "true", "clear" };
	size_t i, n = 2 + it->nwrongs, j;
	char why[512], said[512];
	const char *cmd;
	double w;
	int ok;

	for (i = 0; i < n && !interrupted; i++) {
		cmd = i < 2 ? always[i] : it->wrongs[i - 2];
		lran_reset();
		lran_note(cmd);
		printf("%s\n", tr("(a wrong answer, to be refused:)",
		    "（一个应被拒绝的错误答案：）"));
		ltape_mark();
		run_cmd(s, cmd, it->line);
		ok = 1;
		for (j = 0; j < it->nchecks && ok; j++) {
			w = it->checks[j].within;
			if (w > INTERACTIVE_WAIT)
				w = INTERACTIVE_WAIT;
			ok = lcheck_eval(&it->checks[j], w, why,
			    sizeof(why)) > 0;
		}
		if (!ok && !interrupted) {
			lcheck_say(&it->checks[j - 1], said, sizeof(said));
			printf("  %s%s: %s)\n", tr("(refused: it does not hold "
			    "that ", "（已拒绝：不成立："), said, why);
		}
		if (ok) {
			fflush(stdout);
			fprintf(stderr, "ipcsh: %s:%d: %s `%s'\n", s->l->base,
			    it->line, tr("the task accepts the wrong answer",
			    "任务接受了错误答案"), cmd);
			s->refuted++;
		}
	}
	ltape_mark();	/* the solution's tape */
}

/*
 * The lesson's own checks, between a student's commands: nothing when
 * they hold (the student did nothing to earn a line of check language),
 * a sentence on standard error when one does not.
 */
static void
check_quietly(struct session *s, const struct litem *it)
{
	char why[512];
	size_t i;

	for (i = 0; i < it->nchecks; i++)
		if (lcheck_eval(&it->checks[i], it->checks[i].within, why,
		    sizeof(why)) <= 0) {
			fflush(stdout);
			fprintf(stderr, "ipcsh: %s:%d: %s\n", s->l->base,
			    it->checks[i].line, why);
		}
}

/* Play: do the task as the solution says, then check it. */
static void
play_task(struct session *s, struct litem *it)
{
	size_t i;
	pid_t helper = -1;
	int st;

	show_task(it);
	if (s->speed > 0)
		nap(lpace_reading(ltext_get(&it->text), s->speed));
	if (s->refute)
		refute_task(s, it);
	lran_reset();
	for (i = 0; i < it->ncmds && !interrupted; i++) {
		if (i == it->ncmds - 1 && it->interrupt >= 0)
			helper = lpace_interrupt_later(s->speed > 0 ?
			    it->interrupt : 0);
		lran_note(it->cmds[i]);
		run_cmd(s, it->cmds[i], it->cmd_lines[i]);
	}
	if (helper > 0)
		while (waitpid(helper, &st, 0) < 0 && errno == EINTR)
			;
	if (check_item(s, it, 0))
		s->done++;
	if (s->speed > 0)
		nap(LPACE_AFTER_TASK);
}

static void
print_summary(struct session *s)
{
	long secs = (long)(time(NULL) - s->started);

	printf("%s", col("\033[1m"));
	printf(tr("Lesson finished: %d of %d checks passed, %d of %zu tasks done.\n",
	    "课程结束：%d/%d 项检查通过，完成 %d/%zu 个任务。\n"),
	    s->passed, s->passed + s->failed, s->done, s->l->ntasks);
	printf("%s", col("\033[0m"));
	if (!s->play)
		printf(tr("%d skipped, %d hints used, %ld min %ld s.\n",
		    "跳过 %d 个，使用提示 %d 次，用时 %ld 分 %ld 秒。\n"),
		    s->skipped, s->hints_total, secs / 60, secs % 60);
	fflush(stdout);
}

/* The lecture's slides a step opens, in the class's view. */
static void
show_slides(const struct litem *it)
{
	size_t i;

	for (i = 0; i < it->nslides; i++)
		printf("%s%s%s%s\n", col("\033[2;35m"),
		    tr("Slide: ", "幻灯片："), it->slides[i], col("\033[0m"));
}

/* --step: the teacher presses a key before each step. */
static void
step_key(struct session *s)
{
	char prompt[128];

	if (!s->step || interrupted)
		return;
	snprintf(prompt, sizeof(prompt), "%s%s%s", col("\033[2m"),
	    tr("[a key: next step]", "[按任意键：下一步]"), col("\033[0m"));
	if (lpace_key(prompt) < 0)
		s->step = 0;	/* end of input: play on */
}

/*
 * Runs items from s->pos until one waits for the student (interactive)
 * or the lesson ends. Returns 1 when the lesson ended.
 */
static int
advance(struct session *s)
{
	struct litem *it;

	s->wait = NULL;
	while (s->pos < s->l->nitems && !interrupted) {
		it = &s->l->items[s->pos++];
		switch (it->kind) {
		case LI_SAY:
			if (s->pos <= s->resume_to)
				break;
			if (s->play)
				step_key(s);
			show_slides(it);
			say(&it->text);
			if (s->play && s->speed > 0)
				nap(lpace_reading(ltext_get(&it->text), s->speed));
			break;
		case LI_RUN:
			ltape_before_run();
			run_cmd(s, it->cmd, it->line);
			if (s->play && sh_status == 130 && !interrupted &&
			    sh_opt.interactive)
				interrupted = 1;
			break;
		case LI_CHECK:
			if (s->pos <= s->resume_to)
				break;
			if (s->play)
				check_item(s, it, 0);
			else
				check_quietly(s, it);
			break;
		case LI_PAUSE:
			/*
			 * "pause: N" gives a class N seconds to look; a
			 * student sets the pace, so only a bare "pause"
			 * waits for `lesson next`.
			 */
			if (s->play) {
				nap(s->speed > 0 ? it->pause : 0);
				break;
			}
			if (s->pos <= s->resume_to)
				break;
			/* the student watches as long as needed */
			printf("%s%s%s\n", col("\033[2m"), tr(
			    "(watch; then press Enter, or type `next`, to go on)",
			    "（请观察；然后按回车或输入 `next` 继续）"),
			    col("\033[0m"));
			fflush(stdout);
			s->wait = it;
			s->fresh = 1;
			s->go_on = 0;
			return 0;
		case LI_TASK:
			ltape_mark();	/* its checks: what the student does */
			if (s->play) {
				step_key(s);
				show_slides(it);
				play_task(s, it);
				break;
			}
			if (s->pos <= s->resume_to) {
				/*
				 * done (or skipped) before: its solution,
				 * quietly; not one waiting for Ctrl+C
				 */
				size_t i;

				for (i = 0; it->interrupt < 0 && i < it->ncmds;
				    i++)
					run_cmd(s, it->cmds[i], it->cmd_lines[i]);
				break;
			}
			show_slides(it);
			show_task(it);
			lran_reset();
			s->wait = it;
			s->fresh = 1;
			s->hints = 0;
			return 0;
		}
	}
	return 1;
}

/* Ctrl+C, or the terminal hung up: the lesson stops and cleans up. */
static void
on_hangup(void)
{
	interrupted = 1;
	lcheck_intr = 1;
}

static void
on_sigint(int sig)
{
	(void)sig;
	on_hangup();
}

static struct session *
session_new(const struct lesson_opts *o, struct lesson *l)
{
	struct session *s = calloc(1, sizeof(*s));
	const char *b = l->base;
	size_t n = strlen(b);

	if (s == NULL) {
		lesson_free(l);
		return NULL;
	}
	s->l = l;
	s->owner = getpid();
	s->play = o->play;
	s->speed = o->speed < 0 ? (o->play ? LPACE_SPEED : 0) : o->speed;
	s->step = o->play && o->step;
	s->refute = o->play && o->refute;
	s->started = time(NULL);
	if (n > 7 && strcmp(b + n - 7, ".lesson") == 0)
		n -= 7;
	snprintf(s->name, sizeof(s->name), "%.*s", (int)n, b);
	return s;
}

static void
announce(const struct session *s)
{
	printf("%s== %s ==%s\n", col("\033[1m"), ltext_get(&s->l->title),
	    col("\033[0m"));
	if (s->l->slides.en != NULL || s->l->slides.zh != NULL)
		printf("%s%s\n", tr("Slides: ", "幻灯片："),
		    ltext_get(&s->l->slides));
	fflush(stdout);
}

static int
play(struct session *s)
{
	struct trap_save save;
	int rc;

	trap_sigint_push(on_sigint, &save);
	interrupted = 0;
	lcheck_intr = 0;
	/* known to the exit handler: a command may end the shell (exit, set -e) */
	cur = s;
	advance(s);
	if (interrupted) {
		printf("\n%s\n", tr("Lesson interrupted; cleaning up.",
		    "课程被中断，正在清理。"));
		rc = 130;
	} else {
		print_summary(s);
		rc = s->failed == 0 && s->refuted == 0 ? 0 : 1;
		/* a lecture: the end stays on the screen until a key */
		if (s->speed > 0 && isatty(STDIN_FILENO))
			lpace_key(tr("(press a key to close the lesson)",
			    "（按任意键结束课程）"));
	}
	session_end(s);
	trap_sigint_pop(&save);
	return rc;
}

static int from_main;	/* ipcsh --lesson: no line of input to name */

static void
lesson_errorf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (from_main) {
		fflush(stdout);
		fputs("ipcsh: ", stderr);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
	} else {
		sh_verrorf(fmt, ap);
	}
	va_end(ap);
}

struct lesson *
lesson_load(const char *name)
{
	char file[PATH_MAX], err[1024];
	struct lesson *l;

	if (lesson_find(name, file, sizeof(file)) < 0) {
		lesson_errorf(tr("lesson: %s: no such lesson (try `lesson list`)",
		    "lesson: %s: 没有这个课程（试试 `lesson list`）"), name);
		return NULL;
	}
	l = lesson_parse(file, err, sizeof(err));
	if (l == NULL)
		lesson_errorf("%s", err);
	return l;
}

/* Where the student stopped last time: replay up to there, quietly. */
static void
resume(struct session *s, int again)
{
	int d, t, p;

	if (again || !lesson_progress_read(s->name, &d, &t, &p) || p <= 1 ||
	    (size_t)p > s->l->nitems)
		return;
	s->resume_to = (size_t)p - 1;
	s->done = d;
	printf(tr("Resuming where you stopped (step %d of %zu); "
	    "`lesson start --again %s` starts from the beginning.\n",
	    "从上次停下的地方继续（第 %d/%zu 步）；"
	    "`lesson start --again %s` 从头开始。\n"), p, s->l->nitems,
	    s->name);
	fflush(stdout);
}

static int cmd_next(struct session *s);
static int cmd_hint(struct session *s);
static int cmd_quit(struct session *s);

/*
 * The interactive shell's lines, while a lesson runs: `hint`, `next`,
 * `skip` and `quit` alone act on the lesson; an empty line goes on after
 * a pause; others are remembered for the "ran" check.
 */
static int
lesson_line(const char *line)
{
	struct session *s = cur;
	char word[16];
	size_t n;

	if (s == NULL || s->play) {
		sh_line_hook = NULL;
		return 0;
	}
	while (*line == ' ' || *line == '\t')
		line++;
	n = strcspn(line, " \t\n");
	if (line[n + strspn(line + n, " \t\n")] == '\0' && n < sizeof(word)) {
		memcpy(word, line, n);
		word[n] = '\0';
		if (n == 0 && s->wait != NULL && s->wait->kind == LI_PAUSE) {
			s->go_on = 1;
			return 0;
		}
		if (strcmp(word, "hint") == 0) {
			cmd_hint(s);
			return 1;
		}
		if (strcmp(word, "next") == 0 || strcmp(word, "skip") == 0) {
			cmd_next(s);
			return 1;
		}
		if (strcmp(word, "quit") == 0) {
			cmd_quit(s);
			return 1;
		}
	}
	if (s->wait != NULL && s->wait->kind == LI_TASK)
		lran_note(line);
	return 0;
}

int
lesson_begin(const struct lesson_opts *o)
{
	struct lesson *l;
	struct session *s;

	if (cur != NULL) {
		lesson_errorf(tr("lesson: %s is running; `lesson quit` first",
		    "lesson: 课程 %s 正在进行；请先 `lesson quit`"), cur->name);
		return 1;
	}
	if ((l = lesson_load(o->name)) == NULL)
		return 2;
	s = session_new(o, l);
	if (s == NULL || session_setup(s) < 0) {
		if (s != NULL)
			session_end(s);
		return 1;
	}
	announce(s);
	sh_on_hangup(on_hangup);
	if (s->play)
		return play(s);
	cur = s;
	interrupted = 0;
	lcheck_intr = 0;
	sh_line_hook = lesson_line;
	resume(s, o->again);
	if (advance(s))
		lesson_finish();
	return 0;
}

int
lesson_start(const struct lesson_opts *o)
{
	int rc;

	from_main = 1;
	rc = lesson_begin(o);
	from_main = 0;
	return rc;
}

void
lesson_finish(void)
{
	struct session *s = cur;

	if (s == NULL)
		return;
	print_summary(s);
	progress_save(s);
	session_end(s);
}

/* The current task passed: say so, remember, go on. */
static void
task_passed(struct session *s)
{
	printf("%s%s%s\n", col("\033[32m"), tr("Well done: the check holds.",
	    "做得好：检查通过。"), col("\033[0m"));
	s->done++;
	s->passed += (int)s->wait->nchecks;
	progress_save(s);
	if (advance(s))
		lesson_finish();
}

/*
 * The next rung of the task's hint ladder (idea, then API, then code);
 * past the last one, the commands --play would type.
 */
static void
give_hint(struct session *s)
{
	const struct litem *t = s->wait;
	size_t i, level = (size_t)s->hints++;

	s->hints_total++;
	if (level < t->nhints) {
		printf("%s", col("\033[33m"));
		printf(tr("Hint %zu of %zu:", "提示 %zu/%zu："), level + 1,
		    t->nhints);
		printf("%s\n", col("\033[0m"));
		i18n_print_wrapped(stdout, "  ", ltext_get(&t->hints[level]));
		if (level + 1 == t->nhints)
			printf("%s\n", tr("(`hint` again shows a solution)",
			    "（再输入 `hint` 显示一种解答）"));
	} else {
		printf("%s\n", tr("One way to do it:", "一种做法："));
		for (i = 0; i < t->ncmds; i++)
			printf("  $ %s\n", t->cmds[i]);
	}
	fflush(stdout);
}

void
lesson_between(void)
{
	struct session *s = cur;
	char why[512];
	size_t i;

	if (s == NULL || s->wait == NULL)
		return;
	if (s->wait->kind == LI_PAUSE) {
		/* Enter was pressed: go on */
		if (s->go_on) {
			s->go_on = 0;
			if (advance(s))
				lesson_finish();
			else if (cur != NULL)
				cur->fresh = 0;
		}
		return;
	}
	if (s->fresh) {
		s->fresh = 0;
		return;
	}
	if (s->wait->kind != LI_TASK)
		return;
	lcheck_intr = 0;
	if (check_item(s, s->wait, 1)) {
		task_passed(s);
		/* the student's next command is for the next task */
		if (cur != NULL)
			cur->fresh = 0;
		return;
	}
	/* not yet: say, in words, what does not hold; hints on request */
	for (i = 0; i < s->wait->nchecks; i++) {
		const struct lcheck *c = &s->wait->checks[i];

		if (lcheck_eval(c, 0, why, sizeof(why)) <= 0) {
			printf("%s%s.\n", tr("Not yet: ", "还没有完成："), why);
			break;
		}
	}
	printf("%s\n", tr("(`hint` for a hint, `skip` to skip the task)",
	    "（输入 `hint` 获得提示，`skip` 跳过本任务）"));
	fflush(stdout);
}

/* For the builtin ----------------------------------------------------- */

static int
cmd_next(struct session *s)
{
	if (s->wait != NULL && s->wait->kind == LI_TASK) {
		printf("%s\n", tr("Task skipped.", "已跳过任务。"));
		s->failed += (int)s->wait->nchecks;
		s->skipped++;
	}
	if (advance(s))
		lesson_finish();
	else
		s->fresh = 1;
	return 0;
}

static int
cmd_hint(struct session *s)
{
	s->fresh = 1;
	if (s->wait == NULL || s->wait->kind != LI_TASK) {
		printf("%s\n", tr("No task right now: `lesson next` goes on.",
		    "现在没有任务：输入 `lesson next` 继续。"));
		return 0;
	}
	give_hint(s);
	return 0;
}

static int
cmd_check(struct session *s)
{
	int ok, passed, failed;

	s->fresh = 1;
	if (s->wait == NULL || s->wait->kind != LI_TASK) {
		printf("%s\n", tr("No task to check right now.",
		    "现在没有要检查的任务。"));
		return 0;
	}
	lcheck_intr = 0;
	/* loud, but a student may try again: counted when the task passes */
	passed = s->passed;
	failed = s->failed;
	ok = check_item(s, s->wait, 0);
	s->passed = passed;
	s->failed = failed;
	fflush(stdout);
	if (ok) {
		task_passed(s);
		return 0;
	}
	return 1;
}

static int
cmd_status(struct session *s)
{
	s->fresh = 1;
	printf("%s: %s (%s)\n", tr("Lesson", "课程"),
	    ltext_get(&s->l->title), s->l->file);
	printf(tr("Step %zu of %zu; %d of %zu tasks done.\n",
	    "第 %zu/%zu 步；完成 %d/%zu 个任务。\n"),
	    lesson_step_of(s->l, s->pos), lesson_step_of(s->l, s->l->nitems),
	    s->done, s->l->ntasks);
	printf("%s: %s\n", tr("Directory", "目录"), s->dir);
	if (s->wait != NULL && s->wait->kind == LI_TASK)
		show_task(s->wait);
	fflush(stdout);
	return 0;
}

static int
cmd_quit(struct session *s)
{
	printf("%s\n", tr("Lesson stopped; cleaning up.",
	    "课程已停止，正在清理。"));
	fflush(stdout);
	progress_save(s);
	cur = NULL;
	session_end(s);
	return 0;
}

int
lesson_command(const char *cmd)
{
	static const struct {
		const char	*name;
		int		(*fn)(struct session *s);
	} cmds[] = {
		{ "next", cmd_next }, { "skip", cmd_next }, { "hint", cmd_hint },
		{ "check", cmd_check }, { "status", cmd_status },
		{ "quit", cmd_quit },
	};
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(cmd, cmds[i].name) == 0)
			return cur != NULL ? cmds[i].fn(cur) : -1;
	return -2;
}
