/*
 * exec.c - the executor: one switch over the node kinds (xv6 sh.c's
 * runcmd), simple commands, assignments and builtins in the shell.
 */
#include <errno.h>
#include <fnmatch.h>
#include <signal.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exec.h"
#include "expand.h"
#include "func.h"
#include "input.h"
#include "intr.h"
#include "jobs.h"
#include "lex.h"
#include "parse.h"
#include "redir.h"
#include "shell.h"
#include "spawn.h"
#include "trap.h"
#include "var.h"

int exec_in_child;
const char *exec_job_text;	/* the source text of the running list */

static int loop_depth;		/* loops we are inside */
static int brk_levels, cont_levels;		/* pending break/continue levels */
static int abort_line;		/* an error in an interactive shell: unwind */
static int errexit_off;		/* inside a condition: set -e does not apply */
static int returning;		/* return ran: unwind to the function or . */

/* sh_exit has begun (the EXIT trap runs once); a new child starts at 0. */
int exec_exiting;

void
sh_exit(int status)
{
	int exiting = exec_exiting;

	exec_exiting = 1;
	if (!exiting) {
		sh_status = status;
		trap_run_exit();
	}
	fflush(stdout);
	if (exec_in_child)
		_exit(status);
	input_save_history();
	exit(status);
}

int
exec_fatal(int status)
{
	sh_status = status;
	if (!sh_opt.interactive || exec_in_child)
		sh_exit(status);
	abort_line = 1;
	return status;
}

static int
unwinding(void)
{
	return brk_levels || cont_levels || abort_line || returning;
}

int
exec_return(int status)
{
	returning = 1;
	return status;
}

int
exec_returning(void)
{
	return returning;
}

int
exec_returned(void)
{
	int r = returning;

	returning = 0;
	return r;
}

void
exec_optstring(char *buf, size_t size)
{
	/* dash's letters, in the order dash 0.5.12 prints them */
	const struct {
		char c;
		int on;
	} l[] = {
		{ 'p', sh_opt.privileged }, { 'u', sh_opt.nounset },
		{ 'b', sh_opt.notify }, { 'a', sh_opt.allexport },
		{ 'C', sh_opt.noclobber }, { 'v', sh_opt.verbose },
		{ 'x', sh_opt.xtrace }, { 's', sh_opt.stdin_mode },
		{ 'n', sh_opt.noexec }, { 'm', sh_opt.monitor },
		{ 'i', sh_opt.interactive }, { 'f', expand_noglob },
		{ 'e', sh_opt.errexit },
	};
	char s[32];
	size_t i, n = 0;

	for (i = 0; i < sizeof(l) / sizeof(l[0]); i++)
		if (l[i].on)
			s[n++] = l[i].c;
	s[n] = '\0';
	snprintf(buf, size, "%s", s);
}

int
exec_loopctl(int is_break, int n)
{
	if (loop_depth == 0)
		return 0;
	if (n > loop_depth)
		n = loop_depth;
	if (is_break)
		brk_levels = n;
	else
		cont_levels = n;
	return 0;
}

/* set -e: a failed command ends the shell unless it was tested. */
static void
check_errexit(int status)
{
	if (status != 0 && sh_opt.errexit && !errexit_off && !unwinding())
		sh_exit(status);
}

int
exec_interrupted(int st)
{
	if (st == 128 + SIGINT && sh_opt.interactive) {
		sh_status = st;	/* $? is 130 after Ctrl+C */
		abort_line = 1;
	}
	return st;
}

void
exec_line_begin(void)
{
	abort_line = 0;
}

void
exec_line_end(void)
{
	abort_line = brk_levels = cont_levels = 0;
}

/*
 * The status of a failed redirection: 128+N after Ctrl+C or Ctrl+\
 * ended a blocking open (the line ends, as after a foreground job killed
 * by it), else 2.
 */
static int
redir_failed(void)
{
	int sig = redir_interrupted();

	if (sig == 0)
		return 2;
	sh_status = intr_status(sig);
	abort_line = 1;
	return sh_status;
}

