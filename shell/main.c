/*
 * main.c - ipcsh's entry: options, the mode (terminal, -c, script,
 * standard input, lesson, split screen), and the way out (sh_exit).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "builtins/options.h"
#include "core/exec.h"
#include "core/loop.h"
#include "i18n.h"
#include "core/input.h"
#include "core/jobs.h"
#include "lesson/lesson.h"
#include "sandbox/sandbox.h"
#include "shell.h"
#include "tape/recorder.h"
#include "core/trap.h"
#include "core/var.h"

#ifndef IPCSH_VERSION
#define IPCSH_VERSION "0.1.0"
#endif

extern char **environ;

enum {
	OPT_NORC = 256, OPT_PLAIN, OPT_HELP, OPT_VERSION, OPT_LANG,
	OPT_SANDBOX, OPT_LESSON, OPT_PLAY, OPT_SPEED, OPT_STEP, OPT_REFUTE,
	OPT_AGAIN, OPT_VIEW, OPT_TAPE,
};

static const struct option longopts[] = {
	{ "norc", no_argument, NULL, OPT_NORC },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "sandbox", no_argument, NULL, OPT_SANDBOX },
	{ "lesson", required_argument, NULL, OPT_LESSON },
	{ "play", no_argument, NULL, OPT_PLAY },
	{ "speed", required_argument, NULL, OPT_SPEED },
	{ "step", no_argument, NULL, OPT_STEP },
	{ "refute", no_argument, NULL, OPT_REFUTE },
	{ "again", no_argument, NULL, OPT_AGAIN },
	{ "view", no_argument, NULL, OPT_VIEW },
	{ "tape", required_argument, NULL, OPT_TAPE },
	{ NULL, 0, NULL, 0 },
};

static void
usage(FILE *f)
{
	fputs("usage: ipcsh [-eisux] [--norc] [--plain] [--lang en|zh] [--sandbox]\n"
	    "             [--tape file] [-c command [name [arg...]] | file [arg...]]\n"
	    "       ipcsh --lesson <name> [--again] [--play [--speed <n>] [--step]\n"
	    "             [--refute]]\n"
	    "       ipcsh --view [--lesson <name> [--play]]\n"
	    "       ipcsh --help | --version\n", f);
	if (f == stdout)
		fputs(tr("\n"
		    "A POSIX-style shell for learning inter-process communication:\n"
		    "pipes, FIFOs, System V queues and shared memory, signals.\n\n"
		    "  -c command     run command (then name is $0, args $1...)\n"
		    "  -i             interactive even without a terminal\n"
		    "  -s             read commands from standard input (args: $1...)\n"
		    "  -e, -u, -x     set -e, set -u, set -x\n"
		    "  --norc         do not read ~/.ipcshrc\n"
		    "  --plain        no colour or escape sequences; the prompt is exactly PS1\n"
		    "  --lang en|zh   language of explanations and lessons\n"
		    "  --sandbox      lab sandbox: seccomp filter and own IPC namespace\n"
		    "  --tape file    record every process, pipe, message and signal of\n"
		    "                 the commands run into file (see set -o tape, trace)\n"
		    "  --lesson name  start a lesson (where you stopped; --again: from the start)\n"
		    "  --play         play it unattended (--speed: characters a second, 15;\n"
		    "                 --step: a key before each step; --refute: also try\n"
		    "                 wrong answers, which every task must refuse)\n"
		    "  --view         the split screen (runs ipcview)\n"
		    "\nSee ipcsh(1).\n",
		    "\n"
		    "一个用于学习进程间通信的 POSIX 风格 shell：\n"
		    "管道、命名管道 (FIFO)、System V 消息队列和共享内存、信号。\n\n"
		    "  -c command     执行 command（其后 name 为 $0，各参数为 $1...）\n"
		    "  -i             即使没有终端也以交互方式运行\n"
		    "  -s             从标准输入读取命令（参数为 $1...）\n"
		    "  -e, -u, -x     即 set -e、set -u、set -x\n"
		    "  --norc         不读取 ~/.ipcshrc\n"
		    "  --plain        不用颜色和转义序列；提示符就是 PS1\n"
		    "  --lang en|zh   解释和课程所用的语言\n"
		    "  --sandbox      实验沙箱：seccomp 过滤器和独立的 IPC 命名空间\n"
		    "  --tape file    把所执行命令的每个进程、管道、消息和信号\n"
		    "                 录像到 file（见 set -o tape、trace）\n"
		    "  --lesson name  开始一节课程（从上次停下的地方；--again：从头开始）\n"
		    "  --play         自动演示（--speed：每秒输入的字符数，默认 15；\n"
		    "                 --step：每一步之前等待按键；--refute：也尝试\n"
		    "                 错误的做法，每个任务都必须拒绝它们）\n"
		    "  --view         分屏界面（运行 ipcview）\n"
		    "\n参见 ipcsh(1)。\n"), f);
}

/* Frees the set arguments main collected from its options; status. */
static int
setv_drop(char **setv, int n, int status)
{
	while (n-- > 0)
		free(setv[n]);
	free(setv);
	return status;
}

