/*
 * ulcompat.c - what ipcs, ipcrm and ipcmk share with util-linux 2.38.1:
 * its -V line, its "Try ... --help" line and its number and size parsers
 * (lib/strutils.c), with the same messages and the same quirks.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shell.h"
#include "sysvcmd.h"

int
ulc_version(const char *name)
{
	printf("%s from util-linux %s\n", name, ULC_VERSION);
	return 0;
}

int
ulc_tryhelp(const char *name)
{
	fflush(stdout);
	sh_errlinef("Try '%s --help' for more information.", name);
	return 1;
}

int
ulc_common_opt(int opt, const char *name, void (*help)(void))
{
	if (opt == 'h') {
		help();
		return 0;
	}
	if (opt == 'V')
		return ulc_version(name);
	return ulc_tryhelp(name);
}

/* util-linux's err() and errx(): "WHAT: 'STR'", then ": strerror" if err. */
static int
ulc_parse_error(const char *name, const char *what, const char *str, int err)
{
	if (err != 0)
		bi_errorf(name, "%s: '%s': %s", what, str, strerror(err));
	else
		bi_errorf(name, "%s: '%s'", what, str);
	return -1;
}

int
ulc_s32(const char *name, const char *what, const char *str, int *out)
{
	intmax_t v;
	char *end = NULL;

	errno = 0;
	if (*str == '\0')
		return ulc_parse_error(name, what, str, 0);
	v = strtoimax(str, &end, 10);
	if (errno != 0 || end == str || *end != '\0')
		return ulc_parse_error(name, what, str,
		    errno == ERANGE ? ERANGE : 0);
	if (v < INT32_MIN || v > INT32_MAX)
		return ulc_parse_error(name, what, str, ERANGE);
	*out = (int)v;
	return 0;
}

int
ulc_ulong(const char *name, const char *what, const char *str, int base,
    unsigned long *out)
{
	char *end = NULL;

	errno = 0;
	if (*str == '\0')
		return ulc_parse_error(name, what, str, 0);
	*out = strtoul(str, &end, base);
	if (errno != 0 || end == str || *end != '\0')
		return ulc_parse_error(name, what, str, errno);
	return 0;
}

static int
ulc_scale(uintmax_t *x, unsigned base, int power)
{
	while (power-- > 0) {
		if (UINTMAX_MAX / base < *x)
			return -ERANGE;
		*x *= base;
	}
	return 0;
}

/*
 * The fraction of "1.25K": each digit, from the last, adds
 * unit / (divisor / digit), as util-linux adds it (1.25KiB is 1279).
 */
static uintmax_t
ulc_fraction(uintmax_t frac, int zeros, unsigned base, int pwr)
{
	uintmax_t add = 0, div = 10, poz = 1, unit = 1, segdiv;
	unsigned seg;
	int i;

	ulc_scale(&unit, base, pwr);
	while (div < frac) {
		if (div <= UINTMAX_MAX / 10)
			div *= 10;
		else
			frac /= 10;
	}
	for (i = 0; i < zeros; i++) {
		if (div <= UINTMAX_MAX / 10)
			div *= 10;
		else
			frac /= 10;
	}
	do {
		seg = (unsigned)(frac % 10);
		segdiv = div / poz;
		frac /= 10;
		poz *= 10;
		if (seg && segdiv / seg)
			add += unit / (segdiv / seg);
	} while (frac);
	return add;
}

/* The suffix letter at p: power 1-8 of K..Y (k..y too). */
static int
ulc_suffix(const char *p, int *pwr)
{
	static const char suf[] = "KMGTPEZY", suf2[] = "kmgtpezy";
	const char *sp;

	if (p[0] == '\0')
		return -EINVAL;
	if ((sp = strchr(suf, p[0])) != NULL)
		*pwr = (int)(sp - suf) + 1;
	else if ((sp = strchr(suf2, p[0])) != NULL)
		*pwr = (int)(sp - suf2) + 1;
	else
		return -EINVAL;
	return 0;
}

/*
 * The decimal fraction at p (after the point): its leading zeros and
 * value; end is left after its digits. 0, or -errno.
 */
static int
ulc_parse_fraction(const char *p, int *zeros, uintmax_t *frac, char **end)
{
	for (; *p == '0'; p++)
		(*zeros)++;
	*end = (char *)p;
	if (!isdigit((unsigned char)*p))
		return 0;
	errno = 0;
	*frac = strtoumax(p, end, 0);
	if (*end == p || (errno != 0 && (*frac == UINTMAX_MAX || *frac == 0)))
		return errno ? -errno : -EINVAL;
	return 0;
}

/* util-linux's parse_size(): 0, or -errno. */
static int
ulc_parse_size(const char *str, uintmax_t *res)
{
	const struct lconv *l = localeconv();
	const char *p, *dp = l != NULL ? l->decimal_point : NULL;
	size_t dpsz = dp != NULL ? strlen(dp) : 0;
	uintmax_t x, frac = 0;
	unsigned base = 1024;
	int pwr = 0, zeros = 0, rc;
	char *end = NULL;

	for (p = str; isspace((unsigned char)*p); p++)
		;
	if (*str == '\0' || *p == '-')
		return -EINVAL;
	errno = 0;
	x = strtoumax(str, &end, 0);
	if (end == str || (errno != 0 && (x == UINTMAX_MAX || x == 0)))
		return errno ? -errno : -EINVAL;
	if (*end == '\0') {
		*res = x;
		return 0;
	}
	/* "XiB", "XB", "X", or a decimal point first ("1.5K", not "1.5") */
	for (p = end; p[1] != '\0'; p = end) {
		if (p[1] == 'i' && (p[2] == 'B' || p[2] == 'b') && p[3] == '\0')
			break;
		if ((p[1] == 'B' || p[1] == 'b') && p[2] == '\0') {
			base = 1000;
			break;
		}
		if (frac != 0 || dpsz == 0 || strncmp(dp, p, dpsz) != 0)
			return -EINVAL;
		if ((rc = ulc_parse_fraction(p + dpsz, &zeros, &frac,
		    &end)) < 0)
			return rc;
		if (*end == '\0')	/* "1.5": a fraction needs a suffix */
			return -EINVAL;
	}
	if ((rc = ulc_suffix(p, &pwr)) < 0)
		return rc;
	if ((rc = ulc_scale(&x, base, pwr)) < 0)
		return rc;
	if (frac && pwr)
		x += ulc_fraction(frac, zeros, base, pwr);
	*res = x;
	return 0;
}

int
ulc_size(const char *name, const char *what, const char *str,
    uintmax_t *out)
{
	int rc = ulc_parse_size(str, out);

	if (rc < 0)
		return ulc_parse_error(name, what, str, -rc);
	return 0;
}
