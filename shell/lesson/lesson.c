/*
 * lesson.c - the lesson engine: finds a lesson, runs it between the
 * student's commands or plays it unattended, and cleans up every process,
 * FIFO and System V object it made.
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
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
#include "lesson_parse.h"
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
	int		hints;		/* `lesson hint` asked for this task */
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

/* Prints paragraph text, every line led by lead. */
static void
print_text(const char *lead, const char *text)
{
	const char *p = text, *nl;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		printf("%s%.*s\n", lead, (int)(nl - p), p);
		p = *nl == '\n' ? nl + 1 : nl;
	}
	fflush(stdout);
}

static void
say(const struct ltext *t)
{
	printf("%s", col("\033[36m"));
	print_text("  ", ltext_get(t));
	printf("%s", col("\033[0m"));
	fflush(stdout);
}

static void
nap(double secs)
{
	struct timespec ts;

	if (secs <= 0 || interrupted)
		return;
	ts.tv_sec = (time_t)secs;
	ts.tv_nsec = (long)((secs - (double)ts.tv_sec) * 1e9);
	nanosleep(&ts, NULL);
}

/* Types cmd out after a prompt, at speed characters a second (0: at once). */
static void
type_out(const char *cmd, double speed)
{
	const char *c;

	printf("%s$ %s", col("\033[1m"), col("\033[0m"));
	if (speed <= 0) {
		printf("%s\n", cmd);
	} else {
		for (c = cmd; *c != '\0' && !interrupted; c++) {
			putchar(*c);
			fflush(stdout);
			/* UTF-8: only pause at the start of a character */
			if (((unsigned char)c[1] & 0xc0) != 0x80)
				nap(1.0 / speed);
		}
		putchar('\n');
	}
	fflush(stdout);
}

/* Runs one command of the lesson in the shell, as typed at line. */
static int
run_cmd(struct session *s, const char *cmd, int line)
{
	char where[PATH_MAX + 32];

	snprintf(where, sizeof(where), "%s:%d", s->l->base, line);
	type_out(cmd, s->play ? s->speed : 0);
	fflush(stdout);
	return sh_eval(cmd, where);
}

/* Checks ------------------------------------------------------------- */

