/*
 * render_text.c - a snapshot or an event as stable human-readable text.
 * For ipcview --once and --follow and ipcsh's show. Reads only the snapshot.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gloss.h"
#include "i18n.h"
#include "render.h"
#include "sigtab.h"

#define TEXT_MAX_BYTES	64	/* bytes of a message or segment shown */

/* Bytes as a quoted string when they read as text, else as hex. */
static void
text_bytes(FILE *out, const unsigned char *d, size_t len)
{
	size_t shown = len < TEXT_MAX_BYTES ? len : TEXT_MAX_BYTES, i;
	ssize_t t = render_text_len(d, len);

	if (t >= 0) {
		shown = (size_t)t < TEXT_MAX_BYTES ? (size_t)t : TEXT_MAX_BYTES;
		fputc('"', out);
		render_json_string(out, (const char *)d, shown);
		fputc('"', out);
		if ((size_t)t > shown)
			fputs("...", out);
		return;
	}
	fputs("hex ", out);
	for (i = 0; i < shown; i++)
		fprintf(out, "%02x", d[i]);
	if (len > shown)
		fputs("...", out);
}

static void
text_sigset(FILE *out, const char *label, uint64_t mask)
{
	char buf[512];

	if (mask == 0)
		return;
	fprintf(out, " %s %s", label, sig_mask_names(mask, ",", buf,
	    sizeof(buf)));
}

/*
 * The rows written for every process and pipe end, by hand and without
 * the stream's lock (render_text holds it): fprintf(3) parsing its format
 * for each number was a quarter of a one-shot snapshot's instructions.
 */
static void
text_pad(FILE *out, size_t n)
{
	static const char sp[] = "                                ";

	while (n > sizeof(sp) - 1) {
		fwrite_unlocked(sp, 1, sizeof(sp) - 1, out);
		n -= sizeof(sp) - 1;
	}
	fwrite_unlocked(sp, 1, n, out);
}

/* "%-*s": s, then blanks up to width bytes. */
static void
text_str(FILE *out, const char *s, size_t width)
{
	size_t n = strlen(s);

	fwrite_unlocked(s, 1, n, out);
	if (n < width)
		text_pad(out, width - n);
}

/* "%-*lu" of u (with a '-' before it when neg), blanks up to width bytes. */
static void
text_digits(FILE *out, unsigned long u, int neg, size_t width)
{
	size_t n = render_dec(out, u, neg);

	if (n < width)
		text_pad(out, width - n);
}

/* "%-*ld" */
static void
text_num(FILE *out, long v, size_t width)
{
	text_digits(out, v < 0 ? 0UL - (unsigned long)v : (unsigned long)v,
	    v < 0, width);
}

static void
text_proc(FILE *out, const struct snap_proc *p)
{
	uint64_t pend = snap_proc_pending(p);
	int i;

	/* "  %-7d %-7d %-7d %-7d %c  %-13s %*s" */
	fputs_unlocked("  ", out);
	text_num(out, (long)p->pid, 7);
	putc_unlocked(' ', out);
	text_num(out, (long)p->ppid, 7);
	putc_unlocked(' ', out);
	text_num(out, (long)p->pgid, 7);
	putc_unlocked(' ', out);
	text_num(out, (long)p->sid, 7);
	putc_unlocked(' ', out);
	putc_unlocked(p->state, out);
	fputs_unlocked("  ", out);
	text_str(out, p->wchan[0] ? p->wchan : "-", 13);
	/* " %*s" of "": a blank, then 2 * depth more */
	text_pad(out, 1 + (size_t)abs(2 * p->depth));
	if (p->argc == 0) {
		putc_unlocked('[', out);
		fputs_unlocked(p->comm, out);
		putc_unlocked(']', out);
	}
	for (i = 0; i < p->argc; i++) {
		if (i)
			putc_unlocked(' ', out);
		fputs_unlocked(p->argv[i], out);
	}
	putc_unlocked('\n', out);
	if (p->fifo_wait != NULL)
		fprintf(out, "          %s %s (%s)\n",
		    tr("opening FIFO", "正在打开 FIFO"), p->fifo_wait,
		    p->fifo_wait_mode == 0 ? tr("to read", "读") :
		    tr("to write", "写"));
	if ((pend | p->sigblk | p->sigign | p->sigcgt) == 0)
		return;
	fputs("         ", out);
	text_sigset(out, gloss(GL_PENDING), pend);
	text_sigset(out, gloss(GL_MASKED), p->sigblk);
	text_sigset(out, gloss(GL_IGNORED), p->sigign);
	text_sigset(out, gloss(GL_CAUGHT), p->sigcgt);
	fputc('\n', out);
}

