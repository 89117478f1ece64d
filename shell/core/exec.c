/*
 * exec.c - the executor: one switch over the node kinds (xv6 sh.c's
 * runcmd), pipelines of real pipe2(2)s, fork/exec through the job table,
 * redirections, builtins in the shell, and the read-parse-run loop.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "exec.h"
#include "expand.h"
#include "input.h"
#include "jobs.h"
#include "lesson/lesson.h"
#include "lex.h"
#include "parse.h"
#include "sandbox/sandbox.h"
#include "shell.h"
#include "trap.h"
#include "var.h"

int exec_in_child;

static int loop_depth;		/* loops we are inside */
static int brk_levels, cont_levels;		/* pending break/continue levels */
static int abort_line;		/* an error in an interactive shell: unwind */
static int errexit_off;		/* inside a condition: set -e does not apply */
static const char *job_text;	/* the source text of the running list */

/* The saved descriptors of redirections done in the shell. */
struct rsave {
	int n, cap;
	struct {
		int fd, save;
	} *v;
};

void
sh_exit(int status)
{
	static int exiting;

	if (!exiting) {
		exiting = 1;
		sh_status = status;
		trap_run_exit();
	}
	fflush(stdout);
	if (exec_in_child)
		_exit(status);
	input_save_history();
	exit(status);
}

int
exec_fatal(int status)
{
	sh_status = status;
	if (!sh_opt.interactive || exec_in_child)
		sh_exit(status);
	abort_line = 1;
	return status;
}

static int
unwinding(void)
{
	return brk_levels || cont_levels || abort_line;
}

void
exec_optstring(char *buf, size_t size)
{
	char s[16];
	int n = 0;

	if (sh_opt.errexit)
		s[n++] = 'e';
	if (expand_noglob)
		s[n++] = 'f';
	if (sh_opt.interactive)
		s[n++] = 'i';
	if (sh_opt.monitor)
		s[n++] = 'm';
	if (sh_opt.nounset)
		s[n++] = 'u';
	if (sh_opt.xtrace)
		s[n++] = 'x';
	s[n] = '\0';
	snprintf(buf, size, "%s", s);
}

int
exec_loopctl(int is_break, int n)
{
	if (loop_depth == 0)
		return 0;
	if (n > loop_depth)
		n = loop_depth;
	if (is_break)
		brk_levels = n;
	else
		cont_levels = n;
	return 0;
}

/* set -e: a failed command ends the shell unless it was tested. */
static void
check_errexit(int status)
{
	if (status != 0 && sh_opt.errexit && !errexit_off && !unwinding())
		sh_exit(status);
}

static void
save_fd(struct rsave *rs, int fd)
{
	int i, s;

	for (i = 0; i < rs->n; i++)
		if (rs->v[i].fd == fd)
			return;
	s = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 4;
		rs->v = realloc(rs->v, rs->cap * sizeof(*rs->v));
		if (rs->v == NULL)
			abort();
	}
	rs->v[rs->n].fd = fd;
	rs->v[rs->n].save = s;
	rs->n++;
}

/* Undoes redirections in reverse order and frees rs. */
static void
redir_restore(struct rsave *rs)
{
	int i;

	fflush(stdout);
	for (i = rs->n - 1; i >= 0; i--) {
		if (rs->v[i].save >= 0) {
			dup2(rs->v[i].save, rs->v[i].fd);
			close(rs->v[i].save);
		} else {
			close(rs->v[i].fd);
		}
	}
	free(rs->v);
	rs->v = NULL;
	rs->n = rs->cap = 0;
}

static int
open_target(const struct redir *r, const char *name)
{
	int flags = O_CLOEXEC, fd;

	switch (r->type) {
	case R_IN:
		flags |= O_RDONLY;
		break;
	case R_OUT:
	case R_CLOBBER:
		flags |= O_WRONLY | O_CREAT | O_TRUNC;
		break;
	case R_APPEND:
		flags |= O_WRONLY | O_CREAT | O_APPEND;
		break;
	default:
		flags |= O_RDWR | O_CREAT;
		break;
	}
	fd = open(name, flags, 0666);
	if (fd < 0)
		sh_errorf("cannot %s %s: %s", r->type == R_IN ? "open" :
		    "create", name, strerror(errno));
	return fd;
}

