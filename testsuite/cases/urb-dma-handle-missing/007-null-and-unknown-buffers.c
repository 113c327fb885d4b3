/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/usb/class/cdc-acm.c acm_probe() (6.1) and drivers/net/wireless/ath/ar5523/ar5523.c ar5523_submit_rx_cmd() (6.1); flag_without_buffer is synthetic */
/* what: the flag set on URBs filled with a NULL buffer (the buffer and its handle come per transfer) or a driver-struct buffer is silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

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
			  usb_rcvbulkpipe(ar->dev, 2), ar->rx_cmd_buf,
			  AR5523_MAX_RXCMDSZ, acm_write_bulk, ar);
	ar->rx_cmd_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */

	return usb_submit_urb(ar->rx_cmd_urb, GFP_ATOMIC);
}

void flag_without_buffer(struct urb *urb)
{
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
}

/* acm_start_wb() (6.1, reduced): buffer and handle per transfer, then submit */
static int acm_start_wb(struct acm_wb *wb, struct usb_device *usb_dev, unsigned int len)
{
	wb->urb->transfer_buffer = wb->buf;
	wb->urb->transfer_dma = wb->dmah;
	wb->urb->transfer_buffer_length = len;
	wb->urb->dev = usb_dev;
	return usb_submit_urb(wb->urb, GFP_ATOMIC);
}

/* ar5523_alloc_rx_cmd() (6.1): the coherent buffer's handle goes straight into the URB */
static int ar5523_alloc_rx_cmd(struct ar5523 *ar)
{
	ar->rx_cmd_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!ar->rx_cmd_urb)
		return -ENOMEM;

	ar->rx_cmd_buf = usb_alloc_coherent(ar->dev, AR5523_MAX_RXCMDSZ,
					    GFP_KERNEL,
					    &ar->rx_cmd_urb->transfer_dma);
	if (!ar->rx_cmd_buf) {
		usb_free_urb(ar->rx_cmd_urb);
		return -ENOMEM;
	}
	return 0;
}

/* oracle: an acm write URB on bulk OUT 0x02 (zlp) with a coherent write buffer, then a 16-byte write
 * through acm_start_wb(); ar5523 rx command URB allocated, flag_without_buffer() on it, then
 * ar5523_submit_rx_cmd() on bulk IN 0x82 */
void case_run(struct case_env *env)
{
	struct acm_wb *wb = kzalloc(sizeof(*wb), GFP_KERNEL);
	struct ar5523 *ar = kzalloc(sizeof(*ar), GFP_KERNEL);

	wb->buf = usb_alloc_coherent(env->udev, 512, GFP_KERNEL, &wb->dmah);
	if (acm_setup_write_urb(wb, env->udev, usb_sndbulkpipe(env->udev, 2), 512, true) == 0)
		acm_start_wb(wb, env->udev, 16);

	ar->dev = env->udev;
	if (ar5523_alloc_rx_cmd(ar) == 0) {
		flag_without_buffer(ar->rx_cmd_urb);
		ar5523_submit_rx_cmd(ar);
	}
}
