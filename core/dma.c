// SPDX-License-Identifier: GPL-2.0
/*
 * dma.c - the streaming and coherent DMA API of Linux 6.1 (and 6.12 where the machine says so:
 * small streaming mappings of a non-coherent arm64 device bounce, coherent allocations refuse
 * __GFP_COMP; docs/core.md "Linux 6.12"): dma-direct with swiotlb bounce
 * buffers, dma-iommu with an IOVA allocator, scatterlists, syncs, coherent allocations, and
 * the device side (what a bus address reaches when the hardware uses it).
 *
 * Follows include/linux/dma-mapping.h, kernel/dma/mapping.c, kernel/dma/direct.[ch],
 * kernel/dma/swiotlb.c, drivers/iommu/dma-iommu.c and the checks of kernel/dma/debug.c that
 * run at map time (stack, vmalloc, invalid area, text/rodata). The ledger checks that run at
 * unmap/sync time are in ledger.c.
 *
 * Where the kernel would map the wrong memory (virt_to_page() of a vmap stack, module or
 * vmalloc address) the model maps a bogus physical address, so that device-side DMA through
 * it is seen to miss the buffer, as on real hardware.
 *
 * Limits: phys_to_dma() is the identity (no dma_range_map offsets); the IOVA allocator never
 * reuses space; the IOMMU has no flush queue (every unmap counts one IOTLB flush); swiotlb
 * has one pool of 4M, 256K per mapping (IO_TLB_SEGSIZE * IO_TLB_SIZE), no alignment masks;
 * dma_map_resource, dma_alloc_pages/noncontiguous and restricted DMA pools are not modelled.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define SWIOTLB_TOTAL (4UL << 20)
#define SWIOTLB_MAX_MAPPING (256UL << 10)

struct bounce {
	dmc_phys_t tlb, orig;
	size_t size;
	void *tlb_cpu;
	bool live;
};

struct iova_map {
	const struct dmc_device *dev;
	dmc_dma_t iova;
	dmc_phys_t phys;	/* page-aligned */
	size_t size;		/* page-aligned */
	bool live;
};

static struct {
	struct bounce *bounce;
	size_t nbounce, capbounce, swiotlb_used;
	struct iova_map *iova;
	size_t niova, capiova;
} st;

const char *const dmc_dir_names[4] = { "DMA_BIDIRECTIONAL", "DMA_TO_DEVICE", "DMA_FROM_DEVICE",
				       "DMA_NONE" };

void dmc_dma_state_init(void)
{
	memset(&st, 0, sizeof(st));
}

void dmc_dma_state_exit(void)
{
	free(st.bounce);
	free(st.iova);
	memset(&st, 0, sizeof(st));
}

static uint64_t min_not_zero(uint64_t a, uint64_t b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	return a < b ? a : b;
}

/* include/linux/dma-direct.h dma_capable() */
static bool dma_capable(const struct dmc_device *dev, dmc_dma_t addr, size_t size)
{
	dmc_dma_t end = addr + size - 1;

	if (addr == DMC_MAPPING_ERROR)
		return false;
	return end <= min_not_zero(*dev->dma_mask, dev->bus_dma_limit);
}

/* arch_sync_dma_for_device/cpu: cache maintenance on non-coherent devices */
static void arch_sync(struct dmc_device *dev)
{
	if (!dev->coherent)
		dev->cache_syncs++;
}

/* ---- swiotlb ---------------------------------------------------------------------------- */

static struct bounce *bounce_of(dmc_phys_t tlb)
{
	for (size_t i = 0; i < st.nbounce; i++) {
		struct bounce *b = &st.bounce[i];

		if (b->live && tlb >= b->tlb && tlb - b->tlb < b->size)
			return b;
	}
	return NULL;
}

/* swiotlb_bounce(): copy between the original memory and the slot */
static void swiotlb_bounce(struct bounce *b, dmc_phys_t tlb, size_t size, enum dmc_dir dir)
{
	size_t off = tlb - b->tlb;
	void *orig = dmc_phys_to_virt(b->orig + off, 1);

	size = DMC_MIN(size, b->size - off);
	if (!orig)
		return;		/* a bogus original (virt_to_page of non-linear memory): garbage */
	if (dir == DMC_TO_DEVICE)
		memcpy((char *)b->tlb_cpu + off, orig, size);
	else
		memcpy(orig, (char *)b->tlb_cpu + off, size);
}

