/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after USB serial/NIC drivers that keep one coherent TX buffer per URB and reset the URB before reuse (drivers/usb/serial/io_ti.c and drivers/net/usb/ style resubmission helpers, 6.1); clearing URB_NO_TRANSFER_DMA_MAP in the reset helper is the bug put in */
/* what: the handle stored and the flag set, then a same-file helper (or the function itself) clears the flag before the submission: the handle store warns; a helper that clears only URB_ZERO_PACKET, and a clear before the flag is set again, stay silent */
/* known-to-fail: gcc the flag is cleared again under a condition in the same function after the store; the plugin asks whether the flag is set on some path, not whether it is still set at the submission */
/* known-to-fail: sparse the flag is cleared again under a condition in the same function after the store; the shared analysis asks whether the flag is set on some path, not whether it is still set at the submission */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define TX_LEN	64

struct txq {
	struct usb_device *udev;
	struct urb *urb;
	u8 *buf;
	dma_addr_t buf_dma;
};

static void tx_done(struct urb *urb)
{
}

static void tx_reset(struct urb *urb)
{
	urb->transfer_flags &= ~URB_NO_TRANSFER_DMA_MAP;
	urb->actual_length = 0;
}

static void tx_no_zlp(struct urb *urb)
{
	urb->transfer_flags &= ~URB_ZERO_PACKET;
}

int tx_alloc(struct txq *q)
{
	q->buf = usb_alloc_coherent(q->udev, TX_LEN, GFP_KERNEL, &q->buf_dma);
	return q->buf ? 0 : -ENOMEM;
}

int tx_send(struct txq *q, struct urb *urb, int len)
{
	usb_fill_bulk_urb(urb, q->udev, usb_sndbulkpipe(q->udev, 1), q->buf, len, tx_done, q);
	urb->transfer_dma = q->buf_dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	tx_reset(urb);
	return usb_submit_urb(urb, GFP_KERNEL);
}

int tx_send_inline(struct txq *q, struct urb *urb, int len)
{
	usb_fill_bulk_urb(urb, q->udev, usb_sndbulkpipe(q->udev, 1), q->buf, len, tx_done, q);
	urb->transfer_dma = q->buf_dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP | URB_ZERO_PACKET;
	if (len % 64)
		urb->transfer_flags &= ~URB_NO_TRANSFER_DMA_MAP;
	return usb_submit_urb(urb, GFP_KERNEL);
}

int tx_send_fixed(struct txq *q, struct urb *urb, int len)
{
	tx_reset(urb);
	usb_fill_bulk_urb(urb, q->udev, usb_sndbulkpipe(q->udev, 1), q->buf, len, tx_done, q);
	urb->transfer_dma = q->buf_dma; /* { dg-bogus "dmacheck" } */
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP | URB_ZERO_PACKET;
	tx_no_zlp(urb);
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: allocate, then one send through each path, each on its own URB (bulk OUT 0x01) */
void case_run(struct case_env *env)
{
	struct txq *q = kzalloc(sizeof(*q), GFP_KERNEL);

	q->udev = env->udev;
	if (tx_alloc(q))
		return;
	tx_send(q, usb_alloc_urb(0, GFP_KERNEL), 32);
	tx_send_inline(q, usb_alloc_urb(0, GFP_KERNEL), 33);
	tx_send_fixed(q, usb_alloc_urb(0, GFP_KERNEL), 32);
}
