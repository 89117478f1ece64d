/*
 * tapewatch.c - unit tests of the tape beside a watch (tapewatch.h): tape
 * lines fed one by one, grouped by job (process group) or, without job
 * control, by time; each group's lines in both languages; the feed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapewatch.h"
#include "unit.h"
#include "watch.h"

#define SH	"100"

/* cat readme.txt | grep rcore as job 101, the shell being 100. */
static const char *const pipeline[] = {
	/* grep hands itself over first: the command line keeps pid order */
	"10.000100 102 attach ppid=" SH,
	"10.000200 101 attach ppid=" SH,
	"10.000300 101 exec argv=cat,readme.txt path=/usr/bin/cat follow=calls pgid=101",
	"10.000310 101 pipe_fd inode=88 fd=1 end=write",
	"10.000400 102 exec argv=grep,rcore path=/usr/bin/grep follow=calls pgid=101",
	"10.000410 102 pipe_fd inode=88 fd=0 end=read",
	"10.000500 101 pipe_io inode=88 fd=1 op=write bytes=230 calls=1",
	"10.000600 101 exit status=0 pgid=101",
	"10.000700 102 pipe_io inode=88 fd=0 op=read bytes=230 calls=1",
	"10.000800 102 pipe_io inode=88 fd=0 op=eof bytes=0 calls=1",
	"10.000900 102 exit status=0 pgid=101",
	NULL,
};

/* A later job, a handler: the shell's kill is the target's. */
static const char *const handler[] = {
	"11.000100 104 attach ppid=" SH,
	"11.000200 104 exec argv=./sig path=/home/s/sig follow=calls pgid=104",
	"11.100000 " SH " signal_sent signal=USR1 target=104 how=kill",
	"11.100100 104 signal_delivered signal=USR1 action=handler",
	"11.100200 104 sigreturn signal=USR1",
	NULL,
};

/* Without job control: every child in the shell's group (0 unknown). */
static const char *const nojobs[] = {
	"12.000000 201 attach ppid=" SH,
	"12.000010 202 attach ppid=" SH,
	"12.000100 201 exec argv=yes path=/usr/bin/yes follow=calls",
	"12.000200 202 exec argv=head,-n,1 path=/usr/bin/head follow=calls",
	"12.000300 202 exit status=0",
	"12.000400 201 pipe_io inode=90 fd=1 op=write bytes=8192 calls=1 errno=EPIPE",
	"12.000500 201 exit signal=PIPE blocked=write fd=1 on=pipe inode=90",
	"13.000000 203 attach ppid=" SH,
	"13.000100 203 exec argv=true path=/bin/true follow=events",
	"13.000200 203 exit status=0",
	NULL,
};

static void
feed(struct tapewatch *tw, const char *const *lines)
{
	int i;

	for (i = 0; lines[i] != NULL; i++)
		if (tapewatch_add_line(tw, lines[i]) < 0)
			printf("# bad line %s\n", lines[i]);
	tapewatch_poll(tw, NULL);
}

/* A group's lines joined with " / ". */
static char *
lines(const struct tapewatch_group *g, int zh)
{
	static char buf[2048];
	int i;

	buf[0] = '\0';
	for (i = 0; g != NULL && i < g->nlines; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s",
		    i ? " / " : "", zh ? g->zh[i] : g->en[i]);
	return g ? buf : NULL;
}

/* The lines of group i of tw (0 the newest), as lines() joins them. */
static char *
group_lines(const struct tapewatch *tw, size_t i, int zh)
{
	return lines(tapewatch_group(tw, i), zh);
}

/* A group's command line and lines in both languages: NAME-cmd, -en, -zh. */
static void
group_check(const char *name, const struct tapewatch_group *g,
    const char *cmd, const char *en, const char *zh)
{
	char n[64];

	snprintf(n, sizeof(n), "%s-cmd", name);
	unit_check("tapewatch", n, cmd, g ? g->cmd : NULL);
	snprintf(n, sizeof(n), "%s-en", name);
	unit_check("tapewatch", n, en, lines(g, 0));
	snprintf(n, sizeof(n), "%s-zh", name);
	unit_check("tapewatch", n, zh, lines(g, 1));
}

