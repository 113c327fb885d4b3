/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/ethernet/3com/typhoon.c (6.1) typhoon_start_tx(), typhoon_alloc_rx_skb(), drivers/net/ethernet/dec/tulip/dmfe.c (6.1) allocate_rx_buffer(); found by dmacheck on the 6.1 tree (docs/findings-6.1.md) */
/* what: the head and each fragment of a packet, and receive buffers in a refill loop, programmed into descriptors untested; the same loops with the test stay silent */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define TYPHOON_FRAG_DESC	0x40
#define PKT_BUF_SZ		256

struct tx_desc {
	u8 flags;
	u8 numDesc;
	__le16 len;
	struct {
		__le32 addr;
		__le32 addrHi;
	} frag;
};

struct rx_free {
	__le32 physAddr;
	u32 virtAddr;
};

struct rxbuff_ent {
	struct sk_buff *skb;
	dma_addr_t dma_addr;
};

struct typhoon {
	struct device *dev;
	struct tx_desc *tx_ring;
	struct rx_free *rx_ring;
	struct rxbuff_ent rxbuffers[4];
};

/* typhoon_start_tx(): the head, then every fragment (by its kernel address) */
int typhoon_start_tx(struct typhoon *tp, struct sk_buff *skb, void **frag_addr)
{
	struct tx_desc *txd = &tp->tx_ring[0];
	dma_addr_t skb_dma;
	int i, len;

	len = skb_headlen(skb);
	skb_dma = dma_map_single(tp->dev, skb->data, len,
				 DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
	txd->flags = TYPHOON_FRAG_DESC;
	txd->len = cpu_to_le16(len);
	txd->frag.addr = cpu_to_le32(skb_dma);
	txd->frag.addrHi = 0;

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];

		txd = &tp->tx_ring[i + 1];
		len = skb_frag_size(frag);
		skb_dma = dma_map_single(tp->dev, frag_addr[i],
					 len, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
		txd->flags = TYPHOON_FRAG_DESC;
		txd->len = cpu_to_le16(len);
		txd->frag.addr = cpu_to_le32(skb_dma);
		txd->frag.addrHi = 0;
	}
	return 0;
}

