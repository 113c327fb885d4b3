/* SPDX-License-Identifier: GPL-2.0 */
/*
 * analysis/map.h - a small hash map from byte strings (a pointer's bytes, or a text key) to an
 * integer, for the analysis' tables and the front ends' value maps. Keys are copied.
 */
#ifndef DMACHECK_AMAP_H
#define DMACHECK_AMAP_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct amap_slot {
	char *key;
	size_t len;
	long value;
};

struct amap {
	struct amap_slot *slots;
	size_t cap, used;
};

/* The value stored under key, or -1. */
long amap_get(const struct amap *map, const void *key, size_t len);
void amap_put(struct amap *map, const void *key, size_t len, long value);
void amap_clear(struct amap *map);	/* frees everything; the map is reusable */

/*
 * Records of one size found by an interned name (the pointer is the key): the checks' facts
 * about the unit's functions. A record is zeroed when created; pointers to records move when
 * the table grows.
 */
struct named_table {
	size_t size;		/* bytes per record: set before first use */
	char *rows;
	size_t n, cap;
	struct amap index;
};

void *named_row(struct named_table *t, const char *name, int create);	/* NULL if none */
void named_clear(struct named_table *t);	/* frees every record; reusable */

/* Both die with a message on allocation failure (the checker must not crash silently). */
void *axrealloc(void *p, size_t size);
char *axstrdup(const char *s);

#ifdef __cplusplus
}
#endif

#endif
