// SPDX-License-Identifier: GPL-2.0
/*
 * mem.c - memory kinds, zones and the model machine's physical memory.
 *
 * Every CPU address the model meets belongs to a region: real memory of this process with a
 * kind (stack, kmalloc, vmalloc, module image, ...), and, where the kernel has one, a simulated
 * physical address. The model's allocators (kmalloc, vmalloc, alloc_page, coherent memory,
 * swiotlb, HCD local memory) carve real memory out of arenas, one per (kind, zone, linear
 * mapping); a harness can also register memory it owns (a thread's stack, the executable's
 * segments) so that real C code runs against the core.
 *
 * Physical layout, following the zones of the architecture (mm/page_alloc.c):
 *   x86_64/arm64: ZONE_DMA below 16M (x86) or 1G (arm64), ZONE_DMA32 below 4G, ZONE_NORMAL
 *                 above 4G when ram_above_4g, else ZONE_NORMAL requests land in DMA32
 *   x86_32:       ZONE_DMA below 16M, ZONE_NORMAL below 896M, ZONE_HIGHMEM above
 * What is in the linear map (virt_addr_valid(), virt_to_page() meaningful) follows the arch:
 * module images, vmalloc and vmap stacks never are; the kernel image is on x86 but not arm64.
 *
 * Limits: an arena's allocator is first-fit over a block list (64-byte granules), fine for
 * model runs, not for millions of objects; pages of a non-linear region have no struct page
 * (virt_to_page() of them is "garbage", as in the kernel).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "internal.h"

#include <errno.h>
#include <link.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_SIZE (8UL << 20)
#define GRANULE 64UL

struct block {
	size_t off, size;
	bool live;
};

struct region_slot {
	struct dmc_region r;
	bool arena;		/* memory owned by the model (freed at exit) */
	enum dmc_zone zone;
	void *backing;
	size_t bump;
	struct block *blocks;
	size_t nblocks, capblocks;
};

static struct {
	struct region_slot **slots;	/* individually allocated: region pointers stay valid */
	size_t count, cap;
	dmc_phys_t cursor[DMC_ZONE_NONE];	/* next free physical address per zone */
	dmc_phys_t zone_end[DMC_ZONE_NONE];
} mem;

static const char *const kind_names[DMC_MEM_KIND_COUNT] = {
	[DMC_MEM_UNKNOWN] = "unknown",
	[DMC_MEM_STACK] = "stack",
	[DMC_MEM_KMALLOC] = "kmalloc",
	[DMC_MEM_VMALLOC] = "vmalloc",
	[DMC_MEM_MODULE_DATA] = "module data",
	[DMC_MEM_MODULE_RODATA] = "module rodata",
	[DMC_MEM_KERNEL_DATA] = "kernel data",
	[DMC_MEM_KERNEL_RODATA] = "kernel rodata",
	[DMC_MEM_HIGHMEM] = "highmem",
	[DMC_MEM_COHERENT] = "coherent",
	[DMC_MEM_HCD_LOCAL] = "HCD local memory",
	[DMC_MEM_SWIOTLB] = "swiotlb",
};

static const char *const zone_names[] = { "DMA", "DMA32", "Normal", "HighMem", "none" };

const char *dmc_mem_kind_name(enum dmc_mem_kind kind)
{
	return (unsigned int)kind < DMC_MEM_KIND_COUNT ? kind_names[kind] : "?";
}

const char *dmc_zone_name(enum dmc_zone zone)
{
	return zone_names[(unsigned int)zone <= DMC_ZONE_NONE ? zone : DMC_ZONE_NONE];
}

