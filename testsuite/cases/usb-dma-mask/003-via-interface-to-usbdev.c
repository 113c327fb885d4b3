/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic */
/* what: the usb_device reached with interface_to_usbdev() or to_usb_device(), inline or through a local, warns */
#include <linux/usb.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

int probe_inline(struct usb_interface *intf, const struct usb_device_id *id)
{
	return dma_set_mask(&interface_to_usbdev(intf)->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int probe_local(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_device *udev = interface_to_usbdev(intf);

	dev_info(&intf->dev, "device %04x:%04x\n",
		 le16_to_cpu(udev->descriptor.idVendor),
		 le16_to_cpu(udev->descriptor.idProduct));
	return dma_set_mask_and_coherent(&udev->dev, DMA_BIT_MASK(31)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int probe_parent(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_device *udev = to_usb_device(intf->dev.parent);

	return dma_set_coherent_mask(&udev->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int resume_from_dev(struct device *d)
{
	struct usb_interface *intf = to_usb_interface(d);

	return dma_set_mask(&intf->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

/*
 * oracle: the three probes on the interface, then resume with the interface's struct device,
 * called through a pointer as the PM core calls a dev_pm_ops callback
 */
void case_run(struct case_env *env)
{
	int (*resume)(struct device *dev) = resume_from_dev;

	probe_inline(env->intf, NULL);
	probe_local(env->intf, NULL);
	probe_parent(env->intf, NULL);
	resume(&env->intf->dev);
}
