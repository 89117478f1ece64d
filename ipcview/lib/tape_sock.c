/*
 * tape_sock.c - the tape's UNIX domain sockets: socketpair, socket, bind,
 * listen, connect, accept, shutdown, their bytes (read, write, send*,
 * recv*, sendmmsg, recvmmsg), and descriptors passed with
 * SCM_RIGHTS; peers and types asked of the kernel through sock_diag.
 */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <linux/inet_diag.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>

#include "tape.h"
#include "tape_int.h"

#define SO_NCACHE	256	/* socket inodes whose family is known */
#define SO_NRIGHTS	16	/* descriptors told per message */
#define SO_NMMSG	64	/* messages of a sendmmsg or recvmmsg told */

static int so_nl = -1;		/* the NETLINK_SOCK_DIAG socket */

/*
 * Descriptors sent lately, by the socket they went to: the receiver's
 * record names the sender even after the sender closed its end.
 */
#define SO_NSENT	16
static struct {
	unsigned long	to;	/* the receiving socket's inode */
	pid_t		from;
} so_sent[SO_NSENT];
static int so_nsent;

static struct {
	unsigned long	ino;
	int		type;	/* 0: not a UNIX socket */
} so_cache[SO_NCACHE];

/*
 * One unix_diag request for socket ino: 1 with its type, peer and name
 * (path, "@abstract" or ""), 0 when it is no UNIX socket, -1 when the
 * kernel could not be asked.
 */
static int
so_diag(unsigned long ino, int *type, unsigned long *peer, char *name,
    size_t size)
{
	struct {
		struct nlmsghdr		nlh;
		struct unix_diag_req	req;
	} q;
	union {
		struct nlmsghdr	nlh;
		char		b[4096];
	} ans;
	struct unix_diag_msg *m;
	struct nlmsgerr *err;
	struct rtattr *a;
	ssize_t n;
	int len, try;

	if (peer != NULL)
		*peer = 0;
	if (name != NULL && size > 0)
		name[0] = '\0';
	memset(&q, 0, sizeof(q));
	q.nlh.nlmsg_len = sizeof(q);
	q.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	q.nlh.nlmsg_flags = NLM_F_REQUEST;
	q.req.sdiag_family = AF_UNIX;
	q.req.udiag_ino = (unsigned)ino;
	q.req.udiag_show = UDIAG_SHOW_PEER | UDIAG_SHOW_NAME;
	q.req.udiag_cookie[0] = q.req.udiag_cookie[1] = INET_DIAG_NOCOOKIE;
	for (try = 0; try < 2; try++) {
		if (so_nl < 0)
			so_nl = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC,
			    NETLINK_SOCK_DIAG);
		if (so_nl < 0)
			return -1;
		if (send(so_nl, &q, sizeof(q), 0) == (ssize_t)sizeof(q))
			break;
		close(so_nl);
		so_nl = -1;
	}
	if (so_nl < 0)
		return -1;
	while ((n = recv(so_nl, &ans, sizeof(ans), 0)) < 0 && errno == EINTR)
		;
	if (n < (ssize_t)sizeof(struct nlmsghdr) || !NLMSG_OK(&ans.nlh, n))
		return -1;
	if (ans.nlh.nlmsg_type == NLMSG_ERROR) {
		err = NLMSG_DATA(&ans.nlh);
		return err->error == -ENOENT ? 0 : -1;
	}
	if (ans.nlh.nlmsg_type != SOCK_DIAG_BY_FAMILY)
		return -1;
	m = NLMSG_DATA(&ans.nlh);
	if (type != NULL)
		*type = m->udiag_type;
	len = (int)ans.nlh.nlmsg_len - (int)NLMSG_LENGTH(sizeof(*m));
	for (a = (struct rtattr *)(m + 1); RTA_OK(a, len);
	    a = RTA_NEXT(a, len)) {
		if (a->rta_type == UNIX_DIAG_PEER && peer != NULL &&
		    RTA_PAYLOAD(a) >= 4)
			*peer = *(unsigned *)RTA_DATA(a);
		if (a->rta_type == UNIX_DIAG_NAME && name != NULL &&
		    size > 1) {
			const char *p = RTA_DATA(a);
			size_t l = RTA_PAYLOAD(a), k = 0, i = 0;

			if (l > 0 && p[0] == '\0') {
				name[k++] = '@';
				i = 1;
			}
			for (; i < l && p[i] != '\0' && k < size - 1; i++)
				name[k++] = p[i];
			name[k] = '\0';
		}
	}
	return 1;
}

