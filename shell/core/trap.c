/*
 * trap.c - trap actions and every signal disposition the shell sets: the
 * handlers only record which signal came; the actions run between
 * commands (trap_run_pending), the EXIT trap at exit.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "jobs.h"
#include "shell.h"
#include "sigtab.h"
#include "trap.h"

#define NTRAP (SIGTAB_MAX + 1)	/* 0 is EXIT, then signals 1..64 */

static char *actions[NTRAP];
static volatile sig_atomic_t pending[NTRAP];
static volatile sig_atomic_t any_pending;

void
trap_note(int n)
{
	if (n > 0 && n < NTRAP) {
		pending[n] = 1;
		any_pending = 1;
	}
}

/* signal-safety(7): only flags are touched here */
static void
trap_handler(int n)
{
	trap_note(n);
}

int
trap_disposition(int n, void (*handler)(int), int flags)
{
	struct sigaction sa;

	jobs_note_start(n);
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	return sigaction(n, &sa, NULL);
}

void
trap_sigint_push(void (*handler)(int), struct trap_save *save)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = handler;	/* no SA_RESTART: the wait ends */
	jobs_note_start(SIGINT);
	sigaction(SIGINT, &sa, &save->sa);
}

void
trap_sigint_pop(const struct trap_save *save)
{
	sigaction(SIGINT, &save->sa, NULL);
}

int
trap_pending(void)
{
	int n;

	if (!any_pending)
		return 0;
	for (n = 1; n < NTRAP; n++)
		if (pending[n] && actions[n] != NULL && actions[n][0] != '\0')
			return n;
	return 0;
}

/* Sets the real disposition for signal n from its action (sigaction(2)). */
static int
apply(int n)
{
	if (n == SIGKILL || n == SIGSTOP)
		return 0;	/* stored for `trap` only: signal(7) */
	if (n == SIGCHLD)
		return 0;	/* jobs.c keeps its handler, trap_note */
	if (actions[n] == NULL) {
		jobs_sig_base(n);
		return 0;
	}
	if (actions[n][0] == '\0')
		return trap_disposition(n, SIG_IGN, 0);
	return trap_disposition(n, trap_handler, 0);	/* no SA_RESTART */
}

int
trap_set(int n, const char *action)
{
	char *copy = NULL;

	if (n < 0 || n >= NTRAP) {
		errno = EINVAL;
		return -1;
	}
	/* POSIX: ignored on entry to a non-interactive shell stays ignored */
	if (n > 0 && !sh_opt.interactive && jobs_ignored_at_start(n))
		return 0;
	if (action != NULL && (copy = strdup(action)) == NULL)
		return -1;
	free(actions[n]);
	actions[n] = copy;
	if (n == 0)
		return 0;
	pending[n] = 0;
	return apply(n);
}

const char *
trap_get(int n)
{
	if (n < 0 || n >= NTRAP)
		return NULL;
	return actions[n];
}

int
trap_ignored(int n)
{
	return n > 0 && n < NTRAP && actions[n] != NULL &&
	    actions[n][0] == '\0';
}

/* Runs one action; POSIX: $? is what it was before the trap ran. */
static void
run_action(const char *action)
{
	int saved = sh_status;
	char *copy = strdup(action);	/* it may reset its own trap */

	if (copy == NULL)
		return;
	sh_eval(copy, "trap");
	free(copy);
	sh_status = saved;
}

void
trap_run_pending(void)
{
	static int running;
	int n;

	if (!any_pending || running)
		return;
	running = 1;
	any_pending = 0;
	for (n = 1; n < NTRAP; n++) {
		if (!pending[n])
			continue;
		pending[n] = 0;
		if (actions[n] != NULL && actions[n][0] != '\0')
			run_action(actions[n]);
	}
	running = 0;
}

void
trap_run_exit(void)
{
	char *action = actions[0];

	actions[0] = NULL;	/* once: an exit inside the trap ends it */
	if (action == NULL)
		return;
	if (action[0] != '\0')
		run_action(action);
	free(action);
}

void
trap_reset_child(void)
{
	int n;

	for (n = 0; n < NTRAP; n++) {
		if (actions[n] == NULL || actions[n][0] == '\0')
			continue;	/* ignored stays ignored (POSIX) */
		free(actions[n]);
		actions[n] = NULL;
		pending[n] = 0;
		if (n > 0 && n != SIGKILL && n != SIGSTOP && n != SIGCHLD)
			trap_disposition(n, SIG_DFL, 0);
	}
	any_pending = 0;
}

/* the signals an interactive shell ignores for itself (jobs.c) */
static const int shell_sigs[TRAP_NSHELLSIGS] = {
	SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGTERM,
};

/*
 * exec COMMAND: the command gets default dispositions for what only the
 * interactive shell ignores (SIG_IGN survives execve(2), signal(7)); what
 * was ignored at start or by trap '' stays ignored. undo: exec failed,
 * put back the saved actions.
 */
void
trap_exec_sigs(struct trap_exec_save *saved, int undo)
{
	int i, n;

	for (i = 0; i < TRAP_NSHELLSIGS; i++) {
		n = shell_sigs[i];
		if (undo) {
			sigaction(n, &saved->sa[i], NULL);
			continue;
		}
		sigaction(n, NULL, &saved->sa[i]);
		if (saved->sa[i].sa_handler == SIG_IGN &&
		    !jobs_ignored_at_start(n) && !trap_ignored(n))
			trap_disposition(n, SIG_DFL, 0);
	}
}
