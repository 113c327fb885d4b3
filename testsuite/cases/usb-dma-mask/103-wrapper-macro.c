/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a driver-local mask macro with kernel-style parenthesised parameters, used by both the PCIe and the USB probe of one driver, in the way drivers/net/wireless/realtek and drivers/bluetooth glue code wraps common calls) */
/* what: a macro `DRV_SET_DMA(d, b)` that expands to dma_set_mask_and_coherent(&(d)->dev, ...): with the interface it warns on the macro's line, with the PCI function it stays silent */
/* known-to-fail: cocci dma_set_mask_and_coherent() is reached inside the driver's macro DRV_SET_DMA(), which the script does not expand */
#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

#define DRV_DMA_BITS	32
#define DRV_SET_DMA(d, b)	dma_set_mask_and_coherent(&(d)->dev, DMA_BIT_MASK(b))

int drv_pci_probe(struct pci_dev *pdev)
{
	int ret;

	ret = DRV_SET_DMA(pdev, DRV_DMA_BITS); /* { dg-bogus "dmacheck" } */
	if (ret)
		return ret;
	return 0;
}

int drv_usb_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	int ret;

	ret = DRV_SET_DMA(intf, DRV_DMA_BITS); /* { dg-warning "dmacheck-usb-dma-mask" } */
	if (ret)
		return ret;
	return 0;
}

/* oracle: probe both front ends */
void case_run(struct case_env *env)
{
	drv_pci_probe(env->hc);
	drv_usb_probe(env->intf, NULL);
}
