/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from drivers/net/ethernet/dec/tulip/interrupt.c (6.1) tulip_refill_rx() and tulip_interrupt(); the TX ring is mapped in tulip_core.c, another file; tulip_clean_rx_wrong() is synthetic (the RX ring unmapped with the TX direction) */
/* what: a first-run false positive: this file maps only the RX ring (DMA_FROM_DEVICE) into struct ring_info, but unmaps the TX ring's ring_info (mapped DMA_TO_DEVICE in tulip_core.c); the rings are told apart by the outer member (tp->rx_buffers / tp->tx_buffers), also when sparse sees tp->tx_buffers[entry] as an address plus an offset, so the TX unmap stays silent; the RX ring unmapped with the wrong direction is still found */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define RX_RING_SIZE 4
#define TX_RING_SIZE 4
#define PKT_BUF_SZ 1536

struct ring_info {
	struct sk_buff *skb;
	dma_addr_t mapping;
};

struct tulip_private {
	struct device *dev;
	struct ring_info rx_buffers[RX_RING_SIZE];
	struct ring_info tx_buffers[TX_RING_SIZE];
	u8 setup_frame[192];
};

/* tulip_refill_rx() */
int tulip_refill_rx(struct tulip_private *tp, int entry)
{
	struct sk_buff *skb = tp->rx_buffers[entry].skb;
	dma_addr_t mapping;

	mapping = dma_map_single(tp->dev, skb->data, PKT_BUF_SZ, DMA_FROM_DEVICE);
	if (dma_mapping_error(tp->dev, mapping))
		return -ENOMEM;
	tp->rx_buffers[entry].mapping = mapping;
	return 0;
}

/* tulip_interrupt()'s TX completion: the setup frame and the packets were mapped in
 * tulip_core.c (tulip_start_xmit(), build_setup_frame_hash()) */
void tulip_tx_done(struct tulip_private *tp, int entry)
{
	if (tp->tx_buffers[entry].skb == NULL) {
		dma_unmap_single(tp->dev, tp->tx_buffers[entry].mapping,
				 sizeof(tp->setup_frame), DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
		return;
	}
	dma_unmap_single(tp->dev, tp->tx_buffers[entry].mapping,
			 tp->tx_buffers[entry].skb->len, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
}

void tulip_clean_rx_wrong(struct tulip_private *tp, int entry)
{
	dma_unmap_single(tp->dev, tp->rx_buffers[entry].mapping, PKT_BUF_SZ,
			 DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-unmap-dir-mismatch" } */
}

/* tulip_core.c's tulip_start_xmit() and setup frame, for the run */
int tulip_core_start_xmit(struct tulip_private *tp, struct sk_buff *skb, int entry,
			  dma_addr_t *out);
int tulip_core_map_setup(struct tulip_private *tp, dma_addr_t *out);

/* oracle: one RX buffer refilled and unmapped the wrong way; one packet and the setup frame
 * mapped by the other file's code (tulip_core_*(), built only for the oracle) and completed */
#ifdef DMACHECK_ORACLE
int tulip_core_start_xmit(struct tulip_private *tp, struct sk_buff *skb, int entry,
			  dma_addr_t *out)
{
	*out = dma_map_single(tp->dev, skb->data, skb->len, DMA_TO_DEVICE);
	return dma_mapping_error(tp->dev, *out);
}

int tulip_core_map_setup(struct tulip_private *tp, dma_addr_t *out)
{
	*out = dma_map_single(tp->dev, tp->setup_frame, sizeof(tp->setup_frame), DMA_TO_DEVICE);
	return dma_mapping_error(tp->dev, *out);
}
#endif

void case_run(struct case_env *env)
{
	struct tulip_private *tp = kzalloc(sizeof(*tp), GFP_KERNEL);
	struct sk_buff *rx = kzalloc(sizeof(*rx), GFP_KERNEL), *tx = kzalloc(sizeof(*tx), GFP_KERNEL);
	dma_addr_t m;

	tp->dev = &env->pdev->dev;
	rx->data = kzalloc(PKT_BUF_SZ, GFP_KERNEL);
	tx->data = kzalloc(128, GFP_KERNEL);
	tx->len = 128;
	tp->rx_buffers[0].skb = rx;
	if (!tulip_refill_rx(tp, 0))
		tulip_clean_rx_wrong(tp, 0);
	if (!tulip_core_start_xmit(tp, tx, 1, &m)) {
		tp->tx_buffers[1].skb = tx;
		tp->tx_buffers[1].mapping = m;
		tulip_tx_done(tp, 1);
	}
	if (!tulip_core_map_setup(tp, &m)) {
		tp->tx_buffers[2].mapping = m;
		tulip_tx_done(tp, 2);
	}
	kfree(rx->data);
	kfree(tx->data);
	kfree(rx);
	kfree(tx);
	kfree(tp);
}
