/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse */
/* origin: reduced from drivers/media/usb/dvb-usb/dvb-usb-urb.c (6.1) dvb_usb_generic_rw(),
 * renamed so that no row of rules/dma-apis.def knows it */
#include <linux/usb.h>

struct xd_device {
	struct usb_device *udev;
};

int xd_generic_rw(struct xd_device *d, u8 *wbuf, u16 wlen, u8 *rbuf, u16 rlen)
{
	int actlen, ret;

	ret = usb_bulk_msg(d->udev, 0x40000000, wbuf, wlen, &actlen, 2000);
	if (!ret && rbuf && rlen)
		ret = usb_bulk_msg(d->udev, 0x40000080, rbuf, rlen, &actlen, 2000);
	return ret;
}