static const char *
text_comm(const struct snapshot *s, pid_t pid)
{
	const struct snap_proc *p = snap_proc_find(s, pid);

	return p != NULL ? p->comm : "?";
}

static void
text_ends(FILE *out, const struct snapshot *s, const char *label,
    const struct snap_end *e, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	fputs_unlocked("    ", out);
	fputs_unlocked(label, out);
	putc_unlocked(':', out);
	for (i = 0; i < n; i++) {
		/* " %d (%s)", " fd %d", " %s" */
		putc_unlocked(' ', out);
		text_num(out, (long)e[i].pid, 0);
		fputs_unlocked(" (", out);
		fputs_unlocked(text_comm(s, e[i].pid), out);
		putc_unlocked(')', out);
		if (e[i].fd >= 0) {
			fputs_unlocked(" fd ", out);
			text_num(out, (long)e[i].fd, 0);
		}
		if (e[i].blocked) {
			putc_unlocked(' ', out);
			fputs_unlocked(tr("blocked", "阻塞"), out);
		}
		if (i + 1 < n)
			putc_unlocked(',', out);
	}
	putc_unlocked('\n', out);
}

static void
text_pipe(FILE *out, const struct snapshot *s, const struct snap_pipe *p)
{
	if (p->kind == SNAP_FIFO)
		fprintf(out, "  fifo %s (inode %lu):", p->path ? p->path : "?",
		    p->inode);
	else {
		fputs_unlocked("  pipe ", out);
		text_digits(out, p->inode, 0, 0);
		putc_unlocked(':', out);
	}
	if (p->fill >= 0) {
		/* " %ld / %ld %s" */
		putc_unlocked(' ', out);
		text_num(out, p->fill, 0);
		fputs_unlocked(" / ", out);
		text_num(out, p->capacity, 0);
		putc_unlocked(' ', out);
		fputs_unlocked(tr("bytes", "字节"), out);
	} else
		fprintf(out, " %s", tr("fill unknown", "填充未知"));
	if (p->full)
		fprintf(out, ", %s", tr("FULL (writer blocked)", "已满（写者阻塞）"));
	else if (p->fill == 0)
		fprintf(out, ", %s", tr("empty", "空"));
	fputc('\n', out);
	text_ends(out, s, tr("writers", "写者"), p->writers, p->nwriters);
	text_ends(out, s, tr("readers", "读者"), p->readers, p->nreaders);
	text_ends(out, s, tr("opening to read", "正在打开以读"),
	    p->open_readers, p->nopen_readers);
	text_ends(out, s, tr("opening to write", "正在打开以写"),
	    p->open_writers, p->nopen_writers);
}

/* A socket's line: what it is, then its holders and its peer's. */
static void
text_sock(FILE *out, const struct snapshot *s, const struct snap_sock *k)
{
	const struct snap_sock *peer = k->peer ? snap_sock_find(s, k->peer) :
	    NULL;

	fprintf(out, "  %s %lu %s %s", gloss(GL_SOCKET), k->inode,
	    snap_sock_type_name(k->type), snap_sock_origin(s, k));
	if (k->name != NULL)
		fprintf(out, " %s", k->name);
	fprintf(out, " %s", snap_sock_state_name(k->state));
	if (k->state == SNAP_SOCK_LISTENING) {
		fprintf(out, ": %s %ld / %s %ld\n", tr("pending", "待接受"),
		    k->inq, tr("backlog", "队列上限"), k->outq);
	} else {
		if (k->peer != 0)
			fprintf(out, " %s %lu", tr("to", "对端"), k->peer);
		if (k->listener != 0)
			fprintf(out, " %s %lu", tr("waiting in", "等待于"),
			    k->listener);
		if (k->inq >= 0)
			fprintf(out, ": %s %ld %s", tr("to read", "待读"),
			    k->inq, gloss(GL_BYTES));
		if (peer != NULL && peer->inq >= 0)
			fprintf(out, ", %s %ld %s", tr("sent, unread", "已发未读"),
			    peer->inq, gloss(GL_BYTES));
		fputc('\n', out);
	}
	text_ends(out, s, tr("holders", "持有者"), k->holders, k->nholders);
	if (peer != NULL)
		text_ends(out, s, tr("peer's holders", "对端持有者"),
		    peer->holders, peer->nholders);
}

