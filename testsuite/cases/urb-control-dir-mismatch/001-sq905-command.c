/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: drivers/media/usb/gspca/sq905.c sq905_command() as before commit 'media: gspca/sq905: fix control-request direction' (USB_DIR_IN on usb_sndctrlpipe()), and the 6.1 sq905_command(), sq905_ack_frame(), sq905_read_data() */
/* what: a vendor request marked USB_DIR_IN with a one-byte data stage sent on a send pipe warns; the 6.1 requests (OUT on the send pipe, IN on the receive pipe) stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define SQ905_CMD_TIMEOUT	500
#define SQ905_PING		0x00
#define SQ905_COMMAND		0x06
#define SQ905_READ_DONE		0xc0
#define SQ905_BULK_READ		0x03

struct gspca_dev {
	struct usb_device *dev;
	u8 *usb_buf;
};

/* before the fix */
int old_sq905_command(struct gspca_dev *gspca_dev, u16 index)
{
	int ret;

	gspca_dev->usb_buf[0] = '\0';
	ret = usb_control_msg(gspca_dev->dev,
			      usb_sndctrlpipe(gspca_dev->dev, 0),
			      USB_REQ_SYNCH_FRAME,                /* request */
			      USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			      SQ905_COMMAND, index, gspca_dev->usb_buf, 1,
			      SQ905_CMD_TIMEOUT); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	if (ret < 0)
		return ret;

	ret = usb_control_msg(gspca_dev->dev,
			      usb_rcvctrlpipe(gspca_dev->dev, 0),
			      USB_REQ_SYNCH_FRAME,                /* request */
			      USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			      SQ905_PING, 0, gspca_dev->usb_buf, 1,
			      SQ905_CMD_TIMEOUT); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;
	return 0;
}

/* 6.1 */
int sq905_command(struct gspca_dev *gspca_dev, u16 index)
{
	int ret;

	gspca_dev->usb_buf[0] = '\0';
	ret = usb_control_msg(gspca_dev->dev,
			      usb_sndctrlpipe(gspca_dev->dev, 0),
			      USB_REQ_SYNCH_FRAME,                /* request */
			      USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			      SQ905_COMMAND, index, gspca_dev->usb_buf, 1,
			      SQ905_CMD_TIMEOUT); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;

	ret = usb_control_msg(gspca_dev->dev,
			      usb_rcvctrlpipe(gspca_dev->dev, 0),
			      USB_REQ_SYNCH_FRAME,                /* request */
			      USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			      SQ905_PING, 0, gspca_dev->usb_buf, 1,
			      SQ905_CMD_TIMEOUT); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;
	return 0;
}

int sq905_ack_frame(struct gspca_dev *gspca_dev)
{
	int ret;

	gspca_dev->usb_buf[0] = '\0';
	ret = usb_control_msg(gspca_dev->dev,
			      usb_sndctrlpipe(gspca_dev->dev, 0),
			      USB_REQ_SYNCH_FRAME,                /* request */
			      USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			      SQ905_READ_DONE, 0, gspca_dev->usb_buf, 1,
			      SQ905_CMD_TIMEOUT); /* { dg-bogus "dmacheck" } */
	return ret < 0 ? ret : 0;
}

/* the control half of sq905_read_data() */
int sq905_read_data_request(struct gspca_dev *gspca_dev, int size)
{
	gspca_dev->usb_buf[0] = '\0';
	return usb_control_msg(gspca_dev->dev,
			       usb_sndctrlpipe(gspca_dev->dev, 0),
			       USB_REQ_SYNCH_FRAME,                /* request */
			       USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			       SQ905_BULK_READ, size, gspca_dev->usb_buf,
			       1, SQ905_CMD_TIMEOUT); /* { dg-bogus "dmacheck" } */
}

/* oracle: the camera's start sequence with the old and the 6.1 command */
void case_run(struct case_env *env)
{
	struct gspca_dev *gspca_dev = kzalloc(sizeof(*gspca_dev), GFP_KERNEL);

	gspca_dev->dev = env->udev;
	gspca_dev->usb_buf = kzalloc(64, GFP_KERNEL);
	old_sq905_command(gspca_dev, 0x3f);
	sq905_command(gspca_dev, 0x3f);
	sq905_ack_frame(gspca_dev);
	sq905_read_data_request(gspca_dev, 64);
	kfree(gspca_dev->usb_buf);
	kfree(gspca_dev);
}
