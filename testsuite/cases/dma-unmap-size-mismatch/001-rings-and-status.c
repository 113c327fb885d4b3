/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from drivers/net/ethernet/3com/3c59x.c (6.1) vortex_probe1(), vortex_remove_one(), boomerang_rx(); the short free and the status block's sizeof(pointer) are bugs put in, the shapes of the upstream "Fix the size used in a dma_free_coherent() call" fixes */
/* what: a coherent ring freed with the size of its RX part only, and a status block unmapped with sizeof() of the pointer, are findings; the same size spelled twice, the RX buffer's constant on both sides, and sizes that are not constants (the received length, a member that holds the buffer size) stay silent */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define RX_RING_SIZE	32
#define TX_RING_SIZE	16
#define PKT_BUF_SZ	1536

struct boom_rx_desc {
	__le32 next;
	__le32 status;
	__le32 addr;
	__le32 length;
};

struct boom_tx_desc {
	__le32 next;
	__le32 length;
	__le32 addr;
	__le32 frag_len;
	__le32 status;
};

struct vortex_private {
	struct device *gendev;
	struct boom_rx_desc *rx_ring;
	dma_addr_t rx_ring_dma;
	struct sk_buff *rx_skbuff[RX_RING_SIZE];
	dma_addr_t rx_dma[RX_RING_SIZE];
	unsigned int rx_buf_len;
};

/* vortex_probe1(): one coherent block for both rings */
int vortex_alloc_rings(struct vortex_private *vp)
{
	vp->rx_ring = dma_alloc_coherent(vp->gendev, sizeof(struct boom_rx_desc) * RX_RING_SIZE
					 + sizeof(struct boom_tx_desc) * TX_RING_SIZE,
					 &vp->rx_ring_dma, GFP_KERNEL);
	if (!vp->rx_ring)
		return -ENOMEM;
	return 0;
}

/* vortex_remove_one() as in 6.1: the same expression, the same constant */
void vortex_free_rings(struct vortex_private *vp)
{
	dma_free_coherent(vp->gendev,
			  sizeof(struct boom_rx_desc) * RX_RING_SIZE +
			  sizeof(struct boom_tx_desc) * TX_RING_SIZE,
			  vp->rx_ring, vp->rx_ring_dma); /* { dg-bogus "dmacheck" } */
}

/* ... and with the TX ring forgotten */
void vortex_free_rings_short(struct vortex_private *vp)
{
	dma_free_coherent(vp->gendev, sizeof(struct boom_rx_desc) * RX_RING_SIZE,
			  vp->rx_ring, vp->rx_ring_dma); /* { dg-warning "dmacheck-dma-unmap-size-mismatch" } */
}

/* boomerang_rx()'s refill: PKT_BUF_SZ on both sides */
int boomerang_refill(struct vortex_private *vp, int entry, struct sk_buff *newskb)
{
	dma_addr_t newdma = dma_map_single(vp->gendev, newskb->data, PKT_BUF_SZ, DMA_FROM_DEVICE);

	if (dma_mapping_error(vp->gendev, newdma))
		return -ENOMEM;
	vp->rx_skbuff[entry] = newskb;
	vp->rx_dma[entry] = newdma;
	return 0;
}

void boomerang_rx_done(struct vortex_private *vp, int entry)
{
	dma_unmap_single(vp->gendev, vp->rx_dma[entry], PKT_BUF_SZ, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	vp->rx_dma[entry] = 0;
}

/* the same buffer size kept in a member: a different expression of the same value */
void boomerang_rx_done_len(struct vortex_private *vp, int entry)
{
	dma_unmap_single(vp->gendev, vp->rx_dma[entry], vp->rx_buf_len, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	vp->rx_dma[entry] = 0;
}

/* ---- a status block mapped in open, unmapped in close ---- */
struct foo_status {
	__le32 state;
	__le32 count;
	__le32 err[6];
};

struct foo_priv {
	struct device *dev;
	struct foo_status *status;
	dma_addr_t status_dma;
};

int foo_open(struct foo_priv *priv)
{
	priv->status_dma = dma_map_single(priv->dev, priv->status, sizeof(*priv->status),
					  DMA_FROM_DEVICE);
	if (dma_mapping_error(priv->dev, priv->status_dma))
		return -ENOMEM;
	return 0;
}

void foo_close(struct foo_priv *priv)
{
	dma_unmap_single(priv->dev, priv->status_dma, sizeof(priv->status), DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-unmap-size-mismatch" } */
}

void foo_close_fixed(struct foo_priv *priv)
{
	dma_unmap_single(priv->dev, priv->status_dma, sizeof(struct foo_status), DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
}

/* oracle: the rings allocated and freed both ways, two RX buffers refilled and completed, the
 * status block opened and closed both ways */
void case_run(struct case_env *env)
{
	struct vortex_private *vp = kzalloc(sizeof(*vp), GFP_KERNEL);
	struct foo_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	struct sk_buff *a = kzalloc(sizeof(*a), GFP_KERNEL), *b = kzalloc(sizeof(*b), GFP_KERNEL);

	vp->gendev = &env->pdev->dev;
	vp->rx_buf_len = PKT_BUF_SZ;
	if (!vortex_alloc_rings(vp))
		vortex_free_rings(vp);
	if (!vortex_alloc_rings(vp))
		vortex_free_rings_short(vp);
	a->data = kzalloc(PKT_BUF_SZ, GFP_KERNEL);
	b->data = kzalloc(PKT_BUF_SZ, GFP_KERNEL);
	if (!boomerang_refill(vp, 0, a))
		boomerang_rx_done(vp, 0);
	if (!boomerang_refill(vp, 1, b))
		boomerang_rx_done_len(vp, 1);

	priv->dev = &env->pdev->dev;
	priv->status = kzalloc(sizeof(*priv->status), GFP_KERNEL);
	if (!foo_open(priv))
		foo_close(priv);
	if (!foo_open(priv))
		foo_close_fixed(priv);

	kfree(priv->status);
	kfree(priv);
	kfree(a->data);
	kfree(b->data);
	kfree(a);
	kfree(b);
	kfree(vp);
}
