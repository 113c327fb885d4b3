/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after the tx paths of drivers/net/usb (6.1 usbnet's URB_ZERO_PACKET quirk, FLAG_SEND_ZLP) in a driver whose tx buffers are usb_alloc_coherent() memory; the quirk branch that assigns instead of ORs is the bug */
/* what: the flag is set in one branch and the quirk branch assigns transfer_flags = URB_ZERO_PACKET: that assignment warns (the URB is submitted with the handle and without the flag on that path); the fixed function ORs in both branches and stays silent */
/* known-to-fail: gcc the flag is set on one branch only (the other assigns URB_ZERO_PACKET whole); the rule asks whether the flag is set on some path, not how it is at the submission on each path */
/* known-to-fail: sparse the flag is set on one branch only (the other assigns URB_ZERO_PACKET whole); the rule asks whether the flag is set on some path, not how it is at the submission on each path */
/* known-to-fail: cocci the flag is set on one branch only (the other assigns URB_ZERO_PACKET whole); the rule asks whether the flag is set on some path, not how it is at the submission on each path */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define TX_LEN		512
#define QUIRK_ZLP	0x1

struct txq {
	struct usb_device *udev;
	unsigned long quirks;
	u8 *buf;
	dma_addr_t buf_dma;
};

static void tx_done(struct urb *urb)
{
}

int tx_submit(struct txq *q, struct urb *urb, unsigned int len)
{
	usb_fill_bulk_urb(urb, q->udev, usb_sndbulkpipe(q->udev, 2), q->buf, len, tx_done, q);
	urb->transfer_dma = q->buf_dma;
	if (q->quirks & QUIRK_ZLP)
		urb->transfer_flags = URB_ZERO_PACKET; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	else
		urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return usb_submit_urb(urb, GFP_ATOMIC);
}

int tx_submit_fixed(struct txq *q, struct urb *urb, unsigned int len)
{
	usb_fill_bulk_urb(urb, q->udev, usb_sndbulkpipe(q->udev, 2), q->buf, len, tx_done, q);
	urb->transfer_dma = q->buf_dma; /* { dg-bogus "dmacheck" } */
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	if (q->quirks & QUIRK_ZLP)
		urb->transfer_flags |= URB_ZERO_PACKET; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_ATOMIC);
}

/* oracle: a device with the ZLP quirk sends with both functions, each on a fresh URB */
void case_run(struct case_env *env)
{
	struct txq *q = kzalloc(sizeof(*q), GFP_KERNEL);

	q->udev = env->udev;
	q->quirks = QUIRK_ZLP;
	q->buf = usb_alloc_coherent(q->udev, TX_LEN, GFP_KERNEL, &q->buf_dma);
	tx_submit(q, usb_alloc_urb(0, GFP_KERNEL), TX_LEN);
	tx_submit_fixed(q, usb_alloc_urb(0, GFP_KERNEL), TX_LEN);
}
