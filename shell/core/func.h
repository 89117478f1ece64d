/*
 * func.h - shell functions (XCU 2.9.5): the table of definitions, the
 * frames of running calls with their local variables.
 */
#ifndef IPCSH_FUNC_H
#define IPCSH_FUNC_H

struct cmd;

/* name() body: keeps the body's tree (cmd_hold) until redefined. */
void func_define(const char *name, struct cmd *body);

/* The body of function name, or NULL. */
struct cmd *func_find(const char *name);

/* unset -f: 0, or -1 when there is no such function. */
int func_unset(const char *name);

/*
 * A call begins: a new frame for locals; func_leave puts back every
 * variable made local in it.
 */
void func_enter(void);
void func_leave(void);

/* The number of calls running (0: not in a function). */
int func_depth(void);

/*
 * local NAME[=VALUE]: saves NAME for the end of the call; value NULL
 * keeps the current value. Returns 0, -1 when not in a function.
 */
int func_local(const char *name, const char *value);

/* local -: the options set changes are put back when the call ends. */
void func_local_opts(void);

#endif
