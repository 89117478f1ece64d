/*
 * ipcs.c - ipcs, byte for byte like util-linux's (Debian 12, 2.38), but
 * reading the kernel through the System V kinds table (sysv.h): one row
 * printer and one table of heads for the three kinds.
 */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/random.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#include "gloss.h"
#include "i18n.h"
#include "sandbox/sandbox.h"
#include "shell.h"
#include "sysv.h"
#include "sysvcmd.h"

enum ipcs_format { F_DEFAULT, F_LIMITS, F_STATUS, F_CREATOR, F_TIME, F_PID };
enum ipcs_unit { U_DEFAULT, U_KB, U_BYTES, U_HUMAN };

/*
 * getpwuid(3) reads /etc/passwd on every call; ipcs asks once per row, so
 * remember the answers for the run of one command.
 */
struct name_cache {
	unsigned	id[64];
	char		*name[64];	/* NULL: no such user or group */
	int		n;
};

static const char *
name_lookup(struct name_cache *c, unsigned id, int group)
{
	const char *s = NULL;
	int i;

	for (i = 0; i < c->n; i++)
		if (c->id[i] == id)
			return c->name[i];
	if (group) {
		struct group *gr = getgrgid(id);

		if (gr != NULL)
			s = gr->gr_name;
	} else {
		struct passwd *pw = getpwuid(id);

		if (pw != NULL)
			s = pw->pw_name;
	}
	if (c->n < 64) {
		c->id[c->n] = id;
		c->name[c->n] = s != NULL ? strdup(s) : NULL;
		return c->name[c->n++];
	}
	return s;
}

static void
name_cache_free(struct name_cache *c)
{
	int i;

	for (i = 0; i < c->n; i++)
		free(c->name[i]);
	c->n = 0;
}

static struct name_cache users, groups;

/* "%-10d %-10.10s" as util-linux prints an id and its owner. */
static void
ipcs_id_owner(const char *idfmt, int id, uid_t uid)
{
	const char *name = name_lookup(&users, uid, 0);

	printf(idfmt, id);
	if (name != NULL)
		printf(" %-10.10s", name);
	else
		printf(" %-10u", (unsigned)uid);
}

/* " %-10s": the user's or group's name, else its number. */
static void
ipcs_name(unsigned id, int group)
{
	const char *s = name_lookup(group ? &groups : &users, id, group);

	if (s != NULL)
		printf(" %-10s", s);
	else
		printf(" %-10u", id);
}

/* A row of -c: id, perms, creator's and owner's user and group. */
static void
ipcs_perms(int id, const struct sysv_perm *p)
{
	printf("%-10d %-10o", id, p->mode & 0777);
	ipcs_name((unsigned)p->cuid, 0);
	ipcs_name((unsigned)p->cgid, 1);
	ipcs_name((unsigned)p->uid, 0);
	ipcs_name((unsigned)p->gid, 1);
	printf("\n");
}

/* The start of a default row: key, id, owner, perms and a blank. */
static void
ipcs_key_id_mode(int id, const struct sysv_perm *p)
{
	printf("0x%08x ", (unsigned)p->key);
	ipcs_id_owner("%-10d", id, p->uid);
	printf(" %-10o ", p->mode & 0777);
}

/* ctime(3) of t, or "Not set" when t is 0; skip drops the weekday. */
static const char *
ipcs_time(time_t t, char *buf, int skip)
{
	if (t == 0)
		return "Not set";
	if (ctime_r(&t, buf) == NULL)
		return "?";
	return buf + skip;
}

/* A row of -t for queues and segments: id, owner and three times. */
static void
ipcs_times(const char *idfmt, int id, uid_t uid, const time_t t[3])
{
	char b[32];
	int i;

	ipcs_id_owner(idfmt, id, uid);
	for (i = 0; i < 3; i++)
		printf(" %-20.16s", ipcs_time(t[i], b, 4));
	printf("\n");
}

/*
 * Sizes with one binary letter ("16K", "1.5M"), rounded to one decimal
 * as util-linux's size_to_human_string(SIZE_SUFFIX_1LETTER) does.
 */
