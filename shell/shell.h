/*
 * shell.h - the interpreter's interface for the rest of ipcsh: options,
 * variables, running a string, reaping, errors, signal dispositions, the
 * builtin table and the child hooks. The interpreter's own headers are in
 * core/ (core/lex.h, core/parse.h, core/jobs.h, ...).
 */
#ifndef IPCSH_SHELL_H
#define IPCSH_SHELL_H

#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

struct sh_opts {
	int errexit;		/* set -e */
	int nounset;		/* set -u */
	int xtrace;		/* set -x */
	int pipefail;		/* set -o pipefail */
	int explain;		/* set -o explain: teach what a signal death means */
	int interactive;	/* reading commands from a terminal */
	int monitor;		/* job control: process groups and the terminal */
	int plain;		/* --plain, TERM=dumb, or stdout not a tty: no colour, no escapes */
	int sandbox;		/* --sandbox */
	int tape;		/* --tape, set -o tape: the tracer records */
	int allexport;		/* set -a: every assignment exports */
	int noclobber;		/* set -C: > keeps files (>| not) */
	int noexec;		/* set -n: parse, run nothing */
	int verbose;		/* set -v: input lines echoed to stderr */
	int ignoreeof;		/* set -o ignoreeof: EOF does not exit */
	int notify;		/* set -b */
	int vi, emacs;		/* set -o vi / emacs: readline's mode */
	int privileged, nolog, debug;	/* dash's, only listed */
	int stdin_mode;		/* -s: commands from standard input */
};
extern struct sh_opts sh_opt;

extern int sh_status;		/* $? */
extern pid_t sh_pid;		/* $$ */
extern pid_t sh_lastbg;		/* $! (0 when none) */

/* Variables. var_set returns -1 (and reports) when name is readonly. */
#define VAR_EXPORT	0x1
#define VAR_READONLY	0x2
const char *var_get(const char *name);
int var_set(const char *name, const char *value, int flags);
int var_unset(const char *name);

/*
 * Parses and runs text in the current shell, as `eval` would; where names
 * the source for error messages ("trap", "lesson.lesson:12") or is NULL.
 * Returns the status of the last command run (2 on a syntax error).
 */
int sh_eval(const char *text, const char *where);

/*
 * Reaps the children that changed state (waitpid WNOHANG) into the job
 * table (core/jobs.c); never blocks, safe to call any time. The
 * interpreter calls it itself; code that waits in a loop of its own (the
 * lesson's checks, the prompt's idle hook) calls it too.
 */
void jobs_reap(void);

/*
 * The child hooks: what the program (main.c) runs in the shell's
 * children, at four moments, so that the interpreter names neither the
 * tape nor the sandbox. Any may be NULL; at_fork, at_spawn and
 * before_exec may only make async-signal-safe calls.
 *   at_fork	  first thing in every child the shell makes with fork(2)
 *		  (the sigmask builtin's too), before it runs anything, and
 *		  in a vfork(2) child whose redirections open files (an
 *		  open(2) may block: a FIFO's waits for its other end);
 *		  vforked: it shares the shell's memory until execve(2).
 *		  The tape's tracer follows the child from here.
 *   at_spawn	  in every vfork(2) child once its redirections are made,
 *		  right before execve(2) of path with argv; hi is the
 *		  highest descriptor they made (-1: none), asked whether
 *		  at_fork ran. The tape's tracer follows the child from
 *		  here when at_fork did not, and is told what it runs and
 *		  holds, so that it need not look.
 *   before_exec  once a job's child is ready (the end of job_child), and
 *		  in the shell itself before the exec builtin replaces it.
 *		  The sandbox's filter is loaded here.
 *   at_run	  once in a forked child that runs something itself (no
 *		  execve), just before it runs it: what is "builtin",
 *		  "function" or "subshell" (a compound command), argv its
 *		  words. The tape names the child and follows its calls.
 * jobs_child_at_fork, jobs_child_at_spawn, jobs_child_before_exec and
 * jobs_child_at_run
 * (core/jobs.h) run them.
 */