/* [n]>&m, [n]<&m, [n]>&- */
static int
dup_target(const struct redir *r, const char *word)
{
	char *end;
	long m;

	if (strcmp(word, "-") == 0) {
		close(r->fd);
		return 0;
	}
	m = strtol(word, &end, 10);
	if (*word == '\0' || *end != '\0' || m < 0 || m > 1023) {
		sh_errorf("%s: bad file descriptor number", word);
		return -1;
	}
	if (m == r->fd) {
		if (fcntl(r->fd, F_GETFD) < 0)
			goto bad;
		return 0;
	}
	if (dup2((int)m, r->fd) < 0)
		goto bad;
	return 0;
bad:
	sh_errorf("%ld: %s", m, strerror(EBADF));
	return -1;
}

/*
 * Applies redirections left to right (XCU 2.7). With rs, the descriptors
 * they replace are saved there first. Returns 0, or -1 after reporting
 * (the ones already applied stay for redir_restore to undo).
 */
static int
redir_apply(struct redir *r, struct rsave *rs)
{
	char *word;
	int fd, rc = 0;

	for (; r != NULL && rc == 0; r = r->next) {
		word = expand_string(r->word, 0);
		if (word == NULL)
			return -1;
		if (rs != NULL) {
			fflush(stdout);
			save_fd(rs, r->fd);
		}
		if (r->type == R_DUPIN || r->type == R_DUPOUT) {
			rc = dup_target(r, word);
		} else if ((fd = open_target(r, word)) < 0) {
			rc = -1;
		} else if (fd != r->fd) {
			if (dup2(fd, r->fd) < 0) {
				sh_errorf("%d: %s", r->fd, strerror(errno));
				rc = -1;
			}
			close(fd);
		} else {
			/* it landed on n itself: dup2 would not clear CLOEXEC */
			fcntl(fd, F_SETFD, 0);
		}
		free(word);
	}
	return rc;
}

/* set -x: the command as it will run, after PS4, on standard error. */
static void
xtrace(char **assign, int nassign, char **argv)
{
	struct sbuf b = { NULL, 0, 0 };
	const char *ps4 = var_get("PS4");
	int i;

	sbuf_putn(&b, ps4 ? ps4 : "", ps4 ? strlen(ps4) : 0);
	for (i = 0; i < nassign; i++) {
		if (i > 0)
			sbuf_putc(&b, ' ');
		sbuf_putn(&b, assign[i], strlen(assign[i]));
	}
	for (i = 0; argv != NULL && argv[i] != NULL; i++) {
		if (i > 0 || nassign > 0)
			sbuf_putc(&b, ' ');
		sbuf_putn(&b, argv[i], strlen(argv[i]));
	}
	sbuf_putc(&b, '\n');
	fflush(stdout);
	if (write(STDERR_FILENO, b.s, b.n) < 0)
		b.n = 0;
	free(b.s);
}

/*
 * Expands the assignments of a simple command: NAME=value words.
 * Returns a NULL-terminated malloc'ed vector of "NAME=value", or NULL.
 */
static char **
expand_assigns(struct cmd_exec *e)
{
	char **v = calloc(e->nassign + 1, sizeof(char *));
	int i;

	if (v == NULL)
		abort();
	for (i = 0; i < e->nassign; i++) {
		char *eq = strchr(e->assign[i], '=');
		char *val = expand_string(eq + 1, EXP_ASSIGN);

		if (val == NULL) {
			expand_free(v);
			return NULL;
		}
		if (asprintf(&v[i], "%.*s=%s", (int)(eq - e->assign[i]),
		    e->assign[i], val) < 0)
			abort();
		free(val);
	}
	return v;
}

/* Sets NAME=value pairs; flags VAR_EXPORT for a command's environment. */
static int
set_assigns(char **as, int flags)
{
	int i, rc = 0;

	for (i = 0; as[i] != NULL; i++) {
		char *eq = strchr(as[i], '=');

		*eq = '\0';
		if (var_set(as[i], eq + 1, flags) < 0)
			rc = -1;
		*eq = '=';
	}
	return rc;
}

/* The saved values of variables a regular builtin's assignments hide. */
struct tempvar {
	char *name, *value;
	int flags;
};

