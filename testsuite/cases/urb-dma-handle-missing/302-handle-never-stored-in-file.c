/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, shaped after usbkbd's LED URB (drivers/hid/usbhid/usbkbd.c, 6.1: leds_dma kept in the driver struct and stored into transfer_dma in probe) with that store left out, and control URBs filled in a function of their own */
/* what: the flag set in a submit function on a driver struct's URB, whose buffer is the driver's and whose handle no function of the file ever stores in transfer_dma, warns at the flag (the URB comes from probe's usb_alloc_urb(): transfer_dma is 0); the same with the handle stored in probe, with usb_alloc_coherent() writing straight into the URB's transfer_dma, and an URB the driver does not allocate (handed in by the caller's framework), stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct vnd_kbd {
	struct usb_device *udev;
	struct urb *led;		/* handle never stored */
	u8 *leds;
	dma_addr_t leds_dma;
	struct urb *irq;		/* handle stored in probe */
	u8 *new;
	dma_addr_t new_dma;
	struct urb *cfg;		/* usb_alloc_coherent(..., &cfg->transfer_dma) */
	u8 *cfg_buf;
	struct usb_ctrlrequest *cr;
};

struct vnd_port {
	struct urb *write_urb;		/* allocated and given its handle by the core (not here) */
	u8 *wbuf;
};

static void vnd_kbd_done(struct urb *urb)
{
}

int vnd_kbd_probe(struct vnd_kbd *k)
{
	k->led = usb_alloc_urb(0, GFP_KERNEL);
	k->irq = usb_alloc_urb(0, GFP_KERNEL);
	k->cfg = usb_alloc_urb(0, GFP_KERNEL);
	k->cr = kmalloc(sizeof(*k->cr), GFP_KERNEL);
	if (!k->led || !k->irq || !k->cfg || !k->cr)
		return -ENOMEM;
	k->leds = usb_alloc_coherent(k->udev, 1, GFP_KERNEL, &k->leds_dma);
	k->new = usb_alloc_coherent(k->udev, 8, GFP_KERNEL, &k->new_dma);
	k->cfg_buf = usb_alloc_coherent(k->udev, 4, GFP_KERNEL, &k->cfg->transfer_dma);
	if (!k->leds || !k->new || !k->cfg_buf)
		return -ENOMEM;
	k->irq->transfer_dma = k->new_dma; /* { dg-bogus "dmacheck" } */
	return 0;
}

int vnd_kbd_set_leds(struct vnd_kbd *k, u8 leds)
{
	k->cr->bRequestType = USB_TYPE_CLASS | USB_RECIP_INTERFACE;
	k->cr->bRequest = 0x09;
	k->cr->wValue = cpu_to_le16(0x200);
	k->cr->wIndex = 0;
	k->cr->wLength = cpu_to_le16(1);
	*k->leds = leds;
	usb_fill_control_urb(k->led, k->udev, usb_sndctrlpipe(k->udev, 0), (void *)k->cr,
			     k->leds, 1, vnd_kbd_done, k);
	k->led->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(k->led, GFP_ATOMIC);
}

int vnd_kbd_open(struct vnd_kbd *k)
{
	usb_fill_int_urb(k->irq, k->udev, usb_rcvintpipe(k->udev, 0x81), k->new, 8,
			 vnd_kbd_done, k, 10);
	k->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(k->irq, GFP_KERNEL);
}

int vnd_kbd_read_cfg(struct vnd_kbd *k)
{
	usb_fill_int_urb(k->cfg, k->udev, usb_rcvintpipe(k->udev, 0x81), k->cfg_buf, 4,
			 vnd_kbd_done, k, 10);
	k->cfg->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(k->cfg, GFP_KERNEL);
}

int vnd_port_write(struct vnd_port *p, struct usb_device *udev, int len)
{
	usb_fill_bulk_urb(p->write_urb, udev, usb_sndbulkpipe(udev, 0x02), p->wbuf, len,
			  vnd_kbd_done, p);
	p->write_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(p->write_urb, GFP_ATOMIC);
}

/* oracle: probe, the LED report, open, the config read; a port whose URB the framework
 * allocated with a coherent buffer and its handle */
void case_run(struct case_env *env)
{
	struct vnd_kbd *k = kzalloc(sizeof(*k), GFP_KERNEL);
	struct vnd_port *p = kzalloc(sizeof(*p), GFP_KERNEL);
	struct urb *u = usb_alloc_urb(0, GFP_KERNEL);

	k->udev = env->udev;
	if (vnd_kbd_probe(k))
		return;
	vnd_kbd_set_leds(k, 1);
	vnd_kbd_open(k);
	vnd_kbd_read_cfg(k);
	p->wbuf = usb_alloc_coherent(env->udev, 64, GFP_KERNEL, &u->transfer_dma);
	p->write_urb = u;
	vnd_port_write(p, env->udev, 64);
}
