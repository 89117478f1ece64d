/*
 * input.c - command input: readline at the terminal (the only file that
 * includes it: prompts, history, completion), scripts, standard input
 * read without swallowing what the commands read, and strings.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <readline/readline.h>
#include <readline/history.h>

#include "expand.h"
#include "input.h"
#include "lex.h"
#include "shell.h"
#include "var.h"

enum in_kind { IN_STRING, IN_FD, IN_TTY };

struct input {
	enum in_kind kind;
	const char *s;		/* IN_STRING */
	size_t len, pos;
	int fd, own;		/* IN_FD */
	char *buf;		/* own: read-ahead */
	size_t bn, bpos;
	int lineno;
	int eof;
	char *back;		/* input_unread: given back, read first */
	size_t backn, backpos;
};

#define HISTORY_MAX 1000

static char *hist_path;
static int use_readline;

/* A new input of that kind, all else zero. */
static struct input *
input_new(enum in_kind kind)
{
	struct input *in = calloc(1, sizeof(*in));

	if (in == NULL)
		abort();
	in->kind = kind;
	return in;
}

struct input *
input_string(const char *s, const char *name)
{
	struct input *in = input_new(IN_STRING);

	(void)name;
	in->s = s;
	in->len = strlen(s);
	return in;
}

struct input *
input_fd(int fd, const char *name, int own)
{
	struct input *in = input_new(IN_FD);

	(void)name;
	in->fd = fd;
	in->own = own;
	return in;
}

struct input *
input_tty(void)
{
	struct input *in = input_fd(STDIN_FILENO, NULL, 0);

	in->kind = IN_TTY;
	return in;
}

void
input_free(struct input *in)
{
	if (in == NULL)
		return;
	if (in->kind == IN_FD && in->own)
		close(in->fd);
	free(in->buf);
	free(in->back);
	free(in);
}

int
input_can_read_ahead(const struct input *in)
{
	return in->kind == IN_STRING || (in->kind == IN_FD && in->own);
}

void
input_unread(struct input *in, const char *s, size_t n)
{
	size_t i, rest = in->backn - in->backpos;
	char *nb;

	if (n == 0)
		return;
	for (i = 0; i < n; i++)
		if (s[i] == '\n')
			in->lineno--;
	if (s[n - 1] != '\n')
		in->lineno--;
	if (in->back != NULL && in->backpos >= n &&
	    memcmp(in->back + in->backpos - n, s, n) == 0) {
		in->backpos -= n;	/* what was just read from here */
		return;
	}
	nb = malloc(n + rest + 1);
	if (nb == NULL)
		abort();
	memcpy(nb, s, n);
	if (rest > 0)
		memcpy(nb + n, in->back + in->backpos, rest);
	free(in->back);
	in->back = nb;
	in->backn = n + rest;
	in->backpos = 0;
}

/* A copy of the N bytes of line S, NUL-terminated; the caller frees it. */
static char *
line_dup(const char *s, size_t n)
{
	char *line = strndup(s, n);

	if (line == NULL)
		abort();
	return line;
}

/* The next line of what input_unread gave back, or NULL. */
static char *
read_back(struct input *in)
{
	const char *p = in->back + in->backpos, *nl;
	size_t n = in->backn - in->backpos;
	char *line;

	nl = memchr(p, '\n', n);
	if (nl != NULL)
		n = nl - p + 1;
	line = line_dup(p, n);
	in->backpos += n;
	return line;
}

int
input_lineno(const struct input *in)
{
	return in->lineno;
}

int
input_is_tty(const struct input *in)
{
	return in->kind == IN_TTY;
}

/* The next line of a string, in place (*n bytes), or NULL at its end. */
static const char *
string_next(struct input *in, size_t *n)
{
	const char *nl, *line;

	if (in->pos >= in->len)
		return NULL;
	line = in->s + in->pos;
	nl = memchr(line, '\n', in->len - in->pos);
	*n = nl ? (size_t)(nl - line) + 1 : in->len - in->pos;
	in->pos += *n;
	return line;
}

static ssize_t
read_retry(int fd, void *buf, size_t n)
{
	ssize_t r;

	do
		r = read(fd, buf, n);
	while (r < 0 && errno == EINTR);
	return r;
}

