/*
 * redir.h - redirections done in the shell, and undoing them.
 */
#ifndef IPCSH_REDIR_H
#define IPCSH_REDIR_H

struct redir;

/* The saved descriptors of redirections done in the shell. */
struct redir_save {
	int n, cap;
	struct {
		int fd, save;
		int fifo;	/* a FIFO the tape was told of */
	} *v;
};

/*
 * Applies redirections left to right (XCU 2.7). With rs, the descriptors
 * they replace are saved there first. Returns 0, or -1 after reporting
 * (the ones already applied stay for redir_restore to undo).
 */
int redir_apply(struct redir *r, struct redir_save *rs);

/*
 * After redir_apply failed: the signal (SIGINT, SIGQUIT) with which the
 * user ended a blocking open (a FIFO nobody opened), or 0. Clears it.
 */
int redir_interrupted(void);

/* The builtin the redirections being applied are for (the tape), or NULL. */
extern const char *redir_for;

/* Undoes redirections in reverse order and frees rs. */
void redir_restore(struct redir_save *rs);

#endif
