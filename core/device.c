// SPDX-License-Identifier: GPL-2.0
/*
 * device.c - struct device as far as DMA cares: masks, IOMMU, cache coherence, and the DMA
 * mask setters of kernel/dma/mapping.c.
 *
 * Why usb-dma-mask is a bug: USB transfers are mapped for the host controller's sysdev, never
 * for the USB device or interface. In 6.1 those have dev.dma_mask == NULL (not inherited since
 * 5.10), so dma_set_mask() fails with -EIO and a probe that checks it fails on every machine;
 * dma_set_coherent_mask() and dma_coerce_mask_and_coherent() "succeed" and change nothing
 * that is used. Up to 5.9 dev.dma_mask pointed at the controller's mask, and the same call
 * changed it for every device on the bus. The model keeps dma_mask as a pointer and derives
 * the outcome from what the write reached, so both wirings give the right verdict.
 *
 * Limits: arch_dma_set_mask() and per-bus dma_range_map offsets are not modelled
 * (phys_to_dma() is the identity); dma_supported() follows dma-direct and dma-iommu only.
 */
#include "internal.h"

#include <string.h>

void dmc_devices_init(void)
{
}

void dmc_device_init(struct dmc_device *dev, const char *name, enum dmc_dev_type type,
		     bool iommu, bool coherent)
{
	memset(dev, 0, sizeof(*dev));
	dev->name = name;
	dev->type = type;
	dev->iommu = iommu;
	dev->coherent = coherent;
	dev->registered = true;
	/* pci_setup_device() / of_dma_configure(): 32-bit until the driver says otherwise */
	dev->dma_mask_storage = DMC_BIT_MASK(32);
	dev->dma_mask = &dev->dma_mask_storage;
	dev->coherent_dma_mask = DMC_BIT_MASK(32);
	dev->hw_dma_mask = DMC_BIT_MASK(64);
}

void dmc_device_release(struct dmc_device *dev)
{
	dmc_ledger_release(dev);
	dev->registered = false;
}

static bool is_usb(const struct dmc_device *dev)
{
	return dev->type == DMC_DEV_USB_DEVICE || dev->type == DMC_DEV_USB_INTERFACE;
}

/* The device that does the DMA for a USB device or interface: its host controller. */
static struct dmc_device *dma_capable_ancestor(struct dmc_device *dev)
{
	while (dev && is_usb(dev))
		dev = dev->parent;
	return dev;
}

/* kernel/dma/direct.c dma_direct_supported() and dma-iommu (no .dma_supported: always 1) */
bool dmc_dma_supported(struct dmc_device *dev, uint64_t mask)
{
	const struct dmc_machine_config *cfg = dmc_machine();
	unsigned int zone_dma_bits = cfg->arch == DMC_ARCH_ARM64 ? 30 : 24;

	if (dev->iommu)
		return true;
	return mask >= DMC_BIT_MASK(zone_dma_bits);
}

/*
 * The usb-dma-mask verdict, decided by what the write did: which device's mask it changed.
 * Called after the kernel code ran; old is the value before.
 */
static void usb_mask_verdict(struct dmc_device *dev, const char *kfunc, int ret, uint64_t old,
			     bool coherent_only)
{
	struct dmc_device *hc = dma_capable_ancestor(dev);
	const char *what = dev->type == DMC_DEV_USB_INTERFACE ? "USB interface" : "USB device";

	if (!is_usb(dev))
		return;
	if (ret) {
		dmc_report(DMC_RULE_USB_DMA_MASK, DMC_OUT_REFUSED, ret, kfunc, dev, "",
			   dmc_fmt("%s %s has no DMA mask (dev.dma_mask is NULL since 5.10): the "
				   "call fails with -EIO", what, dev->name));
	} else if (!coherent_only && hc && dev->dma_mask == hc->dma_mask) {
		dmc_report(DMC_RULE_USB_DMA_MASK, DMC_OUT_SHARED_STATE, 0, kfunc, dev, "",
			   dmc_fmt("mask of host controller %s changed %#llx -> %#llx for every "
				   "device on the bus", hc->name, (unsigned long long)old,
				   (unsigned long long)*dev->dma_mask));
	} else {
		dmc_report(DMC_RULE_USB_DMA_MASK, DMC_OUT_SILENT, 0, kfunc, dev, "",
			   dmc_fmt("%s %s: the mask has no effect, transfers are mapped by the "
				   "host controller %s", what, dev->name, hc ? hc->name : "?"));
	}
}

static int set_mask(struct dmc_device *dev, uint64_t mask)
{
	if (!dev->dma_mask || !dmc_dma_supported(dev, mask))
		return -DMC_EIO;
	*dev->dma_mask = mask;
	return 0;
}

static int set_coherent_mask(struct dmc_device *dev, uint64_t mask)
{
	if (!dmc_dma_supported(dev, mask))
		return -DMC_EIO;
	dev->coherent_dma_mask = mask;
	return 0;
}

int dmc_dma_set_mask(struct dmc_device *dev, uint64_t mask)
{
	uint64_t old = dev->dma_mask ? *dev->dma_mask : 0;
	int ret = set_mask(dev, mask);

	usb_mask_verdict(dev, "dma_set_mask", ret, old, false);
	return ret;
}

int dmc_dma_set_coherent_mask(struct dmc_device *dev, uint64_t mask)
{
	int ret = set_coherent_mask(dev, mask);

	usb_mask_verdict(dev, "dma_set_coherent_mask", ret, 0, true);
	return ret;
}

/* include/linux/dma-mapping.h */
int dmc_dma_set_mask_and_coherent(struct dmc_device *dev, uint64_t mask)
{
	uint64_t old = dev->dma_mask ? *dev->dma_mask : 0;
	int ret = set_mask(dev, mask);

	if (ret == 0)
		set_coherent_mask(dev, mask);
	usb_mask_verdict(dev, "dma_set_mask_and_coherent", ret, old, false);
	return ret;
}

/* Points dma_mask at the device's own coherent mask first: on USB it detaches the device
 * from the host controller's mask, so the shared mask survives but the call is useless. */
int dmc_dma_coerce_mask_and_coherent(struct dmc_device *dev, uint64_t mask)
{
	uint64_t old = dev->dma_mask ? *dev->dma_mask : 0;
	int ret;

	dev->dma_mask = &dev->coherent_dma_mask;
	ret = set_mask(dev, mask);
	if (ret == 0)
		set_coherent_mask(dev, mask);
	usb_mask_verdict(dev, "dma_coerce_mask_and_coherent", ret, old, false);
	return ret;
}
