/*
 * tape_story.c - a group of tape records (one pipeline) told short: who
 * wrote how much into which pipe, who read it and saw end of file, and
 * how each process ended, in English or Chinese.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tape.h"

#define S_MAX	64

#define S_NSIG	4	/* signals told per process */

/* A signal delivered: who sent it, what became of it. */
struct st_sig {
	char	name[16];
	pid_t	from;		/* 0: the kernel (or the terminal) */
	char	how[16];	/* kill, tgkill, terminal, kernel... */
	char	action[16];	/* default, ignore, handler */
	int	returned;	/* the handler's rt_sigreturn was seen */
};

struct st_proc {
	pid_t	pid;
	char	name[32];
	char	kind[12];	/* builtin, function, subshell (no exec); shell, self (own) */
	int	ended, status;
	char	signame[16];	/* killed by this signal, or empty */
	struct st_sig sent;	/* the last one sent to it, not yet delivered */
	int	nsig;
	struct st_sig sig[S_NSIG];
};

struct st_end {
	pid_t	pid;
	int	writer;
	long	bytes;
	int	est, eof, epipe;
};

/* A pipe, FIFO or socket (whose bytes come out of its peer). */
struct st_pipe {
	unsigned long	inode;
	char		path[64];	/* a FIFO's, as opened or held */
	int		sock;
	unsigned long	peer;		/* a socket's; 0: not known */
	int		n;
	struct st_end	e[S_MAX];
};

#define S_NPASS		8	/* descriptors passed over sockets, told */
#define S_NPOSIX	8	/* POSIX queues and shm objects, told */

/* A descriptor sent with SCM_RIGHTS, and where it arrived. */
struct st_pass {
	pid_t		from, to;
	int		fd, rfd;	/* rfd -1: not seen received */
	unsigned long	sock;
	char		what[64];	/* "pipe 88" (en), kind and inode */
	char		kind[16];
	char		obj[48];
};

/* A POSIX queue or shm object by name. */
struct st_posix {
	int		shm;
	char		name[64];
	int		nsend, nrecv, nmap, unlinked;
	long		sent, recvd, size;
	long		prio_sent, prio_recvd;	/* the last */
};

struct tape_story {
	int		nproc, npipe, npass, nposix;
	struct st_proc	p[S_MAX];
	struct st_pipe	*pipes[S_MAX];
	struct st_pass	pass[S_NPASS];
	struct st_posix	posix[S_NPOSIX];
};

struct tape_story *
tape_story_new(void)
{
	return calloc(1, sizeof(struct tape_story));
}

void
tape_story_free(struct tape_story *s)
{
	int i;

	if (s == NULL)
		return;
	for (i = 0; i < s->npipe; i++)
		free(s->pipes[i]);
	free(s);
}

static const struct st_proc *
st_find(const struct tape_story *s, pid_t pid)
{
	int i;

	for (i = 0; i < s->nproc; i++)
		if (s->p[i].pid == pid)
			return &s->p[i];
	return NULL;
}

/* The process pid, added (named by its number) when it is new. */
static struct st_proc *
st_proc(struct tape_story *s, pid_t pid)
{
	const struct st_proc *p = st_find(s, pid);

	if (p != NULL)
		return &s->p[p - s->p];
	if (s->nproc == S_MAX)
		return NULL;
	s->p[s->nproc].pid = pid;
	snprintf(s->p[s->nproc].name, sizeof(s->p[0].name), "%d", (int)pid);
	return &s->p[s->nproc++];
}

