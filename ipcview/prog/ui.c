/*
 * ui.c - the curses main loop: the split screen, or the pane alone.
 * Live pane above, the inner ipcsh on a pty below (host.c); one watch
 * of samples (watch.h) that the pane draws.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "host.h"
#include "i18n.h"
#include "help.h"
#include "pane.h"
#include "quiet.h"
#include "probe.h"
#include "session.h"
#include "start.h"
#include "tape.h"
#include "view.h"
#include "watch.h"

#define UI_PREFIX	0x1d	/* Ctrl+], the prefix key (telnet's escape) */
#define UI_SHELL_MIN	12	/* rows the shell keeps while the pane shrinks */
#define UI_PANE_MIN	3
#define UI_QUIET	0.03	/* s of pty silence that ends a command's output */
#define UI_START	1.0	/* s the first sample waits for the shell's prompt */
#define UI_FRAME	0.01	/* s between two redraws of a busy screen */
#define UI_GRACE	1.0	/* s a job has to end after SIGHUP, then SIGTERM */

enum ui_mode { UI_SHELL, UI_PANE };

#define DIRTY_PANE	0x1
#define DIRTY_STATUS	0x2
#define DIRTY_ALL	0x4

struct ui {
	const struct view_opts *o;
	struct host	*host;		/* NULL: pane alone (--pid) */
	struct watch	*watch;		/* the samples; the pane draws them */
	struct quiet	quiet;		/* the shells' housekeeping: no events */
	struct pane	*pane;
	pid_t		root;
	WINDOW		*panew, *statw, *shellw, *overw, *inw;
	int		rows, cols, pane_rows, shell_rows;
	int		color;
	enum ui_mode	mode;
	int		help, frozen;
	double		interval;
	double		next_snap;	/* monotonic s of the next snapshot */
	double		soon;		/* an early one after a command, 0 none */
	double		last_draw;
	int		dirty;
	int		quit, status;
	int		quit_sig;	/* the signal that ended ipcview, or 0 */
	int		confirm;	/* quit asked while jobs run: y/N */
	char		jobs_text[256];	/* what runs, for the question */
	struct probe_opts popts;
};

static int ui_sigfd[2] = { -1, -1 };
static char ui_restore_seq[128];	/* rmcup, cnorm, sgr0 for a crash */
static struct termios ui_tio;
static int ui_have_tio;
static struct sigaction ui_fatal_old[NSIG];
static FILE *ui_logf;

static double ui_now(void);

static void __attribute__((format(printf, 2, 3)))
ui_log(const char *func, const char *fmt, ...)
{
	va_list ap;

	if (ui_logf == NULL)
		return;
	fprintf(ui_logf, "%.3f %s: ", ui_now(), func);
	va_start(ap, fmt);
	vfprintf(ui_logf, fmt, ap);
	va_end(ap);
	fputc('\n', ui_logf);
	fflush(ui_logf);
}

static double
ui_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------ */
/* signals: a self-pipe, as tmux routes them through its event loop    */

static void
ui_on_signal(int sig)
{
	int e = errno;
	unsigned char c = (unsigned char)sig;

	(void)!write(ui_sigfd[1], &c, 1);
	errno = e;
}

/*
 * A crash still gives the terminal back: only write(2) and tcsetattr(3)
 * here (signal-safety(7)), then the previous handler (a sanitizer's, or
 * the default) runs when the fault repeats or abort(3) raises again.
 */
static void
ui_on_fatal(int sig)
{
	if (ui_have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &ui_tio);
	(void)!write(STDOUT_FILENO, ui_restore_seq, strlen(ui_restore_seq));
	sigaction(sig, &ui_fatal_old[sig], NULL);
}