/* eventfds, signalfds and pidfds, one line each. */
static void
text_anonfd(FILE *out, const struct snapshot *s, const struct snap_anonfd *a)
{
	static const char *const kinds[] = { "eventfd", "signalfd", "pidfd" };
	char buf[512];

	fprintf(out, "  %s %d (%s) fd %d: ", kinds[a->kind], (int)a->pid,
	    text_comm(s, a->pid), a->fd);
	if (a->kind == SNAP_EVENTFD)
		fprintf(out, "%s %llu", tr("count", "计数"), a->count);
	else if (a->kind == SNAP_SIGNALFD)
		fprintf(out, "%s %s", tr("signals", gloss(GL_SIGNAL)),
		    a->sigmask ? sig_mask_names(a->sigmask, ",", buf,
		    sizeof(buf)) : "-");
	else
		fprintf(out, "%s %d", tr("process", gloss(GL_PROCESS)),
		    (int)a->target);
	if (a->kind != SNAP_PIDFD && a->blocked)
		fprintf(out, " %s", tr("blocked", "阻塞"));
	fputc('\n', out);
}

/* The line of a System V object opens with its key, id, owner and mode. */
static void
text_perm(FILE *out, int id, const struct sysv_perm *perm, int related)
{
	struct passwd *pw = getpwuid(perm->uid);

	fprintf(out, "%c key 0x%08x id %d owner ", related ? '*' : ' ',
	    (unsigned)perm->key, id);
	if (pw != NULL)
		fprintf(out, "%s", pw->pw_name);
	else
		fprintf(out, "%u", (unsigned)perm->uid);
	fprintf(out, " mode %04o", perm->mode & 0777);
}

/* A message queue (e: its struct snap_queue). */
static void
text_queue(FILE *out, const void *e)
{
	const struct snap_queue *q = e;
	size_t i;

	fprintf(out, ": %lu %s, %lu/%lu %s, %s %d, %s %d\n", q->info.qnum,
	    tr("messages", "条消息"), q->info.cbytes, q->info.qbytes,
	    tr("bytes", "字节"), tr("last send", "最后发送"), (int)q->info.lspid,
	    tr("last receive", "最后接收"), (int)q->info.lrpid);
	if (!q->readable) {
		fprintf(out, "    %s\n", tr("messages not readable (permission denied)",
		    "无权读取消息"));
		return;
	}
	for (i = 0; i < q->nmsgs; i++) {
		fprintf(out, "    #%zu %s %ld, %zu %s: ", i, tr("type", "类型"),
		    q->msgs[i].type, q->msgs[i].size, tr("bytes", "字节"));
		text_bytes(out, q->msgs[i].data, q->msgs[i].size);
		fputc('\n', out);
	}
	if (q->nmsgs < q->info.qnum)
		fprintf(out, "    ... %lu %s\n", q->info.qnum - q->nmsgs,
		    tr("more", "条未显示"));
}

/* A segment (e: its struct snap_shm). */
static void
text_shm(FILE *out, const void *e)
{
	const struct snap_shm *s = e;
	size_t i;

	fprintf(out, ": %zu %s, nattch %lu, cpid %d, lpid %d\n", s->info.size,
	    tr("bytes", "字节"), s->info.nattch, (int)s->info.cpid,
	    (int)s->info.lpid);
	if (s->nattached > 0) {
		fprintf(out, "    %s:", tr("attached by", "已附加"));
		for (i = 0; i < s->nattached; i++)
			fprintf(out, " %d", (int)s->attached[i]);
		fputc('\n', out);
	}
	if (s->readable) {
		fprintf(out, "    %s: ", tr("first bytes", "开头字节"));
		text_bytes(out, s->preview, s->npreview);
		fputc('\n', out);
	}
}

