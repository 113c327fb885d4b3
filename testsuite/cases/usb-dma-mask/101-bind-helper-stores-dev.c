/* SPDX-License-Identifier: ISC */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after drivers/net/wireless/mediatek/mt76 (6.1): mt76_alloc_device(pdev, ...) keeps the bus device in dev->dev for the USB (mt76x2u, mt76x0u) and PCIe (mt76x2e, mt76x0e) front ends, and the bus glue fills the rest in a bind helper; here the shared hardware init sets the mask on hw->dev */
/* what: `hw->dev = &intf->dev` in the USB bind helper, then a shared init that sets the mask of hw->dev: the USB probe's call warns, the PCIe probe's call and the shared init itself stay silent */
/* known-to-fail: cocci the USB device is stored into hw->dev in a bind helper and the mask set in another function; the script follows no member stores across functions */
#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

struct mt_hw {
	struct device *dev;
	struct usb_device *udev;
	void *regs;
	bool wide_dma;
};

static int mt_hw_init(struct mt_hw *hw)
{
	int ret;

	ret = dma_set_mask_and_coherent(hw->dev, DMA_BIT_MASK(hw->wide_dma ? 64 : 32)); /* { dg-bogus "dmacheck" } */
	if (ret)
		dev_warn(hw->dev, "no suitable DMA mask\n");
	return 0;
}

static void mt_usb_bind(struct mt_hw *hw, struct usb_interface *intf)
{
	hw->udev = interface_to_usbdev(intf);
	hw->dev = &intf->dev;
	hw->wide_dma = false;
}

static void mt_pci_bind(struct mt_hw *hw, struct pci_dev *pdev)
{
	hw->dev = &pdev->dev;
	hw->wide_dma = true;
}

int mt_usb_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct mt_hw *hw = kzalloc(sizeof(*hw), GFP_KERNEL);

	if (!hw)
		return -ENOMEM;
	mt_usb_bind(hw, intf);
	usb_set_intfdata(intf, hw);
	return mt_hw_init(hw); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int mt_pci_probe(struct pci_dev *pdev)
{
	struct mt_hw *hw = kzalloc(sizeof(*hw), GFP_KERNEL);

	if (!hw)
		return -ENOMEM;
	mt_pci_bind(hw, pdev);
	pci_set_drvdata(pdev, hw);
	return mt_hw_init(hw); /* { dg-bogus "dmacheck" } */
}

/* oracle: probe the PCIe front end on the host controller's function, then the USB front end */
void case_run(struct case_env *env)
{
	mt_pci_probe(env->hc);
	mt_usb_probe(env->intf, NULL);
}