int
exec_aborted(void)
{
	return abort_line;
}

/* set -x: the command as it will run, after PS4, on standard error. */
static void
xtrace(char **assign, int nassign, char **argv)
{
	struct sbuf b = { NULL, 0, 0 };
	const char *ps4 = var_get("PS4");
	int i;

	sbuf_putn(&b, ps4 ? ps4 : "", ps4 ? strlen(ps4) : 0);
	for (i = 0; i < nassign; i++) {
		if (i > 0)
			sbuf_putc(&b, ' ');
		sbuf_putn(&b, assign[i], strlen(assign[i]));
	}
	for (i = 0; argv != NULL && argv[i] != NULL; i++) {
		if (i > 0 || nassign > 0)
			sbuf_putc(&b, ' ');
		sbuf_putn(&b, argv[i], strlen(argv[i]));
	}
	sbuf_putc(&b, '\n');
	fflush(stdout);
	if (write(STDERR_FILENO, b.s, b.n) < 0)
		b.n = 0;
	free(b.s);
}

/* The saved values of variables a regular builtin's assignments hide. */
struct tempvar {
	char *name, *value;
	int flags;
};

/* Saves name's value and flags into t (for temp_restore). */
static void
temp_save(struct tempvar *t, const char *name, size_t len)
{
	const char *old;

	t->name = strndup(name, len);
	if (t->name == NULL)
		abort();
	old = var_get(t->name);
	t->value = old != NULL ? strdup(old) : NULL;
	t->flags = var_flags(t->name);
}

/* Puts one saved variable back and frees what t holds. */
static void
temp_put_back(struct tempvar *t)
{
	var_unset(t->name);
	if (t->flags >= 0)
		var_set(t->name, t->value, t->flags);
	free(t->name);
	free(t->value);
}

/*
 * Expands the assignments of a simple command: NAME=value words, left to
 * right, each seeing the ones before it (dash: x=5 y=$((x+2)) cmd).
 * Returns a NULL-terminated malloc'ed vector of "NAME=value", or NULL
 * after an expansion error or an assignment to a readonly variable.
 */
static char *no_assigns[1];	/* most commands: nothing to allocate */

static char **
expand_assigns(struct cmd_exec *e)
{
	char **v;
	struct tempvar *t = NULL;
	int i, fl, ok = 1;

	if (e->nassign == 0)
		return no_assigns;
	v = expand_vec_new();
	if (e->nassign > 1 && (t = calloc(e->nassign, sizeof(*t))) == NULL)
		abort();
	for (i = 0; i < e->nassign && ok; i++) {
		char *eq = strchr(e->assign[i], '=');
		size_t nl = eq - e->assign[i];
		char *val = expand_string(eq + 1, EXP_ASSIGN), *a;

		if (val == NULL) {
			ok = 0;
			break;
		}
		if (asprintf(&a, "%.*s=%s", (int)nl, e->assign[i], val) < 0)
			abort();
		free(val);
		v = expand_vec_push(v, a);
		a[nl] = '\0';
		fl = var_flags(a);
		if (fl >= 0 && (fl & VAR_READONLY)) {
			sh_errorf("%s: is read only", a);
			ok = 0;
		} else if (i + 1 < e->nassign) {
			/* visible to the next ones until the command runs */
			temp_save(&t[i], e->assign[i], nl);
			var_set(a, a + nl + 1, VAR_EXPORT);
		}
		a[nl] = '=';
	}
	if (t != NULL) {
		/* back in reverse order: a name given twice gets its first */
		for (i = e->nassign - 1; i >= 0; i--) {
			if (t[i].name != NULL)
				temp_put_back(&t[i]);
		}
		free(t);
	}
	if (!ok) {
		expand_free(v);
		return NULL;
	}
	return v;
}

/* Sets NAME=value pairs; flags VAR_EXPORT for a command's environment. */
int
exec_set_assigns(char **as, int flags)
{
	int i, rc = 0;

	for (i = 0; as[i] != NULL; i++) {
		char *eq = strchr(as[i], '=');

		*eq = '\0';
		if (var_set(as[i], eq + 1, flags) < 0)
			rc = -1;
		*eq = '=';
	}
	return rc;
}

