/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: drivers/input/mouse/bcm5974.c (6.1) bcm5974_probe(): the button URB exists only on some models; its coherent buffer (handle into bt_urb->transfer_dma) and its fill and flag sit under two separate `if (dev->bt_urb)`. The GCC plugin reported the flag line at 951 of the merged analysis' corpus scan (2026-12-03) until a NULL test of the URB pointer ended the URB's paths on its NULL edge */
/* what: an optional URB tested for NULL twice, handle under the first test, flag under the second: silent (no path reaches the flag without the handle); the same shape where the handle is stored under an unrelated condition (a model capability) and the flag under the URB test warns: the path that skips the handle and sets the flag exists */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define BT_LEN		8
#define HAS_BT_COHERENT	0x1

struct pad {
	struct usb_device *udev;
	struct urb *bt_urb;
	u8 *bt_data;
	unsigned int caps;
};

static void pad_irq(struct urb *urb)
{
}

int pad_probe(struct pad *dev, bool has_button)
{
	if (has_button) {
		dev->bt_urb = usb_alloc_urb(0, GFP_KERNEL);
		if (!dev->bt_urb)
			return -ENOMEM;
	}
	if (dev->bt_urb) {
		dev->bt_data = usb_alloc_coherent(dev->udev, BT_LEN, GFP_KERNEL,
						  &dev->bt_urb->transfer_dma);
		if (!dev->bt_data)
			return -ENOMEM;
	}
	if (dev->bt_urb) {
		usb_fill_int_urb(dev->bt_urb, dev->udev, usb_rcvintpipe(dev->udev, 1),
				 dev->bt_data, BT_LEN, pad_irq, dev, 1);
		dev->bt_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	}
	return 0;
}

int pad_probe_caps(struct pad *dev)
{
	dev->bt_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->bt_urb)
		return -ENOMEM;
	if (dev->caps & HAS_BT_COHERENT)
		dev->bt_data = usb_alloc_coherent(dev->udev, BT_LEN, GFP_KERNEL,
						  &dev->bt_urb->transfer_dma);
	else
		dev->bt_data = kmalloc(BT_LEN, GFP_KERNEL);
	if (!dev->bt_data)
		return -ENOMEM;
	if (dev->bt_urb) {
		usb_fill_int_urb(dev->bt_urb, dev->udev, usb_rcvintpipe(dev->udev, 1),
				 dev->bt_data, BT_LEN, pad_irq, dev, 1);
		dev->bt_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	}
	return 0;
}

/* oracle: the model with a button, the one without, and the kmalloc() model of the second
 * probe; every button URB that exists is submitted */
void case_run(struct case_env *env)
{
	struct pad *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct pad *b = kzalloc(sizeof(*b), GFP_KERNEL);
	struct pad *c = kzalloc(sizeof(*c), GFP_KERNEL);

	a->udev = b->udev = c->udev = env->udev;
	if (!pad_probe(a, true))
		usb_submit_urb(a->bt_urb, GFP_KERNEL);
	pad_probe(b, false);
	c->caps = 0;
	if (!pad_probe_caps(c))
		usb_submit_urb(c->bt_urb, GFP_KERNEL);
}
