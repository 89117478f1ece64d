/*
 * spawn.h - starting programs: external commands, subshells, background
 * jobs and pipelines, each a job in the job table.
 */
#ifndef IPCSH_SPAWN_H
#define IPCSH_SPAWN_H

#include <signal.h>

struct cmd;
struct cmd_back;
struct cmd_exec;
struct cmd_pipe;
struct job;

/* An external command argv with assignments as; returns its status. */
int spawn_external(struct cmd_exec *e, char **argv, char **as, int flags);

/* A pipeline in the foreground; returns its status. */
int spawn_pipe(struct cmd_pipe *p);

/* cmd &: a job in the background; $! is its last process. */
int spawn_back(struct cmd_back *b);

/* ( list ): a forked child, or in place when we are one already. */
int spawn_subshell(struct cmd_back *b, int flags);

/* In every child right after fork(2): job j's process group, signals. */
void spawn_child_init(struct job *j, const sigset_t *old);

/*
 * What a forked child runs itself, no execve(2) ("builtin", "function"):
 * said once, the first time, through the at_run child hook (shell.h);
 * nothing in the shell itself. spawn_tell_cmd: a compound command c
 * about to run in the child ("subshell", told by its keyword).
 */
void spawn_tell(const char *what, int argc, char *const *argv);
void spawn_tell_cmd(const struct cmd *c);

/*
 * exec with a command: replaces the shell (redirections already done).
 * Returns only on failure, with 126 or 127 after reporting.
 */
int spawn_replace(char **argv);

/*
 * Remembered commands (hash): spawn_hash_find looks name up in PATH and
 * remembers it (NULL: not found); spawn_hash_each calls fn for each one
 * remembered, rehash set when a cd came after; spawn_hash_forget drops
 * them all (hash -r); spawn_hash_cd marks them after a cd.
 */
const char *spawn_hash_find(const char *name);
void spawn_hash_each(void (*fn)(const char *path, int rehash));
void spawn_hash_forget(void);
void spawn_hash_cd(void);

#endif
