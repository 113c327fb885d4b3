/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/usb/misc/usbtest.c (6.1) usbtest_alloc_urb() */
/* what: transfer_flags assigned from the caller's value and the handle allocated only when that value has URB_NO_TRANSFER_DMA_MAP: the flag is set on that path, silent; flags from constants without it still warn */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

static void simple_callback(struct urb *urb)
{
}

struct urb *usbtest_alloc_urb(struct usb_device *udev, int pipe, unsigned long bytes,
			      unsigned int transfer_flags, unsigned int offset)
{
	struct urb *urb;

	urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!urb)
		return urb;
	usb_fill_bulk_urb(urb, udev, pipe, NULL, bytes, simple_callback, NULL);
	urb->interval = 1;
	urb->transfer_flags = transfer_flags;
	if (usb_pipein(pipe))
		urb->transfer_flags |= URB_SHORT_NOT_OK;

	if ((bytes + offset) == 0)
		return urb;

	if (urb->transfer_flags & URB_NO_TRANSFER_DMA_MAP)
		urb->transfer_buffer = usb_alloc_coherent(udev, bytes + offset,
			GFP_KERNEL, &urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	else
		urb->transfer_buffer = kmalloc(bytes + offset, GFP_KERNEL);

	if (!urb->transfer_buffer) {
		usb_free_urb(urb);
		return NULL;
	}
	return urb;
}

/* synthetic: the same with constant flags that lack URB_NO_TRANSFER_DMA_MAP */
struct urb *alloc_urb_constant_flags(struct usb_device *udev, int pipe, unsigned long bytes)
{
	struct urb *urb;

	urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!urb)
		return urb;
	usb_fill_bulk_urb(urb, udev, pipe, NULL, bytes, simple_callback, NULL);
	urb->transfer_flags = URB_SHORT_NOT_OK | URB_ZERO_PACKET;
	urb->transfer_buffer = usb_alloc_coherent(udev, bytes, GFP_KERNEL,
						  &urb->transfer_dma); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	if (!urb->transfer_buffer) {
		usb_free_urb(urb);
		return NULL;
	}
	return urb;
}

/* oracle: usbtest_alloc_urb() on bulk IN 0x82 with URB_NO_TRANSFER_DMA_MAP (coherent) and without
 * (kmalloc), alloc_urb_constant_flags() on bulk OUT 0x02; each URB submitted (simple_io()) */
void case_run(struct case_env *env)
{
	struct usb_device *udev = env->udev;
	struct urb *urb;

	urb = usbtest_alloc_urb(udev, usb_rcvbulkpipe(udev, 2), 512, URB_NO_TRANSFER_DMA_MAP, 0);
	if (urb)
		usb_submit_urb(urb, GFP_KERNEL);
	urb = usbtest_alloc_urb(udev, usb_rcvbulkpipe(udev, 2), 512, 0, 0);
	if (urb)
		usb_submit_urb(urb, GFP_KERNEL);
	urb = alloc_urb_constant_flags(udev, usb_sndbulkpipe(udev, 2), 512);
	if (urb)
		usb_submit_urb(urb, GFP_KERNEL);
}
