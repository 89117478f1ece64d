/*
 * robust.c - the parser on bad input: a 100,000-word line parses in
 * linear memory (peak RSS measured with getrusage), deep nesting is a
 * syntax error with a message, never a crash.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "core/arith.h"
#include "core/parse.h"
#include "unit.h"

static long
peak_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* pre, then n times mid, then post: a malloc'ed text. */
static char *
build(const char *pre, const char *mid, size_t n, const char *post,
    const char *close)
{
	size_t lp = strlen(pre), lm = strlen(mid), lc = strlen(close);
	char *s = malloc(lp + (lm + lc) * n + strlen(post) + 1), *q = s;
	size_t i;

	memcpy(q, pre, lp);
	q += lp;
	for (i = 0; i < n; i++, q += lm)
		memcpy(q, mid, lm);
	strcpy(q, post);
	q += strlen(post);
	for (i = 0; i < n; i++, q += lc)
		memcpy(q, close, lc);
	*q = '\0';
	return s;
}

static const char *
parse_result(const char *text, char *buf, size_t size)
{
	struct cmd *c;
	char *err = NULL;

	switch (parse_buf(text, strlen(text), 1, &c, &err)) {
	case PARSE_OK:
		snprintf(buf, size, "OK");
		cmd_free(c);
		break;
	case PARSE_INCOMPLETE:
		snprintf(buf, size, "MORE");
		break;
	default:
		snprintf(buf, size, "ERR: %s", err ? err : "");
		break;
	}
	free(err);
	return buf;
}

static const struct {
	const char *name, *pre, *mid, *post, *close;
	size_t n;
	const char *want;
} deep[] = {
	{ "parens-100000", "", "(", "echo", ")", 100000,
	    "ERR: nesting too deep (more than 1000 levels)" },
	{ "parens-900", "", "(", "echo", ")", 900, "OK" },
	{ "braces-100000", "", "{ ", "echo", "; }", 100000,
	    "ERR: nesting too deep (more than 1000 levels)" },
	{ "if-100000", "", "if a; then ", "b", "; fi", 100000,
	    "ERR: nesting too deep (more than 1000 levels)" },
	{ "dollar-paren-30000", "echo ", "$(", "x", ")", 30000,
	    "ERR: nesting too deep (more than 1000 levels)" },
	{ "dquote-dollar-30000", "echo ", "\"$(", "x", ")\"", 30000,
	    "ERR: nesting too deep (more than 1000 levels)" },
	{ "brace-param-30000", "echo ", "${x:-", "y", "}", 30000,
	    "ERR: nesting too deep (more than 1000 levels)" },
};

int
main(void)
{
	char buf[256], *s;
	long before, grown;
	size_t i;
	long v;

	/* a line of 100,000 words: the tree is linear in the line */
	s = build("echo", " word", 100000, "", "");
	before = peak_kb();
	parse_result(s, buf, sizeof(buf));
	grown = peak_kb() - before;
	free(s);
	snprintf(buf + 100, 100, "%s", grown < 50 * 1024 ? "under 50 MB" :
	    "50 MB or more");
	unit_check("robust", "words-100000-memory", "under 50 MB", buf + 100);
	s = build("a=1", " b=2", 100000, " cmd", "");
	before = peak_kb();
	unit_check("robust", "assigns-100000", "OK",
	    parse_result(s, buf, sizeof(buf)));
	unit_check("robust", "assigns-100000-memory", "under 50 MB",
	    peak_kb() - before < 50 * 1024 ? "under 50 MB" : "more");
	free(s);
	s = build("a", " | b", 20000, "", "");
	unit_check("robust", "pipe-20000", "OK",
	    parse_result(s, buf, sizeof(buf)));
	free(s);
	for (i = 0; i < sizeof(deep) / sizeof(deep[0]); i++) {
		s = build(deep[i].pre, deep[i].mid, deep[i].n, deep[i].post,
		    deep[i].close);
		unit_check("robust", deep[i].name, deep[i].want,
		    parse_result(s, buf, sizeof(buf)));
		free(s);
	}
	/* arithmetic nesting is an error, not a stack overflow */
	s = build("", "(", 30000, "1", ")");
	unit_check("robust", "arith-parens-30000", "-1",
	    arith_eval(s, &v) < 0 ? "-1" : "0");
	free(s);
	s = build("", "-", 30000, "1", "");
	unit_check("robust", "arith-unary-30000", "-1",
	    arith_eval(s, &v) < 0 ? "-1" : "0");
	free(s);
	s = build("", "(", 500, "7", ")");
	i = (size_t)arith_eval(s, &v) + 1;
	snprintf(buf, sizeof(buf), "%d %ld", (int)i - 1, v);
	unit_check("robust", "arith-parens-500", "0 7", buf);
	free(s);
	return unit_failed;
}
