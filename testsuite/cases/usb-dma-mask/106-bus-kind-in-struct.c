/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after a shared WLAN core whose bus kind is stored in the device struct by the bus glue (drivers/net/wireless/mediatek/mt76's mt76_bus_ops / dev->bus, drivers/net/wireless/realtek/rtw88's rtw_hci_type()) */
/* what: the bus kind and the device are stored by the glue's bind helper; the shared core sets the mask only for the PCIe kind: the USB glue stays silent; a glue that stores the PCIe kind with a USB device warns */
/* known-to-fail: gcc the device and the bus kind are stored by a bind helper into members; the shared core's test of rtwdev->hci decides; neither member stores nor conditions are summarised */
/* known-to-fail: sparse the device and the bus kind are stored by a bind helper into members; the shared core's test of rtwdev->hci decides; neither member stores nor conditions are summarised */
/* known-to-fail: cocci the device and the bus kind are stored by a bind helper into members; the shared core's test of rtwdev->hci decides; neither member stores nor conditions are summarised */
#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

enum rtw_hci_type {
	RTW_HCI_TYPE_PCIE,
	RTW_HCI_TYPE_USB,
	RTW_HCI_TYPE_SDIO,
};

struct rtw_dev {
	struct device *dev;
	enum rtw_hci_type hci;
};

static int rtw_core_init(struct rtw_dev *rtwdev)
{
	if (rtwdev->hci != RTW_HCI_TYPE_PCIE)
		return 0;
	return dma_set_mask(rtwdev->dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
}

static void rtw_bind(struct rtw_dev *rtwdev, struct device *dev, enum rtw_hci_type hci)
{
	rtwdev->dev = dev;
	rtwdev->hci = hci;
}

int rtw_pci_probe(struct pci_dev *pdev)
{
	struct rtw_dev *rtwdev = kzalloc(sizeof(*rtwdev), GFP_KERNEL);

	if (!rtwdev)
		return -ENOMEM;
	rtw_bind(rtwdev, &pdev->dev, RTW_HCI_TYPE_PCIE);
	return rtw_core_init(rtwdev); /* { dg-bogus "dmacheck" } */
}

int rtw_usb_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct rtw_dev *rtwdev = kzalloc(sizeof(*rtwdev), GFP_KERNEL);

	if (!rtwdev)
		return -ENOMEM;
	rtw_bind(rtwdev, &intf->dev, RTW_HCI_TYPE_USB);
	return rtw_core_init(rtwdev); /* { dg-bogus "dmacheck" } */
}

int rtw_usb_probe_copied(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct rtw_dev *rtwdev = kzalloc(sizeof(*rtwdev), GFP_KERNEL);

	if (!rtwdev)
		return -ENOMEM;
	rtw_bind(rtwdev, &intf->dev, RTW_HCI_TYPE_PCIE);
	return rtw_core_init(rtwdev); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

/* oracle: probe the PCIe glue on the host controller's function, then both USB glues */
void case_run(struct case_env *env)
{
	rtw_pci_probe(env->hc);
	rtw_usb_probe(env->intf, NULL);
	rtw_usb_probe_copied(env->intf, NULL);
}
