/*
 * tape_rec.c - the tape's line format: writing a record (the tracer),
 * parsing one (the readers), the records the shell writes of itself, following a growing tape, and where a
 * shell announces its tape.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "fdio.h"
#include "tape.h"
#include "tape_int.h"

static void
rb_put(struct rb *r, const char *s, size_t len)
{
	if (r->n + len >= sizeof(r->b) - 2)
		len = sizeof(r->b) - 2 - r->n;
	memcpy(r->b + r->n, s, len);
	r->n += len;
}

void (*rb_hook)(void);

void
rb_start(struct rb *r, pid_t pid, const char *event)
{
	static int in_hook;
	struct timespec ts;
	char head[64];
	int len;

	if (rb_hook != NULL && !in_hook) {
		in_hook = 1;
		rb_hook();
		in_hook = 0;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	r->n = 0;
	len = snprintf(head, sizeof(head), "%lld.%06ld %d %s",
	    (long long)ts.tv_sec, ts.tv_nsec / 1000, (int)pid, event);
	rb_put(r, head, (size_t)len);
}

void
rb_key(struct rb *r, const char *key)
{
	rb_put(r, " ", 1);
	rb_put(r, key, strlen(key));
	rb_put(r, "=", 1);
}

/* Percent-encodes what would end a value: space, %, comma, controls. */
static void
rb_enc(struct rb *r, const char *v)
{
	char hex[4];

	for (; *v != '\0'; v++) {
		unsigned char c = (unsigned char)*v;

		if (c <= ' ' || c == '%' || c == ',' || c == 0x7f) {
			snprintf(hex, sizeof(hex), "%%%02X", c);
			rb_put(r, hex, 3);
		} else {
			rb_put(r, (const char *)&c, 1);
		}
	}
}

void
rb_item(struct rb *r, const char *v, int first)
{
	if (!first)
		rb_put(r, ",", 1);
	if (*v == '\0')
		rb_put(r, "%00", 3);	/* an empty element stays visible */
	else
		rb_enc(r, v);
}

void
rb_str(struct rb *r, const char *key, const char *v)
{
	rb_key(r, key);
	if (*v == '\0')
		rb_put(r, "%00", 3);
	else
		rb_enc(r, v);
}

void
rb_num(struct rb *r, const char *key, long v)
{
	char num[24];

	rb_key(r, key);
	rb_put(r, num, (size_t)snprintf(num, sizeof(num), "%ld", v));
}

/*
 * Records wait here and go out in one write(2) (O_APPEND keeps lines
 * whole and in order) when the tracer is about to wait (rb_flush), or
 * when the next one would not fit: a wake-up of the tracer that makes
 * several records writes once.
 */
static char rb_pend[65536];
static size_t rb_npend;
static int rb_pend_fd = -1;

int
rb_flush(void)
{
	int rc = fdio_write(rb_pend_fd, rb_pend, rb_npend) == rb_npend ? 0 : -1;

	rb_npend = 0;
	return rc;
}

int
rb_end(struct rb *r, int out)
{
	int rc = 0;

	r->b[r->n++] = '\n';
	if (out != rb_pend_fd || rb_npend + r->n > sizeof(rb_pend)) {
		if (rb_pend_fd >= 0)
			rc = rb_flush();
		rb_pend_fd = out;
	}
	memcpy(rb_pend + rb_npend, r->b, r->n);
	rb_npend += r->n;
	return rc;
}

/*
 * What the shell did itself: its records are written as the tracer
 * writes those of a traced process, with own=1 and the builtin's name.
 */
