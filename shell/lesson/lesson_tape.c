/*
 * lesson_tape.c - lesson checks on the tape: the shell's tape read back
 * from a mark (where the lesson's last commands began), for a pipe that
 * carried bytes from one program to another and a handler's rt_sigreturn.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "check_kind.h"
#include "lesson_parse.h"
#include "lesson_tape.h"
#include "shell.h"
#include "sigtab.h"
#include "tape.h"

#define LT_MAX	256	/* processes and pipe ends followed per check */

static long lt_mark;		/* the tape's offset checks start at */
static int lt_checked;		/* a check since the mark */
static int lt_turned_on;	/* ltape_begin turned the tape on */

/* What the tape says since the mark. */
struct lt_proc {
	pid_t	pid;
	char	name[64];
};

/*
 * The names processes took at exec before the mark, for one the lesson
 * started earlier and signals now (sig_handler -w 1000 &, then a task's
 * kill): the tape read up to the mark, once, as the mark moves on.
 */
static struct lt_proc lt_old[LT_MAX];
static int lt_nold, lt_oldnext;
static long lt_old_off;		/* read up to here */
static dev_t lt_old_dev;	/* of this tape file */
static ino_t lt_old_ino;

/* The shell's tape: the file or the link it announces. */
static int
lt_path(char *buf, size_t size)
{
	return tape_path_for(sh_pid, buf, size);
}

static void
lt_old_note(pid_t pid, const char *name)
{
	int i;

	for (i = 0; i < lt_nold && lt_old[i].pid != pid; i++)
		;
	if (i == lt_nold) {
		/* full: the oldest name makes room */
		i = lt_oldnext;
		lt_oldnext = (lt_oldnext + 1) % LT_MAX;
		if (lt_nold < LT_MAX)
			lt_nold++;
	}
	lt_old[i].pid = pid;
	snprintf(lt_old[i].name, sizeof(lt_old[i].name), "%s", name);
}

/* Reads the exec records of path from where it stopped up to upto. */
static void
lt_old_scan(const char *path, const struct stat *st, long upto)
{
	struct tape_rec r;
	char *line = NULL, name[64];
	size_t cap = 0;
	ssize_t len;
	FILE *fp;

	if (st->st_dev != lt_old_dev || st->st_ino != lt_old_ino ||
	    upto < lt_old_off) {
		/* another tape: start afresh */
		lt_nold = lt_oldnext = 0;
		lt_old_off = 0;
		lt_old_dev = st->st_dev;
		lt_old_ino = st->st_ino;
	}
	if (upto == lt_old_off || (fp = fopen(path, "r")) == NULL)
		return;
	if (fseek(fp, lt_old_off, SEEK_SET) == 0) {
		while (lt_old_off < upto &&
		    (len = getline(&line, &cap, fp)) > 0 &&
		    line[len - 1] == '\n') {
			lt_old_off += (long)len;
			if (strstr(line, " exec ") == NULL ||
			    tape_parse(line, &r) < 0)
				continue;
			name[0] = '\0';
			if (strcmp(r.event, "exec") == 0)
				tape_exec_name(&r, name, sizeof(name));
			if (name[0] != '\0')
				lt_old_note(r.pid, name);
			tape_rec_free(&r);
		}
	}
	free(line);
	fclose(fp);
}

void
ltape_mark(void)
{
	char path[4096];
	struct stat st;

	lt_mark = 0;
	if (lt_path(path, sizeof(path)) == 0 && stat(path, &st) == 0) {
		lt_mark = (long)st.st_size;
		if (sh_opt.tape)
			lt_old_scan(path, &st, lt_mark);
	}
	lt_checked = 0;
}

void
ltape_checked(void)
{
	lt_checked = 1;
}

void
ltape_before_run(void)
{
	if (lt_checked)
		ltape_mark();
}

int
ltape_begin(void)
{
	if (sh_opt.tape)
		return 0;
	if (sh_eval("set -o tape", "lesson") != 0 || !sh_opt.tape)
		return -1;
	lt_turned_on = 1;
	ltape_mark();
	return 0;
}

void
ltape_end(void)
{
	if (lt_turned_on && sh_opt.tape)
		sh_eval("set +o tape", "lesson");
	lt_turned_on = 0;
}

