/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a probe that picks "the device" by a quirk flag, as drivers/usb/misc and vendor drivers choose between the interface and its parent USB device for sysfs and DMA set-up) */
/* what: a local that is the interface on one path and intf->dev.parent (the USB device) on the other: the mask call on it warns; the same shape choosing between the host controller's sysdev and controller stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

#define QUIRK_WHOLE_DEVICE	0x1

int qdev_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct device *dev;
	unsigned long quirks = id ? id->driver_info : 0;

	if (quirks & QUIRK_WHOLE_DEVICE)
		dev = intf->dev.parent;
	else
		dev = &intf->dev;
	return dma_set_coherent_mask(dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

u64 qdev_host_limit(struct usb_interface *intf, bool sys)
{
	struct usb_device *udev = interface_to_usbdev(intf);
	struct device *dev;

	if (sys)
		dev = udev->bus->sysdev;
	else
		dev = udev->bus->controller;
	return dma_get_mask(dev); /* { dg-bogus "dmacheck" } */
}

/* oracle: probe without and with the quirk, then read the host's limit both ways */
void case_run(struct case_env *env)
{
	struct usb_device_id *id = kzalloc(sizeof(*id), GFP_KERNEL);

	id->driver_info = QUIRK_WHOLE_DEVICE;
	qdev_probe(env->intf, NULL);
	qdev_probe(env->intf, id);
	kfree(id);
	qdev_host_limit(env->intf, true);
	qdev_host_limit(env->intf, false);
}
