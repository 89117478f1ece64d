/*
 * userns.h - a user namespace of one's own (with IPC, PID, mount
 * namespaces as asked) for the sandbox.
 */
#ifndef IPCSH_USERNS_H
#define IPCSH_USERNS_H

/*
 * unshare(2) CLONE_NEWUSER | flags (CLONE_NEWIPC, ...), then map the
 * caller's own uid and gid (user_namespaces(7)). The caller must be
 * single-threaded. Returns 0 when the namespaces are made and the ids
 * mapped; 1 when the
 * namespaces are made but the ids are not mapped (errno says why, and the
 * caller now looks like "nobody"); -1 with errno when unshare failed.
 */
int userns_enter(int flags);

#endif