/* The builtin families, in lookup order. */
static const struct builtin *const families[] = {
	builtins_core, builtins_jobs, builtins_signal, builtins_fifo,
	builtins_sysv, builtins_show, builtins_lesson, builtins_sandbox,
	builtins_posix, builtins_printf, builtins_test, builtins_trace,
	builtins_programs, builtins_procenv, builtins_sock, builtins_posixipc,
};

/* Before each prompt: dash's cmdloop chores, and the lesson's turn. */
static void
before_prompt(void)
{
	trap_run_pending();
	jobs_notify();
	sandbox_report();
	lesson_between();
}

/* A script's line has run: refusals are reported at once. */
static void
after_line(void)
{
	sandbox_report();
}

static const struct loop_hooks top_hooks = { before_prompt, after_line };

/*
 * A signal woke the prompt: no zombies meanwhile; trap actions run when
 * the prompt has stepped aside (run).
 */
static int
prompt_idle(int run)
{
	if (run) {
		trap_run_pending();
		return 0;
	}
	jobs_reap();
	return trap_pending() != 0;
}

/* Every child before it runs its command: the sandbox's filter. */
static void
child_exec(void)
{
	if (sh_opt.sandbox)
		sandbox_child();
}

/*
 * The child hooks (shell.h): the tape at fork and before a spawned
 * child's execve, the sandbox before exec, the tape again when a child
 * runs a builtin itself.
 */
static const struct child_hooks child_hooks = {
	tape_child, tape_spawn, child_exec, tape_run
};

/* --view: run ipcview (next to our own binary first, then from PATH). */
static void
run_view(int argc, char **argv)
{
	char self[PATH_MAX], *slash, **v;
	ssize_t n;
	int i, k = 1;

	v = calloc(argc + 1, sizeof(char *));
	if (v == NULL)
		exit(2);
	v[0] = "ipcview";
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--view") != 0)
			v[k++] = argv[i];
	n = readlink("/proc/self/exe", self, sizeof(self) - 16);
	if (n > 0) {
		self[n] = '\0';
		slash = strrchr(self, '/');
		if (slash != NULL) {
			strcpy(slash + 1, "ipcview");
			if (access(self, X_OK) == 0)
				execv(self, v);
		}
	}
	execvp("ipcview", v);
	sh_warnf("cannot run ipcview: %s", strerror(errno));
	exit(127);
}

/* PWD from the environment when it names ".", else from getcwd(3). */
static void
init_pwd(void)
{
	const char *pwd = var_get("PWD");
	struct stat a, b;
	char cwd[PATH_MAX];

	if (pwd != NULL && *pwd == '/' && stat(pwd, &a) == 0 &&
	    stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return;
	if (getcwd(cwd, sizeof(cwd)) != NULL)
		var_set("PWD", cwd, VAR_EXPORT);
}

static void
read_rc(void)
{
	const char *home = var_get("HOME");
	char *rc;
	int st;

	if (home == NULL || asprintf(&rc, "%s/.ipcshrc", home) < 0)
		return;
	if (access(rc, R_OK) == 0)
		loop_dot(rc, &st);
	free(rc);
}

static int
run_script(const char *file)
{
	struct input *in;
	int fd, hi;

	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		sh_warnf("cannot open %s: %s", file, strerror(errno));
		return 127;
	}
	/* keep low descriptors free for the script's own redirections */
	hi = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	if (hi >= 0) {
		close(fd);
		fd = hi;
	}
	sh_errfile = file;
	in = input_fd(fd, file, 1);
	loop_input(in, &top_hooks);
	input_free(in);
	return sh_status;
}

/*
 * The terminal's characters for readline: the locale the environment
 * names, or C.UTF-8 where it is not installed (the messages keep the
 * language the variables ask for), said once.
 */
static void
locale_init(void)
{
	const char *missing = i18n_setlocale(LC_CTYPE);

	if (missing != NULL)
		fprintf(stderr, "ipcsh: %s %s; %s\n", tr("locale", "区域设置"),
		    missing, tr("not installed: characters as C.UTF-8, messages still in the language asked for",
		    "未安装: 字符按 C.UTF-8 处理, 提示仍用所选语言"));
}

/*
 * Run as "ipcs" (a link beside the lecture's programs, first on PATH in
 * ipcview and the lessons): the ipcs builtin, so that a program that runs
 * ipcs -m (the shared-memory reader) prints the slide's Chinese headings
 * under --lang zh where util-linux has no translation installed.
 */
static int
as_ipcs(int argc, char **argv)
{
	const char *b = argc > 0 ? strrchr(argv[0], '/') : NULL;

	if (argc == 0 || strcmp(b ? b + 1 : argv[0], "ipcs") != 0)
		return 0;
	locale_init();
	return 1;
}

