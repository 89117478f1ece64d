/*
 * endings.c - how each process ended: the tape's exit and signal_sent
 * records kept by pid, told as the sentence of an exit event (endings.h).
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "endings.h"
#include "sigtab.h"

#define END_N		512	/* endings kept */
#define END_NNAMES	256	/* names of senders kept (exec records) */

struct end {
	pid_t	pid;
	int	ended;		/* an exit record came */
	int	status;		/* -1: killed by a signal */
	int	core;
	char	sig[16];	/* the killing signal's name, no SIG */
	char	sent[16];	/* the last signal sent to it */
	pid_t	sender;		/* its sender, 0 the kernel */
	char	how[12];	/* kill, tgkill, sigqueue, terminal, kernel */
};

struct end_name {
	pid_t	pid;
	pid_t	parent;		/* forked, not exec'd yet: its parent's name */
	char	name[SNAP_COMM_MAX + 1];
};

struct end_tape {
	char	*path;		/* NULL: the one shell announces */
	pid_t	shell;
	struct tape_follow *tf;
};

struct endings {
	struct end	e[END_N];
	size_t		head, n;	/* e[head] the newest */
	struct end_name	names[END_NNAMES];
	size_t		nhead, nn;
	struct end_tape	tapes[ENDINGS_NTAPES];
	size_t		ntapes;
	int		nopen;		/* a tape gave records */
};

struct endings *
endings_new(void)
{
	return calloc(1, sizeof(struct endings));
}

void
endings_free(struct endings *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->ntapes; i++) {
		tape_follow_close(x->tapes[i].tf);
		free(x->tapes[i].path);
	}
	free(x);
}

int
endings_follow(struct endings *x, const char *path, pid_t shell)
{
	struct end_tape *t;

	if (x->ntapes == ENDINGS_NTAPES) {
		errno = ENOSPC;
		return -1;
	}
	t = &x->tapes[x->ntapes];
	memset(t, 0, sizeof(*t));
	if (path != NULL && (t->path = strdup(path)) == NULL)
		return -1;
	t->shell = shell;
	x->ntapes++;
	return 0;
}

/* The newest entry of pid, or NULL. */
static struct end *
end_find(const struct endings *x, pid_t pid)
{
	size_t i;
	const struct end *e;

	for (i = 0; i < x->n; i++) {
		e = &x->e[(x->head + END_N - i) % END_N];
		if (e->pid == pid)
			return (struct end *)e;
	}
	return NULL;
}

/* The entry of pid, a new one when it has none or has ended already. */
static struct end *
end_get(struct endings *x, pid_t pid, int for_exit)
{
	struct end *e = end_find(x, pid);

	/* a pid reused: a signal to the new process starts a new entry */
	if (e != NULL && (!e->ended || for_exit))
		return e;
	x->head = (x->head + 1) % END_N;
	if (x->n < END_N)
		x->n++;
	e = &x->e[x->head];
	memset(e, 0, sizeof(*e));
	e->pid = pid;
	e->sender = -1;
	return e;
}

/* pid runs the program name (exec), or copies parent (fork; name NULL). */
static void
end_name_add(struct endings *x, pid_t pid, pid_t parent, const char *name)
{
	struct end_name *n;

	x->nhead = (x->nhead + 1) % END_NNAMES;
	if (x->nn < END_NNAMES)
		x->nn++;
	n = &x->names[x->nhead];
	n->pid = pid;
	n->parent = parent;
	snprintf(n->name, sizeof(n->name), "%s", name ? name : "");
}

