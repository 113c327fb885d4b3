/* SPDX-License-Identifier: ISC */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after drivers/net/wireless/ath/ath10k (6.1): ath10k_core_create(size, dev, enum ath10k_bus bus, ...) is called by pci.c with &pdev->dev and by usb.c with the USB device's struct device; here the shared core sets the mask unless the bus is USB or SDIO */
/* what: a shared-core helper reaches dma_set_mask_and_coherent() only when its constant bus argument is not USB: the USB caller and the PCI caller stay silent; a second helper whose test forgot USB warns for the USB caller */
/* known-to-fail: cocci false positive: the script follows the device into the helper without the helper's early return for the USB bus constant */
#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

enum ath10k_bus {
	ATH10K_BUS_PCI,
	ATH10K_BUS_AHB,
	ATH10K_BUS_SDIO,
	ATH10K_BUS_USB,
	ATH10K_BUS_SNOC,
};

struct ath10k {
	struct device *dev;
	enum ath10k_bus bus;
};

static int ath10k_core_setup_dma(struct device *dev, enum ath10k_bus bus)
{
	if (bus == ATH10K_BUS_USB || bus == ATH10K_BUS_SDIO)
		return 0;	/* the host controller's driver owns the mask */
	return dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
}

static int ath10k_core_setup_dma_old(struct device *dev, enum ath10k_bus bus)
{
	if (bus == ATH10K_BUS_SDIO)
		return 0;
	return dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
}

static struct ath10k *ath10k_core_create(struct device *dev, enum ath10k_bus bus)
{
	struct ath10k *ar;

	if (ath10k_core_setup_dma(dev, bus)) /* { dg-bogus "dmacheck" } */
		return NULL;
	ar = kzalloc(sizeof(*ar), GFP_KERNEL);
	if (!ar)
		return NULL;
	ar->dev = dev;
	ar->bus = bus;
	return ar;
}

int ath10k_pci_probe(struct pci_dev *pdev)
{
	struct ath10k *ar = ath10k_core_create(&pdev->dev, ATH10K_BUS_PCI); /* { dg-bogus "dmacheck" } */

	return ar ? 0 : -ENOMEM;
}

int ath10k_usb_probe(struct usb_interface *interface, const struct usb_device_id *id)
{
	struct usb_device *dev = interface_to_usbdev(interface);
	struct ath10k *ar = ath10k_core_create(&dev->dev, ATH10K_BUS_USB); /* { dg-bogus "dmacheck" } */

	return ar ? 0 : -ENOMEM;
}

int ath10k_usb_probe_old(struct usb_interface *interface, const struct usb_device_id *id)
{
	struct usb_device *dev = interface_to_usbdev(interface);

	return ath10k_core_setup_dma_old(&dev->dev, ATH10K_BUS_USB); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int ath10k_pci_probe_old(struct pci_dev *pdev)
{
	return ath10k_core_setup_dma_old(&pdev->dev, ATH10K_BUS_PCI); /* { dg-bogus "dmacheck" } */
}

/* oracle: probe the PCI front end on the host controller's function, then the USB front end, each with both cores */
void case_run(struct case_env *env)
{
	ath10k_pci_probe(env->hc);
	ath10k_usb_probe(env->intf, NULL);
	ath10k_usb_probe_old(env->intf, NULL);
	ath10k_pci_probe_old(env->hc);
}
