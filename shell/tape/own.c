/*
 * own.c - what the shell reads and writes itself, on the tape. The
 * tracer follows only the shell's children, so the shell writes these
 * records (own=1) into the tape itself: shell A's `echo README >
 * name.fifo` on the FIFO slide, and its read of each $(...).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "recorder.h"
#include "shell.h"
#include "tape.h"

static int own_out = -1;	/* the tape, O_APPEND */
static pid_t own_shell;		/* the process whose own I/O is told */

/*
 * A builtin writing into a FIFO through stdout: stdout is, while it
 * runs, a stream that counts what it writes with the same write(2)s
 * the shell's stdout would make (same buffering, same size).
 */
static struct {
	FILE		*saved;		/* the shell's stdout; NULL: not counting */
	FILE		*counted;
	unsigned long	ino;
	long		bytes, calls;
	int		err;
	char		cmd[64];
	char		path[256];
} own;

static char own_buf[65536];

static ssize_t
own_write(void *cookie, const char *buf, size_t size)
{
	size_t done = 0;
	ssize_t n;

	(void)cookie;
	/* glibc's file write: on until all is written or a call fails */
	while (done < size) {
		n = write(STDOUT_FILENO, buf + done, size - done);
		if (n < 0) {
			own.err = errno;
			break;
		}
		done += (size_t)n;
		own.bytes += n;
		own.calls++;
	}
	return (ssize_t)done;
}

static void
own_record(const char *event, int fd, unsigned long ino, const char *path,
    const char *cmd, const char *end, const char *op, long bytes, long calls,
    const char *err)
{
	struct tape_own o = { event, cmd, path, ino, fd, end, op, bytes,
	    calls, err };
	int saved = errno;

	(void)tape_own_write(own_out, own_shell, &o);
	errno = saved;
}

static void
own_fifo_open(int fd, const char *path, int flags, const char *cmd, int undo)
{
	cookie_io_functions_t io = { .write = own_write };
	struct stat st;
	size_t size;
	FILE *f;
	int mode;

	if (own_out < 0 || getpid() != own_shell || fstat(fd, &st) < 0)
		return;	/* a child: the tracer follows its calls */
	own_record("fifo_open", fd, (unsigned long)st.st_ino, path, cmd,
	    (flags & O_ACCMODE) == O_WRONLY ? "write" :
	    (flags & O_ACCMODE) == O_RDWR ? "both" : "read", NULL, 0, 0, NULL);
	if (fd != STDOUT_FILENO || !undo || own.saved != NULL ||
	    (flags & O_ACCMODE) == O_RDONLY)
		return;
	fflush(stdout);
	f = fopencookie(NULL, "w", io);
	if (f == NULL)
		return;
	/*
	 * The buffering the shell's stdout has (a terminal's: by line), or
	 * the one it would take now (its first output: st_blksize of fd 1).
	 * The buffer is given: glibc would make one of BUFSIZ.
	 */
	mode = __flbf(stdout) ? _IOLBF : __fbufsize(stdout) == 1 ? _IONBF :
	    _IOFBF;
	size = __fbufsize(stdout) > 1 ? __fbufsize(stdout) :
	    (size_t)st.st_blksize;
	if (size > sizeof(own_buf))
		size = sizeof(own_buf);
	setvbuf(f, mode == _IONBF ? NULL : own_buf, mode, size);
	memset(&own, 0, sizeof(own));
	own.saved = stdout;
	own.counted = f;
	own.ino = (unsigned long)st.st_ino;
	snprintf(own.cmd, sizeof(own.cmd), "%s", cmd ? cmd : "");
	snprintf(own.path, sizeof(own.path), "%s", path);
	stdout = f;
}

static void
own_fifo_done(int fd)
{
	if (own.saved == NULL || fd != STDOUT_FILENO ||
	    getpid() != own_shell)
		return;
	fflush(stdout);
	stdout = own.saved;
	fclose(own.counted);
	own.saved = NULL;
	if (own.calls > 0)
		own_record("pipe_io", fd, own.ino, own.path,
		    own.cmd[0] ? own.cmd : NULL, NULL, "write", own.bytes,
		    own.calls, NULL);
	if (own.err == EPIPE)
		own_record("pipe_io", fd, own.ino, own.path,
		    own.cmd[0] ? own.cmd : NULL, NULL, "write", 0, 0, "EPIPE");
}

static void
own_subst_read(int fd, long bytes, long calls)
{
	struct stat st;

	if (own_out < 0 || getpid() != own_shell || fstat(fd, &st) < 0)
		return;
	if (calls > 0)
		own_record("pipe_io", fd, (unsigned long)st.st_ino, NULL, NULL,
		    NULL, "read", bytes, calls, NULL);
	own_record("pipe_io", fd, (unsigned long)st.st_ino, NULL, NULL, NULL,
	    "eof", 0, 0, NULL);
}

static const struct own_hooks hooks = {
	own_fifo_open, own_fifo_done, own_subst_read
};

void
tape_own_on(int out)
{
	tape_own_off();
	own_out = out;
	own_shell = getpid();
	sh_own_hooks = &hooks;
}

void
tape_own_off(void)
{
	if (own.saved != NULL && getpid() == own_shell) {
		fflush(stdout);
		stdout = own.saved;
		fclose(own.counted);
		own.saved = NULL;
	}
	if (own_out >= 0)
		close(own_out);
	own_out = -1;
	sh_own_hooks = NULL;
}
