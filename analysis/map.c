// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/map.c - open-addressing hash map (FNV-1a, linear probing, doubled at half full).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"

void *axrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p) {
		fputs("dmacheck: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

char *axstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(axrealloc(NULL, n), s, n);
}

static uint64_t hash(const void *key, size_t len)
{
	const unsigned char *p = key;
	uint64_t h = 1469598103934665603ULL;

	while (len--)
		h = (h ^ *p++) * 1099511628211ULL;
	return h;
}

long amap_get(const struct amap *map, const void *key, size_t len)
{
	if (!map->cap)
		return -1;
	for (size_t i = hash(key, len) & (map->cap - 1);; i = (i + 1) & (map->cap - 1)) {
		const struct amap_slot *s = &map->slots[i];

		if (!s->key)
			return -1;
		if (s->len == len && !memcmp(s->key, key, len))
			return s->value;
	}
}

static void insert(struct amap *map, char *key, size_t len, long value)
{
	for (size_t i = hash(key, len) & (map->cap - 1);; i = (i + 1) & (map->cap - 1)) {
		struct amap_slot *s = &map->slots[i];

		if (!s->key) {
			s->key = key;
			s->len = len;
			s->value = value;
			map->used++;
			return;
		}
		if (s->len == len && !memcmp(s->key, key, len)) {
			free(key);
			s->value = value;
			return;
		}
	}
}

void amap_put(struct amap *map, const void *key, size_t len, long value)
{
	char *copy;

	if (2 * (map->used + 1) > map->cap) {
		struct amap old = *map;

		map->cap = old.cap ? 2 * old.cap : 64;
		map->slots = axrealloc(NULL, map->cap * sizeof(*map->slots));
		memset(map->slots, 0, map->cap * sizeof(*map->slots));
		map->used = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.slots[i].key)
				insert(map, old.slots[i].key, old.slots[i].len, old.slots[i].value);
		free(old.slots);
	}
	copy = axrealloc(NULL, len + 1);
	memcpy(copy, key, len);
	copy[len] = 0;
	insert(map, copy, len, value);
}

void amap_clear(struct amap *map)
{
	for (size_t i = 0; i < map->cap; i++)
		free(map->slots[i].key);
	free(map->slots);
	map->slots = NULL;
	map->cap = map->used = 0;
}

void *named_row(struct named_table *t, const char *name, int create)
{
	long i;

	if (!name)
		return NULL;
	i = amap_get(&t->index, &name, sizeof(name));
	if (i >= 0)
		return t->rows + (size_t)i * t->size;
	if (!create)
		return NULL;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 32;
		t->rows = axrealloc(t->rows, t->cap * t->size);
	}
	memset(t->rows + t->n * t->size, 0, t->size);
	amap_put(&t->index, &name, sizeof(name), (long)t->n);
	return t->rows + t->n++ * t->size;
}

void named_clear(struct named_table *t)
{
	free(t->rows);
	t->rows = NULL;
	t->n = t->cap = 0;
	amap_clear(&t->index);
}
