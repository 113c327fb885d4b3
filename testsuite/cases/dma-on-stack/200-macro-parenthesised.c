/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, in the style of the register macros of drivers/media/usb (checkpatch asks for every macro parameter in parentheses) */
/* what: function-like macros around usb_control_msg() whose parameters are parenthesised, one a plain call, one a ({ }) statement expression, one a do { } while (0): a stack buffer through any of them warns where the macro is used; heap buffers and the copying API stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct foo_dev {
	struct usb_device *udev;
	u8 *buf;
};

#define FOO_REQ_IN	(USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE)

#define foo_read(d, req, data, len) \
	usb_control_msg((d)->udev, usb_rcvctrlpipe((d)->udev, 0), (req), FOO_REQ_IN, \
			0, 0, (data), (len), 1000)

#define foo_write_checked(d, req, data, len) ({ \
	int __r = usb_control_msg((d)->udev, usb_sndctrlpipe((d)->udev, 0), (req), \
				  USB_TYPE_VENDOR, 0, 0, (void *)(data), (len), 1000); \
	__r < 0 ? __r : 0; })

#define foo_write_nowait(d, req, data, len) do { \
	usb_control_msg((d)->udev, usb_sndctrlpipe((d)->udev, 0), (req), \
			USB_TYPE_VENDOR, 0, 0, (data), (len), 0); \
} while (0)

#define foo_read_safe(d, req, data, len) \
	usb_control_msg_recv((d)->udev, 0, (req), FOO_REQ_IN, 0, 0, (data), (len), 1000, GFP_KERNEL)

int foo_get_version(struct foo_dev *d, u16 *ver)
{
	u8 v[2];
	int ret;

	ret = foo_read(d, 0x01, v, sizeof(v)); /* { dg-warning "dmacheck-dma-on-stack" } */
	*ver = v[0] | v[1] << 8;
	return ret < 0 ? ret : 0;
}

int foo_set_mode(struct foo_dev *d, u8 mode)
{
	u8 cmd[2] = { 0x10, mode };

	return foo_write_checked(d, 0x02, cmd, sizeof(cmd)); /* { dg-warning "dmacheck-dma-on-stack" } */
}

void foo_kick(struct foo_dev *d)
{
	u8 go = 1;

	foo_write_nowait(d, 0x03, &go, 1); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int foo_get_version_heap(struct foo_dev *d, u16 *ver)
{
	int ret;

	ret = foo_read(d, 0x01, d->buf, 2); /* { dg-bogus "dmacheck" } */
	*ver = d->buf[0] | d->buf[1] << 8;
	return ret < 0 ? ret : 0;
}

int foo_get_version_copied(struct foo_dev *d, u16 *ver)
{
	u8 v[2];
	int ret;

	ret = foo_read_safe(d, 0x01, v, sizeof(v)); /* { dg-bogus "dmacheck" } */
	*ver = v[0] | v[1] << 8;
	return ret;
}

/* oracle: the device's setup reads the version, sets a mode and kicks it, then the fixed paths */
void case_run(struct case_env *env)
{
	struct foo_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	u16 ver;

	d->udev = env->udev;
	d->buf = kmalloc(2, GFP_KERNEL);
	foo_get_version(d, &ver);
	foo_set_mode(d, 1);
	foo_kick(d);
	foo_get_version_heap(d, &ver);
	foo_get_version_copied(d, &ver);
}
