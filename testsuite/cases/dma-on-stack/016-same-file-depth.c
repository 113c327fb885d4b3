/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic (the layered register accessors of drivers such as drivers/net/usb/pegasus.c or the dvb-usb-v2 drivers: op -> xfer -> usb_control_msg) */
/* what: a stack buffer passed down three levels of same-file helpers warns at the outermost call that passes it; the helpers themselves and heap callers stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define REQ_TYPE_IN	(USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE)

struct mydev {
	struct usb_device *udev;
	int retries;
};

static int mydev_xfer(struct mydev *d, u8 req, u16 index, void *data, u16 len)
{
	int ret = -EIO, i;

	for (i = 0; i < d->retries + 1; i++) {
		ret = usb_control_msg(d->udev, usb_rcvctrlpipe(d->udev, 0), req,
				      REQ_TYPE_IN, 0, index, data, len, 1000); /* { dg-bogus "dmacheck" } */
		if (ret >= 0)
			break;
	}
	return ret;
}

static int mydev_read_regs(struct mydev *d, u16 reg, u8 *val, u16 len)
{
	return mydev_xfer(d, 0x20, reg, val, len); /* { dg-bogus "dmacheck" } */
}

static int mydev_read_reg(struct mydev *d, u16 reg, u8 *val)
{
	return mydev_read_regs(d, reg, val, 1); /* { dg-bogus "dmacheck" } */
}

int mydev_read_id(struct mydev *d, u32 *id)
{
	u8 b[4] = { 0 };
	int ret;

	ret = mydev_read_regs(d, 0x0000, b, sizeof(b)); /* { dg-warning "dmacheck-dma-on-stack" } */
	*id = b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24;
	return ret;
}

int mydev_is_ready(struct mydev *d)
{
	u8 status = 0;
	int ret;

	ret = mydev_read_reg(d, 0x0010, &status); /* { dg-warning "dmacheck-dma-on-stack" } */
	return ret < 0 ? ret : status & 1;
}

int mydev_read_id_heap(struct mydev *d, u32 *id)
{
	u8 *b;
	int ret;

	b = kzalloc(4, GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	ret = mydev_read_regs(d, 0x0000, b, 4); /* { dg-bogus "dmacheck" } */
	*id = b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24;
	kfree(b);
	return ret;
}

/* oracle: the three register reads, with one retry configured */
void case_run(struct case_env *env)
{
	struct mydev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	u32 *id = kzalloc(sizeof(*id), GFP_KERNEL);

	d->udev = env->udev;
	d->retries = 1;
	mydev_read_id(d, id);
	mydev_is_ready(d);
	mydev_read_id_heap(d, id);
	kfree(id);
	kfree(d);
}
