/*
 * sysvctl.c - the msgctl, shmctl and semctl builtins: one table of verbs
 * (stat, set, rm, lock, getval...) over the System V kinds of sysv.h.
 */
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <time.h>

#include "i18n.h"
#include "shell.h"
#include "sysv.h"
#include "sysvcmd.h"

#define K_MSG	(1u << SYSV_MSG)
#define K_SHM	(1u << SYSV_SHM)
#define K_SEM	(1u << SYSV_SEM)

/* The words after the id, parsed: a semaphore's number and value, or set's. */
struct ctl_args {
	long		num, val;
	struct sysv_attr attr;
};

/*
 * A verb's work: 0, -1 with errno (then *cmd names the command that
 * failed when it is not the verb's own), or a status already reported.
 */
typedef int ctl_fn(enum sysv_kind k, int id, const struct ctl_args *a,
    const char **cmd);

/* One verb of the *ctl builtins: the command it makes, for which kinds. */
struct ctl_verb {
	const char	*verb;
	const char	*cmd;		/* "IPC_STAT": the call's name in errors */
	unsigned	kinds;		/* K_MSG | K_SHM | K_SEM */
	int		nargs;		/* words after the verb; -1: FIELD=VALUE... */
	ctl_fn		*fn;
};

/* --help of msgctl, shmctl, semctl: English, then Chinese. */
static const char *const ctl_help[SYSV_NKINDS][2] = {
	[SYSV_MSG] = {
	    "msgctl(2) on queue QID (or the queue of key KEY, -k KEY):\n"
	    "  stat  IPC_STAT: print the msqid_ds fields\n"
	    "  set   IPC_SET: change qbytes=N mode=0600 uid=USER gid=GROUP\n"
	    "  rm    IPC_RMID: remove the queue and its messages\n",
	    "对消息队列 QID（或键值 KEY 的队列，-k KEY）执行 msgctl(2)：\n"
	    "  stat  IPC_STAT：打印 msqid_ds 的各字段\n"
	    "  set   IPC_SET：修改 qbytes=N mode=0600 uid=用户 gid=组\n"
	    "  rm    IPC_RMID：删除队列及其中的消息\n" },
	[SYSV_SHM] = {
	    "shmctl(2) on segment ID:\n"
	    "  stat  IPC_STAT: print the shmid_ds fields\n"
	    "  set   IPC_SET: change mode=0600 uid=USER gid=GROUP\n"
	    "  rm    IPC_RMID: remove it once the last process detaches\n"
	    "  lock, unlock  SHM_LOCK, SHM_UNLOCK: keep it in RAM or not\n",
	    "对共享内存段 ID 执行 shmctl(2)：\n"
	    "  stat  IPC_STAT：打印 shmid_ds 的各字段\n"
	    "  set   IPC_SET：修改 mode=0600 uid=用户 gid=组\n"
	    "  rm    IPC_RMID：最后一个进程分离后删除\n"
	    "  lock, unlock  SHM_LOCK, SHM_UNLOCK：锁定在内存中或解锁\n" },
	[SYSV_SEM] = {
	    "semctl(2) on set ID: stat (IPC_STAT and every value), getval N (GETVAL),\n"
	    "setval N V (SETVAL), getall (GETALL), rm (IPC_RMID)\n",
	    "对信号量集 ID 执行 semctl(2)：stat（IPC_STAT 及所有值）、getval N (GETVAL)、\n"
	    "setval N V (SETVAL)、getall (GETALL)、rm (IPC_RMID)\n" },
};

/*
 * "stat" prints the kind's fields (sysv_kinds) in the order of the
 * kernel's struct, as msgctl(2) lists them: the one after prev there (NULL:
 * the first), or NULL after the last.
 */
static const struct sysv_field *
ctl_next_field(enum sysv_kind k, const struct sysv_field *prev)
{
	const struct sysv_field *f = sysv_kinds[k].fields, *next = NULL;
	size_t i;

	for (i = 0; i < sysv_kinds[k].nfields; i++)
		if ((prev == NULL || f[i].from > prev->from) &&
		    (next == NULL || f[i].from < next->from))
			next = &f[i];
	return next;
}

static const char *
ctl_user(uid_t uid)
{
	struct passwd *p = getpwuid(uid);

	return p != NULL ? p->pw_name : "?";
}

static const char *
ctl_group(gid_t gid)
{
	struct group *g = getgrgid(gid);

	return g != NULL ? g->gr_name : "?";
}

