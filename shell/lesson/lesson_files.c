/*
 * lesson_files.c - where lessons and their programs are found (the lesson
 * path, the source tree, the installed data), the saved progress, and what
 * a lesson leaves: its directory, its processes, a dead shell's leftovers.
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lesson.h"
#include "lesson_files.h"
#include "lesson_sysv.h"
#include "probe.h"
#include "shell.h"

#ifndef IPCSH_DATADIR
#define IPCSH_DATADIR "/usr/local/share/ipcsh"
#endif
#ifndef IPCSH_PROGDIR
#define IPCSH_PROGDIR "/usr/local/lib/ipcsh/programs"
#endif

/* The directory of the running ipcsh (for lessons in the source tree). */
static int
exe_dir(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	char *slash;

	if (n <= 0)
		return -1;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (slash == NULL)
		return -1;
	*slash = '\0';
	return 0;
}

size_t
lesson_dirs(char dirs[][PATH_MAX], size_t max)
{
	char exe[PATH_MAX / 2];
	const char *env = getenv("IPCSH_LESSONS");
	size_t n = 0;
	struct stat st;
	char cand[5][PATH_MAX];
	size_t i, j, nc = 0;

	if (env != NULL && *env != '\0')
		snprintf(cand[nc++], PATH_MAX, "%s", env);
	if (exe_dir(exe, sizeof(exe)) == 0) {
		/* build/ipcsh and build/san/ipcsh in the source tree */
		snprintf(cand[nc++], PATH_MAX, "%s/../lessons", exe);
		snprintf(cand[nc++], PATH_MAX, "%s/../../lessons", exe);
		/* PREFIX/bin/ipcsh: PREFIX/share/ipcsh, wherever installed */
		snprintf(cand[nc++], PATH_MAX, "%s/../share/ipcsh/lessons", exe);
	}
	snprintf(cand[nc++], PATH_MAX, "%s/lessons", IPCSH_DATADIR);
	for (i = 0; i < nc && n < max; i++) {
		char real[PATH_MAX];

		if (stat(cand[i], &st) < 0 || !S_ISDIR(st.st_mode) ||
		    realpath(cand[i], real) == NULL)
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(dirs[j], real) == 0)
				break;
		if (j == n)
			snprintf(dirs[n++], PATH_MAX, "%s", real);
	}
	return n;
}

/*
 * The lessons' compiled programs: build/programs beside ipcsh,
 * PREFIX/lib/ipcsh/programs beside PREFIX/bin/ipcsh, or the compiled-in
 * directory.
 */
