/*
 * own.c - what the shell reads and writes itself, on the tape. The
 * tracer follows only the shell's children, so the shell writes these
 * records (own=1) into the tape itself: shell A's `echo README >
 * name.fifo` on the FIFO slide, `read line < name.fifo`, and its read of
 * each $(...).
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

#define OWN_NFIFO	4	/* FIFO redirections of the shell followed at once */

static int own_out = -1;	/* the tape, O_APPEND */
static pid_t own_shell;		/* the process whose own I/O is told */

/*
 * A FIFO a redirection of the shell opened, until it is put back: what
 * was read from it (the read builtin) or written into it through stdout.
 * While a builtin writes into it through fd 1, stdout is a stream that
 * counts with the same write(2)s the shell's stdout would make (same
 * buffering, same size).
 */
struct own_fifo {
	int		fd;		/* -1: free */
	unsigned long	ino;
	unsigned	serial;		/* the newest of one fd is the one in place */
	int		op;		/* 'r', 'w' or 0: nothing yet */
	long		bytes, calls;
	int		eof, err;
	char		cmd[64];
	char		path[256];
};

static struct own_fifo own_fifos[OWN_NFIFO] = {
	{ .fd = -1 }, { .fd = -1 }, { .fd = -1 }, { .fd = -1 }
};
static unsigned own_serial;
static FILE *own_saved;		/* the shell's stdout while counting, or NULL */
static FILE *own_counted;
static struct own_fifo *own_installer;	/* whose redirection put it in */
static char own_buf[65536];

static struct own_fifo *
own_find(int fd, unsigned long ino)
{
	struct own_fifo *f = NULL;
	int i;

	for (i = 0; i < OWN_NFIFO; i++)
		if (own_fifos[i].fd == fd && fd >= 0 &&
		    (ino == 0 || own_fifos[i].ino == ino) &&
		    (f == NULL || own_fifos[i].serial > f->serial))
			f = &own_fifos[i];
	return f;
}

static ssize_t
own_write(void *cookie, const char *buf, size_t size)
{
	struct own_fifo *f = NULL;
	size_t done = 0;
	struct stat st;
	ssize_t n;

	(void)cookie;
	/* fd 1 may have been redirected again since: count only into FIFOs */
	if (fstat(STDOUT_FILENO, &st) == 0 && S_ISFIFO(st.st_mode))
		f = own_find(STDOUT_FILENO, (unsigned long)st.st_ino);
	/* glibc's file write: on until all is written or a call fails */
	while (done < size) {
		n = write(STDOUT_FILENO, buf + done, size - done);
		if (n < 0) {
			if (f != NULL)
				f->err = errno;
			break;
		}
		done += (size_t)n;
		if (f != NULL) {
			f->op = 'w';
			f->bytes += n;
			f->calls++;
		}
	}
	return (ssize_t)done;
}

static void
own_record(const char *event, const struct own_fifo *f, const char *end,
    const char *op, long bytes, long calls, const char *err)
{
	struct tape_own o = { event, f->cmd[0] ? f->cmd : NULL,
	    f->path[0] ? f->path : NULL, f->ino, f->fd, end, op, bytes,
	    calls, err };
	int saved = errno;

	(void)tape_own_write(own_out, own_shell, &o);
	errno = saved;
}

/* stdout counted into f: the buffering the shell's stdout has. */
static void
own_count_stdout(struct own_fifo *f, const struct stat *st)
{
	cookie_io_functions_t io = { .write = own_write };
	size_t size;
	FILE *c;
	int mode;

	fflush(stdout);
	c = fopencookie(NULL, "w", io);
	if (c == NULL)
		return;
	/*
	 * A terminal's stdout goes by line; one not used yet would take
	 * st_blksize of fd 1 at its first output. The buffer is given:
	 * glibc would make one of BUFSIZ.
	 */
	mode = __flbf(stdout) ? _IOLBF : __fbufsize(stdout) == 1 ? _IONBF :
	    _IOFBF;
	size = __fbufsize(stdout) > 1 ? __fbufsize(stdout) :
	    (size_t)st->st_blksize;
	if (size > sizeof(own_buf))
		size = sizeof(own_buf);
	setvbuf(c, mode == _IONBF ? NULL : own_buf, mode, size);
	own_saved = stdout;
	own_counted = c;
	own_installer = f;
	stdout = c;
}

