/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic, in the probe style of drivers/net/usb and drivers/media/usb ("struct device *dev = &intf->dev;") */
/* what: a local struct device * that holds &intf->dev or &udev->dev (on one path or all) warns */
#include <linux/usb.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

int probe_devptr(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct device *dev = &intf->dev;
	int ret;

	dev_dbg(dev, "probing\n");
	ret = dma_set_mask(dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
	if (ret)
		dev_err(dev, "no 32-bit DMA\n");
	return ret;
}

int probe_udev_devptr(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_device *udev = interface_to_usbdev(intf);
	struct device *dev;

	dev = &udev->dev;
	return dma_coerce_mask_and_coherent(dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int probe_either(struct usb_interface *intf, bool whole_device)
{
	struct device *dev = whole_device ? &interface_to_usbdev(intf)->dev : &intf->dev;

	return dma_set_coherent_mask(dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

/* oracle: the two probes on the interface, then probe_either() on both of its paths */
void case_run(struct case_env *env)
{
	probe_devptr(env->intf, NULL);
	probe_udev_devptr(env->intf, NULL);
	probe_either(env->intf, true);
	probe_either(env->intf, false);
}
