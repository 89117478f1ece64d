/*
 * loop.c - the read-parse-run loop every input source (terminal, script,
 * -c, eval, .) goes through, dash's cmdloop: the program's chores run
 * from its hooks. And command substitution's parse and run.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exec.h"
#include "input.h"
#include "jobs.h"
#include "lex.h"
#include "loop.h"
#include "parse.h"
#include "shell.h"
#include "spawn.h"
#include "trap.h"

char *
loop_subst(const char *text, size_t len, int *status)
{
	struct sbuf out = { NULL, 0, 0 };
	char buf[4096];
	sigset_t old;
	struct job *j;
	struct cmd *c;
	char *err;
	int fds[2];
	long calls = 0;
	ssize_t n;
	pid_t pid;

	*status = 0;
	if (pipe2(fds, O_CLOEXEC) < 0) {
		sh_errorf("pipe: %s", strerror(errno));
		*status = 2;
		return strdup("");
	}
	fflush(stdout);
	jobs_block(&old);
	j = job_new(NULL, 1);
	pid = fork();
	if (pid == 0) {
		spawn_child_init(j, &old);
		close(fds[0]);
		if (fds[1] != 1) {
			dup2(fds[1], 1);
			close(fds[1]);
		} else {
			fcntl(1, F_SETFD, 0);
		}
		switch (parse_buf(text, len, sh_lineno, &c, &err)) {
		case PARSE_OK:
			spawn_tell_cmd(c);
			sh_exit(exec_cmd(c, EV_EXIT));
		case PARSE_INCOMPLETE:
			sh_errorf("syntax error: unexpected end of file");
			sh_exit(2);
		default:
			sh_errorf("%s", err);
			sh_exit(2);
		}
	}
	close(fds[1]);
	if (pid < 0) {
		sh_errorf("fork: %s", strerror(errno));
		jobs_unblock(&old);
		close(fds[0]);
		job_run(j);
		*status = 2;
		return strdup("");
	}
	job_add(j, pid, "ipcsh");
	jobs_unblock(&old);
	for (;;) {
		n = read(fds[0], buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		calls++;
		sbuf_putn(&out, buf, n);
	}
	if (n == 0)
		sh_tell_read(fds[0], (long)out.n, calls, 1, NULL);
	close(fds[0]);
	*status = job_run(j);
	return out.s != NULL ? out.s : strdup("");
}

/* Appends a continuation line; returns 0, or -1 at the end of input. */
static int
read_more(struct input *in, struct sbuf *b)
{
	size_t from = b->n;

	if (input_read_append(in, 1, b) < 0)
		return -1;
	if (sh_opt.verbose)
		fputs(b->s + from, stderr);	/* set -v */
	return 0;
}

/*
 * The command goes on past its first line, and nobody else reads this
 * input: read ahead, doubling the text each time, and parse up to the
 * end of the first complete command only, giving the rest back. Each
 * parse costs the text's length and the lengths double: linear in the
 * command, where a parse per added line is quadratic (a long function
 * or here-document).
 */
static enum parse_status
read_ahead(struct input *in, struct sbuf *b, int first, struct cmd **c,
    char **err)
{
	enum parse_status r;
	size_t want, used;
	int eof = 0;

	for (;;) {
		want = b->n * 2;
		while (!eof && b->n < want)
			if (read_more(in, b) < 0)
				eof = 1;
		r = parse_buf_first(b->s, b->n, first, eof, c, err, &used);
		if (r == PARSE_OK && used < b->n) {
			input_unread(in, b->s + used, b->n - used);
			b->n = used;
			b->s[used] = '\0';
		}
		if (r != PARSE_INCOMPLETE)
			return r;
		if (eof) {
			*err = strdup("syntax error: unexpected end of file");
			return PARSE_ERROR;
		}
	}
}

int (*sh_line_hook)(const char *line);

/*
 * The parse buffer one read_parse leaves to the next: the tree keeps no
 * pointer into it (the parse copies into its arena), and each line is
 * appended to it without a malloc of its own. A large one is not kept.
 */
static struct sbuf spare_buf;

static void
keep_buf(struct sbuf *b)
{
	if (spare_buf.s == NULL && b->cap <= 65536) {
		spare_buf = *b;
		return;
	}
	free(b->s);
}

/*
 * Reads one complete command (maybe several lines) and parses it. A line
 * of the interactive shell goes to sh_line_hook first: *taken is set when
 * the hook took it (it must not run).
 */
