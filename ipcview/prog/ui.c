/*
 * ui.c - the curses main loop: the split screen, or the pane alone.
 * Live pane above, the inner ipcsh on a pty below (host.c); one watch
 * of samples (watch.h) that the pane draws.
 */
#include <dirent.h>
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
#include "probe.h"
#include "session.h"
#include "shells.h"
#include "start.h"
#include "tape.h"
#include "tapewatch.h"
#include "uisig.h"
#include "view.h"
#include "vwatch.h"
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
#define UI_NTAPES	8	/* tapes followed (tapewatch.h) */

#define DIRTY_STATUS	0x2
#define DIRTY_ALL	0x4

struct ui {
	const struct view_opts *o;
	struct host	*host;		/* the current shell; NULL: pane alone */
	struct shells	sh;		/* every hosted shell (shells.c) */
	int		shell_status;	/* wait status of the last shell that ended */
	struct vwatch	vw;		/* the samples (vw.w), filtered, exits told */
	struct pane	*pane;
	struct tapewatch *tw;		/* the shells' tapes beside the watch */
	char		tape[UI_NTAPES][PATH_MAX];	/* their files */
	int		ntapes;
	pid_t		root;
	WINDOW		*panew, *statw, *overw, *inw;
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
	int		reap;		/* SIGCHLD came: look which shells ended */
	int		confirm;	/* quit asked while jobs run: y/N */
	char		jobs_text[256];	/* what runs, for the question */
	struct probe_opts popts;
};

static FILE *ui_logf;

static void ui_new_shell(struct ui *u);
static void ui_next_shell(struct ui *u);

static void __attribute__((format(printf, 2, 3)))
ui_log(const char *func, const char *fmt, ...)
{
	va_list ap;

	if (ui_logf == NULL)
		return;
	fprintf(ui_logf, "%.3f %s: ", watch_now(), func);
	va_start(ap, fmt);
	vfprintf(ui_logf, fmt, ap);
	va_end(ap);
	fputc('\n', ui_logf);
	fflush(ui_logf);
}