int
so_unix(unsigned long ino, int *type)
{
	int i = (int)(ino % SO_NCACHE), ty = 0, rc;

	if (so_cache[i].ino != ino || ino == 0) {
		rc = so_diag(ino, &ty, NULL, NULL, 0);
		if (rc < 0)
			ty = SOCK_STREAM;	/* cannot tell: it may be */
		so_cache[i].ino = ino;
		so_cache[i].type = rc == 0 ? 0 : ty;
	}
	if (type != NULL)
		*type = so_cache[i].type;
	return so_cache[i].type != 0;
}

unsigned long
so_peer(unsigned long ino)
{
	unsigned long peer = 0;

	return so_diag(ino, NULL, &peer, NULL, 0) == 1 ? peer : 0;
}

const char *
so_typename(int type)
{
	switch (type) {
	case SOCK_STREAM: return "stream";
	case SOCK_DGRAM: return "dgram";
	case SOCK_SEQPACKET: return "seqpacket";
	default: return "?";
	}
}

/* Whether pid holds socket ino. */
static int
so_holds(pid_t pid, unsigned long ino)
{
	char path[300], link[64], want[40];
	struct dirent *d;
	int found = 0;
	DIR *dir;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	snprintf(want, sizeof(want), "socket:[%lu]", ino);
	dir = opendir(path);
	if (dir == NULL)
		return 0;
	while (!found && (d = readdir(dir)) != NULL) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/%d/fd/%s", (int)pid,
		    d->d_name);
		n = readlink(path, link, sizeof(link) - 1);
		if (n > 0) {
			link[n] = '\0';
			found = strcmp(link, want) == 0;
		}
	}
	closedir(dir);
	return found;
}

pid_t
so_holder(struct tracer *tr, unsigned long ino, pid_t not)
{
	struct tp *t;
	int i;

	if (ino == 0)
		return 0;
	for (i = 0; i < 256; i++)
		for (t = tr->hash[i]; t != NULL; t = t->next)
			if (!t->thread && t->pid != not &&
			    so_holds(t->pid, ino))
				return t->pid;
	return 0;
}

/* The path of a sockaddr_un of the tracee: "/tmp/s", "@name" or "". */
static void
so_addr(pid_t pid, unsigned long addr, unsigned long len, char *buf,
    size_t size)
{
	struct sockaddr_un sa;
	size_t off = offsetof(struct sockaddr_un, sun_path), i, k = 0;

	buf[0] = '\0';
	if (len > sizeof(sa))
		len = sizeof(sa);
	memset(&sa, 0, sizeof(sa));
	if (addr == 0 || len <= off || sys_peek(pid, addr, &sa, len) < 0 ||
	    sa.sun_family != AF_UNIX)
		return;
	i = 0;
	if (sa.sun_path[0] == '\0') {
		buf[k++] = '@';
		i = 1;
	}
	for (; i < len - off && sa.sun_path[i] != '\0' && k < size - 1; i++)
		buf[k++] = sa.sun_path[i];
	buf[k] = '\0';
}

/* The FK_* kind in a word of the tape. */
static const char *
so_kindname(int kind)
{
	switch (kind) {
	case FK_PIPE: return "pipe";
	case FK_FIFO: return "fifo";
	case FK_SOCK: return "socket";
	case FK_MQ: return "posix_queue";
	case FK_SHM: return "posix_shm";
	default: return "file";
	}
}

