/*
 * ipcrm.c - ipcrm and ipcmk, byte for byte like util-linux's (Debian 12,
 * 2.38), through the System V kinds table (sysv.h); ipcrm checks every
 * argument before it removes anything.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
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

#include "sandbox/sandbox.h"
#include "shell.h"
#include "sysv.h"
#include "sysvcmd.h"

/* ipcrm(1) */

#define RM_ALL	SYSV_NKINDS	/* -a without a kind */

struct rm_action {
	enum sysv_kind	kind;
	int		iskey;
	long		num;	/* the id, or the key */
	const char	*arg;	/* as the user wrote it */
};

static int
rm_id(enum sysv_kind k, int iskey, int id, int verbose)
{
	const char *what;

	if (verbose)
		printf("removing %s id `%d'\n", sysv_kinds[k].noun, id);
	if (sysv_remove(k, id) == 0)
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
		return ipcerr_report("ipcrm", sysv_kinds[k].ctl_call, errno,
		    NULL);
	}
	bi_errorf("ipcrm", "%s (%d)", what, id);
	return 1;
}

/* The id behind a key (msgget(key, 0) and friends), or -1 reported. */
static int
rm_key_to_id(enum sysv_kind k, long key, const char *arg)
{
	const char *what;
	int id;

	if ((key_t)key == IPC_PRIVATE) {
		bi_errorf("ipcrm", "illegal key (%s)", arg);
		return -1;
	}
	id = sysv_get(k, (key_t)key, 0, 0);
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
		ipcerr_report("ipcrm", sysv_kinds[k].get_call, errno, NULL);
		return -1;
	}
	bi_errorf("ipcrm", "%s (%s)", what, arg);
	return -1;
}

/*
 * -a: every object we may read (util-linux uses *_STAT, not _ANY), in
 * util-linux's order: segments, semaphore sets, queues.
 */
static int
rm_all(int which, int verbose)
{
	static const enum sysv_kind order[] = { SYSV_SHM, SYSV_SEM, SYSV_MSG };
	union {
		struct sysv_msq	q;
		struct sysv_shm	m;
		struct sysv_sem	s;
	} obj;
	int i, j, maxidx, id, ret = 0;

	for (j = 0; j < SYSV_NKINDS; j++) {
		if (which != RM_ALL && which != (int)order[j])
			continue;
		maxidx = sysv_maxidx(order[j]);
		for (i = 0; i <= maxidx; i++)
			if ((id = sysv_stat(order[j], i, SYSV_BY_INDEX_READ,
			    &obj)) >= 0)
				ret |= rm_id(order[j], 0, id, verbose);
	}
	return ret;
}

static int
rm_type_of(const char *s)
{
	const struct sysv_ops *k = sysv_kind_named(s);

	return k != NULL ? (int)(k - sysv_kinds) : -1;
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
	    " -h, --help                 display this help\n"
	    " -V, --version              display version\n\n"
	    "For more details see ipcrm(1).\n");
}

/*
 * The old form: ipcrm shm|msg|sem ID... Each id is read as util-linux
 * reads it (strtoul base 10, then an int: "-5" is id -5, "" is 0).
 */
static int
ipcrm_old(enum sysv_kind k, int argc, char **argv)
{
	unsigned long *ids;
	char *end;
	int i, bad = 0, ret = 0;

	if (argc < 3) {
		bi_errorf("ipcrm", "not enough arguments");
		return ulc_tryhelp("ipcrm");
	}
	ids = calloc((size_t)argc, sizeof(*ids));
	if (ids == NULL)
		return bi_errorf("ipcrm", "%s", strerror(ENOMEM));
	for (i = 2; i < argc; i++) {
		errno = 0;
		ids[i] = strtoul(argv[i], &end, 10);
		if (errno != 0 || *end != '\0') {
			bi_errorf("ipcrm", "invalid id: %s", argv[i]);
			bad = 1;
		}
	}
	if (bad) {
		free(ids);
		return 1;
	}
	for (i = 2; i < argc; i++)
		ret |= rm_id(k, 0, (int)ids[i], 0);
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
	unsigned long key;
	int id;

	act->arg = arg;
	act->iskey = opt == 'M' || opt == 'Q' || opt == 'S';
	act->kind = (opt == 'm' || opt == 'M') ? SYSV_SHM :
	    (opt == 'q' || opt == 'Q') ? SYSV_MSG : SYSV_SEM;
	if (act->iskey) {
		/* keys are hex (0x...), octal or decimal: strtoul base 0 */
		if (ulc_ulong("ipcrm", "failed to parse argument", arg, 0,
		    &key) < 0)
			return -1;
		act->num = (long)(key_t)key;
		return 0;
	}
	if (ulc_s32("ipcrm", "failed to parse argument", arg, &id) < 0)
		return -1;
	act->num = id;
	return 0;
}

