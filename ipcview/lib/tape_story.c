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

struct st_pipe {
	unsigned long	inode;
	int		n;
	struct st_end	e[S_MAX];
};

struct tape_story {
	int		nproc, npipe;
	struct st_proc	p[S_MAX];
	struct st_pipe	*pipes[S_MAX];
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

static struct st_proc *
st_proc(struct tape_story *s, pid_t pid)
{
	int i;

	for (i = 0; i < s->nproc; i++)
		if (s->p[i].pid == pid)
			return &s->p[i];
	if (s->nproc == S_MAX)
		return NULL;
	s->p[s->nproc].pid = pid;
	snprintf(s->p[s->nproc].name, sizeof(s->p[0].name), "%d", (int)pid);
	return &s->p[s->nproc++];
}

static struct st_end *
st_end(struct tape_story *s, unsigned long inode, pid_t pid, int writer)
{
	struct st_pipe *p = NULL;
	int i;

	for (i = 0; i < s->npipe; i++)
		if (s->pipes[i]->inode == inode)
			p = s->pipes[i];
	if (p == NULL) {
		if (s->npipe == S_MAX ||
		    (p = calloc(1, sizeof(*p))) == NULL)
			return NULL;
		p->inode = inode;
		s->pipes[s->npipe++] = p;
	}
	for (i = 0; i < p->n; i++)
		if (p->e[i].pid == pid && p->e[i].writer == writer)
			return &p->e[i];
	if (p->n == S_MAX)
		return NULL;
	p->e[p->n].pid = pid;
	p->e[p->n].writer = writer;
	return &p->e[p->n++];
}

int
tape_story_add(struct tape_story *s, const struct tape_rec *r)
{
	const char *op = tape_get(r, "op"), *end = tape_get(r, "end");
	unsigned long ino = (unsigned long)tape_num(r, "inode", 0);
	struct st_proc *p;
	struct st_end *e;
	char *a, *b;

	if (strcmp(r->event, "exec") == 0 && (p = st_proc(s, r->pid))) {
		a = tape_list_item(tape_get(r, "argv"), 0);
		if (a != NULL) {
			b = strrchr(a, '/');
			snprintf(p->name, sizeof(p->name), "%s", b ? b + 1 : a);
			free(a);
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
	} else if (strcmp(r->event, "pipe_io") == 0 && op != NULL && ino) {
		st_proc(s, r->pid);
		e = st_end(s, ino, r->pid, strcmp(op, "write") == 0);
		if (e == NULL)
			return -1;
		if (strcmp(op, "eof") == 0)
			e->eof = 1;
		else if (tape_get(r, "errno") != NULL)
			e->epipe = 1;
		e->bytes += tape_num(r, "bytes", 0);
		e->est |= tape_num(r, "estimate", 0) != 0;
	}
	return 0;
}

static const char *
st_name(const struct tape_story *s, pid_t pid)
{
	int i;

	for (i = 0; i < s->nproc; i++)
		if (s->p[i].pid == pid)
			return s->p[i].name;
	return "?";
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

static void
st_side(const struct tape_story *s, const struct st_pipe *p, int writer,
    int zh, char **out)
{
	int i, first = 1;

	for (i = 0; i < p->n; i++) {
		const struct st_end *e = &p->e[i];

		if (e->writer != writer)
			continue;
		if (!first)
			cat(out, "%s", zh ? "，" : ", ", 0, 0);
		first = 0;
		if (writer)
			cat(out, zh ? "%s %ld 写入 %ld 字节" : "%s %ld wrote %ld bytes",
			    st_name(s, e->pid), e->pid, e->bytes);
		else
			cat(out, zh ? "%s %ld 读出 %ld 字节" : "%s %ld read %ld bytes",
			    st_name(s, e->pid), e->pid, e->bytes);
		if (e->est)
			cat(out, "%s", zh ? "（至少）" : " (at least)", 0, 0);
		if (e->eof)
			cat(out, "%s", zh ? "，然后读到文件结束" :
			    ", then end of file", 0, 0);
		if (e->epipe)
			cat(out, "%s", zh ? "，然后写入失败 (EPIPE)" :
			    ", then its write failed (EPIPE)", 0, 0);
	}
	if (first)
		cat(out, "%s", zh ? "（无人）" : "(nobody)", 0, 0);
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
			if (zh)
				cat(out, "%s %ld：收到", p->name, p->pid, 0);
			else
				cat(out, "%s %ld: SIG", p->name, p->pid, 0);
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

char *
tape_story_text(const struct tape_story *s, int zh)
{
	char *out = NULL;
	int i, all0 = 1, ended = 0;

	for (i = 0; i < s->npipe; i++) {
		char ino[24];

		snprintf(ino, sizeof(ino), "%lu", s->pipes[i]->inode);
		cat(&out, zh ? "管道 %s：" : "pipe %s: ", ino, 0, 0);
		st_side(s, s->pipes[i], 1, zh, &out);
		cat(&out, "%s", " → ", 0, 0);
		st_side(s, s->pipes[i], 0, zh, &out);
		cat(&out, "%s", "\n", 0, 0);
	}
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
		if (p->signame[0] != '\0')
			cat(&out, zh ? "%s %ld：被信号 SIG" : "%s %ld: killed by SIG",
			    p->name, p->pid, 0);
		else
			cat(&out, zh ? "%s %ld：退出，状态 %ld" :
			    "%s %ld: exited with status %ld", p->name, p->pid,
			    p->status);
		if (p->signame[0] != '\0')
			cat(&out, zh ? "%s 终止" : "%s", p->signame, 0, 0);
		cat(&out, "%s", "\n", 0, 0);
	}
	return out ? out : strdup("");
}
