/*
 * shm_race.c - why shared memory needs synchronisation: two processes add
 * 1 to a counter in one shared segment N times each. Without a semaphore
 * the read-add-write steps interleave and updates are lost; with -s each
 * addition is done between semop(2) P and V, and the total is exact.
 * Usage: shm_race [-s] [-n N]   (N: additions per process, 20000 by default)
 *
 * The race is made to show on every run: both processes run on one CPU
 * and give it up (sched_yield) between reading and writing the counter,
 * as when a time slice ends at that very instruction. On an idle machine
 * that happens rarely, so a run without it may well lose nothing.
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * Keeps this process (and the children it forks) on the first CPU it may
 * use, so that the two workers take turns on it instead of running side
 * by side. Not fatal: with two CPUs the yield still opens the window.
 */
static void
one_cpu(void)
{
	cpu_set_t set, one;
	int cpu;

	if (sched_getaffinity(0, sizeof(set), &set) < 0)
		return;
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &set))
			break;
	if (cpu == CPU_SETSIZE)
		return;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	(void)sched_setaffinity(0, sizeof(one), &one);
}

/* semctl(2): the caller must define union semun itself */
union semun {
	int		val;
	struct semid_ds	*buf;
	unsigned short	*array;
};

/* Adds delta to semaphore 0 of set semid: -1 is P (wait), +1 is V. */
static int
sem_add(int semid, int delta)
{
	struct sembuf op = { 0, (short)delta, 0 };

	while (semop(semid, &op, 1) < 0) {
		if (errno != EINTR) {
			perror("semop");
			return -1;
		}
	}
	return 0;
}

/* What the segment holds. */
struct shared {
	volatile long	counter;
	volatile int	go;	/* set by the parent: the children start */
};

/* One child's work: n increments of the counter, locked when semid >= 0. */
static int
worker(struct shared *sh, long n, int semid)
{
	volatile long *counter = &sh->counter;
	long i, v;

	while (!sh->go)
		sched_yield();	/* wait for the other child: they overlap */
	for (i = 0; i < n; i++) {
		if (semid >= 0 && sem_add(semid, -1) < 0)
			return 1;
		/* read, add, write: three steps another process can split */
		v = *counter;
		v = v + 1;
		/* the window: the other one runs here, reads the old value */
		sched_yield();
		*counter = v;
		if (semid >= 0 && sem_add(semid, +1) < 0)
			return 1;
	}
	return 0;
}

static int
make_sem(void)
{
	union semun arg;
	int semid;

	semid = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
	if (semid < 0) {
		perror("semget");
		return -1;
	}
	/* the value 1 means "free": the first P takes it to 0 */
	arg.val = 1;
	if (semctl(semid, 0, SETVAL, arg) < 0) {
		perror("semctl SETVAL");
		semctl(semid, 0, IPC_RMID);
		return -1;
	}
	return semid;
}

int
main(int argc, char **argv)
{
	int c, use_sem = 0, shmid, semid = -1, i, status, rc = 0;
	long n = 20000, total;
	struct shared *sh;
	pid_t pid[2];

	while ((c = getopt(argc, argv, "sn:")) != -1) {
		switch (c) {
		case 's':
			use_sem = 1;
			break;
		case 'n':
			n = atol(optarg);
			break;
		default:
			fprintf(stderr, "usage: shm_race [-s] [-n N]\n");
			return 2;
		}
	}
	if (optind != argc || n <= 0) {
		fprintf(stderr, "usage: shm_race [-s] [-n N]\n");
		return 2;
	}
	shmid = shmget(IPC_PRIVATE, sizeof(*sh), IPC_CREAT | 0600);
	if (shmid < 0) {
		perror("shmget");
		return 1;
	}
	sh = shmat(shmid, NULL, 0);
	/*
	 * Mark it for removal now: it lives while attached (the children
	 * inherit the attachment across fork(2)) and goes when all detach.
	 */
	if (shmctl(shmid, IPC_RMID, NULL) < 0 || sh == (void *)-1) {
		perror(sh == (void *)-1 ? "shmat" : "shmctl IPC_RMID");
		return 1;
	}
	sh->counter = 0;
	sh->go = 0;
	if (use_sem && (semid = make_sem()) < 0)
		return 1;
	one_cpu();
	fflush(stdout);
	for (i = 0; i < 2; i++) {
		pid[i] = fork();
		if (pid[i] < 0) {
			perror("fork");
			return 1;
		}
		if (pid[i] == 0)
			_exit(worker(sh, n, semid));
	}
	sh->go = 1;
	for (i = 0; i < 2; i++) {
		if (waitpid(pid[i], &status, 0) < 0) {
			perror("waitpid");
			return 1;
		}
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			rc = 1;
	}
	total = sh->counter;
	printf("%s: counter = %ld, expected %ld, lost %ld updates\n",
	    use_sem ? "with a semaphore" : "without synchronisation",
	    total, 2 * n, 2 * n - total);
	if (semid >= 0 && semctl(semid, 0, IPC_RMID) < 0) {
		perror("semctl IPC_RMID");
		rc = 1;
	}
	if (shmdt(sh) < 0) {
		perror("shmdt");
		rc = 1;
	}
	/* 3: updates were lost */
	return rc != 0 ? rc : total == 2 * n ? 0 : 3;
}
