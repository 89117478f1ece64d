/*
 * show.c - the show builtin: what the kernel holds for this shell and its
 * descendants, as text or JSON (the probe, probe.h).
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "probe.h"
#include "render.h"
#include "shell.h"

static int
bi_show(int argc, char **argv)
{
	struct probe_opts po = { .nmsgs = -1 };
	struct snapshot *s;
	int c, json = 0, related = 0, r;
	const struct bi_opt rows[] = {
		{ 'j', "json", no_argument, &json, 1 },
		{ 'r', "related", no_argument, &related, 1 },
		{ 'm', "messages", required_argument, NULL, 0 },
		{ 0, NULL, 0, NULL, 0 },
	};
	struct bi_opts g;
	char *end;
	long n;

	bi_opt_start(&g, "+", rows, argc, argv);
	while ((c = bi_opt_next(&g)) != -1) {
		switch (c) {
		case 'm':
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 0 ||
			    n > 1 << 20)
				return bi_usage("show");
			po.nmsgs = (int)n;
			break;
		default:
			return bi_usage("show");
		}
	}
	if (optind < argc)
		return bi_usage("show");
	/* $$: in a pipeline show runs in a child, but the tree is the shell's */
	s = probe_take(sh_pid > 0 ? sh_pid : getpid(), &po);
	if (s == NULL)
		return bi_errorf("show", "%s", strerror(errno));
	r = json ? render_json(stdout, s, 0) : render_text(stdout, s,
	    related ? RENDER_RELATED : 0);
	snapshot_free(s);
	if (r < 0)
		return bi_errorf("show", "write error: %s", strerror(errno));
	return 0;
}

const struct builtin builtins_show[] = {
	{ "show", bi_show, "show [-j|--json] [-r|--related] [-m|--messages N]",
	    "show this shell's processes, pipes, queues and signals",
	    "显示本 shell 进程树的进程、管道、消息队列和信号",
	    0 },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
