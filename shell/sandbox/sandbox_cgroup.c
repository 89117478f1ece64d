/*
 * sandbox_cgroup.c - the process limit of a session run as root: a pids
 * cgroup of its own (the kernel does not apply RLIMIT_NPROC to root).
 *
 * setrlimit(2): RLIMIT_NPROC is not enforced for a process with
 * CAP_SYS_RESOURCE or CAP_SYS_ADMIN, nor for the real root user, also
 * inside a user namespace whose root is the machine's. A pids cgroup
 * (cgroups(7), "pids" controller) counts every process in it whoever it
 * is: the children join it between fork and exec, and `ulimit -u` sets
 * its pids.max. The cgroup and its files are opened by the real root
 * before the user namespace is made; the children write to the open
 * cgroup.procs (cgroup v2 checks the opener's rights).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "sandbox_state.h"

static struct {
	char dir[600];
	int procs;		/* cgroup.procs, or -1 */
	int max;		/* pids.max */
} sbc = { "", -1, -1 };

/*
 * Where a pids cgroup of ours can go: under our own pids cgroup (v1, or
 * v2 when pids is in its subtree_control), else at the v2 root. Fills
 * base; 0, or -1.
 */
static int
sbc_base(char *base, size_t len)
{
	char line[256], path[256] = "", v2[256] = "", ctl[400];
	FILE *f = fopen("/proc/self/cgroup", "re");
	int have_v2 = 0;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "0::", 3) == 0) {
			snprintf(v2, sizeof(v2), "%s", line + 3);
			have_v2 = 1;
		} else if (strstr(line, ":pids:") != NULL) {
			snprintf(path, sizeof(path), "%s",
			    strstr(line, ":pids:") + 6);
		}
	}
	fclose(f);
	if (path[0] != '\0' && access("/sys/fs/cgroup/pids", W_OK) == 0) {
		snprintf(base, len, "/sys/fs/cgroup/pids%s", path);
		return 0;
	}
	if (!have_v2)
		return -1;
	snprintf(base, len, "/sys/fs/cgroup%s", v2);
	snprintf(ctl, sizeof(ctl), "%s/cgroup.subtree_control", base);
	f = fopen(ctl, "re");
	if (f != NULL) {
		if (fgets(line, sizeof(line), f) != NULL &&
		    strstr(line, "pids") != NULL) {
			fclose(f);
			return 0;
		}
		fclose(f);
	}
	snprintf(base, len, "/sys/fs/cgroup");
	return 0;
}

static int
sbc_open(const char *name, int *fd)
{
	char path[640];

	snprintf(path, sizeof(path), "%s/%s", sbc.dir, name);
	*fd = sb_fd_high(open(path, O_WRONLY | O_CLOEXEC));
	return *fd < 0 ? -1 : 0;
}

int
sbc_init(char *why, size_t len)
{
	char base[300];

	if (sbc_base(base, sizeof(base)) < 0) {
		snprintf(why, len, "no pids cgroup");
		return -1;
	}
	snprintf(sbc.dir, sizeof(sbc.dir), "%s/ipcsh-sandbox-%d", base,
	    (int)getpid());
	if (mkdir(sbc.dir, 0755) < 0) {
		snprintf(why, len, "mkdir %s: %s", sbc.dir, strerror(errno));
		sbc.dir[0] = '\0';
		return -1;
	}
	if (sbc_open("pids.max", &sbc.max) < 0 ||
	    sbc_open("cgroup.procs", &sbc.procs) < 0) {
		snprintf(why, len, "%s: %s", sbc.dir, strerror(errno));
		sbc_remove();
		return -1;
	}
	return 0;
}

int
sbc_set_max(rlim_t max)
{
	char buf[32];
	int n;

	if (sbc.max < 0)
		return 0;
	if (max == RLIM_INFINITY)
		n = snprintf(buf, sizeof(buf), "max");
	else
		n = snprintf(buf, sizeof(buf), "%llu",
		    (unsigned long long)max);
	return pwrite(sbc.max, buf, n, 0) == n ? 0 : -1;
}

int
sbc_join(void)
{
	if (sbc.procs < 0)
		return 0;
	return write(sbc.procs, "0", 1) == 1 ? 0 : -1;
}

int
sbc_active(void)
{
	return sbc.procs >= 0;
}

void
sbc_remove(void)
{
	if (sbc.max >= 0)
		close(sbc.max);
	if (sbc.procs >= 0)
		close(sbc.procs);
	sbc.max = sbc.procs = -1;
	if (sbc.dir[0] != '\0')
		rmdir(sbc.dir);
	sbc.dir[0] = '\0';
}