static int
ui_curses_start(struct ui *u)
{
	const char *nc = getenv("NO_COLOR");

	uisig_save_tio();
	if (initscr() == NULL)
		return -1;
	uisig_save_restore_seq();
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
	if (u->sh.n == 0) {
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

/* The rows of the pane and of the shells, before any shell runs. */
static void
ui_layout_hosted(struct ui *u)
{
	int n = u->sh.n;

	u->sh.n = n > 0 ? n : 1;
	ui_layout(u);
	u->sh.n = n;
}

static void
ui_windows(struct ui *u)
{
	if (u->panew)
		delwin(u->panew);
	if (u->statw)
		delwin(u->statw);
	if (u->overw)
		delwin(u->overw);
	u->panew = u->statw = NULL;
	ui_layout(u);
	u->overw = newwin(u->rows, u->cols, 0, 0);
	if (u->pane_rows > 0)
		u->panew = newwin(u->pane_rows, u->cols, 0, 0);
	if (u->sh.n > 0) {
		u->statw = newwin(1, u->cols, u->pane_rows, 0);
		shells_layout(&u->sh, u->pane_rows + 1, u->shell_rows, u->cols);
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
		t = tr(" PANE KEYS  Tab section  Up/Down select  Enter detail  f freeze  +/- rate  1-7 sections  ? help  q quit  Esc back to the shell",
		    " 面板按键  Tab 切换区域  上/下 选择  Enter 详情  f 冻结  +/- 刷新率  1-7 区域  ? 帮助  q 退出  Esc 返回 shell");
	else if (u->sh.n > 1)
		t = u->sh.zoomed ? tr("  zoomed: Ctrl+] o next shell, z all, c new, ? help",
		    "  已放大: Ctrl+] o 下一个 shell, z 全部, c 新建, ? 帮助") :
		    tr("  Ctrl+] o next shell, z zoom, c new, ? help, q quit",
		    "  Ctrl+] o 下一个 shell, z 放大, c 新建, ? 帮助, q 退出");
	else
		t = tr(" ipcsh  Ctrl+] pane keys (Ctrl+] ? help, c new shell, q quit)",
		    " ipcsh  Ctrl+] 面板按键 (Ctrl+] ? 帮助, c 新 shell, q 退出)");
	/* which shell has the keys: [A] B */
	for (x = 0; u->mode == UI_SHELL && u->sh.n > 1 && x < u->sh.n; x++)
		wprintw(w, x == u->sh.cur ? " [%c]" : "  %c ",
		    shells_label(x));
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
	int all = u->dirty & DIRTY_ALL, vis = 0, i;

	if (all) {
		if (u->panew)
			touchwin(u->panew);
		if (u->statw)
			touchwin(u->statw);
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
	/* the shells last: the cursor stays where the current one left it */
	vis = shells_draw(&u->sh, u->color, all);
	curs_set(u->mode == UI_SHELL && vis ? 1 : 0);
	for (i = 0; i < u->sh.n; i++)
		if (host_bell(u->sh.h[i]))
			beep();
out:
	doupdate();
	u->dirty = 0;
	u->last_draw = watch_now();
}

/* ------------------------------------------------------------------ */
/* snapshots                                                           */

static void
ui_snapshot(struct ui *u)
{
	const struct snapshot *s;
	double t0 = watch_now();
	size_t i, full;

	s = vwatch_next(&u->vw, NULL);
	/* the tape's new records, merged with the last sample's events */
	if (u->tw != NULL && tapewatch_poll(u->tw, u->vw.w) < 0)
		ui_log(__func__, "tapewatch_poll: %s", strerror(errno));
	if (s == NULL) {
		ui_log(__func__, "watch_next: %s", strerror(errno));
		return;
	}
	u->dirty |= DIRTY_PANE;
	for (i = 0, full = 0; i < s->npipes; i++)
		full += s->pipes[i].full != 0;
	ui_log(__func__, "%zu processes, %zu pipes (%zu full), %zu queues in %.0f us",
	    s->nprocs, s->npipes, full, s->nqueues, (watch_now() - t0) * 1e6);
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
	u->next_snap = watch_now() + u->interval;
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
	int i, k, n;

	if (u->host == NULL) {
		u->quit = 1;
		return;
	}
	for (i = 0, n = 0; i < u->sh.n && n < 64; i++)
		n += session_members(host_pid(u->sh.h[i]), m + n, 64 - n);
	/* the shell's own helpers (the sandbox's ipcsh-init) end with it */
	for (i = 0, k = 0; i < n; i++)
		if (strncmp(m[i].comm, "ipcsh-", 6) != 0)
			m[k++] = m[i];
	n = k;
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
	/* a tape view (timeline, replay) has the keys until Esc */
	if (pane_view_open(u->pane)) {
		pane_key(u->pane, iskey, ch);
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
	case 'c':		/* tmux's prefix keys: a new shell, the next */
		if (u->host) {
			ui_new_shell(u);
			u->mode = UI_SHELL;
		}
		break;
	case 'o':
	case 'z':		/* z: tmux's zoom, the current shell alone or all */
		if (ch == 'z' && u->sh.n > 1) {
			u->sh.zoom = !u->sh.zoom;
			ui_windows(u);
		} else if (ch == 'o' && u->host) {
			ui_next_shell(u);
		}
		if (u->host)
			u->mode = UI_SHELL;
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
		u->soon = watch_now();
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
	int page, i;

	if (u->host == NULL)
		return 0;
	page = u->sh.rows[u->sh.cur] > 2 ? u->sh.rows[u->sh.cur] - 1 : 1;
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
		/* the shell under the pointer; over the pane, nothing */
		for (i = 0; i < u->sh.n; i++) {
			if (!wenclose(u->sh.w[i], ev.y, ev.x))
				continue;
			if (ev.bstate & BUTTON4_PRESSED)
				host_scroll(u->sh.h[i], 3);
			else if (ev.bstate & BUTTON5_PRESSED)
				host_scroll(u->sh.h[i], -3);
		}
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
			u->soon = watch_now() + UI_QUIET;
		}
	}
}

/* ------------------------------------------------------------------ */
/* the loop                                                            */

/* Shells that ended leave the screen (their sessions end); the last quits. */
static void
ui_on_child(struct ui *u)
{
	static struct session_hold hold;
	int i, st;
	pid_t sid;

	for (i = 0; i < u->sh.n; i++) {
		if (!host_reap(u->sh.h[i], &st))
			continue;
		ui_log(__func__, "shell %c ended, status 0x%x",
		    shells_label(i), st);
		sid = host_pid(u->sh.h[i]);
		session_grab(&hold, sid);
		u->shell_status = host_free(u->sh.h[i]);
		session_grab(&hold, sid);
		session_end(&hold, UI_GRACE);
		shells_remove(&u->sh, i--);
		u->host = u->sh.n > 0 ? u->sh.h[u->sh.cur] : NULL;
		if (u->sh.n == 0) {
			u->quit = 1;
			return;
		}
		ui_windows(u);
	}
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

	while ((n = read(uisig_fd(), buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++) {
			switch (buf[i]) {
			case SIGWINCH:
				resize = 1;
				break;
			case SIGCHLD:
				u->reap = 1;	/* after this turn's output */
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
ui_shells_dirty(const struct ui *u)
{
	int i;

	for (i = 0; i < u->sh.n; i++)
		if (host_dirty(u->sh.h[i]))
			return 1;
	return 0;
}

static int
ui_timeout(struct ui *u, double now)
{
	double next = now + 1.0;

	if (!u->frozen && u->next_snap < next)
		next = u->next_snap;
	if (u->soon > 0 && u->soon < next)
		next = u->soon;
	if (u->dirty || ui_shells_dirty(u))
		if (u->last_draw + UI_FRAME < next)
			next = u->last_draw + UI_FRAME;
	if (next <= now)
		return 0;
	return (int)((next - now) * 1000) + 1;
}

static void
ui_pty(struct ui *u, struct host *h, short revents)
{
	ssize_t n;

	if (revents & POLLOUT)
		host_flush(h);
	if (!(revents & (POLLIN | POLLHUP | POLLERR)))
		return;
	n = host_read(h);
	if (n > 0) {
		/* output goes quiet when a command is done: look then */
		u->soon = watch_now() + UI_QUIET;
		return;
	}
	if (n < 0) {
		/* EIO: no process holds the slave any more: it ended */
		ui_log(__func__, "pty of %d closed", (int)host_pid(h));
		u->reap = 1;
	}
}

static void
ui_loop(struct ui *u)
{
	struct pollfd pf[2 + VIEW_MAXSHELLS];
	struct host *hp[VIEW_MAXSHELLS];
	double now;
	int n, i, nh;

	while (!u->quit) {
		now = watch_now();
		pf[0] = (struct pollfd){ .fd = uisig_fd(), .events = POLLIN };
		pf[1] = (struct pollfd){ .fd = STDIN_FILENO, .events = POLLIN };
		n = 2;
		for (nh = 0; nh < u->sh.n; nh++) {
			hp[nh] = u->sh.h[nh];
			pf[n] = (struct pollfd){ .fd = host_fd(hp[nh]),
			    .events = POLLIN };
			if (host_pending(hp[nh]))
				pf[n].events |= POLLOUT;
			n++;
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
		/* hosts leave only below (ui_on_child): hp[] stays valid */
		for (i = 0; i < nh && !u->quit; i++)
			ui_pty(u, hp[i], pf[2 + i].revents);
		if (u->reap) {
			u->reap = 0;
			ui_on_child(u);
		}
		now = watch_now();
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
		if ((u->dirty || ui_shells_dirty(u) ||
		    pane_dirty(u->pane)) && now >= u->last_draw + UI_FRAME)
			ui_draw(u);
	}
}

/* ------------------------------------------------------------------ */
/* starting and ending                                                 */

static struct host *
ui_host_start(struct ui *u)
{
	const char *cause = "";
	struct host *h;

	h = shells_start(&u->sh, u->o, u->shell_rows, u->cols, &cause);
	if (h == NULL)
		ui_log(__func__, "%s: %s", cause, strerror(errno));
	return h;
}

/* Shell i's tape beside the watch (the tape of --no-tape: none). */
static void
ui_add_tape(struct ui *u, int i, pid_t shell)
{
	char *path;

	if (u->tw == NULL || u->o->notape || u->ntapes == UI_NTAPES)
		return;
	path = u->tape[u->ntapes];
	if (shells_tape_path(i, path, PATH_MAX) == 0 &&
	    tapewatch_add_tape(u->tw, path, shell) == 0)
		u->ntapes++;
}

/*
 * Ctrl+] c: one more shell on a pty of its own, current from now on; the
 * pane watches its tree too. A beep when there are four already.
 */
static void
ui_new_shell(struct ui *u)
{
	struct host *h;

	if (u->sh.n >= VIEW_MAXSHELLS || (h = ui_host_start(u)) == NULL) {
		beep();
		return;
	}
	u->sh.cur = u->sh.n - 1;
	u->host = h;
	vwatch_add_shell(&u->vw, host_pid(h));
	ui_add_tape(u, u->sh.n - 1, host_pid(h));
	ui_windows(u);
	u->soon = watch_now() + UI_START;
}

/*
 * The hosted shells' tapes, the names (tape.PID) found by what they point
 * at (a shell dying of its hang-up leaves its name; a sandboxed one uses
 * its namespace's pid), and their folder when nothing else is in it.
 */
static void
ui_tapes_drop(const struct ui *u)
{
	char dir[PATH_MAX], link[PATH_MAX + 300];
	struct stat tape[UI_NTAPES], st;
	struct dirent *d;
	DIR *dp;
	int k;

	for (k = 0; k < u->ntapes; k++)
		if (stat(u->tape[k], &tape[k]) < 0)
			tape[k].st_ino = 0;
	if (tape_dir(dir, sizeof(dir), 0) == 0 && (dp = opendir(dir)) != NULL) {
		while ((d = readdir(dp)) != NULL) {
			snprintf(link, sizeof(link), "%s/%s", dir, d->d_name);
			if (strncmp(d->d_name, "tape.", 5) != 0 ||
			    stat(link, &st) < 0)
				continue;
			for (k = 0; k < u->ntapes; k++)
				if (tape[k].st_ino == st.st_ino &&
				    tape[k].st_dev == st.st_dev) {
					unlink(link);
					break;
				}
		}
		closedir(dp);
	}
	for (k = 0; k < u->ntapes; k++)
		unlink(u->tape[k]);
	(void)tape_dir_drop();
}

/* Ctrl+] o: the next shell gets the keys. */
static void
ui_next_shell(struct ui *u)
{
	if (u->sh.n == 0)
		return;
	u->sh.cur = (u->sh.cur + 1) % u->sh.n;
	u->host = u->sh.h[u->sh.cur];
	u->dirty |= DIRTY_ALL;
}

static int
ui_run(struct ui *u)
{
	pid_t roots[VIEW_MAXPIDS];
	char *cause = NULL;
	size_t n = 0;
	int i;

	for (i = 0; i < u->sh.n; i++)
		roots[n++] = host_pid(u->sh.h[i]);
	for (i = 0; n == 0 && i < u->o->npids; i++)
		roots[i] = u->o->pids[i];
	if (n == 0)
		n = (size_t)u->o->npids;
	u->root = roots[0];
	if (vwatch_open(&u->vw, roots, n, &u->popts,
	    u->host ? NULL : u->o->tape, u->o->notape, &cause) < 0) {
		ui_log(__func__, "watch_new: %s", cause ? cause : "?");
		free(cause);
		return -1;
	}
	u->pane = pane_new(u->vw.w, u->color);
	if (u->pane == NULL)
		return -1;
	/*
	 * The tapes: the hosted shells' own, or the one --pid's shell
	 * announces (--tape FILE).
	 */
	if (!u->o->notape || (u->host == NULL && u->o->tape != NULL)) {
		u->tw = tapewatch_new(NULL, 0, &cause);
		if (u->tw == NULL) {
			ui_log(__func__, "tapewatch_new: %s", cause ? cause : "?");
			free(cause);
			return -1;
		}
		pane_set_tape(u->pane, u->tw);
	}
	for (i = 0; u->host != NULL && i < u->sh.n; i++)
		ui_add_tape(u, i, host_pid(u->sh.h[i]));
	if (u->tw != NULL && u->host == NULL) {
		if (u->o->tape != NULL)
			snprintf(u->tape[0], PATH_MAX, "%s", u->o->tape);
		else if (tape_path_for(u->root, u->tape[0], PATH_MAX) < 0)
			u->tape[0][0] = '\0';
		if (u->tape[0][0] != '\0')
			tapewatch_add_tape(u->tw, u->tape[0], u->root);
	}
	ui_status_text(u);
	ui_windows(u);
	/*
	 * The first sample is the watch's baseline. A hosted shell is
	 * sampled once its first output (the prompt) went quiet: before,
	 * it is still our fork, with our handlers, or setting up its own.
	 */
	if (u->host) {
		u->next_snap = watch_now() + UI_START;
	} else {
		ui_snapshot(u);
		u->next_snap = watch_now() + u->interval;
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
	int rc = 0, st, i;
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
	if (uisig_install() < 0) {
		fprintf(stderr, "ipcview: pipe: %s\n", strerror(errno));
		return 1;
	}
	if (ui_curses_start(&u) < 0) {
		fprintf(stderr, "ipcview: cannot start curses (TERM?)\n");
		uisig_reset();
		return 1;
	}
	if (o->pid == 0) {
		/* the pane's rows as for one shell; the shells share theirs */
		u.sh.n = 0;
		for (i = 0; i < o->nshells || i == 0; i++) {
			ui_layout_hosted(&u);
			if (ui_host_start(&u) == NULL) {
				endwin();
				fprintf(stderr, "ipcview: cannot start the shell: %s\n",
				    strerror(errno));
				uisig_reset();
				return 1;
			}
		}
		u.host = u.sh.h[0];
	}
	if (ui_run(&u) < 0)
		rc = 1;
	/* the terminal first, then the shell's hang-up */
	endwin();
	/* every shell ended by itself: the last one's status */
	u.status = ui_wstatus(u.shell_status);
	/*
	 * A closing terminal sends SIGHUP to the shell and its foreground
	 * job (termios(3), HUPCL); the shell passes it on to its jobs, as
	 * bash does. Whatever of a session is left after that (a job that
	 * ignores SIGHUP, one the shell did not know) gets HUP, TERM, then
	 * KILL: nothing outlives us. The status is shell A's.
	 */
	for (i = u.sh.n - 1; i >= 0; i--) {
		sid = host_pid(u.sh.h[i]);
		session_grab(&hold, sid);
		st = host_free(u.sh.h[i]);
		session_grab(&hold, sid);
		if (i == 0)
			u.status = ui_wstatus(st);
	}
	session_end(&hold, UI_GRACE);
	if (u.quit_sig)
		u.status = 128 + u.quit_sig;
	pane_free(u.pane);
	tapewatch_free(u.tw);
	/* the hosted shells' tapes go with them, and their names */
	if (o->pid == 0)
		ui_tapes_drop(&u);
	vwatch_close(&u.vw);
	uisig_reset();
	if (ui_logf)
		fclose(ui_logf);
	if (rc)
		fprintf(stderr, "ipcview: out of memory\n");
	return rc ? rc : u.status;
}
