/*
 * sigtab.h - signal names and numbers, as kill -l and /proc show them.
 * Names are given without the SIG prefix ("USR1", "RTMIN+3").
 */
#ifndef IPCSH_SIGTAB_H
#define IPCSH_SIGTAB_H

#include <stdint.h>

#define SIGTAB_MAX 64	/* highest signal number on Linux */

/*
 * Returns the name of signal n without "SIG" ("INT", "RTMIN+3",
 * "RTMAX-1"), or NULL for 0, for the glibc-reserved 32 and 33 and for
 * numbers past SIGTAB_MAX. The string is static.
 */
const char *sig_name(int n);

/*
 * Parses a signal given by name (with or without "SIG", any case, "RTMIN+N",
 * "RTMAX-N") or by number ("10"). Returns the number, or -1 when the text
 * names no signal. "0" and "EXIT" are not signals here: callers that accept
 * them check first.
 */
int sig_parse(const char *text);

/*
 * Formats a /proc signal mask (bit n-1 set for signal n) as names joined
 * by sep into buf ("INT,USR1"); a signal without a name is printed as its
 * number. Returns buf; buf is always terminated, truncated if too small.
 */
char *sig_mask_names(uint64_t mask, const char *sep, char *buf, size_t size);

/* Parses a hexadecimal /proc mask such as "0000000000000200". -1 on junk. */
int sig_mask_parse(const char *hex, uint64_t *mask);

#endif