static int
ui_signals(void)
{
	static const int caught[] = { SIGWINCH, SIGCHLD, SIGTERM, SIGHUP,
		SIGINT };
	static const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL,
		SIGABRT };
	struct sigaction sa;
	size_t i;

	if (pipe2(ui_sigfd, O_CLOEXEC | O_NONBLOCK) < 0)
		return -1;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = ui_on_signal;
	sa.sa_flags = SA_RESTART;
	for (i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
		sigaction(caught[i], &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = ui_on_fatal;
	sa.sa_flags = 0;
	for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		sigaction(fatal[i], &sa, &ui_fatal_old[fatal[i]]);
	return 0;
}

static void
ui_signals_reset(void)
{
	static const int sigs[] = { SIGWINCH, SIGCHLD, SIGTERM, SIGHUP,
		SIGINT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], SIG_DFL);
	close(ui_sigfd[0]);
	close(ui_sigfd[1]);
}

/* ------------------------------------------------------------------ */
/* curses                                                              */

static void
ui_save_restore_seq(void)
{
	const char *caps[] = { "rmcup", "cnorm", "sgr0" };
	char *s;
	size_t i;

	ui_restore_seq[0] = '\0';
	for (i = 0; i < 3; i++) {
		s = tigetstr(caps[i]);
		if (s != NULL && s != (char *)-1 &&
		    strlen(ui_restore_seq) + strlen(s) + 3 < sizeof(ui_restore_seq))
			strcat(ui_restore_seq, s);
	}
	strcat(ui_restore_seq, "\r\n");
}

static int
ui_curses_start(struct ui *u)
{
	const char *nc = getenv("NO_COLOR");

	if (tcgetattr(STDIN_FILENO, &ui_tio) == 0)
		ui_have_tio = 1;
	if (initscr() == NULL)
		return -1;
	ui_save_restore_seq();
	raw();
	noecho();
	nonl();
	set_escdelay(25);
	/* no-color.org: any non-empty NO_COLOR means no colour */
	if (has_colors() && !(nc && *nc)) {
		start_color();
		use_default_colors();
		u->color = 1;
	}
	u->inw = newwin(1, 1, 0, 0);
	keypad(u->inw, TRUE);
	/* the wheel scrolls the shell's history (curs_mouse(3X)) */
	mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	nodelay(u->inw, TRUE);
	untouchwin(u->inw);
	return 0;
}

static void
ui_layout(struct ui *u)
{
	int pref;

	getmaxyx(stdscr, u->rows, u->cols);
	if (u->host == NULL) {
		u->pane_rows = u->rows;
		u->shell_rows = 0;
		return;
	}
	/* the pane shrinks first: the shell keeps UI_SHELL_MIN rows */
	pref = u->rows / 2;
	u->shell_rows = u->rows - 1 - pref;
	if (u->shell_rows < UI_SHELL_MIN)
		u->shell_rows = UI_SHELL_MIN;
	if (u->shell_rows > u->rows - 1 - UI_PANE_MIN)
		u->shell_rows = u->rows - 1 - UI_PANE_MIN;
	if (u->shell_rows < 1)
		u->shell_rows = 1;
	u->pane_rows = u->rows - 1 - u->shell_rows;
	if (u->pane_rows < 0)
		u->pane_rows = 0;
}

static void
ui_windows(struct ui *u)
{
	if (u->panew)
		delwin(u->panew);
	if (u->statw)
		delwin(u->statw);
	if (u->shellw)
		delwin(u->shellw);
	if (u->overw)
		delwin(u->overw);
	u->panew = u->statw = u->shellw = NULL;
	ui_layout(u);
	u->overw = newwin(u->rows, u->cols, 0, 0);
	if (u->pane_rows > 0)
		u->panew = newwin(u->pane_rows, u->cols, 0, 0);
	if (u->host) {
		u->statw = newwin(1, u->cols, u->pane_rows, 0);
		u->shellw = newwin(u->shell_rows, u->cols, u->pane_rows + 1, 0);
		host_resize(u->host, u->shell_rows, u->cols);
		host_touch(u->host);
	}
	u->dirty |= DIRTY_ALL;
}