/* A semaphore set (e: its struct snap_sem). */
static void
text_sem(FILE *out, const void *e)
{
	const struct snap_sem *s = e;
	size_t i;

	fprintf(out, ": %lu %s", s->info.nsems, tr("semaphores", "个信号量"));
	if (s->readable) {
		fprintf(out, ", %s", tr("values", "值"));
		for (i = 0; i < s->info.nsems; i++)
			fprintf(out, " %d", s->members[i].val);
	}
	fputc('\n', out);
}

/* System V queues, segments, semaphore sets, under their headings. */
static void
text_sysv(FILE *out, const struct snapshot *s, unsigned flags)
{
	static const struct {
		const char	*en, *zh;
		void		(*one)(FILE *, const void *);
	} kinds[SYSV_NKINDS] = {
		[SYSV_MSG] = { "MESSAGE QUEUES (* related to the tree)",
		    "消息队列（* 与进程树相关）", text_queue },
		[SYSV_SHM] = { "SHARED MEMORY", "共享内存", text_shm },
		[SYSV_SEM] = { "SEMAPHORE SETS", "信号量集", text_sem },
	};
	int rel = !!(flags & RENDER_RELATED), related;
	const struct sysv_msq *head;
	enum sysv_kind k;
	size_t i;

	for (k = 0; k < SYSV_NKINDS; k++) {
		fprintf(out, "%s\n", tr(kinds[k].en, kinds[k].zh));
		for (i = 0; i < snap_sysv_count(s, k); i++) {
			/* each kind's info opens as a sysv_msq: id, perm */
			head = snap_sysv_info(s, k, i, &related);
			if (rel && !related)
				continue;
			text_perm(out, head->id, &head->perm, related);
			kinds[k].one(out, head);
		}
	}
}

static void
text_posix_head(FILE *out, const char *name, unsigned mode, uid_t uid,
    int related)
{
	struct passwd *pw = getpwuid(uid);

	fprintf(out, "%c %s mode %04o owner ", related ? '*' : ' ', name,
	    mode & 0777);
	if (pw != NULL)
		fprintf(out, "%s", pw->pw_name);
	else
		fprintf(out, "%u", (unsigned)uid);
}

/* Holders: "pid (comm) fd N r|w|rw[ nonblock][ blocked in CALL]". */
static void
text_posix_ends(FILE *out, const struct snapshot *s,
    const struct snap_pmq_end *e, size_t n)
{
	static const char *const modes[] = { "r", "w", "rw" };
	size_t i;

	if (n == 0)
		return;
	fprintf(out, "    %s:", tr("open by", "打开者"));
	for (i = 0; i < n; i++) {
		fprintf(out, " %d (%s) fd %d %s", (int)e[i].pid,
		    text_comm(s, e[i].pid), e[i].fd, e[i].mode >= 0 &&
		    e[i].mode <= 2 ? modes[e[i].mode] : "?");
		if (e[i].nonblock)
			fputs(" O_NONBLOCK", out);
		if (e[i].blocked != SNAP_PMQ_NONE)
			fprintf(out, " %s %s", tr("blocked in", "阻塞于"),
			    e[i].blocked == SNAP_PMQ_RECV ? "mq_receive" :
			    "mq_send");
		if (i + 1 < n)
			fputc(',', out);
	}
	fputc('\n', out);
}

static void
text_pmq(FILE *out, const struct snapshot *s, const struct snap_pmq *q)
{
	text_posix_head(out, q->name, q->mode, q->uid, q->related);
	if (q->maxmsg >= 0)
		fprintf(out, ": %ld/%ld %s, %s %ld %s", q->curmsgs, q->maxmsg,
		    tr("messages", "条消息"), tr("at most", "每条最多"),
		    q->msgsize, tr("bytes each", "字节"));
	else
		fprintf(out, ": %s", tr("attributes unknown", "属性未知"));
	if (q->qsize >= 0)
		fprintf(out, ", %ld %s", q->qsize, tr("bytes queued", "字节在队列中"));
	if (q->unlinked)
		fprintf(out, ", %s", tr("unlinked (mq_unlink), still open",
		    "已删除 (mq_unlink)，仍被打开"));
	fputc('\n', out);
	text_posix_ends(out, s, q->holders, q->nholders);
}

