/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, in the shapes of drivers that size a DMA buffer with kvmalloc() (kvzalloc() of a fixed struct, kvcalloc() of a ring, kvmalloc() of a size read from the device) */
/* what: kvmalloc() falls back to vmalloc above PAGE_SIZE: a size that is not a constant, or a constant above PAGE_SIZE, handed to DMA warns ("may be", with a note); a constant of at most PAGE_SIZE is kmalloc memory and stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct ring_entry {
	u8 data[512];
};

int send_table(struct usb_device *udev, size_t len)
{
	u8 *buf = kvmalloc(len, GFP_KERNEL);
	int actual, ret;

	if (!buf)
		return -ENOMEM;
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), buf, len, &actual, 1000); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	kvfree(buf);
	return ret;
}

int send_ring(struct usb_device *udev)
{
	struct ring_entry *ring = kvcalloc(16, sizeof(*ring), GFP_KERNEL);
	int actual, ret;

	if (!ring)
		return -ENOMEM;
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), ring, 16 * sizeof(*ring), &actual,
			   1000); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	kvfree(ring);
	return ret;
}

int send_small(struct usb_device *udev)
{
	u8 *buf = kvzalloc(64, GFP_KERNEL);
	struct ring_entry *two = kvcalloc(2, sizeof(*two), GFP_KERNEL);
	int actual, ret;

	if (!buf || !two)
		return -ENOMEM;
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), buf, 64, &actual, 1000); /* { dg-bogus "dmacheck" } */
	if (!ret)
		ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), two, 2 * sizeof(*two), &actual,
				   1000); /* { dg-bogus "dmacheck" } */
	kvfree(buf);
	kvfree(two);
	return ret;
}

int send_page(struct usb_device *udev)
{
	u8 *buf = kvmalloc(PAGE_SIZE, GFP_KERNEL);
	int actual, ret;

	if (!buf)
		return -ENOMEM;
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), buf, PAGE_SIZE, &actual, 1000); /* { dg-bogus "dmacheck" } */
	kvfree(buf);
	return ret;
}

/* oracle: a table of 6000 bytes, the ring, the small and page-sized buffers */
void case_run(struct case_env *env)
{
	send_table(env->udev, 6000);
	send_ring(env->udev);
	send_small(env->udev);
	send_page(env->udev);
}
