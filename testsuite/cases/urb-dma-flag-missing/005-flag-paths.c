/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse */
/* origin: synthetic */
/* what: which flag operations count: cleared, set on another URB, only a different flag -> warning; set on some path, set before the handle, set with "=" of several constants -> silent */
#include <linux/usb.h>

static void done(struct urb *urb)
{
}

int flag_cleared(struct urb *urb, struct usb_device *udev, void *buf, dma_addr_t dma, int len)
{
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, len, done, NULL);
	urb->transfer_dma = dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	urb->transfer_flags &= ~URB_NO_TRANSFER_DMA_MAP;
	return usb_submit_urb(urb, GFP_KERNEL);
}

int flag_on_other_urb(struct urb *in, struct urb *out, struct usb_device *udev,
		      void *inbuf, dma_addr_t indma, void *outbuf, dma_addr_t outdma)
{
	int ret;

	usb_fill_bulk_urb(in, udev, usb_rcvbulkpipe(udev, 1), inbuf, 64, done, NULL);
	in->transfer_dma = indma; /* { dg-bogus "dmacheck" } */
	in->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	usb_fill_bulk_urb(out, udev, usb_sndbulkpipe(udev, 2), outbuf, 64, done, NULL);
	out->transfer_dma = outdma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	ret = usb_submit_urb(in, GFP_KERNEL);
	if (ret)
		return ret;
	return usb_submit_urb(out, GFP_KERNEL);
}

int other_flags_only(struct urb *urb, struct usb_device *udev, void *buf, dma_addr_t dma)
{
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, 512, done, NULL);
	urb->transfer_flags |= URB_ZERO_PACKET | URB_SHORT_NOT_OK;
	urb->transfer_dma = dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int handle_on_one_path(struct urb *urb, struct usb_device *udev, void *buf,
		       dma_addr_t dma, bool coherent)
{
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, 512, done, NULL);
	if (coherent)
		urb->transfer_dma = dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int flag_on_one_path(struct urb *urb, struct usb_device *udev, void *buf,
		     dma_addr_t dma, bool coherent)
{
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, 512, done, NULL);
	urb->transfer_dma = dma; /* { dg-bogus "dmacheck" } */
	if (coherent)
		urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return usb_submit_urb(urb, GFP_KERNEL);
}

int flag_first(struct urb *urb, struct usb_device *udev, void *buf, dma_addr_t dma)
{
	urb->transfer_flags = URB_ZERO_PACKET | URB_NO_TRANSFER_DMA_MAP | URB_SHORT_NOT_OK;
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, 512, done, NULL);
	urb->transfer_dma = dma; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

void reads_and_frees(struct urb *urb, struct usb_device *udev, dma_addr_t *out)
{
	*out = urb->transfer_dma; /* { dg-bogus "dmacheck" } */
	usb_free_coherent(udev, urb->transfer_buffer_length, urb->transfer_buffer,
			  urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	urb->setup_dma = 0; /* { dg-bogus "dmacheck" } */
}
