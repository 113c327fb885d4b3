/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, shaped after drivers that split URB set-up into small same-file helpers (drivers/media/usb/em28xx-style fill / flag helpers, 6.1) */
/* what: a helper that sets URB_NO_TRANSFER_DMA_MAP on its URB parameter counts for the caller (silent); a helper that assigns transfer_flags whole wipes the flag the caller set (warning); an URB filled by a helper and given a handle by the caller without the flag warns */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct vnd {
	struct usb_device *udev;
	u8 *buf;
	dma_addr_t dma;
};

static void vnd_done(struct urb *urb)
{
}

static void vnd_fill(struct vnd *v, struct urb *urb)
{
	usb_fill_bulk_urb(urb, v->udev, usb_sndbulkpipe(v->udev, 0x02), v->buf, 64, vnd_done, v);
}

static void vnd_no_map(struct urb *urb)
{
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
}

static void vnd_reset_flags(struct urb *urb)
{
	urb->transfer_flags = URB_ZERO_PACKET;
}

int vnd_send_helper_flag(struct vnd *v, struct urb *urb)
{
	usb_fill_bulk_urb(urb, v->udev, usb_sndbulkpipe(v->udev, 0x02), v->buf, 64, vnd_done, v);
	urb->transfer_dma = v->dma; /* { dg-bogus "dmacheck" } */
	vnd_no_map(urb);
	return usb_submit_urb(urb, GFP_KERNEL);
}

int vnd_send_helper_reset(struct vnd *v, struct urb *urb)
{
	usb_fill_bulk_urb(urb, v->udev, usb_sndbulkpipe(v->udev, 0x02), v->buf, 64, vnd_done, v);
	urb->transfer_dma = v->dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	vnd_reset_flags(urb);
	return usb_submit_urb(urb, GFP_KERNEL);
}

int vnd_send_helper_fill(struct vnd *v, struct urb *urb)
{
	vnd_fill(v, urb);
	urb->transfer_dma = v->dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: each sender once on a fresh URB with a usb_alloc_coherent() buffer (bulk OUT 0x02) */
void case_run(struct case_env *env)
{
	struct vnd *v = kzalloc(sizeof(*v), GFP_KERNEL);

	v->udev = env->udev;
	v->buf = usb_alloc_coherent(env->udev, 64, GFP_KERNEL, &v->dma);
	vnd_send_helper_flag(v, usb_alloc_urb(0, GFP_KERNEL));
	vnd_send_helper_reset(v, usb_alloc_urb(0, GFP_KERNEL));
	vnd_send_helper_fill(v, usb_alloc_urb(0, GFP_KERNEL));
}
