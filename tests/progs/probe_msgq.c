/*
 * probe_msgq.c - test helper for message queues (msgget(2), msgsnd(2)).
 * usage: probe_msgq create MODE       prints the id of a new private queue
 *        probe_msgq send ID TYPE HEX  sends the bytes given in hex
 *        probe_msgq recv ID TYPE      receives one (blocking), prints its size
 *        probe_msgq fill ID N         sends N text messages of types 1, 2, 3...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>

int
main(int argc, char **argv)
{
	struct { long type; char text[1024]; } m;
	size_t n = 0;
	unsigned b;
	const char *h;
	int id;

	if (argc == 3 && strcmp(argv[1], "create") == 0) {
		id = msgget(IPC_PRIVATE, IPC_CREAT | (int)strtol(argv[2], NULL, 8));
		if (id < 0) {
			perror("probe_msgq: msgget");
			return 1;
		}
		printf("%d\n", id);
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "fill") == 0) {
		for (id = 0; id < atoi(argv[3]); id++) {
			m.type = id + 1;
			n = (size_t)snprintf(m.text, sizeof(m.text),
			    "message %d", id);
			if (msgsnd(atoi(argv[2]), &m, n, IPC_NOWAIT) < 0) {
				perror("probe_msgq: msgsnd");
				return 1;
			}
		}
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "recv") == 0) {
		ssize_t r = msgrcv(atoi(argv[2]), &m, sizeof(m.text),
		    atol(argv[3]), 0);

		if (r < 0) {
			perror("probe_msgq: msgrcv");
			return 1;
		}
		printf("%zd\n", r);
		return 0;
	}
	if (argc != 5 || strcmp(argv[1], "send") != 0) {
		fprintf(stderr, "usage: probe_msgq create MODE | send ID TYPE HEX | recv ID TYPE | fill ID N\n");
		return 2;
	}
	m.type = atol(argv[3]);
	for (h = argv[4]; h[0] && h[1] && n < sizeof(m.text); h += 2) {
		if (sscanf(h, "%2x", &b) != 1)
			return 2;
		m.text[n++] = (char)b;
	}
	if (msgsnd(atoi(argv[2]), &m, n, IPC_NOWAIT) < 0) {
		perror("probe_msgq: msgsnd");
		return 1;
	}
	return 0;
}