static void
ui_resize(struct ui *u)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	ui_log(__func__, "%dx%d", COLS, LINES);
	ui_windows(u);
}

/* ------------------------------------------------------------------ */
/* drawing                                                             */

static void
ui_status_text(struct ui *u)
{
	char buf[96];

	if (u->frozen)
		snprintf(buf, sizeof(buf), "%s", tr("FROZEN", "已冻结"));
	else if (u->interval < 1)
		snprintf(buf, sizeof(buf), "%g Hz", 1 / u->interval);
	else
		snprintf(buf, sizeof(buf), "%s %gs", tr("every", "每"),
		    u->interval);
	pane_set_status(u->pane, buf);
}

static void
ui_draw_status(struct ui *u)
{
	WINDOW *w = u->statw;
	attr_t a = u->color ? COLOR_PAIR(1) : A_REVERSE;
	const char *t;
	int x;

	wmove(w, 0, 0);
	wattr_on(w, a, NULL);
	for (x = 0; x < u->cols; x++)
		waddch(w, ' ');
	wmove(w, 0, 0);
	if (u->confirm) {
		wprintw(w, " %s %s  %s", tr("Still running:", "仍在运行:"),
		    u->jobs_text, tr("Quit and end them? y/N",
		    "退出并结束它们? y/N"));
		wattr_off(w, a, NULL);
		wnoutrefresh(w);
		return;
	}
	if (u->mode == UI_PANE)
		t = tr(" PANE KEYS  Tab section  Up/Down select  Enter detail  f freeze  +/- rate  1-5 sections  ? help  q quit  Esc back to the shell",
		    " 面板按键  Tab 切换区域  上/下 选择  Enter 详情  f 冻结  +/- 刷新率  1-5 区域  ? 帮助  q 退出  Esc 返回 shell");
	else
		t = tr(" ipcsh  Ctrl+] pane keys (Ctrl+] ? help, Ctrl+] q quit)",
		    " ipcsh  Ctrl+] 面板按键 (Ctrl+] ? 帮助, Ctrl+] q 退出)");
	waddnstr(w, t, -1);
	if (u->host && host_title(u->host)[0] && u->mode == UI_SHELL) {
		x = u->cols - (int)strlen(host_title(u->host)) - 2;
		if (x > getcurx(w) + 2) {
			wmove(w, 0, x);
			waddstr(w, host_title(u->host));
		}
	}
	wattr_off(w, a, NULL);
	wnoutrefresh(w);
}

static void
ui_draw(struct ui *u)
{
	int all = u->dirty & DIRTY_ALL, vis = 0;

	if (all) {
		if (u->panew)
			touchwin(u->panew);
		if (u->statw)
			touchwin(u->statw);
		if (u->host)
			host_touch(u->host);
	}
	if (u->help) {
		help_draw(u->overw, u->rows, u->cols, u->host != NULL);
		curs_set(0);
		goto out;
	}
	if (pane_detail_open(u->pane)) {
		pane_draw_detail(u->pane, u->overw);
		wnoutrefresh(u->overw);
		curs_set(0);
		goto out;
	}
	if (u->panew && (all || (u->dirty & DIRTY_PANE) ||
	    pane_dirty(u->pane))) {
		pane_draw(u->pane, u->panew, u->mode == UI_PANE || !u->host);
		wnoutrefresh(u->panew);
		ui_log(__func__, "pane drawn");
	}
	if (u->statw && (all || (u->dirty & DIRTY_STATUS)))
		ui_draw_status(u);
	if (u->host) {
		if (all)
			touchwin(u->shellw);
		vis = host_draw(u->host, u->shellw, u->color);
		/* the shell's window last: the cursor stays where it left it */
		wnoutrefresh(u->shellw);
	}
	curs_set(u->mode == UI_SHELL && vis ? 1 : 0);
	if (u->host && host_bell(u->host))
		beep();
out:
	doupdate();
	u->dirty = 0;
	u->last_draw = ui_now();
}

