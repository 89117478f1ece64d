/*
 * probe_shm.c - test helper for shared memory (shmget(2), shmat(2)).
 * usage: probe_shm create SIZE TEXT  new private segment holding TEXT; prints its id
 *        probe_shm attach ID         attaches, prints "ready PID", waits to be killed
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	char *p;
	int id;

	if (argc == 4 && strcmp(argv[1], "create") == 0) {
		id = shmget(IPC_PRIVATE, (size_t)atol(argv[2]), IPC_CREAT | 0600);
		if (id < 0 || (p = shmat(id, NULL, 0)) == (void *)-1) {
			perror("probe_shm: shmget/shmat");
			return 1;
		}
		strcpy(p, argv[3]);
		shmdt(p);
		printf("%d\n", id);
		return 0;
	}
	if (argc != 3 || strcmp(argv[1], "attach") != 0) {
		fprintf(stderr, "usage: probe_shm create SIZE TEXT | attach ID\n");
		return 2;
	}
	if (shmat(atoi(argv[2]), NULL, SHM_RDONLY) == (void *)-1) {
		perror("probe_shm: shmat");
		return 1;
	}
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (;;)
		pause();
}
