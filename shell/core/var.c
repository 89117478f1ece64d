/*
 * var.c - shell variables (a hash table), exported environment, readonly,
 * positional parameters, and the shell's global state ($?, $$, $!).
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shell.h"
#include "spawn.h"
#include "var.h"

struct sh_opts sh_opt;
int sh_status;
pid_t sh_pid;
pid_t sh_lastbg;

struct var {
	char *name;
	char *value;		/* NULL: declared (export X) but unset */
	unsigned flags;
	struct var *next;
};

#define NBUCKET 256

static struct var *table[NBUCKET];
static char **env_cache;
static int env_dirty = 1;

static int pos_n;
static char **pos_v;
static char *arg0;

/*
 * The locale variables are read by the shell itself (i18n.c uses getenv(3)
 * to pick the language of messages): keep the process environment in step
 * with their exported shell values, see setenv(3).
 */
static struct var *lookup(const char *name);

static void
var_mirror(const char *name)
{
	static const char *const locvars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	struct var *v;
	size_t i;

	if (name[0] != 'L')
		return;		/* every variable set comes here */
	for (i = 0; i < sizeof(locvars) / sizeof(locvars[0]); i++)
		if (strcmp(name, locvars[i]) == 0)
			break;
	if (i == sizeof(locvars) / sizeof(locvars[0]))
		return;
	v = lookup(name);
	if (v != NULL && v->value != NULL && (v->flags & VAR_EXPORT)) {
		const char *cur = getenv(name);

		/* at start-up it is there already: no copy of environ */
		if (cur == NULL || strcmp(cur, v->value) != 0)
			setenv(name, v->value, 1);
	} else {
		unsetenv(name);
	}
}

static unsigned
hash(const char *s)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h % NBUCKET;
}

static struct var *
lookup(const char *name)
{
	struct var *v;

	for (v = table[hash(name)]; v != NULL; v = v->next)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

int
var_is_name(const char *s)
{
	if (!isalpha((unsigned char)*s) && *s != '_')
		return 0;
	while (isalnum((unsigned char)*s) || *s == '_')
		s++;
	return *s == '\0';
}

const char *
var_get(const char *name)
{
	struct var *v = lookup(name);

	return v != NULL ? v->value : NULL;
}

int
var_flags(const char *name)
{
	struct var *v = lookup(name);

	return v != NULL ? (int)v->flags : -1;
}

int
var_set(const char *name, const char *value, int flags)
{
	struct var *v = lookup(name);
	unsigned h;

	if (v == NULL) {
		v = calloc(1, sizeof(*v));
		if (v == NULL || (v->name = strdup(name)) == NULL)
			abort();
		h = hash(name);
		v->next = table[h];
		table[h] = v;
	} else if ((v->flags & VAR_READONLY) && value != NULL) {
		sh_errorf("%s: is read only", name);
		return -1;
	}
	if (value != NULL) {
		char *nv = strdup(value);

		if (sh_opt.allexport)
			flags |= VAR_EXPORT;	/* set -a */
		if (nv == NULL)
			abort();
		free(v->value);
		v->value = nv;
	}
	if ((v->flags | flags) & VAR_EXPORT)
		env_dirty = 1;
	v->flags |= flags;
	var_mirror(name);
	if (value != NULL && strcmp(name, "PATH") == 0)
		spawn_hash_forget();	/* dash: new PATH */
	return 0;
}

int
var_unset(const char *name)
{
	unsigned h = hash(name);
	struct var **pp, *v;

	for (pp = &table[h]; (v = *pp) != NULL; pp = &v->next) {
		if (strcmp(v->name, name) != 0)
			continue;
		if (v->flags & VAR_READONLY) {
			sh_errorf("unset: %s: is read only", name);
			return -1;
		}
		if (v->flags & VAR_EXPORT)
			env_dirty = 1;
		*pp = v->next;
		free(v->name);
		free(v->value);
		free(v);
		var_mirror(name);
		return 0;
	}
	return 0;
}

void
var_restore(const char *name, const char *value, int flags)
{
	struct var *v = lookup(name);

	if (v != NULL)
		v->flags &= ~VAR_READONLY;
	if (flags < 0) {
		var_unset(name);
		return;
	}
	if (v != NULL && value == NULL) {
		var_unset(name);
		v = NULL;
	}
	var_set(name, value, 0);
	v = lookup(name);
	if ((v->flags ^ (unsigned)flags) & VAR_EXPORT)
		env_dirty = 1;
	v->flags = (unsigned)flags;
	var_mirror(name);
}

void
var_init(char **environ)
{
	char **e, *eq, *name;
	char pid[32], buf[128];

	for (e = environ; e != NULL && *e != NULL; e++) {
		eq = strchr(*e, '=');
		if (eq == NULL)
			continue;
		name = eq - *e < (ptrdiff_t)sizeof(buf) ? buf :
		    malloc(eq - *e + 1);
		if (name == NULL)
			abort();
		memcpy(name, *e, eq - *e);
		name[eq - *e] = '\0';
		if (var_is_name(name))
			var_set(name, eq + 1, VAR_EXPORT);
		if (name != buf)
			free(name);
	}
	var_set("IFS", " \t\n", 0);
	if (var_get("PS2") == NULL)
		var_set("PS2", "> ", 0);
	if (var_get("PS4") == NULL)
		var_set("PS4", "+ ", 0);
	var_set("OPTIND", "1", 0);
	snprintf(pid, sizeof(pid), "%ld", (long)getppid());
	var_set("PPID", pid, 0);
}

char **
var_environ(void)
{
	struct var *v;
	size_t n = 0, i;

	if (!env_dirty)
		return env_cache;
	if (env_cache != NULL) {
		for (i = 0; env_cache[i] != NULL; i++)
			free(env_cache[i]);
		free(env_cache);
	}
	for (i = 0; i < NBUCKET; i++)
		for (v = table[i]; v != NULL; v = v->next)
			if ((v->flags & VAR_EXPORT) && v->value != NULL)
				n++;
	env_cache = calloc(n + 1, sizeof(char *));
	if (env_cache == NULL)
		abort();
	n = 0;
	for (i = 0; i < NBUCKET; i++)
		for (v = table[i]; v != NULL; v = v->next)
			if ((v->flags & VAR_EXPORT) && v->value != NULL &&
			    asprintf(&env_cache[n++], "%s=%s", v->name,
			    v->value) < 0)
				abort();
	env_dirty = 0;
	return env_cache;
}

static int
cmp_var(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name,
	    (*(struct var *const *)b)->name);
}