int
ltape_validate(int argc, char **argv, char *err, size_t errsize)
{
	char *end;
	long v;

	if (argc >= 2 && strcmp(argv[1], "pipe") == 0) {
		if (argc < 4 || argc > 5) {
			snprintf(err, errsize, "tape pipe: FROM TO [BYTES]");
			return -1;
		}
		if (argc == 5 && strchr(argv[4], '$') == NULL) {
			errno = 0;
			v = strtol(argv[4], &end, 0);
			if (errno || end == argv[4] || *end || v < 0) {
				snprintf(err, errsize,
				    "tape pipe: '%s' is not a byte count",
				    argv[4]);
				return -1;
			}
		}
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "sigreturn") == 0) {
		if (argc < 3 || argc > 4) {
			snprintf(err, errsize, "tape sigreturn: SIG [COMM]");
			return -1;
		}
		if (sig_parse(argv[2]) <= 0) {
			snprintf(err, errsize,
			    "tape sigreturn: '%s' is not a signal", argv[2]);
			return -1;
		}
		return 0;
	}
	snprintf(err, errsize, "tape: '%s' is not pipe or sigreturn",
	    argc >= 2 ? argv[1] : "");
	return -1;
}

struct lt_end {
	pid_t		pid;
	unsigned long	inode;
	long		wrote, read;
	int		eof;
};

struct lt_tape {
	struct lt_proc	p[LT_MAX];
	int		np;
	struct lt_end	e[LT_MAX];
	int		ne;
};

static struct lt_proc *
lt_proc(struct lt_tape *t, pid_t pid)
{
	int i;

	for (i = 0; i < t->np; i++)
		if (t->p[i].pid == pid)
			return &t->p[i];
	if (t->np == LT_MAX)
		return NULL;
	t->p[t->np].pid = pid;
	t->p[t->np].name[0] = '\0';
	return &t->p[t->np++];
}

static struct lt_end *
lt_end(struct lt_tape *t, pid_t pid, unsigned long inode)
{
	int i;

	for (i = 0; i < t->ne; i++)
		if (t->e[i].pid == pid && t->e[i].inode == inode)
			return &t->e[i];
	if (t->ne == LT_MAX)
		return NULL;
	memset(&t->e[t->ne], 0, sizeof(t->e[0]));
	t->e[t->ne].pid = pid;
	t->e[t->ne].inode = inode;
	return &t->e[t->ne++];
}

/* A process's name: at its exec since the mark, or before it. */
static const char *
lt_name(struct lt_tape *t, pid_t pid)
{
	struct lt_proc *p = lt_proc(t, pid);
	int i;

	if (p != NULL && p->name[0] != '\0')
		return p->name;
	for (i = 0; i < lt_nold; i++)
		if (lt_old[i].pid == pid)
			return lt_old[i].name;
	return "";
}

/* A record into t: names at exec, bytes and end of file per pipe end. */
static void
lt_add(struct lt_tape *t, const struct tape_rec *r)
{
	const char *op = tape_get(r, "op");
	struct lt_proc *p;
	struct lt_end *e;

	if (strcmp(r->event, "exec") == 0 && (p = lt_proc(t, r->pid))) {
		tape_exec_name(r, p->name, sizeof(p->name));
	} else if (strcmp(r->event, "pipe_io") == 0 && op != NULL &&
	    (e = lt_end(t, r->pid, (unsigned long)tape_num(r, "inode", 0)))) {
		if (strcmp(op, "write") == 0)
			e->wrote += tape_num(r, "bytes", 0);
		else if (strcmp(op, "read") == 0)
			e->read += tape_num(r, "bytes", 0);
		else if (strcmp(op, "eof") == 0)
			e->eof = 1;
	}
}

/* A reason with a process, a pipe, a count and a word (positional). */
static void
lt_why(char *why, size_t n, const char *fmt, const char *who,
    unsigned long inode, long bytes, const char *word)
{
	snprintf(why, n, fmt, who, inode, bytes, word);
}

/*
 * tape pipe FROM TO [BYTES]: a pipe into which processes named FROM wrote
 * (BYTES in all, when given) and from which one named TO read until end
 * of file.
 */
