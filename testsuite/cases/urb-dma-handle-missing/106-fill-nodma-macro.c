/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a driver's do { } while (0) macro that fills a bulk URB and marks it premapped, kernel style with parenthesised parameters, used by a coherent rx path and by a later kmalloc() tx path) */
/* what: the flag is set inside a driver macro: its use with a kmalloc() buffer and no handle warns on the macro's line; its use after usb_alloc_coherent(..., &urb->transfer_dma) stays silent */
/* known-to-fail: cocci the flag is set inside the driver's macro FILL_PREMAPPED_BULK(), which the script does not expand */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define IO_LEN	512

#define FILL_PREMAPPED_BULK(urb, dev, pipe, buf, len, cb, ctx)			\
	do {									\
		usb_fill_bulk_urb((urb), (dev), (pipe), (buf), (len), (cb), (ctx)); \
		(urb)->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;		\
	} while (0)

static void io_done(struct urb *urb)
{
}

int io_start_rx(struct urb *urb, struct usb_device *udev)
{
	void *buf = usb_alloc_coherent(udev, IO_LEN, GFP_KERNEL, &urb->transfer_dma);

	if (!buf)
		return -ENOMEM;
	FILL_PREMAPPED_BULK(urb, udev, usb_rcvbulkpipe(udev, 2), buf, IO_LEN, io_done, NULL); /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int io_start_tx(struct urb *urb, struct usb_device *udev)
{
	void *buf = kzalloc(IO_LEN, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	FILL_PREMAPPED_BULK(urb, udev, usb_sndbulkpipe(udev, 2), buf, IO_LEN, io_done, NULL); /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: rx on bulk IN 0x82, tx on bulk OUT 0x02, fresh URBs */
void case_run(struct case_env *env)
{
	io_start_rx(usb_alloc_urb(0, GFP_KERNEL), env->udev);
	io_start_tx(usb_alloc_urb(0, GFP_KERNEL), env->udev);
}
