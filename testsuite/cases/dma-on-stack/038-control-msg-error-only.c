/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic, the shapes of the register helpers converted by the 5.10-5.12 series 'USB: use usb_control_msg_recv() and usb_control_msg_send()' (e.g. drivers/net/usb/pegasus.c, drivers/usb/misc/ehset.c before it) */
/* what: a stack buffer in usb_control_msg() whose result is only tested with "< 0" (the shape cocci/dma-on-stack.cocci's patch mode converts to usb_control_msg_recv/send); a helper that returns the byte count is a warning the patch must leave alone */
#include <linux/usb.h>
#include <dmacheck-case.h>

#define VENDOR_IN	(USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE)
#define VENDOR_OUT	(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)
#define REQ_STATUS	0x01
#define REQ_MODE	0x02

int read_status(struct usb_device *udev, u8 *out)
{
	u8 status;
	int ret;

	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), REQ_STATUS, VENDOR_IN, 0, 0,
			      &status, 1, USB_CTRL_GET_TIMEOUT); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret < 0)
		return ret;
	*out = status;
	return 0;
}

int write_mode(struct usb_device *udev, u8 mode, u16 index)
{
	u8 buf[2] = { mode, 0 };

	if (usb_control_msg(udev, usb_sndctrlpipe(udev, 0), REQ_MODE, VENDOR_OUT, 0, index,
			    buf, sizeof(buf), USB_CTRL_SET_TIMEOUT) < 0) /* { dg-warning "dmacheck-dma-on-stack" } */
		return -EIO;
	return 0;
}

int read_then_write(struct usb_device *udev, u16 index)
{
	__le16 word;
	int ret;

	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), REQ_STATUS, VENDOR_IN, 0, index,
			      &word, sizeof(word), USB_CTRL_GET_TIMEOUT); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret < 0)
		goto out;
	ret = usb_control_msg_send(udev, 0, REQ_MODE, VENDOR_OUT, le16_to_cpu(word), index,
				   NULL, 0, USB_CTRL_SET_TIMEOUT, GFP_KERNEL); /* { dg-bogus "dmacheck" } */
out:
	return ret;
}

/* the byte count is the result: converting would return 0 instead, so the patch leaves it */
int read_count(struct usb_device *udev, u8 *out)
{
	u8 buf[4];
	int ret;

	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), REQ_STATUS, VENDOR_IN, 0, 0,
			      buf, sizeof(buf), USB_CTRL_GET_TIMEOUT); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret < 0)
		return ret;
	memcpy(out, buf, ret);
	return ret;
}

/* oracle: each helper once (where a DMA controller refuses read_then_write()'s read, its
 * usb_control_msg_send() runs only on the PIO and local-memory models) */
void case_run(struct case_env *env)
{
	u8 *out = kmalloc(4, GFP_KERNEL);

	read_status(env->udev, out);
	write_mode(env->udev, 1, 0);
	read_then_write(env->udev, 0);
	read_count(env->udev, out);
	kfree(out);
}
