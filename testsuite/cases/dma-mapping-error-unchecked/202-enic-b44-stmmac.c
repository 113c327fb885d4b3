/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/ethernet/cisco/enic/enic_main.c (6.1) enic_queue_wq_skb_vlan(), drivers/net/ethernet/broadcom/b44.c (6.1) b44_start_xmit(), drivers/net/ethernet/stmicro/stmmac/ring_mode.c (6.1) jumbo_frm(); false positives of the first cocci script on the 6.1 scan */
/* what: a check helper from the driver's own header, a second read in the same || as the test, and a descriptor written before the test on a path that tests later all stay silent; the fragment left untested is still found */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <dmacheck-case.h>
#include "202-enic-b44-stmmac.h"

struct dma_desc {
	__le32 des2;
	__le32 des3;
};

/* enic: the test is the header's helper */
int enic_queue_head(struct enic *enic, struct sk_buff *skb, struct dma_desc *d)
{
	dma_addr_t dma_addr;

	dma_addr = dma_map_single(enic->dev, skb->data, skb->len, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (unlikely(enic_dma_map_check(enic, dma_addr)))
		return -ENOMEM;
	d->des2 = cpu_to_le32((u32)dma_addr); /* { dg-bogus "dmacheck" } */
	return 0;
}

/* b44: the chip cannot reach above 1 GB; that is tested in the same condition */
int b44_map_tx(struct device *dev, struct sk_buff *skb, struct dma_desc *d)
{
	dma_addr_t mapping;

	mapping = dma_map_single(dev, skb->data, skb->len, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(dev, mapping) || mapping + skb->len > DMA_BIT_MASK(30)) {
		if (!dma_mapping_error(dev, mapping))
			dma_unmap_single(dev, mapping, skb->len, DMA_TO_DEVICE);
		return -ENOMEM;
	}
	d->des2 = cpu_to_le32((u32)mapping);
	return 0;
}

/* stmmac: the descriptor gets the handle first, the test follows (the descriptor is not
 * handed to the chip on the failure path) */
int stmmac_jumbo_frm(struct device *dev, struct sk_buff *skb, struct dma_desc *d)
{
	dma_addr_t des2;

	des2 = dma_map_single(dev, skb->data, skb->len, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	d->des2 = cpu_to_le32((u32)des2);
	if (dma_mapping_error(dev, des2))
		return -1;
	d->des3 = cpu_to_le32((u32)des2 + 16);
	return 0;
}

/* ... and the same without the test */
int stmmac_jumbo_frm_untested(struct device *dev, struct sk_buff *skb, struct dma_desc *d)
{
	dma_addr_t des2;

	des2 = dma_map_single(dev, skb->data, skb->len, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
	d->des2 = cpu_to_le32((u32)des2);
	d->des3 = cpu_to_le32((u32)des2 + 16);
	return 0;
}

/* oracle: each once on the platform device, each mapping unmapped as the completion does */
void case_run(struct case_env *env)
{
	struct enic *enic = kzalloc(sizeof(*enic), GFP_KERNEL);
	struct sk_buff *skb = kzalloc(sizeof(*skb), GFP_KERNEL);
	struct dma_desc *d = kzalloc(sizeof(*d), GFP_KERNEL);
	struct device *dev = &env->pdev->dev;

	skb->data = kzalloc(128, GFP_KERNEL);
	skb->len = 128;
	enic->dev = dev;
	if (!enic_queue_head(enic, skb, d))
		dma_unmap_single(dev, le32_to_cpu(d->des2), 128, DMA_TO_DEVICE);
	if (!b44_map_tx(dev, skb, d))
		dma_unmap_single(dev, le32_to_cpu(d->des2), 128, DMA_TO_DEVICE);
	if (!stmmac_jumbo_frm(dev, skb, d))
		dma_unmap_single(dev, le32_to_cpu(d->des2), 128, DMA_TO_DEVICE);
	stmmac_jumbo_frm_untested(dev, skb, d);
	dma_unmap_single(dev, le32_to_cpu(d->des2), 128, DMA_TO_DEVICE);
	kfree(skb->data);
	kfree(skb);
	kfree(d);
	kfree(enic);
}
