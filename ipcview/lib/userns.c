/*
 * userns.c - a user namespace of one's own (and the others asked for), the
 * caller's ids mapped. Shared by ipcsh --sandbox and ipcview --sandbox.
 * Never prints.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "userns.h"

static int
userns_write(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;
	int e;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	e = errno;
	close(fd);
	errno = e;
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/*
 * user_namespaces(7): an unprivileged process may map only its own uid
 * and gid, and the gid only after denying setgroups(2); so the map is the
 * identity of this one user (root included: once in the new namespace,
 * root has no CAP_SETUID in the parent to map more).
 */
int
userns_enter(int flags)
{
	char map[64];
	uid_t uid = geteuid();
	gid_t gid = getegid();

	if (unshare(CLONE_NEWUSER | flags) < 0)
		return -1;
	snprintf(map, sizeof(map), "%u %u 1\n", (unsigned)uid, (unsigned)uid);
	if (userns_write("/proc/self/uid_map", map) < 0)
		return 1;
	if (userns_write("/proc/self/setgroups", "deny\n") < 0 &&
	    errno != ENOENT)
		return 1;
	snprintf(map, sizeof(map), "%u %u 1\n", (unsigned)gid, (unsigned)gid);
	if (userns_write("/proc/self/gid_map", map) < 0)
		return 1;
	return 0;
}
