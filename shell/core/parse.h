/*
 * parse.h - the parser: tokens to a tree of command nodes (xv6 sh.c style:
 * a tag and one struct per node kind), all in one arena per parse.
 */
#ifndef IPCSH_PARSE_H
#define IPCSH_PARSE_H

#include <stddef.h>

enum cmd_type {
	CMD_EXEC,	/* simple command: cmd_exec */
	CMD_REDIR,	/* compound command with redirections: cmd_redir */
	CMD_PIPE,	/* a | b | c: cmd_pipe */
	CMD_LIST,	/* a ; b: cmd_list */
	CMD_AND,	/* a && b: cmd_list */
	CMD_OR,		/* a || b: cmd_list */
	CMD_BACK,	/* a &: cmd_back */
	CMD_NOT,	/* ! a: cmd_back */
	CMD_SUBSHELL,	/* ( a ): cmd_back */
	CMD_GROUP,	/* { a; }: cmd_back */
	CMD_IF,		/* cmd_if */
	CMD_WHILE,	/* cmd_loop */
	CMD_UNTIL,	/* cmd_loop */
	CMD_FOR,	/* cmd_for */
	CMD_FUNC,	/* name() compound-command: cmd_func */
	CMD_CASE,	/* case word in pattern) list;; esac: cmd_case */
};

struct arena;

struct cmd {
	enum cmd_type type;
	int line;		/* line where the command starts */
	const char *text;	/* pipelines and lists: the source text */
	struct arena *arena;	/* the arena of the whole parse */
};

enum redir_type {
	R_IN,		/* [n]<word */
	R_OUT,		/* [n]>word */
	R_APPEND,	/* [n]>>word */
	R_CLOBBER,	/* [n]>|word */
	R_RDWR,		/* [n]<>word */
	R_DUPIN,	/* [n]<&word */
	R_DUPOUT,	/* [n]>&word */
	R_HEREDOC,	/* [n]<<word, [n]<<-word: the body in here */
};

struct heredoc;

struct redir {
	enum redir_type type;
	int fd;			/* the n */
	char *word;		/* raw word, expanded when applied */
	struct heredoc *here;	/* R_HEREDOC: the body (lex.h) */
	struct redir *next;	/* applied left to right */
};

struct cmd_exec {
	struct cmd c;
	int nassign;
	char **assign;		/* raw NAME=value words */
	int argc;
	char **argv;		/* raw words, expanded when run */
	struct redir *redir;
};

struct cmd_redir {
	struct cmd c;
	struct cmd *cmd;
	struct redir *redir;
};

struct cmd_pipe {
	struct cmd c;
	int n;
	struct cmd **cmds;
};

struct cmd_list {
	struct cmd c;
	struct cmd *left, *right;
};

struct cmd_back {
	struct cmd c;
	struct cmd *cmd;
};

struct cmd_if {
	struct cmd c;
	struct cmd *cond, *then, *els;	/* els NULL when absent; elif nests */
};

struct cmd_loop {
	struct cmd c;
	struct cmd *cond, *body;
};

struct cmd_for {
	struct cmd c;
	char *var;
	int nwords;
	char **words;		/* NULL: for NAME; do (iterates "$@") */
	struct cmd *body;
};

struct cmd_func {
	struct cmd c;
	char *name;
	struct cmd *body;	/* a compound command, maybe with redirections */
};

struct case_item {
	int npat;
	char **pats;		/* raw pattern words */
	struct cmd *body;	/* NULL when empty */
};

struct cmd_case {
	struct cmd c;
	char *word;
	int nitems;
	struct case_item *items;
};

/* The outcome of parse_buf. */
enum parse_status {
	PARSE_OK,		/* *out is the tree, or NULL for an empty text */
	PARSE_INCOMPLETE,	/* the text ends inside a command: read more */
	PARSE_ERROR,		/* syntax error: *err says what */
};

/*
 * Parses every complete command in text[0..len). line is the line number
 * of the text's first line. On PARSE_OK *out is the whole list (NULL when
 * the text holds only blanks and comments); free it with cmd_free. On
 * PARSE_ERROR *err is a malloc'ed message ("syntax error: unexpected
 * `)'") that the caller frees; on PARSE_INCOMPLETE nothing is allocated.
 */
enum parse_status parse_buf(const char *text, size_t len, int line,
    struct cmd **out, char **err);

/*
 * For tests and the fuzzer: parses text as a complete program. Returns the
 * tree (NULL for an empty program or on error; then *err is set to a
 * malloc'ed message the caller frees, or NULL for an empty program).
 */
struct cmd *parse_string(const char *text, size_t len, char **err);

/*
 * parse_buf when no more input can come: a here-document without its
 * delimiter line ends at the end of the text (as in dash).
 */
enum parse_status parse_buf_eof(const char *text, size_t len, int line,
    struct cmd **out, char **err);

/*
 * parse_buf that also says, when the text is incomplete, whether it ended
 * where a command of an open compound command's list may begin (*open_list
 * 1): not in a word, quote, here-document or substitution, nor after an
 * operator. A line that parses whole by itself (parse_line_whole) then
 * leaves the text incomplete the same way: the reader of a shared input,
 * which must read line by line, need not parse again before a line that
 * does not (linear in the command, not quadratic).
 */
enum parse_status parse_buf_open(const char *text, size_t len, int line,
    struct cmd **out, char **err, int *open_list);
int parse_line_whole(const char *text, size_t len);

/*
 * parse_buf (parse_buf_eof with at_eof) of the first complete line of
 * commands only: the parse stops at the newline that ends a complete
 * command (after its here-documents); *used is where it stopped (len
 * when it did not). For a reader that read ahead and gives the rest back.
 */
enum parse_status parse_buf_first(const char *text, size_t len, int line,
    int at_eof, struct cmd **out, char **err, size_t *used);

/*
 * Frees a tree from parse_buf or parse_string (NULL is fine). The tree's
 * memory lives on while cmd_hold'ed (a function's body): each cmd_hold
 * needs one more cmd_free.
 */
void cmd_free(struct cmd *c);
void cmd_hold(struct cmd *c);

/*
 * Writes the tree as a one-line S-expression into a malloc'ed string, for
 * unit tests: (pipe (exec echo hi) (exec cat)).
 */
char *cmd_dump(const struct cmd *c);

/* Non-zero when the raw word w is NAME=... (an assignment). */
int parse_is_assign(const char *w);

#endif
