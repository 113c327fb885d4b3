/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, after the rule's documented example (docs/rules/urb-dma-handle-missing.md): a usb_alloc_coherent() buffer whose handle the driver keeps in its own struct */
/* what: a coherent buffer, URB_NO_TRANSFER_DMA_MAP set, the handle kept in dev->in_dma and never stored in urb->transfer_dma: warning (the HCD DMAs to bus address 0); storing it stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct kbd {
	struct usb_device *udev;
	struct urb *irq;
	u8 *in;
	dma_addr_t in_dma;
};

static void kbd_irq(struct urb *urb)
{
}

int kbd_open_forgot(struct kbd *k)
{
	k->in = usb_alloc_coherent(k->udev, 8, GFP_KERNEL, &k->in_dma);
	if (!k->in)
		return -ENOMEM;
	usb_fill_int_urb(k->irq, k->udev, usb_rcvintpipe(k->udev, 0x81), k->in, 8, kbd_irq, k, 10);
	k->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(k->irq, GFP_KERNEL);
}

int kbd_open(struct kbd *k)
{
	k->in = usb_alloc_coherent(k->udev, 8, GFP_KERNEL, &k->in_dma);
	if (!k->in)
		return -ENOMEM;
	usb_fill_int_urb(k->irq, k->udev, usb_rcvintpipe(k->udev, 0x81), k->in, 8, kbd_irq, k, 10);
	k->irq->transfer_dma = k->in_dma;
	k->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(k->irq, GFP_KERNEL);
}

static struct kbd *kbd_new(struct usb_device *udev)
{
	struct kbd *k = kzalloc(sizeof(*k), GFP_KERNEL);

	k->udev = udev;
	k->irq = usb_alloc_urb(0, GFP_KERNEL);
	return k;
}

/* oracle: open both ways on fresh URBs (interrupt IN 0x81) */
void case_run(struct case_env *env)
{
	kbd_open_forgot(kbd_new(env->udev));
	kbd_open(kbd_new(env->udev));
}
