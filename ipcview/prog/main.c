/*
 * main.c - the ipcview command line, and its text modes --once, --follow.
 * Every other mode is the curses UI (ui.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "probe.h"
#include "render.h"
#include "snapdiff.h"
#include "tape.h"
#include "view.h"
#include "vwatch.h"
#include "watch.h"

#ifndef IPCSH_VERSION
#define IPCSH_VERSION "0.1.0"
#endif

static volatile sig_atomic_t interrupted;
static const char *procfs;	/* --procfs DIR: a fixture tree for tests */

static const char usage_text[] =
"usage: ipcview [--shells N] [options]\n"
"       ipcview -p <pid>[,<pid>...] [--interval SECONDS]\n"
"       ipcview --once [--json | --dot | --svg <file>] -p <pid> [--messages N]\n"
"       ipcview --follow [--json] -p <pid> [--interval SECONDS] [--tape FILE]\n"
"       ipcview --tape FILE [--json]\n"
"       ipcview --lesson NAME [--play [--speed N] [--step]]\n";

/* --help: the usage, then the options in the language in force. */
static const char options_en[] =
"\n"
"  -p, --pid <pid>[,...]  watch the process trees of these pids (no shell\n"
"                         started); -p may be given again\n"
"      --shells <n>       host n shells side by side or one above the\n"
"                         other (1 to 4; Ctrl+] c opens another)\n"
"  -1, --once             print one snapshot and exit\n"
"  -j, --json             with --once or --follow: JSON instead of text\n"
"      --dot              with --once: a Graphviz graph instead of text\n"
"      --svg <file>       with --once: the graph drawn by dot(1) into file\n"
"  -f, --follow           print one line per event until pid exits or Ctrl+C\n"
"  -i, --interval <sec>   time between snapshots (default 0.1)\n"
"  -m, --messages <n>     messages copied per queue (default 64)\n"
"  -l, --lesson <name>    run a lesson in the hosted ipcsh\n"
"      --play             play the lesson unattended\n"
"      --speed <n>        characters a second typed by --play (default:\n"
"                         ipcsh's, 15, readable on a projector)\n"
"      --step             with --play: a key before each step\n"
"      --lang <en|zh>     language of the sentences\n"
"      --sandbox          start the hosted ipcsh with --sandbox\n"
"      --tape <file>      with --follow: the tape to merge (default: the one\n"
"                         the shell of pid announces, if it records one)\n"
"      --no-tape          the hosted ipcsh records no tape\n"
"  -v, --log <file>       write a debug log to file\n"
"      --shell <path>     the ipcsh to host\n"
"      --procfs <dir>     read processes from dir instead of /proc (tests)\n"
"  -h, --help             show this help\n"
"  -V, --version          show the version\n";

static const char options_zh[] =
"\n"
"  -p, --pid <pid>[,...]  观察这些进程的进程树（不启动 shell）；\n"
"                         -p 可以多次给出\n"
"      --shells <n>       并排或上下排列 n 个 shell\n"
"                         （1 到 4 个；Ctrl+] c 再开一个）\n"
"  -1, --once             打印一次快照后退出\n"
"  -j, --json             与 --once 或 --follow 一起：输出 JSON 而不是文本\n"
"      --dot              与 --once 一起：输出 Graphviz 图而不是文本\n"
"      --svg <file>       与 --once 一起：用 dot(1) 把图画到 file\n"
"  -f, --follow           每个事件打印一行，直到 pid 退出或按 Ctrl+C\n"
"  -i, --interval <sec>   两次快照之间的时间（默认 0.1 秒）\n"
"  -m, --messages <n>     每个消息队列复制的消息数（默认 64）\n"
"  -l, --lesson <name>    在所托管的 ipcsh 中运行一节课程\n"
"      --play             自动演示课程\n"
"      --speed <n>        --play 每秒输入的字符数（默认与 ipcsh 相同，\n"
"                         15，适合投影）\n"
"      --step             与 --play 一起：每一步之前等待按键\n"
"      --lang <en|zh>     说明文字的语言\n"
"      --sandbox          以 --sandbox 启动所托管的 ipcsh\n"
"      --tape <file>      与 --follow 一起：要合并的录像（默认是 pid 的\n"
"                         shell 所宣告的录像，如果它在录像）\n"
"      --no-tape          所托管的 ipcsh 不录像\n"
"  -v, --log <file>       把调试日志写到 file\n"
"      --shell <path>     要托管的 ipcsh\n"
"      --procfs <dir>     从 dir 而不是 /proc 读取进程（测试用）\n"
"  -h, --help             显示本帮助\n"
"  -V, --version          显示版本\n";