static struct tempvar *
temp_assigns(char **as)
{
	int i, n;
	struct tempvar *t;

	for (n = 0; as[n] != NULL; n++)
		;
	t = calloc(n + 1, sizeof(*t));
	if (t == NULL)
		abort();
	for (i = 0; i < n; i++)
		temp_save(&t[i], as[i], strchr(as[i], '=') - as[i]);
	exec_set_assigns(as, VAR_EXPORT);
	return t;
}

static void
temp_restore(struct tempvar *t)
{
	int i;

	for (i = 0; t[i].name != NULL; i++)
		temp_put_back(&t[i]);
	free(t);
}

/* Flushes a builtin's output; a write error makes it fail (dash: I/O error). */
static int
builtin_flush(const char *name, int st)
{
	/* __fpending(3): nothing buffered and no error, nothing to find */
	if (__fpending(stdout) == 0 && !ferror(stdout))
		return st;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		int err = errno;

		clearerr(stdout);
		if (st == 0) {
			sh_errorf("%s: write error: %s", name, strerror(err));
			st = 1;
		}
	}
	return st;
}

static int
run_builtin(const struct builtin *bi, struct cmd_exec *e, int argc,
    char **argv, char **as, int flags, int special)
{
	struct redir_save rs = { 0, 0, NULL };
	struct tempvar *tv = NULL;
	int st;

	spawn_tell("builtin", argc, argv);	/* a forked child's first */
	if (flags & EV_EXIT) {
		redir_for = argv[0];
		st = redir_apply(e->redir, NULL);
		redir_for = NULL;
		if (st < 0)
			return special ? exec_fatal(2) : 2;
		exec_set_assigns(as, 0);
		optind = 0;
		return builtin_flush(argv[0], builtin_call(bi, argc, argv));
	}
	redir_for = argv[0];
	st = redir_apply(e->redir, &rs);
	redir_for = NULL;
	if (st < 0) {
		redir_restore(&rs);
		if ((st = redir_failed()) != 2)
			return st;
		return special ? exec_fatal(2) : 2;
	}
	if (special) {
		if (exec_set_assigns(as, 0) < 0) {
			redir_restore(&rs);
			return exec_fatal(2);
		}
	} else if (as[0] != NULL) {
		tv = temp_assigns(as);
	}
	optind = 0;
	st = builtin_flush(argv[0], builtin_call(bi, argc, argv));
	if (tv != NULL)
		temp_restore(tv);
	redir_restore(&rs);
	/* a special builtin's error ends a script; return 2 is no error */
	if (special && st == 2 && !sh_opt.interactive && !returning)
		sh_exit(st);
	return st;
}

/*
 * Redirections, then assignments (left to right) without a command: a
 * failed redirection assigns nothing, and the redirection's file exists
 * before an assignment's expansion fails (X=${x?} >file), as in dash.
 */
static int
assign_only(struct cmd_exec *e)
{
	struct redir_save rs = { 0, 0, NULL };
	int i, st = 0;

	if (e->redir != NULL && redir_apply(e->redir, &rs) < 0) {
		redir_restore(&rs);
		return redir_failed();
	}
	for (i = 0; i < e->nassign && st == 0; i++) {
		char *eq = strchr(e->assign[i], '=');
		char *name = strndup(e->assign[i], eq - e->assign[i]);
		char *val = expand_string(eq + 1, EXP_ASSIGN);

		if (val == NULL) {
			free(name);
			st = -1;
			break;
		}
		if (sh_opt.xtrace) {
			fflush(stdout);
			fprintf(stderr, "%s%s=%s\n", var_get("PS4") ?
			    var_get("PS4") : "", name, val);
		}
		st = var_set(name, val, 0);
		free(name);
		free(val);
	}
	redir_restore(&rs);
	if (st < 0)
		return exec_fatal(2);
	return expand_subst_status >= 0 ? expand_subst_status : 0;
}