static const char *
num(long n)
{
	static char buf[32];

	snprintf(buf, sizeof(buf), "%ld", n);
	return buf;
}


/* A sample of the shell 100 with its children (pids, 0-ended). */
static struct snapshot *
sample(const pid_t *kids)
{
	struct snapshot *s = calloc(1, sizeof(*s));
	struct snap_proc *p;
	size_t n = 1, i;

	while (kids[n - 1] != 0)
		n++;
	s->root = 100;
	s->procs = calloc(n, sizeof(*s->procs));
	for (i = 0; i < n; i++) {
		p = &s->procs[s->nprocs++];
		p->pid = i ? kids[i - 1] : 100;
		p->ppid = i ? 100 : 1;
		p->state = 'S';
		snprintf(p->comm, sizeof(p->comm), "%s", i ? "true" : "ipcsh");
		p->argv = calloc(2, sizeof(char *));
		p->argv[0] = strdup(p->comm);
		p->argc = 1;
	}
	return s;
}

/*
 * The watch saw 301 start, which the tape tells (it exec'd): that event
 * is left out, and the newest group is still the feed's top, not the
 * left-out event drawn in its place.
 */
static void
check_told(void)
{
	static const pid_t none[] = { 0 }, one[] = { 301, 0 };
	static const char *const lines[] = {
		"30.000100 301 attach ppid=100",
		"30.000200 301 exec argv=/bin/true path=/bin/true follow=events pgid=301",
		"30.000300 301 exit status=0 pgid=301",
		"31.000100 302 attach ppid=100",
		"31.000200 302 exec argv=sleep,31 path=/bin/sleep follow=events pgid=302",
		NULL,
	};
	const struct tapewatch_item *it;
	struct tapewatch *tw = tapewatch_new(NULL, 100, NULL);
	pid_t root = 100;
	struct watch *w = watch_new(&root, 1, NULL, NULL);
	char got[512];
	size_t i;
	int k;

	if (tw == NULL || w == NULL) {
		unit_check("tapewatch", "told-left-out", "a watch", NULL);
		tapewatch_free(tw);
		watch_free(w);
		return;
	}
	watch_add(w, sample(none), NULL);
	watch_add(w, sample(one), NULL);
	for (k = 0; lines[k] != NULL; k++)
		tapewatch_add_line(tw, lines[k]);
	tapewatch_poll(tw, w);
	got[0] = '\0';
	for (i = 0; (it = tapewatch_feed(tw, i)) != NULL; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got),
		    "%s%d.%d ", it->ev ? "event " : "", it->group, it->line);
	unit_check("tapewatch", "told-left-out", "2.0 1.0 1.1 ", got);
	tapewatch_free(tw);
	watch_free(w);
}

/* Job pid as the hosted shell 100 runs it: attach, exec argv, exit how. */
static void
job(struct tapewatch *tw, int t, int pid, const char *argv, const char *how)
{
	char line[256];

	snprintf(line, sizeof(line), "40.%06d %d attach ppid=100", t, pid);
	tapewatch_add_line(tw, line);
	snprintf(line, sizeof(line), "40.%06d %d exec argv=%s path=/bin/x "
	    "follow=events pgid=%d", t + 1, pid, argv, pid);
	tapewatch_add_line(tw, line);
	snprintf(line, sizeof(line), "40.%06d %d exit %s pgid=%d", t + 2, pid,
	    how, pid);
	tapewatch_add_line(tw, line);
}

/* The groups' headings, newest first, joined with " ; ". */
static char *
headings(const struct tapewatch *tw, int zh)
{
	static char buf[2048];
	const struct tapewatch_group *g;
	size_t i;

	buf[0] = '\0';
	for (i = 0; (g = tapewatch_group(tw, i)) != NULL; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s",
		    i ? " ; " : "", g->nlines ? (zh ? g->zh[0] : g->en[0]) :
		    "?");
	return buf;
}

/*
 * Runs of the same plain command are one entry with a count; a pipe, a
 * signal or another status ends a run; the story after a run of 1000 is
 * the newest, told whole.
 */
