/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/wireless/broadcom/b43/dma.c (6.1) map_descbuffer(), b43_dma_mapping_error(), setup_rx_descbuffer(), dma_tx_fragment(); b43legacy/dma.c has the same shape; the untested caller is synthetic */
/* what: a map helper that keeps the handle in a local (one map per branch) and returns it leaves the test to its callers (silent; a false positive of the cocci script on the 6.1 scan); the caller that tests with the driver's check helper is silent, the caller that writes the handle to a descriptor untested is a finding */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct b43_dmadesc {
	__le32 addr;
	__le32 ctl;
};

struct b43_ring {
	struct device *dma_dev;
	struct b43_dmadesc desc[4];
	dma_addr_t dmaaddr[4];
};

/* map_descbuffer(): the handle kept in a local and returned */
static inline dma_addr_t map_descbuffer(struct b43_ring *ring, void *buf, size_t len, int tx)
{
	dma_addr_t dmaaddr;

	if (tx) {
		dmaaddr = dma_map_single(ring->dma_dev, buf, len, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	} else {
		dmaaddr = dma_map_single(ring->dma_dev, buf, len, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	}

	return dmaaddr;
}

/* b43_dma_mapping_error(): the driver's check helper */
static bool b43_map_error(struct b43_ring *ring, dma_addr_t addr, size_t len, int tx)
{
	if (unlikely(dma_mapping_error(ring->dma_dev, addr)))
		return true;
	if (addr + len > 0xffffffffULL) {
		dma_unmap_single(ring->dma_dev, addr, len, tx ? DMA_TO_DEVICE : DMA_FROM_DEVICE);
		return true;
	}
	return false;
}

/* setup_rx_descbuffer(): tested by the helper before the descriptor is written */
int setup_rx(struct b43_ring *ring, int slot, void *buf, size_t len)
{
	dma_addr_t dmaaddr;

	dmaaddr = map_descbuffer(ring, buf, len, 0); /* { dg-bogus "dmacheck" } */
	if (b43_map_error(ring, dmaaddr, len, 0))
		return -EIO;
	ring->dmaaddr[slot] = dmaaddr;
	ring->desc[slot].addr = cpu_to_le32((u32)dmaaddr);
	return 0;
}

/* the same helper, its handle written to the descriptor untested */
void setup_tx_untested(struct b43_ring *ring, int slot, void *buf, size_t len)
{
	dma_addr_t dmaaddr;

	dmaaddr = map_descbuffer(ring, buf, len, 1); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
	ring->dmaaddr[slot] = dmaaddr;
	ring->desc[slot].addr = cpu_to_le32((u32)dmaaddr);
}

/* oracle: each buffer mapped and unmapped as the ring's teardown does, on the platform device */
void case_run(struct case_env *env)
{
	struct b43_ring *ring = kzalloc(sizeof(*ring), GFP_KERNEL);
	void *rx = kzalloc(256, GFP_KERNEL), *tx = kzalloc(256, GFP_KERNEL);

	ring->dma_dev = &env->pdev->dev;
	if (!setup_rx(ring, 0, rx, 256))
		dma_unmap_single(ring->dma_dev, ring->dmaaddr[0], 256, DMA_FROM_DEVICE);
	setup_tx_untested(ring, 1, tx, 256);
	dma_unmap_single(ring->dma_dev, ring->dmaaddr[1], 256, DMA_TO_DEVICE);
	kfree(rx);
	kfree(tx);
	kfree(ring);
}