/* exec [command...]: replace the shell, or keep the redirections. */
static int
exec_builtin_exec(struct cmd_exec *e, int argc, char **argv, char **as)
{
	struct trap_exec_save saved;
	int st;

	if (redir_apply(e->redir, NULL) < 0)
		return exec_fatal(2);
	if (argc == 1) {
		exec_set_assigns(as, 0);
		return 0;
	}
	exec_set_assigns(as, VAR_EXPORT);
	input_save_history();
	jobs_child_before_exec();	/* the command replaces the shell */
	trap_exec_sigs(&saved, 0);
	st = spawn_replace(argv + 1);
	trap_exec_sigs(&saved, 1);
	if (!sh_opt.interactive)
		sh_exit(st);
	return st;
}

/*
 * Calls a function: its redirections and assignments last for the call,
 * $1... are its arguments, and return (or the end) gives the status.
 */
static int
call_func(struct cmd *body, struct cmd_exec *e, int argc, char **argv,
    char **as)
{
	struct redir_save rs = { 0, 0, NULL };
	struct tempvar *tv = NULL;
	int saved_loops = loop_depth, st;
	void *args;

	spawn_tell("function", argc, argv);	/* a forked child's first */
	if (redir_apply(e->redir, &rs) < 0) {
		redir_restore(&rs);
		return 2;
	}
	if (as[0] != NULL)
		tv = temp_assigns(as);
	cmd_hold(body);	/* it may redefine itself while it runs */
	args = var_saveargs();
	var_setargs(argc - 1, argv + 1);
	func_enter();
	loop_depth = 0;
	st = exec_cmd(body, 0);
	if (exec_returned())
		st = sh_status;
	loop_depth = saved_loops;
	func_leave();
	var_restoreargs(args);
	cmd_free(body);
	if (tv != NULL)
		temp_restore(tv);
	redir_restore(&rs);
	return st;
}

/* case word in pattern) list;; esac: the first matching pattern's list. */
static int
exec_case(struct cmd_case *k, int flags)
{
	char *word, *pat;
	int i, j, m;

	sh_lineno = k->c.line;
	word = expand_string(k->word, 0);
	if (word == NULL)
		return exec_fatal(2);
	for (i = 0; i < k->nitems; i++) {
		for (j = 0; j < k->items[i].npat; j++) {
			pat = expand_string(k->items[i].pats[j], EXP_PATTERN);
			if (pat == NULL) {
				free(word);
				return exec_fatal(2);
			}
			m = fnmatch(pat, word, 0);
			free(pat);
			if (m == 0) {
				free(word);
				if (k->items[i].body == NULL)
					return 0;
				return exec_cmd(k->items[i].body, flags);
			}
		}
	}
	free(word);
	return 0;
}

/*
 * The words of a simple command. After export, readonly and local, a
 * NAME=value operand is expanded as an assignment: no field splitting
 * or pathname expansion, tilde after '=' and ':' (dash, POSIX 2024).
 */
static char **
expand_argv(struct cmd_exec *e, int *argc)
{
	static const char *const decl[] = { "export", "readonly", "local" };
	char **v, **f, *val;
	int i, k, n = 0, nf;
	size_t d;

	for (d = 0; e->argc > 1 && d < sizeof(decl) / sizeof(decl[0]); d++)
		if (strcmp(e->argv[0], decl[d]) == 0)
			break;
	if (e->argc < 2 || d == sizeof(decl) / sizeof(decl[0]))
		return expand_fields(e->argv, e->argc, argc);
	v = expand_vec_new();
	for (i = 0; i < e->argc; i++) {
		if (i > 0 && parse_is_assign(e->argv[i])) {
			char *eq = strchr(e->argv[i], '='), *a;

			val = expand_string(eq + 1, EXP_ASSIGN);
			if (val == NULL)
				goto fail;
			if (asprintf(&a, "%.*s=%s", (int)(eq - e->argv[i]),
			    e->argv[i], val) < 0)
				abort();
			free(val);
			v = expand_vec_push(v, a);
			n++;
			continue;
		}
		f = expand_fields(&e->argv[i], 1, &nf);
		if (f == NULL)
			goto fail;
		for (k = 0; k < nf; k++) {
			char *w = strdup(f[k]);

			if (w == NULL)
				abort();
			v = expand_vec_push(v, w);
			n++;
		}
		expand_free(f);
	}
	*argc = n;
	return v;
fail:
	expand_free(v);
	return NULL;
}

