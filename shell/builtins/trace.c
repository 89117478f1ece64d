/*
 * trace.c - the trace builtin: runs one command with the tape on and
 * prints its tape when it ends: the calls the lecture teaches, in words
 * (or plain with --raw), then the pipeline's story.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "shell.h"
#include "tape.h"
#include "tape/recorder.h"

#define TR_MAXPIDS	4096

/* The processes of the command: started by the shell, and their children. */
struct tr_set {
	pid_t	pid[TR_MAXPIDS];
	int	n;
};

static int
tr_has(const struct tr_set *s, pid_t pid)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (s->pid[i] == pid)
			return 1;
	return 0;
}

static void
tr_put(struct tr_set *s, pid_t pid)
{
	if (s->n < TR_MAXPIDS && !tr_has(s, pid))
		s->pid[s->n++] = pid;
}

/* Whether record r belongs to the command; grows the set. */
static int
tr_mine(struct tr_set *s, const struct tape_rec *r)
{
	if (strcmp(r->event, "attach") == 0 &&
	    tape_num(r, "ppid", 0) == (long)sh_pid)
		tr_put(s, r->pid);
	if (strcmp(r->event, "fork") == 0 && tr_has(s, r->pid))
		tr_put(s, (pid_t)tape_num(r, "child", 0));
	if (strcmp(r->event, "signal_sent") == 0)
		return tr_has(s, r->pid) ||
		    tr_has(s, (pid_t)tape_num(r, "target", 0));
	return tr_has(s, r->pid);
}

/* The command line: one word is a command line, several are quoted. */
static char *
tr_text(int argc, char **argv)
{
	size_t len = 1;
	char *s, *p, *q;
	int i;

	if (argc == 1)
		return strdup(argv[0]);
	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) * 4 + 3;
	s = p = malloc(len);
	if (s == NULL)
		return NULL;
	for (i = 0; i < argc; i++) {
		*p++ = '\'';
		for (q = argv[i]; *q != '\0'; q++) {
			if (*q == '\'') {
				memcpy(p, "'\\''", 4);
				p += 4;
			} else {
				*p++ = *q;
			}
		}
		*p++ = '\'';
		*p++ = i + 1 < argc ? ' ' : '\0';
	}
	return s;
}

static void
tr_print(const char *file, long from, int raw)
{
	struct tape_follow *f = tape_follow_open(file, 0);
	struct tape_story *story = tape_story_new();
	struct tr_set *set = calloc(1, sizeof(*set));
	struct tape_rec r;
	char *line, *st;
	int zh = i18n_lang() == LANG_ZH;

	if (f == NULL || story == NULL || set == NULL) {
		bi_errorf("trace", "%s: %s", file, strerror(errno));
		goto out;
	}
	tape_follow_seek(f, from);
	while (tape_follow_next(f, &r) == 1) {
		if (tr_mine(set, &r) && strcmp(r.event, "attach") != 0) {
			line = raw ? tape_raw(&r) : tape_text(&r, zh);
			if (line != NULL)
				fprintf(stderr, "%s%s\n", raw ? "" : "  ", line);
			free(line);
			tape_story_add(story, &r);
		}
		tape_rec_free(&r);
	}
	st = raw ? NULL : tape_story_text(story, zh);
	if (st != NULL && *st != '\0')
		fprintf(stderr, "%s\n%s", tr("In short:", "总结："), st);
	free(st);
out:
	tape_follow_close(f);
	tape_story_free(story);
	free(set);
}

static int
bi_trace(int argc, char **argv)
{
	char tmp[4096], *text;
	const char *file;
	int c, raw = 0, own = 0, st;
	const struct bi_opt rows[] = {
		{ 'r', "raw", no_argument, &raw, 1 },
		{ 'h', "help", no_argument, NULL, 0 },
		{ 0, NULL, 0, NULL, 0 },
	};
	struct bi_opts g;
	long from;
	FILE *f;

	bi_opt_start(&g, "+", rows, argc, argv);
	while ((c = bi_opt_next(&g)) != -1) {
		switch (c) {
		case 'h':
			printf("%s\n", tr(
			    "usage: trace [--raw] command [arg...]\n"
			    "Runs command with the tape on and prints what its processes did:\n"
			    "fork, exec, pipes and their bytes, end of file, SIGPIPE, System V\n"
			    "calls, signals sent and delivered, handlers' rt_sigreturn, exits.\n"
			    "One word is a command line: trace 'cat f | grep x'.\n"
			    "  -r, --raw   the plain calls instead of sentences",
			    "用法：trace [--raw] 命令 [参数...]\n"
			    "打开录像运行命令，结束后打印其进程做了什么：fork、exec、管道及其字节数、\n"
			    "文件结束、SIGPIPE、System V 调用、信号的发送与递达、处理函数的\n"
			    "rt_sigreturn、退出。只有一个词时它是一整行命令：trace 'cat f | grep x'。\n"
			    "  -r, --raw   打印原始系统调用，而不是句子"));
			return 0;
		default:
			return bi_usage("trace");
		}
	}
	if (optind >= argc)
		return bi_usage("trace");
	text = tr_text(argc - optind, argv + optind);
	if (text == NULL)
		return bi_errorf("trace", "%s", strerror(errno));
	if (tape_file() == NULL) {
		if (tape_dir(tmp, sizeof(tmp), 1) < 0 ||
		    strlen(tmp) + 32 > sizeof(tmp)) {
			free(text);
			return bi_errorf("trace", "%s", strerror(errno));
		}
		snprintf(tmp + strlen(tmp), 32, "/trace.%d", (int)getpid());
		if (tape_start(tmp) < 0) {
			free(text);
			return 1;
		}
		own = 1;
	}
	file = tape_file();
	f = fopen(file, "re");
	from = 0;
	if (f != NULL) {
		fseek(f, 0, SEEK_END);
		from = ftell(f);
		fclose(f);
	}
	fflush(stdout);
	st = sh_eval(text, "trace");
	free(text);
	fflush(stdout);
	tape_sync();
	tr_print(file, from, raw);
	if (own) {
		snprintf(tmp, sizeof(tmp), "%s", file);
		tape_stop();
		unlink(tmp);
	}
	return st;
}

const struct builtin builtins_trace[] = {
	{ "trace", bi_trace, "trace [--raw] command [arg...]",
	    "run a command and print its tape (processes, pipes, signals)",
	    "运行命令并打印它的录像（进程、管道、信号）",
	    BI_OWNHELP },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