/* typhoon_alloc_rx_skb(): the free ring and the driver's own copy */
int typhoon_alloc_rx_skb(struct typhoon *tp, u32 idx, struct sk_buff *skb)
{
	struct rxbuff_ent *rxb = &tp->rxbuffers[idx];
	struct rx_free *r = &tp->rx_ring[idx];
	dma_addr_t dma_addr;

	dma_addr = dma_map_single(tp->dev, skb->data, PKT_BUF_SZ,
				  DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
	r->virtAddr = idx;
	r->physAddr = cpu_to_le32(dma_addr);
	rxb->skb = skb;
	rxb->dma_addr = dma_addr;
	return 0;
}

/* fixed as typhoon's later upstream versions do it */
int typhoon_alloc_rx_skb_fixed(struct typhoon *tp, u32 idx, struct sk_buff *skb)
{
	struct rxbuff_ent *rxb = &tp->rxbuffers[idx];
	struct rx_free *r = &tp->rx_ring[idx];
	dma_addr_t dma_addr;

	dma_addr = dma_map_single(tp->dev, skb->data, PKT_BUF_SZ,
				  DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(tp->dev, dma_addr))
		return -ENOMEM;
	r->virtAddr = idx;
	r->physAddr = cpu_to_le32(dma_addr); /* { dg-bogus "dmacheck" } */
	rxb->skb = skb;
	rxb->dma_addr = dma_addr;
	return 0;
}

struct dmfe_rx_desc {
	__le32 rdes0, rdes1, rdes2, rdes3;
	struct sk_buff *rx_skb_ptr;
};

struct dmfe_board_info {
	struct device *dev;
	struct dmfe_rx_desc *rx_ring;
	u32 rx_avail_cnt;
};

/* allocate_rx_buffer(): the refill loop, the handle straight into the descriptor */
void dmfe_allocate_rx_buffer(struct dmfe_board_info *db, struct sk_buff **skbs, int n)
{
	struct dmfe_rx_desc *rxptr = db->rx_ring;
	int i;

	for (i = 0; i < n; i++, rxptr++) {
		rxptr->rx_skb_ptr = skbs[i];
		rxptr->rdes2 = cpu_to_le32(dma_map_single(db->dev, skbs[i]->data,
							  PKT_BUF_SZ, DMA_FROM_DEVICE)); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
		rxptr->rdes0 = cpu_to_le32(0x80000000);
		db->rx_avail_cnt++;
	}
}

/* the loop with the test */
void dmfe_allocate_rx_buffer_fixed(struct dmfe_board_info *db, struct sk_buff **skbs, int n)
{
	struct dmfe_rx_desc *rxptr = db->rx_ring;
	dma_addr_t dma;
	int i;

	for (i = 0; i < n; i++, rxptr++) {
		dma = dma_map_single(db->dev, skbs[i]->data, PKT_BUF_SZ, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
		if (dma_mapping_error(db->dev, dma))
			break;
		rxptr->rx_skb_ptr = skbs[i];
		rxptr->rdes2 = cpu_to_le32(dma); /* { dg-bogus "dmacheck" } */
		rxptr->rdes0 = cpu_to_le32(0x80000000);
		db->rx_avail_cnt++;
	}
}

/* oracle: a packet with one fragment sent, two receive buffers each way, all unmapped as the
 * completions and dmfe_free_rxbuffer() do */
void case_run(struct case_env *env)
{
	struct typhoon *tp = kzalloc(sizeof(*tp), GFP_KERNEL);
	struct dmfe_board_info *db = kzalloc(sizeof(*db), GFP_KERNEL);
	struct sk_buff *skb = kzalloc(sizeof(*skb), GFP_KERNEL);
	struct sk_buff *rx[2];
	void *frag_addr[1];
	int i;

	tp->dev = &env->pdev->dev;
	tp->tx_ring = kcalloc(4, sizeof(struct tx_desc), GFP_KERNEL);
	tp->rx_ring = kcalloc(4, sizeof(struct rx_free), GFP_KERNEL);
	skb->head = kzalloc(64 + sizeof(struct skb_shared_info), GFP_KERNEL);
	skb->data = skb->head;
	skb->end = 64;
	frag_addr[0] = kzalloc(128, GFP_KERNEL);
	skb_shinfo(skb)->frags[0].bv_page = virt_to_page(frag_addr[0]);
	skb_shinfo(skb)->frags[0].bv_offset = offset_in_page(frag_addr[0]);
	skb_shinfo(skb)->frags[0].bv_len = 128;
	skb_shinfo(skb)->nr_frags = 1;
	skb->len = 64 + 128;
	skb->data_len = 128;
	typhoon_start_tx(tp, skb, frag_addr);
	for (i = 0; i < 2; i++)
		dma_unmap_single(tp->dev, le32_to_cpu(tp->tx_ring[i].frag.addr),
				 le16_to_cpu(tp->tx_ring[i].len), DMA_TO_DEVICE);

	for (i = 0; i < 2; i++) {
		rx[i] = kzalloc(sizeof(struct sk_buff), GFP_KERNEL);
		rx[i]->data = kzalloc(PKT_BUF_SZ, GFP_KERNEL);
	}
	typhoon_alloc_rx_skb(tp, 0, rx[0]);
	typhoon_alloc_rx_skb_fixed(tp, 1, rx[1]);
	for (i = 0; i < 2; i++)
		dma_unmap_single(tp->dev, tp->rxbuffers[i].dma_addr, PKT_BUF_SZ, DMA_FROM_DEVICE);

	db->dev = &env->pdev->dev;
	db->rx_ring = kcalloc(2, sizeof(struct dmfe_rx_desc), GFP_KERNEL);
	dmfe_allocate_rx_buffer(db, rx, 2);
	for (i = 0; i < 2; i++)
		dma_unmap_single(db->dev, le32_to_cpu(db->rx_ring[i].rdes2), PKT_BUF_SZ,
				 DMA_FROM_DEVICE);
	dmfe_allocate_rx_buffer_fixed(db, rx, 2);
	for (i = 0; i < 2; i++)
		dma_unmap_single(db->dev, le32_to_cpu(db->rx_ring[i].rdes2), PKT_BUF_SZ,
				 DMA_FROM_DEVICE);

	for (i = 0; i < 2; i++) {
		kfree(rx[i]->data);
		kfree(rx[i]);
	}
	kfree(frag_addr[0]);
	dev_kfree_skb_any(skb);
	kfree(db->rx_ring);
	kfree(db);
	kfree(tp->rx_ring);
	kfree(tp->tx_ring);
	kfree(tp);
}