static void
ctl_print_perm(const char *pre, const struct sysv_perm *p)
{
	printf("%s_perm.key   0x%08x\n", pre, (unsigned)p->key);
	printf("%s_perm.uid   %u (%s)\n", pre, (unsigned)p->uid,
	    ctl_user(p->uid));
	printf("%s_perm.gid   %u (%s)\n", pre, (unsigned)p->gid,
	    ctl_group(p->gid));
	printf("%s_perm.cuid  %u (%s)\n", pre, (unsigned)p->cuid,
	    ctl_user(p->cuid));
	printf("%s_perm.cgid  %u (%s)\n", pre, (unsigned)p->cgid,
	    ctl_group(p->cgid));
	printf("%s_perm.mode  %04o\n", pre, p->mode);
}

static void
ctl_print_time(const char *label, time_t t)
{
	char b[32];

	if (t == 0) {
		printf("%-13s %s\n", label, tr("not set", "未设置"));
		return;
	}
	printf("%-13s %.24s (%ld)\n", label, ctime_r(&t, b) ? b : "?",
	    (long)t);
}

/*
 * One field: its name in the kernel's struct (without the underscores
 * glibc puts before msg_cbytes), its value.
 */
static void
ctl_print_field(const struct sysv_field *f, const void *obj)
{
	const void *p = (const char *)obj + f->to;
	const char *label = f->kname + strspn(f->kname, "_");

	switch (f->type) {
	case 't':
		ctl_print_time(label, *(const time_t *)p);
		break;
	case 'l':
		printf("%-13s %lu\n", label, *(const unsigned long *)p);
		break;
	case 'z':
		printf("%-13s %zu\n", label, *(const size_t *)p);
		break;
	default:
		printf("%-13s %d\n", label, (int)*(const pid_t *)p);
		break;
	}
}

/* After the fields: a removed segment's status, a set's semaphores. */
static int
ctl_stat_tail(enum sysv_kind k, int id, const void *obj)
{
	const struct sysv_shm *m = obj;
	const struct sysv_sem *s = obj;
	struct sysv_semval *v;
	unsigned long i;

	if (k == SYSV_SHM && (m->perm.mode & SHM_DEST))
		printf("%s\n", tr("status        dest (removed; goes away at the last detach)",
		    "status        dest（已删除，最后一个进程分离后消失）"));
	if (k != SYSV_SEM)
		return 0;
	v = calloc(s->nsems ? s->nsems : 1, sizeof(*v));
	if (v == NULL || sysv_sem_members(id, v, s->nsems) < 0) {
		free(v);
		return -1;
	}
	printf("%-7s %-6s %-7s %-7s %s\n", "semnum", "value", "ncount",
	    "zcount", "pid");
	for (i = 0; i < s->nsems; i++)
		printf("%-7lu %-6d %-7d %-7d %d\n", i, v[i].val, v[i].ncnt,
		    v[i].zcnt, (int)v[i].pid);
	free(v);
	return 0;
}

/* stat: IPC_STAT, printed field by field ("msqid", "msg_perm.key"...). */
static int
ctl_stat(enum sysv_kind k, int id, const struct ctl_args *a,
    const char **cmd)
{
	static const char *const idnames[SYSV_NKINDS] = { "msqid", "shmid",
	    "semid" };
	union {
		struct sysv_msq	q;
		struct sysv_shm	m;
		struct sysv_sem	s;
	} obj;
	const struct sysv_field *f;
	struct sysv_view v;

	(void)cmd;
	(void)a;
	if (sysv_stat(k, id, SYSV_BY_ID, &obj) < 0)
		return -1;
	sysv_view(k, &obj, &v);
	printf("%-13s %d\n", idnames[k], id);
	ctl_print_perm(sysv_kinds[k].name, v.perm);
	for (f = ctl_next_field(k, NULL); f != NULL; f = ctl_next_field(k, f))
		ctl_print_field(f, &obj);
	return ctl_stat_tail(k, id, &obj);
}

static int
ctl_rm(enum sysv_kind k, int id, const struct ctl_args *a,
    const char **cmd)
{
	(void)cmd;
	(void)a;
	return sysv_remove(k, id);
}

static int
ctl_set(enum sysv_kind k, int id, const struct ctl_args *a,
    const char **cmd)
{
	int failed, r = sysv_set(k, id, &a->attr, &failed);

	if (r < 0 && failed == IPC_STAT)
		*cmd = "IPC_STAT";
	return r;
}

/* lock and unlock: *cmd is the verb's command, SHM_LOCK or SHM_UNLOCK. */
static int
ctl_lock(enum sysv_kind k, int id, const struct ctl_args *a,
    const char **cmd)
{
	(void)k;
	(void)a;
	return sysv_shm_lock(id, strcmp(*cmd, "SHM_LOCK") == 0);
}

