/*
 * check_say.c - a lesson check said as a sentence in the student's
 * language ("yes is blocked in pipe write"), never in the check language,
 * for what played lessons, refusals and `lesson check` print.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss.h"
#include "i18n.h"
#include "lesson_check.h"
#include "probe.h"
#include "shell.h"
#include "sigtab.h"

/* A sentence being written into a caller's buffer. */
struct say {
	char	*buf;
	size_t	size;
	size_t	len;
};

static void
say_add(struct say *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (s->len + 1 >= s->size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(s->buf + s->len, s->size - s->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		s->len += (size_t)n < s->size - s->len ? (size_t)n :
		    s->size - s->len - 1;
}

/* The value of option name among the words from i on, or NULL. */
static const char *
opt(char **a, int argc, int from, const char *name)
{
	int i;

	for (i = from; i + 1 < argc; i += 2)
		if (strcmp(a[i], name) == 0)
			return a[i + 1];
	return NULL;
}

/* A key as ftok prints it: 0x41012345. */
static const char *
key_of(const char *word, char *buf, size_t size)
{
	snprintf(buf, size, "0x%08lx",
	    (unsigned long)strtoul(word, NULL, 0) & 0xffffffffUL);
	return buf;
}

/* A path in the lesson's directory, said from there. */
static const char *
short_path(const char *path)
{
	const char *dir = var_get("LESSON_DIR");
	size_t n = dir != NULL ? strlen(dir) : 0;

	if (n > 0 && strncmp(path, dir, n) == 0 && path[n] == '/' &&
	    path[n + 1] != '\0')
		return path + n + 1;
	return path;
}

/*
 * A pattern of `ran`, for reading: a run of * at a word's edge is
 * dropped ("cat *README.md" is cat README.md), one inside a word is "…",
 * one before &, ; or | a blank.
 */
static void
say_pattern(struct say *s, const char *p)
{
	const char *q;
	int before, after;

	while (*p != '\0') {
		if (*p != '*') {
			say_add(s, "%c", *p++);
			continue;
		}
		for (q = p; *q == '*'; q++)
			;
		before = s->len > 0 && s->buf[s->len - 1] != ' ';
		after = *q != '\0' && *q != ' ';
		/* "./x*&" is ./x &, "a*b" a…b */
		if (before && after)
			say_add(s, "%s", strchr("&;|", *q) != NULL ? " " : "…");
		p = q;
	}
	while (s->len > 0 && s->buf[s->len - 1] == ' ')
		s->buf[--s->len] = '\0';
}

/* Signals of a list ("USR1,INT") said as "SIGUSR1, SIGINT". */
static void
say_signals(struct say *s, const char *list)
{
	char *copy = strdup(list), *tok, *save = NULL;
	const char *name;
	int n, first = 1;

	if (copy == NULL)
		return;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		n = sig_parse(tok);
		name = n > 0 ? sig_name(n) : NULL;
		say_add(s, "%s", first ? "" : tr(", ", "、"));
		if (name != NULL)
			say_add(s, "SIG%s", name);
		else
			say_add(s, "%s", tok);
		first = 0;
	}
	free(copy);
}

/* The state letters of proc(5), in words. */
static const char *
state_word(char c)
{
	static const struct {
		char c;
		const char *en, *zh;
	} words[] = {
		{ 'R', "running", "运行" }, { 'S', "sleeping", "睡眠" },
		{ 'D', "in uninterruptible sleep", "不可中断的睡眠" },
		{ 'T', "stopped", "停止" },
		{ 't', "stopped by its tracer", "被跟踪而停止" },
		{ 'Z', "a zombie", "僵尸" }, { 'X', "dead", "死亡" },
		{ 'I', "idle", "空闲" },
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (words[i].c == c)
			return tr(words[i].en, words[i].zh);
	return "?";
}

static void
say_proc(struct say *s, char **a, int argc)
{
	const char *st = opt(a, argc, 2, "state");
	const char *w = opt(a, argc, 2, "wchan");
	char word[64];

	/* the kernel's name said as the pane says it: do_wait is wait */
	if (w != NULL)
		w = probe_wchan_word(w, word, sizeof(word));
	if (w != NULL) {
		/* "yes is blocked in pipe write": 阻塞, a process in a call */
		say_add(s, tr("%s is %s in %s", "%s %s在 %s 中"), a[1],
		    gloss(GL_BLOCKED), w);
		if (st != NULL)
			say_add(s, tr(" (state %c, %s)", "（状态 %c，%s）"),
			    st[0], state_word(st[0]));
	} else if (st != NULL) {
		say_add(s, tr("%s is in state %c (%s)", "%s 处于状态 %c（%s）"),
		    a[1], st[0], state_word(st[0]));
	} else {
		say_add(s, tr("a process %s is there", "进程 %s 存在"), a[1]);
	}
}

static void
say_signal(struct say *s, char **a, int argc)
{
	static const struct {
		const char	*word;
		enum gloss	g;
	} sets[] = {
		{ "pending", GL_PENDING }, { "blocked", GL_MASKED },
		{ "ignored", GL_IGNORED }, { "caught", GL_CAUGHT },
	};
	size_t k;
	int i;

	say_add(s, tr("in %s, ", "%s 中 "), a[1]);
	for (i = 2; i + 1 < argc; i += 2) {
		for (k = 0; k < sizeof(sets) / sizeof(sets[0]); k++)
			if (strcmp(a[i], sets[k].word) == 0)
				break;
		if (k == sizeof(sets) / sizeof(sets[0]))
			continue;
		if (i > 2)
			say_add(s, "%s", tr(" and ", "，"));
		say_signals(s, a[i + 1]);
		/* 未决 is a state; the other three are done to the signal */
		if (i18n_lang() == LANG_ZH)
			say_add(s, " %s%s", sets[k].g == GL_PENDING ? "" : "被",
			    gloss(sets[k].g));
		else
			say_add(s, " %s %s", strchr(a[i + 1], ',') != NULL ?
			    "are" : "is", gloss(sets[k].g));
	}
}

static void
say_fifo(struct say *s, char **a, int argc)
{
	static const struct {
		const char	*word, *en, *zh;
	} opts[] = {
		{ "open-readers", "%s blocked opening it to read",
		  "%s 个进程阻塞在以读方式打开它" },
		{ "open-writers", "%s blocked opening it to write",
		  "%s 个进程阻塞在以写方式打开它" },
		{ "readers", "%s holding its read end",
		  "%s 个进程持有它的读端" },
		{ "writers", "%s holding its write end",
		  "%s 个进程持有它的写端" },
	};
	size_t k;
	int i, first = 1;

	say_add(s, tr("%s is a %s", "%s 是%s"), short_path(a[1]),
	    gloss(GL_FIFO));
	for (i = 2; i + 1 < argc; i += 2)
		for (k = 0; k < sizeof(opts) / sizeof(opts[0]); k++) {
			if (strcmp(a[i], opts[k].word) != 0)
				continue;
			say_add(s, "%s", first ? tr(", with ", "，有 ") :
			    tr(", ", "，"));
			if (i18n_lang() == LANG_ZH) {
				say_add(s, opts[k].zh, a[i + 1]);
			} else {
				char n[64];

				snprintf(n, sizeof(n), "%s process%s", a[i + 1],
				    strcmp(a[i + 1], "1") == 0 ? "" : "es");
				say_add(s, opts[k].en, n);
			}
			first = 0;
		}
}

static void
say_sysv(struct say *s, char **a, int argc)
{
	char key[32];
	const char *v, *what;
	int plural;

	what = a[0][0] == 'q' ? gloss(GL_MSGQ) : a[0][1] == 'h' ?
	    tr("shared memory segment", "共享内存段") :
	    tr("semaphore set", "信号量集合");
	say_add(s, tr("the %s with key %s is there", "键值为 %2$s 的%1$s存在"),
	    what, key_of(a[1], key, sizeof(key)));
	if ((v = opt(a, argc, 2, "messages")) != NULL) {
		plural = strcmp(v, "1") != 0;
		say_add(s, tr(", holding %s message%s", "，其中有 %1$s 条消息"),
		    v, plural ? "s" : "");
	}
	if ((v = opt(a, argc, 2, "types")) != NULL)
		say_add(s, tr(", whose first messages have types %s",
		    "，前几条消息的类型依次是 %s"), v);
	if ((v = opt(a, argc, 2, "nattch")) != NULL) {
		/* nattch: 连接数, the column of ipcs -m */
		plural = strcmp(v, "1") != 0;
		say_add(s, tr(", attached %2$s time%3$s (%1$s)",
		    "，%1$s为 %2$s"),
		    gloss(GL_NATTCH), v, plural ? "s" : "");
	}
	if ((v = opt(a, argc, 2, "values")) != NULL)
		say_add(s, tr(", with values %s", "，值依次是 %s"), v);
	if ((v = opt(a, argc, 2, "text")) != NULL)
		say_add(s, a[0][0] == 'q' ? tr(", its first message '%s'",
		    "，第一条消息是 '%s'") : tr(", beginning with '%s'",
		    "，开头是 '%s'"), v);
}

static void
say_none(struct say *s, char **a, int argc)
{
	char key[32];
	const char *k = a[0] + strlen("no-");
	const char *what = strcmp(k, "queue") == 0 ? gloss(GL_MSGQ) :
	    strcmp(k, "shm") == 0 ? tr("shared memory segment",
	    "共享内存段") : tr("semaphore set", "信号量集合");

	if (argc > 1)
		say_add(s, tr("no %s with key %s is left",
		    "键值为 %2$s 的%1$s已不存在"), what,
		    key_of(a[1], key, sizeof(key)));
	else
		say_add(s, tr("no %s made during the lesson is left",
		    "本课中创建的%s都已删除"), what);
}

/* A POSIX name as mq_open(3) takes it: the slash the check may leave out. */
static const char *
px_name(const char *w, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s", w[0] == '/' ? "" : "/", w);
	return buf;
}

/*
 * "the WHAT /NAME is there", or for no-pmq and no-pshm "no WHAT /NAME is
 * left": 0 then, as the options say nothing more.
 */
static int
say_px(struct say *s, char **a, const char *what)
{
	char name[300];

	px_name(a[1], name, sizeof(name));
	if (strncmp(a[0], "no-", 3) == 0) {
		say_add(s, tr("no %s %s is left", "%s %s 已不存在"), what, name);
		return 0;
	}
	say_add(s, tr("the %s %s is there", "%s %s 存在"), what, name);
	return 1;
}

static void
say_pmq(struct say *s, char **a, int argc)
{
	const char *v;

	if (!say_px(s, a, gloss(GL_POSIX_MQ)))
		return;
	if ((v = opt(a, argc, 2, "messages")) != NULL)
		say_add(s, tr(", holding %s message%s", "，其中有 %1$s 条消息"),
		    v, strcmp(v, "1") != 0 ? "s" : "");
	if ((v = opt(a, argc, 2, "maxmsg")) != NULL)
		say_add(s, tr(", with room for %s", "，最多容纳 %s 条"), v);
	if ((v = opt(a, argc, 2, "blocked")) != NULL)
		say_add(s, tr(", and %s is %s in mq_receive or mq_send on it",
		    "，%s %s在它的 mq_receive 或 mq_send 中"), v,
		    gloss(GL_BLOCKED));
}

static void
say_pshm(struct say *s, char **a, int argc)
{
	char what[128];
	const char *v;

	/* "POSIX shared memory object", "POSIX 共享内存对象" */
	snprintf(what, sizeof(what), "%s%s", gloss(GL_POSIX_SHM),
	    tr(" object", "对象"));
	if (!say_px(s, a, what))
		return;
	if ((v = opt(a, argc, 2, "size")) != NULL)
		say_add(s, tr(", of %s bytes", "，大小 %s 字节"), v);
	if ((v = opt(a, argc, 2, "mappers")) != NULL)
		say_add(s, tr(", mapped by %s process%s",
		    "，有 %1$s 个进程映射它"), v,
		    strcmp(v, "1") != 0 ? "es" : "");
	if ((v = opt(a, argc, 2, "text")) != NULL)
		say_add(s, tr(", beginning with '%s'", "，开头是 '%s'"), v);
}

/* socket FROM TO: what FROM sent waits at TO's end. */
static void
say_socket(struct say *s, char **a, int argc)
{
	const char *v;

	say_add(s, tr("a %s joins %s to %s", "有一个%s连接着 %s 和 %s"),
	    gloss(GL_SOCKET), a[1], a[2]);
	if ((v = opt(a, argc, 3, "type")) != NULL)
		say_add(s, tr(", of type %s", "，类型为 %s"), v);
	if ((v = opt(a, argc, 3, "queued")) != NULL)
		say_add(s, tr(", with %2$s byte%3$s from %1$s waiting for %4$s",
		    "，%1$s 发出的 %2$s 字节在等待 %4$s 读取"), a[1], v,
		    strcmp(v, "1") != 0 ? "s" : "", a[2]);
}

static void
say_status(struct say *s, const char *w)
{
	char *end;
	long n = strtol(w, &end, 0);
	int sig = -1;

	if (end == w || *end != '\0') {
		sig = sig_parse(w);
		n = sig > 0 ? 128 + sig : -1;
	} else if (n > 128 && sig_name((int)n - 128) != NULL) {
		sig = (int)n - 128;
	}
	if (n == 0)
		say_add(s, "%s", tr("the last command succeeded (status 0)",
		    "上一条命令执行成功（状态 0）"));
	else if (sig > 0 && sig_name(sig) != NULL)
		say_add(s, tr(
		    "the last command was ended by SIG%s (status %ld)",
		    "上一条命令被 SIG%s 终止（状态 %ld）"), sig_name(sig), n);
	else
		say_add(s, tr("the last command's status is %ld",
		    "上一条命令的状态是 %ld"), n);
}

/* tape pipe FROM TO [BYTES], tape sigreturn SIG [COMM]. */
static int
say_tape(struct say *s, char **a, int argc)
{
	if (strcmp(a[1], "pipe") == 0 && argc > 4)
		say_add(s, tr("%s wrote %s bytes into a %s that %s read",
		    "%1$s 向%3$s写入 %2$s 字节，由 %4$s 读出"), a[2], a[4],
		    gloss(GL_PIPE), a[3]);
	else if (strcmp(a[1], "pipe") == 0 && argc > 3)
		say_add(s, tr("%s wrote into a %s that %s read",
		    "%1$s 向%2$s写入数据，由 %3$s 读出"), a[2], gloss(GL_PIPE),
		    a[3]);
	else if (strcmp(a[1], "sigreturn") == 0 && argc > 2) {
		say_signals(s, a[2]);
		if (argc > 3)
			say_add(s, tr(" went to a handler in %s",
			    " 交给 %s 的处理函数"), a[3]);
		else
			say_add(s, "%s", tr(" went to a handler",
			    " 交给处理函数"));
		say_add(s, "%s", tr(", which returned with rt_sigreturn",
		    "，处理函数经 rt_sigreturn 返回"));
	} else
		return 0;
	return 1;
}

void
lcheck_say_pattern(const char *pattern, char *buf, size_t size)
{
	struct say s = { buf, size, 0 };

	if (size == 0)
		return;
	buf[0] = '\0';
	say_pattern(&s, pattern);
}

int
lcheck_say(const struct lcheck *c, char *buf, size_t size)
{
	struct say s = { buf, size, 0 };
	char **a, pat[512];
	const char *k;
	int i, argc = c->argc, known = 1;

	if (size == 0)
		return -1;
	buf[0] = '\0';
	a = calloc((size_t)argc + 1, sizeof(char *));
	if (a == NULL)
		return -1;
	for (i = 0; i < argc; i++)
		if ((a[i] = lcheck_expand(c->argv[i])) == NULL)
			goto fail;
	k = a[0];
	if (strcmp(k, "pipe-full") == 0 && argc > 1)
		say_add(&s, tr("the %s written by %s is full",
		    "%2$s 写的%1$s已满"), gloss(GL_PIPE), a[1]);
	else if (strcmp(k, "pipe-fill") == 0 && argc > 2)
		say_add(&s, tr("the %s written by %s holds at least %s bytes",
		    "%2$s 写的%1$s中至少有 %3$s 字节"), gloss(GL_PIPE), a[1],
		    a[2]);
	else if (strcmp(k, "proc") == 0 && argc > 1)
		say_proc(&s, a, argc);
	else if (strcmp(k, "no-proc") == 0 && argc > 1)
		say_add(&s, tr("no process %s is left", "进程 %s 已不存在"),
		    a[1]);
	else if (strcmp(k, "signal") == 0 && argc > 1)
		say_signal(&s, a, argc);
	else if (strcmp(k, "fifo") == 0 && argc > 1)
		say_fifo(&s, a, argc);
	else if (strcmp(k, "no-fifo") == 0 && argc > 1)
		say_add(&s, tr("%s is gone", "%s 已不存在"), short_path(a[1]));
	else if ((strcmp(k, "queue") == 0 || strcmp(k, "shm") == 0 ||
	    strcmp(k, "sem") == 0) && argc > 1)
		say_sysv(&s, a, argc);
	else if (strncmp(k, "no-", 3) == 0 && (strcmp(k + 3, "queue") == 0 ||
	    strcmp(k + 3, "shm") == 0 || strcmp(k + 3, "sem") == 0))
		say_none(&s, a, argc);
	else if ((strcmp(k, "pmq") == 0 || strcmp(k, "no-pmq") == 0) &&
	    argc > 1)
		say_pmq(&s, a, argc);
	else if ((strcmp(k, "pshm") == 0 || strcmp(k, "no-pshm") == 0) &&
	    argc > 1)
		say_pshm(&s, a, argc);
	else if (strcmp(k, "socket") == 0 && argc > 2)
		say_socket(&s, a, argc);
	else if (strcmp(k, "status") == 0 && argc > 1)
		say_status(&s, a[1]);
	else if (strcmp(k, "ran") == 0 && argc > 1) {
		lcheck_say_pattern(c->argv[1], pat, sizeof(pat));
		say_add(&s, tr("a command like `%s` was run",
		    "运行过像 `%s` 这样的命令"), pat);
	} else if (strcmp(k, "tape") == 0 && argc > 1) {
		known = say_tape(&s, a, argc);
	} else if (strcmp(k, "shell") == 0) {
		const char *cmd = c->text + strlen("shell");

		say_add(&s, tr("the command `%s` succeeds",
		    "命令 `%s` 执行成功"), cmd + strspn(cmd, " \t"));
	} else {
		known = 0;
	}
	if (!known)
		snprintf(buf, size, "%s", c->text);
	for (i = 0; i < argc; i++)
		free(a[i]);
	free(a);
	return known ? 0 : 1;
fail:
	for (i = 0; i < argc; i++)
		free(a[i]);
	free(a);
	snprintf(buf, size, "%s", c->text);
	return -1;
}
