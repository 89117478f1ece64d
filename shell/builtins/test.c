/*
 * test.c - the test and [ builtins (XCU test, as dash's): the POSIX rules
 * by number of arguments, then -a -o ! ( ) by recursive descent; files
 * through stat(2), lstat(2), access(2), isatty(3).
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "shell.h"

struct tparse {
	char **v;
	int n, i;
	int err;		/* 2 after a reported error */
};

static void
t_error(struct tparse *t, const char *fmt, const char *arg)
{
	if (t->err)
		return;
	fflush(stdout);
	bi_errorf("test", fmt, arg);
	t->err = 2;
}

static intmax_t
t_num(struct tparse *t, const char *s)
{
	const char *p = s;
	char *end;
	intmax_t v;

	while (isspace((unsigned char)*p))
		p++;
	errno = 0;
	v = strtoimax(p, &end, 10);
	while (end != p && isspace((unsigned char)*end))
		end++;
	if (end == p || *end != '\0' || errno == ERANGE)
		t_error(t, "Illegal number: %s", s);
	return v;
}

static int
is_unary(const char *s)
{
	return s[0] == '-' && s[1] != '\0' && s[2] == '\0' &&
	    strchr("bcdefghLkknprsStuwxzOG", s[1]) != NULL;
}

/* The binary operators, in the order of binops[]. */
enum binop {
	B_SEQ, B_SNE, B_SLT, B_SGT, B_EQ, B_NE, B_GT, B_GE, B_LT, B_LE,
	B_NT, B_OT, B_EF,
};

static const char *const binops[] = {
	"=", "!=", "<", ">", "-eq", "-ne", "-gt", "-ge", "-lt", "-le",
	"-nt", "-ot", "-ef",
};

/* The binary operator s, or -1 when it is none. */
static int
binop(const char *s)
{
	int i;

	for (i = 0; i < (int)(sizeof(binops) / sizeof(binops[0])); i++)
		if (strcmp(s, binops[i]) == 0)
			return i;
	return -1;
}

static int
t_unary(struct tparse *t, char op, const char *a)
{
	struct stat st;

	switch (op) {
	case 'n':
		return *a != '\0';
	case 'z':
		return *a == '\0';
	case 't':
		return isatty((int)t_num(t, a));
	case 'r':
		return access(a, R_OK) == 0;
	case 'w':
		return access(a, W_OK) == 0;
	case 'x':
		return access(a, X_OK) == 0;
	case 'h':
	case 'L':
		return lstat(a, &st) == 0 && S_ISLNK(st.st_mode);
	}
	if (stat(a, &st) < 0)
		return 0;
	switch (op) {
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'e': return 1;
	case 'f': return S_ISREG(st.st_mode);
	case 'g': return (st.st_mode & S_ISGID) != 0;
	case 'k': return (st.st_mode & S_ISVTX) != 0;
	case 'p': return S_ISFIFO(st.st_mode);
	case 's': return st.st_size > 0;
	case 'S': return S_ISSOCK(st.st_mode);
	case 'u': return (st.st_mode & S_ISUID) != 0;
	case 'O': return st.st_uid == geteuid();
	case 'G': return st.st_gid == getegid();
	}
	return 0;
}

static int
t_binary(struct tparse *t, const char *a, const char *op, const char *b)
{
	struct stat sa, sb;
	intmax_t x, y;
	int k = binop(op), ha, hb;

	switch (k) {
	case B_SEQ: return strcmp(a, b) == 0;
	case B_SNE: return strcmp(a, b) != 0;
	case B_SLT: return strcoll(a, b) < 0;
	case B_SGT: return strcoll(a, b) > 0;
	case B_NT:
	case B_OT:
	case B_EF:
		ha = stat(a, &sa) == 0;
		hb = stat(b, &sb) == 0;
		if (k == B_EF)
			return ha && hb && sa.st_dev == sb.st_dev &&
			    sa.st_ino == sb.st_ino;
		if (k == B_NT)
			return ha && (!hb || sa.st_mtim.tv_sec > sb.st_mtim.tv_sec ||
			    (sa.st_mtim.tv_sec == sb.st_mtim.tv_sec &&
			    sa.st_mtim.tv_nsec > sb.st_mtim.tv_nsec));
		return hb && (!ha || sa.st_mtim.tv_sec < sb.st_mtim.tv_sec ||
		    (sa.st_mtim.tv_sec == sb.st_mtim.tv_sec &&
		    sa.st_mtim.tv_nsec < sb.st_mtim.tv_nsec));
	}
	x = t_num(t, a);
	y = t_num(t, b);
	switch (k) {
	case B_EQ: return x == y;
	case B_NE: return x != y;
	case B_GT: return x > y;
	case B_GE: return x >= y;
	case B_LT: return x < y;
	}
	return x <= y;
}