int
tape_own_write(int out, pid_t pid, const struct tape_own *o)
{
	struct rb r;

	rb_start(&r, pid, o->event);
	rb_num(&r, "own", 1);
	if (o->cmd != NULL)
		rb_str(&r, "cmd", o->cmd);
	rb_num(&r, "inode", (long)o->inode);
	if (o->path != NULL)
		rb_str(&r, "path", o->path);
	rb_num(&r, "fd", o->fd);
	if (o->end != NULL)
		rb_str(&r, "end", o->end);
	if (o->op != NULL) {
		rb_str(&r, "op", o->op);
		rb_num(&r, "bytes", o->bytes);
		rb_num(&r, "calls", o->calls);
	}
	if (o->err != NULL)
		rb_str(&r, "errno", o->err);
	if (rb_end(&r, out) < 0)
		return -1;
	return rb_flush();
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decodes %XX in place. */
static void
decode(char *s)
{
	char *d = s;
	int h, l;

	while (*s != '\0') {
		if (s[0] == '%' && (h = hexval(s[1])) >= 0 &&
		    (l = hexval(s[2])) >= 0) {
			*d++ = (char)(h * 16 + l);
			s += 3;
		} else {
			*d++ = *s++;
		}
	}
	*d = '\0';
}

/* The keys whose values are lists. */
int
tape_is_list(const char *key)
{
	return strcmp(key, "argv") == 0 || strcmp(key, "fds") == 0 ||
	    strcmp(key, "inodes") == 0;
}

int
tape_parse(const char *line, struct tape_rec *r)
{
	char *p, *tok, *save, *eq, *dot;
	long long sec;
	int n;

	memset(r, 0, sizeof(*r));
	r->buf = strdup(line);
	if (r->buf == NULL)
		return -1;
	p = strchr(r->buf, '\n');
	if (p != NULL)
		*p = '\0';
	tok = strtok_r(r->buf, " ", &save);
	if (tok == NULL || sscanf(tok, "%lld", &sec) != 1)
		goto bad;
	r->time.tv_sec = (time_t)sec;
	dot = strchr(tok, '.');
	if (dot != NULL)
		r->time.tv_nsec = strtol(dot + 1, NULL, 10) * 1000;
	tok = strtok_r(NULL, " ", &save);
	if (tok == NULL || (n = atoi(tok)) < 0)
		goto bad;
	r->pid = n;
	tok = strtok_r(NULL, " ", &save);
	if (tok == NULL || strlen(tok) >= sizeof(r->event))
		goto bad;
	strcpy(r->event, tok);
	while ((tok = strtok_r(NULL, " ", &save)) != NULL &&
	    r->nkv < TAPE_MAXKV) {
		eq = strchr(tok, '=');
		if (eq == NULL || eq - tok >= (long)sizeof(r->kv[0].key))
			continue;
		memcpy(r->kv[r->nkv].key, tok, (size_t)(eq - tok));
		r->kv[r->nkv].key[eq - tok] = '\0';
		r->kv[r->nkv].val = eq + 1;
		/* lists decode per element (tape_list_item) */
		if (!tape_is_list(r->kv[r->nkv].key))
			decode(eq + 1);
		r->nkv++;
	}
	return 0;
bad:
	free(r->buf);
	r->buf = NULL;
	errno = EINVAL;
	return -1;
}

void
tape_rec_free(struct tape_rec *r)
{
	free(r->buf);
	r->buf = NULL;
	r->nkv = 0;
}

const char *
tape_get(const struct tape_rec *r, const char *key)
{
	int i;

	for (i = 0; i < r->nkv; i++)
		if (strcmp(r->kv[i].key, key) == 0)
			return r->kv[i].val;
	return NULL;
}

long
tape_num(const struct tape_rec *r, const char *key, long def)
{
	const char *v = tape_get(r, key);
	char *end;
	long n;

	if (v == NULL || *v == '\0')
		return def;
	errno = 0;
	n = strtol(v, &end, 0);
	if (*end != '\0' || errno != 0)
		return def;
	return n;
}

char *
tape_list_item(const char *list, int n)
{
	const char *p = list, *e;
	char *s;

	if (list == NULL)
		return NULL;
	while (n-- > 0) {
		p = strchr(p, ',');
		if (p == NULL)
			return NULL;
		p++;
	}
	e = strchr(p, ',');
	s = strndup(p, e ? (size_t)(e - p) : strlen(p));
	if (s == NULL)
		return NULL;
	decode(s);
	return s;
}

int
tape_exec_name(const struct tape_rec *r, char *name, size_t size)
{
	char *a = tape_list_item(tape_get(r, "argv"), 0), *b;

	if (a == NULL)
		return -1;
	b = strrchr(a, '/');
	snprintf(name, size, "%s", b ? b + 1 : a);
	free(a);
	return 0;
}

struct tape_follow {
	FILE	*f;
	char	*line;
	size_t	cap;
	char	*part;		/* a line not yet ended by its newline */
};

struct tape_follow *
tape_follow_open(const char *path, int from_end)
{
	struct tape_follow *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return NULL;
	f->f = fopen(path, "re");
	if (f->f == NULL) {
		free(f);
		return NULL;
	}
	if (from_end)
		fseek(f->f, 0, SEEK_END);
	return f;
}

int
tape_follow_same(struct tape_follow *f, const char *path)
{
	struct stat a, b;

	if (fstat(fileno(f->f), &a) < 0 || stat(path, &b) < 0)
		return 0;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int
tape_follow_next(struct tape_follow *f, struct tape_rec *r)
{
	ssize_t n;
	char *whole;

	for (;;) {
		clearerr(f->f);
		n = getline(&f->line, &f->cap, f->f);
		if (n <= 0)
			return 0;
		if (f->line[n - 1] != '\n') {
			/* the tracer's write is atomic, but be safe */
			whole = f->part ? NULL : strdup(f->line);
			if (f->part != NULL &&
			    asprintf(&whole, "%s%s", f->part, f->line) < 0)
				whole = NULL;
			free(f->part);
			f->part = whole;
			return 0;
		}
		if (f->part != NULL) {
			if (asprintf(&whole, "%s%s", f->part, f->line) < 0)
				return -1;
			free(f->part);
			f->part = NULL;
			n = tape_parse(whole, r);
			free(whole);
		} else {
			n = tape_parse(f->line, r);
		}
		if (n == 0)
			return 1;
		/* not a record: skip it */
	}
}

int
tape_follow_seek(struct tape_follow *f, long off)
{
	free(f->part);
	f->part = NULL;
	return fseek(f->f, off, SEEK_SET);
}

void
tape_follow_close(struct tape_follow *f)
{
	if (f == NULL)
		return;
	fclose(f->f);
	free(f->line);
	free(f->part);
	free(f);
}

int
tape_dir(char *buf, size_t size, int make)
{
	const char *run = getenv("XDG_RUNTIME_DIR"), *tmp = getenv("TMPDIR");
	struct stat st;
	int n;

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	if (run != NULL && *run == '/' && access(run, W_OK) == 0)
		n = snprintf(buf, size, "%s/ipcsh", run);
	else
		n = snprintf(buf, size, "%s/ipcsh-%u", tmp, (unsigned)getuid());
	if (n < 0 || (size_t)n >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (make && mkdir(buf, 0700) < 0 && errno != EEXIST)
		return -1;
	/* a folder someone else made for us is not ours */
	if (lstat(buf, &st) < 0)
		return -1;
	if (!S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
	    (st.st_mode & 077) != 0) {
		errno = EPERM;
		return -1;
	}
	return 0;
}

int
tape_dir_drop(void)
{
	char dir[4096];

	if (tape_dir(dir, sizeof(dir), 0) < 0)
		return -1;
	return rmdir(dir);
}

int
tape_path_for(pid_t shell, char *buf, size_t size)
{
	char dir[4096];
	int n;

	if (tape_dir(dir, sizeof(dir), 0) < 0)
		return -1;
	n = snprintf(buf, size, "%s/tape.%d", dir, (int)shell);
	if (n < 0 || (size_t)n >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}