/* The key=values of a descriptor that went over a socket. */
static void
so_fdkeys(struct rb *r, struct tp *t, int fd)
{
	char path[64], link[256];
	unsigned long ino;
	ssize_t n;
	int kind;

	if (fd >= 0 && fd < TP_NFD)
		t->fdkind[fd] = 0;
	kind = sys_fdkind(t, fd, &ino);
	rb_num(r, "fd", fd);
	rb_str(r, "kind", so_kindname(kind));
	if (ino != 0)
		rb_num(r, "inode", (long)ino);
	if (kind == FK_FIFO || kind == FK_MQ || kind == FK_SHM ||
	    kind == FK_OTHER) {
		snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)t->pid, fd);
		n = readlink(path, link, sizeof(link) - 1);
		if (n > 0) {
			link[n] = '\0';
			rb_str(r, "path", link);
		}
	}
}

/*
 * A sendmsg or recvmsg that moved bytes: the descriptors its control
 * message carried (SCM_RIGHTS), read from the tracee's msghdr at hdr.
 */
static void
so_rights(struct tracer *tr, struct tp *t, unsigned long hdr, int sent)
{
	unsigned char cbuf[512];
	struct msghdr mh, local;
	struct cmsghdr *cm;
	unsigned long sino, peer;
	size_t len, i, nfd;
	pid_t other;
	struct rb r;
	int fds[SO_NRIGHTS];

	if (sys_peek(t->pid, hdr, &mh, sizeof(mh)) < 0 ||
	    mh.msg_control == NULL || mh.msg_controllen < sizeof(*cm))
		return;
	len = mh.msg_controllen < sizeof(cbuf) ? mh.msg_controllen :
	    sizeof(cbuf);
	if (sys_peek(t->pid, (unsigned long)mh.msg_control, cbuf, len) < 0)
		return;
	memset(&local, 0, sizeof(local));
	local.msg_control = cbuf;
	local.msg_controllen = len;
	if (sys_fdkind(t, (int)t->args[0], &sino) != FK_SOCK)
		return;
	peer = 0;
	other = -1;
	for (cm = CMSG_FIRSTHDR(&local); cm != NULL;
	    cm = CMSG_NXTHDR(&local, cm)) {
		if (cm->cmsg_level != SOL_SOCKET ||
		    cm->cmsg_type != SCM_RIGHTS || cm->cmsg_len < CMSG_LEN(0))
			continue;
		nfd = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		if (nfd > SO_NRIGHTS)
			nfd = SO_NRIGHTS;
		memcpy(fds, CMSG_DATA(cm), nfd * sizeof(int));
		if (other < 0) {
			peer = so_peer(sino);
			other = 0;
			for (i = 0; !sent && i < SO_NSENT; i++)
				if (so_sent[i].to == sino && sino != 0)
					other = so_sent[i].from;
			if (other == 0)
				other = so_holder(tr, peer, t->pid);
			if (sent && peer != 0) {
				so_sent[so_nsent % SO_NSENT].to = peer;
				so_sent[so_nsent++ % SO_NSENT].from = t->pid;
			}
		}
		for (i = 0; i < nfd; i++) {
			rb_start(&r, t->pid, sent ? "fd_passed" : "fd_received");
			so_fdkeys(&r, t, fds[i]);
			rb_num(&r, "socket", (long)sino);
			if (peer != 0)
				rb_num(&r, "peer", (long)peer);
			if (other > 0)
				rb_num(&r, sent ? "to" : "from", other);
			rb_end(&r, tr->out);
		}
	}
}

/* A record of a call on socket fd: its inode, type. */
static void
so_start(struct rb *r, struct tp *t, const char *call, int fd,
    unsigned long *ino)
{
	int type = 0;

	rb_start(r, t->pid, "sock");
	rb_str(r, "call", call);
	rb_num(r, "fd", fd);
	if (*ino != 0) {
		rb_num(r, "inode", (long)*ino);
		if (so_unix(*ino, &type))
			rb_str(r, "type", so_typename(type));
	}
}

