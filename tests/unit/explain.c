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
#include "explain.def"
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
