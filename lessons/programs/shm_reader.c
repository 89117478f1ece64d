/*
 * shm_reader.c - the lecture's shared-memory reader: finds the writer's
 * segment by the same ftok(3) key, attaches it, prints the text,
 * detaches and removes it, between two `ipcs -m` listings (as the slide).
 * Usage: shm_reader [-k] [-v] [-s SECONDS] FILE
 *   -k          keep the segment (do not remove it, no listings)
 *   -s SECONDS  stay attached that long first, so nattch can be watched
 *   -v          also print nattch (shmctl IPC_STAT) attached and detached
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs util-linux's `ipcs -m`, as the lecture's reader does. */
static void
list_segments(void)
{
	pid_t pid;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execlp("ipcs", "ipcs", "-m", (char *)NULL);
		perror("ipcs");
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, &st, 0);
}

/* Prints the segment's nattch as shmctl(2) IPC_STAT reports it. */
static int
show_nattch(int id, const char *when)
{
	struct shmid_ds ds;

	if (shmctl(id, IPC_STAT, &ds) < 0) {
		perror("shmctl IPC_STAT");
		return -1;
	}
	printf("Reader: %s: nattch = %lu\n", when,
	    (unsigned long)ds.shm_nattch);
	fflush(stdout);
	return 0;
}

int
main(int argc, char **argv)
{
	int keep = 0, verbose = 0, c, id;
	unsigned hold = 0;
	key_t key;
	char *mem;

	while ((c = getopt(argc, argv, "kvs:")) != -1) {
		switch (c) {
		case 'k':
			keep = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 's':
			hold = (unsigned)atoi(optarg);
			break;
		default:
			fprintf(stderr,
			    "usage: shm_reader [-k] [-v] [-s SECONDS] FILE\n");
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr,
		    "usage: shm_reader [-k] [-v] [-s SECONDS] FILE\n");
		return 2;
	}
	key = ftok(argv[optind], 'A');
	if (key == -1) {
		perror("ftok");
		return 1;
	}
	/* no IPC_CREAT: the segment must exist already */
	id = shmget(key, 0, 0);
	if (id < 0) {
		perror("shmget");
		return 1;
	}
	/* ipcs ends its listing with an empty line, and begins with one */
	if (!keep)
		list_segments();
	/* SHM_RDONLY: a store through mem would be SIGSEGV */
	mem = shmat(id, NULL, SHM_RDONLY);
	if (mem == (void *)-1) {
		perror("shmat");
		return 1;
	}
	if (verbose && show_nattch(id, "attached") < 0)
		return 1;
	printf("data = [ %.*s ]\n", 511, mem);
	fflush(stdout);
	if (hold > 0)
		sleep(hold);
	if (shmdt(mem) < 0) {
		perror("shmdt");
		return 1;
	}
	if (verbose && show_nattch(id, "detached") < 0)
		return 1;
	if (keep)
		return 0;
	/* IPC_RMID: the segment goes once nobody is attached any more */
	if (shmctl(id, IPC_RMID, NULL) < 0) {
		perror("shmctl IPC_RMID");
		return 1;
	}
	printf("deleted shared-memory\n");
	list_segments();
	return 0;
}
