/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (drivers shared between a USB and a PCI front end keep a to_dev()-style accessor macro; cf. the hw structs of drivers/net/wireless/mediatek/mt76 and realtek/rtw88) */
/* what: an accessor macro whose value is the struct device of the USB interface (&(hw)->intf->dev, or &interface_to_usbdev(i)->dev) given to a mask setter warns where it is used; an accessor to the host controller's or a PCI device's struct device stays silent */
#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

struct wlan_hw {
	struct usb_interface *intf;
	struct pci_dev *pdev;
	bool is_usb;
};

#define to_dev(hw)		(&(hw)->intf->dev)
#define to_udev_dev(i)		(&interface_to_usbdev(i)->dev)
#define to_pci_dev_dev(hw)	(&(hw)->pdev->dev)

int wlan_usb_init_dma(struct wlan_hw *hw)
{
	return dma_set_mask(to_dev(hw), DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int wlan_usb_reset_resume(struct usb_interface *intf)
{
	return dma_set_coherent_mask(to_udev_dev(intf), DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int wlan_pci_init_dma(struct wlan_hw *hw)
{
	return dma_set_mask_and_coherent(to_pci_dev_dev(hw), DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
}

/* oracle: the USB front end's DMA set-up and reset_resume, then the PCI front end on the host controller */
void case_run(struct case_env *env)
{
	struct wlan_hw *hw = kzalloc(sizeof(*hw), GFP_KERNEL);

	hw->intf = env->intf;
	hw->pdev = env->hc;
	wlan_usb_init_dma(hw);
	wlan_usb_reset_resume(env->intf);
	wlan_pci_init_dma(hw);
}