void dmc_mem_init(void)
{
	const struct dmc_machine_config *cfg = dmc_machine();

	memset(&mem, 0, sizeof(mem));
	/* 1M: leave page 0 and the BIOS area alone, as the kernel does */
	mem.cursor[DMC_ZONE_DMA] = 1UL << 20;
	if (cfg->arch == DMC_ARCH_X86_32) {
		mem.zone_end[DMC_ZONE_DMA] = 16UL << 20;
		mem.cursor[DMC_ZONE_NORMAL] = 64UL << 20;
		mem.zone_end[DMC_ZONE_NORMAL] = 896UL << 20;
		mem.cursor[DMC_ZONE_HIGHMEM] = 1UL << 30;
		mem.zone_end[DMC_ZONE_HIGHMEM] = 4ULL << 30;
		return;
	}
	mem.zone_end[DMC_ZONE_DMA] = cfg->arch == DMC_ARCH_ARM64 ? 1UL << 30 : 16UL << 20;
	mem.cursor[DMC_ZONE_DMA32] = cfg->arch == DMC_ARCH_ARM64 ? 1UL << 30 : 1UL << 30;
	mem.zone_end[DMC_ZONE_DMA32] = 4ULL << 30;
	mem.cursor[DMC_ZONE_NORMAL] = cfg->ram_above_4g ? 4ULL << 30 : 3ULL << 30;
	mem.zone_end[DMC_ZONE_NORMAL] = cfg->ram_above_4g ? 64ULL << 30 : 4ULL << 30;
}

void dmc_mem_exit(void)
{
	for (size_t i = 0; i < mem.count; i++) {
		free(mem.slots[i]->backing);
		free(mem.slots[i]->blocks);
		free(mem.slots[i]);
	}
	free(mem.slots);
	memset(&mem, 0, sizeof(mem));
}

enum dmc_zone dmc_phys_zone(dmc_phys_t phys)
{
	const struct dmc_machine_config *cfg = dmc_machine();

	if (phys < (16ULL << 20) || (cfg->arch == DMC_ARCH_ARM64 && phys < (1ULL << 30)))
		return DMC_ZONE_DMA;
	if (cfg->arch == DMC_ARCH_X86_32)
		return phys < (896ULL << 20) ? DMC_ZONE_NORMAL : DMC_ZONE_HIGHMEM;
	return phys < (4ULL << 30) ? DMC_ZONE_DMA32 : DMC_ZONE_NORMAL;
}

/* Where a zone's physical memory comes from on this machine (no DMA32 on x86_32, no
 * memory above 4G on a small machine, no highmem on 64-bit). */
static enum dmc_zone effective_zone(enum dmc_zone zone)
{
	const struct dmc_machine_config *cfg = dmc_machine();

	if (cfg->arch == DMC_ARCH_X86_32)
		return zone == DMC_ZONE_DMA32 ? DMC_ZONE_NORMAL : zone;
	if (zone == DMC_ZONE_HIGHMEM)
		return DMC_ZONE_NORMAL;
	return zone;
}

static dmc_phys_t take_phys(enum dmc_zone zone, size_t size)
{
	dmc_phys_t at;

	zone = effective_zone(zone);
	at = mem.cursor[zone];
	/* 2M-aligned steps keep regions apart and page offsets stable */
	mem.cursor[zone] += (size + (2UL << 20) - 1) & ~((2UL << 20) - 1);
	return at;
}

static struct region_slot *new_slot(void)
{
	struct region_slot *s;

	if (mem.count == mem.cap) {
		size_t cap = mem.cap ? 2 * mem.cap : 32;
		struct region_slot **grown = realloc(mem.slots, cap * sizeof(*grown));

		if (!grown)
			return NULL;
		mem.slots = grown;
		mem.cap = cap;
	}
	s = calloc(1, sizeof(*s));
	if (s)
		mem.slots[mem.count++] = s;
	return s;
}

static void drop_slot(struct region_slot *s)
{
	for (size_t i = 0; i < mem.count; i++) {
		if (mem.slots[i] == s) {
			mem.slots[i] = mem.slots[--mem.count];
			break;
		}
	}
	free(s->backing);
	free(s->blocks);
	free(s);
}

static struct region_slot *slot_of(uintptr_t a)
{
	for (size_t i = 0; i < mem.count; i++) {
		struct region_slot *s = mem.slots[i];

		if (a >= s->r.vbase && a - s->r.vbase < s->r.size)
			return s;
	}
	return NULL;
}

