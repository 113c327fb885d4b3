/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse */
/* origin: synthetic: resolves xn_write_reg() to same-name/b/wrap.c, which copies */
#include <linux/usb.h>

int xn_write_reg(struct usb_device *udev, void *buf, u16 len);

int b_init(struct usb_device *udev)
{
	u8 v = 1;

	return xn_write_reg(udev, &v, 1); /* { dg-bogus "dmacheck" } */
}
