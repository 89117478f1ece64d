/*
 * check_kind.c - the table of lesson check kinds (check_kind.h): each
 * kind's words and options, the probe flags it needs, its evaluator; and
 * the validation of a check's words against it, for the parser.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_kind.h"
#include "lesson_tape.h"
#include "probe.h"
#include "sigtab.h"
#include "sysv.h"

static const struct ckind_opt proc_opts[] = {
	{ "state", 'S' }, { "wchan", 'a' }, { NULL, 0 },
};
static const struct ckind_opt sig_opts[] = {
	{ "pending", 'g' }, { "blocked", 'g' }, { "ignored", 'g' },
	{ "caught", 'g' }, { NULL, 0 },
};
static const struct ckind_opt fifo_opts[] = {
	{ "open-readers", 'c' }, { "open-writers", 'c' }, { "readers", 'c' },
	{ "writers", 'c' }, { NULL, 0 },
};
static const struct ckind_opt queue_opts[] = {
	{ "messages", 'c' }, { "types", 'l' }, { "text", 'a' }, { NULL, 0 },
};
static const struct ckind_opt shm_opts[] = {
	{ "nattch", 'c' }, { "text", 'a' }, { NULL, 0 },
};
static const struct ckind_opt sem_opts[] = {
	{ "values", 'l' }, { NULL, 0 },
};
static const struct ckind_opt pmq_opts[] = {
	{ "messages", 'c' }, { "maxmsg", 'c' }, { "blocked", 'a' },
	{ NULL, 0 },
};
static const struct ckind_opt pshm_opts[] = {
	{ "size", 'c' }, { "mappers", 'c' }, { "text", 'a' }, { NULL, 0 },
};
static const struct ckind_opt socket_opts[] = {
	{ "type", 'T' }, { "queued", 'c' }, { NULL, 0 },
};

/* What each kind asks of the probe: only what its evaluator reads. */
#define P_PROCS		(PROBE_NO_FILL | PROBE_NO_SYSV | PROBE_NO_MSGS)
#define P_PIPES		(PROBE_NO_SYSV | PROBE_NO_MSGS)
#define P_SYSV		(PROBE_NO_FILL | PROBE_NO_MSGS)
/* POSIX queues: a copy of a holder's descriptor answers mq_getattr(3) */
#define P_PMQ		(PROBE_NO_SYSV | PROBE_NO_MSGS)
#define P_SOCK		(P_PROCS | PROBE_NO_POSIX)