void
var_each(unsigned mask, void (*fn)(const char *, const char *, unsigned))
{
	struct var *v, **all;
	size_t n = 0, i, k = 0;

	for (i = 0; i < NBUCKET; i++)
		for (v = table[i]; v != NULL; v = v->next)
			n++;
	all = malloc((n + 1) * sizeof(*all));
	if (all == NULL)
		abort();
	for (i = 0; i < NBUCKET; i++)
		for (v = table[i]; v != NULL; v = v->next)
			if (mask == 0 || (v->flags & mask))
				all[k++] = v;
	qsort(all, k, sizeof(*all), cmp_var);
	for (i = 0; i < k; i++)
		fn(all[i]->name, all[i]->value, all[i]->flags);
	free(all);
}

static void
free_args(int n, char **v)
{
	int i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
var_setargs(int n, char **v)
{
	char **nv = calloc(n + 1, sizeof(char *));
	int i;

	if (nv == NULL)
		abort();
	for (i = 0; i < n; i++)
		if ((nv[i] = strdup(v[i])) == NULL)
			abort();
	free_args(pos_n, pos_v);
	pos_n = n;
	pos_v = nv;
}

int
var_nargs(void)
{
	return pos_n;
}

const char *
var_arg(int i)
{
	if (i == 0)
		return arg0 != NULL ? arg0 : "ipcsh";
	if (i < 0 || i > pos_n)
		return NULL;
	return pos_v[i - 1];
}

void
var_set_arg0(const char *name)
{
	free(arg0);
	arg0 = strdup(name);
}

int
var_shift(int n)
{
	int i;

	if (n < 0 || n > pos_n)
		return -1;
	for (i = 0; i < n; i++)
		free(pos_v[i]);
	memmove(pos_v, pos_v + n, (pos_n - n + 1) * sizeof(char *));
	pos_n -= n;
	return 0;
}

struct saved_args {
	int n;
	char **v;
};

void *
var_saveargs(void)
{
	struct saved_args *s = malloc(sizeof(*s));

	if (s == NULL)
		abort();
	s->n = pos_n;
	s->v = pos_v;
	pos_n = 0;
	pos_v = NULL;
	var_setargs(s->n, s->v);
	return s;
}

void
var_restoreargs(void *saved)
{
	struct saved_args *s = saved;

	free_args(pos_n, pos_v);
	pos_n = s->n;
	pos_v = s->v;
	free(s);
}