static void
ipcs_human(uint64_t bytes, char *buf, size_t len)
{
	static const char letters[] = "BKMGTPE";
	int exp, shft, dec;
	uint64_t frac;
	const char *dp;
	struct lconv *l;

	for (shft = 10; shft <= 60; shft += 10)
		if (bytes < (1ULL << shft))
			break;
	exp = shft - 10;
	dec = exp ? (int)(bytes / (1ULL << exp)) : (int)bytes;
	frac = exp ? bytes % (1ULL << exp) : 0;
	if (frac) {
		if (frac >= UINT64_MAX / 1000)
			frac = ((frac / 1024) * 1000) / (1ULL << (exp - 10));
		else
			frac = (frac * 1000) / (1ULL << exp);
		frac = ((frac + 50) / 100) * 10;
		if (frac == 100) {
			dec++;
			frac = 0;
		}
	}
	if (frac) {
		l = localeconv();
		dp = l != NULL && l->decimal_point != NULL &&
		    *l->decimal_point ? l->decimal_point : ".";
		/* one digit: "%02" then the extraneous zero dropped */
		snprintf(buf, len, "%d%s%" PRIu64 "%c", dec, dp, frac / 10,
		    letters[exp / 10]);
	} else {
		snprintf(buf, len, "%d%c", dec, letters[exp / 10]);
	}
}

/* util-linux's ipc_print_size(): label, value in the unit, end. */
static void
ipcs_size(int unit, const char *msg, uint64_t size, const char *end,
    int width)
{
	char h[40];

	if (msg == NULL)
		;
	else if (msg[strlen(msg) - 1] == '=')
		printf("%s", msg);
	else if (unit == U_BYTES)
		printf("%s (bytes) = ", msg);
	else if (unit == U_KB)
		printf("%s (kbytes) = ", msg);
	else
		printf("%s = ", msg);
	switch (unit) {
	case U_DEFAULT:
	case U_BYTES:
		printf("%*" PRIu64, width, size);
		break;
	case U_KB:
		printf("%*" PRIu64, width, size / 1024);
		break;
	default:
		ipcs_human(size, h, sizeof(h));
		printf("%*s", width, h);
		break;
	}
	if (end != NULL)
		printf("%s", end);
}

/* util-linux's title and column heads of each kind, for each format. */
struct ipcs_head {
	const char	*title;		/* NULL: the kind has no such view */
	const char	*fmt;
	const char	*col[7];
	const char	*human;		/* col[4] with --human */
};

static const struct ipcs_head ipcs_heads[SYSV_NKINDS][F_PID + 1] = {
	[SYSV_MSG] = {
		[F_DEFAULT] = { "------ Message Queues --------",
		    "%-10s %-10s %-10s %-10s %-12s %-12s\n",
		    { "key", "msqid", "owner", "perms", "used-bytes",
		    "messages" }, "size" },
		[F_CREATOR] = { "------ Message Queues Creators/Owners --------",
		    "%-10s %-10s %-10s %-10s %-10s %-10s\n",
		    { "msqid", "perms", "cuid", "cgid", "uid", "gid" }, NULL },
		[F_TIME] = { "------ Message Queues Send/Recv/Change Times --------",
		    "%-8s %-10s %-20s %-20s %-20s\n",
		    { "msqid", "owner", "send", "recv", "change" }, NULL },
		[F_PID] = { "------ Message Queues PIDs --------",
		    "%-10s %-10s %-10s %-10s\n",
		    { "msqid", "owner", "lspid", "lrpid" }, NULL },
	},
	[SYSV_SHM] = {
		[F_DEFAULT] = { "------ Shared Memory Segments --------",
		    "%-10s %-10s %-10s %-10s %-10s %-10s %-12s\n",
		    { "key", "shmid", "owner", "perms", "bytes", "nattch",
		    "status" }, "size" },
		[F_CREATOR] = { "------ Shared Memory Segment Creators/Owners --------",
		    "%-10s %-10s %-10s %-10s %-10s %-10s\n",
		    { "shmid", "perms", "cuid", "cgid", "uid", "gid" }, NULL },
		[F_TIME] = { "------ Shared Memory Attach/Detach/Change Times --------",
		    "%-10s %-10s %-20s %-20s %-20s\n",
		    { "shmid", "owner", "attached", "detached", "changed" },
		    NULL },
		[F_PID] = { "------ Shared Memory Creator/Last-op PIDs --------",
		    "%-10s %-10s %-10s %-10s\n",
		    { "shmid", "owner", "cpid", "lpid" }, NULL },
	},
	[SYSV_SEM] = {
		[F_DEFAULT] = { "------ Semaphore Arrays --------",
		    "%-10s %-10s %-10s %-10s %-10s\n",
		    { "key", "semid", "owner", "perms", "nsems" }, NULL },
		[F_CREATOR] = { "------ Semaphore Arrays Creators/Owners --------",
		    "%-10s %-10s %-10s %-10s %-10s %-10s\n",
		    { "semid", "perms", "cuid", "cgid", "uid", "gid" }, NULL },
		[F_TIME] = { "------ Semaphore Operation/Change Times --------",
		    "%-8s %-10s %-26.24s %-26.24s\n",
		    { "semid", "owner", "last-op", "last-changed" }, NULL },
		[F_PID] = { NULL, NULL, { NULL }, NULL },
	},
};

