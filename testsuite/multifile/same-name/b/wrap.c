/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse */
/* origin: synthetic: the other module's function of the same name copies into heap memory
 * first (as usb_control_msg_send() does) */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>

int xn_write_reg(struct usb_device *udev, void *buf, u16 len)
{
	void *dma = kmemdup(buf, len, GFP_KERNEL);
	int ret;

	if (!dma)
		return -12;
	ret = usb_control_msg(udev, 0x80000000, 1, 0x40, 0, 0, dma, len, 1000);
	kfree(dma);
	return ret;
}
