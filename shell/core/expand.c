/*
 * expand.c - word expansions in the order of XCU 2.6: tilde, parameter,
 * command substitution and arithmetic, then field splitting on IFS,
 * pathname expansion with glob(3), and quote removal.
 *
 * A word is expanded into a buffer of characters, each with flags that
 * remember where it came from: quoted (neither split nor a pattern
 * character) or the result of an unquoted expansion (split on IFS).
 */
#include <ctype.h>
#include <fnmatch.h>
#include <glob.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arith.h"
#include "exec.h"
#include "expand.h"
#include "fields.h"
#include "lex.h"
#include "loop.h"
#include "shell.h"
#include "var.h"

#define F_QUOTED	0x01	/* inside quotes: literal */
#define F_SPLIT		0x02	/* from an unquoted expansion: IFS splits */
#define F_MARK		0x04	/* no character: quotes were here */
#define F_BREAK		0x08	/* no character: "$@" ends a field here */
#define F_SOFT		0x10	/* no character: unquoted $@ parameter ends */

#define X_FIELDS	0x1	/* field splitting applies */
#define X_TILDE		0x2	/* tilde expansion at the start */
#define X_ASSIGN	0x4	/* ... and after each ':' */
#define X_SPLITLIT	0x8	/* the word of an unquoted ${V-word}: it splits */
#define X_HEREDOC	0x10	/* a here-document's body: " is plain */
#define X_BRACE		0x20	/* "${V-word}"'s word: \} is } */

int expand_noglob;
int expand_subst_status = -1;

struct xbuf {
	char *s;
	unsigned char *f;
	size_t n, cap;
};

static int xerr;	/* an expansion error was reported */

static void
xput(struct xbuf *b, char c, unsigned f)
{
	if (b->n + 1 >= b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->s = realloc(b->s, b->cap);
		b->f = realloc(b->f, b->cap);
		if (b->s == NULL || b->f == NULL)
			abort();
	}
	b->s[b->n] = c;
	b->f[b->n++] = f;
}

static void
xputs(struct xbuf *b, const char *s, unsigned f)
{
	while (*s)
		xput(b, *s++, f);
}

static void
xfree(struct xbuf *b)
{
	free(b->s);
	free(b->f);
	b->s = NULL;
	b->f = NULL;
	b->n = b->cap = 0;
}

/* The characters of b without markers, as a malloc'ed string. */
static char *
xstr(const struct xbuf *b)
{
	char *s = malloc(b->n + 1), *p = s;
	size_t i;

	if (s == NULL)
		abort();
	for (i = 0; i < b->n; i++)
		if (!(b->f[i] & (F_MARK | F_BREAK | F_SOFT)))
			*p++ = b->s[i];
	*p = '\0';
	return s;
}

static void __attribute__((format(printf, 1, 2)))
xerror(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sh_verrorf(fmt, ap);
	va_end(ap);
	xerr = 1;
}

static int xword(struct xbuf *b, const char *s, size_t len, int dq,
    int flags);

/* The flags a value's characters get where it is expanded. */
static unsigned
value_flags(int dq, int flags)
{
	if (dq)
		return F_QUOTED;
	return (flags & X_FIELDS) ? F_SPLIT : 0;
}

/* ~ and ~user at s[*i] up to '/' (or ':' in an assignment). */
static void
tilde(struct xbuf *b, const char *s, size_t len, size_t *i, int flags)
{
	size_t j = *i + 1;
	const char *home = NULL;
	struct passwd *pw;
	char *user;

	while (j < len && s[j] != '/' && !((flags & X_ASSIGN) && s[j] == ':')) {
		if (strchr("'\"\\$`", s[j]) != NULL)
			return;
		j++;
	}
	user = strndup(s + *i + 1, j - *i - 1);
	if (user == NULL)
		abort();
	if (*user == '\0') {
		home = var_get("HOME");
		if (home == NULL && (pw = getpwuid(getuid())) != NULL)
			home = pw->pw_dir;
	} else if ((pw = getpwnam(user)) != NULL) {
		home = pw->pw_dir;
	}
	free(user);
	if (home == NULL)
		return;
	xputs(b, home, F_QUOTED);
	*i = j;
}