/* util-linux's row widths of each kind. */
static const struct {
	const char	*idfmt;		/* the id in -t and -p rows */
	const char	*pidfmt;	/* the two pids of -p; NULL: no rows */
	int		sizew;		/* the size column's width; 0: none */
	const char	*human_end;	/* after a --human size */
	const char	*countfmt;	/* the count ending a default row */
} ipcs_rowfmt[SYSV_NKINDS] = {
	[SYSV_MSG] = { "%-8d", "  %5d     %5d\n", -12, "      ", " %-12lu\n" },
	[SYSV_SHM] = { "%-10d", " %-10d %-10d\n", -10, "    ", " %-10lu" },
	[SYSV_SEM] = { "%-8d", NULL, 0, NULL, "%-10lu\n" },
};

/*
 * Chinese heads as util-linux's zh_CN translation prints them (the
 * shared-memory slide shows them: 键, 拥有者, 权限, 字节, 连接数, 状态),
 * built from the glossary's words and padded by bytes as its printf does.
 * English and the C locale keep util-linux's own, byte for byte.
 */
static int
ipcs_zh(void)
{
	return i18n_lang() == LANG_ZH;
}

static void
ipcs_header_zh(enum sysv_kind k, int unit)
{
	const struct ipcs_head *h = &ipcs_heads[k][F_DEFAULT];
	const char *owner = gloss(GL_OWNER), *perms = gloss(GL_PERMS);

	switch (k) {
	case SYSV_MSG:
		printf("--------- %s -----------\n", gloss(GL_MSGQ));
		printf(h->fmt, "键", "msqid", owner, perms,
		    unit == U_HUMAN ? "大小" : "已用字节数", gloss(GL_MESSAGE));
		break;
	case SYSV_SHM:
		printf("------------ %s --------------\n", gloss(GL_SHM_SEG));
		printf(h->fmt, "键", "shmid", owner, perms,
		    unit == U_HUMAN ? "大小" : gloss(GL_BYTES),
		    gloss(GL_NATTCH), gloss(GL_STATUS));
		break;
	default:
		printf("--------- %s数组 -----------\n", gloss(GL_SEM));
		printf(h->fmt, "键", "semid", owner, perms, "nsems");
		break;
	}
}

static void
ipcs_header(enum sysv_kind k, int format, int unit)
{
	const struct ipcs_head *h = &ipcs_heads[k][format];

	if (h->title == NULL)
		return;
	if (format == F_DEFAULT && ipcs_zh()) {
		ipcs_header_zh(k, unit);
		return;
	}
	printf("%s\n", h->title);
	printf(h->fmt, h->col[0], h->col[1], h->col[2], h->col[3],
	    unit == U_HUMAN && h->human != NULL ? h->human : h->col[4],
	    h->col[5], h->col[6]);
}

/*
 * A default row's columns after the id, as its last row had them: most
 * rows share them with the one before (one owner, one mode, queues
 * empty), so they are formatted once for a run of such rows. Forgotten
 * at the end of each ipcs, with the names.
 */
static struct {
	int		valid;
	enum sysv_kind	k;
	int		unit;
	uid_t		uid;
	unsigned	mode;		/* with SHM_DEST and SHM_LOCKED */
	unsigned long long bytes;
	unsigned long	count;
	size_t		len;		/* of text */
	char		text[160];
} row_tail;

/*
 * The default rows of one table, gathered here and written with one
 * fwrite(3) when full and at the table's end: "0x%08x %-10d " and the
 * tail formatted by hand, printf(3) per row being most of the builtin's
 * time with 1000 objects.
 */