static void
check_runs(void)
{
	struct tapewatch *tw = tapewatch_new(NULL, 100, NULL);
	const struct tapewatch_item *it;
	const struct tapewatch_group *g;
	char got[512];
	int i, t = 0, pid = 2000;

	if (tw == NULL)
		return;
	for (i = 0; i < 1000; i++, t += 10)
		job(tw, t, pid++, "/bin/true", "status=0");
	tapewatch_poll(tw, NULL);
	unit_check("tapewatch", "runs-one-entry",
	    "/bin/true ×1000, each exited with status 0", headings(tw, 0));
	unit_check("tapewatch", "runs-one-entry-zh",
	    "/bin/true ×1000，每次都以状态 0 退出", headings(tw, 1));
	g = tapewatch_group(tw, 0);
	snprintf(got, sizeof(got), "%d %d %d", g ? g->runs : -1,
	    g ? g->nproc : -1, g ? g->nlines : -1);
	unit_check("tapewatch", "runs-count", "1000 1000 1", got);
	/* its records are its last run's */
	{
		struct tapewatch_step *st;
		size_t n;

		st = tapewatch_steps(tw, g ? g->id : -1, 0, &n);
		snprintf(got, sizeof(got), "%zu %d", n, n ? (int)st[0].pid : 0);
		unit_check("tapewatch", "runs-steps-last", "2 2999", got);
		tapewatch_steps_free(st, n);
	}

	/* a signal's story stays whole; a status of 1 is a run of its own */
	feed(tw, (const char *const[]){
	    "41.000100 3000 attach ppid=100",
	    "41.000200 3000 exec argv=sleep,31 path=/bin/sleep follow=events pgid=3000",
	    "41.100000 100 signal_sent signal=TERM target=3000 how=kill",
	    "41.100100 3000 signal_delivered signal=TERM action=default",
	    "41.100200 3000 exit signal=TERM blocked=nanosleep pgid=3000",
	    NULL });
	t = 200000;
	job(tw, t, 3001, "/bin/true", "status=0");
	job(tw, t + 10, 3002, "/bin/true", "status=0");
	job(tw, t + 20, 3003, "/bin/true", "status=1");
	job(tw, t + 30, 3004, "false", "status=1");
	job(tw, t + 40, 3005, "false", "status=1");
	tapewatch_poll(tw, NULL);
	unit_check("tapewatch", "runs-broken",
	    "false ×2, each exited with status 1 ; /bin/true ; "
	    "/bin/true ×2, each exited with status 0 ; sleep 31 ; "
	    "/bin/true ×1000, each exited with status 0", headings(tw, 0));
	unit_check("tapewatch", "runs-signal-whole",
	    "sleep 31 / sleep 3000: SIGTERM from 100 (kill) / "
	    "→ default action / sleep 3000: killed by SIGTERM",
	    group_lines(tw, 3, 0));

	/* two pipelines with the same command line stay two */
	for (i = 0; i < 2; i++) {
		static const char *const fmt[] = {
			"5%d.000100 %d attach ppid=100",
			"5%d.000200 %d attach ppid=100",
			"5%d.000300 %d exec argv=cat,readme.txt path=/usr/bin/cat follow=calls pgid=%d",
			"5%d.000310 %d pipe_fd inode=89 fd=1 end=write",
			"5%d.000400 %d exec argv=grep,rcore path=/usr/bin/grep follow=calls pgid=%d",
			"5%d.000410 %d pipe_fd inode=89 fd=0 end=read",
			"5%d.000600 %d exit status=0 pgid=%d",
			"5%d.000900 %d exit status=0 pgid=%d",
		};
		static const int who[] = { 0, 1, 0, 0, 1, 1, 0, 1 };
		char line[256];
		size_t k;

		for (k = 0; k < sizeof(fmt) / sizeof(fmt[0]); k++) {
			snprintf(line, sizeof(line), fmt[k], i,
			    4000 + 2 * i + who[k], 4000 + 2 * i);
			tapewatch_add_line(tw, line);
		}
	}
	tapewatch_poll(tw, NULL);
	snprintf(got, sizeof(got), "%s", headings(tw, 0));
	got[strlen("cat readme.txt | grep rcore ; cat readme.txt | grep rcore"
	    " ; false ×2")] = '\0';
	unit_check("tapewatch", "runs-pipeline-whole",
	    "cat readme.txt | grep rcore ; cat readme.txt | grep rcore ; "
	    "false ×2", got);

	/* the feed's top after the run: the story of the command after it */
	it = tapewatch_feed(tw, 0);
	unit_check("tapewatch", "runs-then-newest", "cat readme.txt | grep rcore",
	    it != NULL && it->ev == NULL ? it->en : NULL);
	tapewatch_free(tw);
}