/* Evaluates check c; prints a line when it fails (or passes, loud). */
static int
check_one(struct session *s, const struct lcheck *c, double within,
    int quiet)
{
	char why[512];
	int r = lcheck_eval(c, within, why, sizeof(why));

	if (r > 0) {
		if (!quiet)
			printf("%s  %s%s%s\n", col("\033[32m"),
			    tr("check passed: ", "检查通过："), c->text,
			    col("\033[0m"));
		fflush(stdout);
		return 1;
	}
	if (!quiet) {
		sh_warnf("%s:%d: %s: %s: %s", s->l->base, c->line,
		    tr("check failed", "检查未通过"), c->text, why);
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

/* Play: presses Ctrl+C -------------------------------------------------- */

/* A process of snap that is not in before, not pid self, and has exec'd. */
static pid_t
new_proc(const struct snapshot *snap, const struct snapshot *before,
    pid_t self, const char *shell_comm)
{
	size_t i;

	for (i = 0; snap != NULL && i < snap->nprocs; i++) {
		const struct snap_proc *p = &snap->procs[i];

		if (p->pid != self && p->pid != snap->root &&
		    !snap_has_pid(before, p->pid) &&
		    strcmp(p->comm, shell_comm) != 0)
			return p->pid;
	}
	return 0;
}

/*
 * A helper process presses Ctrl+C for --play: once the command has
 * started (a new process of the shell's tree has exec'd), it waits secs
 * seconds and sends SIGINT to the foreground job, as the terminal driver
 * does: to the terminal's foreground process group when the shell has job
 * control, otherwise to the processes the command started.
 */
static pid_t
interrupt_later(double secs)
{
	struct snapshot *before = probe_take(getpid(), NULL), *now = NULL;
	pid_t shell = getpid(), pid, fg;
	char comm[SNAP_COMM_MAX + 1] = "";
	size_t i;
	int tries;

	if (before == NULL)
		return -1;
	if (before->nprocs > 0)
		snprintf(comm, sizeof(comm), "%s", before->procs[0].comm);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid != 0) {
		snapshot_free(before);
		return pid;
	}
	trap_disposition(SIGINT, SIG_IGN, 0);
	for (tries = 0; tries < 500; tries++) {
		now = probe_take(shell, NULL);
		if (now == NULL || now->nprocs == 0 ||
		    new_proc(now, before, getpid(), comm) != 0)
			break;
		snapshot_free(now);
		now = NULL;
		nap(0.01);
	}
	snapshot_free(now);
	nap(secs);
	printf("%s", tr("^C  (the lesson presses Ctrl+C)\n",
	    "^C  (课程按下 Ctrl+C)\n"));
	fflush(stdout);
	fg = tcgetpgrp(STDIN_FILENO);
	if (sh_opt.monitor && fg > 0 && fg != getpgrp()) {
		killpg(fg, SIGINT);
		_exit(0);
	}
	now = probe_take(shell, NULL);
	for (i = 0; now != NULL && i < now->nprocs; i++) {
		pid_t p = now->procs[i].pid;

		if (p != shell && p != getpid() && !snap_has_pid(before, p))
			kill(p, SIGINT);
	}
	_exit(0);
}

/* Session ------------------------------------------------------------- */

/* Saves the student's best result (not when played to a class). */
static void
progress_save(const struct session *s)
{
	if (!s->play)
		lesson_progress_save(s->name, s->done, s->l->ntasks);
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static int
in_base(const struct session *s, pid_t pid)
{
	size_t i;

	for (i = 0; i < s->nbase; i++)
		if (s->base[i] == pid)
			return 1;
	return 0;
}

/* Kills every process the lesson started; waits until they are gone. */
static void
kill_procs(struct session *s)
{
	struct snapshot *snap;
	size_t i;
	int tries, left;
	struct timespec tick = { 0, 20 * 1000 * 1000 };

	for (tries = 0; tries < 100; tries++) {
		snap = probe_take(getpid(), NULL);
		if (snap == NULL)
			return;
		left = 0;
		for (i = 0; i < snap->nprocs; i++) {
			const struct snap_proc *p = &snap->procs[i];

			if (p->pid == getpid() || in_base(s, p->pid))
				continue;
			if (p->state != 'Z') {
				/* SIGKILL: lessons block and catch others */
				kill(p->pid, SIGKILL);
				left++;
			}
		}
		snapshot_free(snap);
		jobs_reap();
		if (left == 0)
			return;
		nanosleep(&tick, NULL);
	}
}

/* Everything the lesson made goes: processes, IPC objects, its files. */
static void
session_clean(struct session *s)
{
	struct probe_opts o = { NULL, 0, 0, PROBE_NO_FILL | PROBE_NO_MSGS };
	struct snapshot *snap = probe_take(getpid(), &o);

	kill_procs(s);
	if (snap != NULL) {
		lsysv_remove_mine(snap);
		snapshot_free(snap);
	}
	if (s->dir[0] != '\0') {
		nftw(s->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
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

	for (i = 0; i < s->l->ncleanup; i++)
		sh_eval(s->l->cleanup[i], s->l->base);
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

/*
 * A shell killed in a lesson (its terminal closed: SIGHUP) could not clean
 * up. Its directory is named after its pid: when that process is gone,
 * remove the directory and the objects keyed on its files.
 */
static void
sweep_stale(const char *tmp)
{
	DIR *d = opendir(tmp);
	struct dirent *e;
	struct stat st;
	char path[PATH_MAX];
	int pid, len;

	while (d != NULL && (e = readdir(d)) != NULL) {
		len = 0;
		if (sscanf(e->d_name, "ipcsh-lesson-%d-%*6[A-Za-z0-9]%n", &pid,
		    &len) != 1 || len == 0 || e->d_name[len] != '\0' ||
		    pid <= 0 || pid == getpid())
			continue;
		if (kill(pid, 0) == 0 || errno != ESRCH)
			continue;
		snprintf(path, sizeof(path), "%s/%s", tmp, e->d_name);
		if (lstat(path, &st) < 0 || !S_ISDIR(st.st_mode) ||
		    st.st_uid != getuid())
			continue;
		lsysv_remove_dir_keyed(path);
		nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	}
	if (d != NULL)
		closedir(d);
}

/* Some check of the lesson reads the tape. */
static int
uses_tape(const struct lesson *l)
{
	size_t i, k;

	for (i = 0; i < l->nitems; i++)
		for (k = 0; k < l->items[i].nchecks; k++)
			if (l->items[i].checks[k].kind != NULL &&
			    l->items[i].checks[k].kind->tape)
				return 1;
	return 0;
}

static int
session_setup(struct session *s)
{
	const char *tmp = getenv("TMPDIR"), *path = var_get("PATH");
	char prog[PATH_MAX], newpath[2 * PATH_MAX];
	size_t i;

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	sweep_stale(tmp);
	snprintf(s->dir, sizeof(s->dir), "%s/ipcsh-lesson-%d-XXXXXX", tmp,
	    (int)getpid());
	if (mkdtemp(s->dir) == NULL) {
		sh_errorf("lesson: %s: %s", s->dir, strerror(errno));
		s->dir[0] = '\0';
		return -1;
	}
	var_set("LESSON_DIR", s->dir, VAR_EXPORT);
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
	if (uses_tape(s->l) && ltape_begin() < 0)
		sh_warnf("lesson: %s", tr("cannot turn the tape on: its checks "
		    "will fail", "无法打开录像：录像检查将不会通过"));
	for (i = 0; i < s->l->nsetup; i++)
		sh_eval(s->l->setup[i], s->l->base);
	return 0;
}

/* Running items ------------------------------------------------------- */

static void
show_task(const struct litem *it)
{
	printf("%s%s%s\n", col("\033[1;33m"), tr("Task:", "任务："),
	    col("\033[0m"));
	print_text("  ", ltext_get(&it->text));
}

/* Play: do the task as the solution says, then check it. */
static void
play_task(struct session *s, struct litem *it)
{
	size_t i;
	pid_t helper = -1;
	int st;

	show_task(it);
	for (i = 0; i < it->ncmds && !interrupted; i++) {
		if (i == it->ncmds - 1 && it->interrupt >= 0)
			helper = interrupt_later(s->speed > 0 ?
			    it->interrupt : 0);
		run_cmd(s, it->cmds[i], it->cmd_lines[i]);
	}
	if (helper > 0)
		while (waitpid(helper, &st, 0) < 0 && errno == EINTR)
			;
	if (check_item(s, it, 0))
		s->done++;
}

static void
print_summary(struct session *s)
{
	printf("%s", col("\033[1m"));
	printf(tr("Lesson finished: %d of %d checks passed, %d of %zu tasks done.\n",
	    "课程结束：%d/%d 项检查通过，完成 %d/%zu 个任务。\n"),
	    s->passed, s->passed + s->failed, s->done, s->l->ntasks);
	printf("%s", col("\033[0m"));
	fflush(stdout);
}

/*
 * When playing to a class: time to read a paragraph, at twice the typing
 * speed in characters (not bytes) a second, at most 8 seconds.
 */
static double
reading_time(const char *text, double speed)
{
	size_t chars = 0;
	double t;

	for (; *text != '\0'; text++)
		if (((unsigned char)*text & 0xc0) != 0x80)
			chars++;
	t = (double)chars / (2 * speed);
	return t < 8 ? t : 8;
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
			say(&it->text);
			if (s->play && s->speed > 0)
				nap(reading_time(ltext_get(&it->text), s->speed));
			break;
		case LI_RUN:
			ltape_before_run();
			run_cmd(s, it->cmd, it->line);
			if (s->play && sh_status == 130 && !interrupted &&
			    sh_opt.interactive)
				interrupted = 1;
			break;
		case LI_CHECK:
			check_item(s, it, 0);
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
			if (it->pause > 0)
				break;
			printf("%s\n", tr("(type `lesson next` to go on)",
			    "(输入 `lesson next` 继续)"));
			fflush(stdout);
			s->wait = it;
			s->fresh = 1;
			return 0;
		case LI_TASK:
			ltape_mark();	/* its checks: what the student does */
			if (s->play) {
				play_task(s, it);
				break;
			}
			show_task(it);
			s->wait = it;
			s->fresh = 1;
			s->hints = 0;
			return 0;
		}
	}
	return 1;
}

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
	lcheck_intr = 1;
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
	s->speed = o->speed;
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
		rc = s->failed == 0 ? 0 : 1;
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

int
lesson_begin(const struct lesson_opts *o)
{
	char file[PATH_MAX], err[1024];
	struct lesson *l;
	struct session *s;

	if (cur != NULL) {
		lesson_errorf(tr("lesson: %s is running; `lesson quit` first",
		    "lesson: 课程 %s 正在进行；请先 `lesson quit`"), cur->name);
		return 1;
	}
	if (lesson_find(o->name, file, sizeof(file)) < 0) {
		lesson_errorf(tr("lesson: %s: no such lesson (try `lesson list`)",
		    "lesson: %s: 没有这个课程（试试 `lesson list`）"), o->name);
		return 2;
	}
	l = lesson_parse(file, err, sizeof(err));
	if (l == NULL) {
		sh_warnf("%s", err);
		return 2;
	}
	s = session_new(o, l);
	if (s == NULL || session_setup(s) < 0) {
		if (s != NULL)
			session_end(s);
		return 1;
	}
	announce(s);
	if (s->play)
		return play(s);
	cur = s;
	interrupted = 0;
	lcheck_intr = 0;
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

static void
give_hint(struct session *s, int solution)
{
	const struct litem *t = s->wait;
	size_t i;

	if (t->hint.en != NULL || t->hint.zh != NULL) {
		printf("%s%s%s\n", col("\033[33m"), tr("Hint:", "提示："),
		    col("\033[0m"));
		print_text("  ", ltext_get(&t->hint));
	}
	if (solution || (t->hint.en == NULL && t->hint.zh == NULL)) {
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
	/* not yet: say which check does not hold, and hint */
	for (i = 0; i < s->wait->nchecks; i++) {
		const struct lcheck *c = &s->wait->checks[i];

		if (lcheck_eval(c, 0, why, sizeof(why)) <= 0) {
			printf("%s%s (%s)\n", tr("Not yet: ", "还没有："), why,
			    c->text);
			break;
		}
	}
	give_hint(s, 0);
}

/* For the builtin ----------------------------------------------------- */

int
lesson_next(void)
{
	struct session *s = cur;

	if (s == NULL)
		return -1;
	if (s->wait != NULL && s->wait->kind == LI_TASK) {
		printf("%s\n", tr("Task skipped.", "已跳过任务。"));
		s->failed += (int)s->wait->nchecks;
	}
	if (advance(s))
		lesson_finish();
	else
		s->fresh = 1;
	return 0;
}

int
lesson_hint(void)
{
	struct session *s = cur;

	if (s == NULL)
		return -1;
	s->fresh = 1;
	if (s->wait == NULL || s->wait->kind != LI_TASK) {
		printf("%s\n", tr("No task right now: `lesson next` goes on.",
		    "现在没有任务：输入 `lesson next` 继续。"));
		return 0;
	}
	give_hint(s, ++s->hints > 1);
	return 0;
}

int
lesson_check_now(void)
{
	struct session *s = cur;
	int ok, passed, failed;

	if (s == NULL)
		return -1;
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

int
lesson_status(void)
{
	struct session *s = cur;

	if (s == NULL)
		return -1;
	s->fresh = 1;
	printf("%s: %s (%s)\n", tr("Lesson", "课程"),
	    ltext_get(&s->l->title), s->l->file);
	printf(tr("Step %zu of %zu; %d of %zu tasks done.\n",
	    "第 %zu/%zu 步；完成 %d/%zu 个任务。\n"), s->pos,
	    s->l->nitems, s->done, s->l->ntasks);
	printf("%s: %s\n", tr("Directory", "目录"), s->dir);
	if (s->wait != NULL && s->wait->kind == LI_TASK)
		show_task(s->wait);
	fflush(stdout);
	return 0;
}

int
lesson_quit(void)
{
	struct session *s = cur;

	if (s == NULL)
		return -1;
	printf("%s\n", tr("Lesson stopped; cleaning up.",
	    "课程已停止，正在清理。"));
	fflush(stdout);
	progress_save(s);
	cur = NULL;
	session_end(s);
	return 0;
}