/* kernel/dma/swiotlb.c swiotlb_map() */
static dmc_dma_t swiotlb_map(struct dmc_device *dev, dmc_phys_t phys, size_t size,
			     unsigned long attrs)
{
	struct bounce *b;
	dmc_phys_t tlb;
	void *cpu;

	if (size > SWIOTLB_MAX_MAPPING || st.swiotlb_used + size > SWIOTLB_TOTAL) {
		dmc_report(DMC_RULE_DMA_ADDR_OVERFLOW, DMC_OUT_REFUSED, 0, "swiotlb_tbl_map_single",
			   NULL, dmc_fmt("swiotlb buffer is full (sz: %zu bytes)", size),
			   dmc_fmt("%s needs bouncing (mask %#llx) and swiotlb has no room", dev->name,
				   (unsigned long long)*dev->dma_mask));
		return DMC_MAPPING_ERROR;
	}
	cpu = dmc_arena_alloc(DMC_MEM_SWIOTLB, DMC_ZONE_DMA32, size, 0, &tlb);
	if (!cpu)
		return DMC_MAPPING_ERROR;
	st.bounce = dmc_grow(st.bounce, &st.capbounce, st.nbounce, sizeof(*st.bounce));
	b = &st.bounce[st.nbounce++];
	*b = (struct bounce){ tlb, phys, size, cpu, true };
	st.swiotlb_used += size;
	/* 6.1 bounces to the device unconditionally, even for DMA_FROM_DEVICE (info leak fix) */
	swiotlb_bounce(b, tlb, size, DMC_TO_DEVICE);
	if (!dma_capable(dev, tlb, size)) {
		b->live = false;
		st.swiotlb_used -= size;
		dmc_arena_free(cpu);
		dmc_report(DMC_RULE_DMA_ADDR_OVERFLOW, DMC_OUT_REFUSED, 0, "swiotlb_map", NULL,
			   dmc_warn_once("swiotlb addr overflow") ?
			   dmc_fmt("swiotlb addr %#llx+%zu overflow (mask %llx, bus limit %llx).",
				   (unsigned long long)tlb, size, (unsigned long long)*dev->dma_mask,
				   (unsigned long long)dev->bus_dma_limit) : "",
			   dmc_fmt("even the bounce buffer is beyond %s's mask", dev->name));
		return DMC_MAPPING_ERROR;
	}
	if (!(attrs & DMC_ATTR_SKIP_CPU_SYNC))
		arch_sync(dev);
	dev->bounced_maps++;
	dev->bounce_bytes += size;
	return tlb;
}

static void swiotlb_unmap(struct bounce *b, enum dmc_dir dir, unsigned long attrs)
{
	if (!(attrs & DMC_ATTR_SKIP_CPU_SYNC) &&
	    (dir == DMC_FROM_DEVICE || dir == DMC_BIDIRECTIONAL))
		swiotlb_bounce(b, b->tlb, b->size, DMC_FROM_DEVICE);
	b->live = false;
	st.swiotlb_used -= b->size;
	dmc_arena_free(b->tlb_cpu);
}

/* ---- dma-iommu --------------------------------------------------------------------------- */

static struct iova_map *iova_of(const struct dmc_device *dev, dmc_dma_t addr)
{
	for (size_t i = 0; i < st.niova; i++) {
		struct iova_map *m = &st.iova[i];

		if (m->live && m->dev == dev && addr >= m->iova && addr - m->iova < m->size)
			return m;
	}
	return NULL;
}

/* iommu_dma_alloc_iova(): top-down below the mask, 32-bit space first for PCI devices */
static dmc_dma_t iova_reserve(struct dmc_device *dev, size_t len, uint64_t mask)
{
	uint64_t limit = min_not_zero(mask, dev->bus_dma_limit);

	if (dev->type == DMC_DEV_PCI && limit > DMC_BIT_MASK(32))
		limit = DMC_BIT_MASK(32);
	if (!dev->iova_next || dev->iova_next - 1 > limit)
		dev->iova_next = (limit & ~(dmc_dma_t)(DMC_PAGE_SIZE - 1));
	if (dev->iova_next < len + DMC_PAGE_SIZE)
		return DMC_MAPPING_ERROR;	/* IOVA space exhausted */
	dev->iova_next -= len;
	return dev->iova_next;
}

/* iommu_map(): page-granular translation for [phys, phys + size) at iova */
static dmc_dma_t iommu_map_at(struct dmc_device *dev, dmc_dma_t iova, dmc_phys_t phys, size_t size)
{
	size_t off = phys & (DMC_PAGE_SIZE - 1);
	size_t len = (size + off + DMC_PAGE_SIZE - 1) & ~(DMC_PAGE_SIZE - 1);

	st.iova = dmc_grow(st.iova, &st.capiova, st.niova, sizeof(*st.iova));
	st.iova[st.niova++] = (struct iova_map){ dev, iova, phys - off, len, true };
	dev->iommu_stats.maps++;
	dev->iommu_stats.iova_pages += len / DMC_PAGE_SIZE;
	return iova + off;
}