/* Finds the '}' ending a ${...} whose word starts at s[i]. */
static size_t
brace_end(const char *s, size_t len, size_t i, int dq)
{
	int lines = 0;

	while (i < len && s[i] != '}') {
		if ((s[i] == '\'' && !dq) || s[i] == '"' || s[i] == '`' ||
		    s[i] == '\\') {
			if (lex_skip_quote(s, len, &i, NULL, &lines) < 0)
				return len;
		} else if (s[i] == '$') {
			if (lex_skip_dollar(s, len, &i, NULL, &lines) < 0)
				return len;
		} else {
			i++;
		}
	}
	return i;
}

static const char *
ifs_value(void)
{
	const char *ifs = var_get("IFS");

	return ifs != NULL ? ifs : " \t\n";
}

/* $@ and $*, quoted or not, split or joined. */
static void
expand_args(struct xbuf *b, int star, int dq, int flags)
{
	int i, n = var_nargs();
	char sep[2] = " ";

	/* joined (in "$*", or where no fields are made): IFS's first char */
	if ((star && dq) || !(flags & X_FIELDS)) {
		sep[0] = ifs_value()[0];
		for (i = 1; i <= n; i++) {
			if (i > 1 && sep[0] != '\0')
				xput(b, sep[0], value_flags(dq, flags));
			xputs(b, var_arg(i), value_flags(dq, flags));
		}
		return;
	}
	for (i = 1; i <= n; i++) {
		if (i > 1) {
			if (!(flags & X_FIELDS))
				xput(b, ' ', value_flags(dq, flags));
			else
				xput(b, 0, dq ? F_BREAK : F_SOFT);
		}
		xputs(b, var_arg(i), value_flags(dq, flags));
	}
}

/*
 * The value of a parameter as a string (malloc'ed), or NULL when unset.
 * $@ and $* are joined with spaces here (for ${@:-...} and ${#*}).
 */
static char *
param_value(const char *name)
{
	char buf[32];
	const char *v = NULL;
	struct xbuf b = { 0 };

	if (isdigit((unsigned char)name[0])) {
		v = var_arg(atoi(name));
	} else if (name[1] == '\0' && strchr("@*#?-$!", name[0]) != NULL) {
		switch (name[0]) {
		case '@':
		case '*':
			if (var_nargs() == 0)
				return NULL;
			expand_args(&b, 0, 0, 0);
			v = xstr(&b);
			xfree(&b);
			return (char *)v;
		case '#':
			snprintf(buf, sizeof(buf), "%d", var_nargs());
			break;
		case '?':
			snprintf(buf, sizeof(buf), "%d", sh_status);
			break;
		case '$':
			snprintf(buf, sizeof(buf), "%ld", (long)sh_pid);
			break;
		case '!':
			if (sh_lastbg == 0)
				return NULL;
			snprintf(buf, sizeof(buf), "%ld", (long)sh_lastbg);
			break;
		case '-':
			exec_optstring(buf, sizeof(buf));
			break;
		}
		v = buf;
	} else {
		v = var_get(name);
	}
	if (v == NULL)
		return NULL;
	v = strdup(v);
	if (v == NULL)
		abort();
	return (char *)v;
}

/* A pattern for fnmatch(3): quoted characters lose their meaning. */
static char *
xpattern(const struct xbuf *b)
{
	char *p = malloc(b->n * 2 + 1), *q = p;
	size_t i;

	if (p == NULL)
		abort();
	for (i = 0; i < b->n; i++) {
		if (b->f[i] & (F_MARK | F_BREAK | F_SOFT))
			continue;
		if ((b->f[i] & F_QUOTED) && strchr("*?[]\\", b->s[i]))
			*q++ = '\\';
		*q++ = b->s[i];
	}
	*q = '\0';
	return p;
}