/* Is memory of this kind in the kernel's linear map on this machine? */
static bool kind_is_linear(enum dmc_mem_kind kind)
{
	const struct dmc_machine_config *cfg = dmc_machine();

	switch (kind) {
	case DMC_MEM_STACK:
		return !cfg->vmap_stack;
	case DMC_MEM_KMALLOC:
	case DMC_MEM_COHERENT:
	case DMC_MEM_SWIOTLB:
		return true;
	case DMC_MEM_KERNEL_DATA:
	case DMC_MEM_KERNEL_RODATA:
		/* arm64 maps the kernel image outside the linear map (KIMAGE_VADDR) */
		return cfg->arch != DMC_ARCH_ARM64;
	default:
		return false;
	}
}

static enum dmc_zone kind_zone(enum dmc_mem_kind kind)
{
	switch (kind) {
	case DMC_MEM_KERNEL_DATA:
	case DMC_MEM_KERNEL_RODATA:
		return DMC_ZONE_DMA32;	/* the image is loaded low */
	case DMC_MEM_HIGHMEM:
		return DMC_ZONE_HIGHMEM;
	default:
		return DMC_ZONE_NORMAL;
	}
}

int dmc_region_add(enum dmc_mem_kind kind, const void *base, size_t size, const char *name)
{
	struct region_slot *s;

	if (!base || !size || kind <= DMC_MEM_UNKNOWN || kind >= DMC_MEM_KIND_COUNT)
		return -DMC_EINVAL;
	if (slot_of((uintptr_t)base) || slot_of((uintptr_t)base + size - 1))
		return -DMC_EBUSY;
	s = new_slot();
	if (!s)
		return -DMC_ENOMEM;
	s->r.kind = kind;
	s->r.vbase = (uintptr_t)base;
	s->r.size = size;
	s->r.linear = kind_is_linear(kind);
	s->r.name = name;
	s->zone = kind_zone(kind);
	/* offset within the page is kept so that page boundaries are the same as the CPU's */
	s->r.phys = take_phys(s->zone, size + DMC_PAGE_SIZE) + ((uintptr_t)base & (DMC_PAGE_SIZE - 1));
	if (kind == DMC_MEM_STACK)
		s->r.owner = (uintptr_t)pthread_self();
	return 0;
}

int dmc_region_remove(const void *base)
{
	for (size_t i = 0; i < mem.count; i++) {
		if (mem.slots[i]->r.vbase == (uintptr_t)base && !mem.slots[i]->arena) {
			drop_slot(mem.slots[i]);
			return 0;
		}
	}
	return -DMC_ENOENT;
}

int dmc_register_current_stack(void)
{
	pthread_attr_t attr;
	void *addr;
	size_t size;

	if (pthread_getattr_np(pthread_self(), &attr))
		return -DMC_EINVAL;
	pthread_attr_getstack(&attr, &addr, &size);
	pthread_attr_destroy(&attr);
	return dmc_region_add(DMC_MEM_STACK, addr, size, "task stack");
}

struct image_walk {
	bool as_module;
	int ret;
};

static int add_segments(struct dl_phdr_info *info, size_t sz, void *arg)
{
	struct image_walk *w = arg;

	(void)sz;
	for (int i = 0; i < info->dlpi_phnum && w->ret == 0; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		enum dmc_mem_kind kind;

		if (ph->p_type != PT_LOAD || !ph->p_memsz)
			continue;
		if (ph->p_flags & PF_W)
			kind = w->as_module ? DMC_MEM_MODULE_DATA : DMC_MEM_KERNEL_DATA;
		else
			kind = w->as_module ? DMC_MEM_MODULE_RODATA : DMC_MEM_KERNEL_RODATA;
		w->ret = dmc_region_add(kind, (void *)(info->dlpi_addr + ph->p_vaddr), ph->p_memsz,
					"image");
	}
	return 1;	/* the first object is the executable itself */
}

int dmc_register_image(bool as_module)
{
	struct image_walk w = { as_module, 0 };

	dl_iterate_phdr(add_segments, &w);
	return w.ret;
}