static struct {
	size_t	n;
	char	b[4096];
} row_out;

static void
row_out_flush(void)
{
	if (row_out.n > 0)
		fwrite(row_out.b, 1, row_out.n, stdout);
	row_out.n = 0;
}

static void
row_out_put(key_t key, int id, const char *tail, size_t tl)
{
	static const char hex[] = "0123456789abcdef";
	unsigned k = (unsigned)key, u;
	char digits[12], *d, *o;
	int i, n;

	/* a row is 22 bytes, the tail (under 160) and an id of 11 at most */
	if (row_out.n + 40 + tl > sizeof(row_out.b))
		row_out_flush();
	o = row_out.b + row_out.n;
	*o++ = '0';
	*o++ = 'x';
	for (i = 3; i >= 0; i--) {	/* a byte, two digits, at a time */
		u = (k >> (8 * i)) & 0xff;
		*o++ = hex[u >> 4];
		*o++ = hex[u & 0xf];
	}
	*o++ = ' ';
	u = id < 0 ? 0u - (unsigned)id : (unsigned)id;
	d = digits + sizeof(digits);
	do
		*--d = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (id < 0)
		*--d = '-';
	n = (int)(digits + sizeof(digits) - d);
	memcpy(o, d, (size_t)n);
	o += n;
	for (; n < 10; n++)
		*o++ = ' ';
	*o++ = ' ';
	memcpy(o, tail, tl);
	row_out.n = (size_t)(o + tl - row_out.b);
}

/*
 * A default row but --human's: the key and the id, then the rest of the
 * columns (row_tail). printf(3) column by column was most of `ipcs -q`
 * with 1000 queues. An owner without a name shows its number: %-10.10s
 * of it is %-10u, a uid having at most 10 digits.
 */
static void
ipcs_row_plain(enum sysv_kind k, int unit, const struct sysv_view *v)
{
	const struct sysv_perm *p = v->perm;
	unsigned long long size = unit == U_KB ? v->bytes / 1024 : v->bytes;
	const char *owner;
	char num[16];

	if (!row_tail.valid || row_tail.k != k || row_tail.unit != unit ||
	    row_tail.uid != p->uid || row_tail.mode != p->mode ||
	    row_tail.bytes != v->bytes || row_tail.count != v->count) {
		owner = name_lookup(&users, (unsigned)p->uid, 0);
		if (owner == NULL) {
			snprintf(num, sizeof(num), "%u", (unsigned)p->uid);
			owner = num;
		}
		if (k == SYSV_MSG)
			snprintf(row_tail.text, sizeof(row_tail.text),
			    "%-10.10s %-10o %-12llu %-12lu\n", owner,
			    p->mode & 0777, size, v->count);
		else if (k == SYSV_SHM)
			snprintf(row_tail.text, sizeof(row_tail.text),
			    "%-10.10s %-10o %-10llu %-10lu %-6s %-6s\n", owner,
			    p->mode & 0777, size, v->count,
			    p->mode & SHM_DEST ? (ipcs_zh() ? "目标" : "dest") :
			    " ", p->mode & SHM_LOCKED ? "locked" : " ");
		else
			snprintf(row_tail.text, sizeof(row_tail.text),
			    "%-10.10s %-10o %-10lu\n", owner, p->mode & 0777,
			    v->count);
		row_tail.len = strlen(row_tail.text);
		row_tail.valid = 1;
		row_tail.k = k;
		row_tail.unit = unit;
		row_tail.uid = p->uid;
		row_tail.mode = p->mode;
		row_tail.bytes = v->bytes;
		row_tail.count = v->count;
	}
	row_out_put(p->key, v->id, row_tail.text, row_tail.len);
}