static int
exec_simple(struct cmd_exec *e, int flags)
{
	const struct builtin *bi = NULL;
	char **argv, **as = NULL, **av;
	struct cmd *body;
	int argc, st, nofunc = 0, defpath = 0;

	sh_lineno = e->c.line;
	expand_subst_status = -1;
	argv = expand_argv(e, &argc);
	if (argv == NULL)
		return exec_fatal(2);
	if (argc == 0) {
		st = assign_only(e);
		expand_free(argv);
		return st;
	}
	as = expand_assigns(e);
	if (as == NULL) {
		expand_free(argv);
		return exec_fatal(2);
	}
	if (sh_opt.xtrace)
		xtrace(as, e->nassign, argv);
	av = argv;
	/*
	 * command [-p] NAME: no special-builtin rules (assignments last for
	 * the command, errors do not end the shell) and no functions.
	 */
	while (argc > 1 && strcmp(av[0], "command") == 0) {
		if (strcmp(av[1], "-p") == 0 && argc > 2 &&
		    av[2][0] != '-') {
			defpath = 1;
			av++;
			argc--;
		} else if (av[1][0] == '-') {
			break;
		}
		av++;
		argc--;
		nofunc = 1;
	}
	if (strchr(av[0], '/') == NULL)
		bi = builtin_find(av[0]);
	if (strcmp(av[0], "exec") == 0 && !builtin_wants_help(bi, argc, av))
		st = exec_builtin_exec(e, argc, av, as);
	else if (bi != NULL && (bi->flags & BI_SPECIAL) && !nofunc)
		st = run_builtin(bi, e, argc, av, as, flags, 1);
	else if (!nofunc && strchr(av[0], '/') == NULL &&
	    (body = func_find(av[0])) != NULL)
		st = call_func(body, e, argc, av, as);
	else if (bi != NULL)
		st = run_builtin(bi, e, argc, av, as, flags, 0);
	else
		st = spawn_external(e, av, as, flags | (defpath ? EV_DEFPATH :
		    0));
	expand_free(argv);
	if (as != no_assigns)
		expand_free(as);
	return st;
}

static int
exec_redir_cmd(struct cmd_redir *r, int flags)
{
	struct redir_save rs = { 0, 0, NULL };
	int st;

	if (redir_apply(r->redir, (flags & EV_EXIT) ? NULL : &rs) < 0) {
		redir_restore(&rs);
		return redir_failed();
	}
	st = exec_cmd(r->cmd, flags);
	redir_restore(&rs);
	return st;
}

/* After a loop body: 1 when the loop must end. */
static int
loop_next(void)
{
	if (brk_levels) {
		brk_levels--;
		return 1;
	}
	if (cont_levels) {
		if (--cont_levels > 0)
			return 1;
	}
	trap_run_pending();
	/*
	 * Ctrl+C reached the interactive shell itself (a loop of builtins
	 * has no foreground job to kill): end the whole line with $? 130,
	 * as bash does.
	 */
	if (sh_opt.interactive && !exec_in_child && jobs_interrupted() &&
	    !abort_line) {
		sh_status = 128 + SIGINT;
		abort_line = 1;
	}
	return abort_line || returning;
}

static int
exec_loop(struct cmd_loop *l, int flags)
{
	int st = 0, c;

	loop_depth++;
	for (;;) {
		errexit_off++;
		c = exec_cmd(l->cond, 0);
		errexit_off--;
		if (unwinding()) {
			if (loop_next())
				break;
			continue;
		}
		if ((c == 0) != (l->c.type == CMD_WHILE))
			break;
		st = exec_cmd(l->body, flags & ~EV_EXIT);
		if (loop_next())
			break;
	}
	loop_depth--;
	return st;
}