enum { OPT_PLAY = 256, OPT_STEP, OPT_SPEED, OPT_LANG, OPT_SANDBOX, OPT_SHELL,
    OPT_PROCFS, OPT_DOT, OPT_SVG, OPT_TAPE, OPT_NOTAPE, OPT_SHELLS };

static const struct option long_opts[] = {
	{ "pid",	required_argument,	NULL, 'p' },
	{ "once",	no_argument,		NULL, '1' },
	{ "json",	no_argument,		NULL, 'j' },
	{ "dot",	no_argument,		NULL, OPT_DOT },
	{ "svg",	required_argument,	NULL, OPT_SVG },
	{ "follow",	no_argument,		NULL, 'f' },
	{ "interval",	required_argument,	NULL, 'i' },
	{ "messages",	required_argument,	NULL, 'm' },
	{ "lesson",	required_argument,	NULL, 'l' },
	{ "play",	no_argument,		NULL, OPT_PLAY },
	{ "step",	no_argument,		NULL, OPT_STEP },
	{ "speed",	required_argument,	NULL, OPT_SPEED },
	{ "lang",	required_argument,	NULL, OPT_LANG },
	{ "sandbox",	no_argument,		NULL, OPT_SANDBOX },
	{ "shells",	required_argument,	NULL, OPT_SHELLS },
	{ "log",	required_argument,	NULL, 'v' },
	{ "shell",	required_argument,	NULL, OPT_SHELL },
	{ "procfs",	required_argument,	NULL, OPT_PROCFS },
	{ "tape",	required_argument,	NULL, OPT_TAPE },
	{ "no-tape",	no_argument,		NULL, OPT_NOTAPE },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static int
main_usage(const char *fmt, const char *arg)
{
	if (fmt != NULL) {
		fputs("ipcview: ", stderr);
		fprintf(stderr, fmt, arg);
		fputc('\n', stderr);
	}
	fputs(usage_text, stderr);
	fputs(tr(options_en, options_zh), stderr);
	return 2;
}

/*
 * The whole word s as a number from min to max, in base 10 with no point
 * or exponent when whole: 0, or -1 when it is not one.
 */
static int
parse_num(const char *s, double min, double max, int whole, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = whole ? (double)strtol(s, &end, 10) : strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !(v >= min && v <= max))
		return -1;
	*out = v;
	return 0;
}

/*
 * -p PID[,PID...]: every tree named is watched; -p given twice adds to the
 * list. The whole word is checked before any pid is taken.
 */
static int
main_pids(const char *arg, struct view_opts *o)
{
	pid_t got[VIEW_MAXPIDS];
	char *copy, *tok, *save = NULL;
	int n = 0, i, j, r = 0;
	double v;

	if ((copy = strdup(arg)) == NULL)
		return main_usage("%s", strerror(errno));
	for (tok = strtok_r(copy, ",", &save); tok != NULL && r == 0;
	    tok = strtok_r(NULL, ",", &save)) {
		if (parse_num(tok, 1, INT_MAX, 1, &v) < 0)
			r = main_usage("invalid pid: %s", tok);
		else if (o->npids + n >= VIEW_MAXPIDS)
			r = main_usage("too many pids (at most 8): %s", arg);
		else
			got[n++] = (pid_t)v;
	}
	if (r == 0 && n == 0)
		r = main_usage("invalid pid: %s", arg);
	free(copy);
	for (i = 0; r == 0 && i < n; i++) {
		for (j = 0; j < o->npids && o->pids[j] != got[i]; j++)
			;
		if (j == o->npids)
			o->pids[o->npids++] = got[i];
	}
	o->pid = o->npids > 0 ? o->pids[0] : 0;
	return r;
}

