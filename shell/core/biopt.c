/* biopt.c - a builtin's options declared as rows and read with getopt_long(3). */
#include <getopt.h>
#include <string.h>

#include "shell.h"

void
bi_opt_start(struct bi_opts *g, const char *order, const struct bi_opt *rows,
    int argc, char **argv)
{
	size_t n = 0, s = 0;
	int c;

	g->rows = rows;
	g->argc = argc;
	g->argv = argv;
	s = strlen(order);
	memcpy(g->shorts, order, s);
	for (; rows[n].letter != 0 && n < BI_OPT_MAX; n++) {
		c = rows[n].letter & 0xff;
		g->longs[n] = (struct option){ rows[n].name, rows[n].has_arg,
		    NULL, c };
		if (rows[n].letter & BI_OPT_LONG)
			continue;
		g->shorts[s++] = (char)c;
		if (rows[n].has_arg != no_argument)
			g->shorts[s++] = ':';
		if (rows[n].has_arg == optional_argument)
			g->shorts[s++] = ':';
	}
	g->shorts[s] = '\0';
	g->longs[n] = (struct option){ NULL, 0, NULL, 0 };
	optind = 0;
	opterr = 1;
}

int
bi_opt_next(struct bi_opts *g)
{
	const struct bi_opt *r;
	int c;

	while ((c = getopt_long(g->argc, g->argv, g->shorts, g->longs,
	    NULL)) != -1) {
		for (r = g->rows; r->letter != 0 && (r->letter & 0xff) != c; r++)
			;
		if (r->letter == 0 || r->set == NULL)
			return c;
		*r->set = r->val;
	}
	return -1;
}