static const struct ckind ckinds[] = {
	{ .name = "pipe-full", .fixed = "n", .probe = P_PIPES,
	    .eval = lcheck_ev_pipe },
	{ .name = "pipe-fill", .fixed = "nb", .probe = P_PIPES,
	    .eval = lcheck_ev_pipe },
	{ .name = "proc", .fixed = "n", .opts = proc_opts, .probe = P_PROCS,
	    .eval = lcheck_ev_proc },
	{ .name = "no-proc", .fixed = "n", .probe = P_PROCS,
	    .eval = lcheck_ev_no_proc },
	{ .name = "signal", .fixed = "n", .opts = sig_opts,
	    .needs = "say which set: pending, blocked, ignored or caught",
	    .probe = P_PROCS, .eval = lcheck_ev_signal },
	{ .name = "fifo", .fixed = "n", .opts = fifo_opts, .probe = P_PROCS,
	    .eval = lcheck_ev_fifo },
	{ .name = "no-fifo", .fixed = "n", .probe = CKIND_NOPROBE,
	    .eval = lcheck_ev_no_fifo },
	{ .name = "queue", .fixed = "k", .opts = queue_opts,
	    .probe = PROBE_NO_FILL, .sysv = SYSV_MSG, .eval = lcheck_ev_queue },
	{ .name = "no-queue", .fixed = "k", .optfixed = 1, .probe = P_SYSV,
	    .sysv = SYSV_MSG, .eval = lcheck_ev_none },
	/* a segment nobody maps can only be read by attaching it */
	{ .name = "shm", .fixed = "k", .opts = shm_opts,
	    .probe = P_SYSV | PROBE_SHMAT, .sysv = SYSV_SHM,
	    .eval = lcheck_ev_shm },
	{ .name = "no-shm", .fixed = "k", .optfixed = 1, .probe = P_SYSV,
	    .sysv = SYSV_SHM, .eval = lcheck_ev_none },
	{ .name = "sem", .fixed = "k", .opts = sem_opts, .probe = P_SYSV,
	    .sysv = SYSV_SEM, .eval = lcheck_ev_sem },
	{ .name = "no-sem", .fixed = "k", .optfixed = 1, .probe = P_SYSV,
	    .sysv = SYSV_SEM, .eval = lcheck_ev_none },
	{ .name = "pmq", .fixed = "n", .opts = pmq_opts, .probe = P_PMQ,
	    .eval = lcheck_ev_pmq },
	{ .name = "no-pmq", .fixed = "n", .probe = CKIND_NOPROBE,
	    .eval = lcheck_ev_no_pmq },
	{ .name = "pshm", .fixed = "n", .opts = pshm_opts, .probe = P_PROCS,
	    .eval = lcheck_ev_pshm },
	{ .name = "no-pshm", .fixed = "n", .probe = CKIND_NOPROBE,
	    .eval = lcheck_ev_no_pshm },
	/* a connection between two processes: socket FROM TO */
	{ .name = "socket", .fixed = "nn", .opts = socket_opts, .probe = P_SOCK,
	    .eval = lcheck_ev_socket },
	{ .name = "status", .fixed = "s", .probe = CKIND_NOPROBE, .once = 1,
	    .eval = lcheck_ev_status },
	{ .name = "shell", .fixed = "", .rest = 1, .probe = CKIND_NOPROBE,
	    .eval = lcheck_ev_shell },
	/* the pattern of a command line run during the task */
	{ .name = "ran", .fixed = "a", .probe = CKIND_NOPROBE, .once = 1,
	    .eval = lcheck_ev_ran },
	/* what short-lived processes did: the shell's tape (lesson_tape.c) */
	{ .name = "tape", .fixed = "", .rest = 1, .probe = CKIND_NOPROBE,
	    .eval = lcheck_ev_tape, .validate = ltape_validate, .tape = 1 },
};

/* A number, or a word the shell expands later ($VAR): both pass here. */
static int
num_ok(const char *s, long *out)
{
	char *end;
	long v;

	if (strchr(s, '$') != NULL)
		return 1;
	errno = 0;
	v = strtol(s, &end, 0);
	if (errno != 0 || end == s || *end != '\0')
		return 0;
	if (out != NULL)
		*out = v;
	return 1;
}

static int
sig_ok(const char *s)
{
	return sig_parse(s) >= 0;
}

static int
num_item_ok(const char *s)
{
	return num_ok(s, NULL);
}

/*
 * 1 when every comma-separated item of s passes item_ok; else 0, with
 * the first that did not in bad (n bytes) when bad is not NULL.
 */
static int
list_ok(const char *s, int (*item_ok)(const char *), char *bad, size_t n)
{
	char *copy = strdup(s), *tok, *save = NULL;
	int ok = 1;

	if (copy == NULL)
		return 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save))
		if (!item_ok(tok)) {
			if (bad != NULL)
				snprintf(bad, n, "%s", tok);
			ok = 0;
			break;
		}
	free(copy);
	return ok;
}

