// SPDX-License-Identifier: GPL-2.0
/*
 * ledger.c - the DMA-API debug ledger: every live streaming mapping and coherent allocation,
 * and the checks kernel/dma/debug.c makes when they are unmapped, synced or leaked
 * (check_unmap(), check_sync(), debug_dma_mapping_error(), dma_debug_device_change()).
 *
 * The ledger always runs: the model decides verdicts whether or not the modelled kernel has
 * CONFIG_DMA_API_DEBUG; that option only decides whether the kernel *prints* (kernel_msg)
 * and so whether the outcome is "reported" or "latent".
 *
 * Limits: linear search (model runs hold few mappings); the cacheline-overlap tracking of
 * debug.c (active_cacheline_*) is not modelled; sg entries are kept one per scatterlist entry.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct entry {
	struct dmc_device *dev;
	enum dmc_map_type type;
	dmc_dma_t dev_addr;
	size_t size;
	enum dmc_dir dir;
	dmc_phys_t phys;
	const void *cpu_addr;
	int sg_nents;
	bool checked;		/* dma_mapping_error() was called on it */
};

static struct {
	struct entry *e;
	size_t n, cap;
} ledger;

/* kernel/dma/debug.c's type2name[]: 6.1 spells the sg type "scather-gather", 6.12 fixed it */
static const char *const type_names[] = { "single", "scather-gather", "coherent" };

static const char *type_name(int type)
{
	if (type == DMC_MAP_SG && dmc_machine()->kernel >= DMC_KERNEL_6_12)
		return "scatter-gather";
	return type_names[type];
}

void dmc_ledger_init(void)
{
	memset(&ledger, 0, sizeof(ledger));
}

void dmc_ledger_exit(void)
{
	free(ledger.e);
	memset(&ledger, 0, sizeof(ledger));
}

void dmc_ledger_add(struct dmc_device *dev, enum dmc_map_type type, dmc_dma_t dev_addr,
		    size_t size, enum dmc_dir dir, dmc_phys_t phys, const void *cpu_addr,
		    int sg_nents)
{
	ledger.e = dmc_grow(ledger.e, &ledger.cap, ledger.n, sizeof(*ledger.e));
	/* only debug_dma_map_page() sets MAP_ERR_NOT_CHECKED; sg and coherent entries are
	 * MAP_ERR_CHECK_NOT_APPLICABLE (dma_map_sg() returns a count, not an address) */
	ledger.e[ledger.n++] = (struct entry){ dev, type, dev_addr, size, dir, phys, cpu_addr,
					       sg_nents, type != DMC_MAP_SINGLE };
}

static enum dmc_outcome printed(void)
{
	return dmc_machine()->dma_debug ? DMC_OUT_REPORTED : DMC_OUT_SILENT;
}

static const char *kmsg(const char *text)
{
	return dmc_machine()->dma_debug ? text : "";
}

void dmc_ledger_mapping_error(struct dmc_device *dev, dmc_dma_t addr)
{
	for (size_t i = 0; i < ledger.n; i++)
		if (ledger.e[i].dev == dev && ledger.e[i].dev_addr == addr)
			ledger.e[i].checked = true;
}

/*
 * bucket_find_exact() -> __hash_bucket_find(): without an IOMMU a driver that maps the same
 * memory twice (a coherent buffer mapped again as streaming, by usbcore when the
 * URB_NO_TRANSFER_DMA_MAP flag is missing) puts the same device address in the ledger twice.
 * The kernel takes the entry that fits the unmap best (size, type, direction; the sg entry
 * count is not passed to the model's unmap and counts as a fit); a perfect fit wins at once;
 * several matches without a perfect fit give none at all.
 */
static struct entry *find_exact(const struct dmc_device *dev, dmc_dma_t addr, size_t size,
				enum dmc_map_type type, enum dmc_dir dir)
{
	struct entry *best = NULL;
	int matches = 0, last_lvl = -1;

	for (size_t i = 0; i < ledger.n; i++) {
		struct entry *e = &ledger.e[i];
		int lvl;

		if (e->dev != dev || e->dev_addr != addr)
			continue;
		matches++;
		lvl = 1 + (e->size == size) + (e->type == type) + (e->dir == dir);
		if (lvl == 4)
			return e;
		if (lvl > last_lvl) {
			last_lvl = lvl;
			best = e;
		}
	}
	return matches == 1 ? best : NULL;
}

static struct entry *find_containing(const struct dmc_device *dev, dmc_dma_t addr)
{
	for (size_t i = 0; i < ledger.n; i++) {
		struct entry *e = &ledger.e[i];

		if (e->dev == dev && addr >= e->dev_addr && addr - e->dev_addr < e->size)
			return e;
	}
	return NULL;
}

/*
 * check_unmap()'s sg test: dma_unmap_sg() must get the nents that was passed to dma_map_sg(),
 * not the count it returned ("device driver frees DMA sg list with different entry count").
 * The two differ only where the IOMMU merged entries, so elsewhere the bug is latent.
 */