static struct tempvar *
temp_assigns(char **as)
{
	int i, n;
	struct tempvar *t;

	for (n = 0; as[n] != NULL; n++)
		;
	t = calloc(n + 1, sizeof(*t));
	if (t == NULL)
		abort();
	for (i = 0; i < n; i++) {
		const char *old;

		t[i].name = strndup(as[i], strchr(as[i], '=') - as[i]);
		old = var_get(t[i].name);
		t[i].value = old != NULL ? strdup(old) : NULL;
		t[i].flags = var_flags(t[i].name);
	}
	set_assigns(as, VAR_EXPORT);
	return t;
}

static void
temp_restore(struct tempvar *t)
{
	int i;

	for (i = 0; t[i].name != NULL; i++) {
		if (t[i].flags < 0 || t[i].value == NULL) {
			var_unset(t[i].name);
			if (t[i].flags >= 0)
				var_set(t[i].name, NULL, t[i].flags);
		} else {
			var_unset(t[i].name);
			var_set(t[i].name, t[i].value, t[i].flags);
		}
		free(t[i].name);
		free(t[i].value);
	}
	free(t);
}

/*
 * In a child: execve(2) argv[0], searching PATH when it has no '/'.
 * Never returns: 127 when not found, 126 when found but not runnable.
 */
static void __attribute__((noreturn))
exec_path(char **argv)
{
	int st = exec_replace(argv);

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

int
exec_replace(char **argv)
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
	path = var_get("PATH");
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

/* The PATH lookup cache: name -> path, dropped when PATH changes. */
#define NHASH 64
static struct pathent {
	char *name, *path;
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

/* The executable regular file name resolves to in PATH, or NULL. */
static const char *
path_lookup(const char *name)
{
	const char *path = var_get("PATH"), *p, *colon;
	struct pathent *pe;
	struct stat st;
	unsigned h = 0;
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
	for (s = name; *s; s++)
		h = h * 31 + (unsigned char)*s;
	for (pe = path_hash[h % NHASH]; pe != NULL; pe = pe->next)
		if (strcmp(pe->name, name) == 0)
			return pe->path;
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
	pe = malloc(sizeof(*pe));
	if (pe == NULL || (pe->name = strdup(name)) == NULL ||
	    (pe->path = strdup(buf)) == NULL)
		abort();
	pe->next = path_hash[h % NHASH];
	path_hash[h % NHASH] = pe;
	return pe->path;
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
		if (strpbrk(r->word, "$`") != NULL)
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
	int i, fd;

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
	}
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
	struct spawn_plan pl = { .n = 0 };
	volatile int err = 0;
	const char *path;
	char **envp;
	pid_t pid;
	int rc = 0;

	path = strchr(argv[0], '/') ? argv[0] : path_lookup(argv[0]);
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
	    strcmp(argv[0], "exec") != 0 && builtin_find(argv[0]) == NULL)
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

/* In every child right after fork(2). */
static void
child_init(struct job *j, const sigset_t *old)
{
	job_child(j);
	(void)old;
	exec_in_child = 1;
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
	child_init(j, old);
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

static int
exec_pipe(struct cmd_pipe *p)
{
	sigset_t old;
	struct job *j;
	int st;

	block_children(&old);
	j = job_new(job_text, 1);
	start_pipeline(j, &old, p, 0);
	jobs_unblock(&old);
	st = job_run(j);
	if (st == 128 + SIGINT && sh_opt.interactive) {
		sh_status = st;	/* $? is 130 after Ctrl+C */
		abort_line = 1;
	}
	return st;
}

/* cmd &: a job in the background; $! is its last process. */
static int
exec_back(struct cmd_back *b)
{
	sigset_t old;
	struct job *j;
	pid_t pid;

	jobs_block(&old);
	j = job_new(b->c.text != NULL ? b->c.text : job_text, 0);
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
static int
exec_subshell(struct cmd_back *b, int flags)
{
	sigset_t old;
	struct job *j;
	pid_t pid;
	int st;

	if (flags & EV_EXIT)
		return exec_cmd(b->cmd, flags);
	jobs_block(&old);
	j = job_new(job_text, 1);
	pid = fork_cmd(j, &old, b->cmd, -1, -1, -1, 0);
	if (pid < 0)
		sh_errorf("fork: %s", strerror(errno));
	else
		job_add(j, pid, "ipcsh");
	jobs_unblock(&old);
	st = job_run(j);
	if (st == 128 + SIGINT && sh_opt.interactive) {
		sh_status = st;	/* $? is 130 after Ctrl+C */
		abort_line = 1;
	}
	return st;
}

/* An external command: fork, redirect, exec. */
static int
run_external(struct cmd_exec *e, char **argv, char **as, int flags)
{
	sigset_t old;
	struct job *j;
	pid_t pid;
	int st;

	if (!(flags & EV_EXIT)) {
		block_children(&old);
		j = job_new(job_text, 1);
		pid = -1;
		if (as[0] == NULL && can_spawn() && plain_redirs(e->redir))
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
			st = job_run(j);
			if (st == 128 + SIGINT && sh_opt.interactive) {
				sh_status = st;	/* $? is 130 after Ctrl+C */
				abort_line = 1;
			}
			return st;
		}
		child_init(j, &old);
	}
	if (redir_apply(e->redir, NULL) < 0)
		_exit(2);
	set_assigns(as, VAR_EXPORT);
	exec_path(argv);
}

/* Flushes a builtin's output; a write error makes it fail (dash: I/O error). */
static int
builtin_flush(const char *name, int st)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		int err = errno;

		clearerr(stdout);
		if (st == 0) {
			sh_errorf("%s: write error: %s", name, strerror(err));
			st = 1;
		}
	}
	return st;
}

