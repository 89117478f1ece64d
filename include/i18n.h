/*
 * i18n.h - English or Chinese, chosen by --lang or the locale.
 * Every user-visible sentence a student learns from exists in both.
 */
#ifndef IPCSH_I18N_H
#define IPCSH_I18N_H

#include <stddef.h>
#include <stdio.h>

enum i18n_lang { LANG_EN, LANG_ZH };

/*
 * The language in force: the one set with i18n_set_lang(), else
 * IPCSH_LANG (en or zh: ipcsh --lang exports it for what the shell
 * runs), else the first of LC_ALL, LC_MESSAGES, LANG that is set
 * ("zh..." means Chinese), else English.
 */
enum i18n_lang i18n_lang(void);

/* Forces a language; "en" or "zh". Returns -1 for anything else. */
int i18n_set_lang(const char *name);

/*
 * setlocale(category, "") for the locale the environment names; when it
 * is not installed (zh_CN.UTF-8 not generated), C.UTF-8 instead, so that
 * characters are still UTF-8: the language of messages follows the
 * variables anyway (i18n_lang). Returns NULL when the named locale was
 * set, else the missing name (from the environment) for the caller to
 * report once.
 */
const char *i18n_setlocale(int category);

/* Returns en or zh, whichever the language in force asks for. */
const char *tr(const char *en, const char *zh);

/* Display columns of UTF-8 text (a Chinese character is 2). */
size_t i18n_width(const char *text);

/*
 * line (one line, no newline) as lines of at most cols columns, each led
 * by lead and ended by a newline: broken after spaces and beside Chinese
 * characters, never inside a word, nor before closing or after opening
 * punctuation; a word wider than the room is cut. cols <= 0: one line.
 * A malloc'ed string, NULL when memory runs out.
 */
char *i18n_wrap(const char *lead, const char *line, int cols);

/*
 * Prints text on f, every line led by lead; when f is a terminal, a line
 * wider than it is broken (i18n_wrap) into lines of its width.
 */
void i18n_print_wrapped(FILE *f, const char *lead, const char *text);

#endif
