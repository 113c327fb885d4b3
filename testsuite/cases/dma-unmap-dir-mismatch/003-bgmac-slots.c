/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from drivers/net/ethernet/broadcom/bgmac.c (6.1) bgmac_dma_tx_add(), bgmac_dma_rx_skb_for_slot(), bgmac_dma_rx_read(), bgmac_dma_rx_ring_free(); bgmac_rx_free_wrong() is synthetic */
/* what: a first-run false positive: both rings are a struct bgmac_dma_ring whose slots[] hold the handle; TX maps through &ring->slots[i] (DMA_TO_DEVICE), RX through a slot pointer parameter (DMA_FROM_DEVICE), and the RX unmap reads &ring->slots[i] again: a store through a pointer of unknown outer member may write any ring's slot, so the RX unmap sees both directions and stays silent */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define BGMAC_RX_BUF_SIZE 2048
#define SLOTS 4

struct bgmac_slot_info {
	void *buf;
	dma_addr_t dma_addr;
};

struct bgmac_dma_ring {
	u32 start, end;
	struct bgmac_slot_info slots[SLOTS];
};

struct bgmac {
	struct device *dma_dev;
	struct bgmac_dma_ring tx_ring, rx_ring;
};

/* bgmac_dma_tx_add() */
int bgmac_dma_tx_add(struct bgmac *bgmac, struct bgmac_dma_ring *ring, struct sk_buff *skb)
{
	struct bgmac_slot_info *slot = &ring->slots[ring->end % SLOTS];

	slot->dma_addr = dma_map_single(bgmac->dma_dev, skb->data, skb->len, DMA_TO_DEVICE);
	if (dma_mapping_error(bgmac->dma_dev, slot->dma_addr))
		return -ENOMEM;
	ring->end++;
	return 0;
}

/* bgmac_dma_rx_skb_for_slot(): the slot comes in as a parameter */
int bgmac_dma_rx_skb_for_slot(struct bgmac *bgmac, struct bgmac_slot_info *slot, void *buf)
{
	dma_addr_t dma_addr;

	dma_addr = dma_map_single(bgmac->dma_dev, buf, BGMAC_RX_BUF_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(bgmac->dma_dev, dma_addr))
		return -ENOMEM;
	slot->buf = buf;
	slot->dma_addr = dma_addr;
	return 0;
}

/* bgmac_dma_rx_read(): the old buffer unmapped through &ring->slots[ring->start] */
void bgmac_dma_rx_read(struct bgmac *bgmac, struct bgmac_dma_ring *ring)
{
	struct bgmac_slot_info *slot = &ring->slots[ring->start % SLOTS];
	dma_addr_t dma_addr = slot->dma_addr;

	dma_unmap_single(bgmac->dma_dev, dma_addr, BGMAC_RX_BUF_SIZE, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	slot->dma_addr = 0;
}

/* the TX ring freed: TX only ever maps DMA_TO_DEVICE, but the RX refill's slot pointer
 * may be any ring's slot, so this is silent too */
void bgmac_dma_tx_ring_free(struct bgmac *bgmac, struct bgmac_dma_ring *ring, int i, int len)
{
	dma_unmap_single(bgmac->dma_dev, ring->slots[i].dma_addr, len, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	ring->slots[i].dma_addr = 0;
}

/* oracle: one packet sent and freed; one RX buffer mapped into the RX ring and read */
void case_run(struct case_env *env)
{
	struct bgmac *bgmac = kzalloc(sizeof(*bgmac), GFP_KERNEL);
	struct sk_buff *skb = kzalloc(sizeof(*skb), GFP_KERNEL);
	void *buf = kzalloc(BGMAC_RX_BUF_SIZE, GFP_KERNEL);

	bgmac->dma_dev = &env->pdev->dev;
	skb->data = kzalloc(128, GFP_KERNEL);
	skb->len = 128;
	if (!bgmac_dma_tx_add(bgmac, &bgmac->tx_ring, skb))
		bgmac_dma_tx_ring_free(bgmac, &bgmac->tx_ring, 0, 128);
	if (!bgmac_dma_rx_skb_for_slot(bgmac, &bgmac->rx_ring.slots[0], buf))
		bgmac_dma_rx_read(bgmac, &bgmac->rx_ring);
	kfree(buf);
	kfree(skb->data);
	kfree(skb);
	kfree(bgmac);
}
