/*
 * pane_posix.c - the pane's section of POSIX queues and shm objects
 * (mq_overview(7), shm_overview(7)): its lines, how one is drawn, and the
 * detail view; a row of pane_sections[] (pane_sections.c).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "gloss.h"
#include "i18n.h"
#include "pane_int.h"

static const char *
pane_px_comm(const struct snapshot *s, pid_t pid)
{
	const struct snap_proc *pr = snap_proc_find(s, pid);

	return pr ? pr->comm : "?";
}

static const struct snap_pshm *
pane_px_shm_find(const struct snapshot *s, const char *name,
    unsigned long inode)
{
	size_t i;

	for (i = 0; s != NULL && i < s->npshms; i++)
		if (s->pshms[i].inode == inode &&
		    strcmp(s->pshms[i].name, name) == 0)
			return &s->pshms[i];
	return NULL;
}

/*
 * As for System V objects: what a watched process holds or maps, every
 * one with 'a', and the user's shm objects made since watching began
 * (`shmopen -c` in the shell, which maps nothing afterwards).
 */
static int
pane_px_shm_shown(const struct pane *p, const struct snap_pshm *m)
{
	if (p->all_queues || m->related)
		return 1;
	return m->uid == getuid() && pane_px_shm_find(watch_baseline(p->watch),
	    m->name, m->inode) == NULL;
}

/* Queues first, then shm objects, numbered on after them. */
void
pane_posix_lines(struct pane *p, int sec)
{
	const struct snapshot *s = p->snap;
	size_t i;

	for (i = 0; i < s->npmqs; i++)
		if (p->all_queues || s->pmqs[i].related)
			pane_add_line(p, sec, (int)i, -1);
	for (i = 0; i < s->npshms; i++)
		if (pane_px_shm_shown(p, &s->pshms[i]))
			pane_add_line(p, sec, (int)(s->npmqs + i), -1);
}

static void
pane_px_holders(struct pane *p, WINDOW *w, const struct snap_pmq_end *e,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		pane_printf(p, w, ST_TEXT, "%s%s %d", i ? ", " : " ",
		    pane_px_comm(p->snap, e[i].pid), (int)e[i].pid);
		if (e[i].blocked != SNAP_PMQ_NONE)
			pane_printf(p, w, ST_WARN, " (%s %s)", tr("blocked in", "阻塞于"),
			    e[i].blocked == SNAP_PMQ_RECV ? "mq_receive" :
			    "mq_send");
	}
}

static void
pane_px_draw_mq(struct pane *p, WINDOW *w, const struct snap_pmq *q)
{
	pane_printf(p, w, ST_TITLE, "%s %s ", tr("POSIX mq",
	    gloss_in(GL_POSIX_MQ, LANG_ZH)), q->name);
	if (q->maxmsg < 0) {
		pane_printf(p, w, ST_DIM, "%s", tr("(attributes unknown)",
		    "(属性未知)"));
	} else {
		pane_printf(p, w, q->curmsgs >= q->maxmsg ? ST_BAD : ST_TEXT,
		    "%ld/%ld %s", q->curmsgs, q->maxmsg,
		    tr("messages", "条消息"));
		if (q->curmsgs >= q->maxmsg)
			pane_printf(p, w, ST_BAD, " %s", tr("FULL: mq_send blocks",
			    "满: mq_send 将阻塞"));
	}
	if (q->unlinked)
		pane_printf(p, w, ST_WARN, " %s", tr("unlinked", "已删除"));
	pane_px_holders(p, w, q->holders, q->nholders);
}

static void
pane_px_draw_shm(struct pane *p, WINDOW *w, const struct snap_pshm *m)
{
	char text[200];
	size_t i;

	pane_printf(p, w, ST_TITLE, "%s %s ", tr("POSIX shm",
	    gloss_in(GL_POSIX_SHM, LANG_ZH)), m->name);
	if (m->size >= 0)
		pane_printf(p, w, ST_TEXT, "%ld B ", m->size);
	/* the slides' word for the number of attaches (nattch) */
	pane_printf(p, w, ST_TEXT, "%s %zu", gloss(GL_NATTCH), m->nmappers);
	for (i = 0; i < m->nmappers; i++)
		pane_printf(p, w, ST_TEXT, "%s%d", i ? "," : " pids ",
		    (int)m->mappers[i]);
	if (m->unlinked)
		pane_printf(p, w, ST_WARN, " %s", tr("unlinked", "已删除"));
	if (m->readable) {
		pane_text(m->preview, strnlen((const char *)m->preview,
		    m->npreview), text, sizeof(text));
		pane_printf(p, w, ST_DIM, "  \"%s\"", text);
	}
}

