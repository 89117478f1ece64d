/*
 * arith.c - arithmetic expansion (XCU 2.6.4): $((...)) evaluated by
 * recursive descent over signed long integers, variables and assignments.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"
#include "lex.h"
#include "shell.h"
#include "var.h"

/*
 * Arithmetic expansion: recursive descent, one function per precedence
 * (a_binary for all the left-associative binary operators).
 */
struct arith {
	const char *p;
	int noeval;		/* inside the untaken side of && || ?: */
	int err;
	int depth;		/* parentheses and unary operators open */
};

static long a_assign(struct arith *a);

static void
a_skip(struct arith *a)
{
	while (isspace((unsigned char)*a->p))
		a->p++;
}

/* Matches operator op unless the next character is one of not. */
static int
a_op(struct arith *a, const char *op, const char *not)
{
	size_t n;

	a_skip(a);
	if (*a->p != op[0])
		return 0;	/* most tries end here: no strlen, no strncmp */
	n = strlen(op);
	if (strncmp(a->p, op, n) != 0)
		return 0;
	if (a->p[n] != '\0' && not != NULL && strchr(not, a->p[n]) != NULL)
		return 0;
	a->p += n;
	return 1;
}

static void
a_error(struct arith *a, const char *what)
{
	if (!a->err)
		sh_errorf("arithmetic expression: %s", what);
	a->err = 1;
}

static long
a_number(struct arith *a, const char *s, const char **end)
{
	char *e;
	long long v;

	/* strtoll clamps what does not fit, as dash's strtoimax does */
	v = strtoll(s, &e, 0);
	if (e == s || isalnum((unsigned char)*e) || *e == '_') {
		a_error(a, "invalid number");
		return 0;
	}
	*end = e;
	return (long)v;
}

/* The name s[0..n) in buf when it fits, else malloc'ed (free it). */
static char *
a_name(const char *s, size_t n, char *buf, size_t size)
{
	char *name = buf;

	if (n >= size && (name = malloc(n + 1)) == NULL)
		abort();
	memcpy(name, s, n);
	name[n] = '\0';
	return name;
}

static long
a_var(struct arith *a, const char *name)
{
	const char *v = var_get(name), *end;
	long n;

	if (v == NULL || *v == '\0') {
		return 0;	/* set -u does not apply here (dash) */
	}
	while (isspace((unsigned char)*v))
		v++;
	if (*v == '\0')
		return 0;	/* only blanks: 0, as in dash */
	n = a_number(a, v, &end);
	if (a->err)
		return 0;
	/* blanks may follow the number, nothing else ("1 2": dash) */
	while (isspace((unsigned char)*end))
		end++;
	if (*end != '\0')
		a_error(a, "invalid number");
	return n;
}

static long
a_primary(struct arith *a)
{
	long v;
	const char *s;
	char *name, buf[64];

	a_skip(a);
	s = a->p;
	if (*s == '(') {
		a->p++;
		v = a_assign(a);
		if (!a_op(a, ")", NULL))
			a_error(a, "missing )");
		return v;
	}
	if (isdigit((unsigned char)*s))
		return a_number(a, s, &a->p);
	if (isalpha((unsigned char)*s) || *s == '_') {
		while (isalnum((unsigned char)*a->p) || *a->p == '_')
			a->p++;
		name = a_name(s, a->p - s, buf, sizeof(buf));
		v = a_var(a, name);
		if (name != buf)
			free(name);
		return v;
	}
	a_error(a, *s ? "syntax error" : "expression expected");
	return 0;
}

static long a_unary1(struct arith *a);

/* Unary operators and parentheses nest at most LEX_MAXDEPTH deep. */
static long
a_unary(struct arith *a)
{
	long v;

	if (a->depth >= LEX_MAXDEPTH) {
		if (!a->err)
			sh_errorf("nesting too deep (more than %d levels)",
			    LEX_MAXDEPTH);
		a->err = 1;
		return 0;
	}
	a->depth++;
	v = a_unary1(a);
	a->depth--;
	return v;
}

/* ++a is +(+a) and --a is -(-a), as in dash. */
static long
a_unary1(struct arith *a)
{
	if (a_op(a, "+", "="))
		return a_unary(a);
	if (a_op(a, "-", "="))
		return (long)(0UL - (unsigned long)a_unary(a));
	if (a_op(a, "!", "="))
		return !a_unary(a);
	if (a_op(a, "~", NULL))
		return ~a_unary(a);
	return a_primary(a);
}

/*
 * One binary operation, op as written ("<<", "<=", "<"; "+=" applies +);
 * division errors only where evaluated.
 */