/*
 * Our own file, read in blocks: the next line in the block buffer (*n
 * bytes, valid until the next read), or NULL at the end.
 */
static const char *
own_next(struct input *in, size_t *n)
{
	char *nl, *line;
	ssize_t r;

	for (;;) {
		nl = in->bpos < in->bn ? memchr(in->buf + in->bpos, '\n',
		    in->bn - in->bpos) : NULL;
		if (nl != NULL || in->eof)
			break;
		if (in->bpos > 0) {
			memmove(in->buf, in->buf + in->bpos, in->bn - in->bpos);
			in->bn -= in->bpos;
			in->bpos = 0;
		}
		in->buf = realloc(in->buf, in->bn + 65536);
		if (in->buf == NULL)
			abort();
		r = read_retry(in->fd, in->buf + in->bn, 65536);
		if (r <= 0)
			in->eof = 1;
		else
			in->bn += r;
	}
	if (in->bpos >= in->bn)
		return NULL;
	line = in->buf + in->bpos;
	*n = nl ? (size_t)(nl - line) + 1 : in->bn - in->bpos;
	in->bpos += *n;
	return line;
}

/*
 * The next line of a string or of our own file, in place (*n bytes, valid
 * until the next read), or NULL at the end.
 */
static const char *
inplace_next(struct input *in, size_t *n)
{
	return in->kind == IN_STRING ? string_next(in, n) : own_next(in, n);
}

/* The same line as inplace_next, a copy the caller frees. */
static char *
read_inplace(struct input *in)
{
	size_t n;
	const char *s = inplace_next(in, &n);

	return s != NULL ? line_dup(s, n) : NULL;
}

/*
 * Standard input shared with the commands: read a block and seek back to
 * just after the line when the file can seek (lseek(2)); otherwise (a
 * pipe, a terminal) read one byte at a time, as dash does.
 */
static char *
read_shared(struct input *in)
{
	struct sbuf b = { NULL, 0, 0 };
	char chunk[4096], *nl;
	ssize_t r;
	int seekable = lseek(in->fd, 0, SEEK_CUR) >= 0;

	if (in->eof)
		return NULL;
	for (;;) {
		r = read_retry(in->fd, chunk, seekable ? sizeof(chunk) : 1);
		if (r <= 0) {
			in->eof = 1;
			break;
		}
		nl = memchr(chunk, '\n', r);
		if (nl != NULL) {
			sbuf_putn(&b, chunk, nl - chunk + 1);
			if (seekable && nl - chunk + 1 < r)
				lseek(in->fd, (nl - chunk + 1) - r, SEEK_CUR);
			break;
		}
		sbuf_putn(&b, chunk, r);
	}
	return b.s;
}

/* The prompt's \w: the directory, with $HOME shown as ~. */
static void
prompt_cwd(struct sbuf *b, int base)
{
	const char *pwd = var_get("PWD"), *home = var_get("HOME"), *s;
	char cwd[4096];
	size_t hl;

	if (pwd == NULL || *pwd != '/')
		pwd = getcwd(cwd, sizeof(cwd)) ? cwd : "?";
	if (base) {
		s = strrchr(pwd, '/');
		s = (s != NULL && s[1] != '\0') ? s + 1 : pwd;
		sbuf_putn(b, s, strlen(s));
		return;
	}
	hl = home != NULL ? strlen(home) : 0;
	if (hl > 1 && strncmp(pwd, home, hl) == 0 &&
	    (pwd[hl] == '/' || pwd[hl] == '\0')) {
		sbuf_putc(b, '~');
		pwd += hl;
	}
	sbuf_putn(b, pwd, strlen(pwd));
}