static int
run_builtin(const struct builtin *bi, struct cmd_exec *e, int argc,
    char **argv, char **as, int flags)
{
	struct rsave rs = { 0, 0, NULL };
	struct tempvar *tv = NULL;
	int st, special = bi->flags & BI_SPECIAL;

	if (flags & EV_EXIT) {
		if (redir_apply(e->redir, NULL) < 0)
			return special ? exec_fatal(2) : 2;
		set_assigns(as, 0);
		optind = 0;
		return builtin_flush(argv[0], bi->fn(argc, argv));
	}
	if (redir_apply(e->redir, &rs) < 0) {
		redir_restore(&rs);
		return special ? exec_fatal(2) : 2;
	}
	if (special) {
		if (set_assigns(as, 0) < 0) {
			redir_restore(&rs);
			return exec_fatal(2);
		}
	} else if (as[0] != NULL) {
		tv = temp_assigns(as);
	}
	optind = 0;
	st = builtin_flush(argv[0], bi->fn(argc, argv));
	if (tv != NULL)
		temp_restore(tv);
	redir_restore(&rs);
	if (special && st == 2 && !sh_opt.interactive)
		sh_exit(st);
	return st;
}

/* Assignments (left to right) and redirections without a command. */
static int
assign_only(struct cmd_exec *e)
{
	struct rsave rs = { 0, 0, NULL };
	int i, st = 0;

	for (i = 0; i < e->nassign; i++) {
		char *eq = strchr(e->assign[i], '=');
		char *name = strndup(e->assign[i], eq - e->assign[i]);
		char *val = expand_string(eq + 1, EXP_ASSIGN);

		if (val == NULL) {
			free(name);
			return exec_fatal(2);
		}
		if (sh_opt.xtrace) {
			fflush(stdout);
			fprintf(stderr, "%s%s=%s\n", var_get("PS4") ?
			    var_get("PS4") : "", name, val);
		}
		st = var_set(name, val, 0);
		free(name);
		free(val);
		if (st < 0)
			return exec_fatal(2);
	}
	st = 0;
	if (e->redir != NULL) {
		if (redir_apply(e->redir, &rs) < 0)
			st = 2;
		redir_restore(&rs);
		if (st)
			return st;
	}
	return expand_subst_status >= 0 ? expand_subst_status : 0;
}

/* the signals an interactive shell ignores for itself (jobs.c) */
static const int shell_sigs[] = {
	SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGTERM,
};
#define NSHELLSIGS ((int)(sizeof(shell_sigs) / sizeof(shell_sigs[0])))

