/*
 * fields.c - the vector of fields an expansion makes: one block for the
 * vector and the words that expand to themselves, kept for the next
 * command, and expand_free.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expand.h"
#include "fields.h"

/*
 * A vector of fields is one block: a header, the vector, then room for
 * the words that expand to themselves (most words do), copied in. A
 * command of such words costs one allocation, and the block is kept for
 * the next command (dash pops its stack the same way). The other fields
 * (split, globbed, pushed) are malloc'ed one by one: the header says
 * which bytes are the block's own, and expand_free frees the others.
 */
struct fhead {
	size_t size;	/* bytes of the block */
	size_t room;	/* bytes for words after the vector */
	size_t used;	/* ... of which in use */
	int n;		/* fields */
	int cap;	/* slots of the vector, its NULL included */
};

#ifdef __SANITIZE_ADDRESS__
#define FIELDS_SPARE_MAX 0	/* ASan must see freed fields as freed */
#else
#define FIELDS_SPARE_MAX 4096
#endif
static struct fhead *spare_fields;

static struct fhead *
fhead_of(char **v)
{
	return (struct fhead *)v - 1;
}

static char *
fwords(struct fhead *h)
{
	return (char *)((char **)(h + 1) + h->cap);
}

/* Whether p is one of the block's own words. */
static int
fown(struct fhead *h, const char *p)
{
	uintptr_t w = (uintptr_t)fwords(h), q = (uintptr_t)p;

	return q >= w && q < w + h->used;
}

/* The block of a freed vector: kept for the next one, or freed. */
static void
fput(struct fhead *h)
{
	if (spare_fields == NULL && h->size <= FIELDS_SPARE_MAX)
		spare_fields = h;
	else
		free(h);
}

/* An empty vector of cap slots and at least room bytes for words. */
char **
fields_new(int cap, size_t room)
{
	size_t size = sizeof(struct fhead) + cap * sizeof(char *) + room;
	struct fhead *h = spare_fields;
	char **v;

	if (h != NULL && h->size >= size) {
		spare_fields = NULL;
		size = h->size;
	} else if ((h = malloc(size)) == NULL) {
		abort();
	}
	h->size = size;
	h->cap = cap;
	h->n = 0;
	h->used = 0;
	h->room = size - sizeof(*h) - cap * sizeof(char *);
	v = (char **)(h + 1);
	v[0] = NULL;
	return v;
}

/* Room for one more field: a block of twice the slots, words moved. */
static void
fneed(char ***vp)
{
	struct fhead *h = fhead_of(*vp), *nh;
	char **v = *vp, **nv, *ow = fwords(h), *nw;
	int i;

	if (h->n + 1 < h->cap)
		return;
	nv = fields_new(h->cap * 2, h->used);
	nh = fhead_of(nv);
	nw = fwords(nh);
	memcpy(nw, ow, h->used);
	nh->used = h->used;
	for (i = 0; i < h->n; i++)
		nv[i] = fown(h, v[i]) ? nw + (v[i] - ow) : v[i];
	nh->n = h->n;
	nv[nh->n] = NULL;
	fput(h);
	*vp = nv;
}

/* Appends s, malloc'ed: the vector owns it. */
void
fields_push(char ***vp, char *s)
{
	struct fhead *h;

	fneed(vp);
	h = fhead_of(*vp);
	(*vp)[h->n++] = s;
	(*vp)[h->n] = NULL;
}

/* Appends a copy of the len bytes of s, in the block when they fit. */
void
fields_copy(char ***vp, const char *s, size_t len)
{
	struct fhead *h;
	char *p;

	fneed(vp);
	h = fhead_of(*vp);
	if (h->room - h->used > len) {
		p = fwords(h) + h->used;
		h->used += len + 1;
	} else if ((p = malloc(len + 1)) == NULL) {
		abort();
	}
	memcpy(p, s, len);
	p[len] = '\0';
	(*vp)[h->n++] = p;
	(*vp)[h->n] = NULL;
}

char **
expand_vec_new(void)
{
	return fields_new(8, 0);
}

char **
expand_vec_push(char **v, char *s)
{
	fields_push(&v, s);
	return v;
}

int
fields_count(char **v)
{
	return fhead_of(v)->n;
}

void
expand_free(char **v)
{
	struct fhead *h;
	int i;

	if (v == NULL)
		return;
	h = fhead_of(v);
	for (i = 0; i < h->n; i++)
		if (!fown(h, v[i]))
			free(v[i]);
	fput(h);
}