static size_t iova_len(dmc_phys_t phys, size_t size)
{
	return (size + (phys & (DMC_PAGE_SIZE - 1)) + DMC_PAGE_SIZE - 1) & ~(DMC_PAGE_SIZE - 1);
}

static dmc_dma_t iommu_map(struct dmc_device *dev, dmc_phys_t phys, size_t size, uint64_t mask)
{
	dmc_dma_t iova = iova_reserve(dev, iova_len(phys, size), mask);

	return iova == DMC_MAPPING_ERROR ? iova : iommu_map_at(dev, iova, phys, size);
}

static dmc_phys_t iommu_unmap(struct dmc_device *dev, dmc_dma_t addr)
{
	struct iova_map *m = iova_of(dev, addr);

	if (!m)
		return 0;	/* the ledger reports unmaps of unknown addresses */
	m->live = false;
	dev->iommu_stats.unmaps++;
	dev->iommu_stats.iotlb_flushes++;
	return m->phys + (addr - m->iova);
}

/* ---- the checks debug_dma_map_*() and dma_map_single_attrs() make -------------------------- */

static enum dmc_outcome debug_outcome(void)
{
	return dmc_machine()->dma_debug ? DMC_OUT_REPORTED : DMC_OUT_SILENT;
}

static const char *debug_msg(const char *text)
{
	return dmc_machine()->dma_debug ? text : "";
}

/* Memory outside the linear map reached a mapping through a bogus page. */
static void report_bogus_page(struct dmc_device *dev, struct dmc_page page, const char *kfunc)
{
	const char *detail = dmc_fmt("virt_to_page() of %s memory is not its page: the device "
				     "transfers to unrelated memory", dmc_mem_kind_name(page.origin));

	if (page.origin == DMC_MEM_STACK)
		dmc_report(DMC_RULE_DMA_ON_STACK, DMC_OUT_CORRUPTION, 0, kfunc, NULL, "", detail);
	else if (page.origin == DMC_MEM_VMALLOC)
		dmc_report(DMC_RULE_DMA_MAP_VMALLOC, DMC_OUT_CORRUPTION, 0, kfunc, NULL, "", detail);
	else if (page.origin != DMC_MEM_UNKNOWN)
		dmc_report(DMC_RULE_DMA_MAP_INVALID_AREA, DMC_OUT_CORRUPTION, 0, kfunc, NULL, "",
			   detail);
	(void)dev;
}

/* debug_dma_map_page(): check_for_stack() and check_for_illegal_area() on lowmem pages */
static void debug_check_lowmem(struct dmc_device *dev, const void *addr, size_t size,
			       enum dmc_dir dir, const char *kfunc)
{
	struct dmc_memref ref = dmc_classify(addr);

	if (ref.kind == DMC_MEM_STACK) {
		/* only reached with direct-mapped stacks (!CONFIG_VMAP_STACK) */
		bool current = dmc_object_is_on_stack(addr);
		enum dmc_outcome out = !dev->coherent ? DMC_OUT_CORRUPTION :
				       current ? debug_outcome() : DMC_OUT_SILENT;

		dmc_report(DMC_RULE_DMA_ON_STACK, out, 0, kfunc, addr,
			   current ? debug_msg(dmc_fmt("device driver maps memory from stack "
						       "[addr=%p]", addr)) : "",
			   !dev->coherent ? "cache maintenance on stack lines corrupts the "
					    "neighbouring locals of a non-coherent device" :
			   current ? "works only because stacks are not vmapped (CONFIG_VMAP_STACK "
				     "refuses it)" :
				     "another task's stack: object_is_on_stack() cannot see it");
	} else if (ref.kind == DMC_MEM_KERNEL_RODATA) {
		/*
		 * check_for_illegal_area() compares the page's linear-map address with _stext..
		 * _etext and __start_rodata..__end_rodata: only where the image lives in the linear
		 * map (32-bit) can it match; on x86_64 the image is mapped at its own alias and the
		 * check never fires. A device that writes there corrupts read-only data anyway.
		 */
		bool seen = dmc_machine()->arch == DMC_ARCH_X86_32 && dmc_machine()->dma_debug;

		dmc_report(DMC_RULE_DMA_MAP_RODATA,
			   dir != DMC_TO_DEVICE ? DMC_OUT_CORRUPTION :
			   seen ? DMC_OUT_REPORTED : DMC_OUT_SILENT, 0, kfunc, addr,
			   seen ? dmc_fmt("device driver maps memory from kernel text or rodata "
					  "[addr=%p] [len=%zu]", addr, size) : "",
			   dir == DMC_TO_DEVICE ? "reads are harmless, a write would corrupt "
						  "read-only kernel data" :
						  "the device writes into read-only kernel memory");
	}
}

