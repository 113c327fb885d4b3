/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from drivers/media/usb/usbtv/usbtv-core.c usbtv_set_regs() and drivers/media/usb/gspca/dtcs033.c reg_rw(), dtcs033_setexposure() (6.1): the two findings of the 6.1 scan (docs/findings-6.1.md), and their fixed forms */
/* what: register writes (USB_DIR_OUT, wLength 0) on a receive pipe kept in a local, and through a helper that always uses usb_rcvctrlpipe(), warn (at the call of the helper); a pipe chosen from the request type and the send pipe stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define USBTV_REQUEST_REG	12

struct usbtv {
	struct usb_device *udev;
};

/* usbtv-core.c, 6.1 */
int usbtv_set_regs(struct usbtv *usbtv, const u16 regs[][2], int size)
{
	int ret;
	int pipe = usb_rcvctrlpipe(usbtv->udev, 0);
	int i;

	for (i = 0; i < size; i++) {
		u16 index = regs[i][0];
		u16 value = regs[i][1];

		ret = usb_control_msg(usbtv->udev, pipe, USBTV_REQUEST_REG,
			USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			value, index, NULL, 0, USB_CTRL_GET_TIMEOUT); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
		if (ret < 0)
			return ret;
	}
	return 0;
}

/* fixed */
int usbtv_set_regs_fixed(struct usbtv *usbtv, const u16 regs[][2], int size)
{
	int ret;
	int pipe = usb_sndctrlpipe(usbtv->udev, 0);
	int i;

	for (i = 0; i < size; i++) {
		ret = usb_control_msg(usbtv->udev, pipe, USBTV_REQUEST_REG,
			USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			regs[i][1], regs[i][0], NULL, 0, USB_CTRL_GET_TIMEOUT); /* { dg-bogus "dmacheck" } */
		if (ret < 0)
			return ret;
	}
	return 0;
}

struct gspca_dev {
	struct usb_device *dev;
	u8 *usb_buf;
	int usb_err;
};

struct dtcs033_usb_requests {
	u8 bRequestType;
	u8 bRequest;
	u16 wValue;
	u16 wIndex;
	u16 wLength;
};

/* dtcs033.c, 6.1 */
static void reg_rw(struct gspca_dev *gspca_dev, u8 bRequestType, u8 bRequest,
		   u16 wValue, u16 wIndex, u16 wLength)
{
	struct usb_device *udev = gspca_dev->dev;
	int ret;

	if (gspca_dev->usb_err < 0)
		return;
	ret = usb_control_msg(udev,
		usb_rcvctrlpipe(udev, 0),
		bRequest,
		bRequestType,
		wValue, wIndex,
		gspca_dev->usb_buf, wLength, 500); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		gspca_dev->usb_err = ret;
}

/* fixed: the pipe follows the request */
static void reg_rw_fixed(struct gspca_dev *gspca_dev, u8 bRequestType, u8 bRequest,
			 u16 wValue, u16 wIndex, u16 wLength)
{
	struct usb_device *udev = gspca_dev->dev;
	int ret;

	if (gspca_dev->usb_err < 0)
		return;
	ret = usb_control_msg(udev,
		(bRequestType & USB_DIR_IN) && wLength ? usb_rcvctrlpipe(udev, 0) :
							 usb_sndctrlpipe(udev, 0),
		bRequest, bRequestType, wValue, wIndex,
		gspca_dev->usb_buf, wLength, 500); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		gspca_dev->usb_err = ret;
}

static const struct dtcs033_usb_requests dtcs033_start_reqs[] = {
	{ 0x40, 0x01, 0x0001, 0x000F, 0x0000 },
	{ 0x40, 0x18, 0x0000, 0x7F00, 0x0000 },
	{ 0xC0, 0x22, 0x0000, 0x0004, 0x0001 },
};

/* the start table, through the fixed helper (with reg_rw() the analysis would not see its
 * request types either: they are loaded from the table, docs/findings-6.1.md) */
int reg_reqs(struct gspca_dev *gspca_dev, const struct dtcs033_usb_requests *preqs,
	     int n_reqs)
{
	int i;

	for (i = 0; i < n_reqs && gspca_dev->usb_err >= 0; i++)
		reg_rw_fixed(gspca_dev, preqs[i].bRequestType, preqs[i].bRequest,
			     preqs[i].wValue, preqs[i].wIndex, preqs[i].wLength); /* { dg-bogus "dmacheck" } */
	return gspca_dev->usb_err;
}

void dtcs033_setexposure(struct gspca_dev *gspca_dev, u16 wValue, u16 wIndex)
{
	const u8 bRequestType = USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE;
	const u8 bRequest = 0x18;

	reg_rw(gspca_dev, bRequestType, bRequest, wValue, wIndex, 0); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	reg_rw_fixed(gspca_dev, bRequestType, bRequest, wValue, wIndex, 0); /* { dg-bogus "dmacheck" } */
}

/* oracle: usbtv's register writes both ways, dtcs033's exposure and start table (fixed) */
void case_run(struct case_env *env)
{
	static const u16 regs[2][2] = { { 0xc100, 0x0010 }, { 0xc101, 0x0020 } };
	struct usbtv *usbtv = kzalloc(sizeof(*usbtv), GFP_KERNEL);
	struct gspca_dev *gspca_dev = kzalloc(sizeof(*gspca_dev), GFP_KERNEL);

	usbtv->udev = env->udev;
	usbtv_set_regs(usbtv, regs, 2);
	usbtv_set_regs_fixed(usbtv, regs, 2);
	gspca_dev->dev = env->udev;
	gspca_dev->usb_buf = kzalloc(64, GFP_KERNEL);
	dtcs033_setexposure(gspca_dev, 0x0100, 0x0200);
	reg_reqs(gspca_dev, dtcs033_start_reqs, 3);
	kfree(gspca_dev->usb_buf);
	kfree(gspca_dev);
	kfree(usbtv);
}
