/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc cocci sparse */
/* origin: reduced from drivers/usb/class/cdc-acm.c acm_probe() (6.1) and drivers/net/wireless/ath/ar5523/ar5523.c ar5523_submit_rx_cmd() (6.1); flag_without_buffer is synthetic */
/* what: the flag set on URBs filled with a NULL buffer (the buffer and its handle come per transfer) or a driver-struct buffer is silent */
#include <linux/usb.h>

#define AR5523_MAX_RXCMDSZ	1024

struct acm_wb {
	u8 *buf;
	dma_addr_t dmah;
	struct urb *urb;
};

struct ar5523 {
	struct usb_device *dev;
	struct urb *rx_cmd_urb;
	void *rx_cmd_buf;
};

static void acm_write_bulk(struct urb *urb)
{
}

int acm_setup_write_urb(struct acm_wb *snd, struct usb_device *usb_dev, unsigned int out,
			unsigned int writesize, bool zlp)
{
	snd->urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!snd->urb)
		return -ENOMEM;

	usb_fill_bulk_urb(snd->urb, usb_dev, out,
		NULL, writesize, acm_write_bulk, snd);
	snd->urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	if (zlp)
		snd->urb->transfer_flags |= URB_ZERO_PACKET; /* { dg-bogus "dmacheck" } */
	return 0;
}

int ar5523_submit_rx_cmd(struct ar5523 *ar)
{
	usb_fill_bulk_urb(ar->rx_cmd_urb, ar->dev,
			  usb_rcvbulkpipe(ar->dev, 1), ar->rx_cmd_buf,
			  AR5523_MAX_RXCMDSZ, acm_write_bulk, ar);
	ar->rx_cmd_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */

	return usb_submit_urb(ar->rx_cmd_urb, GFP_ATOMIC);
}

void flag_without_buffer(struct urb *urb)
{
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
}
