/*
 * explain.c - unit tests of the job-state words: each row is a wait(2)
 * status and what `jobs` shows for it, as bash prints it (strsignal(3)).
 */
#include <signal.h>
#include <sys/wait.h>

#include "core/explain.h"
#include "unit.h"

static const struct {
	const char *name;
	int status;
	const char *want;
} rows[] = {
	{ "exit-0", W_EXITCODE(0, 0), "Done" },
	{ "exit-3", W_EXITCODE(3, 0), "Exit 3" },
	{ "exit-255", W_EXITCODE(255, 0), "Exit 255" },
	{ "sigterm", W_EXITCODE(0, SIGTERM), "Terminated" },
	{ "sigkill", W_EXITCODE(0, SIGKILL), "Killed" },
	{ "sighup", W_EXITCODE(0, SIGHUP), "Hangup" },
	{ "sigpipe", W_EXITCODE(0, SIGPIPE), "Broken pipe" },
	{ "sigusr1", W_EXITCODE(0, SIGUSR1), "User defined signal 1" },
	{ "sigabrt", W_EXITCODE(0, SIGABRT), "Aborted" },
	{ "sigsegv-core", W_EXITCODE(0, SIGSEGV) | WCOREFLAG,
	    "Segmentation fault (core dumped)" },
	{ "sigquit-core", W_EXITCODE(0, SIGQUIT) | WCOREFLAG,
	    "Quit (core dumped)" },
	{ "stop-tstp", W_STOPCODE(SIGTSTP), "Stopped" },
	{ "stop-stop", W_STOPCODE(SIGSTOP), "Stopped (signal)" },
	{ "stop-ttin", W_STOPCODE(SIGTTIN), "Stopped (tty input)" },
	{ "stop-ttou", W_STOPCODE(SIGTTOU), "Stopped (tty output)" },
	{ "continued", 0xffff, "Running" },
};

int
main(void)
{
	char buf[128];
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		unit_check("explain", rows[i].name, rows[i].want,
		    explain_state(rows[i].status, buf, sizeof(buf)));
	/* a buffer too small is cut, never overrun */
	unit_check("explain", "truncated", "Segm",
	    explain_state(W_EXITCODE(0, SIGSEGV), buf, 5));
	return unit_failed;
}
