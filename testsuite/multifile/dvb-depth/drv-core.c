/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse */
/* origin: the shape of drivers/media/usb/dvb-usb/dib0700_core.c (6.1): a driver's core file
 * exports a register helper over the framework's wrapper; its other files call it. Two files
 * deep: drv-fe.c -> drv-core.c -> dvb-usb-urb.c */
#include <linux/usb.h>

struct xd_device;
int xd_generic_rw(struct xd_device *d, u8 *wbuf, u16 wlen, u8 *rbuf, u16 rlen);

static int drv_ctrl(struct xd_device *d, u8 *wbuf, u16 wlen, u8 *rbuf, u16 rlen)
{
	return xd_generic_rw(d, wbuf, wlen, rbuf, rlen);
}

int drv_read_reg(struct xd_device *d, u8 *cmd, u8 *val)
{
	return drv_ctrl(d, cmd, 2, val, 1);
}
