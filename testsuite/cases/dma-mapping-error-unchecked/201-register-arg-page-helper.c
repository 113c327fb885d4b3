/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic, in the shapes of drivers/net/ethernet/natsemi/ns83820.c (6.1) ns83820_add_rx_skb() (a handle given to the driver's descriptor helper), drivers/net/ethernet/sun/sungem.c (6.1) gem_start_xmit() (a same-file page-map helper whose result is tested), drivers/atm/he.c (6.1) he_service_rbq() */
/* what: a handle given straight to the driver's register helper, a page helper's handle tested with !addr (the patch makes it dma_mapping_error()) and a fragment's handle used in a loop untested; unlikely(dma_mapping_error()) and a helper test through an early return stay silent */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define REG_TX_ADDR	0x10
#define REG_TX_LEN	0x14

struct nic_desc {
	__le32 addr;
	__le32 len;
};

struct nic {
	struct device *dev;
	void __iomem *regs;
	struct nic_desc *ring;
	dma_addr_t rx_page_dma;
	dma_addr_t tx_dma;
};

/* programs the chip's address register (and keeps the handle for the completion) */
static void nic_set_tx(struct nic *np, dma_addr_t dma, unsigned int len)
{
	np->tx_dma = dma;
	iowrite32(dma, np->regs + REG_TX_ADDR);
	iowrite32(len, np->regs + REG_TX_LEN);
}

/* the handle straight into it */
void nic_kick_tx(struct nic *np, struct sk_buff *skb)
{
	nic_set_tx(np, dma_map_single(np->dev, skb->data, skb->len, DMA_TO_DEVICE), /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
		   skb->len);
}

/* ... with the test first */
int nic_kick_tx_fixed(struct nic *np, struct sk_buff *skb)
{
	dma_addr_t dma = dma_map_single(np->dev, skb->data, skb->len, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */

	if (unlikely(dma_mapping_error(np->dev, dma)))
		return -ENOMEM;
	nic_set_tx(np, dma, skb->len); /* { dg-bogus "dmacheck" } */
	return 0;
}

/* a receive page mapped, and tested against 0 (a failed mapping is all ones, not 0) */
int nic_refill_page(struct nic *np, struct page *page)
{
	np->rx_page_dma = dma_map_page(np->dev, page, 0, PAGE_SIZE, DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
	if (!np->rx_page_dma)
		return -ENOMEM;
	np->ring[0].addr = cpu_to_le32((u32)np->rx_page_dma);
	np->ring[0].len = cpu_to_le32(PAGE_SIZE);
	return 0;
}

/* every fragment into the ring, untested */
void nic_map_frags(struct nic *np, struct sk_buff *skb)
{
	int i;

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		dma_addr_t mapping;

		mapping = skb_frag_dma_map(np->dev, frag, 0, skb_frag_size(frag),
					   DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
		np->ring[i + 1].addr = cpu_to_le32((u32)mapping);
		np->ring[i + 1].len = cpu_to_le32(skb_frag_size(frag));
	}
}

/* a driver's own test helper, used with an early return before the ring sees the handle */
static bool nic_dma_bad(struct nic *np, dma_addr_t dma)
{
	return dma_mapping_error(np->dev, dma);
}

int nic_map_frags_fixed(struct nic *np, struct sk_buff *skb)
{
	int i;

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		dma_addr_t mapping;

		mapping = skb_frag_dma_map(np->dev, frag, 0, skb_frag_size(frag),
					   DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
		if (nic_dma_bad(np, mapping))
			return -ENOMEM;
		np->ring[i + 1].addr = cpu_to_le32((u32)mapping); /* { dg-bogus "dmacheck" } */
		np->ring[i + 1].len = cpu_to_le32(skb_frag_size(frag));
	}
	return 0;
}

static struct sk_buff *case_skb(unsigned int headlen, int nr_frags, void **pages)
{
	struct sk_buff *skb = kzalloc(sizeof(*skb), GFP_KERNEL);
	int i;

	skb->head = kzalloc(headlen + sizeof(struct skb_shared_info), GFP_KERNEL);
	skb->data = skb->head;
	skb->end = headlen;
	skb->len = headlen;
	for (i = 0; i < nr_frags; i++) {
		skb_frag_t *frag = &skb_shinfo(skb)->frags[i];

		pages[i] = kzalloc(256, GFP_KERNEL);
		frag->bv_page = virt_to_page(pages[i]);
		frag->bv_offset = offset_in_page(pages[i]);
		frag->bv_len = 256;
	}
	skb_shinfo(skb)->nr_frags = nr_frags;
	return skb;
}

static void nic_unmap_frags(struct nic *np, int nr)
{
	int i;

	for (i = 0; i < nr; i++)
		dma_unmap_page(np->dev, le32_to_cpu(np->ring[i + 1].addr),
			       le32_to_cpu(np->ring[i + 1].len), DMA_TO_DEVICE);
}

/* oracle: each transmit and refill once, every mapping unmapped as the completions do */
void case_run(struct case_env *env)
{
	struct nic *np = kzalloc(sizeof(*np), GFP_KERNEL);
	void *regs = kzalloc(64, GFP_KERNEL);
	void *page_buf = kzalloc(PAGE_SIZE, GFP_KERNEL);
	void *pages[2];
	struct sk_buff *skb;

	np->dev = &env->pdev->dev;
	np->regs = (void __iomem *)regs;
	np->ring = kcalloc(4, sizeof(struct nic_desc), GFP_KERNEL);
	skb = case_skb(64, 2, pages);

	nic_kick_tx(np, skb);
	dma_unmap_single(np->dev, np->tx_dma, skb->len, DMA_TO_DEVICE);
	if (!nic_kick_tx_fixed(np, skb))
		dma_unmap_single(np->dev, np->tx_dma, skb->len, DMA_TO_DEVICE);
	if (!nic_refill_page(np, virt_to_page(page_buf)))
		dma_unmap_page(np->dev, np->rx_page_dma, PAGE_SIZE, DMA_FROM_DEVICE);
	nic_map_frags(np, skb);
	nic_unmap_frags(np, 2);
	if (!nic_map_frags_fixed(np, skb))
		nic_unmap_frags(np, 2);

	kfree(pages[0]);
	kfree(pages[1]);
	dev_kfree_skb_any(skb);
	kfree(page_buf);
	kfree(np->ring);
	kfree(regs);
	kfree(np);
}