static void
own_uncount_stdout(void)
{
	if (own_saved == NULL)
		return;
	fflush(stdout);
	stdout = own_saved;
	fclose(own_counted);
	own_saved = NULL;
	own_installer = NULL;
}

static void
own_fifo_open(int fd, const char *path, int flags, const char *cmd, int undo)
{
	struct own_fifo tmp = { .fd = fd }, *f = &tmp;
	struct stat st;
	int i;

	if (own_out < 0 || getpid() != own_shell || fstat(fd, &st) < 0)
		return;	/* a child: the tracer follows its calls */
	for (i = 0; undo && i < OWN_NFIFO && f == &tmp; i++)
		if (own_fifos[i].fd < 0)
			f = &own_fifos[i];
	memset(f, 0, sizeof(*f));
	f->fd = fd;
	f->serial = ++own_serial;
	f->ino = (unsigned long)st.st_ino;
	snprintf(f->cmd, sizeof(f->cmd), "%s", cmd ? cmd : "");
	snprintf(f->path, sizeof(f->path), "%s", path);
	own_record("fifo_open", f, (flags & O_ACCMODE) == O_WRONLY ? "write" :
	    (flags & O_ACCMODE) == O_RDWR ? "both" : "read", NULL, 0, 0,
	    NULL);
	if (f != &tmp && fd == STDOUT_FILENO && own_saved == NULL &&
	    (flags & O_ACCMODE) != O_RDONLY)
		own_count_stdout(f, &st);
}

static void
own_fifo_done(int fd)
{
	struct own_fifo *f;

	if (getpid() != own_shell || (f = own_find(fd, 0)) == NULL)
		return;
	if (own_installer == f)
		own_uncount_stdout();	/* flushed: its last bytes counted */
	if (f->calls > 0)
		own_record("pipe_io", f, NULL, f->op == 'w' ? "write" : "read",
		    f->bytes, f->calls, NULL);
	if (f->eof)
		own_record("pipe_io", f, NULL, "eof", 0, 0, NULL);
	if (f->err == EPIPE)
		own_record("pipe_io", f, NULL, "write", 0, 0, "EPIPE");
	f->fd = -1;
}

/*
 * The shell read: from a FIFO a redirection opened (told when it is put
 * back), or the pipe of a $(...) up to its end (told now).
 */
static void
own_read(int fd, long bytes, long calls, int eof, const char *cmd)
{
	struct own_fifo *f, tmp = { .fd = fd };
	struct stat st;

	if (own_out < 0 || getpid() != own_shell)
		return;
	if ((f = own_find(fd, 0)) != NULL) {
		if (f->op == 'w')
			return;	/* <>: its reads and writes are not told */
		f->op = bytes > 0 ? 'r' : f->op;
		f->bytes += bytes;
		f->calls += calls;
		f->eof |= eof;
		return;
	}
	if (cmd != NULL || fstat(fd, &st) < 0 || !S_ISFIFO(st.st_mode))
		return;	/* the read builtin from a pipe it did not open */
	tmp.ino = (unsigned long)st.st_ino;
	if (calls > 0)
		own_record("pipe_io", &tmp, NULL, "read", bytes, calls, NULL);
	if (eof)
		own_record("pipe_io", &tmp, NULL, "eof", 0, 0, NULL);
}

static const struct own_hooks hooks = {
	own_fifo_open, own_fifo_done, own_read
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
	int i;

	if (getpid() == own_shell)
		own_uncount_stdout();
	for (i = 0; i < OWN_NFIFO; i++)
		own_fifos[i].fd = -1;
	if (own_out >= 0)
		close(own_out);
	own_out = -1;
	sh_own_hooks = NULL;
}
