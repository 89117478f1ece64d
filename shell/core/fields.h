/*
 * fields.h - the vector of fields an expansion makes (fields.c): words
 * appended one by one, most of them copied into the vector's own block.
 */
#ifndef IPCSH_FIELDS_H
#define IPCSH_FIELDS_H

#include <stddef.h>

/* An empty vector of cap slots and at least room bytes for words. */
char **fields_new(int cap, size_t room);
/* Appends s, malloc'ed: the vector owns it. */
void fields_push(char ***vp, char *s);
/* Appends a copy of the len bytes of s, in the block when they fit. */
void fields_copy(char ***vp, const char *s, size_t len);
/* The number of fields of v. */
int fields_count(char **v);

#endif
