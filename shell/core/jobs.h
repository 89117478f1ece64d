/*
 * jobs.h - the job table: one process group per pipeline when job control
 * is on, the terminal, waiting, reaping (driven by SIGCHLD), notifications.
 *
 * How exec.c uses it for one pipeline or background command:
 *
 *	jobs_block(&old);		   SIGCHLD held until the table knows the child
 *	j = job_new(text, fg);
 *	for each member:
 *		pid = fork();
 *		child:  job_child(j); ... exec
 *		parent: job_add(j, pid, argv0);
 *	jobs_unblock(&old);
 *	status = job_run(j);		   fg: wait; bg: "[1] pid", $!
 *
 * Children that are not jobs (command substitution, the left side of a
 * $(...)) are made the same way with job_new(NULL, 1): hidden, never listed.
 */
#ifndef IPCSH_JOBS_H
#define IPCSH_JOBS_H

#include <signal.h>
#include <sys/types.h>

struct job;

/*
 * At start: when interactive, put the shell in its own process group,
 * take the terminal, ignore SIGQUIT/SIGTSTP/SIGTTIN/SIGTTOU/SIGTERM, note
 * SIGINT (see jobs_sig_base), pass SIGHUP on to the jobs; set up the
 * SIGCHLD self-pipe. Sets sh_opt.monitor, and sh_opt.explain when
 * interactive (explain mode is on by default there).
 */
/* set -m / +m: job control on (-1 when there is no terminal) or off. */
int jobs_monitor(int on);

void jobs_init(int interactive);

/*
 * Run the child hooks main.c registered (shell.h, struct child_hooks):
 * at_fork first thing in every forked child (and a vfork(2) child that
 * opens files), at_spawn in a vfork(2) child right before its execve(2), before_exec at the end of job_child
 * and before the exec builtin. Nothing when none.
 */
void jobs_child_at_fork(int vforked);
void jobs_child_at_spawn(const char *path, char *const argv[], int hi,
    int asked);
void jobs_child_before_exec(void);
/* at_run: spawn_tell (spawn.h) calls it, once per forked child. */
void jobs_child_at_run(const char *what, int argc, char *const *argv);
/* The own hooks (shell.h) to tell, NULL in the program's chores. */
const struct own_hooks *jobs_own_hooks(void);

/*
 * In a forked subshell: job control off; the parent's jobs stay listed
 * (jobs | grep, kill $(jobs -p)) but are never waited for.
 */
void jobs_forget(void);

/* Blocks SIGCHLD (saving the old mask) / restores it. */
void jobs_block(sigset_t *old);
void jobs_unblock(const sigset_t *old);

/* A new job; text is the command as typed (copied), NULL for hidden. */
struct job *job_new(const char *text, int fg);

/*
 * In the child, right after fork: join the job's process group (the first
 * member leads it), take the terminal when foreground and job control is
 * on, give every signal its default disposition except those the shell
 * was started with ignored or told to ignore (trap '' SIG).
 */
void job_child(struct job *j);

/* In the parent: record member pid (setpgid here too: whichever runs first). */
void job_add(struct job *j, pid_t pid, const char *name);

/*
 * Foreground: wait until every member has ended or one stopped, take the
 * terminal back, restore the shell's terminal modes; returns the status
 * ($? rules: last member, pipefail, 128+N for a signal, 128+SIGTSTP when
 * stopped) and reports signal deaths (and explains them with explain on).
 * Background: prints "[n] pid" when interactive, sets $!, returns 0.
 */
int job_run(struct job *j);

/* Prints "[1]+  Done   cmd" lines for changed jobs; before each prompt. */
void jobs_notify(void);

/*
 * Read end of the SIGCHLD self-pipe, for poll() loops (made on first use;
 * -1 if pipe2 failed). From the first call on, readable after a child
 * changed: call jobs_reap (shell.h).
 */
int jobs_fd(void);

/* Number of stopped jobs (exit warns once when non-zero). */
int jobs_stopped(void);

/*
 * For the jobs family of builtins (jobs, fg, bg, wait, disown, kill %n).
 */

/* What jobs_list prints for each job. */
enum job_fmt { JOB_FMT_NORMAL, JOB_FMT_LONG, JOB_FMT_PIDS };

/*
 * Finds the job a spec names: %n, %%, %+, %-, %string (command starts
 * with), %?string (command contains); a NULL spec means the current job.
 * Returns NULL after reporting "who: SPEC: no such job" (or "ambiguous").
 */
struct job *job_find(const char *spec, const char *who);

/* Finds the listed job that has member pid (NULL when none). */
struct job *job_by_pid(pid_t pid);

/*
 * Prints one job as `jobs` does; fmt is one of enum job_fmt. A finished
 * job is forgotten (freed) once it has been shown.
 */
void job_print(struct job *j, int fmt);

/* Calls fn for every listed job, oldest first. */
void jobs_each(void (*fn)(struct job *, void *), void *arg);

/* Process group of a job (0 when it has none of its own). */
pid_t job_pgid(const struct job *j);

/* Pid of the last member (what $! names). */
pid_t job_lastpid(const struct job *j);

/* Number of a listed job ([n]). */
int job_id(const struct job *j);

/*
 * fg: gives the job the terminal, sends SIGCONT to its group and waits as
 * job_run does; returns its status. bg: SIGCONT in the background,
 * prints "[n]+ cmd &". Both return -1 (errno set) when kill(2) failed.
 */
int job_fg(struct job *j);
int job_bg(struct job *j);

/*
 * wait for a job or one pid: blocks until it has ended (or a trapped
 * signal or, interactively, SIGINT arrives: then 128+N). Returns the
 * status; for an unknown pid returns 127.
 */
int job_wait(struct job *j);
int jobs_wait_all(void);
int jobs_wait_for_pid(pid_t pid);

/*
 * kill %job: signal the job's process group (each member without job
 * control); a stopped job also gets SIGCONT after SIGTERM or SIGHUP, as
 * bash does, so that it can act on them. 0, or -1 with errno of kill(2).
 */
int job_signal(struct job *j, int sig);

/* disown: forget a job (its processes are still reaped, silently). */
void job_disown(struct job *j);

/*
 * exit with stopped jobs: prints "There are stopped jobs." and returns 0
 * the first time in a row, returns 1 (go ahead) otherwise. Any other
 * command in between re-arms the warning (jobs_notify does).
 */
int jobs_exit_ok(void);

/* The terminal hung up: the end of input ends the shell, whatever else. */
int jobs_hung_up(void);

/*
 * Non-zero when the shell itself keeps signal n ignored: it was ignored
 * when the shell started, or the interactive shell ignores it (SIGINT,
 * SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGTERM). trap - SIG returns to this.
 */
int jobs_sig_ignored(int n);

/*
 * Gives signal n the shell's own disposition (what trap - SIG restores):
 * default, or ignored as jobs_sig_ignored says. SIGINT is the exception:
 * the interactive shell only notes it (a flag), so that a Ctrl+C typed
 * just before a foreground job owns the terminal still ends that job.
 */
void jobs_sig_base(int n);

/*
 * Non-zero when Ctrl+C reached the interactive shell itself since the
 * last prompt (jobs_notify clears it): a loop of builtins can stop.
 */
int jobs_interrupted(void);

/* Non-zero when signal n was ignored when the shell started. */
int jobs_ignored_at_start(int n);

/* Before the shell first changes signal n: keep what it started with. */
void jobs_note_start(int n);

#endif
