/*
 * userns.h - a user and IPC namespace of one's own for the sandbox.
 */
#ifndef IPCSH_USERNS_H
#define IPCSH_USERNS_H

/*
 * unshare(2) CLONE_NEWUSER | CLONE_NEWIPC, then map the caller's own uid
 * and gid (user_namespaces(7)). The caller must be single-threaded.
 * Returns 0 when both namespaces are made and the ids mapped; 1 when the
 * namespaces are made but the ids are not mapped (errno says why, and the
 * caller now looks like "nobody"); -1 with errno when unshare failed.
 */
int userns_enter(void);

#endif
