/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse */
/* origin: shaped after drivers/net/usb/rndis_host.c (6.1) rndis_command() and rndis_bind()'s query of the physical medium; the second function is synthetic */
/* what: a stack buffer given to usb_interrupt_msg() warns even when the file also holds a local pointer to a local that only goes to a non-DMA function (the Coccinelle scripts once lost the first when they dropped the second) */
#include <linux/usb.h>

struct usb_cdc_notification {
	__u8	bmRequestType;
	__u8	bNotificationType;
	__le16	wValue;
	__le16	wIndex;
	__le16	wLength;
} __attribute__ ((packed));

extern int rndis_query(void *dev, u32 oid, void **reply, u32 *reply_len);

int rndis_poll_status(struct usb_device *udev, struct usb_host_endpoint *status)
{
	struct usb_cdc_notification notification;
	int partial;

	return usb_interrupt_msg(udev,
			usb_rcvintpipe(udev, status->desc.bEndpointAddress),
			&notification, sizeof(notification), &partial,
			5000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int rndis_query_medium(void *dev, u32 *medium)
{
	u32 reply_len = 4;
	u32 *plen = &reply_len;
	void *reply = medium;

	return rndis_query(dev, 0x00010114, &reply, plen); /* { dg-bogus "dmacheck" } */
}
