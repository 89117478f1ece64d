/*
 * uisig.c - ipcview's signals: a self-pipe the main loop reads (as tmux
 * routes them through its event loop), and a crash that still gives the
 * terminal back.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "uisig.h"

static int uisig_pipe[2] = { -1, -1 };
static char uisig_seq[128];	/* rmcup, cnorm, sgr0 for a crash */
static struct termios uisig_tio;
static int uisig_have_tio;
static struct sigaction uisig_old[NSIG];

int
uisig_fd(void)
{
	return uisig_pipe[0];
}

void
uisig_save_tio(void)
{
	if (tcgetattr(STDIN_FILENO, &uisig_tio) == 0)
		uisig_have_tio = 1;
}

/* ------------------------------------------------------------------ */
/* signals: a self-pipe, as tmux routes them through its event loop    */

static void
uisig_on_signal(int sig)
{
	int e = errno;
	unsigned char c = (unsigned char)sig;

	(void)!write(uisig_pipe[1], &c, 1);
	errno = e;
}

/*
 * A crash still gives the terminal back: only write(2) and tcsetattr(3)
 * here (signal-safety(7)), then the previous handler (a sanitizer's, or
 * the default) runs when the fault repeats or abort(3) raises again.
 */
static void
uisig_on_fatal(int sig)
{
	if (uisig_have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &uisig_tio);
	(void)!write(STDOUT_FILENO, uisig_seq, strlen(uisig_seq));
	sigaction(sig, &uisig_old[sig], NULL);
}

int
uisig_install(void)
{
	static const int caught[] = { SIGWINCH, SIGCHLD, SIGTERM, SIGHUP,
		SIGINT };
	static const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL,
		SIGABRT };
	struct sigaction sa;
	size_t i;

	if (pipe2(uisig_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
		return -1;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = uisig_on_signal;
	sa.sa_flags = SA_RESTART;
	for (i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
		sigaction(caught[i], &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = uisig_on_fatal;
	sa.sa_flags = 0;
	for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		sigaction(fatal[i], &sa, &uisig_old[fatal[i]]);
	return 0;
}

void
uisig_reset(void)
{
	static const int sigs[] = { SIGWINCH, SIGCHLD, SIGTERM, SIGHUP,
		SIGINT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], SIG_DFL);
	close(uisig_pipe[0]);
	close(uisig_pipe[1]);
}


void
uisig_save_restore_seq(void)
{
	const char *caps[] = { "rmcup", "cnorm", "sgr0" };
	char *s;
	size_t i;

	uisig_seq[0] = '\0';
	for (i = 0; i < 3; i++) {
		s = tigetstr(caps[i]);
		if (s != NULL && s != (char *)-1 &&
		    strlen(uisig_seq) + strlen(s) + 3 < sizeof(uisig_seq))
			strcat(uisig_seq, s);
	}
	strcat(uisig_seq, "\r\n");
}

