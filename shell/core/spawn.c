/*
 * spawn.c - running programs: PATH lookup and its cache, execve(2),
 * the vfork(2) fast path with its plan, and fork(2) of commands,
 * subshells and pipelines of real pipe2(2)s through the job table.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "exec.h"
#include "expand.h"
#include "jobs.h"
#include "lex.h"
#include "parse.h"
#include "redir.h"
#include "shell.h"
#include "func.h"
#include "spawn.h"
#include "var.h"

/*
 * In a child: execve(2) argv[0], searching PATH when it has no '/'.
 * Never returns: 127 when not found, 126 when found but not runnable.
 */
static void __attribute__((noreturn))
exec_path(char **argv)
{
	int st = spawn_replace(argv);

	_exit(st);
}

/* ENOEXEC: a file without #! is a shell script (XCU 2.9.1.1). */
static void
exec_script(const char *path, char **argv, char **envp)
{
	int n;
	char **v;

	for (n = 0; argv[n] != NULL; n++)
		;
	v = calloc(n + 2, sizeof(char *));
	if (v == NULL)
		return;
	v[0] = "ipcsh";
	v[1] = (char *)path;
	memcpy(v + 2, argv + 1, n * sizeof(char *));
	execve("/proc/self/exe", v, envp);
	free(v);
}

/* command -p: the PATH the search uses instead of $PATH (a child's). */
static char *search_path;

int
spawn_replace(char **argv)
{
	const char *path, *p, *colon;
	char **envp = var_environ();
	char buf[4096];
	int eacces = 0, err;
	size_t dl;

	fflush(stdout);
	if (argv[0][0] == '\0') {
		sh_errorf(": not found");
		return 127;
	}
	if (strchr(argv[0], '/') != NULL) {
		execve(argv[0], argv, envp);
		err = errno;
		if (err == ENOEXEC)
			exec_script(argv[0], argv, envp);
		sh_errorf("%s: %s", argv[0], err == ENOENT ? "not found" :
		    strerror(err));
		return err == ENOENT || err == ENOTDIR ? 127 : 126;
	}
	path = search_path != NULL ? search_path : var_get("PATH");
	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; p != NULL; p = colon ? colon + 1 : NULL) {
		colon = strchr(p, ':');
		dl = colon ? (size_t)(colon - p) : strlen(p);
		if (dl + strlen(argv[0]) + 2 > sizeof(buf))
			continue;
		if (dl == 0) {
			snprintf(buf, sizeof(buf), "%s", argv[0]);
		} else {
			memcpy(buf, p, dl);
			buf[dl] = '/';
			strcpy(buf + dl + 1, argv[0]);
		}
		execve(buf, argv, envp);
		if (errno == ENOEXEC)
			exec_script(buf, argv, envp);
		if (errno == EACCES)
			eacces = 1;
	}
	if (eacces) {
		sh_errorf("%s: %s", argv[0], strerror(EACCES));
		return 126;
	}
	sh_errorf("%s: not found", argv[0]);
	return 127;
}

/*
 * The fast path for external commands: vfork(2) and execve(2) (see
 * spawn_cmd). Only where it gives exactly what fork + job_child + exec
 * would: no job control (no process group, no terminal), no sandbox
 * filter, no SIGINT/SIGQUIT to ignore (background), no set -x. Signal
 * handlers are reset by execve(2) itself; what the shell ignores stays
 * ignored, as job_child leaves it.
 */
static int
can_spawn(void)
{
	return !sh_opt.monitor && !sh_opt.interactive && !sh_opt.sandbox &&
	    !sh_opt.xtrace;
}

/*
 * The PATH lookup cache: name -> path, dropped when PATH changes. The
 * commands the shell itself ran are the ones `hash` lists (dash's table:
 * 31 buckets, its hash function, new names at the end of a bucket).
 */
#define NHASH 31
static struct pathent {
	char *name, *path;
	int listed;		/* run by the shell: hash lists it */
	int rehash;		/* a cd since: listed with '*' */
	struct pathent *next;
} *path_hash[NHASH];
static char *path_seen;

static void
path_flush(void)
{
	struct pathent *pe, *next;
	int i;

	for (i = 0; i < NHASH; i++) {
		for (pe = path_hash[i]; pe != NULL; pe = next) {
			next = pe->next;
			free(pe->name);
			free(pe->path);
			free(pe);
		}
		path_hash[i] = NULL;
	}
}

