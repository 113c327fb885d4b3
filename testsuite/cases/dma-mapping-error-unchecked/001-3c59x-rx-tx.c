/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/ethernet/3com/3c59x.c (6.1) vortex_rx(), vortex_start_xmit(), boomerang_start_xmit() */
/* what: vortex_rx()'s bus-master copy hands an untested handle to the chip; the transmit paths test theirs (also a handle stored in vp first, and each fragment's in a loop) */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define Wn7_MasterAddr	0
#define Wn7_MasterLen	6
#define LAST_FRAG	0x80000000

struct boom_tx_desc {
	__le32 next;
	__le32 status;
	struct {
		__le32 addr;
		__le32 length;
	} frag[1 + MAX_SKB_FRAGS];
};

struct vortex_private {
	struct boom_tx_desc *tx_ring;
	struct sk_buff *tx_skb;
	dma_addr_t tx_skb_dma;
	struct device *gendev;
	void __iomem *ioaddr;
	int bus_master;
	unsigned long tx_dropped;
};

/* vortex_rx(): one packet copied up by the bus master */
int vortex_rx_one(struct vortex_private *vp, struct sk_buff *skb, int pkt_len)
{
	void __iomem *ioaddr = vp->ioaddr;

	if (vp->bus_master) {
		dma_addr_t dma = dma_map_single(vp->gendev, skb->data,
						pkt_len, DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
		iowrite32(dma, ioaddr + Wn7_MasterAddr);
		iowrite16((skb->len + 3) & ~3, ioaddr + Wn7_MasterLen);
		dma_unmap_single(vp->gendev, dma, pkt_len, DMA_FROM_DEVICE);
		return 1;
	}
	return 0;
}

/* the same with the test 3c59x has on its other paths */
int vortex_rx_one_fixed(struct vortex_private *vp, struct sk_buff *skb, int pkt_len)
{
	void __iomem *ioaddr = vp->ioaddr;
	dma_addr_t dma;

	dma = dma_map_single(vp->gendev, skb->data, pkt_len, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(vp->gendev, dma))
		return -ENOMEM;
	iowrite32(dma, ioaddr + Wn7_MasterAddr); /* { dg-bogus "dmacheck" } */
	dma_unmap_single(vp->gendev, dma, pkt_len, DMA_FROM_DEVICE);
	return 1;
}

/* vortex_start_xmit(): the handle lives in vp and is tested there */
netdev_tx_t vortex_start_xmit(struct vortex_private *vp, struct sk_buff *skb)
{
	void __iomem *ioaddr = vp->ioaddr;
	int len = (skb->len + 3) & ~3;

	vp->tx_skb_dma = dma_map_single(vp->gendev, skb->data, len,
					DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(vp->gendev, vp->tx_skb_dma)) {
		dev_kfree_skb_any(skb);
		vp->tx_dropped++;
		return NETDEV_TX_OK;
	}
	iowrite32(vp->tx_skb_dma, ioaddr + Wn7_MasterAddr);
	iowrite16(len, ioaddr + Wn7_MasterLen);
	vp->tx_skb = skb;
	return NETDEV_TX_OK;
}

/* boomerang_start_xmit(): the head and every fragment, each tested before the ring gets it */
netdev_tx_t boomerang_start_xmit(struct vortex_private *vp, struct sk_buff *skb)
{
	struct boom_tx_desc *d = &vp->tx_ring[0];
	dma_addr_t dma_addr;
	int i;

	dma_addr = dma_map_single(vp->gendev, skb->data,
				  skb_headlen(skb), DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(vp->gendev, dma_addr))
		goto out_dma_err;
	d->frag[0].addr = cpu_to_le32(dma_addr);
	d->frag[0].length = cpu_to_le32(skb_headlen(skb));

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		skb_frag_t *frag = &skb_shinfo(skb)->frags[i];

		dma_addr = skb_frag_dma_map(vp->gendev, frag, 0,
					    skb_frag_size(frag),
					    DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
		if (dma_mapping_error(vp->gendev, dma_addr)) {
			for (i = i - 1; i >= 0; i--)
				dma_unmap_page(vp->gendev,
					       le32_to_cpu(d->frag[i + 1].addr),
					       le32_to_cpu(d->frag[i + 1].length),
					       DMA_TO_DEVICE);
			dma_unmap_single(vp->gendev, le32_to_cpu(d->frag[0].addr),
					 le32_to_cpu(d->frag[0].length), DMA_TO_DEVICE);
			goto out_dma_err;
		}
		d->frag[i + 1].addr = cpu_to_le32(dma_addr); /* { dg-bogus "dmacheck" } */
		d->frag[i + 1].length = cpu_to_le32(skb_frag_size(frag));
	}
	vp->tx_skb = skb;
	return NETDEV_TX_OK;

out_dma_err:
	dev_kfree_skb_any(skb);
	vp->tx_dropped++;
	return NETDEV_TX_OK;
}

/* boomerang_interrupt()'s transmit completion */
void boomerang_tx_done(struct vortex_private *vp, int nr_frags)
{
	struct boom_tx_desc *d = &vp->tx_ring[0];
	int i;

	dma_unmap_single(vp->gendev, le32_to_cpu(d->frag[0].addr),
			 le32_to_cpu(d->frag[0].length), DMA_TO_DEVICE);
	for (i = 1; i <= nr_frags; i++)
		dma_unmap_page(vp->gendev, le32_to_cpu(d->frag[i].addr),
			       le32_to_cpu(d->frag[i].length), DMA_TO_DEVICE);
}

static struct sk_buff *case_skb(unsigned int headlen, int nr_frags, void **pages)
{
	struct sk_buff *skb = kzalloc(sizeof(*skb), GFP_KERNEL);
	unsigned int i;

	skb->head = kzalloc(headlen + sizeof(struct skb_shared_info), GFP_KERNEL);
	skb->data = skb->head;
	skb->end = headlen;
	skb->len = headlen;
	for (i = 0; i < (unsigned int)nr_frags; i++) {
		skb_frag_t *frag = &skb_shinfo(skb)->frags[i];

		pages[i] = kzalloc(256, GFP_KERNEL);
		frag->bv_page = virt_to_page(pages[i]);
		frag->bv_offset = offset_in_page(pages[i]);
		frag->bv_len = 256;
		skb->len += 256;
		skb->data_len += 256;
	}
	skb_shinfo(skb)->nr_frags = nr_frags;
	return skb;
}

/* oracle: a copy-up with and without the test, a packet sent each way (two fragments), each
 * mapping unmapped as the completion does */
void case_run(struct case_env *env)
{
	struct vortex_private *vp = kzalloc(sizeof(*vp), GFP_KERNEL);
	struct sk_buff *rx = case_skb(128, 0, NULL), *tx1, *tx2;
	void *pages[2];

	vp->gendev = &env->pdev->dev;
	vp->tx_ring = kzalloc(sizeof(*vp->tx_ring), GFP_KERNEL);
	vp->bus_master = 1;
	vortex_rx_one(vp, rx, 128);
	vortex_rx_one_fixed(vp, rx, 128);
	tx1 = case_skb(64, 0, NULL);
	vortex_start_xmit(vp, tx1);
	dma_unmap_single(vp->gendev, vp->tx_skb_dma, 64, DMA_TO_DEVICE);
	tx2 = case_skb(64, 2, pages);
	boomerang_start_xmit(vp, tx2);
	boomerang_tx_done(vp, 2);
	dev_kfree_skb_any(tx2);
	kfree(pages[0]);
	kfree(pages[1]);
	dev_kfree_skb_any(tx1);
	dev_kfree_skb_any(rx);
	kfree(vp->tx_ring);
	kfree(vp);
}