/* ---- arenas ---------------------------------------------------------------------------- */

static struct region_slot *arena_for(enum dmc_mem_kind kind, enum dmc_zone zone, bool linear)
{
	struct region_slot *s;
	void *backing;

	zone = effective_zone(zone);
	for (size_t i = 0; i < mem.count; i++) {
		s = mem.slots[i];
		if (s->arena && !s->r.owner && s->r.kind == kind && s->zone == zone &&
		    s->r.linear == linear && s->bump < s->r.size)
			return s;
	}
	backing = aligned_alloc(DMC_PAGE_SIZE, ARENA_SIZE);
	if (!backing)
		return NULL;
	s = new_slot();
	if (!s) {
		free(backing);
		return NULL;
	}
	s->arena = true;
	s->backing = backing;
	s->zone = zone;
	s->r.kind = kind;
	s->r.vbase = (uintptr_t)backing;
	s->r.size = ARENA_SIZE;
	s->r.linear = linear;
	s->r.name = kind_names[kind];
	s->r.phys = take_phys(zone, ARENA_SIZE);
	return s;
}

/* First-fit in one slot; NULL if it has no room. */
static void *slot_alloc(struct region_slot *s, size_t size, size_t align)
{
	size_t off;

	if (align < GRANULE)
		align = GRANULE;
	size = (size + GRANULE - 1) & ~(GRANULE - 1);
	for (size_t i = 0; i < s->nblocks; i++) {
		struct block *b = &s->blocks[i];

		if (!b->live && b->size >= size && (b->off % align) == 0) {
			b->live = true;
			return (void *)(s->r.vbase + b->off);
		}
	}
	off = (s->bump + align - 1) & ~(align - 1);
	if (off + size > s->r.size)
		return NULL;
	if (s->nblocks == s->capblocks) {
		size_t cap = s->capblocks ? 2 * s->capblocks : 64;
		struct block *grown = realloc(s->blocks, cap * sizeof(*grown));

		if (!grown)
			return NULL;
		s->blocks = grown;
		s->capblocks = cap;
	}
	s->blocks[s->nblocks++] = (struct block){ off, size, true };
	s->bump = off + size;
	return (void *)(s->r.vbase + off);
}

static void *arena_alloc(enum dmc_mem_kind kind, enum dmc_zone zone, bool linear, size_t size,
			 size_t align, dmc_phys_t *phys)
{
	struct region_slot *s;
	void *p;

	if (!size || size > ARENA_SIZE / 2)
		return NULL;
	for (;;) {
		s = arena_for(kind, zone, linear);
		if (!s)
			return NULL;
		p = slot_alloc(s, size, align);
		if (p)
			break;
		s->bump = s->r.size;	/* full: the next round opens a new arena */
	}
	if (phys)
		*phys = s->r.phys + ((uintptr_t)p - s->r.vbase);
	return p;
}

void *dmc_arena_alloc(enum dmc_mem_kind kind, enum dmc_zone zone, size_t size, size_t align,
		      dmc_phys_t *phys)
{
	return arena_alloc(kind, zone, kind == DMC_MEM_HIGHMEM ? false : kind_is_linear(kind), size,
			   align, phys);
}

/* dma_common_contiguous_remap(): the pages are RAM in `zone`, the CPU address is not in the
 * linear map (it behaves as vmalloc space) */
void *dmc_arena_alloc_remap(enum dmc_zone zone, size_t size, dmc_phys_t *phys)
{
	return arena_alloc(DMC_MEM_COHERENT, zone, false, size, DMC_PAGE_SIZE, phys);
}

struct dmc_region *dmc_region_new_private(enum dmc_mem_kind kind, size_t size, uintptr_t owner,
					  dmc_dma_t bus)
{
	void *backing = aligned_alloc(DMC_PAGE_SIZE, (size + DMC_PAGE_SIZE - 1) & ~(DMC_PAGE_SIZE - 1));
	struct region_slot *s = backing ? new_slot() : NULL;

	if (!s) {
		free(backing);
		return NULL;
	}
	s->arena = true;
	s->backing = backing;
	s->zone = DMC_ZONE_NONE;
	s->r.kind = kind;
	s->r.vbase = (uintptr_t)backing;
	s->r.size = size;
	s->r.name = kind_names[kind];
	s->r.owner = owner;
	s->r.bus = bus;
	return &s->r;
}