/* One option into o; 0, 1 (exit 0 now: help, version) or 2 (usage). */
static int
main_option(int c, const char *arg, struct view_opts *o)
{
	/* the options that set a flag, and those that keep their argument */
	const struct {
		int c;
		int *flag;
	} flags[] = {
		{ '1', &o->once }, { 'j', &o->json }, { OPT_DOT, &o->dot },
		{ 'f', &o->follow }, { OPT_PLAY, &o->play },
		{ OPT_STEP, &o->step }, { OPT_SANDBOX, &o->sandbox },
		{ OPT_NOTAPE, &o->notape },
	};
	const struct {
		int c;
		const char **arg;
	} args[] = {
		{ OPT_SVG, &o->svg }, { 'l', &o->lesson }, { 'v', &o->log },
		{ OPT_SHELL, &o->shell }, { OPT_PROCFS, &procfs },
		{ OPT_TAPE, &o->tape },
	};
	size_t i;
	double v;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (flags[i].c == c) {
			*flags[i].flag = 1;
			return 0;
		}
	for (i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		if (args[i].c == c) {
			*args[i].arg = arg;
			return 0;
		}
	switch (c) {
	case 'p':
		return main_pids(arg, o);
	case 'i':
		if (parse_num(arg, 0.001, 3600, 0, &o->interval) < 0)
			return main_usage("invalid interval: %s", arg);
		break;
	case 'm':
		if (parse_num(arg, 0, 1 << 20, 1, &v) < 0)
			return main_usage("invalid number of messages: %s", arg);
		o->nmsgs = (int)v;
		break;
	case OPT_SPEED:
		/* ipcsh --speed: 0 types at once */
		if (parse_num(arg, 0, 1000, 0, &o->speed) < 0)
			return main_usage("invalid speed: %s", arg);
		break;
	case OPT_LANG:
		if (i18n_set_lang(arg) < 0)
			return main_usage("invalid language (en or zh): %s", arg);
		o->lang = arg;
		break;
	case OPT_SHELLS:
		if (parse_num(arg, 1, VIEW_MAXSHELLS, 1, &v) < 0)
			return main_usage("invalid number of shells (1 to 4): %s",
			    arg);
		o->nshells = (int)v;
		break;
	case 'h':
		fputs(usage_text, stdout);
		fputs(tr(options_en, options_zh), stdout);
		return 1;
	case 'V':
		printf("ipcview %s\n", IPCSH_VERSION);
		return 1;
	default:
		return main_usage(NULL, NULL);
	}
	return 0;
}

static void
main_on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/*
 * Draws the snapshot's graph into file with Graphviz: `dot -Tsvg -o file`
 * reads the graph on a pipe. Returns 0, or -1 after saying why.
 */
static int
main_svg(const struct snapshot *s, const char *file)
{
	int fds[2], status;
	pid_t pid;
	FILE *to;

	if (pipe2(fds, O_CLOEXEC) < 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fds[0], 0);
		execlp("dot", "dot", "-Tsvg", "-o", file, (char *)NULL);
		fprintf(stderr, "ipcview: --svg needs Graphviz's dot program "
		    "(apt install graphviz): %s\n", strerror(errno));
		_exit(127);
	}
	close(fds[0]);
	to = fdopen(fds[1], "w");
	if (to == NULL) {
		close(fds[1]);
	} else {
		/* SIGPIPE would end us if dot is missing: ignored meanwhile */
		signal(SIGPIPE, SIG_IGN);
		render_dot(to, s, RENDER_RELATED);
		fclose(to);
		signal(SIGPIPE, SIG_DFL);
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 127)
			fprintf(stderr, "ipcview: dot could not draw %s\n", file);
		return -1;
	}
	return 0;
}

