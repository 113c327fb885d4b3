// SPDX-License-Identifier: GPL-2.0
/*
 * usb_buffer.c - DMA-consistent buffers for USB: drivers/usb/core/buffer.c (hcd_buffer_create,
 * hcd_buffer_destroy, hcd_buffer_alloc, hcd_buffer_free) and the usb_alloc_coherent() /
 * usb_free_coherent() wrappers of drivers/usb/core/usb.c.
 *
 * hcd_buffer_alloc() has four ways to get memory, tried in this order:
 *   - the controller's local memory (gen_pool), for controllers that can only DMA from it;
 *   - kmalloc() with a DMA handle of ~0, for controllers that do not DMA at all ("some USB
 *     hosts just use PIO") -- so usb_alloc_coherent() "succeeds" with a handle of ~0 there;
 *   - one of four dma_pools of 32, 128, 512 and 2048 byte blocks;
 *   - dma_alloc_coherent() for anything bigger.
 * hcd_buffer_free() must be given the same size to find the same pool.
 *
 * usb_init_pool_max() drops the 32-byte pool where kmalloc's minimum alignment is 128
 * (arm64 in 6.1, ARCH_DMA_MINALIGN 128): there the smallest requests come from buffer-128.
 *
 * Limits: no pool statistics; the pools are created when the controller is, so the arm64
 * layout follows the machine the controller was created on.
 */
#include "internal.h"

#include <string.h>

/* FIXME tune these based on pool statistics ... */
static const size_t pool_max_init[DMC_HCD_BUFFER_POOLS] = {
	32, 128, 512, 2048,
};

static const char *const pool_names[DMC_HCD_BUFFER_POOLS] = {
	"buffer-32", "buffer-128", "buffer-512", "buffer-2048",
};

/* usb_init_pool_max(): the pool_max values must never be smaller than ARCH_KMALLOC_MINALIGN
 * (6.1) or ARCH_DMA_MINALIGN (6.12): both are 128 on arm64 and 8 on x86_64,
 * so the pools are the same on both kernels */
static size_t pool_max(int i)
{
	if (i == 0 && dmc_machine()->arch == DMC_ARCH_ARM64)
		return 0;	/* ARCH_KMALLOC_MINALIGN 128: don't use this pool */
	return pool_max_init[i];
}

static bool hcd_uses_dma(const struct dmc_usb_hcd *hcd)
{
	return hcd->self.uses_dma;
}

/* hcd_buffer_create(): the pools, for controllers that DMA from system memory */
int dmc_hcd_buffer_create(struct dmc_usb_hcd *hcd)
{
	if (hcd->localmem_pool || !hcd_uses_dma(hcd))
		return 0;

	for (int i = 0; i < DMC_HCD_BUFFER_POOLS; i++) {
		size_t size = pool_max(i);

		if (!size)
			continue;
		hcd->pool[i] = dmc_dma_pool_create(pool_names[i], hcd->self.sysdev, size, size);
		if (!hcd->pool[i]) {
			dmc_hcd_buffer_destroy(hcd);
			return -DMC_ENOMEM;
		}
	}
	return 0;
}

/* hcd_buffer_destroy() */
void dmc_hcd_buffer_destroy(struct dmc_usb_hcd *hcd)
{
	for (int i = 0; i < DMC_HCD_BUFFER_POOLS; i++) {
		dmc_dma_pool_destroy(hcd->pool[i]);
		hcd->pool[i] = NULL;
	}
}

/*
 * model: the buffers hcd_buffer_alloc() handed out on a PIO controller. The kernel gives each
 * the handle ~0 and forgets it; the model remembers them so that urb-dma-flag-missing can
 * tell the driver's own handle of a buffer from a stale one (see usb_hcd.c).
 */
#define PIO_BUFFERS_MAX 256
static struct { const struct dmc_usb_hcd *hcd; const void *addr; } pio_buffers[PIO_BUFFERS_MAX];

static void pio_buffer_note(const struct dmc_usb_hcd *hcd, const void *addr, bool live)
{
	for (int i = 0; i < PIO_BUFFERS_MAX; i++) {
		if (live && !pio_buffers[i].addr) {
			pio_buffers[i].hcd = hcd;
			pio_buffers[i].addr = addr;
			return;
		}
		if (!live && pio_buffers[i].addr == addr) {
			pio_buffers[i].addr = NULL;
			return;
		}
	}
}

void dmc_hcd_pio_buffers_reset(void)
{
	memset(pio_buffers, 0, sizeof(pio_buffers));
}

bool dmc_hcd_pio_buffer(const struct dmc_usb_hcd *hcd, const void *addr)
{
	for (int i = 0; i < PIO_BUFFERS_MAX; i++)
		if (pio_buffers[i].addr == addr && pio_buffers[i].hcd == hcd)
			return true;
	return false;
}

/* hcd_buffer_alloc(): sometimes alloc/free could use kmalloc with GFP_DMA, for better sharing
 * and to force even small buffers to be "real" DMA-able memory */
void *dmc_hcd_buffer_alloc(struct dmc_usb_bus *bus, size_t size, unsigned int mem_flags,
			   dmc_dma_t *dma)
{
	struct dmc_usb_hcd *hcd = bus->hcd;

	if (size == 0)
		return NULL;

	if (hcd->localmem_pool)
		return dmc_gen_pool_dma_alloc(hcd->localmem_pool, size, dma);

	/* some USB hosts just use PIO */
	if (!hcd_uses_dma(hcd)) {
		void *buf = dmc_kmalloc(size, mem_flags);

		*dma = ~(dmc_dma_t)0;
		if (buf)
			pio_buffer_note(hcd, buf, true);
		return buf;
	}

	for (int i = 0; i < DMC_HCD_BUFFER_POOLS; i++) {
		if (size <= pool_max(i))
			return dmc_dma_pool_alloc(hcd->pool[i], mem_flags, dma);
	}
	return dmc_dma_alloc_coherent(hcd->self.sysdev, size, dma, mem_flags);
}

/* hcd_buffer_free() */
void dmc_hcd_buffer_free(struct dmc_usb_bus *bus, size_t size, void *addr, dmc_dma_t dma)
{
	struct dmc_usb_hcd *hcd = bus->hcd;

	if (!addr)
		return;

	if (hcd->localmem_pool) {
		dmc_gen_pool_free(hcd->localmem_pool, addr, size);
		return;
	}

	if (!hcd_uses_dma(hcd)) {
		pio_buffer_note(hcd, addr, false);
		dmc_kfree(addr);
		return;
	}

	for (int i = 0; i < DMC_HCD_BUFFER_POOLS; i++) {
		if (size <= pool_max(i)) {
			dmc_dma_pool_free(hcd->pool[i], addr, dma);
			return;
		}
	}
	dmc_dma_free_coherent(hcd->self.sysdev, size, addr, dma);
}

/* usb.c usb_alloc_coherent(): a buffer for URB_NO_TRANSFER_DMA_MAP, with its handle */
void *dmc_usb_alloc_coherent(struct dmc_usb_device *dev, size_t size, unsigned int mem_flags,
			     dmc_dma_t *dma)
{
	if (!dev || !dev->bus)
		return NULL;
	return dmc_hcd_buffer_alloc(dev->bus, size, mem_flags, dma);
}

/* usb.c usb_free_coherent() */
void dmc_usb_free_coherent(struct dmc_usb_device *dev, size_t size, void *addr, dmc_dma_t dma)
{
	if (!dev || !dev->bus)
		return;
	if (!addr)
		return;
	dmc_hcd_buffer_free(dev->bus, size, addr, dma);
}
