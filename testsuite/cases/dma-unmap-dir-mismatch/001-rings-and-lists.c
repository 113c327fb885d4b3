/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from drivers/net/ethernet/dec/tulip/de2104x.c (6.1) de_refill_rx(), de_start_xmit(), de_tx(), de_clean_rings(); drivers/net/ethernet/via/via-velocity.c (6.1) velocity_alloc_rx_buf(), velocity_free_rd_ring() with a bug put in (the unmap's direction); the scatterlist pair is synthetic, the shape of the upstream "Fix dma_unmap_sg() direction" fixes */
/* what: a handle mapped DMA_FROM_DEVICE into a member in the refill and unmapped DMA_TO_DEVICE in another function, and a list mapped from req->dst unmapped with another direction, are findings; two rings sharing one struct type (de2104x's struct ring_info, RX and TX) and directions that are not constants stay silent */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

/* ---- de2104x: one struct ring_info for both rings ---- */
struct ring_info {
	struct sk_buff *skb;
	dma_addr_t mapping;
};

struct de_private {
	struct device *dev;
	struct ring_info tx_skb[4];
	struct ring_info rx_skb[4];
	unsigned int rx_buf_sz;
};

int de_refill_rx(struct de_private *de, int i)
{
	struct sk_buff *skb = de->rx_skb[i].skb;

	de->rx_skb[i].mapping = dma_map_single(de->dev, skb->data, de->rx_buf_sz,
					       DMA_FROM_DEVICE);
	if (dma_mapping_error(de->dev, de->rx_skb[i].mapping))
		return -ENOMEM;
	return 0;
}

int de_start_xmit(struct sk_buff *skb, struct de_private *de, int entry)
{
	dma_addr_t mapping;

	mapping = dma_map_single(de->dev, skb->data, skb->len, DMA_TO_DEVICE);
	if (dma_mapping_error(de->dev, mapping))
		return -ENOMEM;
	de->tx_skb[entry].skb = skb;
	de->tx_skb[entry].mapping = mapping;
	return 0;
}

/* the TX completion: ring_info.mapping holds RX (FROM) and TX (TO) mappings, so the member
 * proves nothing about which one this is */
void de_tx(struct de_private *de, int tx_tail)
{
	struct sk_buff *skb = de->tx_skb[tx_tail].skb;

	dma_unmap_single(de->dev, de->tx_skb[tx_tail].mapping, skb->len, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
}

void de_clean_rx(struct de_private *de, int i)
{
	dma_unmap_single(de->dev, de->rx_skb[i].mapping, de->rx_buf_sz, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
}

/* ---- via-velocity: a member that only ever holds RX mappings ---- */
struct velocity_rd_info {
	struct sk_buff *skb;
	dma_addr_t skb_dma;
};

struct velocity_info {
	struct device *dev;
	struct velocity_rd_info *rd_info;
	unsigned int buf_sz;
};

int velocity_alloc_rx_buf(struct velocity_info *vptr, int idx)
{
	struct velocity_rd_info *rd_info = &vptr->rd_info[idx];

	rd_info->skb_dma = dma_map_single(vptr->dev, rd_info->skb->data, vptr->buf_sz,
					  DMA_FROM_DEVICE);
	if (dma_mapping_error(vptr->dev, rd_info->skb_dma))
		return -ENOMEM;
	return 0;
}

/* velocity_free_rd_ring() with the direction of the TX ring's unmap */
void velocity_free_rd(struct velocity_info *vptr, int i)
{
	struct velocity_rd_info *rd_info = &vptr->rd_info[i];

	dma_unmap_single(vptr->dev, rd_info->skb_dma, vptr->buf_sz, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-unmap-dir-mismatch" } */
	rd_info->skb_dma = 0;
}

void velocity_free_rd_fixed(struct velocity_info *vptr, int i)
{
	struct velocity_rd_info *rd_info = &vptr->rd_info[i];

	dma_unmap_single(vptr->dev, rd_info->skb_dma, vptr->buf_sz, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	rd_info->skb_dma = 0;
}

/* ---- a request's destination list ---- */
struct crypt_req {
	struct scatterlist *src, *dst;
	int src_nents, dst_nents;
};

int crypt_map_dst(struct device *dev, struct crypt_req *req)
{
	if (!dma_map_sg(dev, req->dst, req->dst_nents, DMA_FROM_DEVICE))
		return -ENOMEM;
	return 0;
}

void crypt_done(struct device *dev, struct crypt_req *req)
{
	dma_unmap_sg(dev, req->dst, req->dst_nents, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-unmap-dir-mismatch" } */
}

void crypt_done_fixed(struct device *dev, struct crypt_req *req)
{
	dma_unmap_sg(dev, req->dst, req->dst_nents, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
}

/* a direction the caller chose (mmc_get_dma_dir(data) in the mmc hosts): not a constant */
int xfer_list(struct device *dev, struct scatterlist *sg, int nents, enum dma_data_direction dir)
{
	if (!dma_map_sg(dev, sg, nents, dir))
		return -ENOMEM;
	dma_unmap_sg(dev, sg, nents, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	return 0;
}

/* oracle: the de2104x rings filled and emptied once, the velocity RX slot mapped and freed
 * both ways, a two-entry destination list mapped and completed both ways */
void case_run(struct case_env *env)
{
	struct device *dev = &env->pdev->dev;
	struct de_private *de = kzalloc(sizeof(*de), GFP_KERNEL);
	struct velocity_info *vptr = kzalloc(sizeof(*vptr), GFP_KERNEL);
	struct crypt_req *req = kzalloc(sizeof(*req), GFP_KERNEL);
	struct sk_buff *skb = kzalloc(sizeof(*skb), GFP_KERNEL);
	struct scatterlist *sg = kcalloc(2, sizeof(*sg), GFP_KERNEL);
	void *a = kzalloc(256, GFP_KERNEL), *b = kzalloc(256, GFP_KERNEL);

	de->dev = dev;
	de->rx_buf_sz = 256;
	de->rx_skb[0].skb = kzalloc(sizeof(struct sk_buff), GFP_KERNEL);
	de->rx_skb[0].skb->data = kzalloc(256, GFP_KERNEL);
	skb->data = kzalloc(128, GFP_KERNEL);
	skb->len = 128;
	if (!de_refill_rx(de, 0))
		de_clean_rx(de, 0);
	if (!de_start_xmit(skb, de, 0))
		de_tx(de, 0);

	vptr->dev = dev;
	vptr->buf_sz = 256;
	vptr->rd_info = kcalloc(2, sizeof(struct velocity_rd_info), GFP_KERNEL);
	vptr->rd_info[0].skb = de->rx_skb[0].skb;
	vptr->rd_info[1].skb = de->rx_skb[0].skb;
	if (!velocity_alloc_rx_buf(vptr, 0))
		velocity_free_rd(vptr, 0);
	if (!velocity_alloc_rx_buf(vptr, 1))
		velocity_free_rd_fixed(vptr, 1);

	sg_init_table(sg, 2);
	sg_set_buf(&sg[0], a, 256);
	sg_set_buf(&sg[1], b, 256);
	req->dst = sg;
	req->dst_nents = 2;
	if (!crypt_map_dst(dev, req))
		crypt_done(dev, req);
	if (!crypt_map_dst(dev, req))
		crypt_done_fixed(dev, req);
	xfer_list(dev, sg, 2, DMA_FROM_DEVICE);

	kfree(a);
	kfree(b);
	kfree(sg);
	kfree(skb->data);
	kfree(skb);
	kfree(de->rx_skb[0].skb->data);
	kfree(de->rx_skb[0].skb);
	kfree(vptr->rd_info);
	kfree(vptr);
	kfree(req);
	kfree(de);
}