struct child_hooks {
	void	(*at_fork)(int vforked);
	void	(*at_spawn)(const char *path, char *const argv[], int hi,
		    int asked);
	void	(*before_exec)(void);
	void	(*at_run)(const char *what, int argc, char *const *argv);
};
/* Registers the hooks (h must outlive the shell; NULL: none). */
void jobs_set_child_hooks(const struct child_hooks *h);
/*
 * What the shell reads or writes itself, told to the tape (whose tracer
 * follows only the shell's children); registered by the tape while it
 * records (NULL: none). They run in every process of the shell, which
 * tells its own from a child's.
 *   fifo_open	a redirection made in the process itself opened fd onto
 *		a FIFO: path as written, open(2)'s flags, cmd the builtin
 *		it is for (NULL: a compound command), undo when it is put
 *		back later (then fifo_done(fd) first, stdout flushed).
 *   fifo_done	that redirection is being put back.
 *   read	the shell read bytes in calls read(2)s from fd (eof: then
 *		end of file): cmd the read builtin, NULL the pipe of a
 *		$(...), read up to its end.
 * sh_tell_read calls read, but not in the program's chores.
 */
struct own_hooks {
	void	(*fifo_open)(int fd, const char *path, int flags,
		    const char *cmd, int undo);
	void	(*fifo_done)(int fd);
	void	(*read)(int fd, long bytes, long calls, int eof,
		    const char *cmd);
};
extern const struct own_hooks *sh_own_hooks;
void sh_tell_read(int fd, long bytes, long calls, int eof, const char *cmd);

/*
 * Between jobs_chores(1) and jobs_chores(0) (they nest) the children the
 * shell starts are the program's own chores, as a lesson's set-up and
 * clean-up: no at_fork, at_spawn or at_run hook runs in them, so the
 * tape leaves them out (before_exec, the sandbox, still runs).
 */
void jobs_chores(int on);

/*
 * Called with each command line the interactive shell reads (after
 * parsing, before running it), when set: the lesson uses it to follow the
 * student. Returns nonzero to take the line: it is not run.
 */
extern int (*sh_line_hook)(const char *line);

/*
 * A helper child of the shell, as fork(2) returns (the lesson's checks
 * and its Ctrl+C presser): named name at once (PR_SET_NAME; the probe
 * leaves a tree so named out of every view), no at_fork hook for it or
 * its children (the tape does not follow them), no job control and not
 * interactive (what it runs stays in its process group, away from the
 * terminal). The caller waits for it with waitpid(2) and ends it with
 * _exit(2).
 */
pid_t jobs_fork_helper(const char *name);

/* Runs the EXIT trap, saves history, exits with status. */
void sh_exit(int status) __attribute__((noreturn));

/*
 * When the terminal hangs up, the interactive shell passes SIGHUP on to
 * its jobs and leaves the way it leaves at the end of input (the EXIT
 * trap, a lesson's clean-up), then dies of SIGHUP; fn (one, or NULL) is
 * called from the signal handler first, to stop what is running: it may
 * only set volatile sig_atomic_t flags. Stuck past a few seconds, the
 * shell dies at once.
 */
void sh_on_hangup(void (*fn)(void));

/*
 * Reports an error on stderr: "ipcsh: MSG" when interactive, otherwise
 * "ipcsh: FILE: LINE: MSG" / "ipcsh: LINE: MSG" as dash does.
 * A newline is added.
 */
void sh_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void sh_verrorf(const char *fmt, va_list ap);

/* "ipcsh: MSG" without the place: options, start-up, a child's exec. */
void sh_warnf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * A line exactly as given (a newline added): usage lines and the lines
 * of the tools a builtin imitates ("ipcs: id 3 not found").
 */
void sh_errlinef(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Builtins: plain argc/argv in, exit status out; they print with stdio. */
#define BI_SPECIAL	0x1	/* POSIX special builtin (assignments stay, errors exit a script) */
#define BI_NOFORK	0x2	/* changes the shell itself: never forked unless in a pipeline */
#define BI_OWNHELP	0x4	/* reads --help itself (own text, or an operand) */

struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage;	/* "kill [-s SIG | -SIG] pid|%job..." */
	const char *help;	/* one line for `help` */
	const char *help_zh;	/* the same line in Chinese (i18n.h) */
	unsigned flags;
};

