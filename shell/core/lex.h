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
void arena_free(struct arena *a);	/* drops one reference */
void arena_ref(struct arena *a);	/* one more arena_free needed */

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
	T_DEEP,		/* substitutions nested more than LEX_MAXDEPTH */
	T_BADSUBST,	/* a syntax error inside $(...): text says what */
};

/* The deepest nesting of commands or substitutions the shell parses. */
#define LEX_MAXDEPTH	1000

struct token {
	enum tok_type type;
	char *text;		/* T_WORD, T_IONUM: raw text, quotes kept (arena) */
	size_t start, end;	/* offsets in the source (not in alias text) */
	int line;		/* line where the token starts */
	int alias_next;		/* after an alias ending in a blank (XCU 2.3.1) */
};

/*
 * A here-document (XCU 2.7.4): the redirection's word gives delim; the
 * lexer reads the body from the lines after the next newline token.
 */
struct heredoc {
	char *delim;		/* the delimiter, quotes removed */
	int quoted;		/* some part of the word was quoted: no expansion */
	int strip;		/* <<-: leading tabs removed */
	char *body;		/* the lines, each with its newline (arena) */
	struct heredoc *next;	/* the lexer's queue of bodies to read */
};

/* Text pushed by alias substitution, read before the rest of the line. */
struct lexframe {
	const char *s;
	size_t len, pos;
	const char *alias;	/* the alias whose value this is */
	struct lexframe *up;
};

struct lexer {
	const char *s;
	size_t len, pos;
	int line;
	struct arena *arena;
	struct lexframe *frames;	/* alias text being read (s is its) */
	const char *src;		/* the source itself and its length */
	size_t srclen;
	int alias_blank;		/* an alias ending in a blank just ended */
	int aliases;			/* some alias was defined at lex_init */
	int at_eof;			/* no more input: bodies end at the end */
	struct heredoc *hd_head, **hd_tail;	/* bodies still to read */
};

void lex_init(struct lexer *lx, const char *s, size_t len, int line,
    struct arena *a);

/* Queues a here-document whose body follows the next newline. */
void lex_heredoc(struct lexer *lx, struct heredoc *h);

/*
 * Alias substitution of the word just read (t): when it is an unquoted
 * alias name not already being substituted, its value becomes the next
 * input and 1 is returned.
 */
int lex_alias(struct lexer *lx, const struct token *t);

/*
 * The alias table (alias.c): values are malloc'ed and kept; alias_get
 * returns NULL for a name that is not an alias.
 */
const char *alias_get(const char *name);
int alias_set(const char *name, const char *value);
int alias_unset(const char *name);	/* -1 when not an alias */
void alias_clear(void);
void alias_each(void (*fn)(const char *name, const char *value));
int alias_valid_name(const char *name, size_t len);
int alias_any(void);	/* 1 when some alias is defined */

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

/*
 * parse.c: parses the commands of a $(...) whose text starts at s[*pos]
 * up to its closing parenthesis (so that case patterns' ')' and syntax
 * errors are seen when the word is read, as dash does); *pos moves past
 * it and *lines counts its newlines. Returns 0, -1 when the text ends
 * first (read more), -3 with a malloc'ed message in *err on an error.
 */
int parse_subst(const char *s, size_t len, size_t *pos, int *lines,
    char **err);

/* parse.c: 0 when text parses completely, else -1 and *err (malloc'ed). */
int parse_check(const char *text, size_t len, char **err);

#endif