/* socketpair(2) returned: the pair, its descriptors and inodes. */
static void
so_pair(struct tracer *tr, struct tp *t, long rval)
{
	unsigned long ino[2] = { 0, 0 };
	struct rb r;
	char n[24];
	int fds[2], i;

	rb_start(&r, t->pid, "sock");
	rb_str(&r, "call", "socketpair");
	rb_str(&r, "type", so_typename((int)(t->args[1] & 0xf)));
	if (rval == 0 && sys_peek(t->pid, t->args[3], fds, sizeof(fds)) == 0) {
		memset(t->fdkind, 0, sizeof(t->fdkind));
		for (i = 0; i < 2; i++)
			sys_fdkind(t, fds[i], &ino[i]);
		rb_key(&r, "fds");
		for (i = 0; i < 2; i++) {
			snprintf(n, sizeof(n), "%d", fds[i]);
			rb_item(&r, n, i == 0);
		}
		rb_key(&r, "inodes");
		for (i = 0; i < 2; i++) {
			snprintf(n, sizeof(n), "%lu", ino[i]);
			rb_item(&r, n, i == 0);
		}
	}
	sys_result(&r, rval);
	rb_end(&r, tr->out);
}

/* accept(2) or accept4(2): the new descriptor, its peer, the listener. */
static void
so_accept(struct tracer *tr, struct tp *t, const char *call, long rval)
{
	unsigned long lino, ino = 0, peer;
	char path[112];
	struct rb r;

	if (sys_fdkind(t, (int)t->args[0], &lino) != FK_SOCK)
		return;
	if (rval >= 0) {
		memset(t->fdkind, 0, sizeof(t->fdkind));
		sys_fdkind(t, (int)rval, &ino);
	}
	so_start(&r, t, call, rval >= 0 ? (int)rval : (int)t->args[0],
	    rval >= 0 ? &ino : &lino);
	rb_num(&r, "listener", (long)lino);
	if (so_diag(lino, NULL, NULL, path, sizeof(path)) == 1 &&
	    path[0] != '\0')
		rb_str(&r, "path", path);
	if (rval >= 0 && (peer = so_peer(ino)) != 0)
		rb_num(&r, "peer", (long)peer);
	sys_result(&r, rval);
	rb_end(&r, tr->out);
}

/* bind(2), connect(2) and listen(2) on a UNIX socket. */
static void
so_named(struct tracer *tr, struct tp *t, const char *call, long rval)
{
	unsigned long ino, peer;
	char path[112];
	struct rb r;

	if (sys_fdkind(t, (int)t->args[0], &ino) != FK_SOCK)
		return;
	so_start(&r, t, call, (int)t->args[0], &ino);
	if (strcmp(call, "listen") == 0) {
		rb_num(&r, "backlog", (long)(int)t->args[1]);
	} else {
		so_addr(t->pid, t->args[1], t->args[2], path, sizeof(path));
		rb_str(&r, "path", path);
	}
	if (strcmp(call, "connect") == 0 && rval == 0 &&
	    (peer = so_peer(ino)) != 0)
		rb_num(&r, "peer", (long)peer);
	sys_result(&r, rval);
	rb_end(&r, tr->out);
}

/* socket(2) returned: the new socket, or the type asked for. */
static void
so_socket(struct tracer *tr, struct tp *t, long rval)
{
	unsigned long ino = 0;
	struct rb r;

	if (rval >= 0) {
		memset(t->fdkind, 0, sizeof(t->fdkind));
		sys_fdkind(t, (int)rval, &ino);
	}
	so_start(&r, t, "socket", (int)rval, &ino);
	if (ino == 0)
		rb_str(&r, "type", so_typename((int)(t->args[1] & 0xf)));
	sys_result(&r, rval);
	rb_end(&r, tr->out);
}

/*
 * sendmmsg(2) or recvmmsg(2) returned rval messages: their bytes (each
 * mmsghdr's msg_len) as one call of a run, end of file for a stream or
 * seqpacket socket that gave only empty ones, and the descriptors each
 * message carried.
 */
