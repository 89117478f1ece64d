/*
 * shm_ro.c - exercise: attach the writer's segment read-only. A store into
 * a segment attached with SHM_RDONLY is a fault the kernel answers with
 * SIGSEGV: the page is mapped without write permission.
 * Usage: shm_ro FILE   (the file shm_writer made its key from)
 */
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include "ipc_common.h"

int
main(int argc, char **argv)
{
	key_t key;
	int id;
	char *mem;

	if (argc != 2) {
		fprintf(stderr, "usage: shm_ro FILE\n");
		return 2;
	}
	key = ftok(argv[1], 'A');
	id = shmget(key, 0, 0);
	if (key == -1 || id < 0)
		die("shmget");
	/* TODO: attach read-only (the third argument of shmat(2)) */
	mem = shmat(id, NULL, 0);
	if (mem == (void *)-1)
		die("shmat");
	printf("shm_ro: data = [ %s ]\n", mem);
	printf("shm_ro: now writing into it\n");
	fflush(stdout);
	strcpy(mem, "scribbled by shm_ro");
	printf("shm_ro: the write went through\n");
	shmdt(mem);
	return 0;
}
