/*
 * shm_writer.c - the lecture's shared-memory writer: makes a key with
 * ftok(3), creates a 512-byte segment with shmget(2), attaches it with
 * shmat(2), copies a text into it and detaches. The segment stays.
 * Usage: shm_writer [-v] FILE [TEXT]   (FILE: any existing file, for
 *        ftok; -v: also print the key and the shmid)
 */
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

#define SHM_SIZE 512

int
main(int argc, char **argv)
{
	const char *text = "How are you, mike: from Writer";
	key_t key;
	int id, c, verbose = 0;
	char *mem;

	while ((c = getopt(argc, argv, "v")) != -1) {
		if (c != 'v') {
			fprintf(stderr, "usage: shm_writer [-v] FILE [TEXT]\n");
			return 2;
		}
		verbose = 1;
	}
	if (argc - optind < 1 || argc - optind > 2) {
		fprintf(stderr, "usage: shm_writer [-v] FILE [TEXT]\n");
		return 2;
	}
	if (argc - optind == 2)
		text = argv[optind + 1];
	if (strlen(text) >= SHM_SIZE) {
		fprintf(stderr, "shm_writer: text longer than %d bytes\n",
		    SHM_SIZE - 1);
		return 2;
	}
	/* the same file and project id give the reader the same key */
	key = ftok(argv[optind], 'A');
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
	if (verbose)
		printf("Writer: key 0x%08x, shmid %d\n", (unsigned)key, id);
	/* the slide's line, leading blank included */
	printf(" Writer: copy data to shared-memory\n");
	/* an ordinary memory copy: no system call moves the data */
	strcpy(mem, text);
	if (shmdt(mem) < 0) {
		perror("shmdt");
		return 1;
	}
	return 0;
}
