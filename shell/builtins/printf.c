/*
 * printf.c - the printf builtin (XCU printf, as dash's): the format is
 * reused until the arguments run out; %b expands escapes; numbers may be
 * 'c (the character's code); libc's printf does each conversion.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shell.h"

static char **pf_args;
static int pf_status;
static int pf_stop;		/* \c in %b: no more output at all */

static const char *
next_arg(void)
{
	if (*pf_args == NULL)
		return NULL;
	return *pf_args++;
}

/*
 * The next argument as a number's text; NULL when it is missing or empty
 * (*ch 0) or a quoted character ('c' and "c": its code in *ch).
 */
static const char *
num_next(int *ch)
{
	const char *s = next_arg();

	*ch = 0;
	if (s == NULL || *s == '\0')
		return NULL;
	if (*s == '\'' || *s == '"') {
		*ch = (unsigned char)s[1];
		return NULL;
	}
	return s;
}

/* Reports, as dash does, s when strto* did not take it whole (or ERANGE). */
static void
num_report(const char *s, const char *end, int erange)
{
	if (end == s)
		bi_errorf("printf", "%s: expected numeric value", s);
	else if (*end != '\0')
		bi_errorf("printf", "%s: not completely converted", s);
	else if (erange)
		bi_errorf("printf", "%s: %s", s, strerror(ERANGE));
	else
		return;
	pf_status = 1;
}

/* A number from an argument, reported as dash does when it is not one. */
static intmax_t
num_arg(int is_unsigned)
{
	const char *s;
	char *end;
	intmax_t v;
	int ch;

	if ((s = num_next(&ch)) == NULL)
		return ch;
	errno = 0;
	if (is_unsigned && *s != '-')
		v = (intmax_t)strtoumax(s, &end, 0);
	else
		v = strtoimax(s, &end, 0);
	num_report(s, end, errno == ERANGE);
	return v;
}

static double
float_arg(void)
{
	const char *s;
	char *end;
	double v;
	int ch;

	if ((s = num_next(&ch)) == NULL)
		return ch;
	v = strtod(s, &end);
	num_report(s, end, 0);
	return v;
}

/*
 * One backslash escape at s (after the backslash); writes its character
 * and returns the characters used. In %b (b) octal is \0NNN and \c stops.
 */
static size_t
escape(const char *s, int b, FILE *out)
{
	static const char from[] = "\\abfnrtv", to[] = "\\\a\b\f\n\r\t\v";
	const char *p = strchr(from, *s);
	size_t n = 0, max = 3;
	int v = 0;

	if (*s != '\0' && p != NULL) {
		putc(to[p - from], out);
		return 1;
	}
	if (b && *s == 'c') {
		pf_stop = 1;
		return 1;
	}
	if (b && *s == '0') {
		n = 1;
		max = 4;
	}
	if (*s >= '0' && *s <= '7') {
		while (n < max && s[n] >= '0' && s[n] <= '7')
			v = v * 8 + (s[n++] - '0');
		putc(v, out);
		return n;
	}
	putc('\\', out);
	return 0;
}

/* %b: the argument with its escapes expanded, into a string. */
static char *
bstring(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		abort();
	while (*s != '\0' && !pf_stop) {
		if (*s == '\\') {
			s++;
			s += escape(s, 1, f);
		} else {
			putc(*s++, f);
		}
	}
	fclose(f);
	return buf;
}

