/*
 * options.h - the shell's options by letter and by name (set, and the
 * command line of ipcsh): parsing, listing as dash does.
 */
#ifndef IPCSH_BUILTINS_OPTIONS_H
#define IPCSH_BUILTINS_OPTIONS_H

/*
 * Parses option words from argv[*i] on: -abc, +abc, -o NAME, +o NAME
 * (without NAME: the listing), "-" (ends the options, turns off -x and
 * -v) and "--". On return *i is the first operand and *setargs says
 * whether the operands replace $1... (any operand, or "--"). cmdline:
 * the words come from ipcsh's own command line. Returns 0, or 2 after
 * reporting a bad option.
 */
int options_parse(int argc, char **argv, int *i, int *setargs, int cmdline);

#endif
