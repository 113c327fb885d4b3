/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/scsi/megaraid.c (6.1) mega_query_adapter(); the tested and the unused mailboxes are synthetic */
/* what: the handle is stored into a mailbox on the stack and the mailbox's address is given to the adapter's issue function untested; a mailbox whose handle is tested first, and one whose address goes nowhere, are silent */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct mbox_out {
	u8 cmd;
	u8 cmdid;
	u16 numsectors;
	u32 lba;
	u32 xferaddr;
	u8 logdrv;
	u8 numsgelements;
	u8 resvd;
} __packed;

struct mega_adapter {
	struct device *dev;
	u8 product_info[64];
	u8 inquiry[64];
	u32 last_xfer;
};

/* issue_scb_block(): the mailbox goes to the adapter */
static noinline int issue_scb_block(struct mega_adapter *adapter, u8 *raw_mbox)
{
	struct mbox_out *m = (struct mbox_out *)raw_mbox;

	adapter->last_xfer = m->xferaddr;
	return m->cmd == 0xa1 ? 0 : -1;
}

/* mega_query_adapter(): the product info handle is in the mailbox the adapter reads */
int mega_query_adapter(struct mega_adapter *adapter)
{
	dma_addr_t prod_info_dma_handle;
	struct mbox_out mbox;
	u8 *raw_mbox = (u8 *)&mbox;
	int retval;

	memset(&mbox, 0, sizeof(mbox));
	prod_info_dma_handle = dma_map_single(adapter->dev, adapter->product_info, 64, DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
	mbox.xferaddr = prod_info_dma_handle;
	raw_mbox[0] = 0xa1;
	retval = issue_scb_block(adapter, raw_mbox);
	dma_unmap_single(adapter->dev, prod_info_dma_handle,
			 sizeof(adapter->product_info), DMA_FROM_DEVICE);
	return retval;
}

/* the same, tested before the mailbox is issued */
int mega_query_inquiry(struct mega_adapter *adapter)
{
	dma_addr_t handle;
	struct mbox_out mbox;
	int retval;

	memset(&mbox, 0, sizeof(mbox));
	handle = dma_map_single(adapter->dev, adapter->inquiry, 64, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	mbox.xferaddr = handle;
	if (dma_mapping_error(adapter->dev, handle))
		return -ENOMEM;
	mbox.cmd = 0xa1;
	retval = issue_scb_block(adapter, (u8 *)&mbox);
	dma_unmap_single(adapter->dev, handle, sizeof(adapter->inquiry), DMA_FROM_DEVICE);
	return retval;
}

/* the handle is kept in a local mailbox that goes nowhere before the test */
int mega_local_only(struct mega_adapter *adapter)
{
	struct mbox_out mbox;
	dma_addr_t handle;

	memset(&mbox, 0, sizeof(mbox));
	handle = dma_map_single(adapter->dev, adapter->inquiry, 64, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	mbox.xferaddr = handle;
	if (dma_mapping_error(adapter->dev, handle))
		return -ENOMEM;
	dma_unmap_single(adapter->dev, handle, sizeof(adapter->inquiry), DMA_FROM_DEVICE);
	return 0;
}

void case_run(struct case_env *env)
{
	struct mega_adapter *adapter = kzalloc(sizeof(*adapter), GFP_KERNEL);

	adapter->dev = &env->pdev->dev;
	mega_query_adapter(adapter);
	mega_query_inquiry(adapter);
	mega_local_only(adapter);
	kfree(adapter);
}
