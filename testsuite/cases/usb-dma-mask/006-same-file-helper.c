/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic (a driver shared between a PCI and a USB front end, like drivers/net/wireless/realtek/rtw88 or mt76, with one mask helper) */
/* what: a same-file helper that sets the mask of the struct device * it is given warns where it is called with a USB device; the helper itself and its PCI caller stay silent */
#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

static int common_set_dma_mask(struct device *dev, int bits)
{
	int ret;

	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(bits)); /* { dg-bogus "dmacheck" } */
	if (ret)
		dev_err(dev, "no usable %d-bit DMA\n", bits);
	return ret;
}

static int common_probe(struct device *dev, bool wide)
{
	return common_set_dma_mask(dev, wide ? 64 : 32); /* { dg-bogus "dmacheck" } */
}

int drv_pci_probe(struct pci_dev *pdev)
{
	return common_probe(&pdev->dev, true); /* { dg-bogus "dmacheck" } */
}

int drv_usb_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	return common_probe(&intf->dev, false); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int drv_usb_reset_resume(struct usb_interface *intf)
{
	struct usb_device *udev = interface_to_usbdev(intf);

	return common_set_dma_mask(&udev->dev, 32); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

/* oracle: probe the PCI front end on the host controller, then the USB front end and its reset_resume */
void case_run(struct case_env *env)
{
	drv_pci_probe(env->hc);
	drv_usb_probe(env->intf, NULL);
	drv_usb_reset_resume(env->intf);
}