static long
a_apply(struct arith *a, const char *op, long l, long r)
{
	unsigned long ul = (unsigned long)l, ur = (unsigned long)r;

	switch (op[0]) {
	case '*': return (long)(ul * ur);
	case '+': return (long)(ul + ur);
	case '-': return (long)(ul - ur);
	case '&': return l & r;
	case '|': return l | r;
	case '^': return l ^ r;
	case '=': return l == r;
	case '!': return l != r;
	case '<':
		if (op[1] == '<')
			return (long)(ul << (r & 63));
		return op[1] == '=' ? l <= r : l < r;
	case '>':
		if (op[1] == '>')
			return l >> (r & 63);
		return op[1] == '=' ? l >= r : l > r;
	case '/':
	case '%':
		if (r == 0) {
			if (!a->noeval)
				a_error(a, "division by zero");
			return 0;
		}
		if (r == -1)
			return op[0] == '/' ? (long)(0UL - ul) : 0;
		return op[0] == '/' ? l / r : l % r;
	}
	return 0;
}

/*
 * The left-associative binary operators, loosest first (XCU 2.6.4 takes
 * C's precedence): an operator is not one when the next character is in
 * its "not" ("<=" is not "<"; "*=" is an assignment, not "*").
 */
static const struct a_binop {
	const char	*op, *not;
} a_levels[][4] = {
	{ { "|", "|=" } },
	{ { "^", "=" } },
	{ { "&", "&=" } },
	{ { "==", NULL }, { "!=", NULL } },
	{ { "<=", NULL }, { ">=", NULL }, { "<", "<" }, { ">", ">" } },
	{ { "<<", "=" }, { ">>", "=" } },
	{ { "+", "=" }, { "-", "=" } },
	{ { "*", "=" }, { "/", "=" }, { "%", "=" } },
};
#define A_LEVELS (int)(sizeof(a_levels) / sizeof(a_levels[0]))

/* The operands and operators of precedence level and tighter. */
static long
a_binary(struct arith *a, int level)
{
	const struct a_binop *b;
	long v;

	if (level == A_LEVELS)
		return a_unary(a);
	v = a_binary(a, level + 1);
	for (;;) {
		for (b = a_levels[level]; b < a_levels[level] + 4 &&
		    b->op != NULL; b++)
			if (a_op(a, b->op, b->not))
				break;
		if (b == a_levels[level] + 4 || b->op == NULL)
			return v;
		v = a_apply(a, b->op, v, a_binary(a, level + 1));
	}
}

static long
a_land(struct arith *a)
{
	long v = a_binary(a, 0), r;

	while (a_op(a, "&&", NULL)) {
		a->noeval += !v;
		r = a_binary(a, 0);
		a->noeval -= !v;
		v = v && r;
	}
	return v;
}

static long
a_lor(struct arith *a)
{
	long v = a_land(a), r;

	while (a_op(a, "||", NULL)) {
		a->noeval += !!v;
		r = a_land(a);
		a->noeval -= !!v;
		v = v || r;
	}
	return v;
}

static long
a_cond(struct arith *a)
{
	long c = a_lor(a), t, f;

	if (!a_op(a, "?", NULL))
		return c;
	a->noeval += !c;
	t = a_assign(a);
	a->noeval -= !c;
	if (!a_op(a, ":", NULL))
		a_error(a, "expecting :");
	a->noeval += !!c;
	f = a_cond(a);
	a->noeval -= !!c;
	return c ? t : f;
}

static long
a_assign(struct arith *a)
{
	static const char *const ops[] = {
		"<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=",
		"=",
	};
	const char *save, *s;
	char *name, num[32], buf[64];
	size_t i, nlen;
	long v;

	a_skip(a);
	save = s = a->p;
	if (!isalpha((unsigned char)*s) && *s != '_')
		return a_cond(a);
	while (isalnum((unsigned char)*a->p) || *a->p == '_')
		a->p++;
	nlen = a->p - s;
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (a_op(a, ops[i], i == 10 ? "=" : NULL))
			break;
	if (i == sizeof(ops) / sizeof(ops[0])) {
		a->p = save;
		return a_cond(a);
	}
	name = a_name(s, nlen, buf, sizeof(buf));
	v = a_assign(a);
	if (i < 10)
		v = a_apply(a, ops[i], a_var(a, name), v);
	if (!a->noeval && !a->err) {
		snprintf(num, sizeof(num), "%ld", v);
		if (var_set(name, num, 0) < 0)
			a->err = 1;
	}
	if (name != buf)
		free(name);
	return v;
}

int
arith_eval(const char *expr, long *val)
{
	struct arith a = { expr, 0, 0, 0 };

	*val = a_assign(&a);
	a_skip(&a);
	if (!a.err && *a.p != '\0')
		a_error(&a, "syntax error");
	return a.err ? -1 : 0;
}