/* One table per family, each ended by an entry whose name is NULL. */
extern const struct builtin builtins_core[];	/* builtins/core.c */
extern const struct builtin builtins_jobs[];	/* builtins/jobs.c */
extern const struct builtin builtins_signal[];	/* builtins/signal.c */
extern const struct builtin builtins_fifo[];	/* builtins/fifo.c */
extern const struct builtin builtins_sock[];	/* builtins/sockpair.c */
extern const struct builtin builtins_sysv[];	/* builtins/sysv.c */
extern const struct builtin builtins_show[];	/* builtins/show.c */
extern const struct builtin builtins_lesson[];	/* lesson/builtin_lesson.c */
extern const struct builtin builtins_sandbox[];	/* sandbox/sandbox.c */
extern const struct builtin builtins_posix[];	/* builtins/posix.c */
extern const struct builtin builtins_printf[];	/* builtins/printf.c */
extern const struct builtin builtins_test[];	/* builtins/test.c */
extern const struct builtin builtins_trace[];	/* builtins/trace.c */
extern const struct builtin builtins_procenv[];	/* builtins/procenv.c */
extern const struct builtin builtins_programs[]; /* builtins/programs.c */
extern const struct builtin builtins_posixipc[]; /* builtins/posixipc.c */

/*
 * Runs a builtin: "NAME --help" prints its usage and help lines on stdout
 * and returns 0 (as bash's builtins), unless the builtin has BI_OWNHELP.
 */
int builtin_call(const struct builtin *b, int argc, char **argv);

/* argv is "NAME --help" for a builtin that leaves --help to builtin_call. */
int builtin_wants_help(const struct builtin *b, int argc, char **argv);

/*
 * The families the interpreter looks builtins up in, in this order (the
 * program registers them at start; the table must outlive the shell).
 */
void builtin_register(const struct builtin *const *tables, size_t n);

/*
 * Signal dispositions: every change goes through trap.c. trap_disposition
 * sets one (handler, SIG_DFL or SIG_IGN; flags such as SA_RESTART) and is
 * async-signal-safe. The temporary SIGINT handling of a wait that Ctrl+C
 * must end (prompt, wait, msgrcv, a lesson) is one push/pop pair: push
 * installs handler (no SA_RESTART: the wait gets EINTR) and saves what
 * was there; pop puts it back.
 */
int trap_disposition(int n, void (*handler)(int), int flags);
struct trap_save {
	struct sigaction sa;
};
void trap_sigint_push(void (*handler)(int), struct trap_save *save);
void trap_sigint_pop(const struct trap_save *save);

/* Writes s to stdout in single quotes, for reuse as shell input. */
void sh_print_quoted(const char *s);

/* Returns the builtin called name, or NULL. */
const struct builtin *builtin_find(const char *name);

/* Calls fn for every builtin, in table order. */
void builtin_each(void (*fn)(const struct builtin *, void *), void *arg);

/* Prints "usage: USAGE" of builtin name on stderr; returns 2. */
int bi_usage(const char *name);

/*
 * --help of a builtin that reads it itself (BI_OWNHELP): "usage: USAGE"
 * of builtin name, then text, on stdout; returns 0.
 */
int bi_help_text(const char *name, const char *text);
/* b's line for `help`, in the language in force. */
const char *builtin_help(const struct builtin *b);
/* "usage: ..." on lines of at most 79 columns (lead is "usage: "). */
void bi_print_usage(const char *lead, const char *usage);

/* Reports "name: MSG" through sh_errorf; returns 1. */
int bi_errorf(const char *name, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * A builtin's options as data: one row an option, read with
 * getopt_long(3), so its messages ("invalid option -- 'x'") are getopt's.
 * letter is what the reading returns (the short option too, unless
 * BI_OPT_LONG: --name only); a row with set stores val there and is not
 * returned. The rows end with a letter 0; at most BI_OPT_MAX of them.
 */
#define BI_OPT_LONG	0x100
#define BI_OPT_MAX	23
struct bi_opt {
	int		letter;
	const char	*name;		/* the long option */
	int		has_arg;	/* no_argument, required_argument, optional_argument */
	int		*set;
	int		val;
};
struct bi_opts {
	const struct bi_opt *rows;
	int		argc;
	char		**argv;
	char		shorts[2 + 3 * BI_OPT_MAX];
	struct option	longs[BI_OPT_MAX + 1];
};

/*
 * Starts reading argv's options (getopt's state reset, its messages on).
 * order "+": the options end at the first operand (POSIX); "": getopt's
 * permutation, options after operands too (util-linux).
 */
void bi_opt_start(struct bi_opts *g, const char *order,
    const struct bi_opt *rows, int argc, char **argv);

/*
 * The next option no row's set takes, as getopt_long returns it (optarg
 * its argument; '?' a bad one), or -1 at the end (optind: the first operand).
 */
int bi_opt_next(struct bi_opts *g);

/* The argc words of argv joined by single spaces, malloc'd; NULL: ENOMEM. */
char *bi_join(int argc, char **argv);

#endif
