/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from drivers/dma/iop-adma.c (6.1) iop_adma_xor_val_self_test() and iop_adma_memcpy_self_test(); the status block is synthetic (a refill/poll pair with a bug put in) */
/* what: a destination mapped DMA_FROM_DEVICE handed back to the device with dma_sync_single_for_device(..., DMA_TO_DEVICE) (iop-adma, in one function), and a status block mapped in open and synced in the poll with the wrong direction (through a member); syncs with the mapping's direction, and any direction on a DMA_BIDIRECTIONAL mapping, stay silent */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define IOP_ADMA_TEST_SIZE 2000

struct iop_adma_chan {
	struct device *dev;
};

/* iop_adma_xor_val_self_test(): the xor destination, checked by the CPU and handed back */
int iop_adma_xor_self_test(struct iop_adma_chan *chan, struct page *dest, u32 cmp_word)
{
	dma_addr_t dest_dma;
	u32 *ptr;

	dest_dma = dma_map_page(chan->dev, dest, 0, PAGE_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(chan->dev, dest_dma))
		return -ENOMEM;
	dma_sync_single_for_cpu(chan->dev, dest_dma, PAGE_SIZE, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	ptr = page_address(dest);
	if (ptr[0] != cmp_word && ptr[0] != 0)
		return -ENODEV;
	dma_sync_single_for_device(chan->dev, dest_dma, PAGE_SIZE, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-sync-dir-mismatch" } */
	dma_unmap_page(chan->dev, dest_dma, PAGE_SIZE, DMA_FROM_DEVICE);
	return 0;
}

/* iop_adma_memcpy_self_test(): the same check, with the mapping's direction */
int iop_adma_memcpy_self_test(struct iop_adma_chan *chan, void *dest)
{
	dma_addr_t dest_dma;

	dest_dma = dma_map_single(chan->dev, dest, IOP_ADMA_TEST_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(chan->dev, dest_dma))
		return -ENOMEM;
	dma_sync_single_for_cpu(chan->dev, dest_dma, IOP_ADMA_TEST_SIZE, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	dma_sync_single_for_device(chan->dev, dest_dma, IOP_ADMA_TEST_SIZE, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	dma_unmap_single(chan->dev, dest_dma, IOP_ADMA_TEST_SIZE, DMA_FROM_DEVICE);
	return 0;
}

/* ---- a status block the device writes, mapped in open, read in the poll ---- */
struct foo_status {
	__le32 state;
	__le32 count;
};

struct foo_priv {
	struct device *dev;
	struct foo_status *status;
	dma_addr_t status_dma;
	u8 *cmd;
	dma_addr_t cmd_dma;
};

int foo_open(struct foo_priv *priv)
{
	priv->status_dma = dma_map_single(priv->dev, priv->status, sizeof(*priv->status),
					  DMA_FROM_DEVICE);
	if (dma_mapping_error(priv->dev, priv->status_dma))
		return -ENOMEM;
	priv->cmd_dma = dma_map_single(priv->dev, priv->cmd, 64, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(priv->dev, priv->cmd_dma)) {
		dma_unmap_single(priv->dev, priv->status_dma, sizeof(*priv->status),
				 DMA_FROM_DEVICE);
		return -ENOMEM;
	}
	return 0;
}

u32 foo_poll(struct foo_priv *priv)
{
	dma_sync_single_for_cpu(priv->dev, priv->status_dma, sizeof(*priv->status),
				DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-sync-dir-mismatch" } */
	return le32_to_cpu(priv->status->state);
}

u32 foo_poll_fixed(struct foo_priv *priv)
{
	dma_sync_single_for_cpu(priv->dev, priv->status_dma, sizeof(*priv->status),
				DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	return le32_to_cpu(priv->status->count);
}

/* a bidirectional command buffer: check_sync() lets any direction pass */
void foo_send_cmd(struct foo_priv *priv)
{
	priv->cmd[0] = 1;
	dma_sync_single_for_device(priv->dev, priv->cmd_dma, 64, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
}

void foo_close(struct foo_priv *priv)
{
	dma_unmap_single(priv->dev, priv->cmd_dma, 64, DMA_BIDIRECTIONAL);
	dma_unmap_single(priv->dev, priv->status_dma, sizeof(*priv->status), DMA_FROM_DEVICE);
}

/* oracle: both self-tests on a page and a buffer, then the device opened, polled both ways,
 * a command sent, closed */
void case_run(struct case_env *env)
{
	struct iop_adma_chan *chan = kzalloc(sizeof(*chan), GFP_KERNEL);
	struct foo_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	void *page_buf = kzalloc(PAGE_SIZE, GFP_KERNEL);
	void *dest = kzalloc(IOP_ADMA_TEST_SIZE, GFP_KERNEL);

	chan->dev = &env->pdev->dev;
	iop_adma_xor_self_test(chan, virt_to_page(page_buf), 0);
	iop_adma_memcpy_self_test(chan, dest);

	priv->dev = &env->pdev->dev;
	priv->status = kzalloc(sizeof(*priv->status), GFP_KERNEL);
	priv->cmd = kzalloc(64, GFP_KERNEL);
	if (!foo_open(priv)) {
		foo_poll(priv);
		foo_poll_fixed(priv);
		foo_send_cmd(priv);
		foo_close(priv);
	}
	kfree(priv->cmd);
	kfree(priv->status);
	kfree(priv);
	kfree(dest);
	kfree(page_buf);
	kfree(chan);
}
