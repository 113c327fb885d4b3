/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a USB capture driver that sizes its buffers by the DMA mask, the way drivers/media/usb drivers once consulted masks; intf->dev.parent is the struct device of the USB device, as interface_to_usbdev() in include/linux/usb.h reads it) */
/* what: intf->dev.parent names the USB device: setting its coherent mask warns; reading the host controller's mask through udev->bus->sysdev stays silent */
/* known-to-fail: cocci intf->dev.parent (the USB device's struct device) is not known as a USB device */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

struct cap_dev {
	struct usb_device *udev;
	u64 dma_limit;
	size_t frame_size;
};

int cap_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct cap_dev *cap;
	int ret;

	cap = kzalloc(sizeof(*cap), GFP_KERNEL);
	if (!cap)
		return -ENOMEM;
	cap->udev = interface_to_usbdev(intf);
	cap->dma_limit = dma_get_mask(cap->udev->bus->sysdev); /* { dg-bogus "dmacheck" } */
	ret = dma_set_coherent_mask(intf->dev.parent, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
	if (ret)
		dev_info(&intf->dev, "keeping the default coherent mask\n");
	cap->frame_size = cap->dma_limit > DMA_BIT_MASK(32) ? 1 << 20 : 1 << 16;
	usb_set_intfdata(intf, cap);
	return 0;
}

/* oracle: probe */
void case_run(struct case_env *env)
{
	cap_probe(env->intf, NULL);
}
