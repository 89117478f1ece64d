/*
 * host.c - runs the inner shell on a pseudo-terminal, through libvterm.
 * libvterm keeps the shell's screen; host.c draws it into a curses window.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

#include "host.h"

#define HOST_OUTMAX	(1 << 20)	/* keys waiting for a shell that reads nothing */
#define HOST_SBMAX	2000		/* lines of scrollback kept */

/* A line that scrolled off the top of the screen (sb_pushline). */
struct host_sbline {
	int		cols;
	VTermScreenCell	*cells;
};

struct host {
	int		fd;		/* pty master */
	pid_t		pid;		/* the shell, session leader on the slave */
	int		status, reaped;
	VTerm		*vt;
	VTermScreen	*screen;
	int		rows, cols;
	int		dmin, dmax;	/* rows [dmin, dmax) to draw again */
	VTermPos	cursor;
	int		cursor_visible;
	int		bell;
	char		title[128];
	char		*out;		/* for the pty: keys, answers to queries */
	size_t		outlen, outcap;
	struct host_sbline *sb;		/* ring of HOST_SBMAX, oldest at sbhead */
	int		sbn, sbhead;
	int		scroll;		/* lines shown above the live screen */
};

static void
host_damage_rows(struct host *h, int start, int end)
{
	if (start < h->dmin)
		h->dmin = start;
	if (end > h->dmax)
		h->dmax = end;
}

static int
host_cb_damage(VTermRect rect, void *user)
{
	host_damage_rows(user, rect.start_row, rect.end_row);
	return 1;
}

static int
host_cb_movecursor(VTermPos pos, VTermPos oldpos, int visible, void *user)
{
	struct host *h = user;

	(void)oldpos;
	(void)visible;
	h->cursor = pos;
	/* the cell under the old cursor may need its colours back */
	host_damage_rows(h, oldpos.row, oldpos.row + 1);
	return 1;
}

static int
host_cb_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	struct host *h = user;

	switch (prop) {
	case VTERM_PROP_CURSORVISIBLE:
		h->cursor_visible = val->boolean;
		break;
	case VTERM_PROP_TITLE:
		snprintf(h->title, sizeof(h->title), "%s",
		    val->string ? val->string : "");
		break;
	case VTERM_PROP_ALTSCREEN:
		host_damage_rows(h, 0, h->rows);
		break;
	default:
		break;
	}
	return 1;
}

static int
host_cb_bell(void *user)
{
	((struct host *)user)->bell = 1;
	return 1;
}

/* Scrollback line i, 0 the oldest. */
static struct host_sbline *
host_sb_line(struct host *h, int i)
{
	return &h->sb[(h->sbhead + i) % HOST_SBMAX];
}

/* libvterm: a line leaves the top of the main screen; keep a copy. */
static int
host_cb_sb_pushline(int cols, const VTermScreenCell *cells, void *user)
{
	struct host *h = user;
	struct host_sbline *l;
	VTermScreenCell *c;

	if (h->sb == NULL &&
	    (h->sb = calloc(HOST_SBMAX, sizeof(*h->sb))) == NULL)
		return 0;
	if ((c = malloc(cols * sizeof(*c))) == NULL)
		return 0;
	memcpy(c, cells, cols * sizeof(*c));
	if (h->sbn == HOST_SBMAX) {
		/* full: the oldest goes */
		l = host_sb_line(h, 0);
		free(l->cells);
		h->sbhead = (h->sbhead + 1) % HOST_SBMAX;
		h->sbn--;
	}
	l = host_sb_line(h, h->sbn++);
	l->cols = cols;
	l->cells = c;
	if (h->scroll > 0 && h->scroll < h->sbn) {
		h->scroll++;	/* what the reader looks at stays put */
		host_damage_rows(h, 0, h->rows);
	}
	return 1;
}