int dmc_ledger_unmap_sg_ents(struct dmc_device *dev, dmc_dma_t first, int nents,
			     const char *kfunc)
{
	const struct entry *e = NULL;

	for (size_t i = 0; i < ledger.n && !e; i++)
		if (ledger.e[i].dev == dev && ledger.e[i].dev_addr == first &&
		    ledger.e[i].type == DMC_MAP_SG)
			e = &ledger.e[i];
	if (!e)
		return 0;
	if (e->sg_nents != nents)
		dmc_report(DMC_RULE_DMA_UNMAP_SG_NENTS_MISMATCH, printed(), 0, kfunc, e->cpu_addr,
			   kmsg(dmc_fmt("device driver frees DMA sg list with different entry count "
					"[map count=%d] [unmap count=%d]", e->sg_nents, nents)),
			   "dma_unmap_sg() takes the nents given to dma_map_sg(), not the count "
			   "it returned");
	return e->sg_nents;
}

/* check_unmap() */
bool dmc_ledger_unmap(struct dmc_device *dev, enum dmc_map_type type, dmc_dma_t dev_addr,
		      size_t size, enum dmc_dir dir, const void *cpu_addr, const char *kfunc)
{
	struct entry *e = find_exact(dev, dev_addr, size, type, dir);
	unsigned long long a = dev_addr;

	if (!e) {
		/* a coherent double free hands pages back twice; streaming unmaps of unknown
		 * addresses tear down someone else's IOMMU or bounce state */
		dmc_report(DMC_RULE_DMA_UNMAP_UNKNOWN,
			   type == DMC_MAP_COHERENT || dev->iommu ? DMC_OUT_CORRUPTION : printed(), 0,
			   kfunc, cpu_addr,
			   kmsg(dev_addr == DMC_MAPPING_ERROR ?
				"device driver tries to free an invalid DMA memory address" :
				dmc_fmt("device driver tries to free DMA memory it has not allocated "
					"[device address=0x%016llx] [size=%zu bytes]", a, size)),
			   dev_addr == DMC_MAPPING_ERROR ? "unmapping a failed mapping" :
			   "double unmap or free, or an address that was never mapped");
		return false;
	}
	if (size != e->size)
		dmc_report(DMC_RULE_DMA_UNMAP_SIZE_MISMATCH, printed(), 0, kfunc, cpu_addr,
			   kmsg(dmc_fmt("device driver frees DMA memory with different size [device "
					"address=0x%016llx] [map size=%zu bytes] [unmap size=%zu "
					"bytes]", a, e->size, size)),
			   "swiotlb and the IOMMU tear down by the unmap size");
	if (type != e->type)
		/* coherent on either side: pages go back to the wrong allocator */
		dmc_report(DMC_RULE_DMA_UNMAP_TYPE_MISMATCH,
			   type == DMC_MAP_COHERENT || e->type == DMC_MAP_COHERENT ?
			   DMC_OUT_CORRUPTION : printed(), 0, kfunc, cpu_addr,
			   kmsg(dmc_fmt("device driver frees DMA memory with wrong function [device "
					"address=0x%016llx] [size=%zu bytes] [mapped as %s] [unmapped "
					"as %s]", a, size, type_name(e->type), type_name(type))),
			   "");
	else if (type == DMC_MAP_COHERENT && cpu_addr != e->cpu_addr)
		dmc_report(DMC_RULE_DMA_FREE_ADDR_MISMATCH, DMC_OUT_CORRUPTION, 0, kfunc, cpu_addr,
			   kmsg(dmc_fmt("device driver frees DMA memory with different CPU address "
					"[device address=0x%016llx] [size=%zu bytes] [cpu alloc "
					"address=%p] [cpu free address=%p]", a, size, e->cpu_addr,
					cpu_addr)),
			   "the pages freed are not the pages allocated");
	if (dir != e->dir)
		dmc_report(DMC_RULE_DMA_UNMAP_DIR_MISMATCH, printed(), 0, kfunc, cpu_addr,
			   kmsg(dmc_fmt("device driver frees DMA memory with different direction "
					"[device address=0x%016llx] [size=%zu bytes] [mapped with %s] "
					"[unmapped with %s]", a, size, dmc_dir_names[e->dir],
					dmc_dir_names[dir & 3])),
			   "cache maintenance and bounce copies follow the unmap direction");
	if (!e->checked)
		dmc_report(DMC_RULE_DMA_MAPPING_ERROR_UNCHECKED, printed(), 0, kfunc, cpu_addr,
			   kmsg(dmc_fmt("device driver failed to check map error [device "
					"address=0x%016llx] [size=%zu bytes] [mapped as %s]", a,
					e->size, type_name(e->type))),
			   "a failed mapping would have been used as a bus address");
	*e = ledger.e[--ledger.n];
	return true;
}

