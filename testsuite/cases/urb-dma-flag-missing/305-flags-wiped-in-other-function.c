/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, shaped after input and HID drivers that set an interrupt URB up once in probe with a usb_alloc_coherent() buffer and its handle, and resubmit it from resume/reset_resume or after a stall (drivers/input/tablet, drivers/input/misc, 6.1); the wipe in the restart path is the bug put in */
/* what: probe stores the handle and sets URB_NO_TRANSFER_DMA_MAP; a restart function that assigns transfer_flags whole (directly, or through a small helper) and resubmits the URB makes probe's handle store warn; a restart that keeps the flags (|=), and one that gives the URB another (kmalloc) buffer with the flag cleared, stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define VND_PKT	8

struct vnd_tab {
	struct usb_device *udev;
	struct urb *irq;		/* wiped directly in vnd_tab_restart() */
	u8 *irq_buf;
	dma_addr_t irq_dma;
	struct urb *btn;		/* wiped by vnd_urb_reset() in vnd_tab_resume() */
	u8 *btn_buf;
	dma_addr_t btn_dma;
	struct urb *led;		/* |= only: keeps the flag */
	u8 *led_buf;
	dma_addr_t led_dma;
	struct urb *dbg;		/* switched to a kmalloc() bounce with the flag cleared */
	u8 *dbg_buf;
	dma_addr_t dbg_dma;
	u8 *dbg_bounce;
};

static void vnd_tab_irq(struct urb *urb)
{
}

static int vnd_tab_setup(struct vnd_tab *t, struct urb *urb, u8 *buf, dma_addr_t dma)
{
	usb_fill_int_urb(urb, t->udev, usb_rcvintpipe(t->udev, 0x81), buf, VND_PKT, vnd_tab_irq, t, 4);
	return 0;
}

int vnd_tab_probe(struct vnd_tab *t)
{
	t->irq = usb_alloc_urb(0, GFP_KERNEL);
	t->btn = usb_alloc_urb(0, GFP_KERNEL);
	t->led = usb_alloc_urb(0, GFP_KERNEL);
	t->dbg = usb_alloc_urb(0, GFP_KERNEL);
	if (!t->irq || !t->btn || !t->led || !t->dbg)
		return -ENOMEM;
	t->irq_buf = usb_alloc_coherent(t->udev, VND_PKT, GFP_KERNEL, &t->irq_dma);
	t->btn_buf = usb_alloc_coherent(t->udev, VND_PKT, GFP_KERNEL, &t->btn_dma);
	t->led_buf = usb_alloc_coherent(t->udev, VND_PKT, GFP_KERNEL, &t->led_dma);
	t->dbg_buf = usb_alloc_coherent(t->udev, VND_PKT, GFP_KERNEL, &t->dbg_dma);
	if (!t->irq_buf || !t->btn_buf || !t->led_buf || !t->dbg_buf)
		return -ENOMEM;

	vnd_tab_setup(t, t->irq, t->irq_buf, t->irq_dma);
	t->irq->transfer_dma = t->irq_dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	t->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	vnd_tab_setup(t, t->btn, t->btn_buf, t->btn_dma);
	t->btn->transfer_dma = t->btn_dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	t->btn->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	vnd_tab_setup(t, t->led, t->led_buf, t->led_dma);
	t->led->transfer_dma = t->led_dma; /* { dg-bogus "dmacheck" } */
	t->led->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	vnd_tab_setup(t, t->dbg, t->dbg_buf, t->dbg_dma);
	t->dbg->transfer_dma = t->dbg_dma; /* { dg-bogus "dmacheck" } */
	t->dbg->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return 0;
}

/* after a stall: "start clean" */
int vnd_tab_restart(struct vnd_tab *t)
{
	t->irq->transfer_flags = 0;
	return usb_submit_urb(t->irq, GFP_ATOMIC);
}

static void vnd_urb_reset(struct urb *urb)
{
	urb->transfer_flags = URB_ZERO_PACKET & 0;
}

int vnd_tab_resume(struct vnd_tab *t)
{
	int ret;

	vnd_urb_reset(t->btn);
	ret = usb_submit_urb(t->btn, GFP_NOIO);
	if (ret)
		return ret;
	t->led->transfer_flags |= URB_SHORT_NOT_OK;
	return usb_submit_urb(t->led, GFP_NOIO);
}

/* the debug endpoint falls back to a kmalloc() bounce: the stale handle is not used */
int vnd_tab_dbg_bounce(struct vnd_tab *t)
{
	t->dbg_bounce = kmalloc(VND_PKT, GFP_KERNEL);
	if (!t->dbg_bounce)
		return -ENOMEM;
	t->dbg->transfer_buffer = t->dbg_bounce;
	t->dbg->transfer_flags &= ~URB_NO_TRANSFER_DMA_MAP;
	return usb_submit_urb(t->dbg, GFP_KERNEL);
}

/* oracle: probe, then a restart, a resume and the debug bounce */
void case_run(struct case_env *env)
{
	struct vnd_tab *t = kzalloc(sizeof(*t), GFP_KERNEL);

	t->udev = env->udev;
	if (vnd_tab_probe(t))
		return;
	vnd_tab_restart(t);
	vnd_tab_resume(t);
	vnd_tab_dbg_bounce(t);
}