static int
lt_pipe(struct lt_tape *t, int argc, char **argv, char *why, size_t n)
{
	long want = argc == 5 ? strtol(argv[4], NULL, 0) : -1, w;
	int i, k, eof, read, wrote_any = 0, zh = i18n_lang() == LANG_ZH;

	for (i = 0; i < t->ne; i++) {
		if (t->e[i].wrote == 0 ||
		    strcmp(lt_name(t, t->e[i].pid), argv[2]) != 0)
			continue;
		wrote_any = 1;
		/* every FROM's bytes into this pipe; TO's reads of it */
		for (w = 0, eof = 0, read = 0, k = 0; k < t->ne; k++) {
			if (t->e[k].inode != t->e[i].inode)
				continue;
			if (strcmp(lt_name(t, t->e[k].pid), argv[2]) == 0)
				w += t->e[k].wrote;
			if (strcmp(lt_name(t, t->e[k].pid), argv[3]) == 0) {
				read = read || t->e[k].read > 0 || t->e[k].eof;
				eof = eof || t->e[k].eof;
			}
		}
		if (!read) {
			lt_why(why, n, zh ?
			    "%1$s 向管道 %2$lu 写入了 %3$ld 字节，但 %4$s 没有从中读取" :
			    "%1$s wrote %3$ld bytes into pipe %2$lu, but %4$s did not read from it",
			    argv[2], t->e[i].inode, w, argv[3]);
			continue;
		}
		if (want >= 0 && w != want) {
			lt_why(why, n, zh ?
			    "%1$s 向管道 %2$lu 写入了 %3$ld 字节，而不是 %4$s 字节" :
			    "%1$s wrote %3$ld bytes into pipe %2$lu, not %4$s",
			    argv[2], t->e[i].inode, w, argv[4]);
			continue;
		}
		if (!eof) {
			snprintf(why, n, tr("%s did not read pipe %lu to end of "
			    "file", "%s 没有把管道 %lu 读到文件结束"), argv[3],
			    t->e[i].inode);
			continue;
		}
		return 1;
	}
	if (!wrote_any)
		snprintf(why, n, tr("the tape shows no pipe written by %s "
		    "since the last commands began",
		    "录像中自上次命令开始以来没有 %s 写入的管道"), argv[2]);
	return 0;
}

/*
 * tape sigreturn SIG [COMM]: SIG was delivered to the handler of a
 * process (named COMM) and the handler returned through rt_sigreturn.
 */
static int
lt_sigreturn(int argc, char **argv, const struct tape_rec *v, int nv,
    struct lt_tape *t, char *why, size_t n)
{
	const char *sig = sig_name(sig_parse(argv[2])), *s;
	pid_t waiting = 0;
	int i;

	snprintf(why, n, tr("the tape shows no SIG%s delivered to a handler "
	    "since the last commands began",
	    "录像中自上次命令开始以来没有递达处理函数的 SIG%s"), sig);
	for (i = 0; i < nv; i++) {
		s = tape_get(&v[i], "signal");
		if (s == NULL || strcmp(s, sig) != 0 ||
		    (argc == 4 && strcmp(lt_name(t, v[i].pid), argv[3]) != 0))
			continue;
		if (strcmp(v[i].event, "signal_delivered") == 0 &&
		    strcmp(tape_get(&v[i], "action") ?
		    tape_get(&v[i], "action") : "", "handler") == 0) {
			waiting = v[i].pid;
			if (i18n_lang() == LANG_ZH)
				snprintf(why, n, "%d 的 SIG%s 处理函数还没有返回"
				    "（录像中没有 rt_sigreturn）", (int)waiting,
				    sig);
			else
				snprintf(why, n, "the SIG%s handler of %d has "
				    "not returned (no rt_sigreturn on the tape)",
				    sig, (int)waiting);
		} else if (strcmp(v[i].event, "sigreturn") == 0 &&
		    v[i].pid == waiting) {
			return 1;
		}
	}
	return 0;
}

int
ltape_eval(int argc, char **argv, char *why, size_t whysize)
{
	struct tape_follow *f;
	struct tape_rec *v = NULL, *nv;
	struct lt_tape *t;
	char path[4096];
	int nvr = 0, cap = 0, r = 0, i;

	if (!sh_opt.tape || lt_path(path, sizeof(path)) < 0 ||
	    (f = tape_follow_open(path, 0)) == NULL) {
		snprintf(why, whysize, "%s", tr("the tape is off (set -o tape)",
		    "录像没有打开（set -o tape）"));
		return 0;
	}
	t = calloc(1, sizeof(*t));
	if (t == NULL) {
		tape_follow_close(f);
		snprintf(why, whysize, "%s", strerror(ENOMEM));
		return 0;
	}
	tape_follow_seek(f, lt_mark);
	for (;;) {
		if (nvr == cap) {
			cap = cap * 2 + 64;
			nv = realloc(v, (size_t)cap * sizeof(*v));
			if (nv == NULL)
				break;
			v = nv;
		}
		if (tape_follow_next(f, &v[nvr]) != 1)
			break;
		lt_add(t, &v[nvr++]);
	}
	tape_follow_close(f);
	if (strcmp(argv[1], "pipe") == 0)
		r = lt_pipe(t, argc, argv, why, whysize);
	else
		r = lt_sigreturn(argc, argv, v, nvr, t, why, whysize);
	for (i = 0; i < nvr; i++)
		tape_rec_free(&v[i]);
	free(v);
	free(t);
	return r;
}

int
ltape_used(const struct lesson *l)
{
	size_t i, k;

	for (i = 0; i < l->nitems; i++)
		for (k = 0; k < l->items[i].nchecks; k++)
			if (l->items[i].checks[k].kind != NULL &&
			    l->items[i].checks[k].kind->tape)
				return 1;
	return 0;
}
