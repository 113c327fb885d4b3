/* SPDX-License-Identifier: GPL-2.0 */
/*
 * map.h - a small hash map from byte strings (a pointer's bytes, or a text key) to an
 * integer, for the per-function tables of flow.c and the names of types.c. Keys are copied.
 */
#ifndef DMCS_MAP_H
#define DMCS_MAP_H

#include <stddef.h>

struct dmcs_map_slot {
	char *key;
	size_t len;
	long value;
};

struct dmcs_map {
	struct dmcs_map_slot *slots;
	size_t cap, used;
};

/* The value stored under key, or -1. */
long dmcs_map_get(const struct dmcs_map *map, const void *key, size_t len);
void dmcs_map_put(struct dmcs_map *map, const void *key, size_t len, long value);
void dmcs_map_clear(struct dmcs_map *map);	/* frees everything; the map is reusable */

/* Both die with a message on allocation failure (the checker must not crash silently). */
void *dmcs_xrealloc(void *p, size_t size);
char *dmcs_xstrdup(const char *s);

#endif
