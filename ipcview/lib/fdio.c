/*
 * fdio.c - whole reads and writes on a descriptor, through EINTR (fdio.h).
 */
#include <errno.h>
#include <unistd.h>

#include "fdio.h"

/* n bytes of buf read (out 0) or written (out 1); how many. */
static size_t
fdio_all(int fd, char *buf, size_t n, int out)
{
	size_t done = 0;
	ssize_t r;

	while (done < n) {
		r = out ? write(fd, buf + done, n - done) :
		    read(fd, buf + done, n - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		done += (size_t)r;
	}
	return done;
}

size_t
fdio_read(int fd, void *buf, size_t n)
{
	return fdio_all(fd, buf, n, 0);
}

size_t
fdio_write(int fd, const void *buf, size_t n)
{
	/* write(2) only reads buf */
	return fdio_all(fd, (char *)buf, n, 1);
}
