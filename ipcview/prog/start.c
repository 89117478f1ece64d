/*
 * start.c - before the split screen starts: can this terminal show it,
 * the locale, the sandbox's namespaces, and the hosted shell's program
 * and PATH.
 */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <curses.h>
#include <term.h>

#include "i18n.h"
#include "start.h"
#include "userns.h"

#ifndef IPCSH_PROGDIR
#define IPCSH_PROGDIR "/usr/local/lib/ipcsh/programs"
#endif

/* Says once that the locale is missing and what is used instead. */
void
start_locale_note(const char *missing)
{
	fprintf(stderr, "ipcview: %s %s; %s\n", tr("locale", "区域设置"),
	    missing, tr("not installed: characters as C.UTF-8, messages still in the language asked for",
	    "未安装: 字符按 C.UTF-8 处理, 提示仍用所选语言"));
}

/*
 * The terminal must place the cursor (terminfo cup) and clear the screen:
 * TERM=dumb, an unknown TERM or an emacs shell buffer cannot show the
 * split screen. Say what works there instead. 0 when it can, else -1.
 */
int
start_term_ok(void)
{
	const char *term = getenv("TERM");
	char *cup = NULL, *clear = NULL;
	int err = 0;

	if (term != NULL && *term != '\0' &&
	    setupterm(NULL, STDOUT_FILENO, &err) == OK) {
		cup = tigetstr("cup");
		clear = tigetstr("clear");
		del_curterm(cur_term);
	}
	if (cup != NULL && cup != (char *)-1 && clear != NULL &&
	    clear != (char *)-1)
		return 0;
	fprintf(stderr, "ipcview: %s (TERM=%s)\n%s\n",
	    tr("this terminal cannot show the split screen",
	    "这个终端无法显示分屏界面"), term ? term : "",
	    tr("  use `ipcsh --plain` for the shell alone, and `ipcview --follow -p PID` in another terminal for the events as lines",
	    "  可用 `ipcsh --plain` 单独运行 shell, 并在另一个终端用 `ipcview --follow -p PID` 逐行查看事件"));
	return -1;
}

/*
 * --sandbox: the sandboxed shell gets its own user and IPC namespace
 * (ipcsh(1), SANDBOX). ipcview makes them itself and starts the shell
 * inside, with IPCSH_SANDBOX_NS=inherited so that ipcsh makes none of its
 * own: the pane reads the caller's IPC namespace (/proc/sysvipc, msgctl(2)
 * MSG_STAT_ANY, msgrcv(2) MSG_COPY), so it must share the shell's to show
 * its queues. unshare(2): CLONE_NEWUSER needs a single-threaded caller, so
 * this runs before curses and before the fork. user_namespaces(7): an
 * unprivileged process maps only its own uid and gid, and the gid only
 * after setgroups is denied. The shell's children stay in this user
 * namespace, so pidfd_getfd(2) on them works as without the sandbox.
 */
void
start_sandbox_ns(void)
{
	int r = userns_enter(CLONE_NEWIPC);

	if (r < 0) {
		/* the shell tries too, fails alike and says so in its window */
		fprintf(stderr, "ipcview: sandbox: %s (unshare: %s)\n",
		    tr("no own IPC namespace: queues, semaphores and shared memory are shared with the rest of the machine",
		    "没有独立的 IPC 命名空间：消息队列、信号量和共享内存与整台机器共用"),
		    strerror(errno));
		return;
	}
	if (r > 0) {
		/* unmapped we look like "nobody", but the IPC namespace is ours */
		fprintf(stderr, "ipcview: sandbox: %s (uid_map: %s)\n",
		    tr("own IPC namespace, but user ids are not mapped",
		    "有独立的 IPC 命名空间，但用户 ID 未映射"), strerror(errno));
	}
	setenv("IPCSH_SANDBOX_NS", "inherited", 1);
}

/* The ipcsh to host: --shell, else the one next to ipcview, else PATH. */
const char *
start_shell_path(const struct view_opts *o, char *buf, size_t size)
{
	char *slash;
	ssize_t n;

	if (o->shell)
		return o->shell;
	n = readlink("/proc/self/exe", buf, size - 8);
	if (n > 0) {
		buf[n] = '\0';
		slash = strrchr(buf, '/');
		if (slash) {
			strcpy(slash + 1, "ipcsh");
			if (access(buf, X_OK) == 0)
				return buf;
		}
	}
	return "ipcsh";
}

/*
 * The lecture's programs (pipe_ex1, msgq_ex1, shm_writer, ...) on the
 * hosted shells' PATH, found as the lessons find them: build/programs
 * beside ipcview, PREFIX/lib/ipcsh/programs beside PREFIX/bin/ipcview,
 * or the compiled-in directory. The shell's `help programs` lists them.
 */
void
start_path_programs(void)
{
	static const char *const rel[] = { "programs", "../lib/ipcsh/programs" };
	char exe[PATH_MAX], dir[PATH_MAX + 32], *slash, *path;
	const char *old = getenv("PATH");
	struct stat st;
	ssize_t n;
	size_t i;
	int found = 0;

	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0 && (exe[n] = '\0', slash = strrchr(exe, '/')) != NULL) {
		*slash = '\0';
		for (i = 0; i < sizeof(rel) / sizeof(rel[0]) && !found; i++) {
			snprintf(dir, sizeof(dir), "%s/%s", exe, rel[i]);
			found = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
		}
	}
	if (!found) {
		snprintf(dir, sizeof(dir), "%s", IPCSH_PROGDIR);
		if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
			return;
	}
	if (asprintf(&path, "%s:%s", dir, old ? old : "/usr/bin:/bin") < 0)
		return;
	setenv("PATH", path, 1);
	free(path);
}

