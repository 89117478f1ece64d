/*
 * expand.h - word expansions (XCU 2.6): tilde, parameters, command
 * substitution, arithmetic, field splitting, pathname expansion with
 * glob(3), quote removal.
 */
#ifndef IPCSH_EXPAND_H
#define IPCSH_EXPAND_H

/*
 * Expands raw words into fields (split on IFS, globbed). Returns a
 * malloc'ed NULL-terminated vector (free with expand_free) and its length
 * in *n, or NULL after reporting an expansion error (bad substitution,
 * ${V?}, set -u, arithmetic error).
 */
char **expand_fields(char **words, int nwords, int *n);

#define EXP_ASSIGN	0x1	/* NAME=value: tilde after ':' too */
#define EXP_NOTILDE	0x2	/* no tilde expansion (prompts) */
#define EXP_PATTERN	0x4	/* a pattern for fnmatch(3): quoted chars escaped */

/*
 * The body of an unquoted here-document: parameters, command
 * substitution and arithmetic expanded; backslash quotes only $ ` \ and
 * newline. Returns a malloc'ed string, or NULL after reporting.
 */
char *expand_heredoc(const char *body);

/*
 * Expands one word to one string, without field splitting or pathname
 * expansion (assignment values, redirection targets, prompts). Returns a
 * malloc'ed string, or NULL after reporting an error.
 */
char *expand_string(const char *word, int flags);

/* Frees a vector of fields and the fields it holds. */
void expand_free(char **v);

/*
 * A vector for expand_free built field by field: an empty one, and s
 * (malloc'ed: the vector owns it) appended, which may move the vector.
 */
char **expand_vec_new(void);
char **expand_vec_push(char **v, char *s);

/* set -f: no pathname expansion. */
extern int expand_noglob;

/*
 * Status of the last command substitution during the last expansion, or
 * -1 when there was none (an assignment-only command takes its $? here).
 */
extern int expand_subst_status;

#endif
