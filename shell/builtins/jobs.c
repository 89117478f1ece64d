/*
 * jobs.c - the jobs family of builtins: jobs, fg, bg, wait, disown.
 * The job table itself lives in core/jobs.c.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "core/jobs.h"
#include "shell.h"

struct jobs_opt {
	int fmt;
};

static void
print_one(struct job *j, void *arg)
{
	job_print(j, ((struct jobs_opt *)arg)->fmt);
}

static int
bi_jobs(int argc, char **argv)
{
	struct jobs_opt o = { JOB_FMT_NORMAL };
	struct job *j;
	int c, i, rc = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt(argc, argv, "lp")) != -1) {
		switch (c) {
		case 'l':
			o.fmt = JOB_FMT_LONG;
			break;
		case 'p':
			o.fmt = JOB_FMT_PIDS;
			break;
		default:
			return bi_usage("jobs");
		}
	}
	jobs_reap();
	if (optind >= argc) {
		jobs_each(print_one, &o);
		return 0;
	}
	for (i = optind; i < argc; i++) {
		if ((j = job_find(argv[i], "jobs")) == NULL)
			rc = 1;
		else
			job_print(j, o.fmt);
	}
	return rc;
}

/* fg and bg need the terminal and process groups: job control on. */
static int
need_monitor(const char *who)
{
	if (sh_opt.monitor)
		return 0;
	bi_errorf(who, "no job control");
	return -1;
}

static int
bi_fg(int argc, char **argv)
{
	struct job *j;
	int rc;

	if (argc > 2)
		return bi_usage("fg");
	if (argc == 2 && strcmp(argv[1], "--") == 0)
		argc = 1;
	if (need_monitor("fg") < 0)
		return 1;
	if ((j = job_find(argc > 1 ? argv[1] : NULL, "fg")) == NULL)
		return 1;
	rc = job_fg(j);
	if (rc < 0)
		return bi_errorf("fg", "%s", strerror(errno));
	return rc;
}

static int
bi_bg(int argc, char **argv)
{
	struct job *j;
	int i = 1, rc = 0;

	if (argc > 1 && strcmp(argv[1], "--") == 0)
		i++;
	if (need_monitor("bg") < 0)
		return 1;
	if (i >= argc) {
		if ((j = job_find(NULL, "bg")) == NULL)
			return 1;
		if (job_bg(j) < 0)
			return bi_errorf("bg", "%s", strerror(errno));
		return 0;
	}
	for (; i < argc; i++) {
		if ((j = job_find(argv[i], "bg")) == NULL)
			rc = 1;
		else if (job_bg(j) < 0)
			rc = bi_errorf("bg", "%s: %s", argv[i],
			    strerror(errno));
	}
	return rc;
}

static int
bi_wait(int argc, char **argv)
{
	struct job *j;
	char *end;
	long pid;
	int i = 1, rc = 0;

	if (argc > 1 && strcmp(argv[1], "--") == 0)
		i++;
	if (i >= argc)
		return jobs_wait_all();
	/* POSIX: the status of the last operand */
	for (; i < argc; i++) {
		if (argv[i][0] == '%') {
			j = job_find(argv[i], "wait");
			rc = j != NULL ? job_wait(j) : 127;
			continue;
		}
		errno = 0;
		pid = strtol(argv[i], &end, 10);
		if (argv[i][0] != '\0' && *end == '\0' && pid > 0 &&
		    (errno == ERANGE || pid != (pid_t)pid)) {
			/* a pid_t, as the kernel takes it: never wrapped */
			bi_errorf("wait", tr("%s: pid out of range (1 to %d)",
			    "%s：进程号超出范围（1 到 %d）"), argv[i], INT_MAX);
			rc = 2;
			continue;
		}
		if (argv[i][0] == '\0' || *end != '\0' || pid <= 0) {
			bi_errorf("wait", "%s: not a pid or valid job spec",
			    argv[i]);
			rc = 2;
			continue;
		}
		rc = jobs_wait_for_pid((pid_t)pid);
	}
	return rc;
}

static void
disown_one(struct job *j, void *arg)
{
	(void)arg;
	job_disown(j);
}

static int
bi_disown(int argc, char **argv)
{
	struct job *j;
	int c, i, all = 0, rc = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt(argc, argv, "a")) != -1) {
		if (c != 'a')
			return bi_usage("disown");
		all = 1;
	}
	if (all) {
		jobs_each(disown_one, NULL);
		return 0;
	}
	if (optind >= argc) {
		if ((j = job_find(NULL, "disown")) == NULL)
			return 1;
		job_disown(j);
		return 0;
	}
	for (i = optind; i < argc; i++) {
		if ((j = job_find(argv[i], "disown")) == NULL)
			rc = 1;
		else
			job_disown(j);
	}
	return rc;
}

const struct builtin builtins_jobs[] = {
	{ "jobs", bi_jobs, "jobs [-l | -p] [%job...]",
	    "list jobs: [n], current (+) and previous (-), state, command",
	    "列出作业：[n]、当前 (+) 与上一个 (-)、状态、命令",
	    BI_NOFORK },
	{ "fg", bi_fg, "fg [%job]",
	    "give a job the terminal and continue it (SIGCONT) in the foreground",
	    "把终端交给作业，在前台继续它 (SIGCONT)",
	    BI_NOFORK },
	{ "bg", bi_bg, "bg [%job...]",
	    "continue stopped jobs (SIGCONT) in the background",
	    "在后台继续已停止的作业 (SIGCONT)",
	    BI_NOFORK },
	{ "wait", bi_wait, "wait [pid | %job...]",
	    "wait for background jobs to end; status of the last one",
	    "等待后台作业结束；返回最后一个的状态",
	    BI_NOFORK },
	{ "disown", bi_disown, "disown [-a] [%job...]",
	    "remove jobs from the table; the shell no longer reports them",
	    "把作业移出作业表，shell 不再报告它们",
	    BI_NOFORK },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
