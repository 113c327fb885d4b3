/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, shaped after drivers/media/usb/dvb-usb/cxusb.c-style drivers (6.1) that keep a fixed pair of URBs in an array: urbs[0] for commands, urbs[1] for replies */
/* what: array elements with constant indices are distinct URBs: urbs[1] gets a handle without URB_NO_TRANSFER_DMA_MAP (warning) while urbs[0] is complete (silent) */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct pair_dev {
	struct usb_device *udev;
	struct urb *urbs[2];
	u8 *buf[2];
	dma_addr_t dma[2];
};

static void pair_done(struct urb *urb)
{
}

int pair_start(struct pair_dev *d)
{
	int ret;

	usb_fill_bulk_urb(d->urbs[0], d->udev, usb_sndbulkpipe(d->udev, 0x02), d->buf[0], 64,
			  pair_done, d);
	d->urbs[0]->transfer_dma = d->dma[0]; /* { dg-bogus "dmacheck" } */
	d->urbs[0]->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	usb_fill_bulk_urb(d->urbs[1], d->udev, usb_rcvbulkpipe(d->udev, 0x82), d->buf[1], 512,
			  pair_done, d);
	d->urbs[1]->transfer_dma = d->dma[1]; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */

	ret = usb_submit_urb(d->urbs[0], GFP_KERNEL);
	if (ret)
		return ret;
	return usb_submit_urb(d->urbs[1], GFP_KERNEL);
}

/* oracle: both URBs with usb_alloc_coherent() buffers, submitted once */
void case_run(struct case_env *env)
{
	struct pair_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	d->udev = env->udev;
	d->urbs[0] = usb_alloc_urb(0, GFP_KERNEL);
	d->urbs[1] = usb_alloc_urb(0, GFP_KERNEL);
	d->buf[0] = usb_alloc_coherent(env->udev, 64, GFP_KERNEL, &d->dma[0]);
	d->buf[1] = usb_alloc_coherent(env->udev, 512, GFP_KERNEL, &d->dma[1]);
	pair_start(d);
}
