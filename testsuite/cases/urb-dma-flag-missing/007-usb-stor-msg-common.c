/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc cocci sparse */
/* origin: reduced from drivers/usb/storage/transport.c usb_stor_msg_common() (6.1) */
/* what: the handle is stored unconditionally and the flag only when the buffer is us->iobuf: set on a path, so silent */
#include <linux/usb.h>
#include <usb-storage/transport.h>

struct us_urb_data {
	struct us_data *us;
	struct urb *current_urb;
};

int usb_stor_msg_common(struct us_urb_data *d, void *urb_done)
{
	struct us_data *us = d->us;

	/* fill the common fields in the URB */
	d->current_urb->context = urb_done;
	d->current_urb->transfer_flags = 0;

	/*
	 * we assume that if transfer_buffer isn't us->iobuf then it
	 * hasn't been mapped for DMA.  Yes, this is clunky, but it's
	 * easier than always having the caller tell us whether the
	 * transfer buffer has already been mapped.
	 */
	if (d->current_urb->transfer_buffer == us->iobuf)
		d->current_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	d->current_urb->transfer_dma = us->iobuf_dma; /* { dg-bogus "dmacheck" } */

	/* submit the URB */
	return usb_submit_urb(d->current_urb, GFP_NOIO);
}

/* the same with the URB filled here (usb_stor_bulk_transfer_buf()'s part) */
static void usb_stor_blocking_completion(struct urb *urb)
{
}

int usb_stor_bulk_msg(struct us_urb_data *d, unsigned int pipe, void *buf,
		      unsigned int length, void *urb_done)
{
	struct us_data *us = d->us;

	usb_fill_bulk_urb(d->current_urb, us->pusb_dev, pipe, buf, length,
			  usb_stor_blocking_completion, NULL);
	d->current_urb->context = urb_done;
	d->current_urb->transfer_flags = 0;
	if (d->current_urb->transfer_buffer == us->iobuf)
		d->current_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	d->current_urb->transfer_dma = us->iobuf_dma; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(d->current_urb, GFP_NOIO);
}
