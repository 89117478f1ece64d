/*
 * i18n.c - English or Chinese, chosen by --lang or the locale.
 * Reads the locale variables rather than asking setlocale(), so Chinese
 * works even where the zh_CN locale is not generated. Also the columns a
 * text takes, and lines broken to a terminal's width in both languages.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <sys/ioctl.h>

#include "i18n.h"

static int forced = -1;

enum i18n_lang
i18n_lang(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *own;
	size_t i;

	if (forced >= 0)
		return (enum i18n_lang)forced;
	own = getenv("IPCSH_LANG");
	/* ipcsh --lang: what the shell's programs say (ipcs run by them) */
	if (own != NULL && (strcmp(own, "en") == 0 || strcmp(own, "zh") == 0))
		return strcmp(own, "zh") == 0 ? LANG_ZH : LANG_EN;
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0')
			return strncmp(v, "zh", 2) == 0 ? LANG_ZH : LANG_EN;
	}
	return LANG_EN;
}

const char *
i18n_setlocale(int category)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *v = NULL;
	size_t i;

	if (setlocale(category, "") != NULL)
		return NULL;
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			break;
	}
	setlocale(category, "C.UTF-8");
	return v != NULL && *v != '\0' ? v : "?";
}

int
i18n_set_lang(const char *name)
{
	if (strcmp(name, "en") == 0)
		forced = LANG_EN;
	else if (strcmp(name, "zh") == 0)
		forced = LANG_ZH;
	else
		return -1;
	return 0;
}

const char *
tr(const char *en, const char *zh)
{
	return i18n_lang() == LANG_ZH ? zh : en;
}

/* Columns and lines ------------------------------------------------ */

/* A character of a line: where it is, its bytes, its columns. */
struct lp_ch {
	size_t	off, len;
	int	w;
	wchar_t	wc;
};

/*
 * The characters of text, with their columns on a terminal: wcwidth(3)
 * in a UTF-8 locale made for the purpose, so a Chinese character counts
 * two columns whatever the shell's own locale; without one, a character
 * of 3 or more bytes counts 2. A malloc'ed array of *n, NULL when memory
 * runs out.
 */
static struct lp_ch *
lp_decode(const char *text, size_t *n)
{
	locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	locale_t old = (locale_t)0;
	size_t len = strlen(text), off = 0, k;
	struct lp_ch *v = malloc((len + 1) * sizeof(*v));
	mbstate_t ms;
	wchar_t wc;

	*n = 0;
	if (v != NULL && utf8 != (locale_t)0)
		old = uselocale(utf8);
	memset(&ms, 0, sizeof(ms));
	while (v != NULL && off < len) {
		k = utf8 != (locale_t)0 ? mbrtowc(&wc, text + off, len - off, &ms) :
		    (size_t)-1;
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			unsigned char c = (unsigned char)text[off];

			memset(&ms, 0, sizeof(ms));
			k = utf8 != (locale_t)0 || c < 0x80 ? 1 :
			    c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
			if (k > len - off)
				k = len - off;
			wc = c < 0x80 ? (wchar_t)c : 0;
			v[*n].w = k >= 3 ? 2 : 1;
		} else {
			v[*n].w = wcwidth(wc) < 0 ? 0 : wcwidth(wc);
		}
		v[*n].off = off;
		v[*n].len = k;
		v[*n].wc = wc;
		(*n)++;
		off += k;
	}
	if (utf8 != (locale_t)0) {
		if (v != NULL)
			uselocale(old);
		freelocale(utf8);
	}
	return v;
}

size_t
i18n_width(const char *text)
{
	size_t n, i, width = 0;
	struct lp_ch *v = lp_decode(text, &n);

	for (i = 0; v != NULL && i < n; i++)
		width += (size_t)v[i].w;
	free(v);
	return v != NULL ? width : strlen(text);
}

/*
 * Where a line may break before character i: after a space, or beside a
 * Chinese character, except before closing punctuation (，。）...) and
 * after opening punctuation (（《...): never inside a word of Latin
 * letters, a command or a path.
 */
static int
lp_break_before(const struct lp_ch *v, size_t i)
{
	static const wchar_t closing[] = L"，。、；：？！）》」』】”’,.;:!?)]}";
	static const wchar_t opening[] = L"（《「『【“‘([{";

	if (v[i].wc == L' ')
		return 0;
	if (v[i - 1].wc == L' ')
		return 1;
	return (v[i - 1].w == 2 || v[i].w == 2) && v[i].wc != 0 &&
	    v[i - 1].wc != 0 && wcschr(closing, v[i].wc) == NULL &&
	    wcschr(opening, v[i - 1].wc) == NULL;
}

/* Appends lead and the characters [a, b) of line, less trailing spaces. */
static void
lp_emit(char **o, const char *lead, const char *line,
    const struct lp_ch *v, size_t a, size_t b)
{
	size_t k;

	while (b > a && v[b - 1].wc == L' ')
		b--;
	k = strlen(lead);
	memcpy(*o, lead, k);
	*o += k;
	if (b > a) {
		k = v[b - 1].off + v[b - 1].len - v[a].off;
		memcpy(*o, line + v[a].off, k);
		*o += k;
	}
	*(*o)++ = '\n';
}

char *
i18n_wrap(const char *lead, const char *line, int cols)
{
	size_t n, i, start = 0, bp = 0, end, avail, w = 0;
	size_t lw = i18n_width(lead);
	struct lp_ch *v = lp_decode(line, &n);
	char *out, *o;

	out = v == NULL ? NULL :
	    malloc(strlen(line) + (strlen(lead) + 1) * (n + 1) + 1);
	if (out == NULL) {
		free(v);
		return NULL;
	}
	o = out;
	avail = cols > 0 && (size_t)cols > lw + 8 ? (size_t)cols - lw : (size_t)-1;
	for (i = 0; i < n; i++) {
		if (i > start && lp_break_before(v, i))
			bp = i;
		if (w + (size_t)v[i].w > avail && i > start) {
			end = v[i].wc == L' ' || bp <= start ? i : bp;
			lp_emit(&o, lead, line, v, start, end);
			for (start = end; start < n && v[start].wc == L' ';)
				start++;
			/* the rest again from its start: its breaks, its width */
			i = start;
			bp = 0;
			w = 0;
			if (i >= n)
				break;
		}
		w += (size_t)v[i].w;
	}
	if (start < n || n == 0)
		lp_emit(&o, lead, line, v, start, n);
	*o = '\0';
	free(v);
	return out;
}

void
i18n_print_wrapped(FILE *f, const char *lead, const char *text)
{
	struct winsize ws;
	const char *p = text, *nl;
	char *line, *out;
	int cols;

	/* on a terminal, lines as wide as it is (a file gets them as written) */
	cols = ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 ? ws.ws_col : 0;
	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		line = strndup(p, (size_t)(nl - p));
		out = line != NULL ? i18n_wrap(lead, line, cols) : NULL;
		if (out != NULL)
			fputs(out, f);
		else
			fprintf(f, "%s%.*s\n", lead, (int)(nl - p), p);
		free(out);
		free(line);
		p = *nl == '\n' ? nl + 1 : nl;
	}
	fflush(f);
}