int
bi_ipcrm(int argc, char **argv)
{
	struct rm_action *acts;
	int opt, n = 0, bad = 0, verbose = 0, all = -1, ret = 0, i, id;
	const struct bi_opt rows[] = {
		{ 'm', "shmem-id", required_argument, NULL, 0 },
		{ 'M', "shmem-key", required_argument, NULL, 0 },
		{ 'q', "queue-id", required_argument, NULL, 0 },
		{ 'Q', "queue-key", required_argument, NULL, 0 },
		{ 's', "semaphore-id", required_argument, NULL, 0 },
		{ 'S', "semaphore-key", required_argument, NULL, 0 },
		{ 'a', "all", optional_argument, NULL, 0 },
		{ 'v', "verbose", no_argument, &verbose, 1 },
		{ 'V', "version", no_argument, NULL, 0 },
		{ 'h', "help", no_argument, NULL, 0 },
		{ 0, NULL, 0, NULL, 0 },
	};
	struct bi_opts g;

	/* util-linux: without arguments, nothing to do */
	if (argc < 2)
		return 0;
	if (rm_type_of(argv[1]) >= 0)
		return ipcrm_old((enum sysv_kind)rm_type_of(argv[1]), argc,
		    argv);
	acts = calloc((size_t)argc, sizeof(*acts));
	if (acts == NULL)
		return bi_errorf(argv[0], "%s", strerror(ENOMEM));
	/*
	 * First pass: parse everything; nothing is removed on a bad word
	 * (util-linux removes while it parses). Its messages and statuses.
	 */
	bi_opt_start(&g, "", rows, argc, argv);
	while (!bad && (opt = bi_opt_next(&g)) != -1) {
		switch (opt) {
		case 'm': case 'M': case 'q': case 'Q': case 's': case 'S':
			if (ipcrm_parse(opt, optarg, &acts[n]) < 0)
				bad = 1;	/* util-linux exits there */
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
		default:
			free(acts);
			return ulc_common_opt(opt, argv[0], ipcrm_help);
		}
	}
	if (!bad && optind < argc) {
		bi_errorf(argv[0], "unknown argument: %s", argv[optind]);
		bad = ulc_tryhelp(argv[0]);
	}
	if (bad) {
		free(acts);
		return 1;
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
			id = rm_key_to_id(acts[i].kind, acts[i].num,
			    acts[i].arg);
			if (id < 0) {
				ret = 1;
				continue;
			}
		}
		ret |= rm_id(acts[i].kind, acts[i].iskey, id, verbose);
	}
	if (all >= 0)
		ret |= rm_all(all, verbose);
	free(acts);
	return ret ? 1 : 0;
}

/* ipcmk(1) */

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
	    " -h, --help               display this help\n"
	    " -V, --version            display version\n\n"
	    "Arguments:\n"
	    " <size> arguments may be followed by the suffixes for\n"
	    "   GiB, TiB, PiB, EiB, ZiB, and YiB (the \"iB\" is optional)\n\n"
	    "For more details see ipcmk(1).\n");
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
	/* util-linux's order: segment, queue, semaphore set */
	static const struct {
		enum sysv_kind	kind;
		const char	*fail, *made;
	} mk[] = {
		{ SYSV_SHM, "create share memory failed", "Shared memory id" },
		{ SYSV_MSG, "create message queue failed", "Message queue id" },
		{ SYSV_SEM, "create semaphore failed", "Semaphore id" },
	};
	struct ipcerr_ctx ctx = { NULL, -1, -1, 0, 0, 0, 0, 0, 0, NULL, NULL };
	int opt, want[SYSV_NKINDS] = { 0 }, id, nsems = 0, perm = 0644;
	unsigned long mode, n[SYSV_NKINDS] = { 0 };
	uintmax_t size = 0;
	enum sysv_kind k;
	const struct bi_opt rows[] = {
		{ 'M', "shmem", required_argument, NULL, 0 },
		{ 'S', "semaphore", required_argument, NULL, 0 },
		{ 'Q', "queue", no_argument, &want[SYSV_MSG], 1 },
		{ 'p', "mode", required_argument, NULL, 0 },
		{ 'V', "version", no_argument, NULL, 0 },
		{ 'h', "help", no_argument, NULL, 0 },
		{ 0, NULL, 0, NULL, 0 },
	};
	struct bi_opts g;
	size_t i;
	char *end;

	/* util-linux's getopt: options after operands, operands ignored */
	bi_opt_start(&g, "", rows, argc, argv);
	while ((opt = bi_opt_next(&g)) != -1) {
		switch (opt) {
		case 'M':
			if (ulc_size(argv[0], "failed to parse size", optarg,
			    &size) < 0)
				return 1;
			want[SYSV_SHM] = 1;
			n[SYSV_SHM] = size;
			break;
		case 'S':
			if (ulc_s32(argv[0], "failed to parse elements",
			    optarg, &nsems) < 0)
				return 1;
			want[SYSV_SEM] = 1;
			n[SYSV_SEM] = (unsigned long)nsems;
			break;
		case 'p':
			/*
			 * strtoul base 8, as util-linux: "-1" is every bit
			 * (mode 0777 and IPC_EXCL), and its message names
			 * errno even when it is 0 ("Success").
			 */
			errno = 0;
			mode = strtoul(optarg, &end, 8);
			if (errno != 0 || end == optarg || *end != '\0')
				return bi_errorf(argv[0],
				    "failed to parse mode: %s",
				    strerror(errno));
			perm = (int)mode;
			break;
		default:
			return ulc_common_opt(opt, argv[0], ipcmk_help);
		}
	}
	if (!want[SYSV_SHM] && !want[SYSV_MSG] && !want[SYSV_SEM]) {
		bi_errorf(argv[0], "bad usage");
		return ulc_tryhelp(argv[0]);
	}
	for (i = 0; i < sizeof(mk) / sizeof(mk[0]); i++) {
		k = mk[i].kind;
		if (!want[k])
			continue;
		ctx.obj = sysv_kinds[k].obj;
		ctx.size = n[k];
		id = sysv_get(k, ipcmk_key(), n[k], perm | IPC_CREAT);
		if (id < 0)
			return ipcmk_fail(mk[i].fail, sysv_kinds[k].get_call,
			    errno, &ctx);
		printf("%s: %d\n", mk[i].made, id);
	}
	return 0;
}