/* The value of option o of kind k. 0, or -1 with what is wrong in err. */
static int
opt_value_ok(const struct ckind *k, const struct ckind_opt *o,
    const char *val, char *err, size_t errsize)
{
	char bad[64];
	long v;

	switch (o->type) {
	case 'g':
		if (list_ok(val, sig_ok, bad, sizeof(bad)))
			return 0;
		snprintf(err, errsize, "%s: '%s' is not a signal", k->name, bad);
		return -1;
	case 'S':
		if (strlen(val) == 1 && strchr("RSDTtZXI", val[0]) != NULL)
			return 0;
		snprintf(err, errsize,
		    "%s: state '%s' is not one of R S D T t Z X I", k->name, val);
		return -1;
	case 'a':
		return 0;
	case 'T':
		if (strcmp(val, "stream") == 0 || strcmp(val, "dgram") == 0 ||
		    strcmp(val, "datagram") == 0 ||
		    strcmp(val, "seqpacket") == 0 || strchr(val, '$') != NULL)
			return 0;
		snprintf(err, errsize,
		    "%s: type '%s' is not stream, dgram or seqpacket", k->name,
		    val);
		return -1;
	case 'l':
		if (list_ok(val, num_item_ok, NULL, 0))
			return 0;
		snprintf(err, errsize, "%s: %s '%s' is not a list of numbers",
		    k->name, o->name, val);
		return -1;
	default:
		if (num_ok(val, &v) && v >= 0)
			return 0;
		snprintf(err, errsize, "%s: %s '%s' is not a count", k->name,
		    o->name, val);
		return -1;
	}
}

/* Fixed word w of kind k, of the given type. 0, or -1 with err. */
static int
fixed_ok(const struct ckind *k, char type, const char *w, char *err,
    size_t errsize)
{
	long v;

	if (type == 'k' && !num_ok(w, NULL)) {
		snprintf(err, errsize, "%s: key '%s' is not a number", k->name,
		    w);
		return -1;
	}
	if (type == 'b' && (!num_ok(w, &v) || v < 0)) {
		snprintf(err, errsize, "%s: '%s' is not a byte count", k->name,
		    w);
		return -1;
	}
	if (type == 's' && !num_ok(w, NULL) && sig_parse(w) < 0) {
		snprintf(err, errsize,
		    "%s: '%s' is neither a number nor a signal", k->name, w);
		return -1;
	}
	return 0;
}

static const struct ckind_opt *
opt_find(const struct ckind *k, const char *w)
{
	const struct ckind_opt *o;

	for (o = k->opts; o != NULL && o->name != NULL; o++)
		if (strcmp(o->name, w) == 0)
			return o;
	return NULL;
}

const struct ckind *
ckind_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(ckinds) / sizeof(ckinds[0]); i++)
		if (strcmp(ckinds[i].name, name) == 0)
			return &ckinds[i];
	return NULL;
}

int
ckind_validate(struct lcheck *c, char *err, size_t errsize)
{
	const struct ckind *k = ckind_find(c->argv[0]);
	const struct ckind_opt *o;
	int i, nfixed;

	if (k == NULL) {
		snprintf(err, errsize, "unknown kind of check '%s'", c->argv[0]);
		return -1;
	}
	if (k->rest) {
		if (k->validate != NULL &&
		    k->validate(c->argc, c->argv, err, errsize) < 0)
			return -1;
		if (c->argc < 2) {
			snprintf(err, errsize, "%s: no command given", k->name);
			return -1;
		}
		c->kind = k;
		return 0;
	}
	nfixed = (int)strlen(k->fixed);
	if (k->optfixed && c->argc - 1 < nfixed)
		nfixed = c->argc - 1;
	if (c->argc - 1 < nfixed) {
		snprintf(err, errsize, "%s: missing argument", k->name);
		return -1;
	}
	for (i = 1; i <= nfixed; i++)
		if (fixed_ok(k, k->fixed[i - 1], c->argv[i], err, errsize) < 0)
			return -1;
	for (i = nfixed + 1; i < c->argc; i += 2) {
		if ((o = opt_find(k, c->argv[i])) == NULL) {
			snprintf(err, errsize, "%s: unexpected '%s'", k->name,
			    c->argv[i]);
			return -1;
		}
		if (i + 1 >= c->argc) {
			snprintf(err, errsize, "%s: %s needs a value", k->name,
			    c->argv[i]);
			return -1;
		}
		if (opt_value_ok(k, o, c->argv[i + 1], err, errsize) < 0)
			return -1;
	}
	if (k->needs != NULL && c->argc < nfixed + 3) {
		snprintf(err, errsize, "%s: %s", k->name, k->needs);
		return -1;
	}
	c->kind = k;
	return 0;
}