static int
exec_for(struct cmd_for *f, int flags)
{
	char **words;
	int n, i, st = 0;

	sh_lineno = f->c.line;
	if (f->words != NULL) {
		expand_subst_status = -1;
		words = expand_fields(f->words, f->nwords, &n);
		if (words == NULL)
			return exec_fatal(2);
	} else {
		char *args = "\"$@\"";

		words = expand_fields(&args, 1, &n);
	}
	loop_depth++;
	for (i = 0; i < n; i++) {
		if (var_set(f->var, words[i], 0) < 0) {
			st = exec_fatal(2);
			break;
		}
		st = exec_cmd(f->body, flags & ~EV_EXIT);
		if (loop_next())
			break;
	}
	loop_depth--;
	expand_free(words);
	return st;
}

static int
exec_if(struct cmd_if *c, int flags)
{
	int st;

	errexit_off++;
	st = exec_cmd(c->cond, 0);
	errexit_off--;
	if (unwinding())
		return st;
	if (st == 0)
		return exec_cmd(c->then, flags);
	if (c->els != NULL)
		return exec_cmd(c->els, flags);
	return 0;
}

int
exec_cmd(struct cmd *c, int flags)
{
	struct cmd_list *l;
	const char *saved_text = exec_job_text;
	int st = 0;

	if (c == NULL || unwinding())
		return sh_status;
	if (sh_opt.noexec && !sh_opt.interactive)
		return 0;	/* set -n (dash: evaltree) */
	if (c->text != NULL)
		exec_job_text = c->text;
	switch (c->type) {
	case CMD_EXEC:
		st = exec_simple((struct cmd_exec *)c, flags);
		check_errexit(st);
		break;
	case CMD_REDIR:
		st = exec_redir_cmd((struct cmd_redir *)c, flags);
		break;
	case CMD_PIPE:
		st = spawn_pipe((struct cmd_pipe *)c);
		check_errexit(st);
		break;
	case CMD_LIST:
		/*
		 * A list is right-nested, one node per command: a loop, not
		 * a recursion as deep as the list is long (a body of 100,000
		 * lines overflowed the stack).
		 */
		l = (struct cmd_list *)c;
		for (;;) {
			exec_cmd(l->left, flags & ~EV_EXIT);
			trap_run_pending();
			if (l->right == NULL || l->right->type != CMD_LIST ||
			    l->right->text != NULL || unwinding())
				break;
			l = (struct cmd_list *)l->right;
		}
		st = exec_cmd(l->right, flags);
		break;
	case CMD_AND:
	case CMD_OR:
		l = (struct cmd_list *)c;
		errexit_off++;
		st = exec_cmd(l->left, flags & ~EV_EXIT);
		errexit_off--;
		if (!unwinding() && (c->type == CMD_AND) == (st == 0))
			st = exec_cmd(l->right, flags);
		break;
	case CMD_BACK:
		st = spawn_back((struct cmd_back *)c);
		break;
	case CMD_NOT:
		errexit_off++;
		st = !exec_cmd(((struct cmd_back *)c)->cmd, flags & ~EV_EXIT);
		errexit_off--;
		break;
	case CMD_SUBSHELL:
		st = spawn_subshell((struct cmd_back *)c, flags);
		check_errexit(st);
		break;
	case CMD_GROUP:
		st = exec_cmd(((struct cmd_back *)c)->cmd, flags);
		break;
	case CMD_IF:
		st = exec_if((struct cmd_if *)c, flags);
		break;
	case CMD_WHILE:
	case CMD_UNTIL:
		st = exec_loop((struct cmd_loop *)c, flags);
		break;
	case CMD_FOR:
		st = exec_for((struct cmd_for *)c, flags);
		break;
	case CMD_FUNC:
		func_define(((struct cmd_func *)c)->name,
		    ((struct cmd_func *)c)->body);
		st = 0;
		break;
	case CMD_CASE:
		st = exec_case((struct cmd_case *)c, flags);
		break;
	}
	exec_job_text = saved_text;
	if (!abort_line)
		sh_status = st;
	return sh_status;
}
