/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a driver helper that marks an URB as premapped, shared by the coherent rx path and a kmalloc() control path added later, the "flag line copied" cause of docs/rules/urb-dma-handle-missing.md) */
/* what: a same-file helper sets URB_NO_TRANSFER_DMA_MAP on its URB parameter: the caller whose buffer is usb_alloc_coherent() with the handle in the URB stays silent; the caller with a kmalloc() buffer and no handle warns at the helper's call */
/* known-to-fail: gcc the flag is set by a same-file helper on its URB parameter; flags set by callees are not summarised: the kmalloc() caller is missed and the coherent caller is reported as urb-dma-flag-missing */
/* known-to-fail: sparse the flag is set by a same-file helper on its URB parameter; flags set by callees are not summarised: the kmalloc() caller is missed and the coherent caller is reported as urb-dma-flag-missing */
/* known-to-fail: cocci the flag is set by a same-file helper on its URB parameter; flags set by callees are not summarised: the kmalloc() caller is missed and the coherent caller is reported as urb-dma-flag-missing */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define BUF_LEN	512

static void done(struct urb *urb)
{
}

static void mark_premapped(struct urb *urb)
{
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
}

int start_rx(struct urb *urb, struct usb_device *udev)
{
	void *buf = usb_alloc_coherent(udev, BUF_LEN, GFP_KERNEL, &urb->transfer_dma); /* { dg-bogus "dmacheck" } */

	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, BUF_LEN, done, NULL);
	mark_premapped(urb); /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int start_cmd(struct urb *urb, struct usb_device *udev)
{
	void *buf = kzalloc(BUF_LEN, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, BUF_LEN, done, NULL);
	mark_premapped(urb); /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: start rx on bulk IN 0x82 and send a command on bulk OUT 0x02, fresh URBs */
void case_run(struct case_env *env)
{
	start_rx(usb_alloc_urb(0, GFP_KERNEL), env->udev);
	start_cmd(usb_alloc_urb(0, GFP_KERNEL), env->udev);
}