int
main(int argc, char **argv)
{
	struct lesson_opts lo = { NULL, 0, -1, 0, 0, 0 };
	int c, cflag = 0, iflag = 0, sflag = 0, norc = 0, plain = 0, help = 0;
	int sandbox = 0, i, nset = 1, setargs;
	char **setv;
	const char *lang = NULL, *term, *tape = NULL;
	struct input *in;
	char *end;

	builtin_register(families, sizeof(families) / sizeof(families[0]));
	if (as_ipcs(argc, argv))
		return builtin_find("ipcs")->fn(argc, argv);
	setv = calloc(argc + 2, sizeof(char *));
	jobs_set_child_hooks(&child_hooks);
	input_set_idle(prompt_idle);
	if (setv == NULL)
		abort();
	setv[0] = strdup("set");
	while ((c = getopt_long(argc, argv, "+ceisuxabCfmnvo:", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'c': cflag = 1; break;
		case 'i': iflag = 1; break;
		case 's': sflag = 1; break;
		case 'o':	/* -o NAME: as set -o NAME */
			setv[nset++] = strdup("-o");
			setv[nset++] = strdup(optarg);
			break;
		case 'a': case 'b': case 'C': case 'e': case 'f': case 'm':
		case 'n': case 'u': case 'v': case 'x':
			if (asprintf(&setv[nset++], "-%c", c) < 0)
				abort();
			break;
		case OPT_NORC: norc = 1; break;
		case OPT_PLAIN: plain = 1; break;
		case OPT_HELP: help = 1; break;
		case OPT_VERSION:
			printf("ipcsh %s\n", IPCSH_VERSION);
			return setv_drop(setv, nset, 0);
		case OPT_LANG: lang = optarg; break;
		case OPT_SANDBOX: sandbox = 1; break;
		case OPT_TAPE: tape = optarg; break;
		case OPT_LESSON: lo.name = optarg; break;
		case OPT_PLAY: lo.play = 1; break;
		case OPT_STEP: lo.step = 1; break;
		case OPT_REFUTE: lo.refute = 1; break;
		case OPT_AGAIN: lo.again = 1; break;
		case OPT_SPEED:
			lo.speed = strtod(optarg, &end);
			if (*end != '\0' || lo.speed < 0) {
				sh_warnf("--speed: bad number %s", optarg);
				return setv_drop(setv, nset, 2);
			}
			break;
		case OPT_VIEW:
			run_view(argc, argv);
			break;
		default:
			usage(stderr);
			return setv_drop(setv, nset, 2);
		}
	}
	if (lang != NULL && i18n_set_lang(lang) < 0) {
		sh_warnf("--lang: %s: use en or zh", lang);
		return setv_drop(setv, nset, 2);
	}
	/* the programs it runs speak it too (an ipcs a program runs) */
	if (lang != NULL)
		setenv("IPCSH_LANG", lang, 1);
	if (help) {	/* after --lang, which may come after --help */
		usage(stdout);
		return setv_drop(setv, nset, 0);
	}
	if (cflag && optind >= argc) {
		sh_warnf("-c requires an argument");
		return setv_drop(setv, nset, 2);
	}
	/* --sandbox, or the teacher's /etc/ipcsh/sandbox.conf says so */
	sh_opt.sandbox = sandbox;
	if (sandbox_init() < 0)
		return setv_drop(setv, nset, 2);
	sh_pid = getpid();
	if (tape != NULL) {
		if (tape_start(tape) < 0)
			return setv_drop(setv, nset, 2);
		sh_opt.tape = 1;
	}
	var_init(environ);
	init_pwd();
	/* -e, -o errexit, ...: as set would take them */
	i = 1;
	c = options_parse(nset, setv, &i, &setargs, 1);
	setv_drop(setv, nset, 0);
	if (c != 0)
		return 2;
	i = optind;
	if (cflag) {
		i++;
		var_set_arg0(i < argc ? argv[i++] : argv[0]);
	} else if (!sflag && i < argc && lo.name == NULL) {
		var_set_arg0(argv[i++]);
	} else {
		var_set_arg0(argv[0]);
	}
	var_setargs(argc - i, argv + i);
	sh_opt.interactive = iflag || (!cflag && (sflag || optind >= argc ||
	    lo.name != NULL) && isatty(STDIN_FILENO) && isatty(STDERR_FILENO));
	sh_opt.stdin_mode = !cflag && (sflag || optind >= argc) &&
	    lo.name == NULL;
	term = getenv("TERM");
	sh_opt.plain = plain || (term != NULL && strcmp(term, "dumb") == 0) ||
	    !isatty(STDOUT_FILENO);
	jobs_init(sh_opt.interactive);
	if (sh_opt.interactive) {
		locale_init();
		input_init_interactive();
		if (!norc)
			read_rc();
	}
	if (lo.name != NULL) {
		c = lesson_start(&lo);
		if (lo.play || c != 0)
			sh_exit(c);
	}
	if (cflag) {
		in = input_string(argv[optind], NULL);
		loop_input(in, &top_hooks);
		input_free(in);
	} else if (!sflag && optind < argc && lo.name == NULL) {
		sh_exit(run_script(argv[optind]));
	} else {
		in = sh_opt.interactive ? input_tty() :
		    input_fd(STDIN_FILENO, NULL, 0);
		loop_input(in, &top_hooks);
		input_free(in);
	}
	sh_exit(sh_status);
}
