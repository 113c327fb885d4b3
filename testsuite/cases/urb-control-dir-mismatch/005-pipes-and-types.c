/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, in the shapes of USB register helpers across 6.1 (drivers/usb/serial, drivers/media/usb, drivers/net/usb): pipes and request types kept in locals, ORed with the caller's flags, handed through two wrappers, chosen from the request's direction */
/* what: the directions are followed through locals, ORs, conditionals whose arms agree and two levels of helpers (warned where both become known); a pipe chosen from bRequestType, an IN request whose length is unknown, usb_control_msg_recv()/send() and bulk transfers stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define VENDOR_REQ	0x01

struct foo {
	struct usb_device *udev;
	u8 *buf;
};

/* pipe and type in locals */
int foo_read_locals(struct foo *foo, u16 reg)
{
	unsigned int pipe = usb_sndctrlpipe(foo->udev, 0);
	u8 type = USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE;

	return usb_control_msg(foo->udev, pipe, VENDOR_REQ, type, 0, reg,
			       foo->buf, 4, 1000); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
}

/* the caller's recipient bits ORed into a fixed direction */
static int foo_vendor_in(struct foo *foo, u8 recip, u16 reg, u16 len)
{
	return usb_control_msg(foo->udev, usb_sndctrlpipe(foo->udev, 0), VENDOR_REQ,
			       USB_DIR_IN | USB_TYPE_VENDOR | recip, 0, reg,
			       foo->buf, len, 1000); /* { dg-bogus "dmacheck" } */
}

int foo_read_recip(struct foo *foo)
{
	return foo_vendor_in(foo, USB_RECIP_INTERFACE, 0x10, 2); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
}

/* the caller's pipe and type through two helpers */
static int foo_ctrl(struct foo *foo, unsigned int pipe, u8 type, u16 reg, u16 len)
{
	return usb_control_msg(foo->udev, pipe, VENDOR_REQ, type, 0, reg, foo->buf, len,
			       1000); /* { dg-bogus "dmacheck" } */
}

static int foo_ctrl_retry(struct foo *foo, unsigned int pipe, u8 type, u16 reg, u16 len)
{
	int ret = foo_ctrl(foo, pipe, type, reg, len); /* { dg-bogus "dmacheck" } */

	if (ret == -EPIPE)
		ret = foo_ctrl(foo, pipe, type, reg, len); /* { dg-bogus "dmacheck" } */
	return ret;
}

int foo_write_two_levels(struct foo *foo)
{
	int ret;

	ret = foo_ctrl_retry(foo, usb_rcvctrlpipe(foo->udev, 0),
			     USB_DIR_OUT | USB_TYPE_VENDOR, 0x20, 1); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	if (ret < 0)
		return ret;
	ret = foo_ctrl_retry(foo, usb_sndctrlpipe(foo->udev, 0),
			     USB_DIR_OUT | USB_TYPE_VENDOR, 0x20, 1); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;
	return foo_ctrl_retry(foo, usb_rcvctrlpipe(foo->udev, 0),
			      USB_DIR_IN | USB_TYPE_VENDOR, 0x20, 1); /* { dg-bogus "dmacheck" } */
}

/* a conditional whose arms agree, and one whose arms follow the request */
int foo_status(struct foo *foo, bool fast, bool read)
{
	unsigned int pipe = fast ? usb_sndctrlpipe(foo->udev, 0) : usb_sndctrlpipe(foo->udev, 0);
	u8 type = (read ? USB_DIR_IN : USB_DIR_OUT) | USB_TYPE_VENDOR;
	unsigned int pipe2 = read ? usb_rcvctrlpipe(foo->udev, 0) : usb_sndctrlpipe(foo->udev, 0);
	int ret;

	ret = usb_control_msg(foo->udev, pipe, VENDOR_REQ, USB_DIR_IN | USB_TYPE_VENDOR, 0, 0,
			      foo->buf, 1, 1000); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	if (ret < 0)
		return ret;
	return usb_control_msg(foo->udev, pipe2, VENDOR_REQ, type, 0, 0, foo->buf, 1,
			       1000); /* { dg-bogus "dmacheck" } */
}

/* an IN request whose length is the caller's: OUT when it is 0, not known here */
int foo_read_len(struct foo *foo, u16 len)
{
	return usb_control_msg(foo->udev, usb_sndctrlpipe(foo->udev, 0), VENDOR_REQ,
			       USB_DIR_IN | USB_TYPE_VENDOR, 0, 0, foo->buf, len,
			       1000); /* { dg-bogus "dmacheck" } */
}

/* an OUT request on a receive pipe, whatever its length */
int foo_write_len(struct foo *foo, u16 len)
{
	return usb_control_msg(foo->udev, usb_rcvctrlpipe(foo->udev, 0), VENDOR_REQ,
			       USB_DIR_OUT | USB_TYPE_VENDOR, 0, 0, foo->buf, len,
			       1000); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
}

/* the helpers that build their own pipe, and other transfers */
int foo_others(struct foo *foo)
{
	u8 v;
	int actual, ret;

	ret = usb_control_msg_recv(foo->udev, 0, VENDOR_REQ, USB_DIR_IN | USB_TYPE_VENDOR, 0, 0,
				   &v, 1, 1000, GFP_KERNEL); /* { dg-bogus "dmacheck" } */
	if (ret)
		return ret;
	ret = usb_control_msg_send(foo->udev, 0, VENDOR_REQ, USB_DIR_OUT | USB_TYPE_VENDOR, 0, 0,
				   &v, 1, 1000, GFP_KERNEL); /* { dg-bogus "dmacheck" } */
	if (ret)
		return ret;
	return usb_bulk_msg(foo->udev, usb_rcvbulkpipe(foo->udev, 2), foo->buf, 64, &actual,
			    1000); /* { dg-bogus "dmacheck" } */
}

/* oracle: each request once, with a length of 2 where the caller chooses */
void case_run(struct case_env *env)
{
	struct foo *foo = kzalloc(sizeof(*foo), GFP_KERNEL);

	foo->udev = env->udev;
	foo->buf = kzalloc(64, GFP_KERNEL);
	foo_read_locals(foo, 0x10);
	foo_read_recip(foo);
	foo_write_two_levels(foo);
	foo_status(foo, true, true);
	foo_status(foo, false, false);
	foo_read_len(foo, 0);
	foo_write_len(foo, 2);
	foo_others(foo);
	kfree(foo->buf);
	kfree(foo);
}
