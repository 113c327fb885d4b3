/* SPDX-License-Identifier: GPL-2.0 */
/*
 * internal.h - what the core's files share and drivers do not see: event reporting, the
 * model machine's global state, the ledger's entry points and small helpers.
 */
#ifndef DMACORE_INTERNAL_H
#define DMACORE_INTERNAL_H

#include "dmacore.h"

#include <stdarg.h>

#if defined(__GNUC__)
#define DMC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DMC_PRINTF(a, b)
#endif

#define DMC_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define DMC_MIN(a, b) ((a) < (b) ? (a) : (b))

/*
 * Record an event. kernel_msg is what 6.1 prints ("" or NULL: nothing), detail the model's
 * explanation; build either with dmc_fmt().
 */
void dmc_report(enum dmc_rule rule, enum dmc_outcome outcome, int ret, const char *kfunc,
		const void *addr, const char *kernel_msg, const char *detail);
/* snprintf into a rotating static buffer (8 slots), for building report texts. */
const char *dmc_fmt(const char *fmt, ...) DMC_PRINTF(1, 2);

/* Make room for element n of a growing array (doubling); aborts on OOM, because the model
 * must not lose a verdict or a mapping silently. */
void *dmc_grow(void *arr, size_t *cap, size_t n, size_t elem);

/* WARN_ONCE: true the first time a (site) key is seen in this machine's life. */
bool dmc_warn_once(const char *key);

/* Memory internals shared by dma and usb code. */
void dmc_mem_init(void);
void dmc_mem_exit(void);
/* Allocate from the arena for `kind` in `zone` (COHERENT, SWIOTLB, KMALLOC...). */
void *dmc_arena_alloc(enum dmc_mem_kind kind, enum dmc_zone zone, size_t size, size_t align,
		      dmc_phys_t *phys);
bool dmc_arena_free(const void *p);
/* A region of its own (gen_pool local memory): fixed size, never picked for other requests. */
struct dmc_region *dmc_region_new_private(enum dmc_mem_kind kind, size_t size, uintptr_t owner,
					  dmc_dma_t bus);
void *dmc_region_alloc(struct dmc_region *r, size_t size, size_t align);
void dmc_region_delete(struct dmc_region *r);
const struct dmc_region *dmc_region_by_bus(dmc_dma_t bus);
/* CPU backing memory of a physical range, NULL if no RAM region covers it. */
void *dmc_phys_to_virt(dmc_phys_t phys, size_t len);
const struct dmc_region *dmc_region_by_phys(dmc_phys_t phys);

/* Ledger (kernel/dma/debug.c) */
/* 6.1's dma-debug types: map_single and map_page are both "single" */
enum dmc_map_type { DMC_MAP_SINGLE, DMC_MAP_SG, DMC_MAP_COHERENT };
void dmc_ledger_init(void);
void dmc_ledger_exit(void);
void dmc_ledger_add(struct dmc_device *dev, enum dmc_map_type type, dmc_dma_t dev_addr,
		    size_t size, enum dmc_dir dir, dmc_phys_t phys, const void *cpu_addr,
		    int sg_nents);
void dmc_ledger_mapping_error(struct dmc_device *dev, dmc_dma_t addr);
/* debug_dma_unmap_sg()'s first entry: compares the unmap's nents with the map's (reported
 * once per call) and returns the map's nents, 0 if the list's first entry is not mapped. */
int dmc_ledger_unmap_sg_ents(struct dmc_device *dev, dmc_dma_t first, int nents,
			     const char *kfunc);
/* Checks and removes; returns true if the entry existed. */
bool dmc_ledger_unmap(struct dmc_device *dev, enum dmc_map_type type, dmc_dma_t dev_addr,
		      size_t size, enum dmc_dir dir, const void *cpu_addr, const char *kfunc);
void dmc_ledger_sync(struct dmc_device *dev, dmc_dma_t addr, size_t size, enum dmc_dir dir,
		     bool to_cpu, const char *kfunc);
/* Is [addr, addr+len) covered by a live mapping or coherent allocation of dev? */
bool dmc_ledger_covers(const struct dmc_device *dev, dmc_dma_t addr, size_t len);
/* ... and is that mapping or allocation the one of the CPU address cpu (same memory)? */
bool dmc_ledger_maps(const struct dmc_device *dev, dmc_dma_t addr, size_t len, const void *cpu);
void dmc_ledger_release(struct dmc_device *dev);

/* Devices and DMA state */
void dmc_devices_init(void);
void dmc_dma_state_init(void);
void dmc_dma_state_exit(void);
/* Coherent memory remapped outside the linear map (non-coherent arm64 devices). */
void *dmc_arena_alloc_remap(enum dmc_zone zone, size_t size, dmc_phys_t *phys);

extern const char *const dmc_dir_names[4];

/* USB internals (usb_buffer.c, usb_hcd.c) */
int dmc_hcd_buffer_create(struct dmc_usb_hcd *hcd);
void dmc_hcd_buffer_destroy(struct dmc_usb_hcd *hcd);
/* Was addr handed out by hcd_buffer_alloc() of this PIO controller (handle ~0)? */
bool dmc_hcd_pio_buffer(const struct dmc_usb_hcd *hcd, const void *addr);
void dmc_hcd_pio_buffers_reset(void);	/* at boot (dmc_usb_state_reset) */
/* usb_hcd_submit_urb(); driver_dma: the handle the driver stored, 0 if none */
int dmc_usb_hcd_submit_urb(struct dmc_urb *urb, unsigned int gfp, dmc_dma_t driver_dma);
/* The transfer_dma the *driver* stored (0 if none, or if it is the HCD's stale one). */
dmc_dma_t dmc_urb_driver_dma(const struct dmc_urb *urb);
void dmc_urb_forget(const struct dmc_urb *urb);
void dmc_usb_state_reset(void);

#endif /* DMACORE_INTERNAL_H */
