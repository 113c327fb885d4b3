/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc sparse core */
/* origin: drivers/media/usb/gspca/sunplus.c reg_r(), reg_w_riv() as before commit 'media: gspca/sunplus: fix zero-length control requests' and as in 6.1; the caller's zero-length read is synthetic (the commit replaced the one such call, whose values it does not quote) */
/* what: the read helper reached with len 0 issues an IN request without a data stage on a receive pipe (warned at the caller, through the helper); the 6.1 helper returns before the transfer when len is 0, and the write helper's zero-length OUT requests stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define USB_BUF_SZ 64

struct gspca_dev {
	struct usb_device *dev;
	u8 *usb_buf;
	int usb_err;
};

/* before the fix */
static void old_reg_r(struct gspca_dev *gspca_dev, u8 req, u16 index, u16 len)
{
	int ret;

	if (len > USB_BUF_SZ)
		return;
	if (gspca_dev->usb_err < 0)
		return;
	ret = usb_control_msg(gspca_dev->dev,
			usb_rcvctrlpipe(gspca_dev->dev, 0),
			req,
			USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			0,		/* value */
			index,
			len ? gspca_dev->usb_buf : NULL, len,
			500); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		gspca_dev->usb_err = ret;
}

/* 6.1 */
static void reg_r(struct gspca_dev *gspca_dev, u8 req, u16 index, u16 len)
{
	int ret;

	if (len > USB_BUF_SZ)
		return;
	if (len == 0)
		return;
	if (gspca_dev->usb_err < 0)
		return;
	ret = usb_control_msg(gspca_dev->dev,
			usb_rcvctrlpipe(gspca_dev->dev, 0),
			req,
			USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			0,		/* value */
			index,
			gspca_dev->usb_buf, len,
			500); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		gspca_dev->usb_err = ret;
}

static void reg_w_riv(struct gspca_dev *gspca_dev, u8 req, u16 index, u16 value)
{
	struct usb_device *dev = gspca_dev->dev;
	int ret;

	if (gspca_dev->usb_err < 0)
		return;
	ret = usb_control_msg(dev,
			usb_sndctrlpipe(dev, 0),
			req,
			USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			value, index, NULL, 0, 500); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		gspca_dev->usb_err = ret;
}

int old_sd_start(struct gspca_dev *gspca_dev)
{
	reg_w_riv(gspca_dev, 0x31, 0x0000, 0x0004); /* { dg-bogus "dmacheck" } */
	old_reg_r(gspca_dev, 0x20, 0x0000, 1); /* { dg-bogus "dmacheck" } */
	old_reg_r(gspca_dev, 0x21, 0x0000, 0); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	return gspca_dev->usb_err;
}

int sd_start(struct gspca_dev *gspca_dev)
{
	reg_w_riv(gspca_dev, 0x31, 0x0000, 0x0004); /* { dg-bogus "dmacheck" } */
	reg_r(gspca_dev, 0x20, 0x0000, 1); /* { dg-bogus "dmacheck" } */
	reg_r(gspca_dev, 0x21, 0x0000, 0); /* { dg-bogus "dmacheck" } */
	reg_w_riv(gspca_dev, 0x21, 0x0000, 0); /* { dg-bogus "dmacheck" } */
	return gspca_dev->usb_err;
}

/* oracle: stream start with the old and the 6.1 helpers */
void case_run(struct case_env *env)
{
	struct gspca_dev *gspca_dev = kzalloc(sizeof(*gspca_dev), GFP_KERNEL);

	gspca_dev->dev = env->udev;
	gspca_dev->usb_buf = kzalloc(USB_BUF_SZ, GFP_KERNEL);
	old_sd_start(gspca_dev);
	gspca_dev->usb_err = 0;
	sd_start(gspca_dev);
	kfree(gspca_dev->usb_buf);
	kfree(gspca_dev);
}