int
lesson_programs_dir(char *buf, size_t size)
{
	static const char *const rel[] = { "programs", "../lib/ipcsh/programs" };
	char exe[PATH_MAX / 2];
	struct stat st;
	size_t i;

	if (exe_dir(exe, sizeof(exe)) == 0)
		for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
			snprintf(buf, size, "%s/%s", exe, rel[i]);
			if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
				return 0;
		}
	snprintf(buf, size, "%s", IPCSH_PROGDIR);
	return stat(buf, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

/* Does file name d ("02-pipes.lesson") answer to name ("pipes", "2", "02")? */
static int
name_matches(const char *d, const char *name)
{
	size_t n = strlen(d);
	const char *dash = strchr(d, '-');
	char stem[256];

	if (n < 8 || strcmp(d + n - 7, ".lesson") != 0 || n - 7 >= sizeof(stem))
		return 0;
	memcpy(stem, d, n - 7);
	stem[n - 7] = '\0';
	if (strcmp(stem, name) == 0)
		return 1;
	if (dash != NULL && strcmp(stem + (dash - d) + 1, name) == 0)
		return 1;
	if (dash != NULL && name[strspn(name, "0123456789")] == '\0' &&
	    *name != '\0' && atoi(name) == atoi(stem) &&
	    stem[strspn(stem, "0123456789")] == '-')
		return 1;
	return 0;
}

int
lesson_find(const char *name, char *out, size_t size)
{
	char dirs[4][PATH_MAX];
	size_t nd = lesson_dirs(dirs, 4), i;
	struct stat st;
	DIR *d;
	struct dirent *e;
	int found = 0;

	if (strchr(name, '/') != NULL || (strlen(name) > 7 &&
	    strcmp(name + strlen(name) - 7, ".lesson") == 0)) {
		if (stat(name, &st) == 0 && S_ISREG(st.st_mode)) {
			snprintf(out, size, "%s", name);
			return 0;
		}
		if (strchr(name, '/') != NULL)
			return -1;
	}
	for (i = 0; i < nd && !found; i++) {
		d = opendir(dirs[i]);
		if (d == NULL)
			continue;
		while ((e = readdir(d)) != NULL)
			if (name_matches(e->d_name, name)) {
				snprintf(out, size, "%s/%s", dirs[i], e->d_name);
				found = 1;
				break;
			}
		closedir(d);
	}
	return found ? 0 : -1;
}

static char *
state_file(void)
{
	const char *x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	static char path[PATH_MAX];
	char dir[PATH_MAX / 2];

	if (x != NULL && *x == '/')
		snprintf(dir, sizeof(dir), "%s/ipcsh", x);
	else if (home != NULL)
		snprintf(dir, sizeof(dir), "%s/.local/state/ipcsh", home);
	else
		return NULL;
	snprintf(path, sizeof(path), "%s/lessons", dir);
	/* mkdir -p of the last two levels is enough for XDG dirs */
	if (mkdir(dir, 0700) < 0 && errno == ENOENT) {
		char parent[PATH_MAX];
		char *slash;

		snprintf(parent, sizeof(parent), "%s", dir);
		slash = strrchr(parent, '/');
		if (slash != NULL) {
			*slash = '\0';
			mkdir(parent, 0700);
		}
		mkdir(dir, 0700);
	}
	return path;
}

/*
 * The state file has a line "NAME DONE TOTAL" for a lesson finished and
 * "NAME DONE TOTAL STEP" for one stopped before its end, at item STEP.
 */
int
lesson_progress_read(const char *name, int *done, int *total, int *pos)
{
	char *path = state_file(), line[512], n[256];
	FILE *f;
	int d, t, p, k, found = 0;

	if (path == NULL || (f = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		p = 0;
		k = sscanf(line, "%255s %d %d %d", n, &d, &t, &p);
		if (k >= 3 && strcmp(n, name) == 0) {
			*done = d;
			*total = t;
			*pos = k == 4 ? p : 0;
			found = 1;
		}
	}
	fclose(f);
	return found;
}

int
lesson_progress(const char *name, int *done, int *total)
{
	int pos;

	return lesson_progress_read(name, done, total, &pos) ?
	    (pos > 0 ? 2 : 1) : 0;
}

void
lesson_progress_save(const char *name, int done, size_t ntasks, size_t pos)
{
	char *path = state_file(), tmp[PATH_MAX + 8], line[512], n[256];
	FILE *in, *out;
	int d = 0, t = 0, p = 0;

	if (path == NULL)
		return;
	/* a lesson done once stays done, unless done better */
	if (lesson_progress_read(name, &d, &t, &p) && p == 0 && d >= done &&
	    pos == 0)
		return;
	snprintf(tmp, sizeof(tmp), "%s.new", path);
	out = fopen(tmp, "w");
	if (out == NULL)
		return;
	in = fopen(path, "r");
	while (in != NULL && fgets(line, sizeof(line), in) != NULL)
		if (sscanf(line, "%255s", n) == 1 && strcmp(n, name) != 0)
			fputs(line, out);
	if (in != NULL)
		fclose(in);
	if (pos == 0)
		fprintf(out, "%s %d %zu\n", name, done, ntasks);
	else
		fprintf(out, "%s %d %zu %zu\n", name, done, ntasks, pos);
	if (fclose(out) == 0)
		rename(tmp, path);
	else
		unlink(tmp);
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

void
lesson_rmtree(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/*
 * A shell killed in a lesson (its terminal closed: SIGHUP) could not clean
 * up. Its directory is named after its pid: when that process is gone,
 * remove the directory and the objects keyed on its files.
 */
void
lesson_sweep_stale(const char *tmp)
{
	DIR *d = opendir(tmp);
	struct dirent *e;
	struct stat st;
	char path[PATH_MAX];
	int pid, len;

	while (d != NULL && (e = readdir(d)) != NULL) {
		len = 0;
		if (sscanf(e->d_name, "ipcsh-lesson-%d-%*6[A-Za-z0-9]%n", &pid,
		    &len) != 1 || len == 0 || e->d_name[len] != '\0' ||
		    pid <= 0 || pid == getpid())
			continue;
		if (kill(pid, 0) == 0 || errno != ESRCH)
			continue;
		snprintf(path, sizeof(path), "%s/%s", tmp, e->d_name);
		if (lstat(path, &st) < 0 || !S_ISDIR(st.st_mode) ||
		    st.st_uid != getuid())
			continue;
		lsysv_remove_dir_keyed(path);
		lesson_rmtree(path);
	}
	if (d != NULL)
		closedir(d);
}

void
lesson_kill_new(const pid_t *base, size_t nbase)
{
	struct snapshot *snap;
	size_t i;
	int tries, left;
	struct timespec tick = { 0, 20 * 1000 * 1000 };

	for (tries = 0; tries < 100; tries++) {
		snap = probe_take(getpid(), NULL);
		if (snap == NULL)
			return;
		left = 0;
		for (i = 0; i < snap->nprocs; i++) {
			const struct snap_proc *p = &snap->procs[i];

			if (p->pid == getpid() ||
			    snap_pid_in(base, nbase, p->pid))
				continue;
			if (p->state != 'Z') {
				/* SIGKILL: lessons block and catch others */
				kill(p->pid, SIGKILL);
				left++;
			}
		}
		snapshot_free(snap);
		jobs_reap();
		if (left == 0)
			return;
		nanosleep(&tick, NULL);
	}
}
