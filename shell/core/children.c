/*
 * children.c - the hooks the program (main.c) runs in the shell's
 * children (the tape, the sandbox), the chores they skip, and the
 * shell's helper children.
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/prctl.h>

#include "jobs.h"
#include "shell.h"

static const struct child_hooks *child_hooks;
static int chores;	/* jobs_chores depth */

void
jobs_set_child_hooks(const struct child_hooks *h)
{
	child_hooks = h;
}

void
jobs_chores(int on)
{
	chores += on ? 1 : (chores > 0 ? -1 : 0);
}

const struct own_hooks *
jobs_own_hooks(void)
{
	return chores == 0 ? sh_own_hooks : NULL;
}

void
sh_tell_read(int fd, long bytes, long calls, int eof, const char *cmd)
{
	if (chores == 0 && sh_own_hooks != NULL && sh_own_hooks->read != NULL)
		sh_own_hooks->read(fd, bytes, calls, eof, cmd);
}

void
jobs_child_at_fork(int vforked)
{
	if (chores == 0 && child_hooks != NULL && child_hooks->at_fork != NULL)
		child_hooks->at_fork(vforked);
}

void
jobs_child_at_spawn(const char *path, char *const argv[], int hi, int asked)
{
	if (chores == 0 && child_hooks != NULL && child_hooks->at_spawn != NULL)
		child_hooks->at_spawn(path, argv, hi, asked);
}

void
jobs_child_before_exec(void)
{
	if (child_hooks != NULL && child_hooks->before_exec != NULL)
		child_hooks->before_exec();
}

void
jobs_child_at_run(const char *what, int argc, char *const *argv)
{
	if (chores == 0 && child_hooks != NULL && child_hooks->at_run != NULL)
		child_hooks->at_run(what, argc, argv);
}

pid_t
jobs_fork_helper(const char *name)
{
	static struct child_hooks helper_hooks;
	char own[17] = "";
	pid_t pid;

	fflush(NULL);
	/*
	 * Named from birth: the child inherits the name the shell has while
	 * it forks (a child renaming itself could be seen before it runs).
	 */
	prctl(PR_GET_NAME, (unsigned long)own, 0L, 0L, 0L);
	prctl(PR_SET_NAME, (unsigned long)name, 0L, 0L, 0L);
	pid = fork();
	if (pid != 0) {
		prctl(PR_SET_NAME, (unsigned long)own, 0L, 0L, 0L);
		return pid;
	}
	/* its children are not the student's: no tape, the same filter */
	if (child_hooks != NULL)
		helper_hooks.before_exec = child_hooks->before_exec;
	child_hooks = &helper_hooks;
	jobs_forget();
	sh_opt.monitor = 0;	/* no process groups, never the terminal */
	sh_opt.interactive = 0;
	return 0;
}
