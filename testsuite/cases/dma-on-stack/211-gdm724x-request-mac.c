/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: pattern before commit 'staging: gdm724x: Fix DMA from stack' (2021), drivers/staging/gdm724x/gdm_usb.c request_mac_address(), reduced (gdm_cpu_to_dev16() replaced by cpu_to_le16(), struct lte_udev cut down) */
/* what: a 16-byte HCI packet built in a local array, viewed through a struct pointer cast and sent with usb_bulk_msg(): warns; the fix's kmalloc()ed packet stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define LTE_GET_INFORMATION	0x3002
#define MAC_ADDRESS		0xa2

struct hci_packet {
	__le16 cmd_evt;
	__le16 len;
	u8 data[];
} __packed;

struct lte_udev {
	struct usb_device *usbdev;
	int request_mac_addr;
};

int request_mac_address(struct lte_udev *udev)
{
	u8 buf[16] = {0,};
	struct hci_packet *hci = (struct hci_packet *)buf;
	struct usb_device *usbdev = udev->usbdev;
	int actual;
	int ret = -1;

	hci->cmd_evt = cpu_to_le16(LTE_GET_INFORMATION);
	hci->len = cpu_to_le16(1);
	hci->data[0] = MAC_ADDRESS;

	ret = usb_bulk_msg(usbdev, usb_sndbulkpipe(usbdev, 2), buf, 5,
			   &actual, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */

	udev->request_mac_addr = 1;

	return ret;
}

int request_mac_address_fixed(struct lte_udev *udev)
{
	struct hci_packet *hci;
	struct usb_device *usbdev = udev->usbdev;
	int actual;
	int ret = -1;

	hci = kmalloc(sizeof(*hci) + 1, GFP_KERNEL);
	if (!hci)
		return -ENOMEM;

	hci->cmd_evt = cpu_to_le16(LTE_GET_INFORMATION);
	hci->len = cpu_to_le16(1);
	hci->data[0] = MAC_ADDRESS;

	ret = usb_bulk_msg(usbdev, usb_sndbulkpipe(usbdev, 2), hci, 5,
			   &actual, 1000); /* { dg-bogus "dmacheck" } */

	udev->request_mac_addr = 1;
	kfree(hci);

	return ret;
}

/* oracle: the probe's MAC address request, before and after the fix */
void case_run(struct case_env *env)
{
	struct lte_udev *udev = kzalloc(sizeof(*udev), GFP_KERNEL);

	udev->usbdev = env->udev;
	request_mac_address(udev);
	request_mac_address_fixed(udev);
}