/* ------------------------------------------------------------------ */
/* snapshots                                                           */

static void
ui_snapshot(struct ui *u)
{
	const struct snapshot *s;
	double t0 = ui_now();
	size_t i, full;

	s = watch_next(u->watch, NULL);
	if (s == NULL) {
		ui_log(__func__, "watch_next: %s", strerror(errno));
		return;
	}
	quiet_update(&u->quiet, s);
	u->dirty |= DIRTY_PANE;
	for (i = 0, full = 0; i < s->npipes; i++)
		full += s->pipes[i].full != 0;
	ui_log(__func__, "%zu processes, %zu pipes (%zu full), %zu queues in %.0f us",
	    s->nprocs, s->npipes, full, s->nqueues, (ui_now() - t0) * 1e6);
}

static void
ui_rate(struct ui *u, int faster)
{
	static const double steps[] = { 0.05, 0.1, 0.2, 0.5, 1, 2, 5 };
	int i, n = sizeof(steps) / sizeof(steps[0]);

	for (i = 0; i < n - 1 && steps[i] < u->interval - 1e-9; i++)
		;
	i += faster ? -1 : 1;
	if (i < 0)
		i = 0;
	if (i >= n)
		i = n - 1;
	u->interval = steps[i];
	u->next_snap = ui_now() + u->interval;
}

/* ------------------------------------------------------------------ */
/* keys                                                                */

/*
 * q: quits at once, unless jobs of the hosted shell still run; then names
 * them and asks (y quits, any other key stays).
 */
static void
ui_ask_quit(struct ui *u)
{
	static struct session_proc m[64];
	size_t len = 0;
	int i, n;

	if (u->host == NULL) {
		u->quit = 1;
		return;
	}
	n = session_members(host_pid(u->host), m, 64);
	if (n == 0) {
		u->quit = 1;
		return;
	}
	u->jobs_text[0] = '\0';
	for (i = 0; i < n && len + 32 < sizeof(u->jobs_text); i++)
		len += snprintf(u->jobs_text + len, sizeof(u->jobs_text) - len,
		    "%s%s (%d)", i ? ", " : "", m[i].comm, (int)m[i].pid);
	u->confirm = 1;
	u->dirty |= DIRTY_STATUS;
}

/* The answer to ui_ask_quit's question. */
static void
ui_confirm_key(struct ui *u, int iskey, wint_t ch)
{
	u->confirm = 0;
	u->dirty |= DIRTY_ALL;
	if (!iskey && (ch == 'y' || ch == 'Y'))
		u->quit = 1;
	else if (u->host)
		u->mode = UI_SHELL;	/* staying: back to the shell */
}

/* A key while the pane has the keys. */
static void
ui_pane_key(struct ui *u, int iskey, wint_t ch)
{
	u->dirty |= DIRTY_PANE | DIRTY_STATUS;
	if (u->help) {
		u->help = 0;
		u->dirty |= DIRTY_ALL;
		return;
	}
	if (pane_detail_open(u->pane)) {
		pane_key(u->pane, iskey, ch);
		if (!pane_detail_open(u->pane))
			u->dirty |= DIRTY_ALL;
		return;
	}
	if (iskey) {
		pane_key(u->pane, iskey, ch);
		return;
	}
	switch (ch) {
	case 27:		/* Esc */
		if (u->host)
			u->mode = UI_SHELL;
		break;
	case UI_PREFIX:
		if (u->host) {
			host_key(u->host, 0, ch);
			u->mode = UI_SHELL;
		}
		break;
	case 'q':
		ui_ask_quit(u);
		break;
	case '?':
	case 'h':
		u->help = 1;
		break;
	case 'f':
		u->frozen = !u->frozen;
		ui_status_text(u);
		break;
	case '+':
	case '=':
		ui_rate(u, 1);
		ui_status_text(u);
		break;
	case '-':
		ui_rate(u, 0);
		ui_status_text(u);
		break;
	case 'r':
		u->soon = ui_now();
		break;
	case 12:		/* Ctrl+L */
		clearok(curscr, TRUE);
		u->dirty |= DIRTY_ALL;
		break;
	default:
		if (pane_key(u->pane, 0, ch) && pane_detail_open(u->pane))
			u->dirty |= DIRTY_ALL;
		break;
	}
	if (pane_detail_open(u->pane))
		u->dirty |= DIRTY_ALL;
}

