/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, shaped after drivers that keep a coherent buffer as { vaddr, dma, size } and attach it to an URB in a small helper (the usb_alloc_coherent() buffer structs of drivers/media/usb and drivers/input, 6.1) */
/* what: a helper that stores transfer_dma on its URB parameter stores a handle for the caller: the caller that fills the URB and never sets URB_NO_TRANSFER_DMA_MAP warns at the helper's call; the caller that sets the flag afterwards, and a helper that attaches the handle and sets the flag itself, stay silent; the caller of a function that already warned is not told again */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct vnd_coh {
	void *vaddr;
	dma_addr_t dma;
	u32 size;
};

struct vnd_cam {
	struct usb_device *udev;
	struct urb *ctrl_urb;
	struct urb *iso_urb;
	struct urb *irq_urb;
	struct vnd_coh ctrl;
	struct vnd_coh iso;
	struct vnd_coh irq;
};

static void vnd_cam_done(struct urb *urb)
{
}

static void vnd_coh_attach(struct urb *urb, struct vnd_coh *b)
{
	urb->transfer_buffer = b->vaddr;
	urb->transfer_buffer_length = b->size;
	urb->transfer_dma = b->dma; /* { dg-bogus "dmacheck" } */
}

static void vnd_coh_attach_nomap(struct urb *urb, struct vnd_coh *b)
{
	vnd_coh_attach(urb, b);
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
}

int vnd_cam_start_ctrl(struct vnd_cam *c)
{
	usb_fill_bulk_urb(c->ctrl_urb, c->udev, usb_sndbulkpipe(c->udev, 0x01), NULL, 0,
			  vnd_cam_done, c);
	vnd_coh_attach(c->ctrl_urb, &c->ctrl); /* { dg-bogus "dmacheck" } */
	c->ctrl_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return usb_submit_urb(c->ctrl_urb, GFP_KERNEL);
}

int vnd_cam_start_iso(struct vnd_cam *c)
{
	usb_fill_bulk_urb(c->iso_urb, c->udev, usb_rcvbulkpipe(c->udev, 0x82), NULL, 0,
			  vnd_cam_done, c);
	vnd_coh_attach(c->iso_urb, &c->iso); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	return usb_submit_urb(c->iso_urb, GFP_KERNEL);
}

int vnd_cam_start_irq(struct vnd_cam *c)
{
	usb_fill_int_urb(c->irq_urb, c->udev, usb_rcvintpipe(c->udev, 0x83), NULL, 0,
			 vnd_cam_done, c, 4);
	vnd_coh_attach_nomap(c->irq_urb, &c->irq); /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(c->irq_urb, GFP_KERNEL);
}

static int vnd_coh_alloc(struct vnd_cam *c, struct vnd_coh *b, u32 size)
{
	b->vaddr = usb_alloc_coherent(c->udev, size, GFP_KERNEL, &b->dma);
	b->size = size;
	return b->vaddr ? 0 : -ENOMEM;
}

int vnd_cam_start(struct vnd_cam *c)
{
	int ret = vnd_cam_start_ctrl(c);

	if (!ret)
		ret = vnd_cam_start_iso(c); /* { dg-bogus "dmacheck" } */
	if (!ret)
		ret = vnd_cam_start_irq(c);
	return ret;
}

/* oracle: three coherent buffers and URBs, then the three starts */
void case_run(struct case_env *env)
{
	struct vnd_cam *c = kzalloc(sizeof(*c), GFP_KERNEL);

	c->udev = env->udev;
	c->ctrl_urb = usb_alloc_urb(0, GFP_KERNEL);
	c->iso_urb = usb_alloc_urb(0, GFP_KERNEL);
	c->irq_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (vnd_coh_alloc(c, &c->ctrl, 16) || vnd_coh_alloc(c, &c->iso, 512) ||
	    vnd_coh_alloc(c, &c->irq, 8))
		return;
	vnd_cam_start(c);
}
