/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, shaped after drivers/usb/misc/usbtest.c (6.1) usbtest_alloc_urb(), whose buffer helper takes &urb->transfer_dma */
/* what: a same-file helper stores the DMA handle through its out-parameter (helper(udev, len, &urb->transfer_dma)): without URB_NO_TRANSFER_DMA_MAP the call warns; with the flag it stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

static void *tst_alloc_buf(struct usb_device *udev, size_t len, dma_addr_t *dma)
{
	return usb_alloc_coherent(udev, len, GFP_KERNEL, dma);
}

static void tst_done(struct urb *urb)
{
}

struct urb *tst_urb_noflag(struct usb_device *udev, size_t len)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);
	void *buf;

	if (!urb)
		return NULL;
	buf = tst_alloc_buf(udev, len, &urb->transfer_dma); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 0x02), buf, len, tst_done, NULL);
	return urb;
}

struct urb *tst_urb_flag(struct usb_device *udev, size_t len)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);
	void *buf;

	if (!urb)
		return NULL;
	buf = tst_alloc_buf(udev, len, &urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 0x02), buf, len, tst_done, NULL);
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return urb;
}

/* oracle: both URBs made and submitted, as usbtest's simple_io() does */
void case_run(struct case_env *env)
{
	usb_submit_urb(tst_urb_noflag(env->udev, 64), GFP_KERNEL);
	usb_submit_urb(tst_urb_flag(env->udev, 64), GFP_KERNEL);
}
