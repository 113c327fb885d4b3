/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/usb/serial/pl2303.c (6.1) pl2303_get_line_request(), pl2303_set_line_request(), pl2303_set_termios(); the last function is synthetic */
/* what: a parameter declared as an array (unsigned char buf[7]) is a pointer: silent in the helpers and for the kzalloc()ed buffer of the caller; a local array passed to the same helper warns */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define GET_LINE_REQUEST_TYPE		0xa1
#define GET_LINE_REQUEST		0x21
#define SET_LINE_REQUEST_TYPE		0x21
#define SET_LINE_REQUEST		0x20

static int pl2303_get_line_request(struct usb_device *udev, unsigned char buf[7])
{
	int ret;

	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0),
				GET_LINE_REQUEST, GET_LINE_REQUEST_TYPE,
				0, 0, buf, 7, 100); /* { dg-bogus "dmacheck" } */
	if (ret != 7) {
		if (ret >= 0)
			ret = -EIO;
		return ret;
	}
	return 0;
}

static int pl2303_set_line_request(struct usb_device *udev, unsigned char buf[7])
{
	int ret;

	ret = usb_control_msg(udev, usb_sndctrlpipe(udev, 0),
				SET_LINE_REQUEST, SET_LINE_REQUEST_TYPE,
				0, 0, buf, 7, 100); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;
	return 0;
}

int pl2303_set_termios(struct usb_device *udev, u32 baud)
{
	unsigned char *buf;
	int ret;

	buf = kzalloc(7, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = pl2303_get_line_request(udev, buf); /* { dg-bogus "dmacheck" } */
	if (!ret) {
		buf[0] = baud & 0xff;
		ret = pl2303_set_line_request(udev, buf); /* { dg-bogus "dmacheck" } */
	}
	kfree(buf);
	return ret;
}

int pl2303_probe_line(struct usb_device *udev)
{
	unsigned char line[7];

	return pl2303_get_line_request(udev, line); /* { dg-warning "dmacheck-dma-on-stack" } */
}

/* oracle: set_termios() at 9600 baud (kzalloc()ed line request), then the stack-array probe */
void case_run(struct case_env *env)
{
	pl2303_set_termios(env->udev, 9600);
	pl2303_probe_line(env->udev);
}
