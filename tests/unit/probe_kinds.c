/*
 * probe_kinds.c - unit test of the one descriptor scan: a child holding a
 * pipe, a socketpair, a POSIX queue, an eventfd and a shm object (also
 * mapped) is in all five collections of one snapshot, uncached and from
 * the cache, with what this test put in each; once it closes and unmaps
 * the POSIX ones (it runs), the cached sample no longer shows them.
 */
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "probe.h"
#include "unit.h"

static const struct probe_opts opts = { .nmsgs = 0, .flags = PROBE_NO_SYSV };

/*
 * Whether one of the n items at v is pid's: each item size bytes, its pid
 * at offset off (the ends of a pipe or socket, the holders of a POSIX
 * object).
 */
static int
has_pid(const void *v, size_t n, size_t size, size_t off, pid_t pid)
{
	pid_t p;
	size_t k;

	for (k = 0; k < n; k++) {
		memcpy(&p, (const char *)v + k * size + off, sizeof(p));
		if (p == pid)
			return 1;
	}
	return 0;
}

static int
has_end(const struct snap_end *v, size_t n, pid_t pid)
{
	return has_pid(v, n, sizeof(*v), offsetof(struct snap_end, pid), pid);
}

static int
has_holder(const struct snap_pmq_end *v, size_t n, pid_t pid)
{
	return has_pid(v, n, sizeof(*v), offsetof(struct snap_pmq_end, pid),
	    pid);
}

/* What s says of kid's five objects, one line (the inodes name them). */
static void
kinds(const struct snapshot *s, pid_t kid, unsigned long pipe_ino,
    unsigned long sock_ino, const char *mq, const char *shm, char *buf,
    size_t size)
{
	const char *pipe = "pipe -", *sock = "sock -", *pmq = "pmq -";
	const char *efd = "eventfd -", *pshm = "shm -";
	char b[5][96];
	size_t i, k;

	if (s == NULL) {
		snprintf(buf, size, "no snapshot");
		return;
	}
	for (i = 0; i < s->npipes; i++) {
		const struct snap_pipe *p = &s->pipes[i];

		if (p->inode != pipe_ino)
			continue;
		snprintf(b[0], sizeof(b[0]), "pipe r=%d w=%d fill=%ld",
		    has_end(p->readers, p->nreaders, kid),
		    has_end(p->writers, p->nwriters, kid), p->fill);
		pipe = b[0];
	}
	for (i = 0; i < s->nsocks; i++) {
		const struct snap_sock *k2 = &s->socks[i];

		if (k2->inode != sock_ino)
			continue;
		snprintf(b[1], sizeof(b[1]), "sock held=%d inq=%ld",
		    has_end(k2->holders, k2->nholders, kid), k2->inq);
		sock = b[1];
	}
	for (i = 0; i < s->npmqs; i++) {
		const struct snap_pmq *q = &s->pmqs[i];

		if (strcmp(q->name, mq) != 0)
			continue;
		snprintf(b[2], sizeof(b[2]),
		    "pmq held=%d msgs=%ld/%ld unlinked=%d",
		    has_holder(q->holders, q->nholders, kid), q->curmsgs,
		    q->maxmsg, q->unlinked);
		pmq = b[2];
	}
	for (i = 0; i < s->nanonfds; i++) {
		const struct snap_anonfd *a = &s->anonfds[i];

		if (a->kind != SNAP_EVENTFD || a->pid != kid)
			continue;
		snprintf(b[3], sizeof(b[3]), "eventfd count=%llu", a->count);
		efd = b[3];
	}
	for (i = 0; i < s->npshms; i++) {
		const struct snap_pshm *m = &s->pshms[i];
		int mapped = 0;

		if (strcmp(m->name, shm) != 0)
			continue;
		for (k = 0; k < m->nmappers; k++)
			mapped |= m->mappers[k] == kid;
		snprintf(b[4], sizeof(b[4]), "shm held=%d mapped=%d size=%ld "
		    "text=%.*s", has_holder(m->holders, m->nholders, kid),
		    mapped, m->size, (int)m->npreview,
		    m->readable ? (const char *)m->preview : "");
		pshm = b[4];
	}
	snprintf(buf, size, "%s | %s | %s | %s | %s", pipe, sock, pmq, efd,
	    pshm);
}

/* Waits (5 s at most) until kid sleeps in its read of the command pipe. */
static void
wait_asleep(pid_t kid)
{
	struct timespec ms = { 0, 10 * 1000 * 1000 };
	const struct snap_proc *p;
	struct snapshot *s;
	int i, done = 0;

	for (i = 0; i < 500 && !done; i++) {
		s = probe_take(kid, &opts);
		p = s ? snap_proc_find(s, kid) : NULL;
		done = p != NULL && p->state == 'S' &&
		    strcmp(p->wchan, "pipe read") == 0;
		snapshot_free(s);
		if (!done)
			nanosleep(&ms, NULL);
	}
}

