/* SPDX-License-Identifier: ISC */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after the shared cores of drivers/net/wireless (6.1: ath10k_core_create(), ath11k_core_alloc() take an enum of the bus from pci.c, usb.c, sdio.c), written with a switch on the bus constant as drivers do where each bus needs something of its own; held-out case 905 of 2026-12-03 was this shape */
/* what: a switch on a constant bus parameter decides whether dma_set_mask_and_coherent() is reached: the USB caller of the helper whose USB case returns early stays silent, the callers whose constant reaches a case that sets the mask warn (a GCC case range that covers USB, a default that does) */
/* known-to-fail: cocci false positive: the script follows the device into the helper without the switch on the bus constant */
#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

enum foo_bus {
	FOO_BUS_PCI,
	FOO_BUS_AHB,
	FOO_BUS_SDIO,
	FOO_BUS_USB,
};

static int foo_core_setup_dma(struct device *dev, enum foo_bus bus)
{
	switch (bus) {
	case FOO_BUS_PCI:
	case FOO_BUS_AHB:
		return dma_set_mask_and_coherent(dev, DMA_BIT_MASK(36)); /* { dg-bogus "dmacheck" } */
	case FOO_BUS_SDIO:
	case FOO_BUS_USB:
		break;	/* the host controller's driver owns the mask */
	}
	return 0;
}

/* the default case sets the mask: every bus but the ones listed */
static int foo_core_setup_dma_default(struct device *dev, enum foo_bus bus)
{
	switch (bus) {
	case FOO_BUS_USB:
		return 0;
	default:
		return dma_set_mask(dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
	}
}

/* a case range that takes USB in by mistake */
static int foo_core_setup_dma_range(struct device *dev, enum foo_bus bus)
{
	switch (bus) {
	case FOO_BUS_PCI ... FOO_BUS_USB:
		return dma_set_mask(dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
	default:
		return 0;
	}
}

int foo_usb_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_device *udev = interface_to_usbdev(intf);
	int ret = foo_core_setup_dma(&udev->dev, FOO_BUS_USB); /* { dg-bogus "dmacheck" } */

	return ret ?: foo_core_setup_dma_default(&intf->dev, FOO_BUS_USB); /* { dg-bogus "dmacheck" } */
}

int foo_usb_probe_sdio_kind(struct usb_interface *intf, const struct usb_device_id *id)
{
	/* the USB glue passes the wrong constant: the default case sets the mask */
	return foo_core_setup_dma_default(&intf->dev, FOO_BUS_SDIO); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int foo_usb_probe_range(struct usb_interface *intf, const struct usb_device_id *id)
{
	return foo_core_setup_dma_range(&intf->dev, FOO_BUS_USB); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int foo_pci_probe(struct pci_dev *pdev)
{
	return foo_core_setup_dma(&pdev->dev, FOO_BUS_PCI) + /* { dg-bogus "dmacheck" } */
	       foo_core_setup_dma_range(&pdev->dev, FOO_BUS_PCI); /* { dg-bogus "dmacheck" } */
}

/* oracle: the PCI probe on the host controller's function, then each USB probe */
void case_run(struct case_env *env)
{
	foo_pci_probe(env->hc);
	foo_usb_probe(env->intf, NULL);
	foo_usb_probe_sdio_kind(env->intf, NULL);
	foo_usb_probe_range(env->intf, NULL);
}
