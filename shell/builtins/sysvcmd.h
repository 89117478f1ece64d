/*
 * sysvcmd.h - what the System V builtin files share: the util-linux
 * compatible commands (ipcs.c, ipcrm.c), the *ctl builtins (sysvctl.c),
 * the explanations of failed calls (ipcerr.c) and argument parsers.
 */
#ifndef IPCSH_SYSVCMD_H
#define IPCSH_SYSVCMD_H

#include <stdint.h>
#include <sys/types.h>

#include "sysv.h"

/* ipcs.c: ipcs(1); ipcrm.c: ipcrm(1) and ipcmk(1) of util-linux. */
int bi_ipcs(int argc, char **argv);
int bi_ipcrm(int argc, char **argv);
int bi_ipcmk(int argc, char **argv);

/* sysvctl.c: msgctl, shmctl and semctl, the kind from argv[0]. */
int bi_sysvctl(int argc, char **argv);

/* sysv.c: the kind a builtin's name begins with: "msg", "shm", "sem". */
enum sysv_kind sysvcmd_kind(const char *cmd);

/*
 * ulcompat.c: util-linux's (ULC_VERSION) -V line, its "Try 'NAME --help'
 * for more information." line (returns 1), and its parsers, which report
 * as util-linux does ("WHAT: 'STR'", ": strerror" when errno says more)
 * and return -1: strtos32_or_err (base 10), strtoul with its checks, and
 * strtosize_or_err ("1.5K", "2MiB", "1KB").
 */
#define ULC_VERSION	"2.38.1"
int ulc_version(const char *name);
int ulc_tryhelp(const char *name);
/* -h prints help (0), -V the version (0), any other is the Try line (1). */
int ulc_common_opt(int opt, const char *name, void (*help)(void));
int ulc_s32(const char *name, const char *what, const char *str, int *out);
int ulc_ulong(const char *name, const char *what, const char *str, int base,
    unsigned long *out);
int ulc_size(const char *name, const char *what, const char *str,
    uintmax_t *out);

/* What a failing call was doing, for the sentence that explains it. */
struct ipcerr_ctx {
	const char	*obj;	/* "queue", "segment", "semaphore set" */
	long		id;	/* the id, or -1 */
	long		key;	/* the key, or -1 */
	long		type;	/* msgrcv: the type asked for */
	int		nowait;	/* -n (IPC_NOWAIT) given */
	int		except;	/* msgrcv -x (MSG_EXCEPT) */
	unsigned long	size;	/* msgrcv buffer, msgsnd text, shm size */
	unsigned long	qbytes;	/* msgsnd: the queue's limit */
	unsigned long	cbytes;	/* msgsnd: bytes already queued */
	/* POSIX objects (posixipc.c): named, not numbered */
	const char	*name;	/* "/NAME" of a POSIX queue or shm object, or NULL */
	const char	*timeout; /* -t SECS as given, or NULL */
};

/*
 * ipcerr.c: reports on stderr "ipcsh: BUILTIN: CALL: ENAME: sentence",
 * the sentence in the lecture's words, English or Chinese (tr()).
 * err is the errno of the failed call; ctx may be NULL. Returns 1.
 */
int ipcerr_report(const char *builtin, const char *call, int err,
    const struct ipcerr_ctx *ctx);

/* The symbolic name of an errno value ("ENOMSG"), or "E?" when unknown. */
const char *ipcerr_name(int err);

/*
 * Parsers for arguments: 0 on success, -1 when str is not a whole
 * number in range (nothing is reported).
 */
int sysvcmd_parse_int(const char *str, int base, long min, long max,
    long *out);

/*
 * sysv.c: a key that names an existing object (msgctl -k): 0, or the
 * status 2 after reporting a malformed key or key 0 (IPC_PRIVATE, which
 * always makes a new object), with msgsnd -k's message.
 */
int sysvcmd_named_key(const char *name, const char *s, key_t *key);

/* sysv.c: an id (0 to INT32_MAX): 0, or -1 (nothing reported). */
int sysvcmd_parse_id(const char *s, int *id);

/* Reports "ARG: invalid WHAT" and the usage line; returns 2. */
int sysvcmd_bad(const char *name, const char *what, const char *arg);

/*
 * An option that takes a number: -OPT N sets *val when N is a whole
 * number from min to max in base (sysvcmd_parse_int); what names it in
 * the error ("offset").
 */
struct sysvcmd_num {
	int		opt;
	int		base;
	long		min, max;
	const char	*what;
	long		*val;
};

/*
 * sysv.c: getopt(3)'s option opt, when it is one of the numbers t (a
 * table that ends with a row of opt 0, or NULL), into its *val from
 * optarg: 0, or the status 2 after reporting a bad number (sysvcmd_bad);
 * -1 when opt is none of them (nothing reported).
 */
int sysvcmd_num_opt(const char *name, int opt, const struct sysvcmd_num *t);

/* An option that is a flag: -OPT sets the bits flag. */
struct sysvcmd_flag {
	int	opt, flag;
};

/* sysv.c: the bits of the flag option opt in the table t, or 0. */
int sysvcmd_flag_opt(int opt, const struct sysvcmd_flag *t);

/*
 * sysv.c: a builtin starts with its --help (sysvcmd_start; then -1, the
 * builtin returns 0) or its options (getopt(3) with optstr), each a flag
 * of the table ft (its bits into *flags) or a number of nt; each table
 * ends with a row of opt 0 and may be NULL. 0, or the status 2 after
 * reporting a bad option.
 */
int sysvcmd_getopt(int argc, char **argv, const char *help,
    const char *optstr, const struct sysvcmd_flag *ft, int *flags,
    const struct sysvcmd_num *nt);

/*
 * A System V builtin starts: "NAME --help" prints its usage line and
 * help (bi_help_text) and returns 1, the builtin then returns 0;
 * otherwise getopt(3) is made ready for its options and 0 returned.
 */
int sysvcmd_start(int argc, char **argv, const char *help);

/* A context for ipcerr_report: obj ("queue"...), id (or -1), no key. */
void sysvcmd_ctx(struct ipcerr_ctx *c, const char *obj, long id);

#endif