/*
 * dma_map_single_attrs() refuses vmalloc memory; debug_dma_map_single() reports memory that
 * virt_addr_valid() rejects. Returns false if the mapping is refused. *reported tells the
 * page-level code that the cause is already on record.
 */
static bool check_single(struct dmc_device *dev, const void *ptr, size_t size, bool *reported)
{
	struct dmc_memref ref = dmc_classify(ptr);

	*reported = false;
	if (dmc_is_vmalloc_addr(ptr)) {
		const char *why = ref.kind == DMC_MEM_STACK ?
			"the stack is vmalloc memory (CONFIG_VMAP_STACK)" :
			ref.kind == DMC_MEM_COHERENT ?
			"coherent memory of a non-coherent device is an uncached remap" :
			"vmalloc memory is not physically contiguous";
		const char *msg = dmc_warn_once("rejecting DMA map of vmalloc memory") ?
			dmc_fmt("%s: rejecting DMA map of vmalloc memory", dev->name) : "";

		dmc_report(ref.kind == DMC_MEM_STACK ? DMC_RULE_DMA_ON_STACK : DMC_RULE_DMA_MAP_VMALLOC,
			   DMC_OUT_REFUSED, 0, "dma_map_single_attrs", ptr, msg, why);
		return false;
	}
	if (ref.kind != DMC_MEM_UNKNOWN && !ref.linear) {
		dmc_report(DMC_RULE_DMA_MAP_INVALID_AREA, DMC_OUT_CORRUPTION, 0, "debug_dma_map_single",
			   ptr, debug_msg(dmc_fmt("device driver maps memory from invalid area "
						  "[addr=%p] [len=%zu]", ptr, size)),
			   dmc_fmt("%s memory is outside the linear map: virt_to_page() gives "
				   "another page", dmc_mem_kind_name(ref.kind)));
		*reported = true;
	}
	return true;
}

/* ---- mapping ------------------------------------------------------------------------------ */

/* dma_map_page_attrs(): direct or IOMMU, then debug_dma_map_page() */
/*
 * 6.12's dma_kmalloc_needs_bounce() (include/linux/dma-map-ops.h, since 6.5): arm64 has
 * CONFIG_DMA_BOUNCE_UNALIGNED_KMALLOC and kmalloc() caches down to 8 bytes (6.1: 128, the
 * cache line), so a mapping that may share a cache line with other data is bounced when the
 * device is not coherent and the CPU may have to invalidate (not DMA_TO_DEVICE): any size
 * below 2 * ARCH_DMA_MINALIGN whose kmalloc cache is not a multiple of the 128-byte line. The
 * kernel asks this of every streaming mapping, kmalloc memory or not.
 */
static bool kmalloc_needs_bounce(const struct dmc_device *dev, size_t size, enum dmc_dir dir)
{
	static const size_t caches[] = { 8, 16, 32, 64, 96, 128, 192 };	/* kmalloc-N up to 256 */
	size_t cache = 256;

	if (dmc_machine()->kernel < DMC_KERNEL_6_12 || dmc_machine()->arch != DMC_ARCH_ARM64 ||
	    dev->coherent || dir == DMC_TO_DEVICE || size >= 256)
		return false;
	for (size_t i = 0; i < sizeof(caches) / sizeof(caches[0]); i++) {
		if (size <= caches[i]) {
			cache = caches[i];
			break;
		}
	}
	return cache % 128 != 0;
}

