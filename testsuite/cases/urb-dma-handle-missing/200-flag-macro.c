/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a half-done conversion from usb_alloc_coherent() to kmalloc() in a driver that names its flag set in a macro) */
/* what: a driver macro containing URB_NO_TRANSFER_DMA_MAP set on an URB whose buffer is kmalloc()ed and no handle stored warns; the same macro with a coherent buffer and its handle stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define BAR_URB_FLAGS	(URB_NO_TRANSFER_DMA_MAP | URB_ZERO_PACKET)

struct bar_dev {
	struct usb_device *udev;
	struct urb *urb;
	u8 *buf;
	dma_addr_t buf_dma;
};

static void bar_done(struct urb *urb)
{
}

int bar_start_kmalloc(struct bar_dev *d)
{
	d->buf = kmalloc(64, GFP_KERNEL);
	if (!d->buf)
		return -ENOMEM;
	usb_fill_bulk_urb(d->urb, d->udev, usb_sndbulkpipe(d->udev, 2), d->buf, 64, bar_done, d);
	d->urb->transfer_flags |= BAR_URB_FLAGS; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(d->urb, GFP_KERNEL);
}

int bar_start_coherent(struct bar_dev *d)
{
	d->buf = usb_alloc_coherent(d->udev, 64, GFP_KERNEL, &d->buf_dma);
	if (!d->buf)
		return -ENOMEM;
	usb_fill_bulk_urb(d->urb, d->udev, usb_sndbulkpipe(d->udev, 2), d->buf, 64, bar_done, d);
	d->urb->transfer_dma = d->buf_dma;
	d->urb->transfer_flags = BAR_URB_FLAGS; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(d->urb, GFP_KERNEL);
}

/* oracle: the kmalloc start, then (after killing that URB) the coherent one */
void case_run(struct case_env *env)
{
	struct bar_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	d->udev = env->udev;
	d->urb = usb_alloc_urb(0, GFP_KERNEL);
	bar_start_kmalloc(d);
	usb_kill_urb(d->urb);
	bar_start_coherent(d);
}