void
endings_add(struct endings *x, const struct tape_rec *r)
{
	const char *sig = tape_get(r, "signal");
	struct end *e;
	char name[SNAP_COMM_MAX + 1];
	long target;

	x->nopen = 1;
	if (strcmp(r->event, "exit") == 0) {
		e = end_get(x, r->pid, 1);
		e->ended = 1;
		e->status = sig != NULL ? -1 : (int)tape_num(r, "status", 0);
		e->core = tape_num(r, "core", 0) != 0;
		snprintf(e->sig, sizeof(e->sig), "%s", sig ? sig : "");
	} else if (strcmp(r->event, "signal_sent") == 0 && sig != NULL &&
	    tape_get(r, "errno") == NULL &&
	    (target = tape_num(r, "target", 0)) > 0) {
		e = end_get(x, (pid_t)target, 0);
		snprintf(e->sent, sizeof(e->sent), "%s", sig);
		e->sender = r->pid;
		snprintf(e->how, sizeof(e->how), "%s", tape_get(r, "how") ?
		    tape_get(r, "how") : "");
	} else if (strcmp(r->event, "exec") == 0 &&
	    tape_exec_name(r, name, sizeof(name)) == 0) {
		end_name_add(x, r->pid, 0, name);
	} else if (strcmp(r->event, "fork") == 0 &&
	    (target = tape_num(r, "child", 0)) > 0) {
		end_name_add(x, (pid_t)target, r->pid, NULL);
	} else if (strcmp(r->event, "attach") == 0 &&
	    (target = tape_num(r, "ppid", 0)) > 0) {
		end_name_add(x, r->pid, (pid_t)target, NULL);	/* the shell's */
	}
}

/* Opens a tape that has appeared, reads what it gained. */
static void
end_tape_poll(struct endings *x, struct end_tape *t)
{
	char path[PATH_MAX];
	struct tape_rec r;

	if (t->tf == NULL) {
		if (t->path != NULL)
			snprintf(path, sizeof(path), "%s", t->path);
		else if (tape_path_for(t->shell, path, sizeof(path)) < 0)
			return;
		if ((t->tf = tape_follow_open(path, 0)) == NULL)
			return;
	}
	while (tape_follow_next(t->tf, &r) == 1) {
		endings_add(x, &r);
		tape_rec_free(&r);
	}
}

void
endings_poll(struct endings *x)
{
	size_t i;

	for (i = 0; i < x->ntapes; i++)
		end_tape_poll(x, &x->tapes[i]);
}

/* The tape's newest name entry of pid, or NULL. */
static const struct end_name *
end_name_find(const struct endings *x, pid_t pid)
{
	const struct end_name *n;
	size_t i;

	for (i = 0; i < x->nn; i++) {
		n = &x->names[(x->nhead + END_NNAMES - i) % END_NNAMES];
		if (n->pid == pid)
			return n;
	}
	return NULL;
}

/*
 * A process's name: what the tape saw it exec (a snapshot may have seen
 * it just before), else a snapshot's, else for a copy of a shell that
 * did not exec, its parent's name.
 */
static const char *
end_sender_name(const struct endings *x, pid_t pid,
    const struct snapshot *old, const struct snapshot *new)
{
	const struct snap_proc *p;
	const struct end_name *n;
	int depth;

	for (depth = 0; depth < 8 && pid > 0; depth++) {
		n = end_name_find(x, pid);
		if (n != NULL && n->name[0] != '\0')
			return n->name;
		if ((p = snap_proc_find(new, pid)) != NULL ||
		    (p = snap_proc_find(old, pid)) != NULL)
			return p->comm;
		if (n == NULL)
			return NULL;
		pid = n->parent;
	}
	return NULL;
}

/* Why the kernel sent sig itself, en and zh; NULL when no word fits. */
static int
end_kernel_why(const char *sig, const char **en, const char **zh)
{
	static const struct {
		const char *sig, *en, *zh;
	} why[] = {
		{ "PIPE", "its pipe had no reader", "管道已没有读端" },
		{ "SEGV", "a bad memory access", "非法内存访问" },
		{ "BUS", "a bad memory access", "非法内存访问" },
		{ "FPE", "an arithmetic error", "算术错误" },
		{ "ILL", "an illegal instruction", "非法指令" },
		{ "XCPU", "its CPU time limit", "超出 CPU 时间限制" },
		{ "XFSZ", "its file size limit", "超出文件大小限制" },
		{ "SYS", "a system call it may not make", "不允许的系统调用" },
	};
	size_t i;

	for (i = 0; i < sizeof(why) / sizeof(why[0]); i++)
		if (strcmp(sig, why[i].sig) == 0) {
			*en = why[i].en;
			*zh = why[i].zh;
			return 1;
		}
	return 0;
}