/* One row of any kind, in the format asked for. */
static void
ipcs_row(enum sysv_kind k, int format, int unit, const void *obj)
{
	struct sysv_view v;
	char b1[32], b2[32];

	sysv_view(k, obj, &v);
	switch (format) {
	case F_CREATOR:
		ipcs_perms(v.id, v.perm);
		break;
	case F_TIME:
		if (v.ntimes == 3) {
			ipcs_times(ipcs_rowfmt[k].idfmt, v.id, v.perm->uid,
			    v.time);
			break;
		}
		ipcs_id_owner(ipcs_rowfmt[k].idfmt, v.id, v.perm->uid);
		printf("  %-26.24s", ipcs_time(v.time[0], b1, 0));
		printf(" %-26.24s\n", ipcs_time(v.time[1], b2, 0));
		break;
	case F_PID:
		if (ipcs_rowfmt[k].pidfmt == NULL)
			break;
		ipcs_id_owner(ipcs_rowfmt[k].idfmt, v.id, v.perm->uid);
		printf(ipcs_rowfmt[k].pidfmt, (int)v.pid[0], (int)v.pid[1]);
		break;
	default:
		if (unit != U_HUMAN) {
			ipcs_row_plain(k, unit, &v);
			break;
		}
		ipcs_key_id_mode(v.id, v.perm);
		if (ipcs_rowfmt[k].sizew != 0 && unit == U_HUMAN)
			ipcs_size(unit, NULL, v.bytes, ipcs_rowfmt[k].human_end,
			    6);
		else if (ipcs_rowfmt[k].sizew != 0)
			ipcs_size(unit, NULL, v.bytes, NULL,
			    ipcs_rowfmt[k].sizew);
		printf(ipcs_rowfmt[k].countfmt, v.count);
		if (k == SYSV_SHM)
			printf(" %-6s %-6s\n",
			    v.perm->mode & SHM_DEST ?
			    (ipcs_zh() ? "目标" : "dest") : " ",
			    v.perm->mode & SHM_LOCKED ? "locked" : " ");
		break;
	}
}

/*
 * The heads, then a row for every object of the kind, as sysv_list finds
 * them (*_STAT_ANY by index up to the highest in use), each printed as
 * soon as it is read: no array of them all.
 */
static void
ipcs_table(enum sysv_kind k, int format, int unit)
{
	union {
		struct sysv_msq	q;
		struct sysv_shm	m;
		struct sysv_sem	s;
	} obj;
	int i, maxidx;

	ipcs_header(k, format, unit);
	maxidx = sysv_maxidx(k);
	for (i = 0; i <= maxidx; i++)
		if (sysv_stat(k, i, SYSV_BY_INDEX, &obj) >= 0)
			ipcs_row(k, format, unit, &obj);
	row_out_flush();
}

/*
 * -l and -u: the limits and usage of kind k (sysv_msg_info, _shm_, _sem_)
 * into info. 0; or -1 after util-linux's line for the format.
 */
static int
ipcs_info(enum sysv_kind k, int format, void *info)
{
	static const char *const fail[SYSV_NKINDS][2] = {
		[SYSV_MSG] = { "unable to fetch message limits",
		    "kernel not configured for message queues" },
		[SYSV_SHM] = { "unable to fetch shared memory limits",
		    "kernel not configured for shared memory" },
		[SYSV_SEM] = { "unable to fetch semaphore limits",
		    "kernel not configured for semaphores" },
	};
	int r;

	switch (k) {
	case SYSV_MSG:
		r = sysv_msg_info(info);
		break;
	case SYSV_SHM:
		r = sysv_shm_info(info);
		break;
	default:
		r = sysv_sem_info(info);
		break;
	}
	if (r < 0)
		printf("%s\n", fail[k][format == F_STATUS]);
	return r;
}

static void
ipcs_msg(int format, int unit)
{
	struct sysv_msginfo mi;

	if ((format == F_LIMITS || format == F_STATUS) &&
	    ipcs_info(SYSV_MSG, format, &mi) < 0)
		return;
	if (format == F_LIMITS) {
		printf("------ Messages Limits --------\n");
		printf("max queues system wide = %d\n", mi.msgmni);
		ipcs_size(unit == U_DEFAULT ? U_BYTES : unit,
		    "max size of message", (uint64_t)mi.msgmax, "\n", 0);
		ipcs_size(unit == U_DEFAULT ? U_BYTES : unit,
		    "default max size of queue", (uint64_t)mi.msgmnb, "\n", 0);
		return;
	}
	if (format == F_STATUS) {
		printf("------ Messages Status --------\n");
		printf("allocated queues = %d\n", mi.used_queues);
		printf("used headers = %d\n", mi.used_msgs);
		ipcs_size(unit, "used space", (uint64_t)mi.used_bytes,
		    unit == U_DEFAULT ? " bytes\n" : "\n", 0);
		return;
	}
	ipcs_table(SYSV_MSG, format, unit);
}