static int t_or(struct tparse *t);

static const char *
t_peek(struct tparse *t, int k)
{
	return t->i + k < t->n ? t->v[t->i + k] : NULL;
}

static int
t_primary(struct tparse *t)
{
	const char *a = t_peek(t, 0), *b = t_peek(t, 1);
	int r;

	if (a == NULL) {
		t_error(t, "%sargument expected", "");
		return 0;
	}
	if (strcmp(a, "!") == 0 && b != NULL) {
		t->i++;
		return !t_primary(t);
	}
	if (strcmp(a, "(") == 0 && b != NULL) {
		if (strcmp(b, ")") == 0) {
			t->i += 2;
			return 0;	/* "( )": an empty expression, false */
		}
		t->i++;
		r = t_or(t);
		if (t_peek(t, 0) == NULL || strcmp(t_peek(t, 0), ")") != 0)
			t_error(t, "%sclosing paren expected", "");
		else
			t->i++;
		return r;
	}
	if (b != NULL && binop(b) >= 0) {
		if (t_peek(t, 2) == NULL) {
			t_error(t, "%s: argument expected", b);
			return 0;
		}
		t->i += 3;
		return t_binary(t, a, b, t->v[t->i - 1]);
	}
	if (is_unary(a) && b != NULL) {
		t->i += 2;
		return t_unary(t, a[1], b);
	}
	if (is_unary(a) && b == NULL && t->n > 1) {
		t_error(t, "%s: argument expected", a);
		return 0;
	}
	t->i++;
	return *a != '\0';
}

static int
t_and(struct tparse *t)
{
	int r = t_primary(t);

	while (t_peek(t, 0) != NULL && strcmp(t_peek(t, 0), "-a") == 0) {
		t->i++;
		r = t_primary(t) && r;
	}
	return r;
}

static int
t_or(struct tparse *t)
{
	int r = t_and(t);

	while (t_peek(t, 0) != NULL && strcmp(t_peek(t, 0), "-o") == 0) {
		t->i++;
		r = t_and(t) || r;
	}
	return r;
}

/* The POSIX rules for up to four arguments (XCU test, APPLICATION USAGE). */
static int
t_eval(struct tparse *t)
{
	char **v = t->v;

	switch (t->n) {
	case 0:
		return 0;
	case 1:
		t->i = 1;
		return *v[0] != '\0';
	case 2:
		if (strcmp(v[0], "!") == 0) {
			t->i = 2;
			return *v[1] == '\0';
		}
		if (is_unary(v[0])) {
			t->i = 2;
			return t_unary(t, v[0][1], v[1]);
		}
		break;
	case 3:
		if (binop(v[1]) >= 0) {
			t->i = 3;
			return t_binary(t, v[0], v[1], v[2]);
		}
		if (strcmp(v[0], "!") == 0) {
			t->v++;
			t->n--;
			return !t_eval(t);
		}
		if (strcmp(v[0], "(") == 0 && strcmp(v[2], ")") == 0) {
			t->i = 3;
			return *v[1] != '\0';
		}
		break;
	case 4:
		if (strcmp(v[0], "!") == 0) {
			t->v++;
			t->n--;
			return !t_eval(t);
		}
		if (strcmp(v[0], "(") == 0 && strcmp(v[3], ")") == 0) {
			t->v++;
			t->n = 2;
			return t_eval(t);
		}
		break;
	}
	return t_or(t);
}

static int
bi_test(int argc, char **argv)
{
	struct tparse t;
	int r;

	if (strcmp(argv[0], "[") == 0) {
		if (strcmp(argv[argc - 1], "]") != 0) {
			fflush(stdout);
			sh_errorf("[: missing ]");
			return 2;
		}
		argc--;
	}
	t.v = argv + 1;
	t.n = argc - 1;
	t.i = 0;
	t.err = 0;
	r = t_eval(&t);
	if (!t.err && t.i < t.n)
		t_error(&t, "%s: unexpected operator", t.v[t.i]);
	return t.err ? 2 : !r;
}

const struct builtin builtins_test[] = {
	{ "test", bi_test, "test expression", "evaluate an expression",
	    "计算一个表达式",
	    BI_OWNHELP },
	{ "[", bi_test, "[ expression ]", "evaluate an expression",
	    "计算一个表达式",
	    BI_OWNHELP },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