/*
 * A forked shell that runs a builtin (no execve) is named by its exec
 * record with builtin=1: the story says it wrote into the pipe, and the
 * command line has it. A FIFO is told by its path.
 */
static void
check_builtin(void)
{
	static const char *const echo[] = {
		"30.000100 301 attach ppid=" SH,
		"30.000200 302 attach ppid=" SH,
		"30.000300 301 exec argv=echo,hello builtin=1 follow=calls pgid=301",
		"30.000310 301 pipe_fd inode=88 fd=1 end=write",
		"30.000400 302 exec argv=cat path=/usr/bin/cat follow=calls pgid=301",
		"30.000410 302 pipe_fd inode=88 fd=0 end=read",
		"30.000500 301 pipe_io inode=88 fd=1 op=write bytes=6 calls=1",
		"30.000600 301 exit status=0 pgid=301",
		"30.000700 302 pipe_io inode=88 fd=0 op=read bytes=6 calls=1",
		"30.000800 302 pipe_io inode=88 fd=0 op=eof",
		"30.000900 302 exit status=0 pgid=301",
		"31.000100 303 attach ppid=" SH,
		"31.000200 303 exec argv=echo,README builtin=1 follow=calls pgid=303",
		"31.000300 303 fifo_open path=name.fifo inode=90 fd=3 end=write",
		"31.000400 303 pipe_io inode=90 fd=1 op=write bytes=7 calls=1",
		"31.000500 303 exit status=0 pgid=303",
		NULL,
	};
	struct tapewatch *tw = tapewatch_new(NULL, 100, NULL);

	if (tw == NULL)
		return;
	feed(tw, echo);
	group_check("builtin", tapewatch_group(tw, 1), "echo hello | cat",
	    "echo hello | cat / pipe 88: echo 301 (builtin) wrote 6 bytes / "
	    "→ cat 302 read 6 bytes, then end of file / "
	    "both exited with status 0",
	    "echo hello | cat / 管道 88：echo 301（内建命令）写入 6 字节 / "
	    "→ cat 302 读出 6 字节，然后读到文件结束 / "
	    "两个进程都以状态 0 退出");
	group_check("builtin-fifo", tapewatch_group(tw, 0), "echo README",
	    "echo README / FIFO name.fifo: echo 303 (builtin) wrote 7 bytes / "
	    "→ (not on the tape) / echo 303 (builtin): exited with status 0",
	    "echo README / 命名管道 name.fifo：echo 303（内建命令）写入 7 字节 / "
	    "→ （不在录像中） / echo 303（内建命令）：退出，状态 0");
	tapewatch_free(tw);
}

/*
 * The FIFO slide: shell A (pid 500, another tape) writes with its own
 * echo, told by the shell (own=1); shell B's cat reads. The shell's
 * records join cat's story whether they come before or after it.
 */