static void
ipcs_shm_limits(int unit)
{
	struct sysv_shminfo si;
	uint64_t tmp, pgsz = (uint64_t)getpagesize();

	if (ipcs_info(SYSV_SHM, F_LIMITS, &si) < 0)
		return;
	printf("------ Shared Memory Limits --------\n");
	printf("max number of segments = %lu\n", si.shmmni);
	ipcs_size(unit == U_DEFAULT ? U_KB : unit, "max seg size",
	    si.shmmax, "\n", 0);
	/* shmall counts pages; saturate rather than wrap, as util-linux */
	if (unit == U_KB || unit == U_DEFAULT) {
		tmp = (uint64_t)si.shmall * (pgsz / 1024);
		if (si.shmall != 0 && tmp / si.shmall != pgsz / 1024)
			tmp = UINT64_MAX - (UINT64_MAX % (pgsz / 1024));
		ipcs_size(U_DEFAULT, "max total shared memory (kbytes)", tmp,
		    "\n", 0);
	} else {
		tmp = (uint64_t)si.shmall * pgsz;
		if (si.shmall != 0 && tmp / si.shmall != pgsz)
			tmp = UINT64_MAX - (UINT64_MAX % pgsz);
		ipcs_size(unit, "max total shared memory", tmp, "\n", 0);
	}
	/* shmget(2): SHMMIN is 1 byte on Linux */
	ipcs_size(unit == U_DEFAULT ? U_BYTES : unit, "min seg size", 1,
	    "\n", 0);
}

static void
ipcs_shm(int format, int unit)
{
	struct sysv_shminfo si;

	if (format == F_LIMITS) {
		ipcs_shm_limits(unit);
		return;
	}
	if (format == F_STATUS) {
		if (ipcs_info(SYSV_SHM, F_STATUS, &si) < 0)
			return;
		printf("------ Shared Memory Status --------\n");
		printf("segments allocated %d\n"
		    "pages allocated %lu\n"
		    "pages resident  %lu\n"
		    "pages swapped   %lu\n"
		    "Swap performance: %lu attempts\t %lu successes\n",
		    si.used_ids, si.shm_tot, si.shm_rss, si.shm_swp,
		    si.swap_attempts, si.swap_successes);
		return;
	}
	ipcs_table(SYSV_SHM, format, unit);
}

static void
ipcs_sem(int format)
{
	struct sysv_seminfo si;

	if ((format == F_LIMITS || format == F_STATUS) &&
	    ipcs_info(SYSV_SEM, format, &si) < 0)
		return;
	switch (format) {
	case F_LIMITS:
		printf("------ Semaphore Limits --------\n");
		printf("max number of arrays = %d\n", si.semmni);
		printf("max semaphores per array = %d\n", si.semmsl);
		printf("max semaphores system wide = %d\n", si.semmns);
		printf("max ops per semop call = %d\n", si.semopm);
		printf("semaphore max value = %u\n", (unsigned)si.semvmx);
		return;
	case F_STATUS:
		printf("------ Semaphore Status --------\n");
		printf("used arrays = %d\n", si.used_sets);
		printf("allocated semaphores = %d\n", si.used_sems);
		return;
	default:
		break;
	}
	ipcs_table(SYSV_SEM, format, U_DEFAULT);
}

/*
 * -i ID: util-linux finds the id among all objects (as /proc/sysvipc
 * lists them, readable or not). Returns it in the list *all (to free),
 * or NULL after saying it is not there.
 */
static void *
ipcs_find(enum sysv_kind k, int id, void **all)
{
	struct sysv_view v;
	ssize_t n = sysv_list(k, all), i;
	char *o;

	for (i = 0; i < n; i++) {
		o = (char *)*all + (size_t)i * sysv_kinds[k].size;
		sysv_view(k, o, &v);
		if (v.id == id)
			return o;
	}
	free(*all);
	sh_errlinef("ipcs: id %d not found", id);
	return NULL;
}

/*
 * The first lines of -i ID, in util-linux's words for each kind: the
 * title, the owners (the queue's with its mode), the mode (shm, sem).
 */
