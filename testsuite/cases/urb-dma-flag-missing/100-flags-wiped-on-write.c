/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/usb/usb-skeleton.c (6.1) skel_write(), the URB prepared once at open with usb_alloc_coherent() into urb->transfer_dma and URB_NO_TRANSFER_DMA_MAP; the write path that assigns transfer_flags = URB_ZERO_PACKET is a synthetic bug */
/* what: the flag set where the URB is prepared and wiped later in another function by `urb->transfer_flags = URB_ZERO_PACKET`: that store warns; the write path that ORs URB_ZERO_PACKET in stays silent */
/* known-to-fail: gcc URB flag state is 'any store wins' and judged per function: the flag set in skel_prepare_write() and wiped by a whole assignment in skel_write_zlp() before the submission is not seen */
/* known-to-fail: sparse URB flag state is 'any store wins' and judged per function: the flag set in skel_prepare_write() and wiped by a whole assignment in skel_write_zlp() before the submission is not seen */
/* known-to-fail: cocci URB flag state is 'any store wins' and judged per function: the flag set in skel_prepare_write() and wiped by a whole assignment in skel_write_zlp() before the submission is not seen */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define MAX_TRANSFER	512

struct usb_skel {
	struct usb_device *udev;
	struct urb *write_urb;
	char *write_buf;
	__u8 bulk_out_endpointAddr;
};

static void skel_write_bulk_callback(struct urb *urb)
{
}

int skel_prepare_write(struct usb_skel *dev)
{
	dev->write_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->write_urb)
		return -ENOMEM;
	dev->write_buf = usb_alloc_coherent(dev->udev, MAX_TRANSFER, GFP_KERNEL,
					    &dev->write_urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	if (!dev->write_buf) {
		usb_free_urb(dev->write_urb);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(dev->write_urb, dev->udev,
			  usb_sndbulkpipe(dev->udev, dev->bulk_out_endpointAddr),
			  dev->write_buf, MAX_TRANSFER, skel_write_bulk_callback, dev);
	dev->write_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return 0;
}

int skel_write(struct usb_skel *dev, size_t count)
{
	dev->write_urb->transfer_buffer_length = count;
	dev->write_urb->transfer_flags |= URB_ZERO_PACKET; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(dev->write_urb, GFP_KERNEL);
}

int skel_write_zlp(struct usb_skel *dev, size_t count)
{
	dev->write_urb->transfer_buffer_length = count;
	dev->write_urb->transfer_flags = URB_ZERO_PACKET; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	return usb_submit_urb(dev->write_urb, GFP_KERNEL);
}

/* oracle: open (prepare the write URB on bulk OUT 0x02), then two writes, each after the previous completed */
void case_run(struct case_env *env)
{
	struct usb_skel *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	dev->udev = env->udev;
	dev->bulk_out_endpointAddr = 0x02;
	if (skel_prepare_write(dev))
		return;
	skel_write(dev, 64);
	usb_kill_urb(dev->write_urb);
	skel_write_zlp(dev, 64);
}
