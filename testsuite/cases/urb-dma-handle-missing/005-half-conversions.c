/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/hid/usbhid/usbkbd.c usb_kbd_probe() and drivers/input/joystick/xpad.c xpad_init_output() (6.1), the coherent buffers replaced by kmalloc() and the transfer_dma lines dropped (synthetic bugs); usb-urb.c's stream loop likewise */
/* what: the flag kept after the coherent buffer became kmalloc()ed: in a local, in a loop over an URB array, on one path only */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define XPAD_PKT_LEN 64

struct usb_xpad {
	struct usb_device *udev;
	struct urb *irq_out;
	unsigned char *odata;
	dma_addr_t odata_dma;
};

struct usb_data_stream {
	struct usb_device *udev;
	int endpoint;
	int count;
	int buffersize;
	struct urb *urb_list[10];
};

static void xpad_irq_out(struct urb *urb)
{
}

int xpad_init_output_kmalloc(struct usb_xpad *xpad, struct usb_endpoint_descriptor *ep_irq_out)
{
	unsigned char *odata;

	odata = kmalloc(XPAD_PKT_LEN, GFP_KERNEL);
	if (!odata)
		return -ENOMEM;

	xpad->irq_out = usb_alloc_urb(0, GFP_KERNEL);
	if (!xpad->irq_out) {
		kfree(odata);
		return -ENOMEM;
	}
	xpad->odata = odata;

	usb_fill_int_urb(xpad->irq_out, xpad->udev,
			 usb_sndintpipe(xpad->udev, ep_irq_out->bEndpointAddress),
			 odata, XPAD_PKT_LEN,
			 xpad_irq_out, xpad, ep_irq_out->bInterval);
	xpad->irq_out->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */

	return 0;
}

int led_urb_kmalloc(struct urb *led, struct usb_device *dev, int ifnum)
{
	struct usb_ctrlrequest *cr = kmalloc(sizeof(*cr), GFP_KERNEL);
	unsigned char *leds = kmalloc(1, GFP_KERNEL);

	if (!cr || !leds) {
		kfree(cr);
		kfree(leds);
		return -ENOMEM;
	}
	cr->bRequestType = USB_TYPE_CLASS | USB_RECIP_INTERFACE;
	cr->bRequest = 0x09;
	cr->wValue = cpu_to_le16(0x200);
	cr->wIndex = cpu_to_le16(ifnum);
	cr->wLength = cpu_to_le16(1);
	usb_fill_control_urb(led, dev, usb_sndctrlpipe(dev, 0),
			     (void *) cr, leds, 1, xpad_irq_out, NULL);
	led->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(led, GFP_ATOMIC);
}

int stream_init_kmalloc(struct usb_data_stream *stream)
{
	int i;

	for (i = 0; i < stream->count; i++) {
		u8 *buf = kzalloc(stream->buffersize, GFP_KERNEL);

		if (!buf)
			return -ENOMEM;
		stream->urb_list[i] = usb_alloc_urb(0, GFP_KERNEL);
		if (!stream->urb_list[i]) {
			kfree(buf);
			return -ENOMEM;
		}
		usb_fill_bulk_urb(stream->urb_list[i], stream->udev,
				  usb_rcvbulkpipe(stream->udev, stream->endpoint),
				  buf, stream->buffersize, xpad_irq_out, stream);
		stream->urb_list[i]->transfer_flags = URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	}
	return 0;
}

int flag_on_one_path_kmalloc(struct urb *urb, struct usb_device *udev, bool fast)
{
	void *buf = kmalloc(512, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, 512, xpad_irq_out, NULL);
	if (fast)
		urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: xpad output set-up on interrupt OUT 0x03 then a rumble packet (submit irq_out); a LED report on
 * ep0; a 2-URB bulk stream on 0x82, then start streaming; flag_on_one_path_kmalloc() with fast and without */
void case_run(struct case_env *env)
{
	struct usb_device *udev = env->udev;
	struct usb_xpad *xpad = kzalloc(sizeof(*xpad), GFP_KERNEL);
	struct usb_data_stream *stream = kzalloc(sizeof(*stream), GFP_KERNEL);
	int i;

	xpad->udev = udev;
	if (xpad_init_output_kmalloc(xpad, &env->intf->cur_altsetting->endpoint[3].desc) == 0)
		usb_submit_urb(xpad->irq_out, GFP_ATOMIC);

	led_urb_kmalloc(usb_alloc_urb(0, GFP_KERNEL), udev, 0);

	stream->udev = udev;
	stream->endpoint = 2;
	stream->count = 2;
	stream->buffersize = 512;
	if (stream_init_kmalloc(stream) == 0)
		for (i = 0; i < stream->count; i++)
			usb_submit_urb(stream->urb_list[i], GFP_ATOMIC);

	flag_on_one_path_kmalloc(usb_alloc_urb(0, GFP_KERNEL), udev, true);
	flag_on_one_path_kmalloc(usb_alloc_urb(0, GFP_KERNEL), udev, false);
}
