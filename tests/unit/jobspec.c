/*
 * jobspec.c - unit tests of job specs (%n %% %+ %- %string %?string):
 * three jobs of real children, the last one stopped, and for each spec
 * the job number job_find must pick (0: an error is reported).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#include "core/jobs.h"
#include "shell.h"
#include "unit.h"

static const struct {
	const char *name, *spec;
	int want;
} rows[] = {
#include "jobspec.def"
};

/* A child that waits to be killed; the test kills it by pid. */
static pid_t
child(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		pause();
		_exit(0);
	}
	return pid;
}

int
main(void)
{
	const char *text[3] = { "sleep 30", "sleep 31 | cat", "yes | head" };
	pid_t pids[5];
	struct job *j;
	siginfo_t si;
	sigset_t old;
	char got[16], want[16];
	size_t i;
	int n = 0, k;

	jobs_init(0);
	for (k = 0; k < 3; k++) {
		jobs_block(&old);
		j = job_new(text[k], 0);
		pids[n] = child();
		job_add(j, pids[n++], "a");
		if (k > 0) {
			pids[n] = child();
			job_add(j, pids[n++], "b");
		}
		jobs_unblock(&old);
		job_run(j);
	}
	for (k = 0; k < n; k++)
		if (pids[k] <= 0)
			return 2;	/* fork failed: never kill(0) or kill(-1) */
	/* stop the third job and wait (without reaping) until it is */
	for (k = 3; k < 5; k++) {
		kill(pids[k], SIGSTOP);
		waitid(P_PID, pids[k], &si, WSTOPPED | WNOWAIT);
	}
	jobs_reap();
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		j = job_find(rows[i].spec, "unit");
		snprintf(got, sizeof(got), "%d", j ? job_id(j) : 0);
		snprintf(want, sizeof(want), "%d", rows[i].want);
		unit_check("jobspec", rows[i].name, want, got);
	}
	unit_check("jobspec", "stopped-count", "1",
	    jobs_stopped() == 1 ? "1" : "not 1");
	for (k = 0; k < n; k++)
		kill(pids[k], SIGKILL);
	for (k = 0; k < n; k++)
		waitpid(pids[k], NULL, 0);
	return unit_failed;
}
