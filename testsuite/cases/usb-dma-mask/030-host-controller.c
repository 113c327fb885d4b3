/* SPDX-License-Identifier: GPL-1.0+ */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/usb/host/xhci.c xhci_gen_setup() (dev = hcd->self.sysdev) and drivers/usb/host/ehci-hcd.c ehci_init() (hcd->self.controller) (6.1); the usb_device-based variants are synthetic */
/* what: the host controller's own device, reached as hcd->self.sysdev/controller, udev->bus->sysdev or bus_to_hcd(udev->bus)->self.controller, is the right device for a mask: silent */
#include <linux/usb.h>
#include <linux/usb/hcd.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

#define HCC_64BIT_ADDR(p)       ((p) & (1 << 0))

struct xhci_hcd {
	u32 hcc_params;
	unsigned int dma_mask_bits;
};

int xhci_gen_setup_mask(struct usb_hcd *hcd, struct xhci_hcd *xhci)
{
	struct device *dev = hcd->self.sysdev;
	int retval;

	if (HCC_64BIT_ADDR(xhci->hcc_params) &&
	    !dma_set_mask(dev, DMA_BIT_MASK(xhci->dma_mask_bits))) { /* { dg-bogus "dmacheck" } */
		dma_set_coherent_mask(dev, DMA_BIT_MASK(xhci->dma_mask_bits)); /* { dg-bogus "dmacheck" } */
	} else {
		/*
		 * This is to avoid error in cases where a 32-bit USB
		 * controller is used on a 64-bit capable system.
		 */
		retval = dma_set_mask(dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
		if (retval)
			return retval;
		dma_set_coherent_mask(dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
	}
	return 0;
}

int ehci_enable_64bit(struct usb_hcd *hcd, u32 hcc_params)
{
	if (HCC_64BIT_ADDR(hcc_params))
		return dma_set_mask(hcd->self.controller, DMA_BIT_MASK(64)); /* { dg-bogus "dmacheck" } */
	return 0;
}

int controller_mask_from_udev(struct usb_device *udev)
{
	return dma_set_mask_and_coherent(udev->bus->sysdev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
}

int controller_mask_from_hcd(struct usb_device *udev)
{
	struct usb_hcd *hcd = bus_to_hcd(udev->bus);

	return dma_set_coherent_mask(hcd->self.controller, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
}

int controller_mask_from_intf(struct usb_interface *intf)
{
	return dma_coerce_mask_and_coherent(bus_to_hcd(interface_to_usbdev(intf)->bus)->self.controller,
					    DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
}

/*
 * oracle: the hcd is the one of the device's bus (its sysdev and controller are the PCI host
 * controller); xhci setup on both branches (64-bit capable, then not), the EHCI 64-bit
 * enable, then the three usb_device/interface-based variants
 */
void case_run(struct case_env *env)
{
	struct usb_hcd *hcd = bus_to_hcd(env->udev->bus);
	struct xhci_hcd *xhci = kzalloc(sizeof(*xhci), GFP_KERNEL);

	xhci->hcc_params = 1;
	xhci->dma_mask_bits = 64;
	xhci_gen_setup_mask(hcd, xhci);
	xhci->hcc_params = 0;
	xhci_gen_setup_mask(hcd, xhci);
	ehci_enable_64bit(hcd, 1);
	controller_mask_from_udev(env->udev);
	controller_mask_from_hcd(env->udev);
	controller_mask_from_intf(env->intf);
	kfree(xhci);
}