static enum parse_status
read_parse(struct input *in, struct cmd **c, char **err, int *eof,
    int top, int *taken)
{
	struct sbuf b = spare_buf;
	enum parse_status r;
	size_t from;
	int first, open, more;

	/* the last parse's buffer, unless a nested one (a hook's) has it */
	spare_buf.s = NULL;
	spare_buf.cap = 0;
	if (b.s == NULL && (b.s = malloc(b.cap = 128)) == NULL)
		abort();
	b.n = 0;
	b.s[0] = '\0';	/* an empty line (a NUL byte) reads as "" */
	*eof = input_read_append(in, 0, &b) < 0;
	*taken = 0;
	if (*eof) {
		keep_buf(&b);
		return PARSE_OK;
	}
	first = input_lineno(in);
	if (sh_opt.verbose)
		fputs(b.s, stderr);	/* set -v */
	for (;;) {
		r = parse_buf_open(b.s, b.n, first, c, err, &open);
		if (r != PARSE_INCOMPLETE)
			break;
		free(*err);
		*err = NULL;
		if (input_can_read_ahead(in) && !sh_opt.verbose) {
			r = read_ahead(in, &b, first, c, err);
			break;
		}
		/*
		 * Line by line (others read this input too), but parsed
		 * again only after a line that could end the command: in an
		 * open compound command, one that parses whole by itself
		 * cannot.
		 */
		do {
			from = b.n;
			more = read_more(in, &b) == 0;
		} while (more && open &&
		    parse_line_whole(b.s + from, b.n - from));
		if (!more) {
			/* a here-document may end at the end of input */
			r = parse_buf_eof(b.s, b.n, first, c, err);
			if (r == PARSE_INCOMPLETE) {
				*err = strdup("syntax error: "
				    "unexpected end of file");
				r = PARSE_ERROR;
			}
			break;
		}
	}
	if (input_is_tty(in))
		input_history_add(b.s);
	if (top && sh_opt.interactive && sh_line_hook != NULL &&
	    r == PARSE_OK)
		*taken = sh_line_hook(b.s);
	sh_lineno = input_lineno(in);
	keep_buf(&b);
	return r;
}

int
loop_input(struct input *in, const struct loop_hooks *top)
{
	struct cmd *c;
	char *err;
	int eof, st = sh_status, taken;

	for (;;) {
		if (top != NULL && sh_opt.interactive && top->prompt != NULL)
			top->prompt();
		switch (read_parse(in, &c, &err, &eof, top != NULL, &taken)) {
		case PARSE_OK:
			break;
		default:
			sh_errorf("%s", err ? err : "syntax error");
			free(err);
			sh_status = st = 2;
			if (!sh_opt.interactive || exec_in_child)
				sh_exit(2);
			continue;
		}
		if (eof) {
			if (top != NULL && sh_opt.interactive &&
			    sh_opt.ignoreeof && !jobs_hung_up()) {
				fprintf(stderr, "Use \"exit\" to leave "
				    "shell.\n");
				continue;
			}
			if (top != NULL && sh_opt.interactive &&
			    !jobs_hung_up() && !jobs_exit_ok())
				continue;
			break;
		}
		if (taken) {
			cmd_free(c);
			continue;
		}
		exec_line_begin();
		st = exec_cmd(c, 0);
		cmd_free(c);
		if (exec_returning() && top != NULL && sh_opt.interactive) {
			exec_returned();	/* at the prompt: nothing to end */
		} else if (exec_returning()) {
			/* return outside a function ends this input */
			st = sh_status;
			if (top != NULL)
				exec_returned();
			break;
		}
		if (top != NULL) {
			exec_line_end();
			if (!sh_opt.interactive && top->line != NULL)
				top->line();
			trap_run_pending();
		} else if (exec_aborted()) {
			break;
		} else {
			/* eval, a lesson's commands: traps run after each one */
			trap_run_pending();
		}
	}
	return st;
}

int
sh_eval(const char *text, const char *where)
{
	struct input *in = input_string(text, where);
	const char *saved = sh_errwhere;
	int saved_line = sh_lineno, st;

	if (where != NULL)
		sh_errwhere = where;
	st = loop_input(in, NULL);
	input_free(in);
	sh_errwhere = saved;
	sh_lineno = saved_line;
	return st;
}

int
loop_dot(const char *path, int *status)
{
	const char *saved_file = sh_errfile;
	int saved_line = sh_lineno;
	struct input *in;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	in = input_fd(fd, path, 1);
	sh_errfile = path;
	sh_status = 0;
	*status = loop_input(in, NULL);
	if (exec_returned())
		*status = sh_status;
	input_free(in);
	sh_errfile = saved_file;
	sh_lineno = saved_line;
	return 0;
}
