/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic: a driver with an optional coherent buffer that stores the handle only when it got one, but sets URB_NO_TRANSFER_DMA_MAP on every path */
/* what: the handle stored on one path does not hide the path without one: warning at the flag; the fixed function, which sets the flag only with the handle, stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct opt_dev {
	struct usb_device *udev;
	struct urb *urb;
	u8 *buf;
	dma_addr_t dma;
	bool coherent;
};

static void opt_done(struct urb *urb)
{
}

int opt_submit(struct opt_dev *o)
{
	usb_fill_bulk_urb(o->urb, o->udev, usb_rcvbulkpipe(o->udev, 0x82), o->buf, 512,
			  opt_done, o);
	if (o->coherent)
		o->urb->transfer_dma = o->dma;
	o->urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(o->urb, GFP_KERNEL);
}

int opt_submit_fixed(struct opt_dev *o)
{
	usb_fill_bulk_urb(o->urb, o->udev, usb_rcvbulkpipe(o->udev, 0x82), o->buf, 512,
			  opt_done, o);
	if (o->coherent) {
		o->urb->transfer_dma = o->dma;
		o->urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	}
	return usb_submit_urb(o->urb, GFP_KERNEL);
}

static struct opt_dev *opt_new(struct usb_device *udev, bool coherent)
{
	struct opt_dev *o = kzalloc(sizeof(*o), GFP_KERNEL);

	o->udev = udev;
	o->urb = usb_alloc_urb(0, GFP_KERNEL);
	o->coherent = coherent;
	if (coherent)
		o->buf = usb_alloc_coherent(udev, 512, GFP_KERNEL, &o->dma);
	else
		o->buf = kmalloc(512, GFP_KERNEL);
	return o;
}

/* oracle: both functions on a kmalloc() buffer (the path without a handle), then with a coherent one */
void case_run(struct case_env *env)
{
	opt_submit(opt_new(env->udev, false));
	opt_submit_fixed(opt_new(env->udev, false));
	opt_submit(opt_new(env->udev, true));
	opt_submit_fixed(opt_new(env->udev, true));
}
