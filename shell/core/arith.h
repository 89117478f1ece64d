/*
 * arith.h - arithmetic expansion.
 */
#ifndef IPCSH_ARITH_H
#define IPCSH_ARITH_H

/*
 * Evaluates an arithmetic expression (XCU 2.6.4: integers, + - * / % <<
 * >> < <= > >= == != & ^ | && || ! ~ ?: parentheses, variables and
 * assignments). Returns 0 and *val, or -1 after reporting.
 */
int arith_eval(const char *expr, long *val);

#endif