static void
text_pshm(FILE *out, const struct snapshot *s, const struct snap_pshm *m)
{
	size_t i;

	text_posix_head(out, m->name, m->mode, m->uid, m->related);
	if (m->size >= 0)
		fprintf(out, ": %ld %s", m->size, tr("bytes", "字节"));
	else
		fprintf(out, ": %s", tr("size unknown", "大小未知"));
	if (m->unlinked)
		fprintf(out, ", %s", tr("unlinked (shm_unlink), still mapped",
		    "已删除 (shm_unlink)，仍被映射"));
	fputc('\n', out);
	if (m->nmappers > 0) {
		fprintf(out, "    %s:", gloss(GL_MAPPED));
		for (i = 0; i < m->nmappers; i++)
			fprintf(out, " %d (%s)", (int)m->mappers[i],
			    text_comm(s, m->mappers[i]));
		fputc('\n', out);
	}
	text_posix_ends(out, s, m->holders, m->nholders);
	if (m->readable) {
		fprintf(out, "    %s: ", tr("first bytes", "开头字节"));
		text_bytes(out, m->preview, m->npreview);
		fputc('\n', out);
	}
}

/* POSIX queues and shm objects, after System V's (mq_overview(7)). */
static void
text_posix(FILE *out, const struct snapshot *s, unsigned flags)
{
	int rel = !!(flags & RENDER_RELATED);
	size_t i;

	fprintf(out, "%s\n", tr("POSIX MESSAGE QUEUES (* held open by the tree)",
	    "POSIX 消息队列（* 被进程树打开）"));
	for (i = 0; i < s->npmqs; i++)
		if (!rel || s->pmqs[i].related)
			text_pmq(out, s, &s->pmqs[i]);
	fprintf(out, "%s\n", tr("POSIX SHARED MEMORY (* mapped or open in the tree)",
	    "POSIX 共享内存（* 被进程树映射或打开）"));
	for (i = 0; i < s->npshms; i++)
		if (!rel || s->pshms[i].related)
			text_pshm(out, s, &s->pshms[i]);
}

int
render_text(FILE *out, const struct snapshot *s, unsigned flags)
{
	size_t i;

	/* one lock for the snapshot: the rows' calls are the unlocked ones */
	flockfile(out);

	if (s->nprocs == 0)
		fprintf(out, "%s %d\n", tr("no such process:", "没有这个进程："),
		    (int)s->root);
	fprintf(out, "%s\n", tr("PROCESSES", "进程"));
	fprintf(out, "  %-7s %-7s %-7s %-7s %s  %-13s %s\n", "PID", "PPID",
	    "PGID", "SID", "S", tr("WAITING IN", "等待于"),
	    tr("COMMAND", "命令"));
	for (i = 0; i < s->nprocs; i++)
		text_proc(out, &s->procs[i]);
	fprintf(out, "%s\n", tr("PIPES AND FIFOS", "管道与命名管道"));
	for (i = 0; i < s->npipes; i++)
		text_pipe(out, s, &s->pipes[i]);
	if (s->nsocks > 0)
		fprintf(out, "%s\n", tr("UNIX SOCKETS", "UNIX 域套接字"));
	for (i = 0; i < s->nsocks; i++)
		text_sock(out, s, &s->socks[i]);
	if (s->nanonfds > 0)
		fprintf(out, "%s\n", "EVENTFD, SIGNALFD, PIDFD");
	for (i = 0; i < s->nanonfds; i++)
		text_anonfd(out, s, &s->anonfds[i]);
	text_sysv(out, s, flags);
	text_posix(out, s, flags);
	return render_unlock(out);
}

int
render_event_text(FILE *out, const struct snap_event *e,
    const struct timespec *when)
{
	struct tm tm;
	time_t t = when->tv_sec;

	localtime_r(&t, &tm);
	fprintf(out, "%02d:%02d:%02d.%03ld %s\n", tm.tm_hour, tm.tm_min,
	    tm.tm_sec, when->tv_nsec / 1000000, snap_event_text(e));
	return ferror(out) ? -1 : 0;
}