/* bash's prompt escapes \u \h \w \W \$ \n \e \[ \] \\. */
static void
prompt_escapes(struct sbuf *b, const char *p)
{
	char host[256];
	struct passwd *pw;

	for (; *p != '\0'; p++) {
		if (*p != '\\' || p[1] == '\0') {
			sbuf_putc(b, *p);
			continue;
		}
		switch (*++p) {
		case 'u':
			pw = getpwuid(geteuid());
			if (pw != NULL)
				sbuf_putn(b, pw->pw_name, strlen(pw->pw_name));
			break;
		case 'h':
			if (gethostname(host, sizeof(host)) == 0) {
				host[sizeof(host) - 1] = '\0';
				host[strcspn(host, ".")] = '\0';
				sbuf_putn(b, host, strlen(host));
			}
			break;
		case 'w':
		case 'W':
			prompt_cwd(b, *p == 'W');
			break;
		case '$':
			sbuf_putc(b, geteuid() == 0 ? '#' : '$');
			break;
		case 'n':
			sbuf_putc(b, '\n');
			break;
		case 'e':
			sbuf_putc(b, '\033');
			break;
		case '[':
			sbuf_putc(b, RL_PROMPT_START_IGNORE);
			break;
		case ']':
			sbuf_putc(b, RL_PROMPT_END_IGNORE);
			break;
		default:
			sbuf_putc(b, '\\');
			sbuf_putc(b, *p);
			break;
		}
	}
}

/*
 * PS1 (or PS2) after parameter expansion; with --plain, TERM=dumb or a
 * non-terminal stdout exactly that, otherwise with bash's escapes. When
 * PS1 is unset: "ipcsh:DIR$ ", in colour unless plain.
 */
static char *
make_prompt(int more)
{
	const char *ps = var_get(more ? "PS2" : "PS1");
	struct sbuf b = { NULL, 0, 0 };
	char *exp;

	if (ps == NULL && more)
		return strdup("");
	if (ps == NULL) {
		if (!sh_opt.plain)
			sbuf_putn(&b, "\001\033[1;32m\002", 9);
		sbuf_putn(&b, "ipcsh", 5);
		if (!sh_opt.plain)
			sbuf_putn(&b, "\001\033[0m\002:\001\033[1;34m\002", 16);
		else
			sbuf_putc(&b, ':');
		prompt_cwd(&b, 0);
		if (!sh_opt.plain)
			sbuf_putn(&b, "\001\033[0m\002", 6);
		sbuf_putn(&b, geteuid() == 0 ? "# " : "$ ", 2);
		return b.s;
	}
	exp = expand_string(ps, EXP_NOTILDE);
	if (exp == NULL)
		exp = strdup(ps);
	if (sh_opt.plain)
		return exp;
	prompt_escapes(&b, exp);
	free(exp);
	return b.s != NULL ? b.s : strdup("");
}

static volatile sig_atomic_t got_sigint;
static char *rl_line;
static int rl_got;

static void
on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
}

static void
on_line(char *line)
{
	rl_line = line;
	rl_got = 1;
	rl_callback_handler_remove();
}

static int (*idle_hook)(int run);

void
input_set_idle(int (*idle)(int run))
{
	idle_hook = idle;
}

/*
 * A trapped signal came while the shell waits at the prompt: run its
 * action now, as bash does, on a line of its own with the terminal in
 * its normal modes and the shell's own SIGINT disposition and mask, then
 * redraw the prompt and what was typed so far.
 */
static void
prompt_trap(struct trap_save *save, const sigset_t *oldmask)
{
	sigset_t cur;

	fputc('\n', rl_outstream);
	fflush(rl_outstream);
	rl_deprep_terminal();
	trap_sigint_pop(save);
	sigprocmask(SIG_SETMASK, oldmask, &cur);
	idle_hook(1);
	fflush(stdout);
	sigprocmask(SIG_SETMASK, &cur, NULL);
	trap_sigint_push(on_sigint, save);
	rl_prep_terminal(1);
	rl_on_new_line();
	rl_forced_update_display();
}

/*
 * readline's callback interface, so that Ctrl+C at the prompt (SIGINT,
 * which the interactive shell otherwise ignores) clears the line and
 * gives a new prompt: the handler only sets a flag that ends poll(2).
 */
