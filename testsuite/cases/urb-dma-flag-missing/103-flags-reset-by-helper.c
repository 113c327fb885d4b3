/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after the resubmit paths of drivers/bluetooth/btusb.c and drivers/net/usb/hso.c (6.1), where a helper re-initialises an URB before it is submitted again; the coherent buffer and flag come from set-up code as in drivers/hid/usbhid/hid-core.c */
/* what: a re-init helper that assigns transfer_flags whole wipes URB_NO_TRANSFER_DMA_MAP set at set-up: the call of that helper warns; a re-init that keeps the flag stays silent */
/* known-to-fail: gcc the flag is wiped by a same-file helper that assigns transfer_flags whole; flags a callee sets or clears on an URB parameter are not summarised */
/* known-to-fail: sparse the flag is wiped by a same-file helper that assigns transfer_flags whole; flags a callee sets or clears on an URB parameter are not summarised */
/* known-to-fail: cocci the flag is wiped by a same-file helper that assigns transfer_flags whole; flags a callee sets or clears on an URB parameter are not summarised */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define RX_LEN	64

struct rx_dev {
	struct usb_device *udev;
	struct urb *urb;
	u8 *buf;
	dma_addr_t buf_dma;
};

static void rx_complete(struct urb *urb)
{
}

int rx_setup(struct rx_dev *rx)
{
	rx->urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!rx->urb)
		return -ENOMEM;
	rx->buf = usb_alloc_coherent(rx->udev, RX_LEN, GFP_KERNEL, &rx->buf_dma);
	if (!rx->buf)
		return -ENOMEM;
	usb_fill_bulk_urb(rx->urb, rx->udev, usb_rcvbulkpipe(rx->udev, 2), rx->buf, RX_LEN,
			  rx_complete, rx);
	rx->urb->transfer_dma = rx->buf_dma; /* { dg-bogus "dmacheck" } */
	rx->urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return 0;
}

static void rx_reinit(struct urb *urb, int len)
{
	urb->transfer_buffer_length = len;
	urb->transfer_flags = URB_SHORT_NOT_OK;
}

static void rx_reinit_keep(struct urb *urb, int len)
{
	urb->transfer_buffer_length = len;
	urb->transfer_flags = (urb->transfer_flags & URB_NO_TRANSFER_DMA_MAP) | URB_SHORT_NOT_OK;
}

int rx_resubmit(struct rx_dev *rx)
{
	rx_reinit_keep(rx->urb, RX_LEN); /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(rx->urb, GFP_ATOMIC);
}

int rx_resubmit_short(struct rx_dev *rx, int len)
{
	rx_reinit(rx->urb, len); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	return usb_submit_urb(rx->urb, GFP_ATOMIC);
}

/* oracle: set up on bulk IN 0x82, resubmit as the completion would, then a short resubmit */
void case_run(struct case_env *env)
{
	struct rx_dev *rx = kzalloc(sizeof(*rx), GFP_KERNEL);

	rx->udev = env->udev;
	if (rx_setup(rx))
		return;
	rx_resubmit(rx);
	usb_kill_urb(rx->urb);
	rx_resubmit_short(rx, 32);
}