void *dmc_region_alloc(struct dmc_region *r, size_t size, size_t align)
{
	struct region_slot *s = slot_of(r->vbase);

	return size ? slot_alloc(s, size, align) : NULL;
}

void dmc_region_delete(struct dmc_region *r)
{
	drop_slot(slot_of(r->vbase));
}

const struct dmc_region *dmc_region_by_bus(dmc_dma_t bus)
{
	for (size_t i = 0; i < mem.count; i++) {
		const struct region_slot *s = mem.slots[i];

		if (s->r.kind == DMC_MEM_HCD_LOCAL && bus >= s->r.bus && bus - s->r.bus < s->r.size)
			return &s->r;
	}
	return NULL;
}

static struct block *block_of(const void *p, struct region_slot **slot)
{
	struct region_slot *s = slot_of((uintptr_t)p);

	if (!s || !s->arena)
		return NULL;
	for (size_t i = 0; i < s->nblocks; i++) {
		if (s->blocks[i].live && s->r.vbase + s->blocks[i].off == (uintptr_t)p) {
			if (slot)
				*slot = s;
			return &s->blocks[i];
		}
	}
	return NULL;
}

bool dmc_arena_free(const void *p)
{
	struct block *b = block_of(p, NULL);

	if (!b)
		return false;
	b->live = false;
	return true;
}

void *dmc_kmalloc(size_t size, unsigned int gfp)
{
	enum dmc_zone zone = DMC_ZONE_NORMAL;
	void *p;

	if (gfp & DMC_GFP_DMA)
		zone = DMC_ZONE_DMA;
	else if (gfp & DMC_GFP_DMA32)
		zone = DMC_ZONE_DMA32;
	p = dmc_arena_alloc(DMC_MEM_KMALLOC, zone, size, 0, NULL);
	if (p && (gfp & DMC_GFP_ZERO))
		memset(p, 0, size);
	return p;
}

void dmc_kfree(const void *p)
{
	if (p)
		dmc_arena_free(p);
}

void *dmc_vmalloc(size_t size)
{
	return dmc_arena_alloc(DMC_MEM_VMALLOC, DMC_ZONE_NORMAL, size, DMC_PAGE_SIZE, NULL);
}

void dmc_vfree(const void *p)
{
	if (p)
		dmc_arena_free(p);
}

size_t dmc_ksize(const void *p)
{
	struct block *b = block_of(p, NULL);

	return b ? b->size : 0;
}

/* ---- classification -------------------------------------------------------------------- */

struct dmc_memref dmc_classify(const void *addr)
{
	struct region_slot *s = slot_of((uintptr_t)addr);
	struct dmc_memref ref = { DMC_MEM_UNKNOWN, DMC_ZONE_NONE, NULL, 0, false };

	if (!s)
		return ref;
	ref.kind = s->r.kind;
	ref.region = &s->r;
	ref.linear = s->r.linear;
	ref.phys = s->r.phys + ((uintptr_t)addr - s->r.vbase);
	ref.zone = (s->r.linear || s->r.kind == DMC_MEM_HIGHMEM) ? dmc_phys_zone(ref.phys)
								  : DMC_ZONE_NONE;
	return ref;
}

/* include/linux/sched/task_stack.h: only the *current* task's stack counts */
bool dmc_object_is_on_stack(const void *addr)
{
	struct region_slot *s = slot_of((uintptr_t)addr);

	return s && s->r.kind == DMC_MEM_STACK && s->r.owner == (uintptr_t)pthread_self();
}

