/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from drivers/net/ethernet/amd/pcnet32.c (6.1) pcnet32_alloc_ring(), pcnet32_free_ring() with a bug put in (the two rings' handles crossed); the ring array is reduced from drivers/net/ethernet/marvell/skge.c (6.1) skge_ring_alloc() */
/* what: dma_free_coherent() given the TX ring's CPU address and the RX ring's handle (both rings allocated in one function, freed in another) is a finding; the right pairs, and one allocation call in a loop for an array of rings, stay silent */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define RING_BYTES 2048

struct pcnet32_rx_head { __le32 base; __le16 buf_length; __le16 status; __le32 msg_length; __le32 reserved; };
struct pcnet32_tx_head { __le32 base; __le16 length; __le16 status; __le32 misc; __le32 reserved; };

struct pcnet32_private {
	struct device *dev;
	struct pcnet32_rx_head *rx_ring;
	struct pcnet32_tx_head *tx_ring;
	dma_addr_t rx_ring_dma_addr;
	dma_addr_t tx_ring_dma_addr;
};

int pcnet32_alloc_ring(struct pcnet32_private *lp)
{
	lp->tx_ring = dma_alloc_coherent(lp->dev, RING_BYTES, &lp->tx_ring_dma_addr, GFP_KERNEL);
	if (!lp->tx_ring)
		return -ENOMEM;
	lp->rx_ring = dma_alloc_coherent(lp->dev, RING_BYTES, &lp->rx_ring_dma_addr, GFP_KERNEL);
	if (!lp->rx_ring)
		return -ENOMEM;
	return 0;
}

/* pcnet32_free_ring() with the handles crossed */
void pcnet32_free_ring_crossed(struct pcnet32_private *lp)
{
	dma_free_coherent(lp->dev, RING_BYTES, lp->tx_ring, lp->rx_ring_dma_addr); /* { dg-warning "dmacheck-dma-free-addr-mismatch" } */
	dma_free_coherent(lp->dev, RING_BYTES, lp->rx_ring, lp->tx_ring_dma_addr); /* { dg-warning "dmacheck-dma-free-addr-mismatch" } */
}

void pcnet32_free_ring(struct pcnet32_private *lp)
{
	dma_free_coherent(lp->dev, RING_BYTES, lp->tx_ring, lp->tx_ring_dma_addr); /* { dg-bogus "dmacheck" } */
	lp->tx_ring = NULL;
	dma_free_coherent(lp->dev, RING_BYTES, lp->rx_ring, lp->rx_ring_dma_addr); /* { dg-bogus "dmacheck" } */
	lp->rx_ring = NULL;
}

/* skge-style: an array of rings, one allocation call */
struct ring_mem {
	void *start;
	dma_addr_t dma;
};

struct skge_hw {
	struct device *dev;
	struct ring_mem ring[2];
};

int skge_ring_alloc(struct skge_hw *hw)
{
	int i;

	for (i = 0; i < 2; i++) {
		hw->ring[i].start = dma_alloc_coherent(hw->dev, RING_BYTES, &hw->ring[i].dma,
						       GFP_KERNEL);
		if (!hw->ring[i].start)
			return -ENOMEM;
	}
	return 0;
}

void skge_ring_free(struct skge_hw *hw, int i)
{
	dma_free_coherent(hw->dev, RING_BYTES, hw->ring[i].start, hw->ring[i].dma); /* { dg-bogus "dmacheck" } */
}

/* oracle: the rings allocated and freed crossed, then allocated and freed right; the ring
 * array allocated and freed */
void case_run(struct case_env *env)
{
	struct pcnet32_private *lp = kzalloc(sizeof(*lp), GFP_KERNEL);
	struct skge_hw *hw = kzalloc(sizeof(*hw), GFP_KERNEL);

	lp->dev = &env->pdev->dev;
	if (!pcnet32_alloc_ring(lp))
		pcnet32_free_ring_crossed(lp);
	if (!pcnet32_alloc_ring(lp))
		pcnet32_free_ring(lp);
	hw->dev = &env->pdev->dev;
	if (!skge_ring_alloc(hw)) {
		skge_ring_free(hw, 0);
		skge_ring_free(hw, 1);
	}
	kfree(hw);
	kfree(lp);
}
