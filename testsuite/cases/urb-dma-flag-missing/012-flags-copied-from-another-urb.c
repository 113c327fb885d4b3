/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic */
/* what: flags copied from another URB may hold URB_NO_TRANSFER_DMA_MAP -> silent; the URB's own old flags with another bit or'ed in do not set it -> warning */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

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

struct coh_buf {
	void *buf;
	dma_addr_t dma;
};

/* oracle: copy_flags() from a template URB that has URB_NO_TRANSFER_DMA_MAP, own_flags() on a fresh URB;
 * both with usb_alloc_coherent() buffers on bulk OUT 0x02 */
void case_run(struct case_env *env)
{
	struct usb_device *udev = env->udev;
	struct coh_buf *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct coh_buf *b = kzalloc(sizeof(*b), GFP_KERNEL);
	struct urb *tmpl = usb_alloc_urb(0, GFP_KERNEL);

	tmpl->transfer_flags = URB_NO_TRANSFER_DMA_MAP;
	a->buf = usb_alloc_coherent(udev, 64, GFP_KERNEL, &a->dma);
	copy_flags(tmpl, usb_alloc_urb(0, GFP_KERNEL), udev, a->buf, a->dma);
	b->buf = usb_alloc_coherent(udev, 64, GFP_KERNEL, &b->dma);
	own_flags(usb_alloc_urb(0, GFP_KERNEL), udev, b->buf, b->dma);
}
