/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse */
/* origin: synthetic: resolves xn_write_reg() to same-name/a/wrap.c (same directory) */
#include <linux/usb.h>

int xn_write_reg(struct usb_device *udev, void *buf, u16 len);

int a_init(struct usb_device *udev)
{
	u8 v = 1;

	return xn_write_reg(udev, &v, 1); /* { dg-warning "dmacheck-dma-on-stack" } */
}
