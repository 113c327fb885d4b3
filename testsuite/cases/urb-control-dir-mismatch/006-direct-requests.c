/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/usb/misc/trancevibrator.c speed_store(), drivers/usb/misc/cytherm.c vendor_command(), drivers/usb/misc/emi26.c emi26_writememory() (6.1), each next to a synthetic twin with the bug of the 2021-2022 direction fixes put in (the pipe macro swapped, a zero-length request marked USB_DIR_IN); the driver's #defines as request types */
/* what: direct requests whose pipe macro and constant request type (ch9 names, a driver #define, a number) disagree warn, also a zero-length IN request on a receive pipe; the 6.1 requests stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define ANCHOR_LOAD_INTERNAL	0xA0
#define EMI_REQT_WRITE		0x40
#define CYTHERM_REQT_READ	(USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_OTHER)
#define CYTHERM_READ		0x02

struct vibrator {
	struct usb_device *udev;
	unsigned int speed;
};

/* trancevibrator.c: a request without a data stage */
int tv_set_speed(struct vibrator *tv)
{
	return usb_control_msg(tv->udev, usb_sndctrlpipe(tv->udev, 0),
			       0x01, /* vendor request: set speed */
			       USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_OTHER,
			       tv->speed, /* speed value */
			       0, NULL, 0, USB_CTRL_SET_TIMEOUT); /* { dg-bogus "dmacheck" } */
}

int tv_set_speed_rcv(struct vibrator *tv)
{
	return usb_control_msg(tv->udev, usb_rcvctrlpipe(tv->udev, 0),
			       0x01, /* vendor request: set speed */
			       USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_OTHER,
			       tv->speed, /* speed value */
			       0, NULL, 0, USB_CTRL_SET_TIMEOUT); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
}

int tv_set_speed_in(struct vibrator *tv)
{
	return usb_control_msg(tv->udev, usb_rcvctrlpipe(tv->udev, 0),
			       0x01, /* vendor request: set speed */
			       USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_OTHER,
			       tv->speed, /* speed value */
			       0, NULL, 0, USB_CTRL_SET_TIMEOUT); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
}

/* cytherm.c: reads with a data stage */
int cytherm_read(struct usb_device *dev, u8 *buf)
{
	int ret;

	ret = usb_control_msg(dev, usb_rcvctrlpipe(dev, 0), CYTHERM_READ,
			      USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_OTHER,
			      0x33, 0, buf, 8, USB_CTRL_GET_TIMEOUT); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;
	ret = usb_control_msg(dev, usb_rcvctrlpipe(dev, 0), CYTHERM_READ, CYTHERM_REQT_READ,
			      0x34, 0, buf, 8, USB_CTRL_GET_TIMEOUT); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;
	ret = usb_control_msg(dev, usb_rcvctrlpipe(dev, 0), CYTHERM_READ, 0xc3,
			      0x35, 0, buf, 2, USB_CTRL_GET_TIMEOUT); /* { dg-bogus "dmacheck" } */
	return ret;
}

int cytherm_read_snd(struct usb_device *dev, u8 *buf)
{
	int ret;

	ret = usb_control_msg(dev, usb_sndctrlpipe(dev, 0), CYTHERM_READ,
			      USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_OTHER,
			      0x33, 0, buf, 8, USB_CTRL_GET_TIMEOUT); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	if (ret < 0)
		return ret;
	ret = usb_control_msg(dev, usb_sndctrlpipe(dev, 0), CYTHERM_READ, CYTHERM_REQT_READ,
			      0x34, 0, buf, 8, USB_CTRL_GET_TIMEOUT); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	if (ret < 0)
		return ret;
	ret = usb_control_msg(dev, usb_sndctrlpipe(dev, 0), CYTHERM_READ, 0xc3,
			      0x35, 0, buf, sizeof(u16), USB_CTRL_GET_TIMEOUT); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	return ret;
}

/* emi26.c: writes of a block */
int emi26_writememory(struct usb_device *dev, int address, const unsigned char *data,
		      int length, __u8 request)
{
	int result;
	unsigned char *buffer = kmemdup(data, length, GFP_KERNEL);

	if (!buffer)
		return -ENOMEM;
	result = usb_control_msg(dev, usb_sndctrlpipe(dev, 0), request, EMI_REQT_WRITE, address,
				 0, buffer, length, 300); /* { dg-bogus "dmacheck" } */
	if (result >= 0)
		result = usb_control_msg(dev, usb_sndctrlpipe(dev, 0), request, 0x40, address,
					 0, buffer, length, 300); /* { dg-bogus "dmacheck" } */
	kfree(buffer);
	return result;
}

int emi26_writememory_rcv(struct usb_device *dev, int address, const unsigned char *data,
			  int length, __u8 request)
{
	int result;
	unsigned char *buffer = kmemdup(data, length, GFP_KERNEL);

	if (!buffer)
		return -ENOMEM;
	result = usb_control_msg(dev, usb_rcvctrlpipe(dev, 0), request, EMI_REQT_WRITE, address,
				 0, buffer, length, 300); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	if (result >= 0)
		result = usb_control_msg(dev, usb_rcvctrlpipe(dev, 0), request, 0x40, address,
					 0, buffer, length, 300); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	kfree(buffer);
	return result;
}

/* the standard requests of usbcore's own helpers: no data stage OUT, status IN */
int std_requests(struct usb_device *dev, u8 *status)
{
	int ret;

	ret = usb_control_msg(dev, usb_sndctrlpipe(dev, 0), USB_REQ_CLEAR_FEATURE,
			      USB_RECIP_ENDPOINT, 0, 0x81, NULL, 0, USB_CTRL_SET_TIMEOUT); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;
	ret = usb_control_msg(dev, usb_rcvctrlpipe(dev, 0), USB_REQ_CLEAR_FEATURE,
			      USB_RECIP_ENDPOINT, 0, 0x81, NULL, 0, USB_CTRL_SET_TIMEOUT); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	if (ret < 0)
		return ret;
	ret = usb_control_msg(dev, usb_rcvctrlpipe(dev, 0), USB_REQ_GET_STATUS,
			      USB_DIR_IN | USB_RECIP_DEVICE, 0, 0, status, 2,
			      USB_CTRL_GET_TIMEOUT); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;
	return usb_control_msg(dev, usb_sndctrlpipe(dev, 0), USB_REQ_GET_STATUS,
			       USB_DIR_IN | USB_RECIP_DEVICE, 0, 0, status, 2,
			       USB_CTRL_GET_TIMEOUT); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
}

/* oracle: every request once */
void case_run(struct case_env *env)
{
	struct vibrator *tv = kzalloc(sizeof(*tv), GFP_KERNEL);
	u8 *buf = kzalloc(16, GFP_KERNEL);
	static const unsigned char image[4] = { 1, 2, 3, 4 };

	tv->udev = env->udev;
	tv->speed = 5;
	tv_set_speed(tv);
	tv_set_speed_rcv(tv);
	tv_set_speed_in(tv);
	cytherm_read(env->udev, buf);
	cytherm_read_snd(env->udev, buf);
	emi26_writememory(env->udev, 0x7f92, image, 4, ANCHOR_LOAD_INTERNAL);
	emi26_writememory_rcv(env->udev, 0x7f92, image, 4, ANCHOR_LOAD_INTERNAL);
	std_requests(env->udev, buf);
	kfree(buf);
	kfree(tv);
}
