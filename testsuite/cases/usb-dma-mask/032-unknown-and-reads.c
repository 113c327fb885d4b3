/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic; dwc3_core_probe-like field use reduced from drivers/usb/dwc3/core.c (6.1) */
/* what: a struct device * parameter or field of unknown origin, and reading masks of USB devices, are silent */
#include <linux/usb.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

struct dwc3 {
	struct device *dev;
	struct device *sysdev;
	u32 awidth;
};

int dwc3_set_mask(struct dwc3 *dwc)
{
	if (dwc->awidth == 64)
		return dma_set_mask_and_coherent(dwc->sysdev, DMA_BIT_MASK(64)); /* { dg-bogus "dmacheck" } */
	return 0;
}

int set_mask_of(struct device *dev, int bits)
{
	return dma_set_mask(dev, DMA_BIT_MASK(bits)); /* { dg-bogus "dmacheck" } */
}

bool usb_dev_can_do_64bit(struct usb_device *udev)
{
	return dma_get_mask(&udev->dev) == DMA_BIT_MASK(64) ||
	       udev->dev.coherent_dma_mask == DMA_BIT_MASK(64); /* { dg-bogus "dmacheck" } */
}

u64 controller_mask(struct usb_interface *intf)
{
	struct usb_device *udev = interface_to_usbdev(intf);

	return dma_get_mask(udev->bus->sysdev); /* { dg-bogus "dmacheck" } */
}

/*
 * oracle: dwc3 with the platform device as dev and sysdev, set_mask_of() called with the host
 * controller's device (the callers it has in a driver), then the two mask reads
 */
void case_run(struct case_env *env)
{
	struct dwc3 *dwc = kzalloc(sizeof(*dwc), GFP_KERNEL);

	dwc->dev = &env->pdev->dev;
	dwc->sysdev = &env->pdev->dev;
	dwc->awidth = 64;
	dwc3_set_mask(dwc);
	set_mask_of(&env->hc->dev, 32);
	usb_dev_can_do_64bit(env->udev);
	controller_mask(env->intf);
	kfree(dwc);
}