static int
ctl_getval(enum sysv_kind k, int id, const struct ctl_args *a,
    const char **cmd)
{
	int r = sysv_sem_getval(id, (int)a->num);

	(void)cmd;
	(void)k;
	if (r < 0)
		return -1;
	printf("%d\n", r);
	return 0;
}

static int
ctl_setval(enum sysv_kind k, int id, const struct ctl_args *a,
    const char **cmd)
{
	(void)cmd;
	(void)k;
	return sysv_sem_setval(id, (int)a->num, (int)a->val);
}

/* getall: every value of the set on one line. */
static int
ctl_getall(enum sysv_kind k, int id, const struct ctl_args *a,
    const char **cmd)
{
	struct sysv_sem s;
	unsigned short *all;
	unsigned long i;

	(void)k;
	(void)a;
	if (sysv_stat(SYSV_SEM, id, SYSV_BY_ID, &s) < 0) {
		*cmd = "IPC_STAT";
		return -1;
	}
	all = calloc(s.nsems ? s.nsems : 1, sizeof(*all));
	if (all == NULL)
		return bi_errorf("semctl", "%s", strerror(ENOMEM));
	if (sysv_sem_values(id, all, s.nsems) < 0) {
		free(all);
		return -1;
	}
	for (i = 0; i < s.nsems; i++)
		printf("%s%u", i ? " " : "", all[i]);
	printf("\n");
	free(all);
	return 0;
}

static const struct ctl_verb ctl_verbs[] = {
	{ "stat", "IPC_STAT", K_MSG | K_SHM | K_SEM, 0, ctl_stat },
	{ "rm", "IPC_RMID", K_MSG | K_SHM | K_SEM, 0, ctl_rm },
	{ "set", "IPC_SET", K_MSG | K_SHM, -1, ctl_set },
	{ "lock", "SHM_LOCK", K_SHM, 0, ctl_lock },
	{ "unlock", "SHM_UNLOCK", K_SHM, 0, ctl_lock },
	{ "getval", "GETVAL", K_SEM, 1, ctl_getval },
	{ "setval", "SETVAL", K_SEM, 2, ctl_setval },
	{ "getall", "GETALL", K_SEM, 0, ctl_getall },
};

static int
ctl_parse_owner(const char *v, int group, long *out)
{
	if (sysvcmd_parse_int(v, 10, 0, UINT32_MAX - 1, out) == 0)
		return 0;
	if (group) {
		struct group *g = getgrnam(v);

		if (g == NULL)
			return -1;
		*out = g->gr_gid;
	} else {
		struct passwd *p = getpwnam(v);

		if (p == NULL)
			return -1;
		*out = p->pw_uid;
	}
	return 0;
}

/*
 * qbytes=N: the kernel keeps msg_qbytes as an int (a larger value wraps:
 * 4294967296 would be 0, and every msgsnd would block). -1 after reporting.
 */
static int
ctl_parse_qbytes(const char *name, const char *word, long *out)
{
	const char *v = word + 7;

	if (sysvcmd_parse_int(v, 0, 0, INT_MAX, out) == 0)
		return 0;
	if (sysvcmd_parse_int(v, 0, LONG_MIN, LONG_MAX, out) == 0 ||
	    (*v >= '0' && *v <= '9' && strspn(v, "0123456789") == strlen(v)))
		bi_errorf(name, tr("set: %s: out of range (0 to %d)",
		    "set：%s：超出范围（0 到 %d）"), word, INT_MAX);
	else
		bi_errorf(name, tr("set: bad field '%s'",
		    "set：无效的字段 '%s'"), word);
	return -1;
}

/* Parses set's KEY=VALUE words; -1 after reporting the bad one. */
static int
ctl_parse_set(const char *name, int argc, char **argv, int qbytes_ok,
    struct sysv_attr *s)
{
	const char *eq;
	int i, r;

