// SPDX-License-Identifier: GPL-2.0
/*
 * pool.c - mm/dmapool.c (small coherent blocks carved from coherent pages) and the part of
 * lib/genalloc.c that HCD local memory uses (gen_pool_dma_alloc() over device memory).
 *
 * dma_pool pages come from dmc_dma_alloc_coherent(), so the DMA-debug ledger sees them as
 * the kernel's does (one coherent entry per pool page, not per block). dma_pool_free() looks
 * the page up by DMA handle (pool_find_page) and, with DMAPOOL_DEBUG (CONFIG_SLUB_DEBUG_ON:
 * slub_debug_on), checks that vaddr and handle agree and that the block is not already free.
 * 6.12 (the 6.4 rewrite of mm/dmapool.c) looks nothing up without DMAPOOL_DEBUG (a foreign
 * block joins the free list), never checks vaddr against the handle, names pool_block_err in
 * its messages, and dma_pool_destroy() of a busy pool leaks every page, not only busy ones.
 *
 * Local memory is memory of the host controller (SRAM behind the bus): not RAM, not in the
 * linear map, addressed by the device at its own bus address.
 *
 * Limits: no `boundary` argument; blocks are never poisoned; gen_pool_free() of a bad address
 * is ignored (the kernel BUG()s).
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pool_page {
	void *vaddr;
	dmc_dma_t dma;
	unsigned char *used;	/* one byte per block */
	size_t in_use;
};

struct dmc_dma_pool {
	char name[32];
	struct dmc_device *dev;
	size_t size, allocation;
	struct pool_page *pages;
	size_t npages;
};

struct dmc_gen_pool {
	struct dmc_region *region;
	struct dmc_device *dev;
};

struct dmc_dma_pool *dmc_dma_pool_create(const char *name, struct dmc_device *dev, size_t size,
					 size_t align)
{
	struct dmc_dma_pool *pool;

	if (!align)
		align = 1;
	if (size == 0 || (align & (align - 1)))
		return NULL;
	if (size < 4)
		size = 4;
	size = (size + align - 1) & ~(align - 1);
	pool = calloc(1, sizeof(*pool));
	if (!pool)
		return NULL;
	snprintf(pool->name, sizeof(pool->name), "%s", name);
	pool->dev = dev;
	pool->size = size;
	pool->allocation = size > DMC_PAGE_SIZE ? size : DMC_PAGE_SIZE;
	return pool;
}

static size_t blocks_per_page(const struct dmc_dma_pool *pool)
{
	return pool->allocation / pool->size;
}

void *dmc_dma_pool_alloc(struct dmc_dma_pool *pool, unsigned int gfp, dmc_dma_t *handle)
{
	size_t per = blocks_per_page(pool);
	struct pool_page *page, *grown;

	for (size_t i = 0; i < pool->npages; i++) {
		page = &pool->pages[i];
		for (size_t b = 0; b < per && page->in_use < per; b++) {
			if (!page->used[b]) {
				page->used[b] = 1;
				page->in_use++;
				*handle = page->dma + b * pool->size;
				return (char *)page->vaddr + b * pool->size;
			}
		}
	}
	/* pool_alloc_page() */
	grown = realloc(pool->pages, (pool->npages + 1) * sizeof(*grown));
	if (!grown)
		return NULL;
	pool->pages = grown;
	page = &pool->pages[pool->npages];
	page->vaddr = dmc_dma_alloc_coherent(pool->dev, pool->allocation, &page->dma, gfp);
	if (!page->vaddr)
		return NULL;
	page->used = calloc(per, 1);
	if (!page->used) {
		dmc_dma_free_coherent(pool->dev, pool->allocation, page->vaddr, page->dma);
		return NULL;
	}
	page->used[0] = 1;
	page->in_use = 1;
	pool->npages++;
	*handle = page->dma;
	return page->vaddr;
}

