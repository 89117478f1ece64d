/*
 * probe_posix.c - test helper holding POSIX queues and shm objects open.
 * usage: probe_posix mq NAME PRIO...   creates NAME (maxmsg 8, msgsize 64,
 *                                      mode 0640), sends "prio N" for each
 *        probe_posix mqrecv NAME       opens NAME and blocks in mq_receive
 *        probe_posix shm NAME SIZE TEXT creates NAME, SIZE bytes, maps it
 *                                      and writes TEXT at its start
 *        probe_posix shmmap NAME       maps the existing NAME
 *        probe_posix try NAME -n|SECS  one mq_receive (O_NONBLOCK, or
 *                                      mq_timedreceive): prints the errno
 *                                      name the C library gives, or "ok"
 * The others print "ready PID" once set up, then wait (pause) to be killed.
 */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void
ready(void)
{
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
}

static int
do_mq(int argc, char **argv)
{
	struct mq_attr a = { .mq_maxmsg = 8, .mq_msgsize = 64 };
	char text[64];
	mqd_t q;
	int i, n;

	q = mq_open(argv[2], O_RDWR | O_CREAT | O_EXCL, 0640, &a);
	if (q == (mqd_t)-1) {
		perror("probe_posix: mq_open");
		return 1;
	}
	for (i = 3; i < argc; i++) {
		n = snprintf(text, sizeof(text), "prio %s", argv[i]);
		if (mq_send(q, text, (size_t)n, (unsigned)atoi(argv[i])) < 0) {
			perror("probe_posix: mq_send");
			return 1;
		}
	}
	ready();
	for (;;)
		pause();
}

static int
do_mqrecv(const char *name)
{
	char buf[8192];
	unsigned prio;
	mqd_t q;

	q = mq_open(name, O_RDONLY);
	if (q == (mqd_t)-1) {
		perror("probe_posix: mq_open");
		return 1;
	}
	ready();
	if (mq_receive(q, buf, sizeof(buf), &prio) < 0) {
		perror("probe_posix: mq_receive");
		return 1;
	}
	return 0;
}

static int
do_shm(const char *name, int create, long size, const char *text)
{
	struct stat st;
	char *p;
	int fd;

	fd = shm_open(name, create ? O_RDWR | O_CREAT | O_EXCL : O_RDWR, 0600);
	if (fd < 0 || (create && ftruncate(fd, size) < 0) ||
	    fstat(fd, &st) < 0) {
		perror("probe_posix: shm_open");
		return 1;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED,
	    fd, 0);
	if (p == MAP_FAILED) {
		perror("probe_posix: mmap");
		return 1;
	}
	close(fd);	/* the mapping stays: shm_overview(7) */
	if (text != NULL)
		memcpy(p, text, strlen(text));
	ready();
	for (;;)
		pause();
}

static int
do_try(const char *name, const char *how)
{
	int nb = strcmp(how, "-n") == 0;
	struct timespec t;
	char buf[8192];
	mqd_t q;

	q = mq_open(name, O_RDONLY | (nb ? O_NONBLOCK : 0));
	if (q == (mqd_t)-1) {
		printf("mq_open %s\n", strerrorname_np(errno));
		return 1;
	}
	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += atoi(how);
	if ((nb ? mq_receive(q, buf, sizeof(buf), NULL) :
	    mq_timedreceive(q, buf, sizeof(buf), NULL, &t)) < 0) {
		printf("mq_receive %s\n", strerrorname_np(errno));
		return 1;
	}
	printf("ok\n");
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "try") == 0)
		return do_try(argv[2], argv[3]);
	if (argc >= 3 && strcmp(argv[1], "mq") == 0)
		return do_mq(argc, argv);
	if (argc == 3 && strcmp(argv[1], "mqrecv") == 0)
		return do_mqrecv(argv[2]);
	if (argc == 5 && strcmp(argv[1], "shm") == 0)
		return do_shm(argv[2], 1, atol(argv[3]), argv[4]);
	if (argc == 3 && strcmp(argv[1], "shmmap") == 0)
		return do_shm(argv[2], 0, 0, NULL);
	fprintf(stderr, "usage: probe_posix mq NAME PRIO... | mqrecv NAME | shm NAME SIZE TEXT | shmmap NAME\n");
	return 2;
}
