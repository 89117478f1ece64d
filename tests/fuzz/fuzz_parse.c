/*
 * fuzz_parse.c - libFuzzer target for the lexer and parser: arbitrary text
 * through parse_string, parse_buf (as the line reader feeds it) and
 * cmd_dump; anything ASan, UBSan or LeakSanitizer reports is a bug.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"

/* Each prefix ending at a newline, as an interactive reader would feed it. */
static void fuzz_lines(const char *text, size_t len)
{
	struct cmd *c;
	char *err;
	size_t i;
	int n = 0;

	for (i = 0; i < len && n < 16; i++) {
		if (text[i] != '\n')
			continue;
		n++;
		c = NULL;
		err = NULL;
		switch (parse_buf(text, i + 1, 1, &c, &err)) {
		case PARSE_OK:
			cmd_free(c);
			break;
		case PARSE_ERROR:
			free(err);
			break;
		case PARSE_INCOMPLETE:
			break;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cmd *c;
	char *text, *err = NULL, *dump;

	/*
	 * An exact-size copy with no NUL: the API takes text[0..len), so a
	 * read of text[len] is a bug.  FUZZ_NUL_TERMINATED adds the NUL the
	 * shell's own callers happen to provide.
	 */
#ifdef FUZZ_NUL_TERMINATED
	text = malloc(size + 1);
	if (!text)
		return 0;
	text[size] = '\0';
#else
	text = malloc(size ? size : 1);
	if (!text)
		return 0;
#endif
	memcpy(text, data, size);

	c = parse_string(text, size, &err);
	if (c) {
		dump = cmd_dump(c);
		free(dump);
	}
	cmd_free(c);
	free(err);

	fuzz_lines(text, size);
	free(text);
	return 0;
}