static dmc_dma_t map_page(struct dmc_device *dev, struct dmc_page page, size_t offset, size_t size,
			  enum dmc_dir dir, unsigned long attrs, enum dmc_map_type type, int nents,
			  bool cause_reported, const char *kfunc, dmc_dma_t iova)
{
	dmc_phys_t phys = page.phys + offset;
	dmc_dma_t addr;

	if (!dev->dma_mask || dir > DMC_FROM_DEVICE || !size)
		return DMC_MAPPING_ERROR;	/* WARN_ON_ONCE(!dev->dma_mask), BUG_ON(dir) */
	if (dev->iommu) {
		/* iommu_dma_map_page() */
		if (!dev->coherent && !(attrs & DMC_ATTR_SKIP_CPU_SYNC))
			arch_sync(dev);
		addr = iova != DMC_MAPPING_ERROR ? iommu_map_at(dev, iova, phys, size) :
						   iommu_map(dev, phys, size, *dev->dma_mask);
	} else {
		/* dma_direct_map_page() */
		addr = phys;
		if (!dma_capable(dev, addr, size) || kmalloc_needs_bounce(dev, size, dir)) {
			if (dmc_machine()->swiotlb) {
				addr = swiotlb_map(dev, phys, size, attrs);
			} else {
				dmc_report(DMC_RULE_DMA_ADDR_OVERFLOW, DMC_OUT_REFUSED, 0,
					   "dma_direct_map_page", page.vaddr,
					   dmc_warn_once("DMA addr overflow") ?
					   dmc_fmt("DMA addr %#llx+%zu overflow (mask %llx, bus limit "
						   "%llx).", (unsigned long long)addr, size,
						   (unsigned long long)*dev->dma_mask,
						   (unsigned long long)dev->bus_dma_limit) : "",
					   dmc_fmt("%s memory at %#llx is beyond %s's mask and there "
						   "is no swiotlb", dmc_zone_name(dmc_phys_zone(phys)),
						   (unsigned long long)phys, dev->name));
				addr = DMC_MAPPING_ERROR;
			}
		} else if (!dev->coherent && !(attrs & DMC_ATTR_SKIP_CPU_SYNC)) {
			arch_sync(dev);
		}
	}
	if (addr == DMC_MAPPING_ERROR)
		return addr;
	/* debug_dma_map_page() */
	dmc_ledger_add(dev, type, addr, size, dir, phys,
		       page.vaddr ? (char *)page.vaddr + offset : NULL, nents);
	if (!page.valid && !cause_reported)
		report_bogus_page(dev, page, kfunc);
	else if (page.valid && page.vaddr)
		debug_check_lowmem(dev, (char *)page.vaddr + offset, size, dir, kfunc);
	return addr;
}

dmc_dma_t dmc_dma_map_single_attrs(struct dmc_device *dev, void *ptr, size_t size,
				   enum dmc_dir dir, unsigned long attrs)
{
	struct dmc_page page;
	bool reported;

	if (!check_single(dev, ptr, size, &reported))
		return DMC_MAPPING_ERROR;
	page = dmc_virt_to_page(ptr);
	return map_page(dev, page, ((uintptr_t)ptr) & (DMC_PAGE_SIZE - 1), size, dir, attrs,
			DMC_MAP_SINGLE, 0, reported, "dma_map_single", DMC_MAPPING_ERROR);
}

dmc_dma_t dmc_dma_map_single(struct dmc_device *dev, void *ptr, size_t size, enum dmc_dir dir)
{
	return dmc_dma_map_single_attrs(dev, ptr, size, dir, 0);
}

dmc_dma_t dmc_dma_map_page(struct dmc_device *dev, struct dmc_page page, size_t offset,
			   size_t size, enum dmc_dir dir)
{
	return map_page(dev, page, offset, size, dir, 0, DMC_MAP_SINGLE, 0, false, "dma_map_page",
			DMC_MAPPING_ERROR);
}

/* dma_direct_unmap_page() / iommu_dma_unmap_page(), without the ledger */
static void unmap_one(struct dmc_device *dev, dmc_dma_t addr, enum dmc_dir dir,
		      unsigned long attrs)
{
	struct bounce *b;

	if (dev->iommu) {
		if (iommu_unmap(dev, addr) && !dev->coherent && !(attrs & DMC_ATTR_SKIP_CPU_SYNC))
			arch_sync(dev);
		return;
	}
	if (!(attrs & DMC_ATTR_SKIP_CPU_SYNC))
		arch_sync(dev);
	b = bounce_of(addr);
	if (b && b->tlb == addr)
		swiotlb_unmap(b, dir, attrs);
}

void dmc_dma_unmap_page(struct dmc_device *dev, dmc_dma_t addr, size_t size, enum dmc_dir dir)
{
	/* the ledger checks before the memory is released, as check_unmap() would see it */
	dmc_ledger_unmap(dev, DMC_MAP_SINGLE, addr, size, dir, NULL, "dma_unmap_page");
	unmap_one(dev, addr, dir, 0);
}

void dmc_dma_unmap_single(struct dmc_device *dev, dmc_dma_t addr, size_t size, enum dmc_dir dir)
{
	dmc_ledger_unmap(dev, DMC_MAP_SINGLE, addr, size, dir, NULL, "dma_unmap_single");
	unmap_one(dev, addr, dir, 0);
}

int dmc_dma_mapping_error(struct dmc_device *dev, dmc_dma_t addr)
{
	dmc_ledger_mapping_error(dev, addr);
	return addr == DMC_MAPPING_ERROR;
}