static void
check_own(void)
{
	static const char *const shell_a[] = {
		"50.000100 500 fifo_open own=1 cmd=echo inode=95 path=name.fifo fd=1 end=write",
		"50.000300 500 pipe_io own=1 cmd=echo inode=95 path=name.fifo fd=1 op=write bytes=7 calls=1",
		/* another FIFO, and one long before: neither is cat's */
		"50.000400 500 pipe_io own=1 cmd=echo inode=96 fd=1 op=write bytes=3 calls=1",
		"40.000400 500 pipe_io own=1 cmd=echo inode=95 fd=1 op=write bytes=5 calls=1",
		NULL,
	};
	static const char *const shell_b[] = {
		"50.000100 601 attach ppid=100",
		"50.000200 601 exec argv=cat,name.fifo path=/bin/cat follow=calls pgid=601",
		"50.000250 601 fifo_open path=name.fifo inode=95 fd=3 end=read",
		"50.000400 601 pipe_io inode=95 fd=3 op=read bytes=7 calls=1",
		"50.000500 601 pipe_io inode=95 fd=3 op=eof",
		"50.000600 601 exit status=0 pgid=601",
		NULL,
	};
	static const char en[] = "cat name.fifo / FIFO name.fifo: echo 500 "
	    "(in the shell itself) wrote 7 bytes / → cat 601 read 7 "
	    "bytes, then end of file / cat 601: exited with status 0";
	static const char zh[] = "cat name.fifo / 命名管道 name.fifo：echo 500"
	    "（shell 自身）写入 7 字节 / → cat 601 读出 7 字节，"
	    "然后读到文件结束 / cat 601：退出，状态 0";
	struct tapewatch *tw;
	int order;

	for (order = 0; order < 2; order++) {
		if ((tw = tapewatch_new(NULL, 100, NULL)) == NULL)
			return;
		feed(tw, order ? shell_a : shell_b);
		feed(tw, order ? shell_b : shell_a);
		group_check(order ? "own-before" : "own-after",
		    tapewatch_group(tw, 0), "cat name.fifo", en, zh);
		unit_check("tapewatch", order ? "own-before-groups" :
		    "own-after-groups", "1", num((long)tapewatch_ngroups(tw)));
		tapewatch_free(tw);
	}
}

