/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/media/usb/pwc/pwc-if.c (6.1) pwc_alloc_urb_buffer() (a same-file wrapper over usb_alloc_coherent() that stores the handle through its dma_addr_t * parameter) and pwc_isoc_init(); the bulk variant without the flag is a synthetic bug */
/* what: `buf = helper(udev, len, &urb->transfer_dma)`: the helper stores the URB's handle through its out-parameter; without URB_NO_TRANSFER_DMA_MAP that call warns, with the flag it stays silent */
/* known-to-fail: cocci the handle is stored into urb->transfer_dma by a same-file helper's out-parameter; handles stored through out-parameters are not summarised */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define CAP_BUF_SIZE	512

static void cap_complete(struct urb *urb)
{
}

static void *cap_alloc_urb_buffer(struct usb_device *dev, size_t size, dma_addr_t *dma_handle)
{
	return usb_alloc_coherent(dev, size, GFP_KERNEL, dma_handle); /* { dg-bogus "dmacheck" } */
}

int cap_start_bulk(struct urb *urb, struct usb_device *udev)
{
	void *buf;

	buf = cap_alloc_urb_buffer(udev, CAP_BUF_SIZE, &urb->transfer_dma); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, CAP_BUF_SIZE,
			  cap_complete, NULL);
	return usb_submit_urb(urb, GFP_KERNEL);
}

int cap_start_bulk_fixed(struct urb *urb, struct usb_device *udev)
{
	void *buf;

	buf = cap_alloc_urb_buffer(udev, CAP_BUF_SIZE, &urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, CAP_BUF_SIZE,
			  cap_complete, NULL);
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: start streaming on bulk IN 0x82 both ways, each on a fresh URB */
void case_run(struct case_env *env)
{
	cap_start_bulk(usb_alloc_urb(0, GFP_KERNEL), env->udev);
	cap_start_bulk_fixed(usb_alloc_urb(0, GFP_KERNEL), env->udev);
}
