/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/ethernet/via/via-velocity.c (6.1) velocity_alloc_rx_buf(), drivers/net/ethernet/amd/amd8111e.c (6.1) amd8111e_start_xmit(), drivers/infiniband/hw/qib/qib_user_pages.c (6.1) qib_map_page(); the tests against 0 are synthetic (velocity with a bug put in) */
/* what: a handle stored in the driver's ring info and then in the descriptor, untested or tested against 0 (a failed mapping is all ones); qib's test before its 0 check and its out-parameter are fine */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct rx_desc {
	__le32 rdesc0;
	__le16 size;
	__le32 pa_low;
	__le16 pa_high;
};

struct velocity_rd_info {
	struct sk_buff *skb;
	dma_addr_t skb_dma;
};

struct velocity_info {
	struct device *dev;
	struct {
		struct rx_desc *ring;
		struct velocity_rd_info *info;
		unsigned int buf_sz;
	} rx;
};

/* velocity_alloc_rx_buf() as in 6.1: the descriptor gets whatever the mapping returned */
int velocity_alloc_rx_buf(struct velocity_info *vptr, int idx)
{
	struct rx_desc *rd = &(vptr->rx.ring[idx]);
	struct velocity_rd_info *rd_info = &(vptr->rx.info[idx]);

	rd_info->skb_dma = dma_map_single(vptr->dev, rd_info->skb->data,
					  vptr->rx.buf_sz, DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
	rd->rdesc0 = 0;
	rd->size = cpu_to_le16(vptr->rx.buf_sz);
	rd->pa_low = cpu_to_le32(rd_info->skb_dma);
	rd->pa_high = 0;
	return 0;
}

/* the same with `!handle` as the test */
int velocity_alloc_rx_buf_not(struct velocity_info *vptr, int idx)
{
	struct rx_desc *rd = &(vptr->rx.ring[idx]);
	struct velocity_rd_info *rd_info = &(vptr->rx.info[idx]);

	rd_info->skb_dma = dma_map_single(vptr->dev, rd_info->skb->data,
					  vptr->rx.buf_sz, DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
	if (!rd_info->skb_dma)
		return -ENOMEM;
	rd->pa_low = cpu_to_le32(rd_info->skb_dma);
	return 0;
}

/* ... and with `== 0` on a local copy */
int velocity_alloc_rx_buf_zero(struct velocity_info *vptr, int idx)
{
	struct rx_desc *rd = &(vptr->rx.ring[idx]);
	struct velocity_rd_info *rd_info = &(vptr->rx.info[idx]);
	dma_addr_t dma;

	dma = dma_map_single(vptr->dev, rd_info->skb->data, vptr->rx.buf_sz,
			     DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
	if (dma == 0)
		return -ENOMEM;
	rd_info->skb_dma = dma;
	rd->pa_low = cpu_to_le32(dma);
	return 0;
}

/* fixed: dma_mapping_error() on the stored copy, before the descriptor is written */
int velocity_alloc_rx_buf_fixed(struct velocity_info *vptr, int idx)
{
	struct rx_desc *rd = &(vptr->rx.ring[idx]);
	struct velocity_rd_info *rd_info = &(vptr->rx.info[idx]);

	rd_info->skb_dma = dma_map_single(vptr->dev, rd_info->skb->data,
					  vptr->rx.buf_sz, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(vptr->dev, rd_info->skb_dma))
		return -ENOMEM;
	rd->pa_low = cpu_to_le32(rd_info->skb_dma); /* { dg-bogus "dmacheck" } */
	return 0;
}

/* velocity_free_rd_ring()'s unmap */
void velocity_free_rx_buf(struct velocity_info *vptr, int idx)
{
	struct velocity_rd_info *rd_info = &(vptr->rx.info[idx]);

	dma_unmap_single(vptr->dev, rd_info->skb_dma, vptr->rx.buf_sz, DMA_FROM_DEVICE);
	rd_info->skb_dma = 0;
}

struct amd8111e_tx_dr {
	__le16 buff_count;
	__le16 tx_flags;
	__le32 buff_phy_addr;
};

struct amd8111e_priv {
	struct amd8111e_tx_dr *tx_ring;
	dma_addr_t tx_dma_addr[4];
	struct sk_buff *tx_skbuff[4];
	struct device *dev;
	int tx_idx;
};

/* amd8111e_start_xmit(): the handle goes to lp->tx_dma_addr[] and the descriptor untested */
netdev_tx_t amd8111e_start_xmit(struct sk_buff *skb, struct amd8111e_priv *lp)
{
	int tx_index = lp->tx_idx & 3;

	lp->tx_ring[tx_index].buff_count = cpu_to_le16(skb->len);
	lp->tx_skbuff[tx_index] = skb;
	lp->tx_ring[tx_index].tx_flags = 0;
	lp->tx_dma_addr[tx_index] =
	    dma_map_single(lp->dev, skb->data, skb->len,
			   DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
	lp->tx_ring[tx_index].buff_phy_addr =
	    cpu_to_le32(lp->tx_dma_addr[tx_index]);
	lp->tx_idx++;
	return NETDEV_TX_OK;
}

/* amd8111e_tx(): the completion */
void amd8111e_tx(struct amd8111e_priv *lp, int tx_index)
{
	dma_unmap_single(lp->dev, lp->tx_dma_addr[tx_index], lp->tx_skbuff[tx_index]->len,
			 DMA_TO_DEVICE);
	lp->tx_dma_addr[tx_index] = 0;
}

/* qib_map_page(): tested first; the later test against 0 is about an address the chip
 * cannot take, and the out-parameter gets only a tested handle */
int qib_map_page(struct device *dev, struct page *page, dma_addr_t *daddr)
{
	dma_addr_t phys;

	phys = dma_map_page(dev, page, 0, PAGE_SIZE, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(dev, phys))
		return -ENOMEM;
	if (!phys) {
		dma_unmap_page(dev, phys, PAGE_SIZE, DMA_FROM_DEVICE);
		phys = dma_map_page(dev, page, 0, PAGE_SIZE, DMA_FROM_DEVICE);
		if (dma_mapping_error(dev, phys))
			return -ENOMEM;
	}
	*daddr = phys; /* { dg-bogus "dmacheck" } */
	return 0;
}

/* oracle: each refill variant on its own ring slot, unmapped as the ring is freed; a packet
 * sent and completed; a page mapped by qib_map_page() and unmapped */
void case_run(struct case_env *env)
{
	struct velocity_info *vptr = kzalloc(sizeof(*vptr), GFP_KERNEL);
	struct amd8111e_priv *lp = kzalloc(sizeof(*lp), GFP_KERNEL);
	struct sk_buff *skb = kzalloc(sizeof(*skb), GFP_KERNEL);
	void *page_buf = kzalloc(PAGE_SIZE, GFP_KERNEL);
	dma_addr_t daddr = 0;
	int i;

	vptr->dev = &env->pdev->dev;
	vptr->rx.buf_sz = 256;
	vptr->rx.ring = kcalloc(4, sizeof(struct rx_desc), GFP_KERNEL);
	vptr->rx.info = kcalloc(4, sizeof(struct velocity_rd_info), GFP_KERNEL);
	for (i = 0; i < 4; i++) {
		vptr->rx.info[i].skb = kzalloc(sizeof(struct sk_buff), GFP_KERNEL);
		vptr->rx.info[i].skb->data = kzalloc(256, GFP_KERNEL);
	}
	velocity_alloc_rx_buf(vptr, 0);
	velocity_alloc_rx_buf_not(vptr, 1);
	velocity_alloc_rx_buf_zero(vptr, 2);
	velocity_alloc_rx_buf_fixed(vptr, 3);
	for (i = 0; i < 4; i++) {
		velocity_free_rx_buf(vptr, i);
		kfree(vptr->rx.info[i].skb->data);
		kfree(vptr->rx.info[i].skb);
	}

	lp->dev = &env->pdev->dev;
	lp->tx_ring = kcalloc(4, sizeof(struct amd8111e_tx_dr), GFP_KERNEL);
	skb->data = kzalloc(128, GFP_KERNEL);
	skb->len = 128;
	amd8111e_start_xmit(skb, lp);
	amd8111e_tx(lp, 0);

	if (!qib_map_page(&env->pdev->dev, virt_to_page(page_buf), &daddr))
		dma_unmap_page(&env->pdev->dev, daddr, PAGE_SIZE, DMA_FROM_DEVICE);

	kfree(skb->data);
	kfree(skb);
	kfree(page_buf);
	kfree(lp->tx_ring);
	kfree(lp);
	kfree(vptr->rx.ring);
	kfree(vptr->rx.info);
	kfree(vptr);
}
