/*
 * i18n.c - English or Chinese, chosen by --lang or the locale.
 * Reads the locale variables rather than asking setlocale(), so Chinese
 * works even where the zh_CN locale is not generated.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

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
