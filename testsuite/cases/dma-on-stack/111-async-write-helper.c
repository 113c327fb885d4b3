/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/net/usb/usbnet.c (6.1) usbnet_write_cmd_async(), which kmemdup()s the data before it fills and submits the control URB; the non-copying variant is a synthetic bug */
/* what: helpers that fill and submit an URB with their data argument: a stack value through the copying helper stays silent, through the non-copying helper it warns at the caller's call */
/* known-to-fail: gcc false positive: the data parameter reaches usb_fill_control_urb() only when the constant argument copy is false; the summary ignores the condition, so the kmemdup() caller is reported */
/* known-to-fail: sparse false positive: the data parameter reaches usb_fill_control_urb() only when the constant argument copy is false; the summary ignores the condition, so the kmemdup() caller is reported */
/* known-to-fail: cocci the stack argument reaches usb_fill_control_urb() through the helper's local (buf = (void *)data) on one branch; the script does not follow it */
#include <linux/usb.h>
#include <linux/slab.h>
#include <asm/byteorder.h>
#include <dmacheck-case.h>

struct usbnet {
	struct usb_device *udev;
};

static void usbnet_async_cmd_cb(struct urb *urb)
{
}

static int write_cmd_async(struct usbnet *dev, u8 cmd, u8 reqtype, u16 value, u16 index,
			   const void *data, u16 size, bool copy)
{
	struct usb_ctrlrequest *req;
	struct urb *urb;
	void *buf = NULL;

	urb = usb_alloc_urb(0, GFP_ATOMIC);
	if (!urb)
		return -ENOMEM;
	if (data && copy) {
		buf = kmemdup(data, size, GFP_ATOMIC);
		if (!buf)
			goto fail_free_urb;
	} else if (data) {
		buf = (void *)data;
	}
	req = kmalloc(sizeof(struct usb_ctrlrequest), GFP_ATOMIC);
	if (!req)
		goto fail_free_buf;
	req->bRequestType = reqtype;
	req->bRequest = cmd;
	req->wValue = cpu_to_le16(value);
	req->wIndex = cpu_to_le16(index);
	req->wLength = cpu_to_le16(size);

	usb_fill_control_urb(urb, dev->udev, usb_sndctrlpipe(dev->udev, 0),
			     (void *)req, buf, size, usbnet_async_cmd_cb, req); /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_ATOMIC);

fail_free_buf:
	if (copy)
		kfree(buf);
fail_free_urb:
	usb_free_urb(urb);
	return -ENOMEM;
}

int usbnet_write_cmd_async(struct usbnet *dev, u8 cmd, u8 reqtype, u16 value, u16 index,
			   const void *data, u16 size)
{
	return write_cmd_async(dev, cmd, reqtype, value, index, data, size, true);
}

int sr_set_mac_filter(struct usbnet *dev, u8 bits)
{
	u8 rx_ctl = bits;

	return usbnet_write_cmd_async(dev, 0x10, USB_DIR_OUT | USB_TYPE_VENDOR, 0, 0, &rx_ctl, 1); /* { dg-bogus "dmacheck" } */
}

int sr_set_mac_filter_nocopy(struct usbnet *dev, u8 bits)
{
	u8 rx_ctl = bits;

	return write_cmd_async(dev, 0x10, USB_DIR_OUT | USB_TYPE_VENDOR, 0, 0, &rx_ctl, 1, false); /* { dg-warning "dmacheck-dma-on-stack" } */
}

/* oracle: ndo_set_rx_mode both ways */
void case_run(struct case_env *env)
{
	struct usbnet *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	dev->udev = env->udev;
	sr_set_mac_filter(dev, 0x0c);
	sr_set_mac_filter_nocopy(dev, 0x0c);
}