	s->uid = s->gid = s->mode = s->qbytes = -1;
	if (argc == 0) {
		bi_errorf(name, "%s", tr("set: nothing to set",
		    "set：没有要设置的字段"));
		return -1;
	}
	for (i = 0; i < argc; i++) {
		eq = strchr(argv[i], '=');
		r = -1;
		if (eq == NULL)
			;
		else if (strncmp(argv[i], "uid=", 4) == 0)
			r = ctl_parse_owner(eq + 1, 0, &s->uid);
		else if (strncmp(argv[i], "gid=", 4) == 0)
			r = ctl_parse_owner(eq + 1, 1, &s->gid);
		else if (strncmp(argv[i], "mode=", 5) == 0)
			r = sysvcmd_parse_int(eq + 1, 8, 0, 0777, &s->mode);
		else if (qbytes_ok && strncmp(argv[i], "qbytes=", 7) == 0 &&
		    ctl_parse_qbytes(name, argv[i], &s->qbytes) < 0)
			return -1;
		else if (qbytes_ok && strncmp(argv[i], "qbytes=", 7) == 0)
			r = 0;
		if (r < 0) {
			bi_errorf(name, tr("set: bad field '%s'",
			    "set：无效的字段 '%s'"), argv[i]);
			return -1;
		}
	}
	return 0;
}

/*
 * The verb's words w[0..n-1] (after ID VERB): semnum and value, or set's
 * fields. 0, or a status.
 */
static int
ctl_parse_args(const char *name, char **w, int n, enum sysv_kind k,
    const struct ctl_verb *v, struct ctl_args *a)
{
	if (v->nargs < 0)
		return ctl_parse_set(name, n, w, k == SYSV_MSG,
		    &a->attr) < 0 ? bi_usage(name) : 0;
	if (v->nargs >= 1 &&
	    sysvcmd_parse_int(w[0], 10, 0, INT_MAX, &a->num) < 0)
		return sysvcmd_bad(name, "semnum", w[0]);
	if (v->nargs >= 2 &&
	    sysvcmd_parse_int(w[1], 10, INT_MIN, INT_MAX, &a->val) < 0)
		return sysvcmd_bad(name, "value", w[1]);
	return 0;
}

/* -k KEY: the id of the object of key, or -1 after reporting. */
static int
ctl_key_id(const char *name, enum sysv_kind k, key_t key)
{
	struct ipcerr_ctx c;
	int id = sysv_get(k, key, 0, 0);

	if (id >= 0)
		return id;
	sysvcmd_ctx(&c, sysv_kinds[k].obj, -1);
	c.key = (long)(unsigned)key;
	ipcerr_report(name, sysv_kinds[k].get_call, errno, &c);
	return -1;
}

/*
 * msgctl ID stat | set FIELD=VALUE... | rm; shmctl ID stat | set... |
 * rm | lock | unlock; semctl ID stat | getval N | setval N V | getall |
 * rm: the kind from the name. msgctl -k KEY VERB... too: every word is
 * checked before the key is looked up.
 */
int
bi_sysvctl(int argc, char **argv)
{
	enum sysv_kind k = sysvcmd_kind(argv[0]);
	const struct sysv_ops *t = &sysv_kinds[k];
	const struct ctl_verb *v = NULL;
	struct ctl_args a;
	struct ipcerr_ctx c;
	char what[32], call[48], **w = argv + 1;
	size_t i;
	const char *cmd;
	int id, r, n = argc - 1, keyed = 0;
	key_t key = IPC_PRIVATE;

	if (sysvcmd_start(argc, argv, tr(ctl_help[k][0], ctl_help[k][1])))
		return 0;
	if (k == SYSV_MSG && n >= 1 && strcmp(w[0], "-k") == 0) {
		if (n < 3)
			return bi_usage(argv[0]);
		if ((r = sysvcmd_named_key(argv[0], w[1], &key)) != 0)
			return r;
		keyed = 1;
		w++;
		n--;
	}
	if (n < 2)
		return bi_usage(argv[0]);
	if (!keyed && sysvcmd_parse_id(w[0], &id) < 0) {
		snprintf(what, sizeof(what), "%s id", t->obj);
		return sysvcmd_bad(argv[0], what, w[0]);
	}
	for (i = 0; i < sizeof(ctl_verbs) / sizeof(ctl_verbs[0]); i++)
		if ((ctl_verbs[i].kinds & (1u << k)) &&
		    strcmp(w[1], ctl_verbs[i].verb) == 0)
			v = &ctl_verbs[i];
	if (v == NULL || (v->nargs >= 0 && n != 2 + v->nargs))
		return bi_usage(argv[0]);
	memset(&a, 0, sizeof(a));
	if ((r = ctl_parse_args(argv[0], w + 2, n - 2, k, v, &a)) != 0)
		return r;
	if (keyed && (id = ctl_key_id(argv[0], k, key)) < 0)
		return 1;
	cmd = v->cmd;
	r = v->fn(k, id, &a, &cmd);
	if (r >= 0)
		return r;
	snprintf(call, sizeof(call), "%s(%s)", t->ctl_call, cmd);
	sysvcmd_ctx(&c, t->obj, id);
	return ipcerr_report(argv[0], call, errno, &c);
}
