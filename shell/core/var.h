/*
 * var.h - the rest of the variable store (shell.h has var_get/var_set):
 * flags, the environment for exec, listing, positional parameters.
 */
#ifndef IPCSH_VAR_H
#define IPCSH_VAR_H

/* Imports environ as exported variables and sets the shell's defaults. */
void var_init(char **environ);

/* The flags of name (VAR_EXPORT, VAR_READONLY), or -1 when it is unset. */
int var_flags(const char *name);

/*
 * The environment for execve: "NAME=value" for every exported variable
 * with a value. The vector belongs to var.c and stays valid until the
 * next change to an exported variable.
 */
char **var_environ(void);

/* Calls fn for every variable with flags & mask (all when 0), by name. */
void var_each(unsigned mask, void (*fn)(const char *name, const char *value,
    unsigned flags));

/* Non-zero when s is a valid variable name. */
int var_is_name(const char *s);

/*
 * Puts a variable back as it was (a function's local going out of
 * scope): value (NULL: set but without value) and flags, or unset when
 * flags is -1; readonly does not stop it.
 */
void var_restore(const char *name, const char *value, int flags);

/* Positional parameters $1..$n and $0. */
void var_setargs(int n, char **v);	/* copies */
int var_nargs(void);
const char *var_arg(int i);		/* 0: $0; NULL past the end */
void var_set_arg0(const char *name);
int var_shift(int n);			/* -1 when n > $# */

/*
 * Saves the positional parameters (for `.` with arguments) and gives them
 * back; var_saveargs returns an opaque pointer for var_restoreargs.
 */
void *var_saveargs(void);
void var_restoreargs(void *saved);

#endif