/*
 * exec COMMAND: the command gets default dispositions for what only the
 * interactive shell ignores (SIG_IGN survives execve(2), signal(7)); what
 * was ignored at start or by trap '' stays ignored. undo: exec failed,
 * put back the saved actions.
 */
static void
exec_sigs(struct sigaction *saved, int undo)
{
	struct sigaction dfl;
	int i, n;

	memset(&dfl, 0, sizeof(dfl));
	sigemptyset(&dfl.sa_mask);
	dfl.sa_handler = SIG_DFL;
	for (i = 0; i < NSHELLSIGS; i++) {
		n = shell_sigs[i];
		if (undo) {
			sigaction(n, &saved[i], NULL);
			continue;
		}
		sigaction(n, NULL, &saved[i]);
		if (saved[i].sa_handler == SIG_IGN &&
		    !jobs_ignored_at_start(n) && !trap_ignored(n))
			sigaction(n, &dfl, NULL);
	}
}

/* exec [command...]: replace the shell, or keep the redirections. */
static int
exec_builtin_exec(struct cmd_exec *e, int argc, char **argv, char **as)
{
	struct sigaction saved[NSHELLSIGS];
	int st;

	if (redir_apply(e->redir, NULL) < 0)
		return exec_fatal(2);
	if (argc == 1) {
		set_assigns(as, 0);
		return 0;
	}
	set_assigns(as, VAR_EXPORT);
	input_save_history();
	if (sh_opt.sandbox)
		sandbox_child();	/* the command replaces the shell: filter it too */
	exec_sigs(saved, 0);
	st = exec_replace(argv + 1);
	exec_sigs(saved, 1);
	if (!sh_opt.interactive)
		sh_exit(st);
	return st;
}

static int
exec_simple(struct cmd_exec *e, int flags)
{
	const struct builtin *bi = NULL;
	char **argv, **as = NULL, **av;
	int argc, st;

	sh_lineno = e->c.line;
	expand_subst_status = -1;
	argv = expand_fields(e->argv, e->argc, &argc);
	if (argv == NULL)
		return exec_fatal(2);
	if (argc == 0) {
		st = assign_only(e);
		expand_free(argv);
		return st;
	}
	as = expand_assigns(e);
	if (as == NULL) {
		expand_free(argv);
		return exec_fatal(2);
	}
	if (sh_opt.xtrace)
		xtrace(as, e->nassign, argv);
	av = argv;
	/* command NAME: no special-builtin rules (and no functions to skip) */
	while (argc > 1 && strcmp(av[0], "command") == 0 && av[1][0] != '-') {
		av++;
		argc--;
	}
	if (strcmp(av[0], "exec") == 0)
		st = exec_builtin_exec(e, argc, av, as);
	else if (strchr(av[0], '/') == NULL &&
	    (bi = builtin_find(av[0])) != NULL)
		st = run_builtin(bi, e, argc, av, as, flags);
	else
		st = run_external(e, av, as, flags);
	expand_free(argv);
	expand_free(as);
	return st;
}

static int
exec_redir_cmd(struct cmd_redir *r, int flags)
{
	struct rsave rs = { 0, 0, NULL };
	int st;

	if (redir_apply(r->redir, (flags & EV_EXIT) ? NULL : &rs) < 0) {
		redir_restore(&rs);
		return 2;
	}
	st = exec_cmd(r->cmd, flags);
	redir_restore(&rs);
	return st;
}

/* After a loop body: 1 when the loop must end. */
static int
loop_next(void)
{
	if (brk_levels) {
		brk_levels--;
		return 1;
	}
	if (cont_levels) {
		if (--cont_levels > 0)
			return 1;
	}
	trap_run_pending();
	/*
	 * Ctrl+C reached the interactive shell itself (a loop of builtins
	 * has no foreground job to kill): end the whole line with $? 130,
	 * as bash does.
	 */
	if (sh_opt.interactive && !exec_in_child && jobs_interrupted() &&
	    !abort_line) {
		sh_status = 128 + SIGINT;
		abort_line = 1;
	}
	return abort_line;
}

