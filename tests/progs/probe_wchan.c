/*
 * probe_wchan.c - test helper: prints the plain word for each kernel
 * wait-channel name given, one per line ("-" for none).
 */
#include <stdio.h>

#include "probe.h"

int
main(int argc, char **argv)
{
	char buf[64];
	int i;

	for (i = 1; i < argc; i++) {
		probe_wchan_word(argv[i], buf, sizeof(buf));
		printf("%s\n", buf[0] ? buf : "-");
	}
	return 0;
}