/* ${V#pat} ${V##pat} ${V%pat} ${V%%pat}: returns a malloc'ed result. */
static char *
remove_pattern(const char *val, const char *pat, char op, int longest)
{
	size_t n = strlen(val), k;
	char *tmp = strdup(val);
	char *res = NULL;

	if (tmp == NULL)
		abort();
	for (k = 0; k <= n && res == NULL; k++) {
		/* shortest match first, or longest first */
		size_t len = longest ? n - k : k;
		int m;

		if (op == '#') {
			char save = tmp[len];

			tmp[len] = '\0';
			m = fnmatch(pat, tmp, 0);
			tmp[len] = save;
			if (m == 0)
				res = strdup(val + len);
		} else if (fnmatch(pat, val + n - len, 0) == 0) {
			res = strndup(val, n - len);
		}
	}
	free(tmp);
	if (res == NULL)
		res = strdup(val);
	return res;
}

static int
is_special(char c)
{
	return c != '\0' && strchr("@*#?-$!", c) != NULL;
}

/* Reads the parameter name at s[*j]; returns it (malloc'ed) or NULL. */
static char *
param_name(const char *s, size_t len, size_t *j)
{
	size_t start = *j, k = *j;
	char *name;

	if (k < len && (isalpha((unsigned char)s[k]) || s[k] == '_')) {
		while (k < len && (isalnum((unsigned char)s[k]) || s[k] == '_'))
			k++;
	} else if (k < len && isdigit((unsigned char)s[k])) {
		while (k < len && isdigit((unsigned char)s[k]))
			k++;
	} else if (k < len && is_special(s[k])) {
		k++;
	} else {
		return NULL;
	}
	*j = k;
	name = strndup(s + start, k - start);
	if (name == NULL)
		abort();
	return name;
}

static void
emit_value(struct xbuf *b, const char *name, const char *val, int dq,
    int flags)
{
	if (strcmp(name, "@") == 0 || strcmp(name, "*") == 0)
		expand_args(b, name[0] == '*', dq, flags);
	else if (val != NULL)
		xputs(b, val, value_flags(dq, flags));
}

/* Expands s[0..len) to a plain string (the word of ${V=word}). */
static char *
xsubstring(const char *s, size_t len, int dq, int flags)
{
	struct xbuf t = { 0 };
	char *r;

	xword(&t, s, len, dq, flags & ~(X_FIELDS | X_SPLITLIT));
	r = xstr(&t);
	xfree(&t);
	return r;
}

static void
brace_op(struct xbuf *b, const char *name, char *val, char op, int colon,
    int dbl, const char *w, size_t wlen, int dq, int flags)
{
	int isnull = val == NULL || (colon && *val == '\0');
	struct xbuf t = { 0 };
	char *str, *pat;

	switch (op) {
	case '-':
		if (isnull)
			xword(b, w, wlen, dq, flags | X_TILDE | X_SPLITLIT |
			    X_BRACE);
		else
			emit_value(b, name, val, dq, flags);
		break;
	case '+':
		if (!isnull)
			xword(b, w, wlen, dq, flags | X_TILDE | X_SPLITLIT |
			    X_BRACE);
		break;
	case '=':
		if (!isnull) {
			emit_value(b, name, val, dq, flags);
			break;
		}
		if (!var_is_name(name)) {
			xerror("%s: cannot assign in this way", name);
			break;
		}
		str = xsubstring(w, wlen, dq, flags | X_TILDE | X_BRACE);
		if (!xerr && var_set(name, str, 0) < 0)
			xerr = 1;
		xputs(b, str, value_flags(dq, flags));
		free(str);
		break;
	case '?':
		if (!isnull) {
			emit_value(b, name, val, dq, flags);
			break;
		}
		str = xsubstring(w, wlen, dq, flags | X_TILDE | X_BRACE);
		if (xerr)
			;
		else if (*str != '\0')
			xerror("%s: %s", name, str);
		else
			xerror("%s: parameter %snot set", name,
			    colon ? "null or " : "");
		free(str);
		break;
	case '#':
	case '%':
		xword(&t, w, wlen, 0, X_TILDE);
		pat = xpattern(&t);
		xfree(&t);
		str = remove_pattern(val != NULL ? val : "", pat, op, dbl);
		xputs(b, str, value_flags(dq, flags));
		free(str);
		free(pat);
		break;
	}
}

static int
is_args(const char *name)
{
	return strcmp(name, "@") == 0 || strcmp(name, "*") == 0;
}

