/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after drivers/usb/misc/usbtest.c (6.1) usbtest_alloc_urb(), which allocates a coherent buffer only when the caller's flags ask for URB_NO_TRANSFER_DMA_MAP; here the flag is set after the branch, for both kinds of buffer */
/* what: the handle is stored on the coherent path only and the flag set after the join: the flag line warns (the kmalloc() path submits with transfer_dma 0); the fixed function sets the flag inside the coherent branch and stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define XFER_LEN	512

static void xfer_done(struct urb *urb)
{
}

struct urb *alloc_rx_urb(struct usb_device *udev, bool coherent)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);
	void *buf;

	if (!urb)
		return NULL;
	if (coherent)
		buf = usb_alloc_coherent(udev, XFER_LEN, GFP_KERNEL, &urb->transfer_dma);
	else
		buf = kmalloc(XFER_LEN, GFP_KERNEL);
	if (!buf) {
		usb_free_urb(urb);
		return NULL;
	}
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, XFER_LEN, xfer_done, NULL);
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return urb;
}

struct urb *alloc_rx_urb_fixed(struct usb_device *udev, bool coherent)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);
	void *buf;

	if (!urb)
		return NULL;
	if (coherent) {
		buf = usb_alloc_coherent(udev, XFER_LEN, GFP_KERNEL, &urb->transfer_dma);
		urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	} else {
		buf = kmalloc(XFER_LEN, GFP_KERNEL);
	}
	if (!buf) {
		usb_free_urb(urb);
		return NULL;
	}
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, XFER_LEN, xfer_done, NULL);
	return urb;
}

/* oracle: each allocator both ways on bulk IN 0x82, each URB submitted */
void case_run(struct case_env *env)
{
	struct urb *urb;

	urb = alloc_rx_urb(env->udev, true);
	if (urb)
		usb_submit_urb(urb, GFP_KERNEL);
	urb = alloc_rx_urb(env->udev, false);
	if (urb)
		usb_submit_urb(urb, GFP_KERNEL);
	urb = alloc_rx_urb_fixed(env->udev, true);
	if (urb)
		usb_submit_urb(urb, GFP_KERNEL);
	urb = alloc_rx_urb_fixed(env->udev, false);
	if (urb)
		usb_submit_urb(urb, GFP_KERNEL);
}
