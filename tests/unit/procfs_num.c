/*
 * procfs_num.c - unit tests of the hand-written readers and writers of
 * procfs text (sig_mask_parse, probe_dec, probe_pid_path) against the
 * libc calls they stand for: strtoull(3), strtoul(3), snprintf(3).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../ipcview/lib/probe_int.h"
#include "sigtab.h"
#include "unit.h"

/* sig_mask_parse(in) as "RC VALUE", beside strtoull's reading of in. */
static void
check_mask(const char *name, const char *in)
{
	char got[64], want[64], *end;
	uint64_t m = 0;
	unsigned long long v;
	int r;

	r = sig_mask_parse(in, &m);
	snprintf(got, sizeof(got), "%d %llx", r, r == 0 ?
	    (unsigned long long)m : 0ULL);
	v = strtoull(in, &end, 16);
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	r = end != in && *end == '\0' && in[strspn(in, " \t")] != '\0' ?
	    0 : -1;
	snprintf(want, sizeof(want), "%d %llx", r, r == 0 ? v : 0ULL);
	unit_check("procfs_num", name, want, got);
}

static void
check_dec(const char *name, const char *in)
{
	char got[64], want[64], *e1, *e2;
	unsigned long a = probe_dec(in, &e1), b = strtoul(in, &e2, 10);

	snprintf(got, sizeof(got), "%lu +%td", a, e1 - in);
	snprintf(want, sizeof(want), "%lu +%td", b, e2 - in);
	unit_check("procfs_num", name, want, got);
}

static void
check_path(const char *name, size_t size, int pid, const char *a,
    const char *b)
{
	char got[64], want[64];

	memset(got, 'x', sizeof(got));
	memset(want, 'x', sizeof(want));
	probe_pid_path(got, size, pid, a, b);
	snprintf(want, size, "%d%s%s", pid, a ? a : "", b ? b : "");
	got[sizeof(got) - 1] = want[sizeof(want) - 1] = '\0';
	unit_check("procfs_num", name, want, got);
}

int
main(void)
{
	check_mask("mask/zero", "0000000000000000\n");
	check_mask("mask/usr1", "0000000000000200");
	check_mask("mask/all", "ffffffffffffffff");
	check_mask("mask/upper", "FFFFFFFE7FFBFEFF");
	check_mask("mask/blanks", "  \t0000000000010002  \n");
	check_mask("mask/short", "2");
	check_mask("mask/long", "1ffffffffffffffff");
	check_mask("mask/prefix", "0x200");
	check_mask("mask/junk", "00000000000002zz");
	check_mask("mask/empty", "");
	check_dec("dec/zero", "0");
	check_dec("dec/inode", "641308]");
	check_dec("dec/max", "18446744073709551615");
	check_dec("dec/over", "18446744073709551616");
	check_dec("dec/twenty", "99999999999999999999x");
	check_dec("dec/sign", "-1");
	check_dec("dec/none", "x1");
	check_path("path/status", 64, 13141, "/status", NULL);
	check_path("path/fd", 64, 7, "/fd/", "63");
	check_path("path/pid", 64, 4194304, NULL, NULL);
	check_path("path/cut", 9, 13141, "/status", NULL);
	check_path("path/cutpid", 3, 13141, "/fd/", "1");
	check_path("path/one", 1, 1, "/stat", NULL);
	return unit_failed;
}
