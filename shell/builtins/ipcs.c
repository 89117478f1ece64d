/*
 * builtin_ipcs.c - ipcs, ipcrm and ipcmk, byte for byte like util-linux's
 * (Debian 12, 2.38), but reading the kernel with the system calls of the
 * sysv module and checking every argument of ipcrm before removing.
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

/* The title and column heads of -c; idname is "msqid", "shmid"... */
static void
ipcs_perms_header(const char *title, const char *idname)
{
	printf("%s\n", title);
	printf("%-10s %-10s %-10s %-10s %-10s %-10s\n",
	    idname, "perms", "cuid", "cgid", "uid", "gid");
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

static void
ipcs_msg_header(int format, int unit)
{
	switch (format) {
	case F_CREATOR:
		ipcs_perms_header("------ Message Queues Creators/Owners --------",
		    "msqid");
		break;
	case F_TIME:
		printf("------ Message Queues Send/Recv/Change Times --------\n");
		printf("%-8s %-10s %-20s %-20s %-20s\n",
		    "msqid", "owner", "send", "recv", "change");
		break;
	case F_PID:
		printf("------ Message Queues PIDs --------\n");
		printf("%-10s %-10s %-10s %-10s\n",
		    "msqid", "owner", "lspid", "lrpid");
		break;
	default:
		printf("------ Message Queues --------\n");
		printf("%-10s %-10s %-10s %-10s %-12s %-12s\n",
		    "key", "msqid", "owner", "perms",
		    unit == U_HUMAN ? "size" : "used-bytes", "messages");
		break;
	}
}

static void
ipcs_msg_row(int format, int unit, const struct sysv_msq *q)
{
	const time_t t[3] = { q->stime, q->rtime, q->ctime };

	switch (format) {
	case F_CREATOR:
		ipcs_perms(q->id, &q->perm);
		break;
	case F_TIME:
		ipcs_times("%-8d", q->id, q->perm.uid, t);
		break;
	case F_PID:
		ipcs_id_owner("%-8d", q->id, q->perm.uid);
		printf("  %5d     %5d\n", (int)q->lspid, (int)q->lrpid);
		break;
	default:
		ipcs_key_id_mode(q->id, &q->perm);
		if (unit == U_HUMAN)
			ipcs_size(unit, NULL, q->cbytes, "      ", 6);
		else
			ipcs_size(unit, NULL, q->cbytes, NULL, -12);
		printf(" %-12lu\n", q->qnum);
		break;
	}
}

static void
ipcs_msg(int format, int unit)
{
	struct sysv_msginfo mi;
	struct sysv_msq *v;
	ssize_t n, i;

	if (format == F_LIMITS || format == F_STATUS) {
		if (sysv_msg_info(&mi) < 0) {
			printf(format == F_LIMITS ?
			    "unable to fetch message limits\n" :
			    "kernel not configured for message queues\n");
			return;
		}
	}
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
	ipcs_msg_header(format, unit);
	n = sysv_msq_list(&v);
	for (i = 0; i < n; i++)
		ipcs_msg_row(format, unit, &v[i]);
	free(v);
}

static void
ipcs_shm_limits(int unit)
{
	struct sysv_shminfo si;
	uint64_t tmp, pgsz = (uint64_t)getpagesize();

	if (sysv_shm_info(&si) < 0) {
		printf("unable to fetch shared memory limits\n");
		return;
	}
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
ipcs_shm_header(int format, int unit)
{
	switch (format) {
	case F_CREATOR:
		ipcs_perms_header("------ Shared Memory Segment Creators/Owners --------",
		    "shmid");
		break;
	case F_TIME:
		printf("------ Shared Memory Attach/Detach/Change Times --------\n");
		printf("%-10s %-10s %-20s %-20s %-20s\n",
		    "shmid", "owner", "attached", "detached", "changed");
		break;
	case F_PID:
		printf("------ Shared Memory Creator/Last-op PIDs --------\n");
		printf("%-10s %-10s %-10s %-10s\n",
		    "shmid", "owner", "cpid", "lpid");
		break;
	default:
		printf("------ Shared Memory Segments --------\n");
		printf("%-10s %-10s %-10s %-10s %-10s %-10s %-12s\n",
		    "key", "shmid", "owner", "perms",
		    unit == U_HUMAN ? "size" : "bytes", "nattch", "status");
		break;
	}
}

static void
ipcs_shm_row(int format, int unit, const struct sysv_shm *s)
{
	const time_t t[3] = { s->atime, s->dtime, s->ctime };

	switch (format) {
	case F_CREATOR:
		ipcs_perms(s->id, &s->perm);
		break;
	case F_TIME:
		ipcs_times("%-10d", s->id, s->perm.uid, t);
		break;
	case F_PID:
		ipcs_id_owner("%-10d", s->id, s->perm.uid);
		printf(" %-10d %-10d\n", (int)s->cpid, (int)s->lpid);
		break;
	default:
		ipcs_key_id_mode(s->id, &s->perm);
		if (unit == U_HUMAN)
			ipcs_size(unit, NULL, s->size, "    ", 6);
		else
			ipcs_size(unit, NULL, s->size, NULL, -10);
		printf(" %-10lu %-6s %-6s\n", s->nattch,
		    s->perm.mode & SHM_DEST ? "dest" : " ",
		    s->perm.mode & SHM_LOCKED ? "locked" : " ");
		break;
	}
}

static void
ipcs_shm(int format, int unit)
{
	struct sysv_shminfo si;
	struct sysv_shm *v;
	ssize_t n, i;

	if (format == F_LIMITS) {
		ipcs_shm_limits(unit);
		return;
	}
	if (format == F_STATUS) {
		if (sysv_shm_info(&si) < 0) {
			printf("kernel not configured for shared memory\n");
			return;
		}
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
	ipcs_shm_header(format, unit);
	n = sysv_shm_list(&v);
	for (i = 0; i < n; i++)
		ipcs_shm_row(format, unit, &v[i]);
	free(v);
}

static void
ipcs_sem_row(int format, const struct sysv_sem *s)
{
	char b1[32], b2[32];

	switch (format) {
	case F_CREATOR:
		ipcs_perms(s->id, &s->perm);
		break;
	case F_TIME:
		ipcs_id_owner("%-8d", s->id, s->perm.uid);
		printf("  %-26.24s", ipcs_time(s->otime, b1, 0));
		printf(" %-26.24s\n", ipcs_time(s->ctime, b2, 0));
		break;
	case F_PID:
		break;
	default:
		ipcs_key_id_mode(s->id, &s->perm);
		printf("%-10lu\n", s->nsems);
		break;
	}
}

static void
ipcs_sem(int format)
{
	struct sysv_seminfo si;
	struct sysv_sem *v;
	ssize_t n, i;

	if (format == F_LIMITS || format == F_STATUS) {
		if (sysv_sem_info(&si) < 0) {
			printf(format == F_LIMITS ?
			    "unable to fetch semaphore limits\n" :
			    "kernel not configured for semaphores\n");
			return;
		}
	}
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
	case F_CREATOR:
		ipcs_perms_header("------ Semaphore Arrays Creators/Owners --------",
		    "semid");
		break;
	case F_TIME:
		printf("------ Semaphore Operation/Change Times --------\n");
		printf("%-8s %-10s %-26.24s %-26.24s\n",
		    "semid", "owner", "last-op", "last-changed");
		break;
	case F_PID:
		break;
	default:
		printf("------ Semaphore Arrays --------\n");
		printf("%-10s %-10s %-10s %-10s %-10s\n",
		    "key", "semid", "owner", "perms", "nsems");
		break;
	}
	n = sysv_sem_list(&v);
	for (i = 0; i < n; i++)
		ipcs_sem_row(format, &v[i]);
	free(v);
}

/*
 * -i ID: util-linux finds the id among all objects (as /proc/sysvipc
 * lists them, readable or not), and reads qbytes with IPC_STAT (0 when
 * that is refused).
 */
static int
ipcs_one_msg(int id, int unit)
{
	struct sysv_msq *v, *q = NULL, st;
	char b[32];
	ssize_t n, i;

	n = sysv_msq_list(&v);
	for (i = 0; i < n; i++)
		if (v[i].id == id)
			q = &v[i];
	if (q == NULL) {
		free(v);
		sh_errlinef("ipcs: id %d not found", id);
		return 0;
	}
	q->qbytes = sysv_msq_stat(id, &st) == 0 ? st.qbytes : 0;
	printf("\nMessage Queue msqid=%d\n", id);
	printf("uid=%u\tgid=%u\tcuid=%u\tcgid=%u\tmode=%#o\n",
	    (unsigned)q->perm.uid, (unsigned)q->perm.gid,
	    (unsigned)q->perm.cuid, (unsigned)q->perm.cgid, q->perm.mode);
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
	struct sysv_shm *v, *s = NULL;
	char b[32];
	ssize_t n, i;
	time_t ct;

	n = sysv_shm_list(&v);
	for (i = 0; i < n; i++)
		if (v[i].id == id)
			s = &v[i];
	if (s == NULL) {
		free(v);
		sh_errlinef("ipcs: id %d not found", id);
		return 0;
	}
	printf("\nShared memory Segment shmid=%d\n", id);
	printf("uid=%u\tgid=%u\tcuid=%u\tcgid=%u\n",
	    (unsigned)s->perm.uid, (unsigned)s->perm.gid,
	    (unsigned)s->perm.cuid, (unsigned)s->perm.cgid);
	printf("mode=%#o\taccess_perms=%#o\n", s->perm.mode,
	    s->perm.mode & 0777);
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
	struct sysv_sem *v, *s = NULL;
	struct sysv_semval *m;
	char b[32];
	ssize_t n, i;
	time_t ct;

	n = sysv_sem_list(&v);
	for (i = 0; i < n; i++)
		if (v[i].id == id)
			s = &v[i];
	if (s == NULL) {
		free(v);
		sh_errlinef("ipcs: id %d not found", id);
		return 0;
	}
	m = calloc(s->nsems ? s->nsems : 1, sizeof(*m));
	if (m == NULL || sysv_sem_members(id, m, s->nsems) < 0) {
		int err = errno;

		/* util-linux's words: ipcs output stays byte-identical */
		bi_errorf("ipcs", "semctl(GETVAL) failed: %s", strerror(err));
		free(m);
		free(v);
		return 1;
	}
	printf("\nSemaphore Array semid=%d\n", id);
	printf("uid=%u\t gid=%u\t cuid=%u\t cgid=%u\n",
	    (unsigned)s->perm.uid, (unsigned)s->perm.gid,
	    (unsigned)s->perm.cuid, (unsigned)s->perm.cgid);
	printf("mode=%#o, access_perms=%#o\n", s->perm.mode,
	    s->perm.mode & 0777);
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
	    " -i, --id <id>     print details on resource identified by <id>\n"
	    " -h, --help        display this help\n\n"
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
	    " -b, --bytes       show sizes in bytes\n");
}

int
bi_ipcs(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "id", required_argument, NULL, 'i' },
		{ "queues", no_argument, NULL, 'q' },
		{ "shmems", no_argument, NULL, 'm' },
		{ "semaphores", no_argument, NULL, 's' },
		{ "all", no_argument, NULL, 'a' },
		{ "time", no_argument, NULL, 't' },
		{ "pid", no_argument, NULL, 'p' },
		{ "creator", no_argument, NULL, 'c' },
		{ "limits", no_argument, NULL, 'l' },
		{ "summary", no_argument, NULL, 'u' },
		{ "human", no_argument, NULL, 'H' },
		{ "bytes", no_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int opt, msg = 0, shm = 0, sem = 0, specific = 0, rc = 0;
	int format = F_DEFAULT, unit = U_DEFAULT;
	long id = 0;

	optind = 0;
	opterr = 1;
	while ((opt = getopt_long(argc, argv, "+i:qmsatpclubh", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'i':
			if (sysvcmd_parse_int(optarg, 10, INT32_MIN,
			    INT32_MAX, &id) < 0) {
				bi_errorf(argv[0],
				    "failed to parse id argument: '%s'",
				    optarg);
				return bi_usage(argv[0]);
			}
			specific = 1;
			break;
		case 'a':
			msg = shm = sem = 1;
			break;
		case 'q':
			msg = 1;
			break;
		case 'm':
			shm = 1;
			break;
		case 's':
			sem = 1;
			break;
		case 't':
			format = F_TIME;
			break;
		case 'c':
			format = F_CREATOR;
			break;
		case 'p':
			format = F_PID;
			break;
		case 'l':
			format = F_LIMITS;
			break;
		case 'u':
			format = F_STATUS;
			break;
		case 'H':
			unit = U_HUMAN;
			break;
		case 'b':
			unit = U_BYTES;
			break;
		case 'h':
			ipcs_help();
			return 0;
		default:
			return bi_usage(argv[0]);
		}
	}
	if (optind < argc) {
		bi_errorf(argv[0], "unexpected argument: %s", argv[optind]);
		return bi_usage(argv[0]);
	}
	if (specific && msg + shm + sem != 1) {
		bi_errorf(argv[0],
		    "when using an ID, a single resource must be specified");
		return bi_usage(argv[0]);
	}
	if (specific) {
		if (msg)
			rc = ipcs_one_msg((int)id, unit);
		if (shm)
			rc = ipcs_one_shm((int)id, unit);
		if (sem)
			rc = ipcs_one_sem((int)id);
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
	return rc;
}

/* ipcrm(1) */

enum rm_type { RM_SHM, RM_MSG, RM_SEM, RM_ALL };

struct rm_action {
	int		type;
	int		iskey;
	long		num;	/* the id, or the key */
	const char	*arg;	/* as the user wrote it */
};

static const char *const rm_names[] = {
	"shared memory segment", "message queue", "semaphore"
};

static int
rm_id(int type, int iskey, int id, int verbose)
{
	const char *what;
	int r;

	if (verbose)
		printf("removing %s id `%d'\n", rm_names[type], id);
	switch (type) {
	case RM_SHM:
		r = shmctl(id, IPC_RMID, NULL);
		break;
	case RM_MSG:
		r = msgctl(id, IPC_RMID, NULL);
		break;
	default:
		r = semctl(id, 0, IPC_RMID);
		break;
	}
	if (r == 0)
		return 0;
	/* the words of util-linux's ipcrm, which the lecture's tools use */
	switch (errno) {
	case EACCES:
	case EPERM:
		what = iskey ? "permission denied for key" :
		    "permission denied for id";
		break;
	case EINVAL:
		what = iskey ? "invalid key" : "invalid id";
		break;
	case EIDRM:
		what = iskey ? "already removed key" : "already removed id";
		break;
	default:
		return ipcerr_report("ipcrm", type == RM_SHM ? "shmctl" :
		    type == RM_MSG ? "msgctl" : "semctl", errno, NULL);
	}
	bi_errorf("ipcrm", "%s (%d)", what, id);
	return 1;
}

/* The id behind a key (msgget(key, 0) and friends), or -1 reported. */
static int
rm_key_to_id(int type, long key, const char *arg)
{
	const char *what;
	int id;

	if ((key_t)key == IPC_PRIVATE) {
		bi_errorf("ipcrm", "illegal key (%s)", arg);
		return -1;
	}
	if (type == RM_SHM)
		id = shmget((key_t)key, 0, 0);
	else if (type == RM_MSG)
		id = msgget((key_t)key, 0);
	else
		id = semget((key_t)key, 0, 0);
	if (id >= 0)
		return id;
	switch (errno) {
	case EACCES:
		what = "permission denied for key";
		break;
	case EIDRM:
		what = "already removed key";
		break;
	case ENOENT:
		what = "invalid key";
		break;
	default:
		ipcerr_report("ipcrm", type == RM_SHM ? "shmget" :
		    type == RM_MSG ? "msgget" : "semget", errno, NULL);
		return -1;
	}
	bi_errorf("ipcrm", "%s (%s)", what, arg);
	return -1;
}

/* -a: every object we may read (util-linux uses *_STAT, not _ANY). */
static int
rm_all(int type, int verbose)
{
	struct msqid_ds mq;
	struct shmid_ds sh;
	struct semid_ds se;
	int i, maxidx, id, ret = 0;

	if (type == RM_SHM || type == RM_ALL) {
		maxidx = shmctl(0, SHM_INFO, &sh);
		for (i = 0; i <= maxidx; i++)
			if ((id = shmctl(i, SHM_STAT, &sh)) >= 0)
				ret |= rm_id(RM_SHM, 0, id, verbose);
	}
	if (type == RM_SEM || type == RM_ALL) {
		struct seminfo info;

		maxidx = semctl(0, 0, SEM_INFO, &info);
		for (i = 0; i <= maxidx; i++)
			if ((id = semctl(i, 0, SEM_STAT, &se)) >= 0)
				ret |= rm_id(RM_SEM, 0, id, verbose);
	}
	if (type == RM_MSG || type == RM_ALL) {
		maxidx = msgctl(0, MSG_INFO, &mq);
		for (i = 0; i <= maxidx; i++)
			if ((id = msgctl(i, MSG_STAT, &mq)) >= 0)
				ret |= rm_id(RM_MSG, 0, id, verbose);
	}
	return ret;
}

static int
rm_type_of(const char *s)
{
	if (strcmp(s, "shm") == 0)
		return RM_SHM;
	if (strcmp(s, "msg") == 0)
		return RM_MSG;
	if (strcmp(s, "sem") == 0)
		return RM_SEM;
	return -1;
}

static void
ipcrm_help(void)
{
	printf("\nUsage:\n"
	    " ipcrm [options]\n"
	    " ipcrm shm|msg|sem <id>...\n\n"
	    "Remove certain IPC resources.\n\n"
	    "Options:\n"
	    " -m, --shmem-id <id>        remove shared memory segment by id\n"
	    " -M, --shmem-key <key>      remove shared memory segment by key\n"
	    " -q, --queue-id <id>        remove message queue by id\n"
	    " -Q, --queue-key <key>      remove message queue by key\n"
	    " -s, --semaphore-id <id>    remove semaphore by id\n"
	    " -S, --semaphore-key <key>  remove semaphore by key\n"
	    " -a, --all[=shm|msg|sem]    remove all (in the specified category)\n"
	    " -v, --verbose              explain what is being done\n\n"
	    " -h, --help                 display this help\n");
}

/* The old form: ipcrm shm|msg|sem ID... */
static int
ipcrm_old(int type, int argc, char **argv)
{
	long *ids;
	int i, bad = 0, ret = 0;

	if (argc < 3) {
		bi_errorf("ipcrm", "not enough arguments");
		return bi_usage("ipcrm");
	}
	ids = calloc((size_t)argc, sizeof(*ids));
	if (ids == NULL)
		return bi_errorf("ipcrm", "%s", strerror(ENOMEM));
	for (i = 2; i < argc; i++)
		if (sysvcmd_parse_int(argv[i], 10, 0, UINT_MAX, &ids[i]) < 0) {
			bi_errorf("ipcrm", "invalid id: %s", argv[i]);
			bad = 1;
		}
	if (bad) {
		free(ids);
		return bi_usage("ipcrm");
	}
	for (i = 2; i < argc; i++)
		ret |= rm_id(type, 0, (int)ids[i], 0);
	free(ids);
	if (ret)
		return 1;
	printf("resource(s) deleted\n");
	return 0;
}

/* Parses one -q/-Q/... argument into act; -1 (reported) when malformed. */
static int
ipcrm_parse(int opt, const char *arg, struct rm_action *act)
{
	act->arg = arg;
	act->iskey = opt == 'M' || opt == 'Q' || opt == 'S';
	act->type = (opt == 'm' || opt == 'M') ? RM_SHM :
	    (opt == 'q' || opt == 'Q') ? RM_MSG : RM_SEM;
	if (act->iskey) {
		/* keys are hex (0x...), octal or decimal: strtoul base 0 */
		if (sysvcmd_parse_int(arg, 0, 0, ULONG_MAX > UINT_MAX ?
		    (long)UINT_MAX : LONG_MAX, &act->num) == 0)
			return 0;
	} else if (sysvcmd_parse_int(arg, 10, INT32_MIN, INT32_MAX,
	    &act->num) == 0) {
		return 0;
	}
	bi_errorf("ipcrm", "failed to parse argument: '%s'", arg);
	return -1;
}

int
bi_ipcrm(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "shmem-id", required_argument, NULL, 'm' },
		{ "shmem-key", required_argument, NULL, 'M' },
		{ "queue-id", required_argument, NULL, 'q' },
		{ "queue-key", required_argument, NULL, 'Q' },
		{ "semaphore-id", required_argument, NULL, 's' },
		{ "semaphore-key", required_argument, NULL, 'S' },
		{ "all", optional_argument, NULL, 'a' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct rm_action *acts;
	int opt, n = 0, bad = 0, verbose = 0, all = -1, ret = 0, i, id;

	if (argc < 2) {
		bi_errorf(argv[0], "bad usage");
		return bi_usage(argv[0]);
	}
	if (rm_type_of(argv[1]) >= 0)
		return ipcrm_old(rm_type_of(argv[1]), argc, argv);
	acts = calloc((size_t)argc, sizeof(*acts));
	if (acts == NULL)
		return bi_errorf(argv[0], "%s", strerror(ENOMEM));
	/* First pass: parse everything; nothing is removed on a bad word. */
	optind = 0;
	opterr = 1;
	while ((opt = getopt_long(argc, argv, "+q:m:s:Q:M:S:a::vh", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'm': case 'M': case 'q': case 'Q': case 's': case 'S':
			if (ipcrm_parse(opt, optarg, &acts[n]) < 0)
				bad = 1;
			else
				n++;
			break;
		case 'a':
			/* also "-a msg", as the usage line of ipcsh shows */
			if (optarg == NULL && optind < argc &&
			    rm_type_of(argv[optind]) >= 0)
				optarg = argv[optind++];
			all = optarg == NULL ? RM_ALL : rm_type_of(optarg);
			if (all < 0) {
				bi_errorf(argv[0], "unknown argument: %s",
				    optarg);
				bad = 1;
			}
			break;
		case 'v':
			verbose = 1;
			break;
		case 'h':
			free(acts);
			ipcrm_help();
			return 0;
		default:
			bad = 1;
			break;
		}
	}
	if (!bad && optind < argc) {
		bi_errorf(argv[0], "unknown argument: %s", argv[optind]);
		bad = 1;
	}
	if (bad) {
		free(acts);
		return bi_usage(argv[0]);
	}
	/*
	 * --sandbox without an own IPC namespace: "all" reaches other
	 * sessions. Refused before anything is removed.
	 */
	if (all >= 0 && sandbox_check_ipcrm_all() < 0) {
		free(acts);
		return bi_errorf(argv[0], "-a: %s", strerror(errno));
	}
	/* Second pass: remove in order; one failure does not stop the rest. */
	for (i = 0; i < n; i++) {
		id = (int)acts[i].num;
		if (acts[i].iskey) {
			id = rm_key_to_id(acts[i].type, acts[i].num,
			    acts[i].arg);
			if (id < 0) {
				ret = 1;
				continue;
			}
		}
		ret |= rm_id(acts[i].type, acts[i].iskey, id, verbose);
	}
	if (all >= 0)
		ret |= rm_all(all, verbose);
	free(acts);
	return ret ? 1 : 0;
}

/* ipcmk(1) */

/*
 * A size as util-linux's strtosize() reads it: a number, then K, M, G, ...
 * optionally followed by "iB" (powers of 1024) or "B" (powers of 1000).
 */
static int
ipcmk_size(const char *s, uint64_t *out)
{
	static const char suf[] = "KMGTPE";
	const char *p;
	char *end;
	uint64_t x, base = 1024;
	int pwr;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '-' || *s == '\0')
		return -1;
	errno = 0;
	x = strtoull(s, &end, 0);
	if (end == s || errno != 0)
		return -1;
	if (*end == '\0') {
		*out = x;
		return 0;
	}
	p = strchr(suf, end[0] & ~0x20);
	if (p == NULL || end[0] == '\0')
		return -1;
	if (strcmp(end + 1, "iB") == 0 || end[1] == '\0')
		base = 1024;
	else if (strcmp(end + 1, "B") == 0)
		base = 1000;
	else
		return -1;
	for (pwr = (int)(p - suf) + 1; pwr > 0; pwr--) {
		if (x > UINT64_MAX / base)
			return -1;
		x *= base;
	}
	*out = x;
	return 0;
}

static key_t
ipcmk_key(void)
{
	key_t key = 0;

	/* util-linux takes random bytes for the key, never IPC_PRIVATE */
	while (key == IPC_PRIVATE)
		if (getrandom(&key, sizeof(key), 0) != sizeof(key))
			key = (key_t)(time(NULL) ^ getpid());
	return key;
}

static void
ipcmk_help(void)
{
	printf("\nUsage:\n"
	    " ipcmk [options]\n\n"
	    "Create various IPC resources.\n\n"
	    "Options:\n"
	    " -M, --shmem <size>       create shared memory segment of size <size>\n"
	    " -S, --semaphore <number> create semaphore array with <number> elements\n"
	    " -Q, --queue              create message queue\n"
	    " -p, --mode <mode>        permission for the resource (default is 0644)\n\n"
	    " -h, --help               display this help\n\n"
	    "Arguments:\n"
	    " <size> arguments may be followed by the suffixes for\n"
	    "   GiB, TiB, PiB, EiB, ZiB, and YiB (the \"iB\" is optional)\n");
}

static int
ipcmk_fail(const char *what, const char *call, int err,
    struct ipcerr_ctx *ctx)
{
	bi_errorf("ipcmk", "%s: %s", what, strerror(err));
	return ipcerr_report("ipcmk", call, err, ctx);
}

int
bi_ipcmk(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "shmem", required_argument, NULL, 'M' },
		{ "semaphore", required_argument, NULL, 'S' },
		{ "queue", no_argument, NULL, 'Q' },
		{ "mode", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct ipcerr_ctx ctx = { NULL, -1, -1, 0, 0, 0, 0, 0, 0 };
	int opt, doshm = 0, domsg = 0, dosem = 0, id;
	long perm = 0644, nsems = 0;
	uint64_t size = 0;

	optind = 0;
	opterr = 1;
	while ((opt = getopt_long(argc, argv, "+M:QS:p:h", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'M':
			if (ipcmk_size(optarg, &size) < 0) {
				bi_errorf(argv[0],
				    "failed to parse size: '%s'", optarg);
				return bi_usage(argv[0]);
			}
			doshm = 1;
			break;
		case 'Q':
			domsg = 1;
			break;
		case 'S':
			if (sysvcmd_parse_int(optarg, 10, INT32_MIN,
			    INT32_MAX, &nsems) < 0) {
				bi_errorf(argv[0],
				    "failed to parse elements: '%s'", optarg);
				return bi_usage(argv[0]);
			}
			dosem = 1;
			break;
		case 'p':
			if (sysvcmd_parse_int(optarg, 8, 0, UINT32_MAX,
			    &perm) < 0) {
				bi_errorf(argv[0], "failed to parse mode: '%s'",
				    optarg);
				return bi_usage(argv[0]);
			}
			break;
		case 'h':
			ipcmk_help();
			return 0;
		default:
			return bi_usage(argv[0]);
		}
	}
	if (optind < argc || (!doshm && !domsg && !dosem)) {
		bi_errorf(argv[0], "bad usage");
		return bi_usage(argv[0]);
	}
	/* util-linux's order: segment, queue, semaphore set */
	if (doshm) {
		ctx.obj = "segment";
		ctx.size = size;
		id = shmget(ipcmk_key(), size, (int)perm | IPC_CREAT);
		if (id < 0)
			return ipcmk_fail("create share memory failed",
			    "shmget", errno, &ctx);
		printf("Shared memory id: %d\n", id);
	}
	if (domsg) {
		ctx.obj = "queue";
		id = msgget(ipcmk_key(), (int)perm | IPC_CREAT);
		if (id < 0)
			return ipcmk_fail("create message queue failed",
			    "msgget", errno, &ctx);
		printf("Message queue id: %d\n", id);
	}
	if (dosem) {
		ctx.obj = "semaphore set";
		ctx.size = (unsigned long)nsems;
		id = semget(ipcmk_key(), (int)nsems, (int)perm | IPC_CREAT);
		if (id < 0)
			return ipcmk_fail("create semaphore failed", "semget",
			    errno, &ctx);
		printf("Semaphore id: %d\n", id);
	}
	return 0;
}