/* libvterm: the screen grew taller; the newest kept line comes back. */
static int
host_cb_sb_popline(int cols, VTermScreenCell *cells, void *user)
{
	struct host *h = user;
	struct host_sbline *l;
	int i;

	if (h->sbn == 0)
		return 0;
	l = host_sb_line(h, --h->sbn);
	for (i = 0; i < cols; i++) {
		if (i < l->cols) {
			cells[i] = l->cells[i];
		} else {
			memset(&cells[i], 0, sizeof(cells[i]));
			cells[i].width = 1;
			cells[i].fg = l->cells[l->cols - 1].fg;
			cells[i].bg = l->cells[l->cols - 1].bg;
		}
	}
	free(l->cells);
	l->cells = NULL;
	if (h->scroll > h->sbn)
		h->scroll = h->sbn;
	return 1;
}

static const VTermScreenCallbacks host_screen_cbs = {
	.damage = host_cb_damage,
	.movecursor = host_cb_movecursor,
	.settermprop = host_cb_settermprop,
	.bell = host_cb_bell,
	.sb_pushline = host_cb_sb_pushline,
	.sb_popline = host_cb_sb_popline,
};

/* Queues bytes for the pty: typed keys and libvterm's answers (DA, DSR). */
static void
host_cb_output(const char *s, size_t len, void *user)
{
	struct host *h = user;
	size_t cap;
	char *p;

	if (h->outlen + len > HOST_OUTMAX)
		return;		/* the shell reads nothing: drop, as a full tty does */
	if (h->outlen + len > h->outcap) {
		cap = h->outcap ? h->outcap * 2 : 4096;
		while (cap < h->outlen + len)
			cap *= 2;
		p = realloc(h->out, cap);
		if (p == NULL)
			return;
		h->out = p;
		h->outcap = cap;
	}
	memcpy(h->out + h->outlen, s, len);
	h->outlen += len;
}

int
host_flush(struct host *h)
{
	ssize_t n;

	while (h->outlen > 0) {
		n = write(h->fd, h->out, h->outlen);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno == EAGAIN ? 0 : -1;
		}
		memmove(h->out, h->out + n, h->outlen - n);
		h->outlen -= n;
	}
	return 0;
}

int
host_pending(const struct host *h)
{
	return h->outlen > 0;
}

/*
 * Signals 32 and 33 are glibc's own (nptl(7): thread cancellation and
 * setxid), so signal(2) refuses them; GNU make's posix_spawn(3) children
 * inherit them ignored, and every process of a `make run` session would
 * show them so. The kernel call sets them back to SIG_DFL: a zeroed
 * struct is SIG_DFL, no flags, an empty mask on every architecture.
 */
static void
host_reset_glibc_sigs(void)
{
	unsigned long ksa[8];
	int sig;

	memset(ksa, 0, sizeof(ksa));
	for (sig = 32; sig <= 33 && sig < SIGRTMIN; sig++)
		syscall(SYS_rt_sigaction, sig, ksa, NULL, _NSIG / 8);
}