static void
ipcs_one_head(enum sysv_kind k, int id, const struct sysv_perm *p)
{
	static const struct {
		const char	*title, *owners, *mode;
	} fmt[SYSV_NKINDS] = {
		[SYSV_MSG] = { "\nMessage Queue msqid=%d\n",
		    "uid=%u\tgid=%u\tcuid=%u\tcgid=%u\tmode=%#o\n", NULL },
		[SYSV_SHM] = { "\nShared memory Segment shmid=%d\n",
		    "uid=%u\tgid=%u\tcuid=%u\tcgid=%u\n",
		    "mode=%#o\taccess_perms=%#o\n" },
		[SYSV_SEM] = { "\nSemaphore Array semid=%d\n",
		    "uid=%u\t gid=%u\t cuid=%u\t cgid=%u\n",
		    "mode=%#o, access_perms=%#o\n" },
	};

	printf(fmt[k].title, id);
	/* printf(3): arguments past the format's are evaluated, then ignored */
	printf(fmt[k].owners, (unsigned)p->uid, (unsigned)p->gid,
	    (unsigned)p->cuid, (unsigned)p->cgid, p->mode);
	if (fmt[k].mode != NULL)
		printf(fmt[k].mode, p->mode, p->mode & 0777);
}

/* The queue's qbytes comes from IPC_STAT (0 when that is refused). */
static int
ipcs_one_msg(int id, int unit)
{
	struct sysv_msq *q, st;
	void *v;
	char b[32];

	if ((q = ipcs_find(SYSV_MSG, id, &v)) == NULL)
		return 0;
	q->qbytes = sysv_stat(SYSV_MSG, id, SYSV_BY_ID, &st) >= 0 ? st.qbytes : 0;
	ipcs_one_head(SYSV_MSG, id, &q->perm);
	ipcs_size(unit, unit == U_HUMAN ? "csize=" : "cbytes=", q->cbytes,
	    "\t", 0);
	ipcs_size(unit, unit == U_HUMAN ? "qsize=" : "qbytes=", q->qbytes,
	    "\t", 0);
	printf("qnum=%lu\tlspid=%d\tlrpid=%d\n", q->qnum, (int)q->lspid,
	    (int)q->lrpid);
	printf("send_time=%-26.24s\n", ipcs_time(q->stime, b, 0));
	printf("rcv_time=%-26.24s\n", ipcs_time(q->rtime, b, 0));
	printf("change_time=%-26.24s\n", ipcs_time(q->ctime, b, 0));
	printf("\n");
	free(v);
	return 0;
}

static int
ipcs_one_shm(int id, int unit)
{
	struct sysv_shm *s;
	void *v;
	char b[32];
	time_t ct;

	if ((s = ipcs_find(SYSV_SHM, id, &v)) == NULL)
		return 0;
	ipcs_one_head(SYSV_SHM, id, &s->perm);
	ipcs_size(unit, unit == U_HUMAN ? "size=" : "bytes=", s->size, "\t",
	    0);
	printf("lpid=%d\tcpid=%d\tnattch=%lu\n", (int)s->lpid, (int)s->cpid,
	    s->nattch);
	printf("att_time=%-26.24s\n", ipcs_time(s->atime, b, 0));
	printf("det_time=%-26.24s\n", ipcs_time(s->dtime, b, 0));
	ct = s->ctime;
	printf("change_time=%-26.24s\n", ctime_r(&ct, b) ? b : "?");
	printf("\n");
	free(v);
	return 0;
}

static int
ipcs_one_sem(int id)
{
	struct sysv_sem *s;
	struct sysv_semval *m;
	void *v;
	char b[32];
	ssize_t i;
	time_t ct;

	if ((s = ipcs_find(SYSV_SEM, id, &v)) == NULL)
		return 0;
	m = calloc(s->nsems ? s->nsems : 1, sizeof(*m));
	if (m == NULL || sysv_sem_members(id, m, s->nsems) < 0) {
		int err = errno;

		/* util-linux's words: ipcs output stays byte-identical */
		bi_errorf("ipcs", "semctl(GETVAL) failed: %s", strerror(err));
		free(m);
		free(v);
		return 1;
	}
	ipcs_one_head(SYSV_SEM, id, &s->perm);
	printf("nsems = %lu\n", s->nsems);
	printf("otime = %-26.24s\n", ipcs_time(s->otime, b, 0));
	ct = s->ctime;
	printf("ctime = %-26.24s\n", ctime_r(&ct, b) ? b : "?");
	printf("%-10s %-10s %-10s %-10s %-10s\n",
	    "semnum", "value", "ncount", "zcount", "pid");
	for (i = 0; i < (ssize_t)s->nsems; i++)
		printf("%-10zd %-10d %-10d %-10d %-10d\n", i, m[i].val,
		    m[i].ncnt, m[i].zcnt, (int)m[i].pid);
	printf("\n");
	free(m);
	free(v);
	return 0;
}

