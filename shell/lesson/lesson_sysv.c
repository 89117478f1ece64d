/*
 * lesson_sysv.c - the lesson's own System V objects: the baseline taken
 * when it begins, which objects it made, and their removal at the end.
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lesson_sysv.h"
#include "shell.h"

/* The System V objects that existed when the lesson began. */
static struct {
	int		*ids;
	enum sysv_kind	*kinds;
	size_t		n;
} base;

static void
base_add(enum sysv_kind k, int id)
{
	int *ids = realloc(base.ids, (base.n + 1) * sizeof(*ids));
	enum sysv_kind *kinds;

	if (ids == NULL)
		return;
	base.ids = ids;
	kinds = realloc(base.kinds, (base.n + 1) * sizeof(*kinds));
	if (kinds == NULL)
		return;
	base.kinds = kinds;
	base.ids[base.n] = id;
	base.kinds[base.n++] = k;
}

void
lsysv_set_baseline(void)
{
	struct sysv_view v;
	void *all;
	ssize_t n, i;
	int k;

	free(base.ids);
	free(base.kinds);
	memset(&base, 0, sizeof(base));
	for (k = 0; k < SYSV_NKINDS; k++) {
		n = sysv_list(k, &all);
		for (i = 0; i < n; i++) {
			sysv_view(k, (char *)all + (size_t)i *
			    sysv_kinds[k].size, &v);
			base_add(k, v.id);
		}
		free(all);
	}
}

int
lsysv_is_new(enum sysv_kind k, int id)
{
	size_t i;

	for (i = 0; i < base.n; i++)
		if (base.kinds[i] == k && base.ids[i] == id)
			return 0;
	return 1;
}

int
lsysv_dir_key(const char *dir, key_t key)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	char path[PATH_MAX + 256];
	int mine = 0;

	if (dir == NULL || *dir == '\0' || (d = opendir(dir)) == NULL)
		return 0;
	while (!mine && (e = readdir(d)) != NULL) {
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		/* ftok(3): proj_id, then the low 8 bits of st_dev, 16 of st_ino */
		if (stat(path, &st) == 0 && ((unsigned)key & 0xffffff) ==
		    (((unsigned)st.st_dev & 0xff) << 16 |
		    ((unsigned)st.st_ino & 0xffff)))
			mine = 1;
	}
	closedir(d);
	return mine;
}

int
lsysv_is_mine(enum sysv_kind k, int id, const struct sysv_perm *perm,
    int related)
{
	if (!lsysv_is_new(k, id) || perm->uid != getuid())
		return 0;
	if (perm->key == IPC_PRIVATE)
		return related;
	return lsysv_dir_key(var_get("LESSON_DIR"), perm->key);
}

void
lsysv_remove_mine(const struct snapshot *snap)
{
	struct sysv_view v;
	size_t i;
	int k, related;

	for (k = 0; k < SYSV_NKINDS; k++)
		for (i = 0; i < snap_sysv_count(snap, k); i++) {
			sysv_view(k, snap_sysv_info(snap, k, i, &related), &v);
			if (lsysv_is_mine(k, v.id, v.perm, related))
				sysv_remove(k, v.id);
		}
}

void
lsysv_remove_dir_keyed(const char *dir)
{
	struct sysv_view v;
	void *all;
	ssize_t n, i;
	int k;

	for (k = 0; k < SYSV_NKINDS; k++) {
		n = sysv_list(k, &all);
		for (i = 0; i < n; i++) {
			sysv_view(k, (char *)all + (size_t)i *
			    sysv_kinds[k].size, &v);
			if (v.perm->uid == getuid() &&
			    v.perm->key != IPC_PRIVATE &&
			    lsysv_dir_key(dir, v.perm->key))
				sysv_remove(k, v.id);
		}
		free(all);
	}
}
