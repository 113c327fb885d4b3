/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, shaped after vendor drivers that describe each control transfer in a small struct on the stack */
/* what: two locals of one struct type are two objects: the one whose data member holds a stack address warns at the transfer, the one holding kmalloc() memory stays silent; a union read through another member is the same memory */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct xfer {
	u8 request;
	void *data;
	u16 len;
};

union reply_buf {
	u8 *bytes;
	void *raw;
};

int two_xfers(struct usb_device *udev, u8 *heap)
{
	struct xfer a, b;
	u8 mode = 1;
	int ret;

	a.request = 0x01;
	a.data = heap;
	a.len = 8;
	b.request = 0x02;
	b.data = &mode;
	b.len = 1;
	ret = usb_control_msg(udev, usb_sndctrlpipe(udev, 0), a.request, USB_TYPE_VENDOR, 0, 0,
			      a.data, a.len, 1000); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;
	return usb_control_msg(udev, usb_sndctrlpipe(udev, 0), b.request, USB_TYPE_VENDOR, 0, 0,
			       b.data, b.len, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int union_reply(struct usb_device *udev)
{
	u8 status[4];
	union reply_buf r;

	r.bytes = status;
	return usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 0x03, USB_DIR_IN | USB_TYPE_VENDOR,
			       0, 0, r.raw, sizeof(status), 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

/* oracle: both transfers with a kmalloc() buffer for the first */
void case_run(struct case_env *env)
{
	two_xfers(env->udev, kmalloc(8, GFP_KERNEL));
	union_reply(env->udev);
}