void dmc_dma_pool_free(struct dmc_dma_pool *pool, void *vaddr, dmc_dma_t handle)
{
	struct pool_page *page = NULL;
	size_t offset, block;
	bool debug = dmc_machine()->slub_debug_on;	/* DMAPOOL_DEBUG */
	bool v612 = dmc_machine()->kernel >= DMC_KERNEL_6_12;
	const char *fn = v612 ? "pool_block_err" : "dma_pool_free";	/* dev_err's __func__ */

	for (size_t i = 0; i < pool->npages && !page; i++)
		if (handle >= pool->pages[i].dma && handle - pool->pages[i].dma < pool->allocation)
			page = &pool->pages[i];
	if (!page && v612 && !debug) {
		/* 6.12 without DMAPOOL_DEBUG: pool_block_push() of whatever it was given */
		dmc_report(DMC_RULE_DMA_POOL_FREE_INVALID, DMC_OUT_CORRUPTION, 0, "dma_pool_free",
			   vaddr, "", "no page of this pool has that handle: 6.12 puts the foreign "
			   "block on the pool's free list, the next dma_pool_alloc() hands it out");
		return;
	}
	if (!page) {
		/* 6.1: dev_err() always prints; 6.12 only with DMAPOOL_DEBUG; the block leaks */
		dmc_report(DMC_RULE_DMA_POOL_FREE_INVALID, DMC_OUT_REPORTED, 0, "dma_pool_free",
			   vaddr, dmc_fmt("%s %s, %p/%#llx (bad dma)", fn, pool->name, vaddr,
					  (unsigned long long)handle),
			   "no page of this pool has that handle: the block leaks");
		return;
	}
	offset = (uintptr_t)vaddr - (uintptr_t)page->vaddr;
	block = (handle - page->dma) / pool->size;
	if (handle - page->dma != offset && v612) {
		/* 6.12 never compares them: the block goes back with the handle it was given */
		dmc_report(DMC_RULE_DMA_POOL_FREE_INVALID, DMC_OUT_CORRUPTION, 0, "dma_pool_free",
			   vaddr, "", "vaddr and handle name different blocks: 6.12 does not check "
			   "and hands the block out again with the wrong handle");
	} else if (handle - page->dma != offset) {
		dmc_report(DMC_RULE_DMA_POOL_FREE_INVALID, debug ? DMC_OUT_REPORTED : DMC_OUT_CORRUPTION,
			   0, "dma_pool_free", vaddr,
			   debug ? dmc_fmt("dma_pool_free %s, %p (bad vaddr)/%#llx", pool->name, vaddr,
					   (unsigned long long)handle) : "",
			   "vaddr and handle name different blocks: the free list is corrupted");
		if (debug)
			return;
	}
	if (!page->used[block]) {
		dmc_report(DMC_RULE_DMA_POOL_FREE_INVALID, debug ? DMC_OUT_REPORTED : DMC_OUT_CORRUPTION,
			   0, "dma_pool_free", vaddr,
			   debug ? dmc_fmt("%s %s, dma %#llx already free", fn, pool->name,
					   (unsigned long long)handle) : "",
			   "double free: the block will be handed out twice");
		return;
	}
	page->used[block] = 0;
	page->in_use--;
}

void dmc_dma_pool_destroy(struct dmc_dma_pool *pool)
{
	size_t busy = 0;

	if (!pool)
		return;
	for (size_t i = 0; i < pool->npages; i++)
		busy += pool->pages[i].in_use;
	if (busy && dmc_machine()->kernel >= DMC_KERNEL_6_12)
		/* 6.12: one message, and no page is freed, busy or not */
		dmc_report(DMC_RULE_DMA_MAPPING_LEAK, DMC_OUT_REPORTED, 0, "dma_pool_destroy",
			   pool->npages ? pool->pages[0].vaddr : NULL,
			   dmc_fmt("dma_pool_destroy %s busy", pool->name),
			   dmc_fmt("%zu block(s) still allocated: every page of the pool leaks",
				   busy));
	for (size_t i = 0; i < pool->npages; i++) {
		struct pool_page *page = &pool->pages[i];

		if (busy && dmc_machine()->kernel >= DMC_KERNEL_6_12)
			;			/* reported above, all pages leaked */
		else if (page->in_use)	/* 6.1: busy pages are leaked, not freed */
			dmc_report(DMC_RULE_DMA_MAPPING_LEAK, DMC_OUT_REPORTED, 0, "dma_pool_destroy",
				   page->vaddr, dmc_fmt("dma_pool_destroy %s, %p busy", pool->name,
							page->vaddr),
				   dmc_fmt("%zu block(s) still allocated", page->in_use));
		else
			dmc_dma_free_coherent(pool->dev, pool->allocation, page->vaddr, page->dma);
		free(page->used);
	}
	free(pool->pages);
	free(pool);
}

struct dmc_gen_pool *dmc_gen_pool_create_local(struct dmc_device *dev, size_t size, dmc_dma_t bus)
{
	struct dmc_gen_pool *pool = calloc(1, sizeof(*pool));

	if (!pool)
		return NULL;
	pool->dev = dev;
	pool->region = dmc_region_new_private(DMC_MEM_HCD_LOCAL, size, (uintptr_t)pool, bus);
	if (!pool->region) {
		free(pool);
		return NULL;
	}
	return pool;
}

void *dmc_gen_pool_dma_alloc(struct dmc_gen_pool *pool, size_t size, dmc_dma_t *dma)
{
	void *p = dmc_region_alloc(pool->region, size, 8);

	if (p)
		*dma = pool->region->bus + ((uintptr_t)p - pool->region->vbase);
	return p;
}

void dmc_gen_pool_free(struct dmc_gen_pool *pool, void *vaddr, size_t size)
{
	(void)pool;
	(void)size;
	dmc_arena_free(vaddr);
}

void dmc_gen_pool_destroy(struct dmc_gen_pool *pool)
{
	if (!pool)
		return;
	dmc_region_delete(pool->region);
	free(pool);
}
