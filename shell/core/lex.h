/*
 * lex.h - lexical analysis: turns shell source text into tokens (words,
 * operators, newlines), and the arena that holds one parse's memory.
 */
#ifndef IPCSH_LEX_H
#define IPCSH_LEX_H

#include <stddef.h>

/*
 * An arena: everything one parse allocates, freed at once (dash's stack
 * marks). arena_new returns NULL only when malloc fails.
 */
struct arena;
struct arena *arena_new(void);
void *arena_alloc(struct arena *a, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

enum tok_type {
	T_EOF, T_NEWLINE, T_WORD, T_IONUM,
	T_SEMI,		/* ; */
	T_AMP,		/* & */
	T_PIPE,		/* | */
	T_AND,		/* && */
	T_OR,		/* || */
	T_DSEMI,	/* ;; */
	T_LPAREN,	/* ( */
	T_RPAREN,	/* ) */
	T_LT,		/* < */
	T_GT,		/* > */
	T_DGREAT,	/* >> */
	T_CLOBBER,	/* >| */
	T_LESSGREAT,	/* <> */
	T_LESSAND,	/* <& */
	T_GREATAND,	/* >& */
	T_DLESS,	/* << */
	T_DLESSDASH,	/* <<- */
	T_INCOMPLETE,	/* input ended inside a quote or after a backslash */
};

struct token {
	enum tok_type type;
	char *text;		/* T_WORD, T_IONUM: raw text, quotes kept (arena) */
	size_t start, end;	/* offsets in the source */
	int line;		/* line where the token starts */
};

struct lexer {
	const char *s;
	size_t len, pos;
	int line;
	struct arena *arena;
};

void lex_init(struct lexer *lx, const char *s, size_t len, int line,
    struct arena *a);

/* Reads the next token into t. Returns t->type. */
enum tok_type lex_next(struct lexer *lx, struct token *t);

/* The operator's spelling ("&&", "newline", "end of file") for messages. */
const char *lex_tokname(enum tok_type type);

/* A growing string; s is malloc'ed, the owner frees it. */
struct sbuf {
	char *s;
	size_t n, cap;
};
void sbuf_putc(struct sbuf *b, char c);
void sbuf_putn(struct sbuf *b, const char *s, size_t n);

/*
 * Skip one quoted part or substitution starting at s[*pos]: lex_skip_quote
 * takes '...', "...", `...` or a backslash pair; lex_skip_dollar takes
 * $(...), $((...)), ${...} or a plain $. The text is copied to out (with
 * backslash-newline removed) when out is not NULL, *pos moves past it and
 * *lines counts its newlines. Used by the lexer and by expansion to find
 * where a ${...} word ends. Return 0, or -1 when the text ends inside.
 */
int lex_skip_dollar(const char *s, size_t len, size_t *pos, struct sbuf *out,
    int *lines);
int lex_skip_quote(const char *s, size_t len, size_t *pos, struct sbuf *out,
    int *lines);

#endif
