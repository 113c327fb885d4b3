/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/usb/host/ehci-pci.c ehci_pci_setup(), drivers/usb/host/ohci-platform.c ohci_platform_probe(), drivers/usb/dwc2/platform.c dwc2_driver_probe(), drivers/hid/amd-sfh-hid/amd_sfh_pcie.c amd_mp2_pci_probe() and drivers/usb/host/xhci-plat.c xhci_plat_probe() (6.1) */
/* what: masks on PCI and platform devices, including USB host controllers themselves, are correct: silent */
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

int ehci_pci_nvidia_quirk(struct pci_dev *pdev)
{
	switch (pdev->device) {
	case 0x003c:	/* MCP04 */
	case 0x005b:	/* CK804 */
	case 0x00d8:	/* CK8 */
	case 0x00e8:	/* CK8S */
		if (dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(31)) < 0) /* { dg-bogus "dmacheck" } */
			dev_warn(&pdev->dev, "can't enable NVidia "
				"workaround for >2GB RAM\n");
		break;
	}
	return 0;
}

int ohci_platform_probe_mask(struct platform_device *dev)
{
	int err;

	err = dma_coerce_mask_and_coherent(&dev->dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
	if (err)
		return err;
	return 0;
}

int dwc2_driver_probe_mask(struct platform_device *dev)
{
	int retval;

	/*
	 * Use reasonable defaults so platforms don't have to provide these.
	 */
	if (!dev->dev.dma_mask)
		dev->dev.dma_mask = &dev->dev.coherent_dma_mask;
	retval = dma_set_coherent_mask(&dev->dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
	if (retval) {
		dev_err(&dev->dev, "can't set coherent DMA mask: %d\n", retval);
		return retval;
	}
	return 0;
}

int amd_mp2_pci_probe_mask(struct pci_dev *pdev)
{
	int rc;

	rc = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64)); /* { dg-bogus "dmacheck" } */
	if (rc) {
		dev_err(&pdev->dev, "failed to set DMA mask\n");
		return rc;
	}
	return 0;
}

int xhci_plat_probe_mask(struct platform_device *pdev, bool from_firmware)
{
	struct device *sysdev;
	int ret;

	for (sysdev = &pdev->dev; sysdev; sysdev = sysdev->parent) {
		if (from_firmware)
			break;
	}

	if (!sysdev)
		sysdev = &pdev->dev;

	if (WARN_ON(!sysdev->dma_mask))
		/* Platform did not initialize dma_mask */
		ret = dma_coerce_mask_and_coherent(sysdev, DMA_BIT_MASK(64)); /* { dg-bogus "dmacheck" } */
	else
		ret = dma_set_mask_and_coherent(sysdev, DMA_BIT_MASK(64)); /* { dg-bogus "dmacheck" } */
	return ret;
}

/*
 * oracle: the PCI paths on the host controller (as an NVidia CK804 EHCI), the platform paths
 * on the platform device, first with its dma_mask set, then as a platform that did not
 * initialize it (dwc2's default and xhci-plat's coerce branch)
 */
void case_run(struct case_env *env)
{
	env->hc->vendor = 0x10de;
	env->hc->device = 0x005b;
	ehci_pci_nvidia_quirk(env->hc);
	amd_mp2_pci_probe_mask(env->hc);
	ohci_platform_probe_mask(env->pdev);
	xhci_plat_probe_mask(env->pdev, false);
	env->pdev->dev.dma_mask = NULL;
	dwc2_driver_probe_mask(env->pdev);
	env->pdev->dev.dma_mask = NULL;
	xhci_plat_probe_mask(env->pdev, true);
}