/* ${...} at s[*i] (the '$'); *i moves past the closing brace. */
static void
xbrace(struct xbuf *b, const char *s, size_t len, size_t *i, int dq,
    int flags)
{
	size_t j = *i + 2, wend;
	char *name, *val;
	int length = 0, colon = 0, dbl = 0;
	char op = 0;
	char num[32];

	if (j + 1 < len && s[j] == '#' && s[j + 1] != '}') {
		length = 1;
		j++;
	}
	name = param_name(s, len, &j);
	if (name == NULL)
		goto bad;
	if (j < len && s[j] != '}' && !length) {
		if (s[j] == ':') {
			colon = 1;
			j++;
			if (j >= len || strchr("-=?+", s[j]) == NULL)
				goto bad;
		}
		if (j >= len || strchr("-=?+%#", s[j]) == NULL)
			goto bad;
		op = s[j++];
		if ((op == '%' || op == '#') && j < len && s[j] == op) {
			dbl = 1;
			j++;
		}
	}
	wend = brace_end(s, len, j, dq);
	if (wend >= len || (op == 0 && wend != j))
		goto bad;
	*i = wend + 1;
	val = param_value(name);
	if (val == NULL && sh_opt.nounset && !is_args(name) &&
	    (op == 0 || op == '#' || op == '%')) {
		xerror("%s: parameter not set", name);
	} else if (length) {
		snprintf(num, sizeof(num), "%zu", val ? strlen(val) : 0);
		xputs(b, num, value_flags(dq, flags));
	} else if (op == 0) {
		emit_value(b, name, val, dq, flags);
	} else {
		brace_op(b, name, val, op, colon, dbl, s + j, wend - j, dq,
		    flags);
	}
	free(val);
	free(name);
	return;
bad:
	free(name);
	wend = brace_end(s, len, *i + 2, dq);
	xerror("%.*s: bad substitution",
	    (int)((wend < len ? wend + 1 : len) - *i), s + *i);
	*i = len;
}

/* Adds the output of a command substitution, trailing newlines removed. */
static void
subst(struct xbuf *b, const char *text, size_t len, int dq, int flags)
{
	int status;
	char *out = loop_subst(text, len, &status);
	size_t n = strlen(out);

	expand_subst_status = status;
	while (n > 0 && out[n - 1] == '\n')
		out[--n] = '\0';
	xputs(b, out, value_flags(dq, flags));
	free(out);
}

/* Whether $( at s[i] whose ')' is at s[end - 1] is $((...)). */
static int
is_arith(const char *s, size_t i, size_t end)
{
	size_t k;
	int depth = 0;

	if (end < i + 5 || s[i + 2] != '(' || s[end - 2] != ')')
		return 0;
	for (k = i + 2; k < end - 1; k++) {
		if (s[k] == '(')
			depth++;
		else if (s[k] == ')' && --depth == 0)
			return k == end - 2;
	}
	return 0;
}

static void
xarith(struct xbuf *b, const char *expr, size_t len, int dq, int flags)
{
	char *e = xsubstring(expr, len, 0, 0);
	char num[32];
	long v;

	if (!xerr) {
		if (arith_eval(e, &v) < 0) {
			xerr = 1;
		} else {
			snprintf(num, sizeof(num), "%ld", v);
			xputs(b, num, value_flags(dq, flags));
		}
	}
	free(e);
}

static void
xdollar(struct xbuf *b, const char *s, size_t len, size_t *i, int dq,
    int flags)
{
	size_t j = *i + 1, end = *i;
	int lines = 0;
	char *name, *val;

	if (j < len && s[j] == '(') {
		if (lex_skip_dollar(s, len, &end, NULL, &lines) < 0)
			end = len + 1;
		if (end > len) {
			xerror("missing )");
			*i = len;
			return;
		}
		if (is_arith(s, *i, end))
			xarith(b, s + *i + 3, end - *i - 5, dq, flags);
		else
			subst(b, s + *i + 2, end - *i - 3, dq, flags);
		*i = end;
		return;
	}
	if (j < len && s[j] == '{') {
		xbrace(b, s, len, i, dq, flags);
		return;
	}
	if (j < len && isdigit((unsigned char)s[j]))
		name = strndup(s + j++, 1);
	else
		name = param_name(s, len, &j);
	if (name == NULL) {
		xput(b, '$', dq ? F_QUOTED : 0);
		*i += 1;
		return;
	}
	*i = j;
	val = param_value(name);
	if (val == NULL && sh_opt.nounset && !is_args(name))
		xerror("%s: parameter not set", name);
	else
		emit_value(b, name, val, dq, flags);
	free(val);
	free(name);
}