/* ---- scatterlists ------------------------------------------------------------------------- */

void dmc_sg_init_table(struct dmc_scatterlist *sg, int nents)
{
	memset(sg, 0, sizeof(*sg) * (size_t)nents);
	if (nents > 0)
		sg[nents - 1].end = true;
}

void dmc_sg_set_page(struct dmc_scatterlist *sg, struct dmc_page page, unsigned int len,
		     unsigned int offset)
{
	sg->page = page;
	sg->offset = offset;
	sg->length = len;
}

/* sg_set_buf(): virt_to_page() of the buffer, as in include/linux/scatterlist.h */
void dmc_sg_set_buf(struct dmc_scatterlist *sg, const void *buf, unsigned int len)
{
	dmc_sg_set_page(sg, dmc_virt_to_page(buf), len, (uintptr_t)buf & (DMC_PAGE_SIZE - 1));
}

void dmc_sg_init_one(struct dmc_scatterlist *sg, const void *buf, unsigned int len)
{
	dmc_sg_init_table(sg, 1);
	dmc_sg_set_buf(sg, buf, len);
}

/*
 * dma_map_sg_attrs(): dma_direct_map_sg() maps entry by entry and undoes everything on the
 * first failure; iommu_dma_map_sg() maps the list into one IOVA range and merges entries
 * that meet at page boundaries (so it may return fewer entries than nents).
 */
int dmc_dma_map_sg(struct dmc_device *dev, struct dmc_scatterlist *sg, int nents, enum dmc_dir dir)
{
	dmc_dma_t iova = DMC_MAPPING_ERROR;
	int i, out = 0;

	if (nents <= 0)
		return 0;
	for (i = 0; i < nents; i++)	/* cleared again below when the whole list maps */
		sg[i].map_failed = true;
	if (dev->iommu && dev->dma_mask) {
		size_t total = 0;

		for (i = 0; i < nents; i++)
			total += iova_len(sg[i].page.phys + sg[i].offset, sg[i].length);
		iova = iova_reserve(dev, total, *dev->dma_mask);
		if (iova == DMC_MAPPING_ERROR)
			return 0;
	}
	for (i = 0; i < nents; i++) {
		struct dmc_scatterlist *s = &sg[i];
		dmc_dma_t a = map_page(dev, s->page, s->offset, s->length, dir, 0, DMC_MAP_SG,
				       nents, false, "dma_map_sg", iova);

		if (a == DMC_MAPPING_ERROR) {
			/* out_unmap: undo what was mapped; dma_map_sg() returns 0 */
			for (int j = 0; j < i; j++) {
				dmc_ledger_unmap(dev, DMC_MAP_SG, sg[j].map_addr, sg[j].length, dir,
						 NULL, "dma_map_sg");
				unmap_one(dev, sg[j].map_addr, dir, 0);
				sg[j].map_failed = true;
			}
			return 0;
		}
		s->map_addr = s->dma_address = a;
		s->dma_length = s->length;
		s->map_failed = false;
		if (iova != DMC_MAPPING_ERROR)	/* the next entry follows in the same range */
			iova += iova_len(s->page.phys + s->offset, s->length);
	}
	if (!dev->iommu)
		return nents;
	/* __finalise_sg(): merge entries contiguous in IOVA space at page boundaries */
	for (i = 0; i < nents; i++) {
		struct dmc_scatterlist *prev = out ? &sg[out - 1] : NULL;

		if (prev && ((prev->dma_address + prev->dma_length) & (DMC_PAGE_SIZE - 1)) == 0 &&
		    sg[i].offset == 0) {
			prev->dma_length += sg[i].length;
			continue;
		}
		if (out != i) {
			sg[out].dma_address = sg[i].dma_address;
			sg[out].dma_length = sg[i].dma_length;
		}
		out++;
	}
	return out;
}

/*
 * dma_unmap_sg_attrs(): debug_dma_unmap_sg() checks the entry count; iommu_dma_unmap_sg()
 * then frees the list's whole IOVA range whatever nents says, and dma_direct_unmap_sg()
 * unmaps nents entries (debug stops at the entries that were mapped).
 */
void dmc_dma_unmap_sg(struct dmc_device *dev, struct dmc_scatterlist *sg, int nents, enum dmc_dir dir)
{
	int mapped = nents > 0 ? dmc_ledger_unmap_sg_ents(dev, sg[0].map_addr, nents,
							  "dma_unmap_sg") : 0;

	if (mapped && (dev->iommu || nents > mapped))
		nents = mapped;
	/* every entry keeps its own mapping in the model, even when merged (map_addr) */
	for (int i = 0; i < nents; i++) {
		dmc_ledger_unmap(dev, DMC_MAP_SG, sg[i].map_addr, sg[i].length, dir, NULL,
				 "dma_unmap_sg");
		unmap_one(dev, sg[i].map_addr, dir, 0);
	}
}