static char *
tty_readline(const char *prompt)
{
	struct trap_save save;
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
	sigset_t block, oldmask, waitmask;
	int r, avail;

	/*
	 * Signals are blocked except inside ppoll(2), so one that comes
	 * while readline works on a key (SIGINT, a trapped signal, SIGCHLD)
	 * ends the next wait instead of waiting for the next key. The
	 * faults a bug raises stay deliverable.
	 */
	sigfillset(&block);
	sigdelset(&block, SIGSEGV);
	sigdelset(&block, SIGBUS);
	sigdelset(&block, SIGFPE);
	sigdelset(&block, SIGILL);
	sigdelset(&block, SIGABRT);
	sigdelset(&block, SIGTRAP);
	sigprocmask(SIG_BLOCK, &block, &oldmask);
	waitmask = oldmask;
	sigdelset(&waitmask, SIGINT);
	trap_sigint_push(on_sigint, &save);
	got_sigint = 0;
	rl_got = 0;
	rl_line = NULL;
	rl_callback_handler_install(prompt, on_line);
	while (!rl_got) {
		r = ppoll(&pfd, 1, NULL, &waitmask);
		if (got_sigint) {
			got_sigint = 0;
			rl_free_line_state();
			rl_callback_sigcleanup();
			rl_replace_line("", 0);
			fputs("^C\n", rl_outstream);
			sh_status = 128 + SIGINT;	/* bash: $? 130 */
			rl_on_new_line();
			rl_redisplay();
			continue;
		}
		if (r < 0) {
			if (errno == EINTR) {
				/* SIGCHLD or a trapped signal woke us */
				if (idle_hook != NULL && idle_hook(0))
					prompt_trap(&save, &oldmask);
				continue;
			}
			rl_callback_handler_remove();
			break;
		}
		/*
		 * Ctrl+C may come after ppoll saw typed text and before we
		 * read it: the terminal flushes the text (termios(3), ISIG)
		 * and a read(2) would block with SIGINT masked. Read only
		 * what FIONREAD (tty_ioctl(4)) says is there, or a hang-up.
		 */
		if (!(pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) &&
		    ioctl(STDIN_FILENO, FIONREAD, &avail) == 0 && avail == 0)
			continue;
		rl_callback_read_char();
	}
	trap_sigint_pop(&save);
	sigprocmask(SIG_SETMASK, &oldmask, NULL);
	return rl_line;
}

static char *
read_tty(struct input *in, int more)
{
	char *prompt = make_prompt(more), *line, *p, *q;
	struct sbuf b = { NULL, 0, 0 };

	if (use_readline) {
		line = tty_readline(prompt);
		free(prompt);
		if (line == NULL) {
			if (!more)
				fputc('\n', stderr);
			return NULL;
		}
		sbuf_putn(&b, line, strlen(line));
		sbuf_putc(&b, '\n');
		free(line);
		return b.s;
	}
	for (p = q = prompt; *p != '\0'; p++)
		if (*p != RL_PROMPT_START_IGNORE && *p != RL_PROMPT_END_IGNORE)
			*q++ = *p;
	*q = '\0';
	fputs(prompt, stderr);
	free(prompt);
	return read_shared(in);
}

char *
input_read(struct input *in, int more)
{
	char *line;

	if (in->back != NULL && in->backpos < in->backn) {
		in->lineno++;
		return read_back(in);
	}
	switch (in->kind) {
	case IN_STRING:
		line = read_inplace(in);
		break;
	case IN_TTY:
		line = read_tty(in, more);
		break;
	default:
		line = in->own ? read_inplace(in) : read_shared(in);
		break;
	}
	if (line != NULL)
		in->lineno++;
	return line;
}

int
input_read_append(struct input *in, int more, struct sbuf *b)
{
	const char *s;
	char *line;
	size_t n;

	if ((in->back != NULL && in->backpos < in->backn) ||
	    (in->kind != IN_STRING && !(in->kind == IN_FD && in->own))) {
		if ((line = input_read(in, more)) == NULL)
			return -1;
		sbuf_putn(b, line, strlen(line));
		free(line);
		return 0;
	}
	s = inplace_next(in, &n);
	if (s == NULL)
		return -1;
	sbuf_putn(b, s, n);
	in->lineno++;
	return 0;
}

/* Completion: builtins, keywords and PATH commands in command position. */
static char **cands;
static size_t ncands, candi;

static void
cand_add(const char *name)
{
	size_t i;

	for (i = 0; i < ncands; i++)
		if (strcmp(cands[i], name) == 0)
			return;
	cands = realloc(cands, (ncands + 1) * sizeof(char *));
	if (cands == NULL || (cands[ncands] = strdup(name)) == NULL)
		abort();
	ncands++;
}

static void
cand_builtin(const struct builtin *b, void *arg)
{
	const char *text = arg;

	if (strncmp(b->name, text, strlen(text)) == 0)
		cand_add(b->name);
}