/*
 * Shift+PgUp/PgDn and the mouse wheel over the shell scroll its history
 * (in either mode). Returns 1 when the key was one of those.
 */
static int
ui_scroll_key(struct ui *u, wint_t ch)
{
	MEVENT ev;
	int page;

	if (u->host == NULL)
		return 0;
	page = u->shell_rows > 2 ? u->shell_rows - 1 : 1;
	switch (ch) {
	case KEY_SPREVIOUS:
		host_scroll(u->host, page);
		return 1;
	case KEY_SNEXT:
		host_scroll(u->host, -page);
		return 1;
	case KEY_MOUSE:
		if (getmouse(&ev) != OK)
			return 1;
		if (ev.y <= u->pane_rows)
			return 1;	/* over the pane: nothing to scroll */
		if (ev.bstate & BUTTON4_PRESSED)
			host_scroll(u->host, 3);
		else if (ev.bstate & BUTTON5_PRESSED)
			host_scroll(u->host, -3);
		return 1;
	default:
		return 0;
	}
}

static void
ui_keys(struct ui *u)
{
	wint_t ch;
	int r;

	while ((r = wget_wch(u->inw, &ch)) != ERR) {
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;	/* SIGWINCH does it */
		if (u->confirm) {
			ui_confirm_key(u, r == KEY_CODE_YES, ch);
			continue;
		}
		if (r == KEY_CODE_YES && ui_scroll_key(u, ch))
			continue;
		if (u->mode == UI_PANE || u->host == NULL) {
			ui_pane_key(u, r == KEY_CODE_YES, ch);
			continue;
		}
		if (r == OK && ch == UI_PREFIX) {
			u->mode = UI_PANE;
			u->dirty |= DIRTY_PANE | DIRTY_STATUS;
			continue;
		}
		host_key(u->host, r == KEY_CODE_YES, ch);
		/* a command may have started: look soon after Enter */
		if (r == OK && (ch == '\r' || ch == '\n')) {
			ui_log(__func__, "Enter");
			u->soon = ui_now() + UI_QUIET;
		}
	}
}

/* ------------------------------------------------------------------ */
/* the loop                                                            */

static void
ui_on_child(struct ui *u)
{
	int st;

	if (u->host == NULL || !host_reap(u->host, &st))
		return;
	ui_log(__func__, "shell ended, status 0x%x", st);
	u->quit = 1;
}

/* A wait status as a shell gives it: the exit code, or 128+N (signal N). */
static int
ui_wstatus(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return 1;
}