/* The entry for the executable regular file name is in PATH, or NULL. */
static struct pathent *
path_entry(const char *name)
{
	const char *path = var_get("PATH"), *p, *colon;
	struct pathent *pe, **pp;
	struct stat st;
	unsigned h;
	char buf[4096];
	const char *s;
	size_t dl;

	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	if (path_seen == NULL || strcmp(path_seen, path) != 0) {
		path_flush();
		free(path_seen);
		path_seen = strdup(path);
	}
	h = (unsigned char)*name << 4;
	for (s = name; *s; s++)
		h += (unsigned char)*s;
	for (pp = &path_hash[h % NHASH]; (pe = *pp) != NULL; pp = &pe->next)
		if (strcmp(pe->name, name) == 0)
			return pe;
	for (p = path; p != NULL; p = colon ? colon + 1 : NULL) {
		colon = strchr(p, ':');
		dl = colon ? (size_t)(colon - p) : strlen(p);
		if (dl == 0 || *p != '/' ||
		    dl + strlen(name) + 2 > sizeof(buf))
			continue;	/* relative entries: the slow path */
		memcpy(buf, p, dl);
		buf[dl] = '/';
		strcpy(buf + dl + 1, name);
		if (stat(buf, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(buf, X_OK) == 0)
			break;
	}
	if (p == NULL)
		return NULL;
	pe = calloc(1, sizeof(*pe));
	if (pe == NULL || (pe->name = strdup(name)) == NULL ||
	    (pe->path = strdup(buf)) == NULL)
		abort();
	*pp = pe;
	return pe;
}

const char *
spawn_hash_find(const char *name)
{
	struct pathent *pe = path_entry(name);

	if (pe == NULL)
		return NULL;
	pe->listed = 1;
	pe->rehash = 0;
	return pe->path;
}

void
spawn_hash_each(void (*fn)(const char *path, int rehash))
{
	struct pathent *pe;
	int i;

	for (i = 0; i < NHASH; i++)
		for (pe = path_hash[i]; pe != NULL; pe = pe->next)
			if (pe->listed)
				fn(pe->path, pe->rehash);
}

void
spawn_hash_forget(void)
{
	path_flush();
}

void
spawn_hash_cd(void)
{
	struct pathent *pe;
	int i;

	for (i = 0; i < NHASH; i++)
		for (pe = path_hash[i]; pe != NULL; pe = pe->next)
			pe->rehash = 1;
}

/* Words whose expansion runs nothing and changes nothing. */
static int
plain_words(char **w, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strpbrk(w[i], "$`") != NULL)
			return 0;
	return 1;
}

static int
plain_redirs(const struct redir *r)
{
	for (; r != NULL; r = r->next)
		if (strpbrk(r->word, "$`") != NULL || r->type == R_HEREDOC)
			return 0;
	return 1;
}

/* What the child does before execve(2), planned in the parent. */
struct spawn_act {
	enum { SA_OPEN, SA_DUP, SA_CLOSE } op;
	int fd, from, flags;
	char *path;
};

struct spawn_plan {
	struct spawn_act v[16];
	int n;
};

static int
plan_add(struct spawn_plan *pl, int op, int fd, int from, int flags,
    char *path)
{
	if (pl->n == (int)(sizeof(pl->v) / sizeof(pl->v[0]))) {
		free(path);
		return -1;
	}
	pl->v[pl->n].op = op;
	pl->v[pl->n].fd = fd;
	pl->v[pl->n].from = from;
	pl->v[pl->n].flags = flags;
	pl->v[pl->n].path = path;
	pl->n++;
	return 0;
}

static void
plan_free(struct spawn_plan *pl)
{
	int i;

	for (i = 0; i < pl->n; i++)
		free(pl->v[i].path);
}