static void
cand_path(const char *text)
{
	const char *path = var_get("PATH"), *p, *colon;
	char dir[4096], file[8192];
	struct dirent *d;
	DIR *dp;
	size_t n = strlen(text);

	for (p = path; p != NULL && *p; p = colon ? colon + 1 : NULL) {
		colon = strchr(p, ':');
		snprintf(dir, sizeof(dir), "%.*s",
		    (int)(colon ? colon - p : (long)strlen(p)), p);
		if ((dp = opendir(*dir ? dir : ".")) == NULL)
			continue;
		while ((d = readdir(dp)) != NULL) {
			if (strncmp(d->d_name, text, n) != 0 ||
			    d->d_name[0] == '.')
				continue;
			snprintf(file, sizeof(file), "%s/%s", dir, d->d_name);
			if (access(file, X_OK) == 0)
				cand_add(d->d_name);
		}
		closedir(dp);
	}
}

static char *
cmd_generator(const char *text, int state)
{
	static const char *const kw[] = {
		"if", "then", "else", "elif", "fi", "while", "until", "for",
		"do", "done", "in",
	};
	size_t i;

	if (state == 0) {
		for (i = 0; i < ncands; i++)
			free(cands[i]);
		ncands = candi = 0;
		builtin_each(cand_builtin, (void *)text);
		for (i = 0; i < sizeof(kw) / sizeof(kw[0]); i++)
			if (strncmp(kw[i], text, strlen(text)) == 0)
				cand_add(kw[i]);
		cand_path(text);
	}
	if (candi < ncands)
		return strdup(cands[candi++]);
	return NULL;
}

static char **
complete(const char *text, int start, int end)
{
	int i = start - 1;

	(void)end;
	while (i >= 0 && (rl_line_buffer[i] == ' ' ||
	    rl_line_buffer[i] == '\t'))
		i--;
	if (strchr(text, '/') != NULL)
		return NULL;
	if (i < 0 || strchr(";&|(`", rl_line_buffer[i]) != NULL)
		return rl_completion_matches(text, cmd_generator);
	return NULL;
}

static void
mkdirs(char *path)
{
	char *p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(path, 0700);
		*p = '/';
	}
}

void
input_editing_mode(const char *mode)
{
	rl_variable_bind("editing-mode", mode);
}

void
input_init_interactive(void)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = var_get("HOME");
	int fd;

	use_readline = isatty(STDIN_FILENO);
	if (!use_readline)
		return;
	sh_opt.emacs = 1;	/* readline's default mode */
	rl_readline_name = "ipcsh";
	rl_catch_signals = 0;
	rl_outstream = stderr;
	rl_attempted_completion_function = complete;
	/* plain: no escape sequence at all, not even bracketed paste mode */
	if (sh_opt.plain)
		rl_variable_bind("enable-bracketed-paste", "off");
	using_history();
	if (state != NULL && *state == '/') {
		if (asprintf(&hist_path, "%s/ipcsh/history", state) < 0)
			hist_path = NULL;
	} else if (home != NULL) {
		if (asprintf(&hist_path, "%s/.local/state/ipcsh/history",
		    home) < 0)
			hist_path = NULL;
	}
	if (hist_path == NULL)
		return;
	mkdirs(hist_path);
	fd = open(hist_path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
	read_history(hist_path);
}

void
input_history_add(const char *cmd)
{
	HIST_ENTRY *last;
	char *c;
	size_t n;

	if (cmd == NULL || (c = strdup(cmd)) == NULL)
		return;	/* an empty line (it began with a NUL byte) */
	n = strlen(c);
	while (n > 0 && c[n - 1] == '\n')
		c[--n] = '\0';
	if (strspn(c, " \t\n") == n || !use_readline) {
		free(c);
		return;
	}
	last = history_length > 0 ? history_get(history_base +
	    history_length - 1) : NULL;
	if (last == NULL || strcmp(last->line, c) != 0) {
		add_history(c);
		if (hist_path != NULL)
			append_history(1, hist_path);
	}
	free(c);
}

void
input_save_history(void)
{
	if (use_readline && hist_path != NULL)
		history_truncate_file(hist_path, HISTORY_MAX);
}