static void
ipcs_help(void)
{
	printf("\nUsage:\n"
	    " ipcs [resource-option...] [output-option]\n"
	    " ipcs -m|-q|-s -i <id>\n\n"
	    "Show information on IPC facilities.\n\n"
	    "Options:\n"
	    " -i, --id <id>  print details on resource identified by <id>\n"
	    " -h, --help     display this help\n"
	    " -V, --version  display version\n\n"
	    "Resource options:\n"
	    " -m, --shmems      shared memory segments\n"
	    " -q, --queues      message queues\n"
	    " -s, --semaphores  semaphores\n"
	    " -a, --all         all (default)\n\n"
	    "Output options:\n"
	    " -t, --time        show attach, detach and change times\n"
	    " -p, --pid         show PIDs of creator and last operator\n"
	    " -c, --creator     show creator and owner\n"
	    " -l, --limits      show resource limits\n"
	    " -u, --summary     show status summary\n"
	    "     --human       show sizes in human-readable format\n"
	    " -b, --bytes       show sizes in bytes\n\n"
	    "For more details see ipcs(1).\n");
}

int
bi_ipcs(int argc, char **argv)
{
	int opt, msg = 0, shm = 0, sem = 0, specific = 0, rc = 0, id = 0;
	int format = F_DEFAULT, unit = U_DEFAULT;
	/* most options set a kind, the format or the unit; the last one counts */
	const struct bi_opt rows[] = {
		{ 'i', "id", required_argument, NULL, 0 },
		{ 'q', "queues", no_argument, &msg, 1 },
		{ 'm', "shmems", no_argument, &shm, 1 },
		{ 's', "semaphores", no_argument, &sem, 1 },
		{ 'a', "all", no_argument, NULL, 0 },
		{ 't', "time", no_argument, &format, F_TIME },
		{ 'p', "pid", no_argument, &format, F_PID },
		{ 'c', "creator", no_argument, &format, F_CREATOR },
		{ 'l', "limits", no_argument, &format, F_LIMITS },
		{ 'u', "summary", no_argument, &format, F_STATUS },
		{ BI_OPT_LONG | 'H', "human", no_argument, &unit, U_HUMAN },
		{ 'b', "bytes", no_argument, &unit, U_BYTES },
		{ 'V', "version", no_argument, NULL, 0 },
		{ 'h', "help", no_argument, NULL, 0 },
		{ 0, NULL, 0, NULL, 0 },
	};
	struct bi_opts g;

	/* util-linux's getopt: options after operands too, operands ignored */
	bi_opt_start(&g, "", rows, argc, argv);
	while ((opt = bi_opt_next(&g)) != -1) {
		switch (opt) {
		case 'i':
			if (ulc_s32(argv[0], "failed to parse id argument",
			    optarg, &id) < 0)
				return 1;
			specific = 1;
			break;
		case 'a':
			msg = shm = sem = 1;
			break;
		default:
			return ulc_common_opt(opt, argv[0], ipcs_help);
		}
	}
	if (specific && msg + shm + sem != 1)
		return bi_errorf(argv[0],
		    "when using an ID, a single resource must be specified");
	if (specific) {
		if (msg)
			rc = ipcs_one_msg(id, unit);
		if (shm)
			rc = ipcs_one_shm(id, unit);
		if (sem)
			rc = ipcs_one_sem(id);
	} else {
		if (!msg && !shm && !sem)
			msg = shm = sem = 1;
		printf("\n");
		if (msg) {
			ipcs_msg(format, unit);
			printf("\n");
		}
		if (shm) {
			ipcs_shm(format, unit);
			printf("\n");
		}
		if (sem) {
			ipcs_sem(format);
			printf("\n");
		}
	}
	name_cache_free(&users);
	name_cache_free(&groups);
	row_tail.valid = 0;
	return rc;
}