bool dmc_is_vmalloc_addr(const void *addr)
{
	struct region_slot *s = slot_of((uintptr_t)addr);

	if (!s)
		return false;
	switch (s->r.kind) {
	case DMC_MEM_VMALLOC:
		return true;
	case DMC_MEM_STACK:
		return dmc_machine()->vmap_stack;
	case DMC_MEM_COHERENT:
		return !s->r.linear;	/* dma_common_contiguous_remap() */
	default:
		return false;
	}
}

bool dmc_virt_addr_valid(const void *addr)
{
	struct region_slot *s = slot_of((uintptr_t)addr);

	return s && s->r.linear;
}

/* RAM the model knows the physical address of: the linear map, highmem pages and remapped
 * coherent memory (vmalloc and vmap stacks are not physically contiguous: no phys). */
const struct dmc_region *dmc_region_by_phys(dmc_phys_t phys)
{
	for (size_t i = 0; i < mem.count; i++) {
		const struct region_slot *s = mem.slots[i];

		if (phys >= s->r.phys && phys - s->r.phys < s->r.size &&
		    (s->r.linear || s->r.kind == DMC_MEM_HIGHMEM || s->r.kind == DMC_MEM_COHERENT))
			return &s->r;
	}
	return NULL;
}

void *dmc_phys_to_virt(dmc_phys_t phys, size_t len)
{
	const struct dmc_region *r = dmc_region_by_phys(phys);

	if (!r || phys + len > r->phys + r->size)
		return NULL;
	return (void *)(r->vbase + (phys - r->phys));
}

/* ---- pages ----------------------------------------------------------------------------- */

/*
 * virt_to_page(): arithmetic on the linear map. For an address outside it the kernel computes
 * a struct page for a physical address that is not this buffer's (or not RAM at all); the
 * model returns an invalid page that remembers what the driver passed.
 */
struct dmc_page dmc_virt_to_page(const void *addr)
{
	struct dmc_memref ref = dmc_classify(addr);
	struct dmc_page page = { 0, NULL, false, ref.kind };

	if (ref.linear) {
		page.phys = ref.phys & ~(dmc_phys_t)(DMC_PAGE_SIZE - 1);
		page.vaddr = (void *)((uintptr_t)addr - (ref.phys - page.phys));
		page.valid = true;
	} else {
		/* __pa() of a vmalloc/module address: far outside RAM */
		page.phys = ((dmc_phys_t)(uintptr_t)addr | (1ULL << 62)) & ~(dmc_phys_t)(DMC_PAGE_SIZE - 1);
	}
	return page;
}

struct dmc_page dmc_alloc_page(unsigned int gfp)
{
	struct dmc_page page = { 0, NULL, false, DMC_MEM_KMALLOC };
	bool high = (gfp & DMC_GFP_HIGHMEM) && dmc_machine()->arch == DMC_ARCH_X86_32;
	enum dmc_zone zone = high ? DMC_ZONE_HIGHMEM :
			     (gfp & DMC_GFP_DMA) ? DMC_ZONE_DMA :
			     (gfp & DMC_GFP_DMA32) ? DMC_ZONE_DMA32 : DMC_ZONE_NORMAL;
	void *p = dmc_arena_alloc(high ? DMC_MEM_HIGHMEM : DMC_MEM_KMALLOC, zone, DMC_PAGE_SIZE,
				  DMC_PAGE_SIZE, &page.phys);

	if (!p)
		return page;
	page.valid = true;
	page.origin = high ? DMC_MEM_HIGHMEM : DMC_MEM_KMALLOC;
	page.vaddr = high ? NULL : p;
	return page;
}

void dmc_free_page(struct dmc_page page)
{
	void *p = page.valid ? dmc_phys_to_virt(page.phys, DMC_PAGE_SIZE) : NULL;

	if (p)
		dmc_arena_free(p);
}

void *dmc_page_address(struct dmc_page page)
{
	return page.valid ? page.vaddr : NULL;
}

/* A lowmem page is its linear address; a highmem page is reached through its backing (the
 * page of a registered region may start before the region: use the address, not phys). */
void *dmc_kmap(struct dmc_page page)
{
	if (!page.valid)
		return NULL;
	return page.vaddr ? page.vaddr : dmc_phys_to_virt(page.phys, 1);
}