/*
 * sg_dma_address()/sg_dma_len(): after a dma_map_sg() that returned 0 they hold nothing the
 * device may use (stale addresses of an undone mapping, or 0 from sg_init_table()); a driver
 * that reads them went on without testing the count.
 */
static void check_sg_read(const struct dmc_scatterlist *sg, const char *kfunc)
{
	if (sg->map_failed)
		dmc_report(DMC_RULE_DMA_MAP_SG_UNCHECKED, DMC_OUT_CORRUPTION, 0, kfunc,
			   sg->page.vaddr, "",
			   "dma_map_sg() returned 0: the device is given an address that is not "
			   "mapped");
}

dmc_dma_t dmc_sg_dma_address(const struct dmc_scatterlist *sg)
{
	check_sg_read(sg, "sg_dma_address");
	return sg->dma_address;
}

unsigned int dmc_sg_dma_len(const struct dmc_scatterlist *sg)
{
	check_sg_read(sg, "sg_dma_len");
	return sg->dma_length;
}

/* ---- syncs -------------------------------------------------------------------------------- */

static void sync_one(struct dmc_device *dev, dmc_dma_t addr, size_t size, enum dmc_dir dir,
		     bool to_cpu)
{
	struct bounce *b;

	arch_sync(dev);
	if (dev->iommu)
		return;
	b = bounce_of(addr);
	if (!b)
		return;
	/* swiotlb_sync_single_for_cpu/device(): only the directions that move data */
	if (to_cpu && (dir == DMC_FROM_DEVICE || dir == DMC_BIDIRECTIONAL))
		swiotlb_bounce(b, addr, size, DMC_FROM_DEVICE);
	else if (!to_cpu && (dir == DMC_TO_DEVICE || dir == DMC_BIDIRECTIONAL))
		swiotlb_bounce(b, addr, size, DMC_TO_DEVICE);
}

void dmc_dma_sync_single_for_cpu(struct dmc_device *dev, dmc_dma_t addr, size_t size, enum dmc_dir dir)
{
	sync_one(dev, addr, size, dir, true);
	dmc_ledger_sync(dev, addr, size, dir, true, "dma_sync_single_for_cpu");
}

void dmc_dma_sync_single_for_device(struct dmc_device *dev, dmc_dma_t addr, size_t size,
				    enum dmc_dir dir)
{
	sync_one(dev, addr, size, dir, false);
	dmc_ledger_sync(dev, addr, size, dir, false, "dma_sync_single_for_device");
}

void dmc_dma_sync_sg_for_cpu(struct dmc_device *dev, struct dmc_scatterlist *sg, int nents,
			     enum dmc_dir dir)
{
	for (int i = 0; i < nents; i++) {
		sync_one(dev, sg[i].map_addr, sg[i].length, dir, true);
		dmc_ledger_sync(dev, sg[i].map_addr, sg[i].length, dir, true, "dma_sync_sg_for_cpu");
	}
}

void dmc_dma_sync_sg_for_device(struct dmc_device *dev, struct dmc_scatterlist *sg, int nents,
				enum dmc_dir dir)
{
	for (int i = 0; i < nents; i++) {
		sync_one(dev, sg[i].map_addr, sg[i].length, dir, false);
		dmc_ledger_sync(dev, sg[i].map_addr, sg[i].length, dir, false,
				"dma_sync_sg_for_device");
	}
}

/* ---- coherent memory ---------------------------------------------------------------------- */

/*
 * dma_alloc_attrs(): dma_direct_alloc() picks the zone from the coherent mask
 * (dma_direct_optimal_gfp_mask) and, for a non-coherent device on arm64, hands out an
 * uncached remap outside the linear map; iommu_dma_alloc() takes any pages and an IOVA below
 * the coherent mask.
 */
