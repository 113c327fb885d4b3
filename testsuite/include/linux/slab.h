/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/slab.h - mirrors 6.1's include/linux/slab.h (SLUB): kmalloc() is
 * an __always_inline wrapper whose constant-size path calls kmalloc_trace() or
 * kmalloc_large() and whose other path calls __kmalloc(); kzalloc(), kmalloc_array() and
 * kcalloc() are static inlines over it, exactly as in 6.1. kmemdup() is in linux/string.h.
 * Left out: kmalloc_index() is a shortened __kmalloc_index() (sizes 8..8192, no 32M+ sizes),
 * kmalloc_type() knows only __GFP_DMA, no *_node variants, no kmem_cache API beyond the
 * type, no krealloc. kvmalloc_node() and kvfree() (mm/util.c) with 6.1's static inlines
 * kvmalloc(), kvzalloc(), kvmalloc_array(), kvcalloc() over it (no overflow check).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <asm/page.h>

struct kmem_cache;

#define ZERO_SIZE_PTR ((void *)16)
#define KMALLOC_SHIFT_HIGH	(PAGE_SHIFT + 1)
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)

enum kmalloc_cache_type {
	KMALLOC_NORMAL = 0,
	KMALLOC_CGROUP,
	KMALLOC_RECLAIM,
	KMALLOC_DMA,
	NR_KMALLOC_TYPES
};

extern struct kmem_cache *
kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

void kfree(const void *objp);
void kfree_sensitive(const void *objp);

void *__kmalloc(size_t size, gfp_t flags) __assume_kmalloc_alignment __alloc_size(1);
void *kmalloc_trace(struct kmem_cache *s, gfp_t flags, size_t size)
		    __assume_kmalloc_alignment __alloc_size(3);
void *kmalloc_large(size_t size, gfp_t flags) __assume_page_alignment
			      __alloc_size(1);

static __always_inline enum kmalloc_cache_type kmalloc_type(gfp_t flags)
{
	if (likely((flags & __GFP_DMA) == 0))
		return KMALLOC_NORMAL;
	return KMALLOC_DMA;
}

static __always_inline unsigned int kmalloc_index(size_t size)
{
	if (!size)
		return 0;
	if (size <= 8)
		return 3;
	if (size > 64 && size <= 96)
		return 1;
	if (size > 128 && size <= 192)
		return 2;
	if (size <=   16) return 4;
	if (size <=   32) return 5;
	if (size <=   64) return 6;
	if (size <=  128) return 7;
	if (size <=  256) return 8;
	if (size <=  512) return 9;
	if (size <= 1024) return 10;
	if (size <= 2048) return 11;
	if (size <= 4096) return 12;
	return 13;
}

static __always_inline __alloc_size(1) void *kmalloc(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size)) {
		unsigned int index;

		if (size > KMALLOC_MAX_CACHE_SIZE)
			return kmalloc_large(size, flags);

		index = kmalloc_index(size);

		if (!index)
			return ZERO_SIZE_PTR;

		return kmalloc_trace(
				kmalloc_caches[kmalloc_type(flags)][index],
				flags, size);
	}
	return __kmalloc(size, flags);
}

static inline __alloc_size(1, 2) void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(__builtin_mul_overflow(n, size, &bytes)))
		return NULL;
	if (__builtin_constant_p(n) && __builtin_constant_p(size))
		return kmalloc(bytes, flags);
	return __kmalloc(bytes, flags);
}

static inline __alloc_size(1, 2) void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline __alloc_size(1) void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

#define NUMA_NO_NODE	(-1)

extern void *kvmalloc_node(size_t size, gfp_t flags, int node) __alloc_size(1);
static inline __alloc_size(1) void *kvmalloc(size_t size, gfp_t flags)
{
	return kvmalloc_node(size, flags, NUMA_NO_NODE);
}
static inline __alloc_size(1) void *kvzalloc(size_t size, gfp_t flags)
{
	return kvmalloc(size, flags | __GFP_ZERO);
}

static inline __alloc_size(1, 2) void *kvmalloc_array(size_t n, size_t size, gfp_t flags)
{
	return kvmalloc(n * size, flags);
}

static inline __alloc_size(1, 2) void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	return kvmalloc_array(n, size, flags | __GFP_ZERO);
}

extern void kvfree(const void *addr);

#endif /* _LINUX_SLAB_H */