static int
exec_loop(struct cmd_loop *l, int flags)
{
	int st = 0, c;

	loop_depth++;
	for (;;) {
		errexit_off++;
		c = exec_cmd(l->cond, 0);
		errexit_off--;
		if (unwinding()) {
			if (loop_next())
				break;
			continue;
		}
		if ((c == 0) != (l->c.type == CMD_WHILE))
			break;
		st = exec_cmd(l->body, flags & ~EV_EXIT);
		if (loop_next())
			break;
	}
	loop_depth--;
	return st;
}

static int
exec_for(struct cmd_for *f, int flags)
{
	char **words;
	int n, i, st = 0;

	sh_lineno = f->c.line;
	if (f->words != NULL) {
		expand_subst_status = -1;
		words = expand_fields(f->words, f->nwords, &n);
		if (words == NULL)
			return exec_fatal(2);
	} else {
		char *args = "\"$@\"";

		words = expand_fields(&args, 1, &n);
	}
	loop_depth++;
	for (i = 0; i < n; i++) {
		if (var_set(f->var, words[i], 0) < 0) {
			st = exec_fatal(2);
			break;
		}
		st = exec_cmd(f->body, flags & ~EV_EXIT);
		if (loop_next())
			break;
	}
	loop_depth--;
	expand_free(words);
	return st;
}

static int
exec_if(struct cmd_if *c, int flags)
{
	int st;

	errexit_off++;
	st = exec_cmd(c->cond, 0);
	errexit_off--;
	if (unwinding())
		return st;
	if (st == 0)
		return exec_cmd(c->then, flags);
	if (c->els != NULL)
		return exec_cmd(c->els, flags);
	return 0;
}

int
exec_cmd(struct cmd *c, int flags)
{
	struct cmd_list *l;
	const char *saved_text = job_text;
	int st = 0;

	if (c == NULL || unwinding())
		return sh_status;
	if (c->text != NULL)
		job_text = c->text;
	switch (c->type) {
	case CMD_EXEC:
		st = exec_simple((struct cmd_exec *)c, flags);
		check_errexit(st);
		break;
	case CMD_REDIR:
		st = exec_redir_cmd((struct cmd_redir *)c, flags);
		break;
	case CMD_PIPE:
		st = exec_pipe((struct cmd_pipe *)c);
		check_errexit(st);
		break;
	case CMD_LIST:
		l = (struct cmd_list *)c;
		exec_cmd(l->left, flags & ~EV_EXIT);
		trap_run_pending();
		st = exec_cmd(l->right, flags);
		break;
	case CMD_AND:
	case CMD_OR:
		l = (struct cmd_list *)c;
		errexit_off++;
		st = exec_cmd(l->left, flags & ~EV_EXIT);
		errexit_off--;
		if (!unwinding() && (c->type == CMD_AND) == (st == 0))
			st = exec_cmd(l->right, flags);
		break;
	case CMD_BACK:
		st = exec_back((struct cmd_back *)c);
		break;
	case CMD_NOT:
		errexit_off++;
		st = !exec_cmd(((struct cmd_back *)c)->cmd, flags & ~EV_EXIT);
		errexit_off--;
		break;
	case CMD_SUBSHELL:
		st = exec_subshell((struct cmd_back *)c, flags);
		check_errexit(st);
		break;
	case CMD_GROUP:
		st = exec_cmd(((struct cmd_back *)c)->cmd, flags);
		break;
	case CMD_IF:
		st = exec_if((struct cmd_if *)c, flags);
		break;
	case CMD_WHILE:
	case CMD_UNTIL:
		st = exec_loop((struct cmd_loop *)c, flags);
		break;
	case CMD_FOR:
		st = exec_for((struct cmd_for *)c, flags);
		break;
	}
	job_text = saved_text;
	if (!abort_line)
		sh_status = st;
	return sh_status;
}

