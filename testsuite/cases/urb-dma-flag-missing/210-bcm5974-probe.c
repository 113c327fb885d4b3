/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc sparse cocci core */
/* origin: pattern before commit 'Input: bcm5974 - set missing URB_NO_TRANSFER_DMA_MAP urb flag' (2022), drivers/input/mouse/bcm5974.c bcm5974_probe(), reduced (the input device, the configuration table and the error paths cut down) */
/* what: the button and trackpad buffers come from usb_alloc_coherent() with their handles stored into &urb->transfer_dma, the URBs are filled, and the flag is set on neither: both handle stores warn; the fixed probe stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct bcm5974_config {
	int bt_ep, bt_datalen;
	int tp_ep, tp_datalen;
};

struct bcm5974 {
	struct usb_device *udev;
	struct bcm5974_config cfg;
	struct urb *bt_urb;
	u8 *bt_data;
	struct urb *tp_urb;
	u8 *tp_data;
};

static void bcm5974_irq_button(struct urb *urb)
{
}

static void bcm5974_irq_trackpad(struct urb *urb)
{
}

int bcm5974_probe(struct bcm5974 *dev, struct usb_device *udev)
{
	const struct bcm5974_config *cfg = &dev->cfg;

	dev->udev = udev;
	dev->bt_urb = usb_alloc_urb(0, GFP_KERNEL);
	dev->tp_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->bt_urb || !dev->tp_urb)
		return -ENOMEM;

	dev->bt_data = usb_alloc_coherent(dev->udev, dev->cfg.bt_datalen, GFP_KERNEL,
					  &dev->bt_urb->transfer_dma); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	if (!dev->bt_data)
		return -ENOMEM;

	dev->tp_data = usb_alloc_coherent(dev->udev, dev->cfg.tp_datalen, GFP_KERNEL,
					  &dev->tp_urb->transfer_dma); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	if (!dev->tp_data)
		return -ENOMEM;

	usb_fill_int_urb(dev->bt_urb, udev, usb_rcvintpipe(udev, cfg->bt_ep),
			 dev->bt_data, dev->cfg.bt_datalen,
			 bcm5974_irq_button, dev, 1);

	usb_fill_int_urb(dev->tp_urb, udev, usb_rcvintpipe(udev, cfg->tp_ep),
			 dev->tp_data, dev->cfg.tp_datalen,
			 bcm5974_irq_trackpad, dev, 1);
	return 0;
}

int bcm5974_probe_fixed(struct bcm5974 *dev, struct usb_device *udev)
{
	const struct bcm5974_config *cfg = &dev->cfg;

	dev->udev = udev;
	dev->bt_urb = usb_alloc_urb(0, GFP_KERNEL);
	dev->tp_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->bt_urb || !dev->tp_urb)
		return -ENOMEM;

	dev->bt_data = usb_alloc_coherent(dev->udev, dev->cfg.bt_datalen, GFP_KERNEL,
					  &dev->bt_urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	if (!dev->bt_data)
		return -ENOMEM;

	dev->tp_data = usb_alloc_coherent(dev->udev, dev->cfg.tp_datalen, GFP_KERNEL,
					  &dev->tp_urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	if (!dev->tp_data)
		return -ENOMEM;

	usb_fill_int_urb(dev->bt_urb, udev, usb_rcvintpipe(udev, cfg->bt_ep),
			 dev->bt_data, dev->cfg.bt_datalen,
			 bcm5974_irq_button, dev, 1);
	dev->bt_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	usb_fill_int_urb(dev->tp_urb, udev, usb_rcvintpipe(udev, cfg->tp_ep),
			 dev->tp_data, dev->cfg.tp_datalen,
			 bcm5974_irq_trackpad, dev, 1);
	dev->tp_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return 0;
}

/* oracle: each probe, then open() submits the trackpad and button URBs */
void case_run(struct case_env *env)
{
	struct bcm5974 *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct bcm5974 *b = kzalloc(sizeof(*b), GFP_KERNEL);

	a->cfg.bt_ep = b->cfg.bt_ep = 0x81;
	a->cfg.bt_datalen = b->cfg.bt_datalen = 8;
	a->cfg.tp_ep = b->cfg.tp_ep = 0x81;
	a->cfg.tp_datalen = b->cfg.tp_datalen = 8;
	if (bcm5974_probe(a, env->udev) == 0) {
		usb_submit_urb(a->tp_urb, GFP_KERNEL);
		usb_kill_urb(a->tp_urb);
		usb_submit_urb(a->bt_urb, GFP_KERNEL);
		usb_kill_urb(a->bt_urb);
	}
	if (bcm5974_probe_fixed(b, env->udev) == 0) {
		usb_submit_urb(b->tp_urb, GFP_KERNEL);
		usb_kill_urb(b->tp_urb);
		usb_submit_urb(b->bt_urb, GFP_KERNEL);
	}
}
