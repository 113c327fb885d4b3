/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc sparse core */
/* origin: drivers/media/usb/gspca/gl860/gl860.c gl860_RTx() as before commit 'media: gspca/gl860: fix zero-length control requests' and as in 6.1; the zero-length read of the callers is synthetic (the commit names such requests, not the call) */
/* what: a same-file helper whose request type and length come from its caller (ctrl_in()/ctrl_out() are macros for it): a zero-length read marked 0xc0 reaches usb_rcvctrlpipe() and warns at the caller; the 6.1 helper refuses len 0 on that branch (a guard on its parameter), and reads and writes with a data stage stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct gspca_dev {
	struct usb_device *dev;
	u8 *usb_buf;
};

#define ctrl_in  old_gl860_RTx
#define ctrl_out old_gl860_RTx

static int old_gl860_RTx(struct gspca_dev *gspca_dev,
			 unsigned char pref, u32 req, u16 val, u16 index,
			 s32 len, void *pdata)
{
	struct usb_device *udev = gspca_dev->dev;
	s32 r = 0;

	if (pref == 0x40) { /* Send */
		if (len > 0) {
			memcpy(gspca_dev->usb_buf, pdata, len);
			r = usb_control_msg(udev, usb_sndctrlpipe(udev, 0),
					req, pref, val, index,
					gspca_dev->usb_buf,
					len, 400 + 200 * (len > 1)); /* { dg-bogus "dmacheck" } */
		} else {
			r = usb_control_msg(udev, usb_sndctrlpipe(udev, 0),
					req, pref, val, index, NULL, len, 400); /* { dg-bogus "dmacheck" } */
		}
	} else { /* Receive */
		r = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0),
				req, pref, val, index,
				gspca_dev->usb_buf,
				len, 400 + 200 * (len > 1)); /* { dg-bogus "dmacheck" } */
		if (len > 0)
			memcpy(pdata, gspca_dev->usb_buf, len);
	}
	return r;
}

/* 6.1 */
static int gl860_RTx(struct gspca_dev *gspca_dev,
		     unsigned char pref, u32 req, u16 val, u16 index,
		     s32 len, void *pdata)
{
	struct usb_device *udev = gspca_dev->dev;
	s32 r = 0;

	if (pref == 0x40) { /* Send */
		if (len > 0) {
			memcpy(gspca_dev->usb_buf, pdata, len);
			r = usb_control_msg(udev, usb_sndctrlpipe(udev, 0),
					req, pref, val, index,
					gspca_dev->usb_buf,
					len, 400 + 200 * (len > 1)); /* { dg-bogus "dmacheck" } */
		} else {
			r = usb_control_msg(udev, usb_sndctrlpipe(udev, 0),
					req, pref, val, index, NULL, len, 400); /* { dg-bogus "dmacheck" } */
		}
	} else { /* Receive */
		if (len > 0) {
			r = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0),
					req, pref, val, index,
					gspca_dev->usb_buf,
					len, 400 + 200 * (len > 1)); /* { dg-bogus "dmacheck" } */
			memcpy(pdata, gspca_dev->usb_buf, len);
		} else {
			r = -EINVAL;
		}
	}
	return r;
}

/* gl860-mi2020.c's sensor probe shape */
int old_mi2020_probe(struct gspca_dev *gspca_dev)
{
	u8 c = 0;
	u8 dat[2] = { 0x01, 0x02 };

	ctrl_out(gspca_dev, 0x40, 1, 0x0040, 0x0000, 0, NULL); /* { dg-bogus "dmacheck" } */
	ctrl_out(gspca_dev, 0x40, 1, 0x6001, 0x00ff, 2, dat); /* { dg-bogus "dmacheck" } */
	ctrl_in(gspca_dev, 0xc0, 2, 0x0000, 0x0004, 1, &c); /* { dg-bogus "dmacheck" } */
	ctrl_in(gspca_dev, 0xc0, 2, 0x0000, 0x0004, 0, NULL); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	return c;
}

int mi2020_probe(struct gspca_dev *gspca_dev)
{
	u8 c = 0;
	u8 dat[2] = { 0x01, 0x02 };

	gl860_RTx(gspca_dev, 0x40, 1, 0x0040, 0x0000, 0, NULL); /* { dg-bogus "dmacheck" } */
	gl860_RTx(gspca_dev, 0x40, 1, 0x6001, 0x00ff, 2, dat); /* { dg-bogus "dmacheck" } */
	gl860_RTx(gspca_dev, 0xc0, 2, 0x0000, 0x0004, 1, &c); /* { dg-bogus "dmacheck" } */
	gl860_RTx(gspca_dev, 0xc0, 2, 0x0000, 0x0004, 0, NULL); /* { dg-bogus "dmacheck" } */
	return c;
}

/* oracle: the probe sequence with the old and the 6.1 helper */
void case_run(struct case_env *env)
{
	struct gspca_dev *gspca_dev = kzalloc(sizeof(*gspca_dev), GFP_KERNEL);

	gspca_dev->dev = env->udev;
	gspca_dev->usb_buf = kzalloc(64, GFP_KERNEL);
	old_mi2020_probe(gspca_dev);
	mi2020_probe(gspca_dev);
	kfree(gspca_dev->usb_buf);
	kfree(gspca_dev);
}