int
main(void)
{
	struct tapewatch *tw = tapewatch_new(NULL, 100, NULL);
	const struct tapewatch_group *g;
	const struct tapewatch_item *it;
	char got[512];
	size_t i;

	if (tw == NULL)
		return 2;
	feed(tw, pipeline);
	unit_check("tapewatch", "pipeline-one-group", "1",
	    num((long)tapewatch_ngroups(tw)));
	g = tapewatch_group(tw, 0);
	group_check("pipeline", g, "cat readme.txt | grep rcore",
	    "cat readme.txt | grep rcore / pipe 88: cat 101 wrote 230 bytes / "
	    "→ grep 102 read 230 bytes, then end of file / "
	    "both exited with status 0",
	    "cat readme.txt | grep rcore / 管道 88：cat 101 写入 230 字节 / "
	    "→ grep 102 读出 230 字节，然后读到文件结束 / "
	    "两个进程都以状态 0 退出");
	unit_check("tapewatch", "pipeline-ended", "2 0",
	    g ? (snprintf(got, sizeof(got), "%d %d", g->nproc, g->nlive),
	    got) : NULL);
	unit_check("tapewatch", "pipeline-last-ended", "1",
	    tapewatch_last_ended(tw) ? num(tapewatch_last_ended(tw)->id) :
	    NULL);

	feed(tw, handler);
	g = tapewatch_group(tw, 0);
	unit_check("tapewatch", "handler-own-group", "2",
	    num((long)tapewatch_ngroups(tw)));
	unit_check("tapewatch", "handler-running", "./sig  (running)",
	    g && g->nlines ? g->en[0] : NULL);
	unit_check("tapewatch", "handler-running-zh", "./sig（运行中）",
	    g && g->nlines ? g->zh[0] : NULL);
	unit_check("tapewatch", "handler-story",
	    "./sig  (running) / sig 104: SIGUSR1 from 100 (kill) / "
	    "→ its handler ran, then returned with rt_sigreturn", lines(g, 0));
	unit_check("tapewatch", "handler-story-zh",
	    "./sig（运行中） / sig 104：收到 100 用 kill 发来的 SIGUSR1 / "
	    "→ 执行处理函数，然后经 rt_sigreturn 返回", lines(g, 1));
	/* the shell's kill and the delivery belong to the handler's group */
	got[0] = '\0';
	for (i = 0; i < tapewatch_nrecs(tw); i++)
		if (tapewatch_rec_group(tw, i) == (g ? g->id : -1))
			snprintf(got + strlen(got), sizeof(got) - strlen(got),
			    "%s ", tapewatch_rec(tw, i)->event);
	unit_check("tapewatch", "handler-records",
	    "attach exec signal_sent signal_delivered sigreturn ", got);
	{
		struct tapewatch_step *st;
		size_t n, k;

		st = tapewatch_steps(tw, 0, 104, &n);
		got[0] = '\0';
		for (k = 0; k < n; k++)
			snprintf(got + strlen(got), sizeof(got) - strlen(got),
			    "%s|", st[k].raw);
		unit_check("tapewatch", "steps-of-pid",
		    "104 execve(\"/home/s/sig\", [./sig]) = 0|100 kill(104, SIGUSR1)|"
		    "104 --- SIGUSR1 (handler) ---|104 rt_sigreturn() (SIGUSR1 handler)|",
		    got);
		tapewatch_steps_free(st, n);
		st = tapewatch_steps(tw, 1, 0, &n);
		unit_check("tapewatch", "steps-of-group", "9 cat readme.txt",
		    n == 9 ? (snprintf(got, sizeof(got), "%zu %s", n,
		    st[0].en + strlen("101 execs ")), got) : num((long)n));
		tapewatch_steps_free(st, n);
	}
	unit_check("tapewatch", "handler-last-ended-is-pipeline", "1",
	    tapewatch_last_ended(tw) ? num(tapewatch_last_ended(tw)->id) :
	    NULL);

	/* the feed: newest group first, each group's lines in order */
	got[0] = '\0';
	for (i = 0; (it = tapewatch_feed(tw, i)) != NULL; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got),
		    "%d.%d ", it->group, it->line);
	unit_check("tapewatch", "feed-order", "2.0 2.1 2.2 1.0 1.1 1.2 1.3 ",
	    got);
	tapewatch_free(tw);

	tw = tapewatch_new(NULL, 100, NULL);
	feed(tw, nojobs);
	unit_check("tapewatch", "nojobs-groups", "2",
	    num((long)tapewatch_ngroups(tw)));
	unit_check("tapewatch", "nojobs-pipeline",
	    "yes | head -n 1 / pipe 90: yes 201 wrote 8192 bytes, then its "
	    "write failed (EPIPE) / → (not on the tape) / yes 201: killed by SIGPIPE / "
	    "head 202: exited with status 0", group_lines(tw, 1, 0));
	unit_check("tapewatch", "nojobs-alone",
	    "true / true 203: exited with status 0", group_lines(tw, 0, 0));
	unit_check("tapewatch", "bad-line", "-1",
	    num(tapewatch_add_line(tw, "not a record")));
	tapewatch_free(tw);

	/* 3000 jobs: records, units and groups wrap around; the newest stay */
	tw = tapewatch_new(NULL, 100, NULL);
	for (i = 0; i < 3000; i++) {
		char line[128];
		int pid = 1000 + (int)i;

		snprintf(line, sizeof(line), "20.%06d %d attach ppid=100",
		    (int)i, pid);
		tapewatch_add_line(tw, line);
		snprintf(line, sizeof(line), "20.%06d %d exec argv=job%d "
		    "path=/bin/true follow=events pgid=%d", (int)i, pid,
		    (int)i, pid);
		tapewatch_add_line(tw, line);
		snprintf(line, sizeof(line), "20.%06d %d exit status=0 "
		    "pgid=%d", (int)i, pid, pid);
		tapewatch_add_line(tw, line);
	}
	tapewatch_poll(tw, NULL);
	snprintf(got, sizeof(got), "%zu %zu %s %s", tapewatch_nrecs(tw),
	    tapewatch_ngroups(tw), tapewatch_group(tw, 0) ?
	    tapewatch_group(tw, 0)->cmd : "-", tapewatch_group(tw, 63) ?
	    tapewatch_group(tw, 63)->cmd : "-");
	unit_check("tapewatch", "wrap", "4096 64 job2999 job2936", got);
	tapewatch_free(tw);
	check_told();
	check_runs();
	check_builtin();
	check_own();
	return unit_failed;
}
