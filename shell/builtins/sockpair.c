/*
 * sockpair.c - the socket family: socketpair [-t TYPE] CMD1... -- CMD2...
 * runs two commands joined by a socketpair(2), one job, like a pipeline.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/exec.h"
#include "core/jobs.h"
#include "core/spawn.h"
#include "core/trap.h"
#include "i18n.h"
#include "shell.h"
#include "sysvcmd.h"

static const char sockpair_help[] =
    "Runs CMD1 and CMD2 as one job joined by a socketpair(2) instead of a pipe:\n"
    "each gets its end as standard input and standard output (standard error\n"
    "stays the terminal). Unlike a pipe, a socket carries data both ways: what\n"
    "CMD1 writes CMD2 reads, and what CMD2 writes CMD1 reads. -t chooses the\n"
    "type: stream (the default, bytes like a pipe), dgram (messages kept\n"
    "apart) or seqpacket (messages, connected). The pane shows both ends and\n"
    "the bytes queued each way.\n";

static const char sockpair_help_zh[] =
    "把 CMD1 和 CMD2 作为一个作业运行，用套接字对 socketpair(2) 而不是管道连接：\n"
    "每个命令的标准输入和标准输出都是自己那一端（标准错误仍是终端）。与管道不同，\n"
    "套接字是双向的：CMD1 写的由 CMD2 读，CMD2 写的由 CMD1 读。-t 选择类型：\n"
    "stream（默认，字节流，同管道）、dgram（数据报，消息彼此分开）或 seqpacket\n"
    "（有连接的消息）。面板显示两端及每个方向排队的字节数。\n";

static int
sockpair_type(const char *s)
{
	if (strcmp(s, "stream") == 0)
		return SOCK_STREAM;
	if (strcmp(s, "dgram") == 0 || strcmp(s, "datagram") == 0)
		return SOCK_DGRAM;
	if (strcmp(s, "seqpacket") == 0)
		return SOCK_SEQPACKET;
	return -1;
}

/* In the child: its end as fds 0 and 1, then the command. Never returns. */
static void
sockpair_child(struct job *j, const sigset_t *old, int end, int other,
    char **argv)
{
	const struct builtin *bi;
	int argc;

	spawn_child_init(j, old);
	close(other);
	if (dup2(end, 0) < 0 || dup2(end, 1) < 0)
		_exit(126);
	if (end > 1)
		close(end);
	for (argc = 0; argv[argc] != NULL; argc++)
		;
	if ((bi = builtin_find(argv[0])) != NULL) {
		spawn_tell("builtin", argc, argv);
		fflush(stdout);
		sh_exit(builtin_call(bi, argc, argv));
	}
	sh_exit(spawn_replace(argv));
}

/*
 * In a subshell of its own (socketpair ... & without job control), the
 * job's one pid is the subshell's: a SIGTERM or SIGHUP sent to it (kill
 * %1) is passed on to the two commands, as it would reach both of a
 * pipeline, and then ends the subshell. signal-safety(7): kill(2),
 * sigaction(2), raise(3).
 */
static volatile pid_t sp_kids[2];

static void
sp_forward(int sig)
{
	int i;

	for (i = 0; i < 2; i++)
		if (sp_kids[i] > 0)
			kill(sp_kids[i], sig);
	trap_disposition(sig, SIG_DFL, 0);
	raise(sig);
}

static void
sp_forward_from(void)
{
	static const int sigs[] = { SIGTERM, SIGHUP };
	struct sigaction sa;
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], NULL, &sa) == 0 &&
		    sa.sa_handler == SIG_DFL)
			trap_disposition(sigs[i], sp_forward, 0);
}

static int
sockpair_run(int type, char **cmd1, char **cmd2, char *text)
{
	struct job *j;
	sigset_t old;
	pid_t pid;
	int sv[2];

	if (socketpair(AF_UNIX, type | SOCK_CLOEXEC, 0, sv) < 0)
		return ipcerr_report("socketpair", "socketpair", errno, NULL);
	fflush(stdout);
	jobs_block(&old);
	j = job_new(text, 1);
	pid = fork();
	if (pid == 0)
		sockpair_child(j, &old, sv[0], sv[1], cmd1);
	if (pid > 0) {
		job_add(j, pid, cmd1[0]);
		sp_kids[0] = pid;
	}
	if (pid > 0 && (pid = fork()) == 0)
		sockpair_child(j, &old, sv[1], sv[0], cmd2);
	if (pid > 0) {
		job_add(j, pid, cmd2[0]);
		sp_kids[1] = pid;
	} else
		sh_errorf("fork: %s", strerror(errno));
	if (exec_in_child)
		sp_forward_from();
	close(sv[0]);
	close(sv[1]);
	jobs_unblock(&old);
	return job_run(j);
}

static int
bi_socketpair(int argc, char **argv)
{
	static const struct bi_opt rows[] = {
		{ 't', "type", required_argument, NULL, 0 },
		{ BI_OPT_LONG | 'h', "help", no_argument, NULL, 0 },
		{ 0, NULL, 0, NULL, 0 },
	};
	int opt, type = SOCK_STREAM, i, sep = -1, st;
	struct bi_opts g;
	char *text, **cmd1;

	/* "+": the options end at the first command word */
	bi_opt_start(&g, "+", rows, argc, argv);
	while ((opt = bi_opt_next(&g)) != -1) {
		switch (opt) {
		case 't':
			if ((type = sockpair_type(optarg)) < 0)
				return sysvcmd_bad(argv[0], tr("type",
				    "类型"), optarg);
			break;
		case 'h':
			return bi_help_text(argv[0], tr(sockpair_help,
			    sockpair_help_zh));
		default:
			return bi_usage(argv[0]);
		}
	}
	for (i = optind; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			sep = i;
			break;
		}
	if (sep < 0 || sep == optind || sep == argc - 1) {
		bi_errorf(argv[0], "%s", sep < 0 ?
		    tr("no -- between the two commands",
		    "两个命令之间缺少 --") :
		    tr("a command is missing on one side of --",
		    "-- 的一侧缺少命令"));
		return bi_usage(argv[0]);
	}
	/* cmd1 as its own NULL-terminated vector; cmd2 ends argv's */
	cmd1 = calloc((size_t)(sep - optind + 1), sizeof(*cmd1));
	/* "socketpair a b -- c": the job's text, for jobs and the pane */
	text = bi_join(argc, argv);
	if (cmd1 == NULL || text == NULL) {
		free(cmd1);
		free(text);
		return bi_errorf(argv[0], "%s", strerror(ENOMEM));
	}
	memcpy(cmd1, argv + optind, (size_t)(sep - optind) * sizeof(*cmd1));
	st = sockpair_run(type, cmd1, argv + sep + 1, text);
	free(cmd1);
	free(text);
	return st;
}

const struct builtin builtins_sock[] = {
	{ "socketpair", bi_socketpair,
	  "socketpair [-t stream|dgram|seqpacket] CMD1... -- CMD2...",
	  "run two commands joined by a socketpair(2), both ways",
	    "运行两个由 socketpair(2) 双向连接的命令",
	  BI_OWNHELP },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