/* One conversion spec (spec[0..n) is "%flags width.prec C"). */
static int
convert(char *spec, size_t n)
{
	char conv = spec[n - 1], fmt[64];
	const char *s;
	char *b;

	if (n + 3 > sizeof(fmt))
		return -1;
	memcpy(fmt, spec, n - 1);
	fmt[n - 1] = '\0';
	switch (conv) {
	case 'd':
	case 'i':
		strcat(fmt, "jd");
		printf(fmt, num_arg(0));
		break;
	case 'o':
	case 'u':
	case 'x':
	case 'X':
		snprintf(fmt + n - 1, sizeof(fmt) - n + 1, "j%c", conv);
		printf(fmt, (uintmax_t)num_arg(1));
		break;
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
	case 'a': case 'A':
		fmt[n - 1] = conv;
		fmt[n] = '\0';
		printf(fmt, float_arg());
		break;
	case 'c':
		s = next_arg();
		strcat(fmt, "c");
		printf(fmt, s != NULL ? *s : '\0');
		break;
	case 's':
		s = next_arg();
		strcat(fmt, "s");
		printf(fmt, s != NULL ? s : "");
		break;
	case 'b':
		s = next_arg();
		b = bstring(s != NULL ? s : "");
		strcat(fmt, "s");
		printf(fmt, b);
		free(b);
		break;
	default:
		return -1;
	}
	return 0;
}

/*
 * A directive's width or precision at f into spec (size bytes, *n used):
 * '*' takes the next argument, digits are copied while *n < max. Returns
 * where f goes on.
 */
static const char *
spec_num(const char *f, char *spec, size_t size, size_t *n, size_t max)
{
	if (*f == '*') {
		*n += snprintf(spec + *n, size - *n, "%d", (int)num_arg(0));
		return f + 1;
	}
	while (isdigit((unsigned char)*f) && *n < max)
		spec[(*n)++] = *f++;
	return f;
}

/* Writes the format once; returns -1 after an invalid directive. */
static int
format_once(const char *f)
{
	char spec[64];
	size_t n;

	while (*f != '\0' && !pf_stop) {
		if (*f == '\\') {
			f++;
			f += escape(f, 0, stdout);
			continue;
		}
		if (*f != '%') {
			putchar(*f++);
			continue;
		}
		if (f[1] == '%') {
			putchar('%');
			f += 2;
			continue;
		}
		n = 0;
		spec[n++] = *f++;
		while (*f != '\0' && strchr("-+ #0", *f) && n < 40)
			spec[n++] = *f++;
		f = spec_num(f, spec, sizeof(spec), &n, 40);
		if (*f == '.') {
			spec[n++] = *f++;
			f = spec_num(f, spec, sizeof(spec), &n, 50);
		}
		if (*f == '\0' || n > 58 || strchr("diouxXeEfFgGaAcsb",
		    *f) == NULL) {
			fflush(stdout);
			bi_errorf("printf", "%%%s: invalid directive",
			    *f ? (char[]){ *f, '\0' } : "");
			return -1;
		}
		spec[n++] = *f++;
		spec[n] = '\0';
		if (convert(spec, n) < 0)
			return -1;
	}
	return 0;
}

static int
has_conversion(const char *f)
{
	for (; *f != '\0'; f++) {
		if (*f == '\\' && f[1] != '\0')
			f++;
		else if (*f == '%' && f[1] == '%')
			f++;
		else if (*f == '%')
			return 1;
	}
	return 0;
}

static int
bi_printf(int argc, char **argv)
{
	int i = 1;

	if (argc > 1 && strcmp(argv[1], "--") == 0)
		i++;
	else if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
		/* dash: printf takes no options ("--help" among them) */
		bi_errorf("printf", "Illegal option -%c", argv[1][1]);
		return 2;
	}
	if (i >= argc) {
		fflush(stdout);
		fprintf(stderr, "ipcsh: printf: usage: printf format "
		    "[arg ...]\n");
		return 2;
	}
	pf_args = argv + i + 1;
	pf_status = 0;
	pf_stop = 0;
	do {
		if (format_once(argv[i]) < 0)
			return 2;
	} while (*pf_args != NULL && has_conversion(argv[i]) && !pf_stop);
	return pf_status;
}

const struct builtin builtins_printf[] = {
	{ "printf", bi_printf, "printf format [arg...]",
	    "write arguments under control of a format",
	    "按格式输出各参数", BI_OWNHELP },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