static void
so_mmsg(struct tracer *tr, struct tp *t, long rval, int sent)
{
	struct mmsghdr m[SO_NMMSG];
	long i, n = rval < SO_NMMSG ? rval : SO_NMMSG, sum = 0;
	unsigned long ino;
	int type = 0;

	if (rval < 0)
		sys_io(tr, t, sent ? 'w' : 'r', rval, 0);	/* EPIPE */
	if (rval <= 0)
		return;
	if (sys_peek(t->pid, t->args[1], m, (size_t)n * sizeof(m[0])) < 0)
		return;
	for (i = 0; i < n; i++)
		sum += m[i].msg_len;
	if (!sent && sum == 0 && (sys_fdkind(t, (int)t->args[0], &ino) !=
	    FK_SOCK || !so_unix(ino, &type) || type == SOCK_DGRAM))
		return;	/* empty datagrams: no end of file */
	sys_io(tr, t, sent ? 'w' : 'r', sum, 0);
	for (i = 0; i < n; i++)
		so_rights(tr, t, t->args[1] + (unsigned long)i * sizeof(m[0]),
		    sent);
}

/* shutdown(2) of a UNIX socket: which way, and its result. */
static void
so_shutdown(struct tracer *tr, struct tp *t, long rval)
{
	unsigned long ino;
	struct rb r;
	int how = (int)t->args[1];

	if (sys_fdkind(t, (int)t->args[0], &ino) != FK_SOCK)
		return;
	sys_flush(tr, t);
	so_start(&r, t, "shutdown", (int)t->args[0], &ino);
	rb_str(&r, "how", how == SHUT_RD ? "SHUT_RD" : how == SHUT_WR ?
	    "SHUT_WR" : how == SHUT_RDWR ? "SHUT_RDWR" : "?");
	sys_result(&r, rval);
	rb_end(&r, tr->out);
}

/* The calls whose record names the call, and what writes it. */
static const struct {
	long		nr;
	const char	*name;
	void		(*rec)(struct tracer *, struct tp *, const char *, long);
} so_calls[] = {
	{ SYS_bind, "bind", so_named },
	{ SYS_connect, "connect", so_named },
	{ SYS_listen, "listen", so_named },
	{ SYS_accept, "accept", so_accept },
	{ SYS_accept4, "accept4", so_accept },
};

int
so_exit(struct tracer *tr, struct tp *t, long nr, long rval)
{
	unsigned long *a = t->args;
	size_t i;

	for (i = 0; i < sizeof(so_calls) / sizeof(so_calls[0]); i++)
		if (so_calls[i].nr == nr) {
			so_calls[i].rec(tr, t, so_calls[i].name, rval);
			return 1;
		}
	switch (nr) {
	case SYS_socket:
		if (a[0] == AF_UNIX)
			so_socket(tr, t, rval);
		return 1;
	case SYS_socketpair:
		if (a[0] == AF_UNIX)
			so_pair(tr, t, rval);
		return 1;
	case SYS_sendto:
		sys_io(tr, t, 'w', rval, 0);
		return 1;
	case SYS_sendmsg:
		sys_io(tr, t, 'w', rval, 0);
		if (rval >= 0)
			so_rights(tr, t, a[1], 1);
		return 1;
	case SYS_recvfrom:
		if (!(a[3] & MSG_PEEK) && (rval != 0 || a[2] > 0))
			sys_io(tr, t, 'r', rval, 0);
		return 1;
	case SYS_recvmsg:
		if (!(a[2] & MSG_PEEK))
			sys_io(tr, t, 'r', rval, 0);
		if (rval >= 0)
			so_rights(tr, t, a[1], 0);
		return 1;
	case SYS_sendmmsg:
		so_mmsg(tr, t, rval, 1);
		return 1;
	case SYS_recvmmsg:
		if (!(a[3] & MSG_PEEK))
			so_mmsg(tr, t, rval, 0);
		return 1;
	case SYS_shutdown:
		so_shutdown(tr, t, rval);
		return 1;
	default:
		return 0;
	}
}