/* `...`: backslash keeps its meaning only before $ ` \ (and " in "..."). */
static void
xbquote(struct xbuf *b, const char *s, size_t len, size_t *i, int dq,
    int flags)
{
	size_t end = *i, k;
	int lines = 0;
	struct sbuf body = { NULL, 0, 0 };

	if (lex_skip_quote(s, len, &end, NULL, &lines) < 0)
		end = len + 1;
	for (k = *i + 1; k + 1 < end && k < len; k++) {
		if (s[k] == '\\' && k + 2 < end &&
		    (strchr("$`\\", s[k + 1]) || (dq && s[k + 1] == '"')))
			k++;
		sbuf_putc(&body, s[k]);
	}
	subst(b, body.s != NULL ? body.s : "", body.n, dq, flags);
	free(body.s);
	*i = end > len ? len : end;
}

static int
xword(struct xbuf *b, const char *s, size_t len, int dq, int flags)
{
	size_t i = 0, e;
	int lines;

	if ((flags & X_TILDE) && !dq && len > 0 && s[0] == '~')
		tilde(b, s, len, &i, flags);
	while (i < len && !xerr) {
		char c = s[i];

		if (c == '\'' && !dq) {
			for (i++; i < len && s[i] != '\''; i++)
				xput(b, s[i], F_QUOTED);
			xput(b, 0, F_MARK);
			i++;
		} else if (c == '"' && !(flags & X_HEREDOC)) {
			e = i;
			lines = 0;
			if (lex_skip_quote(s, len, &e, NULL, &lines) < 0)
				e = len + 1;
			if (!dq && var_nargs() == 0 && flags & X_FIELDS &&
			    ((e - i == 4 && memcmp(s + i, "\"$@\"", 4) == 0) ||
			    (e - i == 6 && memcmp(s + i, "\"${@}\"", 6) == 0))) {
				i = e;
				continue;
			}
			if (!dq)
				xput(b, 0, F_MARK);
			xword(b, s + i + 1, (e > len ? len : e - 1) - i - 1, 1,
			    flags & ~(X_TILDE | X_BRACE));
			i = e;
		} else if (c == '\\') {
			if (i + 1 >= len ||
			    (dq && strchr((flags & X_HEREDOC) ? "$`\\\n" :
			    (flags & X_BRACE) ? "$`\"\\\n}" :
			    "$`\"\\\n", s[i + 1]) == NULL)) {
				xput(b, '\\', F_QUOTED);
				i++;
				continue;
			}
			if (s[i + 1] != '\n')
				xput(b, s[i + 1], F_QUOTED);
			i += 2;
		} else if (c == '$') {
			xdollar(b, s, len, &i, dq, flags);
		} else if (c == '`') {
			xbquote(b, s, len, &i, dq, flags);
		} else if (c == ':' && (flags & X_ASSIGN) && !dq &&
		    i + 1 < len && s[i + 1] == '~') {
			xput(b, ':', 0);
			i++;
			tilde(b, s, len, &i, flags);
		} else {
			xput(b, c, dq ? F_QUOTED : (flags & X_SPLITLIT) &&
			    (flags & X_FIELDS) ? F_SPLIT : 0);
			i++;
		}
	}
	return xerr ? -1 : 0;
}

/* Pathname expansion of one field (XCU 2.6.6), with glob(3). */
static void
glob_field(char ***out, const struct xbuf *fb)
{
	size_t i;
	int magic = 0;
	char *pat;
	glob_t g;

	for (i = 0; i < fb->n && !expand_noglob && !magic; i++) {
		if (fb->f[i] & (F_QUOTED | F_MARK | F_BREAK | F_SOFT))
			continue;
		if (fb->s[i] == '*' || fb->s[i] == '?')
			magic = 1;
		/* a [ without a ] after it is itself (test's [): no glob(3) */
		else if (fb->s[i] == '[' && i + 2 < fb->n &&
		    memchr(fb->s + i + 2, ']', fb->n - i - 2) != NULL)
			magic = 1;
	}
	if (!magic) {
		fields_push(out, xstr(fb));
		return;
	}
	pat = xpattern(fb);
	if (glob(pat, 0, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++) {
			char *m = strdup(g.gl_pathv[i]);

			if (m == NULL)
				abort();
			fields_push(out, m);
		}
		globfree(&g);
	} else {
		fields_push(out, xstr(fb));
	}
	free(pat);
}

