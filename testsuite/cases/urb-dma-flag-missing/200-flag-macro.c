/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (drivers that name their URB flag sets in a macro, e.g. "#define FOO_TX_FLAGS (URB_NO_TRANSFER_DMA_MAP | URB_ZERO_PACKET)") */
/* what: a coherent transfer buffer with its handle, flags from a driver macro that contains URB_NO_TRANSFER_DMA_MAP: silent (assigned whole or ORed in); the same with a macro that lacks the flag warns */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define FOO_TX_FLAGS	(URB_NO_TRANSFER_DMA_MAP | URB_ZERO_PACKET)
#define FOO_RX_FLAGS	(URB_SHORT_NOT_OK)

struct foo_port {
	struct usb_device *udev;
	struct urb *tx, *rx;
	u8 *tx_buf, *rx_buf;
	dma_addr_t tx_dma, rx_dma;
};

static void foo_done(struct urb *urb)
{
}

int foo_start_tx(struct foo_port *p)
{
	p->tx_buf = usb_alloc_coherent(p->udev, 64, GFP_KERNEL, &p->tx_dma);
	if (!p->tx_buf)
		return -ENOMEM;
	usb_fill_bulk_urb(p->tx, p->udev, usb_sndbulkpipe(p->udev, 2), p->tx_buf, 64, foo_done, p);
	p->tx->transfer_dma = p->tx_dma; /* { dg-bogus "dmacheck" } */
	p->tx->transfer_flags = FOO_TX_FLAGS;
	return usb_submit_urb(p->tx, GFP_KERNEL);
}

int foo_start_tx_or(struct foo_port *p)
{
	p->tx_buf = usb_alloc_coherent(p->udev, 64, GFP_KERNEL, &p->tx->transfer_dma); /* { dg-bogus "dmacheck" } */
	if (!p->tx_buf)
		return -ENOMEM;
	usb_fill_bulk_urb(p->tx, p->udev, usb_sndbulkpipe(p->udev, 2), p->tx_buf, 64, foo_done, p);
	p->tx->transfer_flags |= URB_SHORT_NOT_OK | FOO_TX_FLAGS;
	return usb_submit_urb(p->tx, GFP_KERNEL);
}

int foo_start_rx(struct foo_port *p)
{
	p->rx_buf = usb_alloc_coherent(p->udev, 64, GFP_KERNEL, &p->rx_dma);
	if (!p->rx_buf)
		return -ENOMEM;
	usb_fill_bulk_urb(p->rx, p->udev, usb_rcvbulkpipe(p->udev, 2), p->rx_buf, 64, foo_done, p);
	p->rx->transfer_dma = p->rx_dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	p->rx->transfer_flags = FOO_RX_FLAGS;
	return usb_submit_urb(p->rx, GFP_KERNEL);
}

/* oracle: both directions started, the TX URB once per way of setting the flags */
void case_run(struct case_env *env)
{
	struct foo_port *p = kzalloc(sizeof(*p), GFP_KERNEL);

	p->udev = env->udev;
	p->tx = usb_alloc_urb(0, GFP_KERNEL);
	p->rx = usb_alloc_urb(0, GFP_KERNEL);
	foo_start_tx(p);
	usb_kill_urb(p->tx);
	foo_start_tx_or(p);
	foo_start_rx(p);
}
