/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse */
/* origin: synthetic: two modules each export a function of one name (as drivers of different
 * directories may); this one hands the buffer to DMA */
#include <linux/usb.h>

int xn_write_reg(struct usb_device *udev, void *buf, u16 len)
{
	return usb_control_msg(udev, 0x80000000, 1, 0x40, 0, 0, buf, len, 1000);
}
