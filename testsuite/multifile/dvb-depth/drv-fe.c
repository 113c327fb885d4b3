/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse */
/* origin: the frontend file of a dvb-usb driver split over several files (synthetic) */
/* xfile-note: passed to drv_read_reg() in dvb-depth/drv-core.c as argument 2, which hands it to drv_ctrl() -> xd_generic_rw() in dvb-depth/dvb-usb-urb.c -> usb_bulk_msg() */
#include <linux/usb.h>
#include <linux/slab.h>

struct xd_device;
int drv_read_reg(struct xd_device *d, u8 *cmd, u8 *val);

int fe_read_status(struct xd_device *d, u8 *out)
{
	u8 cmd[2] = { 0x10, 0x01 };

	return drv_read_reg(d, cmd, out); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int fe_read_snr(struct xd_device *d)
{
	u8 *cmd = kmalloc(2, GFP_KERNEL);
	u8 val;
	int ret;

	if (!cmd)
		return -12;
	ret = drv_read_reg(d, cmd, &val); /* { dg-warning "dmacheck-dma-on-stack" } */
	kfree(cmd);
	return ret ? ret : val;
}

int fe_read_heap(struct xd_device *d, u8 *state)
{
	return drv_read_reg(d, state, state + 2); /* { dg-bogus "dmacheck" } */
}