/*
 * Field splitting (XCU 2.6.5): IFS white space delimits and collapses,
 * other IFS characters delimit one field each (with the white space
 * around them); only characters from unquoted expansions split.
 */
static void
split(const struct xbuf *b, char ***out)
{
	const char *ifs = ifs_value();
	struct xbuf cur = { 0 };
	int have = 0, wsdelim = 0;
	size_t i;

	for (i = 0; i < b->n; i++) {
		unsigned f = b->f[i];
		char c = b->s[i];

		if (f & F_MARK) {
			have = 1;
		} else if (f & (F_BREAK | F_SOFT)) {
			if ((f & F_BREAK) || have || cur.n > 0)
				glob_field(out, &cur);
			cur.n = 0;
			have = (f & F_BREAK) != 0;
			wsdelim = 0;
		} else if ((f & F_SPLIT) && strchr(ifs, c) != NULL) {
			if (c == ' ' || c == '\t' || c == '\n') {
				if (have || cur.n > 0) {
					glob_field(out, &cur);
					wsdelim = 1;
				}
			} else {
				if (!wsdelim)
					glob_field(out, &cur);
				wsdelim = 0;
			}
			cur.n = 0;
			have = 0;
		} else {
			xput(&cur, c, f);
			wsdelim = 0;
		}
	}
	if (have || cur.n > 0)
		glob_field(out, &cur);
	xfree(&cur);
}

/*
 * A word that nothing in XCU 2.6 changes: no quote, no $ or `, no ~ at
 * its start and no pattern (a [ needs a ] after it). It is one field as
 * it stands; most command words are such.
 */
static size_t
is_literal(const char *w)
{
	const char *s = w, *br = NULL;

	if (*s == '~')
		return 0;
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\'': case '"': case '\\': case '$': case '`':
		case '*': case '?':
			return 0;
		case '[':
			if (br == NULL)
				br = s;
			break;
		case ']':
			if (br != NULL)
				return 0;
			break;
		}
	}
	return s - w;	/* its length: 0 for the empty word */
}

char **
expand_fields(char **words, int nwords, int *n)
{
	char **v = fields_new(nwords < 8 ? 8 : nwords + 1, 16 * (size_t)nwords + 64);
	struct xbuf b = { 0 };
	int i;

	xerr = 0;
	for (i = 0; i < nwords; i++) {
		size_t len = is_literal(words[i]);

		if (len > 0) {
			fields_copy(&v, words[i], len);
			continue;
		}
		b.n = 0;
		if (xword(&b, words[i], strlen(words[i]), 0,
		    X_FIELDS | X_TILDE) < 0) {
			xfree(&b);
			expand_free(v);
			return NULL;
		}
		split(&b, &v);
	}
	if (b.s != NULL)
		xfree(&b);
	*n = fields_count(v);
	return v;
}

char *
expand_string(const char *word, int flags)
{
	struct xbuf b = { 0 };
	char *s;
	int xf = 0;

	xerr = 0;
	if (!(flags & EXP_NOTILDE))
		xf |= X_TILDE;
	if (flags & EXP_ASSIGN)
		xf |= X_ASSIGN;
	if (xword(&b, word, strlen(word), 0, xf) < 0) {
		xfree(&b);
		return NULL;
	}
	s = (flags & EXP_PATTERN) ? xpattern(&b) : xstr(&b);
	xfree(&b);
	return s;
}

char *
expand_heredoc(const char *body)
{
	struct xbuf b = { 0 };
	char *s;

	xerr = 0;
	if (xword(&b, body, strlen(body), 1, X_HEREDOC) < 0) {
		xfree(&b);
		return NULL;
	}
	s = xstr(&b);
	xfree(&b);
	return s;
}
