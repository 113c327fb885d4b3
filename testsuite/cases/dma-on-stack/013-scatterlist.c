/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse */
/* origin: synthetic (usb_sg_init()/usb_stor_bulk_transfer_sg() style single-entry lists) */
/* what: sg_init_one() (extern) and sg_set_buf() (static inline) pointing an sg entry at stack memory warn; at kmalloc()ed memory they do not */
#include <linux/scatterlist.h>
#include <linux/slab.h>

extern int xfer_sg(void *ctx, struct scatterlist *sg, int nents);

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
