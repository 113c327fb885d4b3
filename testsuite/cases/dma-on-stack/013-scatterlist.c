/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic (usb_sg_init()/usb_stor_bulk_transfer_sg() style single-entry lists) */
/* what: sg_init_one() (extern) and sg_set_buf() (static inline) pointing an sg entry at stack memory warn; at kmalloc()ed memory they do not */
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

extern int xfer_sg(void *ctx, struct scatterlist *sg, int nents);

/* the transport (synthetic, no 6.1 body): ctx is the DMA device; the list is mapped for the
 * transfer and unmapped when it is done, as usb_sg_init() and the HCD do */
int xfer_sg(void *ctx, struct scatterlist *sg, int nents)
{
	struct device *dev = ctx;
	int n;

	n = dma_map_sg(dev, sg, nents, DMA_BIDIRECTIONAL);
	if (n <= 0)
		return -ENOMEM;
	dma_unmap_sg(dev, sg, nents, DMA_BIDIRECTIONAL);
	return 0;
}

int read_capacity_sg(void *ctx)
{
	struct scatterlist sg;
	u8 capacity[8] = { 0 };

	sg_init_one(&sg, capacity, sizeof(capacity)); /* { dg-warning "dmacheck-dma-on-stack" } */
	return xfer_sg(ctx, &sg, 1);
}

int send_header_and_payload(void *ctx, void *payload, unsigned int len)
{
	struct scatterlist sg[2];
	__be32 header = cpu_to_be32(len);

	sg_init_table(sg, 2);
	sg_set_buf(&sg[0], &header, sizeof(header)); /* { dg-warning "dmacheck-dma-on-stack" } */
	sg_set_buf(&sg[1], payload, len); /* { dg-bogus "dmacheck" } */
	return xfer_sg(ctx, sg, 2);
}

int read_capacity_sg_heap(void *ctx)
{
	struct scatterlist sg;
	u8 *capacity;
	int ret;

	capacity = kmalloc(8, GFP_KERNEL);
	if (!capacity)
		return -ENOMEM;
	sg_init_one(&sg, capacity, 8); /* { dg-bogus "dmacheck" } */
	ret = xfer_sg(ctx, &sg, 1);
	kfree(capacity);
	return ret;
}

int send_header_and_payload_heap(void *ctx, void *payload, unsigned int len)
{
	struct scatterlist sg[2];
	__be32 *header;
	int ret;

	header = kmalloc(sizeof(*header), GFP_KERNEL);
	if (!header)
		return -ENOMEM;
	*header = cpu_to_be32(len);
	sg_init_table(sg, 2);
	sg_set_buf(&sg[0], header, sizeof(*header)); /* { dg-bogus "dmacheck" } */
	sg_set_buf(&sg[1], payload, len); /* { dg-bogus "dmacheck" } */
	ret = xfer_sg(ctx, sg, 2);
	kfree(header);
	return ret;
}

/* oracle: the four transfers, ctx being the host controller's PCI device */
void case_run(struct case_env *env)
{
	void *ctx = &env->hc->dev;
	u8 *payload = kzalloc(64, GFP_KERNEL);

	read_capacity_sg(ctx);
	send_header_and_payload(ctx, payload, 64);
	read_capacity_sg_heap(ctx);
	send_header_and_payload_heap(ctx, payload, 64);
	kfree(payload);
}
