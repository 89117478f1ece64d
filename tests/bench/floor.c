/*
 * floor.c - the bench's floor: the least one snapshot of a process tree
 * must do, in plain C, for `make bench` to compare ipcview against.
 * Tree walk (/proc/PID/task/PID/children), status, cmdline and wchan of
 * each process, its descriptors' links, each pipe's fill through one
 * pidfd_getfd(2) copy and each end's direction (the link's mode bits),
 * the System V objects' stats; one line per process
 * and per pipe on stdout.
 * usage: floor ROOT [COUNT [INTERVAL]]   (COUNT snapshots, INTERVAL s apart)
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

struct fpipe {
	unsigned long	ino;
	int		pid, fd, mode;
};

static struct fpipe *pipes;
static size_t npipes, cappipes;

static ssize_t
floor_read(const char *path, char *buf, size_t size)
{
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return n;
}

static void
floor_fds(int pid)
{
	char path[64], link[320], target[256];
	struct dirent *d;
	unsigned long ino;
	struct stat st;
	DIR *dir;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/fd", pid);
	dir = opendir(path);
	if (dir == NULL)
		return;
	while ((d = readdir(dir)) != NULL) {
		if (d->d_name[0] < '0' || d->d_name[0] > '9')
			continue;
		snprintf(link, sizeof(link), "%s/%s", path, d->d_name);
		n = readlink(link, target, sizeof(target) - 1);
		if (n <= 0)
			continue;
		target[n] = '\0';
		if (sscanf(target, "pipe:[%lu]", &ino) != 1)
			continue;
		/* which end: the link's permission bits (proc(5)) */
		if (lstat(link, &st) < 0)
			continue;
		if (npipes == cappipes) {
			cappipes = cappipes ? 2 * cappipes : 64;
			pipes = realloc(pipes, cappipes * sizeof(*pipes));
			if (pipes == NULL)
				exit(1);
		}
		pipes[npipes].mode = (int)(st.st_mode & 0600);
		pipes[npipes].ino = ino;
		pipes[npipes].pid = pid;
		pipes[npipes++].fd = atoi(d->d_name);
	}
	closedir(dir);
}

static void
floor_proc(int pid, int depth)
{
	char path[64], buf[4096], cmd[4096], wchan[64], *p, *e;
	unsigned long long m[5] = { 0 };
	char state = '?';
	long kid;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	if (floor_read(path, buf, sizeof(buf)) <= 0)
		return;
	if ((p = strstr(buf, "State:")) != NULL)
		sscanf(p, "State: %c", &state);
	if ((p = strstr(buf, "SigPnd:")) != NULL)
		sscanf(p, "SigPnd: %llx ShdPnd: %llx SigBlk: %llx SigIgn: %llx "
		    "SigCgt: %llx", &m[0], &m[1], &m[2], &m[3], &m[4]);
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	if (floor_read(path, cmd, sizeof(cmd)) < 0)
		cmd[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/wchan", pid);
	if (floor_read(path, wchan, sizeof(wchan)) < 0)
		wchan[0] = '\0';
	printf("%*s%d %c %s %s %llx %llx %llx %llx %llx\n", depth, "", pid,
	    state, cmd, wchan, m[0], m[1], m[2], m[3], m[4]);
	floor_fds(pid);
	snprintf(path, sizeof(path), "/proc/%d/task/%d/children", pid, pid);
	if (floor_read(path, buf, sizeof(buf)) <= 0)
		return;
	for (p = buf;; p = e) {
		kid = strtol(p, &e, 10);
		if (e == p)
			break;
		floor_proc((int)kid, depth + 1);
	}
}

static int
floor_cmp(const void *a, const void *b)
{
	const struct fpipe *x = a, *y = b;

	return (x->ino > y->ino) - (x->ino < y->ino);
}

/* One copy per pipe: FIONREAD and F_GETPIPE_SZ, then closed at once. */
static void
floor_fill(void)
{
	size_t i;
	int fd, n, last = -1, lastfd = -1;

	qsort(pipes, npipes, sizeof(*pipes), floor_cmp);
	for (i = 0; i < npipes; i++) {
		if (i > 0 && pipes[i].ino == pipes[i - 1].ino)
			continue;
		if (pipes[i].pid != last) {
			if (lastfd >= 0)
				close(lastfd);
			lastfd = (int)syscall(SYS_pidfd_open, pipes[i].pid, 0);
			last = pipes[i].pid;
		}
		if (lastfd < 0)
			continue;
		fd = (int)syscall(SYS_pidfd_getfd, lastfd, pipes[i].fd, 0);
		if (fd < 0)
			continue;
		if (ioctl(fd, FIONREAD, &n) == 0)
			printf("pipe %lu %d/%d %o\n", pipes[i].ino, n,
			    fcntl(fd, F_GETPIPE_SZ), pipes[i].mode);
		close(fd);
	}
	if (lastfd >= 0)
		close(lastfd);
}

static void
floor_sysv(void)
{
	struct msqid_ds m;
	struct shmid_ds s;
	struct semid_ds sd;
	union semun { int v; struct semid_ds *b; } u = { .b = &sd };
	int i, max;

	max = msgctl(0, MSG_INFO, &m);
	for (i = 0; i <= max; i++)
		if (msgctl(i, MSG_STAT_ANY, &m) >= 0)
			printf("q %d %lu\n", i, (unsigned long)m.msg_qnum);
	max = shmctl(0, SHM_INFO, &s);
	for (i = 0; i <= max; i++)
		if (shmctl(i, SHM_STAT_ANY, &s) >= 0)
			printf("m %d %zu\n", i, s.shm_segsz);
	max = semctl(0, 0, SEM_INFO, u);
	for (i = 0; i <= max; i++)
		if (semctl(i, 0, SEM_STAT_ANY, u) >= 0)
			printf("s %d %lu\n", i, (unsigned long)sd.sem_nsems);
}

int
main(int argc, char **argv)
{
	struct timespec ts;
	long count, k;
	double iv;

	if (argc < 2) {
		fprintf(stderr, "usage: floor ROOT [COUNT [INTERVAL]]\n");
		return 2;
	}
	count = argc > 2 ? atol(argv[2]) : 1;
	iv = argc > 3 ? atof(argv[3]) : 0;
	ts.tv_sec = (time_t)iv;
	ts.tv_nsec = (long)((iv - (double)ts.tv_sec) * 1e9);
	for (k = 0; k < count; k++) {
		npipes = 0;
		floor_proc(atoi(argv[1]), 0);
		floor_fill();
		floor_sysv();
		fflush(stdout);
		if (k + 1 < count && iv > 0)
			nanosleep(&ts, NULL);
	}
	free(pipes);
	return 0;
}