void *dmc_dma_alloc_coherent(struct dmc_device *dev, size_t size, dmc_dma_t *handle, unsigned int gfp)
{
	const struct dmc_machine_config *cfg = dmc_machine();
	uint64_t limit = min_not_zero(dev->coherent_dma_mask, dev->bus_dma_limit);
	unsigned int zone_dma_bits = cfg->arch == DMC_ARCH_ARM64 ? 30 : 24;
	enum dmc_zone zone = DMC_ZONE_NORMAL;
	bool remap = !dev->coherent && cfg->arch == DMC_ARCH_ARM64;
	dmc_phys_t phys;
	void *cpu;

	/* zone modifiers are cleared by dma_alloc_attrs() */
	*handle = DMC_MAPPING_ERROR;
	if (!size)
		return NULL;
	/* 6.2 on (so 6.12): WARN_ON_ONCE(flag & __GFP_COMP) and no memory; 6.1 ignored it. No
	 * rule of the catalogue covers gfp flags yet: the model fails the allocation only. */
	if ((gfp & DMC_GFP_COMP) && cfg->kernel >= DMC_KERNEL_6_12)
		return NULL;
	if (!dev->iommu) {
		if (limit <= DMC_BIT_MASK(zone_dma_bits))
			zone = DMC_ZONE_DMA;
		else if (limit <= DMC_BIT_MASK(32))
			zone = DMC_ZONE_DMA32;
	}
	/* whole pages underneath; the ledger keeps the size asked for, as DMA debug does */
	cpu = remap ? dmc_arena_alloc_remap(zone, size, &phys) :
		      dmc_arena_alloc(DMC_MEM_COHERENT, zone, size, DMC_PAGE_SIZE, &phys);
	if (!cpu)
		return NULL;
	memset(cpu, 0, size);
	*handle = dev->iommu ? iommu_map(dev, phys, size, dev->coherent_dma_mask) : phys;
	/* a mask below ZONE_DMA cannot be met: dma_coherent_ok() fails */
	if (*handle == DMC_MAPPING_ERROR || (!dev->iommu && phys + size - 1 > limit)) {
		dmc_arena_free(cpu);
		*handle = DMC_MAPPING_ERROR;
		return NULL;
	}
	dmc_ledger_add(dev, DMC_MAP_COHERENT, *handle, size, DMC_BIDIRECTIONAL, phys, cpu, 0);
	return cpu;
}

void dmc_dma_free_coherent(struct dmc_device *dev, size_t size, void *cpu_addr, dmc_dma_t handle)
{
	if (!dmc_ledger_unmap(dev, DMC_MAP_COHERENT, handle, size, DMC_BIDIRECTIONAL, cpu_addr,
			      "dma_free_coherent"))
		return;		/* unknown memory: freeing it would crash; the ledger reported */
	if (dev->iommu)
		iommu_unmap(dev, handle);
	dmc_arena_free(cpu_addr);
}

/* ---- the device side ---------------------------------------------------------------------- */

/*
 * Where a bus address of `dev` lands: CPU backing memory for up to *len bytes (shortened to
 * what is contiguous there: one IOMMU mapping, one region), or a failure.
 */
static enum dmc_devdma translate(struct dmc_device *dev, dmc_dma_t addr, size_t *len, void **cpu)
{
	const struct dmc_region *local = dmc_region_by_bus(addr);
	dmc_phys_t phys = addr;

	*cpu = NULL;
	if (local) {
		*len = DMC_MIN(*len, local->bus + local->size - addr);
		*cpu = (void *)(local->vbase + (addr - local->bus));
		return DMC_DEVDMA_OK;
	}
	if ((addr + *len - 1) & ~dev->hw_dma_mask)
		return DMC_DEVDMA_MASKED;	/* the upper address bits are not wired */
	if (dev->iommu) {
		struct iova_map *m = iova_of(dev, addr);

		if (!m)
			return DMC_DEVDMA_IOMMU_FAULT;
		*len = DMC_MIN(*len, m->iova + m->size - addr);
		phys = m->phys + (addr - m->iova);
	}
	*cpu = dmc_phys_to_virt(phys, *len);
	return *cpu ? DMC_DEVDMA_OK : DMC_DEVDMA_WILD;
}

/* The device moves len bytes at a bus address, piece by piece as the IOMMU maps them. */
static enum dmc_devdma device_access(struct dmc_device *dev, dmc_dma_t addr, void *data,
				     size_t len, bool write)
{
	while (len) {
		size_t chunk = len;
		void *cpu;
		enum dmc_devdma r = translate(dev, addr, &chunk, &cpu);

		if (r != DMC_DEVDMA_OK)
			return r;
		if (write)
			memcpy(cpu, data, chunk);
		else
			memcpy(data, cpu, chunk);
		addr += chunk;
		data = (char *)data + chunk;
		len -= chunk;
	}
	return DMC_DEVDMA_OK;
}

enum dmc_devdma dmc_device_dma_write(struct dmc_device *dev, dmc_dma_t addr, const void *data,
				     size_t len)
{
	return device_access(dev, addr, (void *)data, len, true);
}

enum dmc_devdma dmc_device_dma_read(struct dmc_device *dev, dmc_dma_t addr, void *data, size_t len)
{
	return device_access(dev, addr, data, len, false);
}
