/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic */
/* what: storing stack memory into urb->transfer_buffer or urb->setup_packet directly (not through usb_fill_*_urb) warns; heap stores do not */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

static void status_complete(struct urb *urb)
{
}

int submit_status_read(struct usb_device *udev, struct urb *urb)
{
	u8 status[4] = { 0 };

	urb->dev = udev;
	urb->pipe = usb_rcvbulkpipe(udev, 1);
	urb->transfer_buffer = status; /* { dg-warning "dmacheck-dma-on-stack" } */
	urb->transfer_buffer_length = sizeof(status);
	urb->complete = status_complete;
	return usb_submit_urb(urb, GFP_KERNEL);
}

int submit_vendor_request(struct usb_device *udev, struct urb *urb, void *data, u16 len)
{
	struct usb_ctrlrequest setup = {
		.bRequestType = USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
		.bRequest = 0x01,
		.wLength = cpu_to_le16(len),
	};

	urb->dev = udev;
	urb->pipe = usb_sndctrlpipe(udev, 0);
	urb->setup_packet = (unsigned char *)&setup; /* { dg-warning "dmacheck-dma-on-stack" } */
	urb->transfer_buffer = data; /* { dg-bogus "dmacheck" } */
	urb->transfer_buffer_length = len;
	urb->complete = status_complete;
	return usb_submit_urb(urb, GFP_KERNEL);
}

int submit_status_read_heap(struct usb_device *udev, struct urb *urb)
{
	u8 *status = kzalloc(4, GFP_KERNEL);
	struct usb_ctrlrequest *setup = kzalloc(sizeof(*setup), GFP_KERNEL);

	if (!status || !setup) {
		kfree(status);
		kfree(setup);
		return -ENOMEM;
	}
	setup->bRequestType = USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE;
	setup->wLength = cpu_to_le16(4);
	urb->dev = udev;
	urb->pipe = usb_rcvctrlpipe(udev, 0);
	urb->setup_packet = (unsigned char *)setup; /* { dg-bogus "dmacheck" } */
	urb->transfer_buffer = status; /* { dg-bogus "dmacheck" } */
	urb->transfer_buffer_length = 4;
	urb->transfer_flags |= URB_FREE_BUFFER;
	urb->complete = status_complete;
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: the three submissions, each on its own URB */
void case_run(struct case_env *env)
{
	struct urb *urb1 = usb_alloc_urb(0, GFP_KERNEL);
	struct urb *urb2 = usb_alloc_urb(0, GFP_KERNEL);
	struct urb *urb3 = usb_alloc_urb(0, GFP_KERNEL);
	u8 *data = kzalloc(8, GFP_KERNEL);

	/* the harness' endpoint 1 IN is its interrupt endpoint (0x81), not bulk: an interval
	 * lets usb_submit_urb() take the bulk pipe to it (it reports urb-bogus-pipe-type) */
	urb1->interval = 10;
	submit_status_read(env->udev, urb1);
	submit_vendor_request(env->udev, urb2, data, 8);
	submit_status_read_heap(env->udev, urb3);
}