/* check_sync() */
void dmc_ledger_sync(struct dmc_device *dev, dmc_dma_t addr, size_t size, enum dmc_dir dir,
		     bool to_cpu, const char *kfunc)
{
	struct entry *e = find_containing(dev, addr);
	unsigned long long a = addr;

	if (!e) {
		dmc_report(DMC_RULE_DMA_SYNC_OUTSIDE_MAPPING, DMC_OUT_CORRUPTION, 0, kfunc, NULL,
			   kmsg(dmc_fmt("device driver tries to sync DMA memory it has not "
					"allocated [device address=0x%016llx] [size=%zu bytes]", a,
					size)),
			   "no live mapping: cache maintenance or bounce copies hit other memory");
		return;
	}
	if ((addr - e->dev_addr) + size > e->size)
		dmc_report(DMC_RULE_DMA_SYNC_OUTSIDE_MAPPING, DMC_OUT_CORRUPTION, 0, kfunc, NULL,
			   kmsg(dmc_fmt("device driver syncs DMA memory outside allocated range "
					"[device address=0x%016llx] [allocation size=%zu bytes] "
					"[sync offset+size=%llu]", (unsigned long long)e->dev_addr,
					e->size, (unsigned long long)(addr - e->dev_addr + size))),
			   "the sync runs past the end of the mapping");
	if (e->dir == DMC_BIDIRECTIONAL)
		return;
	if (dir != e->dir)
		dmc_report(DMC_RULE_DMA_SYNC_DIR_MISMATCH, printed(), 0, kfunc, NULL,
			   kmsg(dmc_fmt("device driver syncs DMA memory with different direction "
					"[device address=0x%016llx] [size=%zu bytes] [mapped with %s] "
					"[synced with %s]", a, size, dmc_dir_names[e->dir],
					dmc_dir_names[dir & 3])),
			   "a bounce buffer is copied the wrong way or not at all");
	if (to_cpu && e->dir != DMC_FROM_DEVICE && dir != DMC_TO_DEVICE)
		dmc_report(DMC_RULE_DMA_SYNC_DIR_MISMATCH, printed(), 0, kfunc, NULL,
			   kmsg(dmc_fmt("device driver syncs device read-only DMA memory for cpu "
					"[device address=0x%016llx] [size=%zu bytes] [mapped with %s] "
					"[synced with %s]", a, size, dmc_dir_names[e->dir],
					dmc_dir_names[dir & 3])), "");
	if (!to_cpu && e->dir != DMC_TO_DEVICE && dir != DMC_FROM_DEVICE)
		dmc_report(DMC_RULE_DMA_SYNC_DIR_MISMATCH, printed(), 0, kfunc, NULL,
			   kmsg(dmc_fmt("device driver syncs device write-only DMA memory to "
					"device [device address=0x%016llx] [size=%zu bytes] [mapped "
					"with %s] [synced with %s]", a, size, dmc_dir_names[e->dir],
					dmc_dir_names[dir & 3])), "");
}

bool dmc_ledger_covers(const struct dmc_device *dev, dmc_dma_t addr, size_t len)
{
	const struct entry *e = find_containing(dev, addr);

	return e && (addr - e->dev_addr) + len <= e->size;
}

bool dmc_ledger_maps(const struct dmc_device *dev, dmc_dma_t addr, size_t len, const void *cpu)
{
	const struct entry *e = find_containing(dev, addr);
	struct dmc_memref ref;

	if (!e || (addr - e->dev_addr) + len > e->size)
		return false;
	if (e->cpu_addr)
		return (uintptr_t)cpu == (uintptr_t)e->cpu_addr + (addr - e->dev_addr);
	ref = dmc_classify(cpu);
	return ref.linear && ref.phys == e->phys + (addr - e->dev_addr);
}

size_t dmc_ledger_count(const struct dmc_device *dev)
{
	size_t n = 0;

	for (size_t i = 0; i < ledger.n; i++)
		n += !dev || ledger.e[i].dev == dev;
	return n;
}

/* dma_debug_device_change(): BUS_NOTIFY_UNBOUND_DRIVER */
void dmc_ledger_release(struct dmc_device *dev)
{
	size_t count = dmc_ledger_count(dev);
	const struct entry *first = NULL;

	if (!count)
		return;
	for (size_t i = 0; i < ledger.n && !first; i++)
		if (ledger.e[i].dev == dev)
			first = &ledger.e[i];
	dmc_report(DMC_RULE_DMA_MAPPING_LEAK, printed(), 0, "dma_debug_device_change",
		   first->cpu_addr,
		   kmsg(dmc_fmt("device driver has pending DMA allocations while released from "
				"device [count=%zu]", count)),
		   dmc_fmt("first: [device address=0x%016llx] [size=%zu bytes] [mapped as %s]",
			   (unsigned long long)first->dev_addr, first->size,
			   type_name(first->type)));
}
