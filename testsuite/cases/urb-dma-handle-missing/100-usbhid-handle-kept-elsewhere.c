/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/hid/usbhid/hid-core.c (6.1) hid_alloc_buffers() and usbhid_start(): the coherent buffers' handles are kept in usbhid->inbuf_dma/outbuf_dma and stored into the URBs at start; the dropped outbuf store is a synthetic bug */
/* what: a coherent buffer, the flag set, the handle kept in a private field and never stored in urb->transfer_dma: the flag line of that URB warns; the interrupt-in URB, whose handle is stored, stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define HID_BUFSIZE	64

struct usbhid_device {
	struct usb_device *udev;
	struct urb *urbin;
	struct urb *urbout;
	char *inbuf;
	dma_addr_t inbuf_dma;
	char *outbuf;
	dma_addr_t outbuf_dma;
	unsigned int bufsize;
};

static void hid_irq_in(struct urb *urb)
{
}

static void hid_irq_out(struct urb *urb)
{
}

static int hid_alloc_buffers(struct usb_device *dev, struct usbhid_device *usbhid)
{
	usbhid->inbuf = usb_alloc_coherent(dev, usbhid->bufsize, GFP_KERNEL,
					   &usbhid->inbuf_dma);
	usbhid->outbuf = usb_alloc_coherent(dev, usbhid->bufsize, GFP_KERNEL,
					    &usbhid->outbuf_dma);
	if (!usbhid->inbuf || !usbhid->outbuf)
		return -1;
	return 0;
}

int usbhid_start(struct usbhid_device *usbhid)
{
	struct usb_device *dev = usbhid->udev;

	usbhid->bufsize = HID_BUFSIZE;
	if (hid_alloc_buffers(dev, usbhid))
		return -ENOMEM;

	usbhid->urbin = usb_alloc_urb(0, GFP_KERNEL);
	if (!usbhid->urbin)
		return -ENOMEM;
	usb_fill_int_urb(usbhid->urbin, dev, usb_rcvintpipe(dev, 1), usbhid->inbuf,
			 8, hid_irq_in, usbhid, 10);
	usbhid->urbin->transfer_dma = usbhid->inbuf_dma;
	usbhid->urbin->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */

	usbhid->urbout = usb_alloc_urb(0, GFP_KERNEL);
	if (!usbhid->urbout)
		return -ENOMEM;
	usb_fill_int_urb(usbhid->urbout, dev, usb_sndintpipe(dev, 3), usbhid->outbuf,
			 0, hid_irq_out, usbhid, 10);
	usbhid->urbout->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return 0;
}

int usbhid_open_and_output(struct usbhid_device *usbhid)
{
	int ret = usb_submit_urb(usbhid->urbin, GFP_KERNEL);

	if (ret)
		return ret;
	usbhid->outbuf[0] = 0x01;
	usbhid->urbout->transfer_buffer_length = 8;
	return usb_submit_urb(usbhid->urbout, GFP_ATOMIC);
}

/* oracle: start (interrupt IN 0x81, interrupt OUT 0x03), open, then one output report */
void case_run(struct case_env *env)
{
	struct usbhid_device *usbhid = kzalloc(sizeof(*usbhid), GFP_KERNEL);

	usbhid->udev = env->udev;
	if (usbhid_start(usbhid) == 0)
		usbhid_open_and_output(usbhid);
}