void
pane_posix_draw(struct pane *p, WINDOW *w, const struct pline *l)
{
	const struct snapshot *s = p->snap;

	if ((size_t)l->item < s->npmqs)
		pane_px_draw_mq(p, w, &s->pmqs[l->item]);
	else
		pane_px_draw_shm(p, w, &s->pshms[(size_t)l->item - s->npmqs]);
}

/* A queue's inode, or -1 - inode for a shm object. */
long
pane_posix_key(const struct pane *p, const struct pline *l)
{
	const struct snapshot *s = p->snap;

	return (size_t)l->item < s->npmqs ? (long)s->pmqs[l->item].inode :
	    -1 - (long)s->pshms[(size_t)l->item - s->npmqs].inode;
}

static void
pane_px_detail_ends(struct pane *p, const struct snap_pmq_end *e, size_t n)
{
	static const char *const modes[] = { "O_RDONLY", "O_WRONLY", "O_RDWR" };
	size_t i;

	for (i = 0; i < n; i++)
		pane_dl(p, e[i].blocked ? ST_WARN : ST_TEXT,
		    "  %s %s %d fd %d %s%s%s", tr("open:", "打开:"),
		    pane_px_comm(p->snap, e[i].pid), (int)e[i].pid, e[i].fd,
		    e[i].mode >= 0 && e[i].mode <= 2 ? modes[e[i].mode] : "?",
		    e[i].nonblock ? "|O_NONBLOCK" : "",
		    e[i].blocked == SNAP_PMQ_RECV ? tr("  (blocked in mq_receive)",
		    "  (阻塞于 mq_receive)") : e[i].blocked == SNAP_PMQ_SEND ?
		    tr("  (blocked in mq_send)", "  (阻塞于 mq_send)") : "");
}

static void
pane_px_detail_mq(struct pane *p, const struct snap_pmq *q)
{
	pane_dl(p, ST_TITLE, "%s %s  %s %04o  uid %d", gloss(GL_POSIX_MQ),
	    q->name, gloss(GL_PERMS), q->mode & 0777, (int)q->uid);
	if (q->maxmsg >= 0)
		pane_dl(p, ST_TEXT, "mq_curmsgs %ld  mq_maxmsg %ld  mq_msgsize %ld",
		    q->curmsgs, q->maxmsg, q->msgsize);
	if (q->qsize >= 0)
		pane_dl(p, ST_TEXT, "QSIZE %ld B", q->qsize);
	if (q->unlinked)
		pane_dl(p, ST_WARN, "%s", tr("removed by mq_unlink; lives while it is open",
		    "已被 mq_unlink 删除；仍被打开时继续存在"));
	pane_px_detail_ends(p, q->holders, q->nholders);
	pane_dl(p, ST_DIM, "%s", tr("(its messages cannot be copied without receiving them)",
	    "(POSIX 消息队列的消息无法不接收而复制)"));
}

static void
pane_px_detail_shm(struct pane *p, const struct snap_pshm *m)
{
	char text[160];
	size_t i;

	pane_dl(p, ST_TITLE, "%s %s  %ld B  %s %04o  uid %d",
	    gloss(GL_POSIX_SHM), m->name, m->size, gloss(GL_PERMS),
	    m->mode & 0777, (int)m->uid);
	if (m->unlinked)
		pane_dl(p, ST_WARN, "%s", tr("removed by shm_unlink; lives while it is mapped",
		    "已被 shm_unlink 删除；仍被映射时继续存在"));
	for (i = 0; i < m->nmappers; i++)
		pane_dl(p, ST_TEXT, "  %s %d %s", tr("mapped:", "映射:"),
		    (int)m->mappers[i], pane_px_comm(p->snap, m->mappers[i]));
	pane_px_detail_ends(p, m->holders, m->nholders);
	for (i = 0; m->readable && i < m->npreview; i += 16) {
		pane_text(m->preview + i, m->npreview - i < 16 ?
		    m->npreview - i : 16, text, sizeof(text));
		pane_dl(p, ST_DIM, "  %04zx  %s", i, text);
	}
}

void
pane_posix_detail(struct pane *p, long key)
{
	const struct snapshot *s = p->snap;
	size_t i;

	for (i = 0; key >= 0 && i < s->npmqs; i++)
		if ((long)s->pmqs[i].inode == key) {
			pane_px_detail_mq(p, &s->pmqs[i]);
			return;
		}
	for (i = 0; key < 0 && i < s->npshms; i++)
		if (-1 - (long)s->pshms[i].inode == key) {
			pane_px_detail_shm(p, &s->pshms[i]);
			return;
		}
}
