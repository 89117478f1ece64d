/*
 * session.c - the hosted shells' sessions: their members read from
 * /proc, and the end of all of them (HUP, then TERM, then KILL).
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "session.h"
#include "watch.h"

/* proc(5) stat: pid (comm) state ppid pgrp session ... */
static int
session_stat(const char *pid, struct session_proc *p, pid_t *sid)
{
	char path[64], buf[512], *l, *r;
	long pgid, sess;
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;	/* gone between open and read */
	buf[n] = '\0';
	l = strchr(buf, '(');
	r = strrchr(buf, ')');
	if (l == NULL || r == NULL || r < l)
		return -1;
	if (sscanf(r + 2, "%*c %*d %ld %ld", &pgid, &sess) != 2)
		return -1;
	p->pid = (pid_t)atol(pid);
	p->pgid = (pid_t)pgid;
	snprintf(p->comm, sizeof(p->comm), "%.*s", (int)(r - l - 1), l + 1);
	*sid = (pid_t)sess;
	return 0;
}

int
session_members(pid_t sid, struct session_proc *out, int max)
{
	struct session_proc p;
	struct dirent *d;
	DIR *dir;
	pid_t s;
	int n = 0;

	if ((dir = opendir("/proc")) == NULL)
		return 0;
	while (n < max && (d = readdir(dir)) != NULL) {
		if (!isdigit((unsigned char)d->d_name[0]))
			continue;
		if (session_stat(d->d_name, &p, &s) < 0 || s != sid ||
		    p.pid == sid)
			continue;
		out[n++] = p;
	}
	closedir(dir);
	return n;
}

void
session_grab(struct session_hold *h, pid_t sid)
{
	static struct session_proc m[SESSION_MAX];
	int i, j, n, fd;

	n = session_members(sid, m, SESSION_MAX);
	for (i = 0; i < n && h->n < SESSION_MAX; i++) {
		for (j = 0; j < h->n; j++)
			if (h->pid[j] == m[i].pid)
				break;
		if (j < h->n)
			continue;
		fd = (int)syscall(SYS_pidfd_open, m[i].pid, 0);
		if (fd < 0)
			continue;	/* it ended meanwhile */
		h->fd[h->n] = fd;
		h->pid[h->n++] = m[i].pid;
	}
}

void
session_signal(struct session_hold *h, int sig)
{
	int i;

	for (i = 0; i < h->n; i++) {
		syscall(SYS_pidfd_send_signal, h->fd[i], sig, NULL, 0);
		if (sig != SIGKILL)
			syscall(SYS_pidfd_send_signal, h->fd[i], SIGCONT,
			    NULL, 0);
	}
}

int
session_wait(struct session_hold *h, double secs)
{
	static struct pollfd pf[SESSION_MAX];
	double end = watch_now() + secs, left;
	int i, live;

	for (;;) {
		/* pidfd_open(2): readable once the process has ended */
		for (i = 0; i < h->n; i++)
			pf[i] = (struct pollfd){ .fd = h->fd[i],
			    .events = POLLIN };
		poll(pf, h->n, 0);
		for (i = 0, live = 0; i < h->n; i++)
			live += !(pf[i].revents & POLLIN);
		left = end - watch_now();
		if (live == 0 || left <= 0)
			return live;
		poll(NULL, 0, left > 0.02 ? 20 : (int)(left * 1000) + 1);
	}
}

void
session_end(struct session_hold *h, double grace)
{
	int i;

	if (h->n > 0) {
		session_signal(h, SIGHUP);
		if (session_wait(h, grace) > 0) {
			session_signal(h, SIGTERM);
			if (session_wait(h, grace) > 0) {
				session_signal(h, SIGKILL);
				session_wait(h, grace);
			}
		}
	}
	for (i = 0; i < h->n; i++)
		close(h->fd[i]);
	h->n = 0;
}