static int
main_once(const struct view_opts *o)
{
	/* only JSON shows the terminal's foreground group (tpgid) */
	struct probe_opts po = { .procfs = procfs, .nmsgs = o->nmsgs,
	    .flags = o->json ? 0 : PROBE_NO_TTY };
	struct snapshot *s = probe_take_roots(o->pids, o->npids, &po);
	int r;

	/*
	 * The language is the environment's for the whole run: asked once,
	 * not through getenv(3) for each of the report's sentences.
	 */
	if (o->lang == NULL)
		i18n_set_lang(i18n_lang() == LANG_ZH ? "zh" : "en");
	if (s == NULL) {
		fprintf(stderr, "ipcview: probe: %s\n", strerror(errno));
		return 1;
	}
	if (s->nprocs == 0) {
		fprintf(stderr, "ipcview: no such process: %d\n", (int)o->pid);
		snapshot_free(s);
		return 1;
	}
	if (o->svg != NULL)
		r = main_svg(s, o->svg);
	else if (o->dot)
		r = render_dot(stdout, s, RENDER_RELATED);
	else
		r = o->json ? render_json(stdout, s, 0) :
		    render_text(stdout, s, 0);
	snapshot_free(s);
	if (o->svg != NULL)
		return r < 0 ? 1 : 0;
	if (r < 0 || fflush(stdout) != 0) {
		fprintf(stderr, "ipcview: write: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}

/* Sleeps until *next (CLOCK_MONOTONIC), then moves it on by interval. */
static void
main_tick(struct timespec *next, double interval)
{
	long ns = (long)(interval * 1e9);

	next->tv_sec += ns / 1000000000L;
	next->tv_nsec += ns % 1000000000L;
	if (next->tv_nsec >= 1000000000L) {
		next->tv_sec++;
		next->tv_nsec -= 1000000000L;
	}
	while (!interrupted && clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME,
	    next, NULL) == EINTR)
		;
}

static int
main_print_events(const struct view_opts *o, const struct snap_events *ev,
    const struct snapshot *s)
{
	size_t i;
	int r = 0;

	for (i = 0; i < ev->n && r == 0; i++)
		r = o->json ? render_event_json(stdout, &ev->ev[i], &s->taken) :
		    render_event_text(stdout, &ev->ev[i], &s->taken);
	if (fflush(stdout) != 0)
		r = -1;
	return r;
}

/* The first line of --follow: what is watched, as an event of its own. */
static int
main_print_start(const struct view_opts *o, const struct snapshot *s)
{
	struct snap_event e = { .kind = EV_WATCHING, .pid = s->root };
	struct snap_events ev = { &e, 1 };
	int r;

	if (asprintf(&e.en, "watching %d (%s): %zu process(es), %zu pipe(s), %zu queue(s)",
	    (int)s->root, s->procs[0].comm, s->nprocs, s->npipes,
	    s->nqueues) < 0)
		return -1;
	if (asprintf(&e.zh, "开始观察 %d (%s)：%zu 个进程，%zu 个管道，%zu 个队列",
	    (int)s->root, s->procs[0].comm, s->nprocs, s->npipes,
	    s->nqueues) < 0) {
		free(e.en);
		return -1;
	}
	r = main_print_events(o, &ev, s);
	free(e.en);
	free(e.zh);
	return r;
}

/* The tape --follow merges: --tape FILE, or the one pid's shell announces. */
static struct tape_follow *
main_tape_open(const struct view_opts *o, int from_end)
{
	char path[4096];

	if (o->tape != NULL)
		return tape_follow_open(o->tape, from_end);
	if (procfs != NULL || tape_path_for(o->pid, path, sizeof(path)) < 0)
		return NULL;
	return tape_follow_open(path, from_end);
}

/*
 * The tape found by the pid (no --tape) may have been a stale one, left
 * by an earlier shell of the same pid that was killed, when we opened it
 * before this shell had replaced it with its own: then the shell's tape
 * is read from its start.
 */
static void
main_tape_recheck(const struct view_opts *o, struct tape_follow **tf)
{
	char path[4096];

	if (*tf == NULL || o->tape != NULL || procfs != NULL ||
	    tape_path_for(o->pid, path, sizeof(path)) < 0 ||
	    access(path, F_OK) < 0 || tape_follow_same(*tf, path))
		return;
	tape_follow_close(*tf);
	*tf = tape_follow_open(path, 0);
}

/*
 * The tape's new records, each as an event line; an exit says how the
 * process ended, as the snapshot's exit events do (x, may be NULL).
 */
static int
main_print_tape(const struct view_opts *o, struct tape_follow *tf,
    struct endings *x, const struct snapshot *last)
{
	char *en, *zh;
	struct tape_rec r;
	struct tm tm;
	time_t t;
	char *s;
	int rc = 0;

	while (tf != NULL && rc == 0 && tape_follow_next(tf, &r) == 1) {
		if (x != NULL)
			endings_add(x, &r);
		if (o->json) {
			rc = tape_json(stdout, &r);
		} else {
			t = r.time.tv_sec;
			localtime_r(&t, &tm);
			s = NULL;
			if (x != NULL && strcmp(r.event, "exit") == 0 &&
			    endings_text(x, r.pid, NULL, last, NULL, 0, &en,
			    &zh) == 0) {
				s = i18n_lang() == LANG_ZH ? zh : en;
				free(s == zh ? en : zh);
			}
			if (s == NULL)
				s = tape_text(&r, i18n_lang() == LANG_ZH);
			printf("%02d:%02d:%02d.%03ld %s\n", tm.tm_hour,
			    tm.tm_min, tm.tm_sec, r.time.tv_nsec / 1000000,
			    s ? s : r.event);
			free(s);
		}
		tape_rec_free(&r);
	}
	if (fflush(stdout) != 0)
		rc = -1;
	return rc;
}

/* ipcview --tape FILE [--json]: a recorded tape, one event a line. */
static int
main_tape(const struct view_opts *o)
{
	struct tape_follow *tf = tape_follow_open(o->tape, 0);
	int r;

	if (tf == NULL) {
		fprintf(stderr, "ipcview: %s: %s\n", o->tape, strerror(errno));
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	r = main_print_tape(o, tf, NULL, NULL);
	tape_follow_close(tf);
	return r < 0 ? 1 : 0;
}

/*
 * --follow: like tail -f, one line per event, until the root exits or
 * SIGINT/SIGTERM; a closed stdout ends it too. The first sample is the
 * watch's baseline: what is there already is no event. The tape's records
 * (what happened between two snapshots, however short) come before the
 * snapshot's own events of each tick.
 */
static int
main_follow(const struct view_opts *o)
{
	struct sigaction sa = { .sa_handler = main_on_signal };
	struct probe_opts po = { .procfs = procfs, .nmsgs = o->nmsgs };
	const struct snapshot *s;
	const struct snap_events *ev;
	struct tape_follow *tf;
	struct timespec next;
	struct vwatch v;
	char *cause = NULL;
	int r = 0;

	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* the pane's filter and its exits: how each process ended */
	if (vwatch_open(&v, o->pids, (size_t)o->npids, &po, NULL, 1,
	    &cause) < 0) {
		fprintf(stderr, "ipcview: %s\n", cause ? cause : strerror(errno));
		free(cause);
		return 1;
	}
	s = vwatch_next(&v, NULL);
	if (s == NULL || s->nprocs == 0) {
		fprintf(stderr, "ipcview: no such process: %d\n", (int)o->pid);
		vwatch_close(&v);
		return 1;
	}
	tf = main_tape_open(o, 1);
	r = main_print_start(o, s);
	clock_gettime(CLOCK_MONOTONIC, &next);
	while (!interrupted && r == 0) {
		main_tick(&next, o->interval);
		if (interrupted)
			break;
		if (tf == NULL)
			tf = main_tape_open(o, 0);	/* set -o tape since */
		else
			main_tape_recheck(o, &tf);
		r = main_print_tape(o, tf, v.endings, watch_last(v.w));
		s = vwatch_next(&v, &ev);
		if (s == NULL)
			continue;	/* ENOMEM or procfs gone: try again */
		if (r == 0)
			r = main_print_events(o, ev, s);
		/* gone, or a zombie its parent has not reaped: it exited */
		if (s->nprocs == 0 || s->procs[0].state == 'Z')
			break;
	}
	if (r == 0)
		r = main_print_tape(o, tf, v.endings, watch_last(v.w));
	tape_follow_close(tf);
	vwatch_close(&v);
	return r < 0 ? 1 : 0;
}

int
main(int argc, char **argv)
{
	/* speed -1: not given, ipcsh's own default applies */
	struct view_opts o = { .interval = 0.1, .nmsgs = PROBE_NMSGS,
	    .speed = -1, .nshells = 1 };
	int c, r;

	while ((c = getopt_long(argc, argv, "p:1jfi:m:l:v:hV", long_opts,
	    NULL)) != -1) {
		r = main_option(c, optarg, &o);
		if (r != 0)
			return r == 1 ? 0 : r;
	}
	if (optind < argc)
		return main_usage("unexpected argument: %s", argv[optind]);
	if (o.tape != NULL && o.pid == 0 && !o.once && !o.follow)
		return main_tape(&o);
	if (o.once && o.follow)
		return main_usage("%s", "--once and --follow exclude each other");
	if (o.nshells > 1 && (o.pid != 0 || o.lesson != NULL))
		return main_usage("%s", "--shells hosts new shells: not with --pid or --lesson");
	if ((o.once || o.follow) && o.pid == 0)
		return main_usage("%s", "--once and --follow need --pid PID");
	if (o.json && !o.once && !o.follow && o.tape == NULL)
		return main_usage("%s", "--json goes with --once or --follow");
	if ((o.dot || o.svg != NULL) && !o.once)
		return main_usage("%s", "--dot and --svg go with --once");
	if (o.json + o.dot + (o.svg != NULL) > 1)
		return main_usage("%s", "--json, --dot and --svg exclude each other");
	if (o.once)
		return main_once(&o);
	if (o.follow)
		return main_follow(&o);
	return ui_main(&o);
}
