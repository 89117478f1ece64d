/*
 * error.c - the shell's error lines: "ipcsh: MSG" at the terminal,
 * "ipcsh: LINE: MSG" for -c and stdin, "ipcsh: FILE: LINE: MSG" for
 * scripts, as dash reports them (with the file name added); every
 * error line of the shell is written here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "exec.h"
#include "shell.h"

const char *sh_errfile;
int sh_lineno;
const char *sh_errwhere;

/* The one write every error line goes through: head, then fmt, then \n. */
static void
emit(char *buf, size_t size, int n, const char *fmt, va_list ap)
{
	if (n < 0 || (size_t)n >= size)
		n = 0;
	vsnprintf(buf + n, size - n - 1, fmt, ap);
	n = strlen(buf);
	buf[n++] = '\n';
	if (write(STDERR_FILENO, buf, n) < 0)
		return;
}

void
sh_verrorf(const char *fmt, va_list ap)
{
	char buf[2048];
	int n;

	fflush(stdout);
	if (sh_errwhere != NULL)
		n = snprintf(buf, sizeof(buf), "ipcsh: %s: ", sh_errwhere);
	else if (sh_errfile != NULL)
		n = snprintf(buf, sizeof(buf), "ipcsh: %s: %d: ", sh_errfile,
		    sh_lineno);
	else if (sh_opt.interactive)
		n = snprintf(buf, sizeof(buf), "ipcsh: ");
	else
		n = snprintf(buf, sizeof(buf), "ipcsh: %d: ", sh_lineno);
	emit(buf, sizeof(buf), n, fmt, ap);
}

void
sh_errorf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sh_verrorf(fmt, ap);
	va_end(ap);
}

void
sh_warnf(const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	fflush(stdout);
	va_start(ap, fmt);
	emit(buf, sizeof(buf), snprintf(buf, sizeof(buf), "ipcsh: "), fmt, ap);
	va_end(ap);
}

void
sh_errlinef(const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	fflush(stdout);
	buf[0] = '\0';
	va_start(ap, fmt);
	emit(buf, sizeof(buf), 0, fmt, ap);
	va_end(ap);
}