static void
ui_signal_bytes(struct ui *u)
{
	unsigned char buf[64];
	ssize_t n, i;
	int resize = 0;

	while ((n = read(ui_sigfd[0], buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++) {
			switch (buf[i]) {
			case SIGWINCH:
				resize = 1;
				break;
			case SIGCHLD:
				ui_on_child(u);
				break;
			default:	/* TERM, HUP, INT from outside */
				ui_log(__func__, "signal %d", buf[i]);
				u->quit = 1;
				u->quit_sig = buf[i];
				break;
			}
		}
	}
	/* resize before anything is drawn this turn */
	if (resize)
		ui_resize(u);
}

static int
ui_timeout(struct ui *u, double now)
{
	double next = now + 1.0;

	if (!u->frozen && u->next_snap < next)
		next = u->next_snap;
	if (u->soon > 0 && u->soon < next)
		next = u->soon;
	if (u->dirty || (u->host && host_dirty(u->host)))
		if (u->last_draw + UI_FRAME < next)
			next = u->last_draw + UI_FRAME;
	if (next <= now)
		return 0;
	return (int)((next - now) * 1000) + 1;
}

static void
ui_pty(struct ui *u, short revents)
{
	ssize_t n;

	if (revents & POLLOUT)
		host_flush(u->host);
	if (!(revents & (POLLIN | POLLHUP | POLLERR)))
		return;
	n = host_read(u->host);
	if (n > 0) {
		/* output goes quiet when a command is done: look then */
		u->soon = ui_now() + UI_QUIET;
		return;
	}
	if (n < 0) {
		/* EIO: no process holds the slave any more */
		ui_log(__func__, "pty closed");
		ui_on_child(u);
		u->quit = 1;	/* the status comes from host_free */
	}
}

static void
ui_loop(struct ui *u)
{
	struct pollfd pf[3];
	double now;
	int n;

	while (!u->quit) {
		now = ui_now();
		pf[0] = (struct pollfd){ .fd = ui_sigfd[0], .events = POLLIN };
		pf[1] = (struct pollfd){ .fd = STDIN_FILENO, .events = POLLIN };
		n = 2;
		if (u->host) {
			pf[2] = (struct pollfd){ .fd = host_fd(u->host),
			    .events = POLLIN };
			if (host_pending(u->host))
				pf[2].events |= POLLOUT;
			n = 3;
		}
		if (poll(pf, n, ui_timeout(u, now)) < 0 && errno != EINTR)
			break;
		ui_signal_bytes(u);
		if (pf[1].revents & (POLLHUP | POLLERR)) {
			u->quit = 1;	/* our terminal went away */
			u->quit_sig = SIGHUP;
		}
		if (pf[1].revents & POLLIN)
			ui_keys(u);
		if (u->host && !u->quit)
			ui_pty(u, pf[2].revents);
		now = ui_now();
		if ((!u->frozen && now >= u->next_snap) ||
		    (u->soon > 0 && now >= u->soon)) {
			if (!u->frozen)
				ui_snapshot(u);
			/* a fixed rate: the probe's own time does not add up */
			if (u->soon > 0 && now >= u->soon)
				u->next_snap = now + u->interval;
			else
				u->next_snap += u->interval;
			if (u->next_snap < now)
				u->next_snap = now + u->interval;
			u->soon = 0;
		}
		if (u->quit)
			break;
		if ((u->dirty || (u->host && host_dirty(u->host)) ||
		    pane_dirty(u->pane)) && now >= u->last_draw + UI_FRAME)
			ui_draw(u);
	}
}

/* ------------------------------------------------------------------ */
/* starting and ending                                                 */

static struct host *
ui_host_start(struct ui *u)
{
	char path[PATH_MAX], speed[32], tape[PATH_MAX];
	const char *argv[16], *cause = "";
	struct host *h;
	int n = 0;

	argv[n++] = start_shell_path(u->o, path, sizeof(path));
	if (u->o->lang) {
		argv[n++] = "--lang";
		argv[n++] = u->o->lang;
	}
	if (u->o->sandbox)
		argv[n++] = "--sandbox";
	/* the tape: short-lived processes stay visible (tape.h) */
	if (!u->o->notape && tape_dir(tape, sizeof(tape), 1) == 0 &&
	    strlen(tape) + 24 < sizeof(tape)) {
		snprintf(tape + strlen(tape), 24, "/view.%d", (int)getpid());
		argv[n++] = "--tape";
		argv[n++] = tape;
	}
	if (u->o->lesson) {
		argv[n++] = "--lesson";
		argv[n++] = u->o->lesson;
		if (u->o->play)
			argv[n++] = "--play";
		/* only when given: ipcsh's default applies otherwise */
		if (u->o->speed >= 0) {
			snprintf(speed, sizeof(speed), "%g", u->o->speed);
			argv[n++] = "--speed";
			argv[n++] = speed;
		}
	}
	argv[n] = NULL;
	start_path_programs();
	h = host_new(argv[0], (char *const *)argv, u->shell_rows, u->cols,
	    &cause);
	if (h == NULL)
		fprintf(stderr, "ipcview: %s: %s\n", cause, strerror(errno));
	return h;
}

static int
ui_run(struct ui *u)
{
	char *cause = NULL;

	if (u->host)
		u->root = host_pid(u->host);
	u->watch = watch_new(&u->root, 1, &u->popts, &cause);
	if (u->watch == NULL) {
		ui_log(__func__, "watch_new: %s", cause ? cause : "?");
		free(cause);
		return -1;
	}
	quiet_init(&u->quiet, &u->root, 1);
	watch_set_filter(u->watch, quiet_keep, &u->quiet);
	u->pane = pane_new(u->watch, u->color);
	if (u->pane == NULL)
		return -1;
	ui_status_text(u);
	ui_windows(u);
	/*
	 * The first sample is the watch's baseline. A hosted shell is
	 * sampled once its first output (the prompt) went quiet: before,
	 * it is still our fork, with our handlers, or setting up its own.
	 */
	if (u->host) {
		u->next_snap = ui_now() + UI_START;
	} else {
		ui_snapshot(u);
		u->next_snap = ui_now() + u->interval;
	}
	u->mode = u->host ? UI_SHELL : UI_PANE;
	ui_draw(u);
	ui_loop(u);
	return 0;
}

int
ui_main(const struct view_opts *o)
{
	static struct session_hold hold;
	const char *missing;
	int rc = 0, st;
	pid_t sid;
	struct ui u;

	memset(&u, 0, sizeof(u));
	u.o = o;
	u.root = o->pid;
	u.interval = o->interval > 0 ? o->interval : 0.1;
	u.popts.nmsgs = o->nmsgs > 0 ? o->nmsgs : -1;
	if (o->lang)
		i18n_set_lang(o->lang);
	missing = i18n_setlocale(LC_ALL);
	/* a hosted ipcsh says it in its own window */
	if (missing != NULL && o->pid != 0)
		start_locale_note(missing);
	if (o->log)
		ui_logf = fopen(o->log, "ae");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "ipcview: not a terminal; use --once or --follow\n");
		return 2;
	}
	if (start_term_ok() < 0)
		return 2;
	if (o->sandbox && o->pid == 0)
		start_sandbox_ns();	/* first: only while single-threaded */
	if (ui_signals() < 0) {
		fprintf(stderr, "ipcview: pipe: %s\n", strerror(errno));
		return 1;
	}
	if (ui_curses_start(&u) < 0) {
		fprintf(stderr, "ipcview: cannot start curses (TERM?)\n");
		ui_signals_reset();
		return 1;
	}
	if (o->pid == 0) {
		ui_layout(&u);
		u.host = ui_host_start(&u);
		if (u.host == NULL) {
			endwin();
			ui_signals_reset();
			return 1;
		}
	}
	if (ui_run(&u) < 0)
		rc = 1;
	/* the terminal first, then the shell's hang-up */
	endwin();
	if (u.host) {
		/*
		 * A closing terminal sends SIGHUP to the shell and its
		 * foreground job (termios(3), HUPCL); the shell passes it on
		 * to its jobs, as bash does. Whatever of the session is left
		 * after that (a job that ignores SIGHUP, one the shell did
		 * not know) gets HUP, TERM, then KILL: nothing outlives us.
		 */
		sid = host_pid(u.host);
		session_grab(&hold, sid);
		st = host_free(u.host);
		session_grab(&hold, sid);
		session_end(&hold, UI_GRACE);
		u.status = ui_wstatus(st);
	}
	if (u.quit_sig)
		u.status = 128 + u.quit_sig;
	pane_free(u.pane);
	watch_free(u.watch);
	ui_signals_reset();
	if (ui_logf)
		fclose(ui_logf);
	if (rc)
		fprintf(stderr, "ipcview: out of memory\n");
	return rc ? rc : u.status;
}
