/*
 * redir.c - redirections done in the shell (dash's redir.c): open or dup
 * each target left to right, saving what they replace to put it back.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/mman.h>

#include "exec.h"
#include "expand.h"
#include "intr.h"
#include "jobs.h"
#include "lex.h"
#include "parse.h"
#include "redir.h"
#include "shell.h"

static void
save_fd(struct redir_save *rs, int fd)
{
	int i, s;

	for (i = 0; i < rs->n; i++)
		if (rs->v[i].fd == fd)
			return;
	s = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 4;
		rs->v = realloc(rs->v, rs->cap * sizeof(*rs->v));
		if (rs->v == NULL)
			abort();
	}
	rs->v[rs->n].fd = fd;
	rs->v[rs->n].save = s;
	rs->v[rs->n].fifo = 0;
	rs->n++;
}

/* Undoes redirections in reverse order and frees rs. */
void
redir_restore(struct redir_save *rs)
{
	int i;

	if (rs->n > 0)
		fflush(stdout);	/* what went to the redirection goes there */
	for (i = rs->n - 1; i >= 0; i--) {
		if (rs->v[i].fifo && sh_own_hooks != NULL &&
		    sh_own_hooks->fifo_done != NULL)
			sh_own_hooks->fifo_done(rs->v[i].fd);	/* put back */
		if (rs->v[i].save >= 0) {
			dup2(rs->v[i].save, rs->v[i].fd);
			close(rs->v[i].save);
		} else {
			close(rs->v[i].fd);
		}
	}
	free(rs->v);
	rs->v = NULL;
	rs->n = rs->cap = 0;
}

const struct own_hooks *sh_own_hooks;
const char *redir_for;

/*
 * A redirection made in the shell opened a FIFO: the tape is told, and
 * told again when it is put back (the bytes a builtin wrote into it).
 */
static void
redir_fifo(const struct redir *r, struct redir_save *rs, const char *name,
    int flags)
{
	struct stat st;
	int i;

	if (fstat(r->fd, &st) < 0 || !S_ISFIFO(st.st_mode))
		return;
	for (i = 0; rs != NULL && i < rs->n; i++)
		if (rs->v[i].fd == r->fd)
			rs->v[i].fifo = 1;
	jobs_own_hooks()->fifo_open(r->fd, name, flags, redir_for, rs != NULL);
}

/*
 * The signal that ended a blocking open the shell made itself (`echo hi
 * > fifo` with no reader), for redir_interrupted.
 */
static int redir_intr;

int
redir_interrupted(void)
{
	int sig = redir_intr;

	redir_intr = 0;
	return sig;
}

/* set -C: > makes a new file, or opens what is not a regular file. */
static int
open_noclobber(const char *name)
{
	struct stat st;
	int fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

	if (fd < 0 && errno == EEXIST && stat(name, &st) == 0 &&
	    !S_ISREG(st.st_mode))
		fd = intr_open(name, O_WRONLY | O_CLOEXEC, 0, &redir_intr);
	if (fd < 0 && redir_intr != 0)
		return -1;	/* Ctrl+C on a FIFO's open */
	if (fd < 0)
		sh_errorf("cannot create %s: %s", name, strerror(errno));
	return fd;
}

static int
open_target(const struct redir *r, const char *name)
{
	int flags = O_CLOEXEC, fd;

	switch (r->type) {
	case R_IN:
		flags |= O_RDONLY;
		break;
	case R_OUT:
		if (sh_opt.noclobber)
			return open_noclobber(name);
		/* fall through */
	case R_CLOBBER:
		flags |= O_WRONLY | O_CREAT | O_TRUNC;
		break;
	case R_APPEND:
		flags |= O_WRONLY | O_CREAT | O_APPEND;
		break;
	default:
		flags |= O_RDWR | O_CREAT;
		break;
	}
	fd = intr_open(name, flags, 0666, &redir_intr);
	if (fd < 0 && redir_intr != 0)
		return -1;	/* Ctrl+C: no message, as in bash */
	if (fd < 0)
		sh_errorf("cannot %s %s: %s", r->type == R_IN ? "open" :
		    "create", name, strerror(errno));
	return fd;
}

