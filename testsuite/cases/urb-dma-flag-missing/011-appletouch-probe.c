/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/input/mouse/appletouch.c atp_probe() (6.1), a true finding of dmacheck scan (docs/findings-6.1.md); the _fixed variant adds the flag */
/* what: the URB and its buffer live in the driver's struct (dev->urb, dev->data): the handle goes to &dev->urb->transfer_dma, the flag is never set -> warning; with the flag -> silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct atp_info {
	int datalen;
	usb_complete_t callback;
};

struct atp {
	struct usb_device *udev;
	struct usb_interface *intf;
	struct urb *urb;
	u8 *data;
	const struct atp_info *info;
};

int atp_probe(struct usb_interface *iface, struct atp *dev, int int_in_endpointAddr)
{
	struct usb_device *udev = interface_to_usbdev(iface);

	dev->udev = udev;
	dev->intf = iface;
	dev->urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->urb)
		return -ENOMEM;

	dev->data = usb_alloc_coherent(dev->udev, dev->info->datalen, GFP_KERNEL,
				       &dev->urb->transfer_dma); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	if (!dev->data) {
		usb_free_urb(dev->urb);
		return -ENOMEM;
	}

	usb_fill_int_urb(dev->urb, udev,
			 usb_rcvintpipe(udev, int_in_endpointAddr),
			 dev->data, dev->info->datalen,
			 dev->info->callback, dev, 1);
	return 0;
}

int atp_probe_fixed(struct usb_interface *iface, struct atp *dev, int int_in_endpointAddr)
{
	struct usb_device *udev = interface_to_usbdev(iface);

	dev->udev = udev;
	dev->urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->urb)
		return -ENOMEM;

	dev->data = usb_alloc_coherent(dev->udev, dev->info->datalen, GFP_KERNEL,
				       &dev->urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	if (!dev->data) {
		usb_free_urb(dev->urb);
		return -ENOMEM;
	}

	usb_fill_int_urb(dev->urb, udev,
			 usb_rcvintpipe(udev, int_in_endpointAddr),
			 dev->data, dev->info->datalen,
			 dev->info->callback, dev, 1);
	dev->urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return 0;
}

static void atp_complete_geyser_3_4(struct urb *urb)
{
}

/* oracle: probe both variants on interrupt IN 0x81 (8-byte packets), then open (atp_open() submits dev->urb) */
void case_run(struct case_env *env)
{
	struct atp_info *info = kzalloc(sizeof(*info), GFP_KERNEL);
	struct atp *dev;

	info->datalen = 8;
	info->callback = atp_complete_geyser_3_4;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	dev->info = info;
	if (atp_probe(env->intf, dev, 0x81) == 0)
		usb_submit_urb(dev->urb, GFP_KERNEL);
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	dev->info = info;
	if (atp_probe_fixed(env->intf, dev, 0x81) == 0)
		usb_submit_urb(dev->urb, GFP_KERNEL);
}
