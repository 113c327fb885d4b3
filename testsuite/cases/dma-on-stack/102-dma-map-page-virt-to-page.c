/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc sparse cocci core */
/* origin: the dma_map_page(dev, virt_to_page(p), offset_in_page(p), ...) spelling of drivers/net/ethernet/jme.c (6.1) jme_make_new_rx_buf(); the stack buffer is a synthetic bug */
/* what: dma_map_page() of virt_to_page()/offset_in_page() of a stack buffer is a stack mapping like dma_map_single(); the same spelling over kmalloc() memory stays silent */
/* known-to-fail: cocci dma_map_page() of virt_to_page()/offset_in_page() of a buffer is not in the catalogue (rules/dma-apis.def has no dma_map_page row) */
#include <linux/types.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <linux/platform_device.h>
#include <dmacheck-case.h>

#define JME_DESC_LEN	16

struct jme_adapter {
	struct platform_device *pdev;
	dma_addr_t desc_dma;
};

int jme_post_desc_stack(struct jme_adapter *jme)
{
	u8 desc[JME_DESC_LEN] = { 0x80 };
	dma_addr_t mapping;

	mapping = dma_map_page(&jme->pdev->dev, virt_to_page(desc),
			       offset_in_page(desc), sizeof(desc), DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (dma_mapping_error(&jme->pdev->dev, mapping))
		return -ENOMEM;
	jme->desc_dma = mapping;
	dma_unmap_page(&jme->pdev->dev, mapping, sizeof(desc), DMA_TO_DEVICE);
	return 0;
}

int jme_post_desc_heap(struct jme_adapter *jme)
{
	u8 *desc = kzalloc(JME_DESC_LEN, GFP_KERNEL);
	dma_addr_t mapping;

	if (!desc)
		return -ENOMEM;
	desc[0] = 0x80;
	mapping = dma_map_page(&jme->pdev->dev, virt_to_page(desc),
			       offset_in_page(desc), JME_DESC_LEN, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(&jme->pdev->dev, mapping)) {
		kfree(desc);
		return -ENOMEM;
	}
	jme->desc_dma = mapping;
	dma_unmap_page(&jme->pdev->dev, mapping, JME_DESC_LEN, DMA_TO_DEVICE);
	kfree(desc);
	return 0;
}

/* oracle: both descriptors posted on the platform DMA device */
void case_run(struct case_env *env)
{
	struct jme_adapter *jme = kzalloc(sizeof(*jme), GFP_KERNEL);

	jme->pdev = env->pdev;
	jme_post_desc_stack(jme);
	jme_post_desc_heap(jme);
	kfree(jme);
}