/* [n]>&m, [n]<&m, [n]>&- */
static int
dup_target(const struct redir *r, const char *word)
{
	char *end;
	long m;

	if (strcmp(word, "-") == 0) {
		close(r->fd);
		return 0;
	}
	m = strtol(word, &end, 10);
	if (*word == '\0' || *end != '\0' || m < 0 || m > 1023) {
		/*
		 * A redirection error (POSIX 2.8.1): the command fails with
		 * status 1 and the shell goes on, unless it is a special
		 * built-in's. dash ends the script ("Bad fd number").
		 */
		sh_errorf("%s: bad file descriptor number", word);
		return -1;
	}
	if (m == r->fd) {
		if (fcntl(r->fd, F_GETFD) < 0)
			goto bad;
		return 0;
	}
	if (dup2((int)m, r->fd) < 0)
		goto bad;
	return 0;
bad:
	sh_errorf("%ld: %s", m, strerror(EBADF));
	return -1;
}

/*
 * A here-document on r->fd: its body (expanded unless the delimiter was
 * quoted) in a pipe when it fits the pipe's buffer, else in a memfd.
 */
static int
here_open(const struct redir *r, struct redir_save *rs)
{
	char *body = r->here->quoted ? strdup(r->here->body) :
	    expand_heredoc(r->here->body);
	size_t len, off = 0;
	int fds[2], fd, sz;
	ssize_t n;

	(void)rs;
	if (body == NULL)
		return -1;
	len = strlen(body);
	fds[0] = fds[1] = -1;
	if (pipe2(fds, O_CLOEXEC) == 0 &&
	    (sz = fcntl(fds[1], F_GETPIPE_SZ)) >= 0 && len <= (size_t)sz) {
		fd = fds[0];
	} else {
		if (fds[0] >= 0) {
			close(fds[0]);
			close(fds[1]);
		}
		fd = fds[1] = memfd_create("here-document", MFD_CLOEXEC);
		if (fd < 0) {
			sh_errorf("here-document: %s", strerror(errno));
			free(body);
			return -1;
		}
	}
	while (off < len) {
		n = write(fds[1], body + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += n;
	}
	free(body);
	if (fd == fds[1])
		lseek(fd, 0, SEEK_SET);
	else
		close(fds[1]);
	if (fd != r->fd) {
		if (dup2(fd, r->fd) < 0) {
			sh_errorf("%d: %s", r->fd, strerror(errno));
			close(fd);
			return -1;
		}
		close(fd);
	} else {
		fcntl(fd, F_SETFD, 0);
	}
	return 0;
}

/*
 * Applies redirections left to right (XCU 2.7). With rs, the descriptors
 * they replace are saved there first. Returns 0, or -1 after reporting
 * (the ones already applied stay for redir_restore to undo).
 */
int
redir_apply(struct redir *r, struct redir_save *rs)
{
	char *word;
	int fd, rc = 0;

	for (; r != NULL && rc == 0; r = r->next) {
		word = r->type == R_HEREDOC ? strdup("") :
		    expand_string(r->word, 0);
		if (word == NULL)
			return -1;
		if (rs != NULL) {
			fflush(stdout);
			save_fd(rs, r->fd);
		}
		if (r->type == R_HEREDOC) {
			rc = here_open(r, rs);
		} else if (r->type == R_DUPIN || r->type == R_DUPOUT) {
			rc = dup_target(r, word);
		} else if ((fd = open_target(r, word)) < 0) {
			rc = -1;
		} else if (fd != r->fd) {
			if (dup2(fd, r->fd) < 0) {
				sh_errorf("%d: %s", r->fd, strerror(errno));
				rc = -1;
			}
			close(fd);
		} else {
			/* it landed on n itself: dup2 would not clear CLOEXEC */
			fcntl(fd, F_SETFD, 0);
		}
		if (rc == 0 && r->type != R_HEREDOC && r->type != R_DUPIN &&
		    r->type != R_DUPOUT && jobs_own_hooks() != NULL &&
		    jobs_own_hooks()->fifo_open != NULL)
			redir_fifo(r, rs, word, r->type == R_IN ? O_RDONLY :
			    r->type == R_RDWR ? O_RDWR : O_WRONLY);
		free(word);
	}
	return rc;
}