/* The pipe or socket of inode, made when make is set. */
static struct st_pipe *
st_pipe(struct tape_story *s, unsigned long inode, int make)
{
	struct st_pipe *p;
	int i;

	for (i = 0; i < s->npipe; i++)
		if (s->pipes[i]->inode == inode)
			return s->pipes[i];
	if (!make || s->npipe == S_MAX || (p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->inode = inode;
	s->pipes[s->npipe++] = p;
	return p;
}

/* Sockets a and b are each other's peer. */
static void
st_peers(struct tape_story *s, unsigned long a, unsigned long b)
{
	struct st_pipe *p;

	if (a == 0 || b == 0)
		return;
	if ((p = st_pipe(s, a, 1)) != NULL) {
		p->sock = 1;
		p->peer = b;
	}
	if ((p = st_pipe(s, b, 1)) != NULL) {
		p->sock = 1;
		p->peer = a;
	}
}

static struct st_end *
st_end(struct tape_story *s, unsigned long inode, pid_t pid, int writer)
{
	struct st_pipe *p = st_pipe(s, inode, 1);
	int i;

	if (p == NULL)
		return NULL;
	for (i = 0; i < p->n; i++)
		if (p->e[i].pid == pid && p->e[i].writer == writer)
			return &p->e[i];
	if (p->n == S_MAX)
		return NULL;
	p->e[p->n].pid = pid;
	p->e[p->n].writer = writer;
	return &p->e[p->n++];
}

/* A socket record: who is whose peer. */
static void
st_sock(struct tape_story *s, const struct tape_rec *r)
{
	char *a, *b;

	st_proc(s, r->pid);
	if (tape_get(r, "inodes") != NULL) {
		a = tape_list_item(tape_get(r, "inodes"), 0);
		b = tape_list_item(tape_get(r, "inodes"), 1);
		if (a != NULL && b != NULL)
			st_peers(s, strtoul(a, NULL, 10), strtoul(b, NULL, 10));
		free(a);
		free(b);
	} else {
		st_peers(s, (unsigned long)tape_num(r, "inode", 0),
		    (unsigned long)tape_num(r, "peer", 0));
	}
}

/* A descriptor sent or received with SCM_RIGHTS. */
static void
st_pass(struct tape_story *s, const struct tape_rec *r)
{
	const char *kind = tape_get(r, "kind") ? tape_get(r, "kind") : "file";
	const char *obj = tape_get(r, "inode") ? tape_get(r, "inode") :
	    tape_get(r, "path") ? tape_get(r, "path") : "?";
	int sent = strcmp(r->event, "fd_passed") == 0, i;
	struct st_pass *p = NULL;

	st_proc(s, r->pid);
	for (i = 0; i < s->npass && p == NULL; i++) {
		struct st_pass *c = &s->pass[i];

		if (strcmp(c->kind, kind) == 0 && strcmp(c->obj, obj) == 0 &&
		    (sent ? c->from == 0 : c->rfd < 0))
			p = c;
	}
	if (p == NULL) {
		if (s->npass == S_NPASS)
			return;
		p = &s->pass[s->npass++];
		memset(p, 0, sizeof(*p));
		p->rfd = p->fd = -1;
		snprintf(p->kind, sizeof(p->kind), "%s", kind);
		snprintf(p->obj, sizeof(p->obj), "%s", obj);
	}
	if (sent) {
		p->from = r->pid;
		p->fd = (int)tape_num(r, "fd", -1);
		p->sock = (unsigned long)tape_num(r, "socket", 0);
		if (p->to == 0)
			p->to = (pid_t)tape_num(r, "to", 0);
	} else {
		p->to = r->pid;
		p->rfd = (int)tape_num(r, "fd", -1);
		if (p->from == 0)
			p->from = (pid_t)tape_num(r, "from", 0);
	}
}

/* A POSIX queue or shm call. */
static void
st_posix(struct tape_story *s, const struct tape_rec *r)
{
	const char *name = tape_get(r, "name"), *call = tape_get(r, "call");
	int shm = strcmp(r->event, "pshm") == 0, i;
	struct st_posix *x = NULL;

	if (name == NULL || call == NULL || tape_get(r, "errno") != NULL)
		return;
	st_proc(s, r->pid);
	for (i = 0; i < s->nposix && x == NULL; i++)
		if (s->posix[i].shm == shm &&
		    strcmp(s->posix[i].name, name) == 0)
			x = &s->posix[i];
	if (x == NULL) {
		if (s->nposix == S_NPOSIX)
			return;
		x = &s->posix[s->nposix++];
		memset(x, 0, sizeof(*x));
		x->shm = shm;
		snprintf(x->name, sizeof(x->name), "%s", name);
	}
	if (strcmp(call, "mq_timedsend") == 0) {
		x->nsend++;
		x->sent += tape_num(r, "size", 0);
		x->prio_sent = tape_num(r, "prio", 0);
	} else if (strcmp(call, "mq_timedreceive") == 0) {
		x->nrecv++;
		x->recvd += tape_num(r, "size", 0);
		x->prio_recvd = tape_num(r, "prio", 0);
	} else if (strcmp(call, "ftruncate") == 0) {
		x->size = tape_num(r, "size", 0);
	} else if (strcmp(call, "mmap") == 0) {
		x->nmap++;
	} else if (strstr(call, "unlink") != NULL) {
		x->unlinked = 1;
	}
}

int
tape_story_add(struct tape_story *s, const struct tape_rec *r)
{
	const char *op = tape_get(r, "op"), *end = tape_get(r, "end");
	unsigned long ino = (unsigned long)tape_num(r, "inode", 0);
	struct st_pipe *q;
	struct st_proc *p;
	struct st_end *e;

	if (tape_get(r, "own") != NULL && (p = st_proc(s, r->pid)) != NULL &&
	    p->kind[0] == '\0') {
		/* the shell itself: named by its builtin, or as the shell */
		snprintf(p->name, sizeof(p->name), "%s", tape_get(r, "cmd") ?
		    tape_get(r, "cmd") : "ipcsh");
		snprintf(p->kind, sizeof(p->kind), "%s", tape_get(r, "cmd") ?
		    "shell" : "self");
	}
	if (strcmp(r->event, "exec") == 0 && (p = st_proc(s, r->pid))) {
		tape_exec_name(r, p->name, sizeof(p->name));
		snprintf(p->kind, sizeof(p->kind), "%s",
		    tape_get(r, "builtin") == NULL ? "" : tape_get(r, "what") ?
		    tape_get(r, "what") : "builtin");
	} else if (strcmp(r->event, "fork") == 0 &&
	    (p = st_proc(s, r->pid)) != NULL) {
		/* a child that does not exec keeps its parent's program */
		char name[sizeof(p->name)];
		struct st_proc *c;

		snprintf(name, sizeof(name), "%s", p->name);
		c = st_proc(s, (pid_t)tape_num(r, "child", 0));
		if (c != NULL && atoi(name) != (int)r->pid) {
			snprintf(c->name, sizeof(c->name), "%s", name);
			memcpy(c->kind, p->kind, sizeof(c->kind));
		}
	} else if (strcmp(r->event, "exit") == 0 &&
	    (p = st_proc(s, r->pid))) {
		p->ended = 1;
		p->status = (int)tape_num(r, "status", -1);
		snprintf(p->signame, sizeof(p->signame), "%s",
		    tape_get(r, "signal") ? tape_get(r, "signal") : "");
	} else if (strcmp(r->event, "signal_sent") == 0 &&
	    (p = st_proc(s, (pid_t)tape_num(r, "target", 0))) != NULL) {
		memset(&p->sent, 0, sizeof(p->sent));
		snprintf(p->sent.name, sizeof(p->sent.name), "%s",
		    tape_get(r, "signal") ? tape_get(r, "signal") : "?");
		snprintf(p->sent.how, sizeof(p->sent.how), "%s",
		    tape_get(r, "how") ? tape_get(r, "how") : "kill");
		p->sent.from = r->pid;
	} else if (strcmp(r->event, "signal_delivered") == 0 &&
	    (p = st_proc(s, r->pid)) != NULL && p->nsig < S_NSIG) {
		struct st_sig *g = &p->sig[p->nsig++];
		const char *sig = tape_get(r, "signal");

		*g = p->sent;
		if (sig == NULL || strcmp(g->name, sig) != 0) {
			/* not sent by anyone on the tape: the kernel's */
			memset(g, 0, sizeof(*g));
			snprintf(g->how, sizeof(g->how), "kernel");
		}
		snprintf(g->name, sizeof(g->name), "%s", sig ? sig : "?");
		snprintf(g->action, sizeof(g->action), "%s",
		    tape_get(r, "action") ? tape_get(r, "action") : "default");
		memset(&p->sent, 0, sizeof(p->sent));
	} else if (strcmp(r->event, "sigreturn") == 0 &&
	    (p = st_proc(s, r->pid)) != NULL) {
		int i;

		for (i = p->nsig - 1; i >= 0; i--) {
			if (strcmp(p->sig[i].action, "handler") == 0 &&
			    !p->sig[i].returned && tape_get(r, "signal") &&
			    strcmp(p->sig[i].name, tape_get(r, "signal")) == 0) {
				p->sig[i].returned = 1;
				break;
			}
		}
	} else if ((strcmp(r->event, "pipe_fd") == 0 ||
	    strcmp(r->event, "fifo_open") == 0) && end != NULL && ino) {
		st_proc(s, r->pid);
		st_end(s, ino, r->pid, strcmp(end, "write") == 0);
		q = st_pipe(s, ino, 0);
		if (tape_get(r, "path") != NULL && q != NULL &&
		    q->path[0] == '\0')
			snprintf(q->path, sizeof(q->path), "%s",
			    tape_get(r, "path"));
	} else if (strcmp(r->event, "budget") == 0) {
		/* its counts stopped there: every end's is a lower bound */
		int i, k;

		for (i = 0; i < s->npipe; i++)
			for (k = 0; k < s->pipes[i]->n; k++)
				if (s->pipes[i]->e[k].pid == r->pid &&
				    s->pipes[i]->e[k].est == 0)
					s->pipes[i]->e[k].est = 1;
	} else if (strcmp(r->event, "sock") == 0) {
		st_sock(s, r);
	} else if (strncmp(r->event, "fd_", 3) == 0) {
		st_pass(s, r);
	} else if (strcmp(r->event, "pmq") == 0 ||
	    strcmp(r->event, "pshm") == 0) {
		st_posix(s, r);
	} else if ((strcmp(r->event, "pipe_io") == 0 ||
	    strcmp(r->event, "sock_io") == 0) && op != NULL && ino) {
		st_proc(s, r->pid);
		e = st_end(s, ino, r->pid, strcmp(op, "write") == 0);
		if (e == NULL)
			return -1;
		if (r->event[0] == 's' && st_pipe(s, ino, 0) != NULL)
			st_pipe(s, ino, 0)->sock = 1;
		if (strcmp(op, "eof") == 0)
			e->eof = tape_get(r, "inferred") != NULL ? 2 : 1;
		else if (tape_get(r, "errno") != NULL)
			e->epipe = 1;
		e->bytes += tape_num(r, "bytes", 0);
		/* 1: a lower bound; 2: about (from /proc/PID/io) */
		if (tape_num(r, "estimate", 0) != 0)
			e->est = strcmp(tape_get(r, "counted") ?
			    tape_get(r, "counted") : "", "io") == 0 ? 2 :
			    e->est > 0 ? e->est : 1;
	}
	return 0;
}

static const char *
st_name(const struct tape_story *s, pid_t pid)
{
	const struct st_proc *p = st_find(s, pid);

	return p != NULL ? p->name : "?";
}

/* Appends to a malloc'd text. */
static void
cat(char **out, const char *fmt, const char *a, long pid, long n)
{
	char piece[256], *tmp;

	snprintf(piece, sizeof(piece), fmt, a, pid, n);
	if (asprintf(&tmp, "%s%s", *out ? *out : "", piece) < 0)
		return;
	free(*out);
	*out = tmp;
}

/*
 * "echo 4711 (builtin)": a process by name and pid, and what the shell
 * ran itself in it without execve(2) (or in the shell itself: own
 * records). 1 when that was said in Chinese
 * (closed by a full-width parenthesis: no space after it).
 */
static int
st_who(const struct tape_story *s, pid_t pid, int zh, char **out)
{
	static const char *const kinds[][3] = {
		{ "builtin", " (builtin)", "（内建命令）" },
		{ "function", " (function)", "（函数）" },
		{ "subshell", " (subshell)", "（子 shell）" },
		{ "shell", " (in the shell itself)", "（shell 自身）" },
		{ "self", " (the shell itself)", "（shell 自身）" },
	};
	const struct st_proc *p = st_find(s, pid);
	size_t i;

	cat(out, "%s %ld", p != NULL ? p->name : "?", pid, 0);
	for (i = 0; p != NULL && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(p->kind, kinds[i][0]) == 0) {
			cat(out, "%s", kinds[i][zh ? 2 : 1], 0, 0);
			return zh;
		}
	return 0;
}

static void catn(char **out, const char *fmt, long n);

static void
st_side(const struct tape_story *s, const struct st_pipe *p, int writer,
    int zh, char **out)
{
	const char *w = p->sock ? (zh ? " 发送 %ld 字节" : " sent %ld bytes") :
	    (zh ? " 写入 %ld 字节" : " wrote %ld bytes");
	const char *rd = p->sock ? (zh ? " 接收 %ld 字节" :
	    " received %ld bytes") : (zh ? " 读出 %ld 字节" :
	    " read %ld bytes");
	int i, first = 1;

	for (i = 0; i < p->n; i++) {
		const struct st_end *e = &p->e[i];

		if (e->writer != writer)
			continue;
		if (!first)
			cat(out, "%s", zh ? "，" : ", ", 0, 0);
		first = 0;
		/* the verbs' leading space goes after a full-width ) */
		catn(out, (writer ? w : rd) + st_who(s, e->pid, zh, out),
		    e->bytes);
		/* about: while hot, every call of the process counts */
		if (e->est == 2 && writer)
			cat(out, "%s", zh ? "（约：转为只记事件期间，它的全部写入都计在内）" :
			    " (about: while hot, all its writes count)", 0, 0);
		else if (e->est == 2)
			cat(out, "%s", zh ? "（约：转为只记事件期间，它的全部读取都计在内）" :
			    " (about: while hot, all its reads count)", 0, 0);
		else if (e->est)
			cat(out, "%s", zh ? "（至少）" : " (at least)", 0, 0);
		if (e->eof == 2)
			cat(out, "%s", zh ? "，然后读到文件结束（推断）" :
			    ", then end of file (inferred)", 0, 0);
		else if (e->eof)
			cat(out, "%s", zh ? "，然后读到文件结束" :
			    ", then end of file", 0, 0);
		if (e->epipe)
			cat(out, "%s", zh ? "，然后写入失败 (EPIPE)" :
			    ", then its write failed (EPIPE)", 0, 0);
	}
	if (first)
		cat(out, "%s", zh ? "（不在录像中）" : "(not on the tape)", 0, 0);
}

/* "sig 104: SIGUSR1 from 100 (kill) → its handler ran, then rt_sigreturn" */
static void
st_signals(const struct tape_story *s, int zh, char **out)
{
	const struct st_proc *p;
	const struct st_sig *g;
	char from[64];
	int i, k;

	for (i = 0; i < s->nproc; i++) {
		p = &s->p[i];
		for (k = 0; k < p->nsig; k++) {
			g = &p->sig[k];
			if (g->from > 0 && g->from == p->pid)
				snprintf(from, sizeof(from), zh ?
				    "自己用 %s 发来的" : "from itself (%s)",
				    g->how);
			else if (g->from > 0)
				snprintf(from, sizeof(from), zh ?
				    " %d 用 %s 发来的" : "from %d (%s)",
				    (int)g->from, g->how);
			else if (strcmp(g->how, "terminal") == 0)
				snprintf(from, sizeof(from), "%s",
				    zh ? "终端发来的" : "from the terminal");
			else
				snprintf(from, sizeof(from), "%s",
				    zh ? "内核发来的" : "from the kernel");
			st_who(s, p->pid, zh, out);
			cat(out, "%s", zh ? "：收到" : ": SIG", 0, 0);
			if (zh) {
				cat(out, "%s", from, 0, 0);
				cat(out, " SIG%s", g->name, 0, 0);
			} else {
				cat(out, "%s ", g->name, 0, 0);
				cat(out, "%s", from, 0, 0);
			}
			if (strcmp(g->action, "handler") == 0)
				cat(out, "%s", g->returned ? (zh ?
				    " → 执行处理函数，然后经 rt_sigreturn 返回" :
				    " → its handler ran, then returned with rt_sigreturn") :
				    (zh ? " → 执行处理函数" :
				    " → its handler runs"), 0, 0);
			else if (strcmp(g->action, "ignore") == 0)
				cat(out, "%s", zh ? " → 被忽略" : " → ignored",
				    0, 0);
			else
				cat(out, "%s", zh ? " → 默认动作" :
				    " → default action", 0, 0);
			cat(out, "%s", "\n", 0, 0);
		}
	}
}

/* Whether p has ends of the kind (writers 1, readers 0). */
static int
st_has(const struct st_pipe *p, int writer)
{
	int i;

	for (i = 0; p != NULL && i < p->n; i++)
		if (p->e[i].writer == writer)
			return 1;
	return 0;
}

/*
 * Sockets, one line per direction: "socket 90 → 91: a 4711 sent 100
 * bytes → b 4712 received 100 bytes" (what is written into a socket is
 * read from its peer).
 */
static void
st_sockets(const struct tape_story *s, int zh, char **out)
{
	const struct st_pipe *p, *q;
	char ino[48];
	int i;

	for (i = 0; i < s->npipe; i++) {
		p = s->pipes[i];
		if (!p->sock)
			continue;
		q = NULL;
		if (p->peer != 0) {
			int k;

			for (k = 0; k < s->npipe; k++)
				if (s->pipes[k]->inode == p->peer)
					q = s->pipes[k];
		}
		if (st_has(p, 1)) {
			if (p->peer != 0)
				snprintf(ino, sizeof(ino), "%lu → %lu", p->inode,
				    p->peer);
			else
				snprintf(ino, sizeof(ino), "%lu", p->inode);
			cat(out, zh ? "套接字 %s：" : "socket %s: ", ino, 0, 0);
			st_side(s, p, 1, zh, out);
			if (p->peer == 0 && st_has(p, 0)) {
				/* its peer unknown: what came out of this one */
				cat(out, "%s", zh ? "；" : "; ", 0, 0);
				st_side(s, p, 0, zh, out);
			} else if (p->peer != 0) {
				cat(out, "%s", " → ", 0, 0);
				if (q != NULL)
					st_side(s, q, 0, zh, out);
				else
					cat(out, "%s", zh ? "（不在录像中）" :
					    "(not on the tape)", 0, 0);
			}
			cat(out, "%s", "\n", 0, 0);
		} else if (st_has(p, 0) && (q == NULL || !st_has(q, 1))) {
			/* read with nobody on the tape writing into its peer */
			snprintf(ino, sizeof(ino), "%lu", p->inode);
			cat(out, zh ? "套接字 %s：" : "socket %s: ", ino, 0, 0);
			st_side(s, p, 0, zh, out);
			cat(out, "%s", "\n", 0, 0);
		}
	}
}

/* Appends one number in fmt (its one conversion is %ld). */
static void
catn(char **out, const char *fmt, long n)
{
	char piece[128];

	snprintf(piece, sizeof(piece), fmt, n);
	cat(out, "%s", piece, 0, 0);
}

/* "4711 sent its fd 5 (pipe 88) to 4712 over socket 90; got as fd 3" */
static void
st_passes(const struct tape_story *s, int zh, char **out)
{
	const struct st_pass *p;
	char what[96], who[64];
	int i;

	for (i = 0; i < s->npass; i++) {
		p = &s->pass[i];
		snprintf(what, sizeof(what), "%s %s",
		    strcmp(p->kind, "pipe") == 0 ? (zh ? "管道" : "pipe") :
		    strcmp(p->kind, "socket") == 0 ? (zh ? "套接字" : "socket") :
		    strcmp(p->kind, "fifo") == 0 ? (zh ? "命名管道" : "FIFO") :
		    strcmp(p->kind, "posix_queue") == 0 ?
		    (zh ? "POSIX 消息队列" : "POSIX queue") :
		    strcmp(p->kind, "posix_shm") == 0 ?
		    (zh ? "POSIX 共享内存" : "POSIX shm") :
		    (zh ? "文件" : "file"), p->obj);
		if (p->to > 0)
			snprintf(who, sizeof(who), "%s %d", st_name(s, p->to),
			    (int)p->to);
		else
			snprintf(who, sizeof(who), "%s", zh ? "对端" : "the peer");
		if (p->from > 0)
			cat(out, "%s %ld", st_name(s, p->from), p->from, 0);
		else
			cat(out, "%s", "?", 0, 0);
		if (zh) {
			catn(out, " 经套接字 %ld", (long)p->sock);
			catn(out, " 把描述符 %ld", p->fd);
			cat(out, "（%s）传给 ", what, 0, 0);
			cat(out, "%s", who, 0, 0);
			if (p->rfd >= 0)
				catn(out, "，收到为描述符 %ld", p->rfd);
		} else {
			catn(out, " sent its fd %ld", p->fd);
			cat(out, " (%s) to ", what, 0, 0);
			cat(out, "%s", who, 0, 0);
			catn(out, " over socket %ld", (long)p->sock);
			if (p->rfd >= 0)
				catn(out, ", which got it as fd %ld", p->rfd);
		}
		cat(out, "%s", "\n", 0, 0);
	}
}

/* "POSIX queue /q: 1 sent (16 bytes, the last of priority 5), 1 received" */
static void
st_posixes(const struct tape_story *s, int zh, char **out)
{
	const struct st_posix *x;
	int i;

	for (i = 0; i < s->nposix; i++) {
		x = &s->posix[i];
		if (x->shm) {
			cat(out, zh ? "POSIX 共享内存 %s：" : "POSIX shm %s: ",
			    x->name, 0, 0);
			catn(out, zh ? "大小 %ld 字节" : "%ld bytes", x->size);
			catn(out, zh ? "，映射 %ld 次" : ", mmap calls: %ld",
			    x->nmap);
		} else {
			cat(out, zh ? "POSIX 消息队列 %s：" : "POSIX queue %s: ",
			    x->name, 0, 0);
			catn(out, zh ? "发送 %ld 条消息" : "%ld sent", x->nsend);
			if (x->nsend > 0) {
				catn(out, zh ? "（共 %ld 字节" : " (%ld bytes",
				    x->sent);
				catn(out, zh ? "，最后一条优先级 %ld）" :
				    ", the last of priority %ld)", x->prio_sent);
			}
			catn(out, zh ? "，接收 %ld 条" : ", %ld received",
			    x->nrecv);
			if (x->nrecv > 0) {
				catn(out, zh ? "（共 %ld 字节" : " (%ld bytes",
				    x->recvd);
				catn(out, zh ? "，最后一条优先级 %ld）" :
				    ", the last of priority %ld)", x->prio_recvd);
			}
		}
		if (x->unlinked)
			cat(out, "%s", zh ? "，然后被删除" : ", then removed", 0, 0);
		cat(out, "%s", "\n", 0, 0);
	}
}

char *
tape_story_text(const struct tape_story *s, int zh)
{
	char *out = NULL;
	int i, all0 = 1, ended = 0;

	for (i = 0; i < s->npipe; i++) {
		char ino[24];

		if (s->pipes[i]->sock)
			continue;
		snprintf(ino, sizeof(ino), "%lu", s->pipes[i]->inode);
		if (s->pipes[i]->path[0] != '\0')
			cat(&out, zh ? "命名管道 %s：" : "FIFO %s: ",
			    s->pipes[i]->path, 0, 0);
		else
			cat(&out, zh ? "管道 %s：" : "pipe %s: ", ino, 0, 0);
		st_side(s, s->pipes[i], 1, zh, &out);
		cat(&out, "%s", " → ", 0, 0);
		st_side(s, s->pipes[i], 0, zh, &out);
		cat(&out, "%s", "\n", 0, 0);
	}
	st_sockets(s, zh, &out);
	st_passes(s, zh, &out);
	st_posixes(s, zh, &out);
	st_signals(s, zh, &out);
	for (i = 0; i < s->nproc; i++) {
		if (!s->p[i].ended)
			continue;
		ended++;
		if (s->p[i].status != 0 || s->p[i].signame[0] != '\0')
			all0 = 0;
	}
	if (ended > 1 && all0) {
		if (ended == 2)
			cat(&out, "%s", zh ? "两个进程都以状态 0 退出\n" :
			    "both exited with status 0\n", 0, 0);
		else
			cat(&out, zh ? "%s全部 %ld 个进程都以状态 0 退出\n" :
			    "%sall %ld exited with status 0\n", "", ended, 0);
		return out;
	}
	for (i = 0; i < s->nproc; i++) {
		const struct st_proc *p = &s->p[i];

		if (!p->ended)
			continue;
		st_who(s, p->pid, zh, &out);
		if (p->signame[0] != '\0')
			cat(&out, "%s", zh ? "：被信号 SIG" : ": killed by SIG",
			    0, 0);
		else
			catn(&out, zh ? "：退出，状态 %ld" :
			    ": exited with status %ld", p->status);
		if (p->signame[0] != '\0')
			cat(&out, zh ? "%s 终止" : "%s", p->signame, 0, 0);
		cat(&out, "%s", "\n", 0, 0);
	}
	return out ? out : strdup("");
}