int
main(void)
{
	struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 16 };
	char mq[64], shm[64], want[512], got[512];
	int p[2], sv[2], cmd[2], ack[2], efd, shmfd;
	struct probe_cache *pc;
	struct snapshot *s;
	struct stat pst, sst;
	char *map, c;
	mqd_t q;
	pid_t kid;
	int i;

	snprintf(mq, sizeof(mq), "/ipcsh-unit-%d-q", (int)getpid());
	snprintf(shm, sizeof(shm), "/ipcsh-unit-%d-m", (int)getpid());
	if (pipe(p) < 0 || pipe(cmd) < 0 || pipe(ack) < 0 ||
	    socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0 ||
	    (efd = eventfd(5, 0)) < 0) {
		unit_check("probe_kinds", "setup", "made", NULL);
		return 1;
	}
	q = mq_open(mq, O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
	mq_unlink(mq);	/* held, not named: nothing is left if we die */
	shmfd = shm_open(shm, O_RDWR | O_CREAT | O_EXCL, 0600);
	shm_unlink(shm);
	if (q == (mqd_t)-1 || shmfd < 0 || ftruncate(shmfd, 4096) < 0 ||
	    (map = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
	    shmfd, 0)) == MAP_FAILED) {
		unit_check("probe_kinds", "setup", "posix objects made", NULL);
		return 1;
	}
	memcpy(map, "hi", 3);
	/*
	 * Mappings made after it lie below it and are listed before it: its
	 * line in /proc/PID/maps comes after the first page (which a read of
	 * that file returns alone).
	 */
	for (i = 0; i < 256; i++)
		if (mmap(NULL, 4096, i % 2 ? PROT_READ : PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED) {
			unit_check("probe_kinds", "setup", "mapped", NULL);
			return 1;
		}
	if (write(p[1], "abc", 3) != 3 || write(sv[0], "1234567", 7) != 7 ||
	    mq_send(q, "m", 1, 1) < 0 || fstat(p[0], &pst) < 0 ||
	    fstat(sv[1], &sst) < 0 || (kid = fork()) < 0) {
		unit_check("probe_kinds", "setup", "filled", NULL);
		return 1;
	}
	if (kid == 0) {
		close(cmd[1]);
		close(ack[0]);
		while (read(cmd[0], &c, 1) == 1) {
			mq_close(q);
			close(shmfd);
			munmap(map, 4096);
			if (write(ack[1], "k", 1) != 1)
				_exit(1);
		}
		_exit(0);
	}
	close(cmd[0]);
	close(ack[1]);
	close(p[0]);
	close(p[1]);
	close(sv[0]);
	close(sv[1]);
	mq_close(q);
	close(efd);
	close(shmfd);
	munmap(map, 4096);
	wait_asleep(kid);
	snprintf(want, sizeof(want), "pipe r=1 w=1 fill=3 | sock held=1 "
	    "inq=7 | pmq held=1 msgs=1/4 unlinked=1 | eventfd count=5 | "
	    "shm held=1 mapped=1 size=4096 text=hi");
	s = probe_take(kid, &opts);
	kinds(s, kid, pst.st_ino, sst.st_ino, mq, shm, got, sizeof(got));
	unit_check("probe_kinds", "one-snapshot", want, got);
	snapshot_free(s);
	/* the third sample takes the sleeper's descriptors from the cache */
	pc = probe_cache_new();
	for (i = 0; i < 3; i++) {
		s = probe_take_cached(&kid, 1, &opts, pc);
		kinds(s, kid, pst.st_ino, sst.st_ino, mq, shm, got,
		    sizeof(got));
		snapshot_free(s);
		if (i == 0)
			unit_check("probe_kinds", "cache-first", want, got);
	}
	unit_check("probe_kinds", "cache-reused", want, got);
	if (write(cmd[1], "x", 1) != 1 || read(ack[0], &c, 1) != 1)
		return 1;
	wait_asleep(kid);
	s = probe_take_cached(&kid, 1, &opts, pc);
	kinds(s, kid, pst.st_ino, sst.st_ino, mq, shm, got, sizeof(got));
	snapshot_free(s);
	unit_check("probe_kinds", "cache-closed-unmapped", "pipe r=1 w=1 "
	    "fill=3 | sock held=1 inq=7 | pmq - | eventfd count=5 | shm -",
	    got);
	probe_cache_free(pc);
	kill(kid, SIGTERM);
	waitpid(kid, NULL, 0);
	close(cmd[1]);
	close(ack[0]);
	return unit_failed;
}
