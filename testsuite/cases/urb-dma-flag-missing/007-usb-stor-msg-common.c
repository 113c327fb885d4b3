/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/usb/storage/transport.c usb_stor_msg_common() (6.1) */
/* what: the handle is stored unconditionally and the flag only when the buffer is us->iobuf: set on a path, so silent */
#include <linux/usb.h>
#include <usb-storage/transport.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

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

/* oracle: a us_data as usb_stor_probe1() sets it up (current_urb, coherent iobuf); usb_stor_msg_common()
 * after usb_stor_bulk_transfer_buf()'s fill, and usb_stor_bulk_msg(), each once with a kmalloc()ed buffer
 * (a caller's data buffer) and once with us->iobuf, on bulk IN 0x82 */
void case_run(struct case_env *env)
{
	struct us_data *us = case_usb_stor_probe(env);
	struct us_urb_data *d = kzalloc(sizeof(*d), GFP_KERNEL);
	unsigned char *data = kmalloc(64, GFP_KERNEL);

	d->us = us;
	d->current_urb = us->current_urb;

	usb_fill_bulk_urb(d->current_urb, us->pusb_dev, us->recv_bulk_pipe, data, 64,
			  usb_stor_blocking_completion, NULL);
	usb_stor_msg_common(d, NULL);
	usb_kill_urb(d->current_urb);
	usb_fill_bulk_urb(d->current_urb, us->pusb_dev, us->recv_bulk_pipe, us->iobuf, 64,
			  usb_stor_blocking_completion, NULL);
	usb_stor_msg_common(d, NULL);
	usb_kill_urb(d->current_urb);

	usb_stor_bulk_msg(d, us->recv_bulk_pipe, data, 64, NULL);
	usb_kill_urb(d->current_urb);
	usb_stor_bulk_msg(d, us->recv_bulk_pipe, us->iobuf, 64, NULL);
	usb_kill_urb(d->current_urb);
}
