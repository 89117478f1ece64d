/*
 * sigtab.c - signal names and numbers (signal(7)), and masks as names.
 * Shared by the shell's kill, trap and sigmask and by the probe.
 */
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sigtab.h"

/* signal(7), x86-64 and most architectures; 32 and 33 belong to glibc. */
static const char *const names[32] = {
	NULL, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
	"KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT",
	"CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
	"XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
};

const char *
sig_name(int n)
{
	static char rt[SIGTAB_MAX + 1][20];
	int lo = SIGRTMIN, hi = SIGRTMAX;

	if (n > 0 && n < 32)
		return names[n];
	if (n < lo || n > hi || n > SIGTAB_MAX)
		return NULL;
	if (rt[n][0] == '\0') {
		/* bash's numbering: RTMIN+k up to the middle, then RTMAX-k */
		if (n == lo)
			snprintf(rt[n], sizeof(rt[n]), "RTMIN");
		else if (n == hi)
			snprintf(rt[n], sizeof(rt[n]), "RTMAX");
		else if (n - lo <= (hi - lo) / 2)
			snprintf(rt[n], sizeof(rt[n]), "RTMIN+%d", n - lo);
		else
			snprintf(rt[n], sizeof(rt[n]), "RTMAX-%d", hi - n);
	}
	return rt[n];
}

static int
parse_number(const char *s, int *out)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)*s))
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < 0 || v > 1000)
		return -1;
	*out = (int)v;
	return 0;
}

int
sig_parse(const char *text)
{
	const char *s = text;
	int n, off;

	if (parse_number(s, &n) == 0)
		return n >= 1 && n <= SIGTAB_MAX ? n : -1;
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (n = 1; n < 32; n++)
		if (names[n] && strcasecmp(s, names[n]) == 0)
			return n;
	if (strcasecmp(s, "POLL") == 0)
		return SIGPOLL;
	if (strcasecmp(s, "IOT") == 0)
		return SIGIOT;
	if (strcasecmp(s, "CLD") == 0)
		return SIGCHLD;
	if (strncasecmp(s, "RTMIN", 5) == 0) {
		if (s[5] == '\0')
			return SIGRTMIN;
		if (s[5] != '+' || parse_number(s + 6, &off) < 0)
			return -1;
		return SIGRTMIN + off <= SIGRTMAX ? SIGRTMIN + off : -1;
	}
	if (strncasecmp(s, "RTMAX", 5) == 0) {
		if (s[5] == '\0')
			return SIGRTMAX;
		if (s[5] != '-' || parse_number(s + 6, &off) < 0)
			return -1;
		return SIGRTMAX - off >= SIGRTMIN ? SIGRTMAX - off : -1;
	}
	return -1;
}

char *
sig_mask_names(uint64_t mask, const char *sep, char *buf, size_t size)
{
	size_t len = 0, nl, sl = strlen(sep);
	int n;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (n = 1; n <= SIGTAB_MAX; n++) {
		const char *name;
		char num[16];

		if (!(mask & (UINT64_C(1) << (n - 1))))
			continue;
		name = sig_name(n);
		if (name == NULL) {
			snprintf(num, sizeof(num), "%d", n);
			name = num;
		}
		/* a name that does not fit whole is left out, and the rest */
		nl = strlen(name);
		if ((len ? sl : 0) + nl >= size - len)
			break;
		if (len) {
			memcpy(buf + len, sep, sl);
			len += sl;
		}
		memcpy(buf + len, name, nl);
		len += nl;
		buf[len] = '\0';
	}
	return buf;
}

int
sig_mask_parse(const char *hex, uint64_t *mask)
{
	char *end;

	uint64_t m = 0;
	int n, d;

	while (isspace((unsigned char)*hex))
		hex++;
	if (!isxdigit((unsigned char)*hex))
		return -1;
	/*
	 * proc(5)'s sets are 16 hex digits: read by hand, strtoull(3) being
	 * most of the time spent on a process's status. A longer number, or
	 * a "0x", goes to strtoull for its own rules (saturation, prefix).
	 */
	for (n = 0, end = (char *)hex; n <= 16; n++, end++) {
		if (*end >= '0' && *end <= '9')
			d = *end - '0';
		else if (*end >= 'a' && *end <= 'f')
			d = *end - 'a' + 10;
		else if (*end >= 'A' && *end <= 'F')
			d = *end - 'A' + 10;
		else
			break;
		m = m << 4 | (uint64_t)d;
	}
	if (n > 16 || (hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')))
		m = strtoull(hex, &end, 16);
	*mask = m;
	while (isspace((unsigned char)*end))
		end++;
	return *end == '\0' ? 0 : -1;
}
