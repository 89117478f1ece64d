/*
 * options.c - the shell's options (set -abCefmnuvx, set -o NAME, set +o):
 * one table of names and letters in dash's order, then ipcsh's own.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "builtins/options.h"
#include "core/expand.h"
#include "core/input.h"
#include "core/jobs.h"
#include "shell.h"
#include "tape/recorder.h"

static const struct {
	const char *name;
	char letter;
} opts[] = {
	{ "errexit", 'e' }, { "noglob", 'f' }, { "ignoreeof", 0 },
	{ "interactive", 'i' }, { "monitor", 'm' }, { "noexec", 'n' },
	{ "stdin", 's' }, { "xtrace", 'x' }, { "verbose", 'v' },
	{ "vi", 0 }, { "emacs", 0 }, { "noclobber", 'C' },
	{ "allexport", 'a' }, { "notify", 'b' }, { "nounset", 'u' },
	{ "privileged", 'p' }, { "nolog", 0 }, { "debug", 0 },
	{ "pipefail", 0 }, { "explain", 0 }, { "tape", 0 },
};

#define NOPTS ((int)(sizeof(opts) / sizeof(opts[0])))
#define NDASH 18	/* dash's options: errexit ... debug */

static int *
opt_ptr(int i)
{
	int *const p[] = {
		&sh_opt.errexit, &expand_noglob, &sh_opt.ignoreeof,
		&sh_opt.interactive, &sh_opt.monitor, &sh_opt.noexec,
		&sh_opt.stdin_mode, &sh_opt.xtrace, &sh_opt.verbose,
		&sh_opt.vi, &sh_opt.emacs, &sh_opt.noclobber,
		&sh_opt.allexport, &sh_opt.notify, &sh_opt.nounset,
		&sh_opt.privileged, &sh_opt.nolog, &sh_opt.debug,
		&sh_opt.pipefail, &sh_opt.explain, &sh_opt.tape,
	};

	return p[i];
}

/* Sets option i; returns 0, or 1 when it cannot be (the tape). */
static int
opt_set(int i, int on, int cmdline)
{
	int *p = opt_ptr(i);

	if (p == &sh_opt.interactive || p == &sh_opt.stdin_mode)
		return 0;	/* how the shell started: not changed by set */
	if (p == &sh_opt.tape) {
		if (on && !sh_opt.tape && tape_start(NULL) < 0)
			return 1;
		if (!on && sh_opt.tape)
			tape_stop();
	} else if (p == &sh_opt.monitor && !cmdline && on != sh_opt.monitor) {
		if (jobs_monitor(on) < 0) {
			bi_errorf("set", "can't access tty; job control "
			    "turned off");
			return 0;
		}
	} else if (p == &sh_opt.vi || p == &sh_opt.emacs) {
		/* one editing mode at a time, as in dash and bash */
		if (on) {
			sh_opt.vi = sh_opt.emacs = 0;
			input_editing_mode(p == &sh_opt.vi ? "vi" : "emacs");
		}
	}
	*p = on;
	return 0;
}

static void
opt_list(int as_cmds)
{
	int i;

	if (!as_cmds)
		printf("Current option settings\n");
	for (i = 0; i < NOPTS; i++) {
		/* ipcsh's own, past dash's: in a script only when on */
		if (i >= NDASH && !*opt_ptr(i) && !sh_opt.interactive)
			continue;
		if (as_cmds)
			printf("set %co %s\n", *opt_ptr(i) ? '-' : '+',
			    opts[i].name);
		else
			printf("%-16s%s\n", opts[i].name,
			    *opt_ptr(i) ? "on" : "off");
	}
}

static int
by_name(const char *name, int on, int cmdline)
{
	int i;

	for (i = 0; i < NOPTS; i++)
		if (strcmp(opts[i].name, name) == 0)
			return opt_set(i, on, cmdline) ? 2 : 0;
	bi_errorf("set", "Illegal option -o %s", name);
	return 2;
}

int
options_parse(int argc, char **argv, int *ip, int *setargs, int cmdline)
{
	int i = *ip, k, j, on;
	const char *a;

	*setargs = 0;
	for (; i < argc; i++) {
		a = argv[i];
		if ((a[0] != '-' && a[0] != '+') || (a[0] == '+' &&
		    a[1] == '\0'))
			break;
		on = a[0] == '-';
		if (on && (a[1] == '\0' || (a[1] == '-' && a[2] == '\0'))) {
			if (a[1] == '\0') {
				/* "-": off with -x and -v */
				sh_opt.xtrace = sh_opt.verbose = 0;
			} else if (i + 1 >= argc) {
				*setargs = 1;	/* "--": $1... cleared */
			}
			i++;
			break;
		}
		for (k = 1; a[k] != '\0'; k++) {
			if (a[k] == 'o') {
				if (i + 1 >= argc) {
					opt_list(!on);
					*ip = argc;
					return 0;
				}
				if (by_name(argv[++i], on, cmdline) != 0)
					return 2;
				continue;
			}
			for (j = 0; j < NOPTS; j++)
				if (opts[j].letter == a[k])
					break;
			if (j == NOPTS) {
				bi_errorf("set", "Illegal option %c%c", a[0],
				    a[k]);
				return 2;
			}
			if (opt_set(j, on, cmdline) != 0)
				return 2;
		}
	}
	if (i < argc)
		*setargs = 1;
	*ip = i;
	return 0;
}
