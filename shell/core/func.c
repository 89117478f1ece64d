/*
 * func.c - shell functions: definitions by name (each holding its parse
 * tree), and per call the variables made local, put back on return.
 */
#include <stdlib.h>
#include <string.h>

#include "expand.h"
#include "func.h"
#include "parse.h"
#include "shell.h"
#include "var.h"

struct func {
	char *name;
	struct cmd *body;
	struct func *next;
};

#define NFUNC 64
static struct func *funcs[NFUNC];

struct local {
	char *name, *value;
	int flags;		/* -1: it was unset */
	struct local *next;
};

struct frame {
	struct local *locals;
	struct frame *up;
	int have_opts;		/* local -: the options to put back */
	struct sh_opts opts;
	int noglob;
};

static struct frame *frames;
static int depth;

static unsigned
func_hash(const char *s)
{
	unsigned h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h % NFUNC;
}

static struct func **
func_slot(const char *name)
{
	struct func **pp;

	for (pp = &funcs[func_hash(name)]; *pp != NULL; pp = &(*pp)->next)
		if (strcmp((*pp)->name, name) == 0)
			break;
	return pp;
}

void
func_define(const char *name, struct cmd *body)
{
	struct func **pp = func_slot(name), *f = *pp;

	cmd_hold(body);
	if (f != NULL) {
		cmd_free(f->body);
		f->body = body;
		return;
	}
	f = malloc(sizeof(*f));
	if (f == NULL || (f->name = strdup(name)) == NULL)
		abort();
	f->body = body;
	f->next = NULL;
	*pp = f;
}

struct cmd *
func_find(const char *name)
{
	struct func *f = *func_slot(name);

	return f != NULL ? f->body : NULL;
}

int
func_unset(const char *name)
{
	struct func **pp = func_slot(name), *f = *pp;

	if (f == NULL)
		return -1;
	*pp = f->next;
	cmd_free(f->body);
	free(f->name);
	free(f);
	return 0;
}

void
func_enter(void)
{
	struct frame *f = calloc(1, sizeof(*f));

	if (f == NULL)
		abort();
	f->up = frames;
	frames = f;
	depth++;
}

void
func_leave(void)
{
	struct frame *f = frames;
	struct local *l, *next;

	if (f == NULL)
		return;
	for (l = f->locals; l != NULL; l = next) {
		next = l->next;
		var_restore(l->name, l->value, l->flags);
		free(l->name);
		free(l->value);
		free(l);
	}
	if (f->have_opts) {
		/* what set changes; how the shell runs stays as it is */
		int interactive = sh_opt.interactive, monitor = sh_opt.monitor;
		int tape = sh_opt.tape;

		sh_opt = f->opts;
		sh_opt.interactive = interactive;
		sh_opt.monitor = monitor;
		sh_opt.tape = tape;
		expand_noglob = f->noglob;
	}
	frames = f->up;
	free(f);
	depth--;
}

void
func_local_opts(void)
{
	if (frames == NULL || frames->have_opts)
		return;
	frames->have_opts = 1;
	frames->opts = sh_opt;
	frames->noglob = expand_noglob;
}

int
func_depth(void)
{
	return depth;
}

int
func_local(const char *name, const char *value)
{
	struct local *l;
	const char *old;

	if (frames == NULL)
		return -1;
	for (l = frames->locals; l != NULL; l = l->next)
		if (strcmp(l->name, name) == 0)
			break;
	if (l == NULL) {
		l = calloc(1, sizeof(*l));
		if (l == NULL || (l->name = strdup(name)) == NULL)
			abort();
		old = var_get(name);
		l->value = old != NULL ? strdup(old) : NULL;
		l->flags = var_flags(name);
		l->next = frames->locals;
		frames->locals = l;
	}
	if (value != NULL)
		return var_set(name, value, 0) < 0 ? -2 : 0;
	return 0;
}