/* The child: session leader, the slave as controlling terminal, then exec. */
static void __attribute__((noreturn))
host_child(const char *slave, const char *path, char *const argv[])
{
	sigset_t none;
	int fd, sig;

	/* setsid(2): a new session without a controlling terminal */
	if (setsid() < 0)
		_exit(127);
	/* the first tty a session leader opens becomes its controlling tty */
	fd = open(slave, O_RDWR);
	if (fd < 0)
		_exit(127);
	ioctl(fd, TIOCSCTTY, 0);
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	/* the hosted shell holds its terminal only, none of the pane's */
	close_range(3, ~0U, 0);
	for (sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL);
	host_reset_glibc_sigs();
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	setenv("TERM", "xterm-256color", 1);
	unsetenv("LINES");
	unsetenv("COLUMNS");
	setenv("IPCVIEW", "1", 1);
	execvp(path, argv);
	dprintf(2, "ipcview: %s: %s\n", path, strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

static int
host_open_pty(struct host *h, char *slave, size_t size, const char **cause)
{
	struct winsize ws = { .ws_row = h->rows, .ws_col = h->cols };

	/* pty(7): the master is a clone of /dev/ptmx */
	h->fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (h->fd < 0) {
		*cause = "posix_openpt";
		return -1;
	}
	if (grantpt(h->fd) < 0 || unlockpt(h->fd) < 0 ||
	    ptsname_r(h->fd, slave, size) != 0) {
		*cause = "unlockpt";
		return -1;
	}
	if (ioctl(h->fd, TIOCSWINSZ, &ws) < 0) {
		*cause = "TIOCSWINSZ";
		return -1;
	}
	fcntl(h->fd, F_SETFL, fcntl(h->fd, F_GETFL) | O_NONBLOCK);
	return 0;
}

static void
host_vterm_init(struct host *h)
{
	h->vt = vterm_new(h->rows, h->cols);
	vterm_set_utf8(h->vt, 1);
	vterm_output_set_callback(h->vt, host_cb_output, h);
	h->screen = vterm_obtain_screen(h->vt);
	vterm_screen_set_callbacks(h->screen, &host_screen_cbs, h);
	vterm_screen_enable_altscreen(h->screen, 1);
	vterm_screen_set_damage_merge(h->screen, VTERM_DAMAGE_SCROLL);
	vterm_screen_reset(h->screen, 1);
	h->cursor_visible = 1;
	h->dmin = 0;
	h->dmax = h->rows;
}

struct host *
host_new(const char *path, char *const argv[], int rows, int cols,
    const char **cause)
{
	struct host *h;
	char slave[64];
	int e;

	h = calloc(1, sizeof(*h));
	if (h == NULL) {
		*cause = "out of memory";
		return NULL;
	}
	h->rows = rows < 1 ? 1 : rows;
	h->cols = cols < 1 ? 1 : cols;
	h->fd = -1;
	if (host_open_pty(h, slave, sizeof(slave), cause) < 0)
		goto out_free;
	h->pid = fork();
	if (h->pid < 0) {
		*cause = "fork";
		goto out_free;
	}
	if (h->pid == 0)
		host_child(slave, path, argv);
	host_vterm_init(h);
	return h;
out_free:
	e = errno;
	if (h->fd >= 0)
		close(h->fd);
	free(h);
	errno = e;
	return NULL;
}

int
host_fd(const struct host *h)
{
	return h->fd;
}

pid_t
host_pid(const struct host *h)
{
	return h->pid;
}

ssize_t
host_read(struct host *h)
{
	char buf[16384];
	ssize_t n, total = 0;
	int i;

	/* a bounded amount per turn keeps keys and the pane responsive */
	for (i = 0; i < 16; i++) {
		n = read(h->fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		if (n <= 0)
			return total > 0 ? total : -1;	/* EIO: slave closed */
		vterm_input_write(h->vt, buf, n);
		total += n;
		if ((size_t)n < sizeof(buf))
			break;
	}
	vterm_screen_flush_damage(h->screen);
	host_flush(h);
	return total;
}

/* ncurses names modified keys "kUP5", "kLFT3": 2 shift, 3 alt, 5 ctrl. */
static int
host_key_ext(const char *name, VTermKey *key, VTermModifier *mod)
{
	static const struct {
		const char *prefix;
		VTermKey key;
	} tab[] = {
		{ "kUP", VTERM_KEY_UP }, { "kDN", VTERM_KEY_DOWN },
		{ "kLFT", VTERM_KEY_LEFT }, { "kRIT", VTERM_KEY_RIGHT },
		{ "kHOM", VTERM_KEY_HOME }, { "kEND", VTERM_KEY_END },
		{ "kDC", VTERM_KEY_DEL }, { "kIC", VTERM_KEY_INS },
		{ "kPRV", VTERM_KEY_PAGEUP }, { "kNXT", VTERM_KEY_PAGEDOWN },
	};
	size_t i, len;
	int m;

	for (i = 0; name && i < sizeof(tab) / sizeof(tab[0]); i++) {
		len = strlen(tab[i].prefix);
		if (strncmp(name, tab[i].prefix, len) != 0 ||
		    name[len] < '2' || name[len] > '8')
			continue;
		m = name[len] - '1';	/* xterm: 1 + shift|alt<<1|ctrl<<2 */
		*key = tab[i].key;
		*mod = ((m & 1) ? VTERM_MOD_SHIFT : 0) |
		    ((m & 2) ? VTERM_MOD_ALT : 0) |
		    ((m & 4) ? VTERM_MOD_CTRL : 0);
		return 0;
	}
	return -1;
}

static int
host_key_map(int ch, VTermKey *key, VTermModifier *mod)
{
	/* curses' keys and libvterm's, Shift+ some of them */
	static const struct {
		int		ch;
		VTermKey	key;
		VTermModifier	mod;
	} tab[] = {
		{ KEY_UP, VTERM_KEY_UP, VTERM_MOD_NONE },
		{ KEY_DOWN, VTERM_KEY_DOWN, VTERM_MOD_NONE },
		{ KEY_LEFT, VTERM_KEY_LEFT, VTERM_MOD_NONE },
		{ KEY_RIGHT, VTERM_KEY_RIGHT, VTERM_MOD_NONE },
		{ KEY_HOME, VTERM_KEY_HOME, VTERM_MOD_NONE },
		{ KEY_END, VTERM_KEY_END, VTERM_MOD_NONE },
		{ KEY_IC, VTERM_KEY_INS, VTERM_MOD_NONE },
		{ KEY_DC, VTERM_KEY_DEL, VTERM_MOD_NONE },
		{ KEY_PPAGE, VTERM_KEY_PAGEUP, VTERM_MOD_NONE },
		{ KEY_NPAGE, VTERM_KEY_PAGEDOWN, VTERM_MOD_NONE },
		{ KEY_BACKSPACE, VTERM_KEY_BACKSPACE, VTERM_MOD_NONE },
		{ KEY_ENTER, VTERM_KEY_ENTER, VTERM_MOD_NONE },
		{ KEY_BTAB, VTERM_KEY_TAB, VTERM_MOD_SHIFT },
		{ KEY_SLEFT, VTERM_KEY_LEFT, VTERM_MOD_SHIFT },
		{ KEY_SRIGHT, VTERM_KEY_RIGHT, VTERM_MOD_SHIFT },
		{ KEY_SR, VTERM_KEY_UP, VTERM_MOD_SHIFT },
		{ KEY_SF, VTERM_KEY_DOWN, VTERM_MOD_SHIFT },
	};
	size_t i;

	*mod = VTERM_MOD_NONE;
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (tab[i].ch == ch) {
			*key = tab[i].key;
			*mod = tab[i].mod;
			return 0;
		}
	if (ch >= KEY_F(1) && ch <= KEY_F(12)) {
		*key = VTERM_KEY_FUNCTION(ch - KEY_F0);
		return 0;
	}
	if (ch >= KEY_F(13) && ch <= KEY_F(24)) {	/* shifted F1..F12 */
		*key = VTERM_KEY_FUNCTION(ch - KEY_F(12));
		*mod = VTERM_MOD_SHIFT;
		return 0;
	}
	return host_key_ext(keyname(ch), key, mod);
}

void
host_key(struct host *h, int iskey, wint_t ch)
{
	VTermModifier mod;
	VTermKey key;
	char c;

	host_scroll(h, -h->scroll);	/* typing shows the live screen */
	if (iskey) {
		if (host_key_map(ch, &key, &mod) == 0)
			vterm_keyboard_key(h->vt, key, mod);
	} else if (ch < 0x20 || ch == 0x7f) {
		/*
		 * termios(3): with ISIG the line discipline turns ^C, ^Z and
		 * ^\ into SIGINT, SIGTSTP and SIGQUIT for the foreground job.
		 */
		c = (char)ch;
		host_cb_output(&c, 1, h);
	} else {
		vterm_keyboard_unichar(h->vt, ch, VTERM_MOD_NONE);
	}
	host_flush(h);
}

void
host_resize(struct host *h, int rows, int cols)
{
	struct winsize ws;

	if (rows < 1)
		rows = 1;
	if (cols < 1)
		cols = 1;
	if (rows == h->rows && cols == h->cols)
		return;
	h->rows = rows;
	h->cols = cols;
	vterm_set_size(h->vt, rows, cols);
	vterm_screen_flush_damage(h->screen);
	/* tty_ioctl(4): TIOCSWINSZ sends SIGWINCH to the foreground job */
	memset(&ws, 0, sizeof(ws));
	ws.ws_row = rows;
	ws.ws_col = cols;
	ioctl(h->fd, TIOCSWINSZ, &ws);
	host_touch(h);
}

int
host_dirty(const struct host *h)
{
	return h->dmin < h->dmax;
}

void
host_touch(struct host *h)
{
	h->dmin = 0;
	h->dmax = h->rows;
}

/* 0..7 for the 8 ANSI colours, -1 for the terminal's default. */
static int
host_color8(const VTermColor *c, int *bright)
{
	int idx, r, g, b;

	if (VTERM_COLOR_IS_INDEXED(c)) {
		idx = c->indexed.idx;
		if (idx < 8)
			return idx;
		if (idx < 16) {
			*bright = 1;
			return idx - 8;
		}
		if (idx >= 232)		/* grey ramp */
			return idx < 244 ? COLOR_BLACK : COLOR_WHITE;
		idx -= 16;		/* 6x6x6 cube */
		r = idx / 36 >= 3;
		g = idx / 6 % 6 >= 3;
		b = idx % 6 >= 3;
	} else {
		r = c->rgb.red >= 128;
		g = c->rgb.green >= 128;
		b = c->rgb.blue >= 128;
	}
	/* curses: red 1, green 2, blue 4 */
	return r | g << 1 | b << 2;
}

static int
host_color(const VTermColor *c, int isfg, int *bright)
{
	if (isfg && VTERM_COLOR_IS_DEFAULT_FG(c))
		return -1;
	if (!isfg && VTERM_COLOR_IS_DEFAULT_BG(c))
		return -1;
	if (COLORS >= 256 && VTERM_COLOR_IS_INDEXED(c))
		return c->indexed.idx;
	return host_color8(c, isfg ? bright : &(int){ 0 });
}

static void
host_cell_style(const VTermScreenCell *cell, int color, attr_t *attr,
    short *pair)
{
	int fg, bg, bright = 0, p;

	*attr = A_NORMAL;
	*pair = 0;
	if (cell->attrs.bold)
		*attr |= A_BOLD;
	if (cell->attrs.underline)
		*attr |= A_UNDERLINE;
	if (cell->attrs.reverse)
		*attr |= A_REVERSE;
	if (cell->attrs.blink)
		*attr |= A_BLINK;
	if (cell->attrs.italic)
		*attr |= A_ITALIC;
	if (!color)
		return;
	fg = host_color(&cell->fg, 1, &bright);
	bg = host_color(&cell->bg, 0, &bright);
	if (bright)
		*attr |= A_BOLD;
	if (fg == -1 && bg == -1)
		return;
	/* alloc_pair(3X): ncurses reuses the least recently used pair */
	p = alloc_pair(fg, bg);
	if (p > 0 && p < 32768)
		*pair = p;
}

/*
 * The cell at col of the window's row: a scrollback line while scrolled
 * back, else the screen's. 0 when there is none (past a short line).
 */
static int
host_cell(struct host *h, int row, int col, VTermScreenCell *cell)
{
	VTermPos pos = { .row = row - h->scroll, .col = col };
	struct host_sbline *l;

	if (pos.row >= 0)
		return vterm_screen_get_cell(h->screen, pos, cell);
	l = host_sb_line(h, h->sbn + pos.row);
	if (col >= l->cols)
		return 0;
	*cell = l->cells[col];
	return 1;
}

static void
host_draw_row(struct host *h, WINDOW *w, int row, int color)
{
	VTermScreenCell cell;
	wchar_t wc[CCHARW_MAX + 1];
	cchar_t cc;
	attr_t attr;
	short pair;
	int col, i;

	for (col = 0; col < h->cols; ) {
		if (!host_cell(h, row, col, &cell)) {
			mvwaddch(w, row, col, ' ');
			col++;
			continue;
		}
		/* the right half of a wide character holds (uint32_t)-1 */
		if (cell.chars[0] == (uint32_t)-1) {
			col++;
			continue;
		}
		for (i = 0; i < CCHARW_MAX - 1 && i < VTERM_MAX_CHARS_PER_CELL &&
		    cell.chars[i] != 0; i++)
			wc[i] = (wchar_t)cell.chars[i];
		if (i == 0)
			wc[i++] = L' ';
		wc[i] = L'\0';
		host_cell_style(&cell, color, &attr, &pair);
		if (cell.width > 1 && col + cell.width > h->cols)
			wc[0] = L' ', wc[1] = L'\0', cell.width = 1;
		setcchar(&cc, wc, attr, pair, NULL);
		mvwadd_wch(w, row, col, &cc);
		col += cell.width > 0 ? cell.width : 1;
	}
}

/* "[N/M]" at the top right while scrolled back, as tmux's copy mode. */
static void
host_draw_mark(struct host *h, WINDOW *w)
{
	char buf[32];
	int len;

	len = snprintf(buf, sizeof(buf), "[%d/%d]", h->scroll, h->sbn);
	if (len >= h->cols)
		return;
	wattr_on(w, A_REVERSE, NULL);
	mvwaddstr(w, 0, h->cols - len, buf);
	wattr_off(w, A_REVERSE, NULL);
}

int
host_draw(struct host *h, WINDOW *w, int color)
{
	int row;

	if (h->dmax > h->rows)
		h->dmax = h->rows;
	for (row = h->dmin; row < h->dmax; row++)
		host_draw_row(h, w, row, color);
	h->dmin = h->rows;
	h->dmax = 0;
	if (h->scroll > 0) {
		host_draw_mark(h, w);
		return 0;	/* no cursor over the history */
	}
	wmove(w, h->cursor.row, h->cursor.col);
	return h->cursor_visible;
}

void
host_scroll(struct host *h, int lines)
{
	int to = h->scroll + lines;

	if (to > h->sbn)
		to = h->sbn;
	if (to < 0)
		to = 0;
	if (to == h->scroll)
		return;
	h->scroll = to;
	host_touch(h);
}

const char *
host_title(const struct host *h)
{
	return h->title;
}

int
host_bell(struct host *h)
{
	int b = h->bell;

	h->bell = 0;
	return b;
}

int
host_reap(struct host *h, int *status)
{
	pid_t p;

	if (!h->reaped) {
		p = waitpid(h->pid, &h->status, WNOHANG);
		if (p == h->pid)
			h->reaped = 1;
	}
	if (h->reaped && status)
		*status = h->status;
	return h->reaped;
}

int
host_free(struct host *h)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	int i, status;

	/* closing the last master fd hangs up the slave: SIGHUP, as xterm */
	close(h->fd);
	for (i = 0; i < 100 && !host_reap(h, NULL); i++)
		nanosleep(&ts, NULL);
	if (!h->reaped) {
		kill(h->pid, SIGKILL);
		if (waitpid(h->pid, &h->status, 0) == h->pid)
			h->reaped = 1;
	}
	status = h->status;
	for (i = 0; i < h->sbn; i++)
		free(host_sb_line(h, i)->cells);
	free(h->sb);
	vterm_free(h->vt);
	free(h->out);
	free(h);
	return status;
}