static int
plan_redirs(struct spawn_plan *pl, const struct redir *r)
{
	static const int oflags[] = {
		[R_IN] = O_RDONLY,
		[R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
		[R_APPEND] = O_WRONLY | O_CREAT | O_APPEND,
		[R_CLOBBER] = O_WRONLY | O_CREAT | O_TRUNC,
		[R_RDWR] = O_RDWR | O_CREAT,
	};
	char *word, *end;
	long m;
	int rc = 0;

	for (; r != NULL && rc == 0; r = r->next) {
		word = expand_string(r->word, 0);
		if (word == NULL)
			return -1;
		if (r->type != R_DUPIN && r->type != R_DUPOUT) {
			rc = plan_add(pl, SA_OPEN, r->fd, -1, oflags[r->type],
			    word);
			continue;
		}
		if (strcmp(word, "-") == 0) {
			rc = plan_add(pl, SA_CLOSE, r->fd, -1, 0, NULL);
		} else {
			m = strtol(word, &end, 10);
			if (*word == '\0' || *end != '\0' || m < 0 || m > 1023 ||
			    m == r->fd)
				rc = -1;
			else
				rc = plan_add(pl, SA_DUP, r->fd, (int)m, 0, NULL);
		}
		free(word);
	}
	return rc;
}

/*
 * The vfork(2) child: only system calls on its own stack variables and
 * the plan, then execve(2). A failure is left in *err (the memory is the
 * parent's until execve) for the parent to take the fork path instead.
 */
static void __attribute__((noreturn))
spawn_child(const char *path, char **argv, char **envp,
    const struct spawn_plan *pl, const sigset_t *mask, volatile int *err)
{
	int i, fd, hi = -1, opens = 0;

	for (i = 0; i < pl->n; i++)
		opens |= pl->v[i].op == SA_OPEN;
	if (opens)
		jobs_child_at_fork(1);
	for (i = 0; i < pl->n; i++) {
		const struct spawn_act *a = &pl->v[i];

		switch (a->op) {
		case SA_OPEN:
			fd = open(a->path, a->flags | O_CLOEXEC, 0666);
			if (fd < 0)
				goto fail;
			if (fd == a->fd) {
				fcntl(fd, F_SETFD, 0);
			} else {
				if (dup2(fd, a->fd) < 0)
					goto fail;
				close(fd);
			}
			break;
		case SA_DUP:
			if (dup2(a->from, a->fd) < 0)
				goto fail;
			break;
		case SA_CLOSE:
			close(a->fd);
			break;
		}
		if (a->fd > hi)
			hi = a->fd;
	}
	jobs_child_at_spawn(path, argv, hi, opens);
	sigprocmask(SIG_SETMASK, mask, NULL);
	execve(path, argv, envp);
fail:
	*err = errno ? errno : EINVAL;
	_exit(127);
}

/*
 * Spawns argv[0] (not a builtin) with the redirections r, standard input
 * and output from in and out when >= 0: vfork(2), as dash does, so the
 * cost does not grow with the shell's size as fork(2)'s page-table copy
 * does, and without posix_spawn(3)'s extra stack and its loop over every
 * signal. The caller has blocked every signal (block_children), so none
 * runs a handler of the shell in the child before execve(2), which resets
 * the handlers itself; mask is the one the command gets. Returns the pid,
 * or -1 when this command must take the fork path (which reports errors).
 */
static pid_t
spawn_cmd(char **argv, const struct redir *r, int in, int out,
    const sigset_t *mask)
{
	struct spawn_plan pl;	/* only its first pl.n actions are set */
	volatile int err = 0;
	const char *path;
	char **envp;
	pid_t pid;
	int rc = 0;

	pl.n = 0;
	path = strchr(argv[0], '/') ? argv[0] : spawn_hash_find(argv[0]);
	if (path == NULL || *path == '\0')
		return -1;
	if (in >= 0)
		rc |= plan_add(&pl, SA_DUP, 0, in, 0, NULL);
	if (out >= 0)
		rc |= plan_add(&pl, SA_DUP, 1, out, 0, NULL);
	if (rc == 0)
		rc = plan_redirs(&pl, r);
	if (rc != 0) {
		plan_free(&pl);
		return -1;
	}
	envp = var_environ();
	if (__fpending(stdout) > 0)	/* __fpending(3) */
		fflush(stdout);
	pid = vfork();
	if (pid == 0)
		spawn_child(path, argv, envp, &pl, mask, &err);
	plan_free(&pl);
	if (pid > 0 && err != 0) {
		waitpid(pid, NULL, 0);
		pid = -1;
	}
	if (pid < 0)
		path_flush();	/* it may have moved; the fork path looks again */
	return pid;
}

/*
 * A pipeline member that can be spawned: a simple external command whose
 * expansion has no side effects (so doing it here, not in a child, is the
 * same). Returns the pid, or -1 for the fork path.
 */
static pid_t
spawn_member(struct cmd *c, int in, int out, const sigset_t *mask)
{
	struct cmd_exec *e = (struct cmd_exec *)c;
	char **argv;
	int argc;
	pid_t pid = -1;

	if (c->type != CMD_EXEC || e->nassign > 0 || e->argc == 0 ||
	    !can_spawn() || !plain_words(e->argv, e->argc) ||
	    !plain_redirs(e->redir))
		return -1;
	argv = expand_fields(e->argv, e->argc, &argc);
	if (argv == NULL)
		return -1;
	if (argc > 0 && strcmp(argv[0], "command") != 0 &&
	    strcmp(argv[0], "exec") != 0 && builtin_find(argv[0]) == NULL &&
	    func_find(argv[0]) == NULL)
		pid = spawn_cmd(argv, e->redir, in, out, mask);
	expand_free(argv);
	return pid;
}

/*
 * Before making children: SIGCHLD blocked until the job table knows them
 * (jobs_block), and every signal when the vfork path may be taken.
 * Undone by jobs_unblock(old).
 */
static void
block_children(sigset_t *old)
{
	sigset_t all;

	if (!can_spawn()) {
		jobs_block(old);
		return;
	}
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, old);
}

