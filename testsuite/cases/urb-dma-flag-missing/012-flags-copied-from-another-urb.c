/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse */
/* origin: synthetic */
/* what: flags copied from another URB may hold URB_NO_TRANSFER_DMA_MAP -> silent; the URB's own old flags with another bit or'ed in do not set it -> warning */
#include <linux/usb.h>

static void done(struct urb *urb)
{
}

int copy_flags(struct urb *in, struct urb *out, struct usb_device *udev, void *buf,
	       dma_addr_t dma)
{
	usb_fill_bulk_urb(out, udev, usb_sndbulkpipe(udev, 2), buf, 64, done, NULL);
	out->transfer_dma = dma; /* { dg-bogus "dmacheck" } */
	out->transfer_flags = in->transfer_flags;
	return usb_submit_urb(out, GFP_KERNEL);
}

int own_flags(struct urb *out, struct usb_device *udev, void *buf, dma_addr_t dma)
{
	usb_fill_bulk_urb(out, udev, usb_sndbulkpipe(udev, 2), buf, 64, done, NULL);
	out->transfer_dma = dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	out->transfer_flags |= URB_ZERO_PACKET;
	return usb_submit_urb(out, GFP_KERNEL);
}
