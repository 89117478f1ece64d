/*
 * render_common.c - what the text and JSON renderers share.
 * Telling text from binary bytes, JSON string escapes, decimal numbers,
 * the end of a locked render.
 */
#include <stdio.h>
#include <stdlib.h>

#include "render.h"

int
render_unlock(FILE *out)
{
	int r = ferror_unlocked(out) ? -1 : 0;

	funlockfile(out);
	return r;
}

ssize_t
render_text_len(const unsigned char *d, size_t len)
{
	size_t i = 0, n, k;

	while (len > 0 && d[len - 1] == '\0')
		len--;
	while (i < len) {
		if (d[i] < 0x80) {
			if ((d[i] < 0x20 && d[i] != '\t' && d[i] != '\n' &&
			    d[i] != '\r') || d[i] == 0x7f)
				return -1;
			i++;
			continue;
		}
		/* UTF-8: a lead byte, then n continuation bytes 10xxxxxx */
		if ((d[i] & 0xe0) == 0xc0 && d[i] >= 0xc2)
			n = 1;
		else if ((d[i] & 0xf0) == 0xe0)
			n = 2;
		else if ((d[i] & 0xf8) == 0xf0 && d[i] <= 0xf4)
			n = 3;
		else
			return -1;
		for (k = 1; k <= n; k++)
			if (i + k >= len || (d[i + k] & 0xc0) != 0x80)
				return -1;
		i += n + 1;
	}
	return (ssize_t)len;
}

int
render_json_string(FILE *out, const char *s, size_t len)
{
	size_t i = 0, run;
	unsigned char ch;

	while (i < len) {
		/* the characters that stay as they are, in one fwrite(3) */
		for (run = i; run < len; run++) {
			ch = (unsigned char)s[run];
			if (ch < 0x20 || ch == 0x7f || ch == '"' || ch == '\\')
				break;
		}
		fwrite(s + i, 1, run - i, out);
		if (run == len)
			break;
		ch = (unsigned char)s[run];
		if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", out);
		else if (ch == '\t')
			fputs("\\t", out);
		else if (ch == '\r')
			fputs("\\r", out);
		else
			fprintf(out, "\\u%04x", ch);
		i = run + 1;
	}
	return ferror(out) ? -1 : 0;
}

size_t
render_dec(FILE *out, unsigned long u, int neg)
{
	char b[24], *d = b + sizeof(b);
	size_t n;

	do
		*--d = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (neg)
		*--d = '-';
	n = (size_t)(b + sizeof(b) - d);
	fwrite_unlocked(d, 1, n, out);
	return n;
}