/* The key that makes the terminal send sig, or NULL. */
static const char *
end_key(const char *sig)
{
	if (strcmp(sig, "INT") == 0)
		return "Ctrl+C";
	if (strcmp(sig, "QUIT") == 0)
		return "Ctrl+\\";
	if (strcmp(sig, "TSTP") == 0)
		return "Ctrl+Z";
	return NULL;
}

/* "killed by SIGx" and who sent it, after "PID (COMM) ". */
static int
end_killed(const struct endings *x, const struct end *e,
    const struct snapshot *old, const struct snapshot *new, char **en,
    char **zh)
{
	const char *why_en, *why_zh, *name, *key;
	const char *core_en = e->core ? ", core dumped" : "";
	const char *core_zh = e->core ? "，已转储核心" : "";
	int from = strcmp(e->sent, e->sig) == 0 && e->sender >= 0;

	if (!from)
		return asprintf(en, "killed by SIG%s%s", e->sig, core_en) < 0 ||
		    asprintf(zh, "被信号 SIG%s 终止%s", e->sig, core_zh) < 0 ?
		    -1 : 0;
	if (e->sender == e->pid)
		return asprintf(en, "killed by SIG%s (sent by itself)%s",
		    e->sig, core_en) < 0 ||
		    asprintf(zh, "被信号 SIG%s 终止（由它自己发送）%s", e->sig,
		    core_zh) < 0 ? -1 : 0;
	if (e->sender > 0) {
		name = end_sender_name(x, e->sender, old, new);
		return asprintf(en, "killed by SIG%s from %d%s%s%s%s", e->sig,
		    (int)e->sender, name ? " (" : "", name ? name : "",
		    name ? ")" : "", core_en) < 0 ||
		    asprintf(zh, "被 %d%s%s%s 发送的信号 SIG%s 终止%s",
		    (int)e->sender, name ? " (" : "", name ? name : "",
		    name ? ")" : "", e->sig, core_zh) < 0 ? -1 : 0;
	}
	if (strcmp(e->how, "terminal") == 0 && (key = end_key(e->sig)))
		return asprintf(en, "killed by SIG%s (sent by the terminal: %s)%s",
		    e->sig, key, core_en) < 0 ||
		    asprintf(zh, "被信号 SIG%s 终止（终端发送：%s）%s", e->sig,
		    key, core_zh) < 0 ? -1 : 0;
	if (end_kernel_why(e->sig, &why_en, &why_zh))
		return asprintf(en, "killed by SIG%s (sent by the kernel: %s)%s",
		    e->sig, why_en, core_en) < 0 ||
		    asprintf(zh, "被信号 SIG%s 终止（内核发送：%s）%s", e->sig,
		    why_zh, core_zh) < 0 ? -1 : 0;
	return asprintf(en, "killed by SIG%s (sent by the kernel)%s", e->sig,
	    core_en) < 0 ||
	    asprintf(zh, "被信号 SIG%s 终止（内核发送）%s", e->sig,
	    core_zh) < 0 ? -1 : 0;
}

/*
 * No record: what the last snapshot showed. A signal pending that its
 * default action makes fatal most likely ended it.
 */