char *
exec_subst(const char *text, size_t len, int *status)
{
	struct sbuf out = { NULL, 0, 0 };
	char buf[4096];
	sigset_t old;
	struct job *j;
	struct cmd *c;
	char *err;
	int fds[2];
	ssize_t n;
	pid_t pid;

	*status = 0;
	if (pipe2(fds, O_CLOEXEC) < 0) {
		sh_errorf("pipe: %s", strerror(errno));
		*status = 2;
		return strdup("");
	}
	fflush(stdout);
	jobs_block(&old);
	j = job_new(NULL, 1);
	pid = fork();
	if (pid == 0) {
		child_init(j, &old);
		close(fds[0]);
		if (fds[1] != 1) {
			dup2(fds[1], 1);
			close(fds[1]);
		} else {
			fcntl(1, F_SETFD, 0);
		}
		switch (parse_buf(text, len, sh_lineno, &c, &err)) {
		case PARSE_OK:
			sh_exit(exec_cmd(c, EV_EXIT));
		case PARSE_INCOMPLETE:
			sh_errorf("syntax error: unexpected end of file");
			sh_exit(2);
		default:
			sh_errorf("%s", err);
			sh_exit(2);
		}
	}
	close(fds[1]);
	if (pid < 0) {
		sh_errorf("fork: %s", strerror(errno));
		jobs_unblock(&old);
		close(fds[0]);
		job_run(j);
		*status = 2;
		return strdup("");
	}
	job_add(j, pid, "ipcsh");
	jobs_unblock(&old);
	for (;;) {
		n = read(fds[0], buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		sbuf_putn(&out, buf, n);
	}
	close(fds[0]);
	*status = job_run(j);
	return out.s != NULL ? out.s : strdup("");
}

/* Appends a continuation line; returns 0, or -1 at the end of input. */
static int
read_more(struct input *in, struct sbuf *b)
{
	char *more = input_read(in, 1);

	if (more == NULL)
		return -1;
	sbuf_putn(b, more, strlen(more));
	free(more);
	return 0;
}

/* Reads one complete command (maybe several lines) and parses it. */
static enum parse_status
read_parse(struct input *in, struct cmd **c, char **err, int *eof)
{
	struct sbuf b = { NULL, 0, 0 };
	char *line = input_read(in, 0);
	enum parse_status r;
	int first;

	*eof = line == NULL;
	if (line == NULL)
		return PARSE_OK;
	first = input_lineno(in);
	sbuf_putn(&b, line, strlen(line));
	free(line);
	for (;;) {
		r = parse_buf(b.s, b.n, first, c, err);
		if (r != PARSE_INCOMPLETE)
			break;
		if (read_more(in, &b) < 0) {
			*err = strdup("syntax error: unexpected end of file");
			r = PARSE_ERROR;
			break;
		}
	}
	if (input_is_tty(in))
		input_history_add(b.s);
	sh_lineno = input_lineno(in);
	free(b.s);
	return r;
}

static void
before_prompt(void)
{
	trap_run_pending();
	jobs_notify();
	sandbox_report();
	lesson_between();
}

int
exec_input(struct input *in, int top)
{
	struct cmd *c;
	char *err;
	int eof, st = sh_status;

	for (;;) {
		if (top && sh_opt.interactive)
			before_prompt();
		switch (read_parse(in, &c, &err, &eof)) {
		case PARSE_OK:
			break;
		default:
			sh_errorf("%s", err ? err : "syntax error");
			free(err);
			sh_status = st = 2;
			if (!sh_opt.interactive || exec_in_child)
				sh_exit(2);
			continue;
		}
		if (eof) {
			if (top && sh_opt.interactive && !jobs_exit_ok())
				continue;
			break;
		}
		abort_line = 0;
		st = exec_cmd(c, 0);
		cmd_free(c);
		if (top) {
			abort_line = brk_levels = cont_levels = 0;
			if (!sh_opt.interactive)
				sandbox_report();	/* scripts: after each line */
			trap_run_pending();
		} else if (abort_line) {
			break;
		}
	}
	return st;
}

int
sh_eval(const char *text, const char *where)
{
	struct input *in = input_string(text, where);
	const char *saved = sh_errwhere;
	int saved_line = sh_lineno, st;

	if (where != NULL)
		sh_errwhere = where;
	st = exec_input(in, 0);
	input_free(in);
	sh_errwhere = saved;
	sh_lineno = saved_line;
	return st;
}

int
exec_dot(const char *path, int *status)
{
	const char *saved_file = sh_errfile;
	int saved_line = sh_lineno;
	struct input *in;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	in = input_fd(fd, path, 1);
	sh_errfile = path;
	sh_status = 0;
	*status = exec_input(in, 0);
	input_free(in);
	sh_errfile = saved_file;
	sh_lineno = saved_line;
	return 0;
}
