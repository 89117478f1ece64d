/*
 * fdio.h - whole reads and writes on a descriptor, through EINTR.
 * As many read(2) or write(2) calls as it takes.
 */
#ifndef IPCSH_FDIO_H
#define IPCSH_FDIO_H

#include <stddef.h>

/*
 * Reads into buf until it holds n bytes, end of file or an error (then
 * errno says which). Returns how many bytes it read.
 */
size_t fdio_read(int fd, void *buf, size_t n);

/*
 * Writes the n bytes of buf, or as many as it can before an error (errno
 * says which). Returns how many it wrote.
 */
size_t fdio_write(int fd, const void *buf, size_t n);

#endif