/* A forked child that has not yet said what it runs itself. */
static int spawn_untold;

void
spawn_tell(const char *what, int argc, char *const *argv)
{
	if (!spawn_untold)
		return;
	spawn_untold = 0;
	jobs_child_at_run(what, argc, argv);
}

void
spawn_tell_cmd(const struct cmd *c)
{
	static const struct {
		enum cmd_type	type;
		char		*word;
	} kw[] = {
		{ CMD_SUBSHELL, "( ... )" }, { CMD_GROUP, "{ ... }" },
		{ CMD_IF, "if" }, { CMD_WHILE, "while" },
		{ CMD_UNTIL, "until" }, { CMD_FOR, "for" },
		{ CMD_CASE, "case" },
	};
	size_t i;

	while (spawn_untold && c != NULL && c->type == CMD_REDIR)
		c = ((const struct cmd_redir *)c)->cmd;
	for (i = 0; spawn_untold && c != NULL && i < sizeof(kw) / sizeof(kw[0]);
	    i++)
		if (kw[i].type == c->type)
			spawn_tell("subshell", 1, &kw[i].word);
}

/* In every child right after fork(2). */
void
spawn_child_init(struct job *j, const sigset_t *old)
{
	spawn_untold = 1;
	jobs_child_at_fork(0);
	job_child(j);
	(void)old;
	exec_in_child = 1;
	exec_exiting = 0;	/* a subshell of an EXIT trap runs its own */
	jobs_forget();
}

/* Forks a child that runs c and exits; job j gets it. Returns the pid. */
static pid_t
fork_cmd(struct job *j, const sigset_t *old, struct cmd *c, int in,
    int out, int other, int devnull)
{
	pid_t pid;
	int fd;

	fflush(stdout);
	pid = fork();
	if (pid != 0)
		return pid;
	spawn_child_init(j, old);
	/* the next member's end: a subshell that held it would never see EOF */
	if (other >= 0)
		close(other);
	if (devnull && (fd = open("/dev/null", O_RDONLY)) >= 0) {
		if (fd != 0) {
			dup2(fd, 0);
			close(fd);
		}
	}
	if (in >= 0) {
		dup2(in, 0);
		close(in);
	}
	if (out >= 0) {
		dup2(out, 1);
		close(out);
	}
	spawn_tell_cmd(c);
	sh_exit(exec_cmd(c, EV_EXIT));
}

static const char *
cmd_name(struct cmd *c)
{
	if (c->type == CMD_EXEC && ((struct cmd_exec *)c)->argc > 0)
		return ((struct cmd_exec *)c)->argv[0];
	return "ipcsh";
}

/*
 * Starts the members of a pipeline in job j: one pipe2(2) per link, each
 * end closed in the parent as soon as the children hold it.
 */