static int
end_unknown(const struct endings *x, const struct snap_proc *p,
    const struct snapshot *old, char **en, char **zh)
{
	int tape = x != NULL && x->nopen > 0;
	const struct snap_proc *pp = p ? snap_proc_find(old, p->ppid) : NULL;
	uint64_t pend = p ? snap_proc_pending(p) & ~p->sigign & ~p->sigcgt &
	    ~p->sigblk : 0;
	int sig;

	for (sig = 1; sig <= 64 && pend != 0; sig++) {
		if (!(pend & (1ULL << (sig - 1))) || sig == SIGCHLD ||
		    sig == SIGCONT || sig == SIGURG || sig == SIGWINCH ||
		    sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
		    sig == SIGTTOU || sig_name(sig) == NULL)
			continue;
		return asprintf(en, "ended, most likely killed by SIG%s (it was pending)",
		    sig_name(sig)) < 0 ||
		    asprintf(zh, "已结束，很可能被信号 SIG%s 终止（该信号曾未决）",
		    sig_name(sig)) < 0 ? -1 : 0;
	}
	if (pp != NULL)
		return asprintf(en, "exited; its parent %d (%s) took its status%s",
		    (int)pp->pid, pp->comm,
		    tape ? "" : " (no tape to tell it)") < 0 ||
		    asprintf(zh, "已退出；父进程 %d (%s) 已回收其状态%s",
		    (int)pp->pid, pp->comm,
		    tape ? "" : "（没有录像，无从得知）") < 0 ? -1 : 0;
	return asprintf(en, "exited") < 0 || asprintf(zh, "已退出") < 0 ?
	    -1 : 0;
}

int
endings_text(const struct endings *x, pid_t pid, const char *comm,
    const struct snapshot *old, const struct snapshot *new, int zombie,
    char **en, char **zh)
{
	const struct end *e = x ? end_find(x, pid) : NULL;
	const struct end_name *n;
	char *a = NULL, *b = NULL;
	int r;

	*en = *zh = NULL;
	/* what it exec'd last, as the tape saw it, over a snapshot's name */
	if (x != NULL && (n = end_name_find(x, pid)) != NULL &&
	    n->name[0] != '\0')
		comm = n->name;
	else if (comm == NULL && x != NULL)
		comm = end_sender_name(x, pid, old, new);
	if (e != NULL && e->ended && e->status >= 0)
		r = asprintf(&a, "exited with status %d", e->status) < 0 ||
		    asprintf(&b, "退出，状态 %d", e->status) < 0 ? -1 : 0;
	else if (e != NULL && e->ended)
		r = end_killed(x, e, old, new, &a, &b);
	else if (zombie)
		r = asprintf(&a, "exited") < 0 || asprintf(&b, "已退出") < 0 ?
		    -1 : 0;
	else
		r = end_unknown(x, snap_proc_find(old, pid), old, &a, &b);
	if (r == 0 && (asprintf(en, "%d%s%s%s %s%s", (int)pid,
	    comm ? " (" : "", comm ? comm : "", comm ? ")" : "", a,
	    zombie ? "; its parent has not waited for it yet (zombie)" : "") < 0 ||
	    asprintf(zh, "%d%s%s%s %s%s", (int)pid, comm ? " (" : "",
	    comm ? comm : "", comm ? ")" : "", b,
	    zombie ? "，父进程尚未回收（僵尸进程）" : "") < 0))
		r = -1;
	free(a);
	free(b);
	if (r < 0) {
		free(*en);
		free(*zh);
		*en = *zh = NULL;
		errno = ENOMEM;
	}
	return r;
}

void
endings_tell(const struct snapshot *old, const struct snapshot *new,
    struct snap_event *e, void *arg)
{
	struct endings *x = arg;
	const struct snap_proc *p;
	char *en, *zh;

	if (e->kind != EV_PROC_EXITED && e->kind != EV_PROC_ZOMBIE)
		return;
	p = snap_proc_find(e->kind == EV_PROC_ZOMBIE ? new : old, e->pid);
	if (p == NULL)
		return;
	endings_poll(x);
	if (endings_text(x, e->pid, p->comm, old, new,
	    e->kind == EV_PROC_ZOMBIE, &en, &zh) < 0)
		return;
	free(e->en);
	free(e->zh);
	e->en = en;
	e->zh = zh;
}
