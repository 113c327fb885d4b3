/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, shaped after drivers/input/misc/cm109.c (6.1) cm109_usb_probe(): an URB set up with a coherent buffer and URB_NO_TRANSFER_DMA_MAP, then a later whole assignment of transfer_flags */
/* what: a later `urb->transfer_flags = URB_ZERO_PACKET` wipes URB_NO_TRANSFER_DMA_MAP on the path to the submit: warning; the flag set after the wipe, or added with |=, stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct vnd {
	struct usb_device *udev;
	struct urb *urb;
	u8 *buf;
	dma_addr_t buf_dma;
};

static void vnd_irq(struct urb *urb)
{
}

int vnd_start_wiped(struct vnd *v)
{
	usb_fill_bulk_urb(v->urb, v->udev, usb_sndbulkpipe(v->udev, 0x02), v->buf, 64,
			  vnd_irq, v);
	v->urb->transfer_dma = v->buf_dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	v->urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	v->urb->transfer_flags = URB_ZERO_PACKET;	/* wipes the flag */
	return usb_submit_urb(v->urb, GFP_KERNEL);
}

int vnd_start_set_after(struct vnd *v)
{
	usb_fill_bulk_urb(v->urb, v->udev, usb_sndbulkpipe(v->udev, 0x02), v->buf, 64,
			  vnd_irq, v);
	v->urb->transfer_dma = v->buf_dma; /* { dg-bogus "dmacheck" } */
	v->urb->transfer_flags = URB_ZERO_PACKET;
	v->urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return usb_submit_urb(v->urb, GFP_KERNEL);
}

int vnd_start_or(struct vnd *v)
{
	usb_fill_bulk_urb(v->urb, v->udev, usb_sndbulkpipe(v->udev, 0x02), v->buf, 64,
			  vnd_irq, v);
	v->urb->transfer_dma = v->buf_dma; /* { dg-bogus "dmacheck" } */
	v->urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	v->urb->transfer_flags |= URB_ZERO_PACKET;
	return usb_submit_urb(v->urb, GFP_KERNEL);
}

static struct vnd *vnd_new(struct usb_device *udev)
{
	struct vnd *v = kzalloc(sizeof(*v), GFP_KERNEL);

	v->udev = udev;
	v->urb = usb_alloc_urb(0, GFP_KERNEL);
	v->buf = usb_alloc_coherent(udev, 64, GFP_KERNEL, &v->buf_dma);
	return v;
}

/* oracle: each start function once on a fresh URB with a usb_alloc_coherent() buffer (bulk OUT 0x02) */
void case_run(struct case_env *env)
{
	vnd_start_wiped(vnd_new(env->udev));
	vnd_start_set_after(vnd_new(env->udev));
	vnd_start_or(vnd_new(env->udev));
}
