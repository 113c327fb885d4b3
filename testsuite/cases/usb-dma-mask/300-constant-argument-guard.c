/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, shaped after drivers/net/wireless/realtek/rtw88 (6.1) and mt76's shared cores, which skip DMA set-up for their USB front end */
/* what: a helper reaches dma_set_mask() only when its constant `usb` argument is false: the USB caller that passes true stays silent, the one that passes false warns, the PCI caller stays silent; a wrapper passes the constant through its own parameter */
#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

static int core_dma_setup(struct device *dev, bool usb)
{
	if (usb)
		return 0;
	return dma_set_mask(dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
}

static int core_init(struct device *dev, bool usb)
{
	return core_dma_setup(dev, usb); /* { dg-bogus "dmacheck" } */
}

int usb_front_probe(struct usb_interface *intf)
{
	return core_init(&intf->dev, true); /* { dg-bogus "dmacheck" } */
}

int usb_front_probe_wrong(struct usb_interface *intf)
{
	return core_init(&intf->dev, false); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int pci_front_probe(struct pci_dev *pdev)
{
	return core_init(&pdev->dev, false); /* { dg-bogus "dmacheck" } */
}

/* oracle: the three front ends probe once (the USB ones on the interface, the PCI one on the host controller's function) */
void case_run(struct case_env *env)
{
	usb_front_probe(env->intf);
	usb_front_probe_wrong(env->intf);
	pci_front_probe(env->hc);
}
