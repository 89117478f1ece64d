/*
 * shm_writer.c - the lecture's shared-memory writer: makes a key with
 * ftok(3), creates a 512-byte segment with shmget(2), attaches it with
 * shmat(2), copies a text into it and detaches. The segment stays.
 * Usage: shm_writer FILE [TEXT]   (FILE: any existing file, for ftok)
 */
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#define SHM_SIZE 512

int
main(int argc, char **argv)
{
	const char *text = "How are you, mike: from Writer";
	key_t key;
	int id;
	char *mem;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: shm_writer FILE [TEXT]\n");
		return 2;
	}
	if (argc == 3)
		text = argv[2];
	if (strlen(text) >= SHM_SIZE) {
		fprintf(stderr, "shm_writer: text longer than %d bytes\n",
		    SHM_SIZE - 1);
		return 2;
	}
	/* the same file and project id give the reader the same key */
	key = ftok(argv[1], 'A');
	if (key == -1) {
		perror("ftok");
		return 1;
	}
	id = shmget(key, SHM_SIZE, IPC_CREAT | 0666);
	if (id < 0) {
		perror("shmget");
		return 1;
	}
	/* NULL: let the kernel choose where to map it; 0: read and write */
	mem = shmat(id, NULL, 0);
	if (mem == (void *)-1) {
		perror("shmat");
		return 1;
	}
	printf("Writer: key 0x%08x, shmid %d\n", (unsigned)key, id);
	printf("Writer: copy data to shared-memory\n");
	/* an ordinary memory copy: no system call moves the data */
	strcpy(mem, text);
	if (shmdt(mem) < 0) {
		perror("shmdt");
		return 1;
	}
	return 0;
}