static void
start_pipeline(struct job *j, const sigset_t *old, struct cmd_pipe *p,
    int bg)
{
	int i, prev = -1, fds[2];
	pid_t pid;

	for (i = 0; i < p->n; i++) {
		fds[0] = fds[1] = -1;
		if (i < p->n - 1 && pipe2(fds, O_CLOEXEC) < 0) {
			sh_errorf("pipe: %s", strerror(errno));
			break;
		}
		pid = bg ? -1 : spawn_member(p->cmds[i], prev, fds[1], old);
		if (pid < 0)
			pid = fork_cmd(j, old, p->cmds[i], prev, fds[1],
			    fds[0], bg && i == 0 && !sh_opt.monitor);
		if (pid < 0)
			sh_errorf("fork: %s", strerror(errno));
		else
			job_add(j, pid, cmd_name(p->cmds[i]));
		if (prev >= 0)
			close(prev);
		if (fds[1] >= 0)
			close(fds[1]);
		prev = fds[0];
		if (pid < 0)
			break;
	}
	if (prev >= 0)
		close(prev);
}

int
spawn_pipe(struct cmd_pipe *p)
{
	sigset_t old;
	struct job *j;

	block_children(&old);
	j = job_new(exec_job_text, 1);
	start_pipeline(j, &old, p, 0);
	jobs_unblock(&old);
	return exec_interrupted(job_run(j));
}

/* cmd &: a job in the background; $! is its last process. */
int
spawn_back(struct cmd_back *b)
{
	sigset_t old;
	struct job *j;
	pid_t pid;

	jobs_block(&old);
	j = job_new(b->c.text != NULL ? b->c.text : exec_job_text, 0);
	if (b->cmd->type == CMD_PIPE) {
		start_pipeline(j, &old, (struct cmd_pipe *)b->cmd, 1);
	} else {
		pid = fork_cmd(j, &old, b->cmd, -1, -1, -1, !sh_opt.monitor);
		if (pid < 0)
			sh_errorf("fork: %s", strerror(errno));
		else
			job_add(j, pid, cmd_name(b->cmd));
	}
	jobs_unblock(&old);
	return job_run(j);
}

/* ( list ): a forked child, or in place when we are one already. */
int
spawn_subshell(struct cmd_back *b, int flags)
{
	sigset_t old;
	struct job *j;
	pid_t pid;

	if (flags & EV_EXIT)
		return exec_cmd(b->cmd, flags);
	jobs_block(&old);
	j = job_new(exec_job_text, 1);
	pid = fork_cmd(j, &old, b->cmd, -1, -1, -1, 0);
	if (pid < 0)
		sh_errorf("fork: %s", strerror(errno));
	else
		job_add(j, pid, "ipcsh");
	jobs_unblock(&old);
	return exec_interrupted(job_run(j));
}

/* An external command: fork, redirect, exec. */
int
spawn_external(struct cmd_exec *e, char **argv, char **as, int flags)
{
	sigset_t old;
	struct job *j;
	pid_t pid;

	if (strchr(argv[0], '/') == NULL && !(flags & EV_DEFPATH))
		spawn_hash_find(argv[0]);	/* remembered, as dash does */
	if (!(flags & EV_EXIT)) {
		block_children(&old);
		j = job_new(exec_job_text, 1);
		pid = -1;
		if (as[0] == NULL && can_spawn() && plain_redirs(e->redir) &&
		    !(flags & EV_DEFPATH))
			pid = spawn_cmd(argv, e->redir, -1, -1, &old);
		if (pid > 0)
			goto added;
		fflush(stdout);
		pid = fork();
		if (pid < 0) {
			sh_errorf("fork: %s", strerror(errno));
			jobs_unblock(&old);
			job_run(j);
			return 2;
		}
		if (pid > 0) {
added:
			job_add(j, pid, argv[0]);
			jobs_unblock(&old);
			return exec_interrupted(job_run(j));
		}
		spawn_child_init(j, &old);
	}
	if (redir_apply(e->redir, NULL) < 0)
		_exit(2);
	exec_set_assigns(as, VAR_EXPORT);
	if (flags & EV_DEFPATH) {
		size_t n = confstr(_CS_PATH, NULL, 0);

		search_path = malloc(n + 1);
		if (search_path == NULL || confstr(_CS_PATH, search_path,
		    n + 1) == 0)
			search_path = NULL;
	}
	exec_path(argv);
}
