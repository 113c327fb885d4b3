/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a driver that maps its kmalloc() buffer itself on the host controller's device, as Documentation/driver-api/usb/dma.rst allows and the removed usb_buffer_map() did; the missing flag is the bug) */
/* what: the handle from the driver's own dma_map_single() on udev->bus->sysdev stored in transfer_dma without the flag warns at the store (usbcore maps the buffer a second time); with the flag it stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

#define FRAME_LEN	512

static void frame_done(struct urb *urb)
{
}

static dma_addr_t map_frame(struct usb_device *udev, void *buf)
{
	return dma_map_single(udev->bus->sysdev, buf, FRAME_LEN, DMA_TO_DEVICE);
}

int send_frame(struct urb *urb, struct usb_device *udev, void *buf)
{
	dma_addr_t dma = map_frame(udev, buf);

	if (dma_mapping_error(udev->bus->sysdev, dma))
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, FRAME_LEN, frame_done, NULL);
	urb->transfer_dma = dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int send_frame_premapped(struct urb *urb, struct usb_device *udev, void *buf)
{
	dma_addr_t dma = map_frame(udev, buf);

	if (dma_mapping_error(udev->bus->sysdev, dma))
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, FRAME_LEN, frame_done, NULL);
	urb->transfer_dma = dma; /* { dg-bogus "dmacheck" } */
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: two frames on bulk OUT 0x02, each in its own kmalloc() buffer and URB */
void case_run(struct case_env *env)
{
	send_frame(usb_alloc_urb(0, GFP_KERNEL), env->udev, kzalloc(FRAME_LEN, GFP_KERNEL));
	send_frame_premapped(usb_alloc_urb(0, GFP_KERNEL), env->udev, kzalloc(FRAME_LEN, GFP_KERNEL));
}
