/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a "small requests use the caller's buffer" optimisation in a register accessor, the shape drivers/net/usb/ and media/usb register helpers grew before their stack buffers were removed) */
/* what: a helper picks the transfer buffer through an out-parameter: the caller's stack array when len fits, kmalloc() otherwise; the control message over that buffer warns (short reads use the stack), the caller's heap result buffer, filled by memcpy(), stays silent */
/* known-to-fail: cocci the stack array reaches the sink through a helper's out-parameter (*out = small); no out-parameter summaries */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <dmacheck-case.h>

#define SMALL_LEN	8
#define RD_TYPE		(USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE)

struct rdev {
	struct usb_device *udev;
};

static int rdev_get_buf(u8 *small, size_t len, u8 **out)
{
	if (len <= SMALL_LEN) {
		*out = small;
		return 0;
	}
	*out = kmalloc(len, GFP_KERNEL);
	return *out ? 0 : -ENOMEM;
}

static int rdev_read(struct rdev *rd, u16 reg, void *data, size_t len)
{
	u8 small[SMALL_LEN];
	u8 *buf;
	int ret;

	ret = rdev_get_buf(small, len, &buf);
	if (ret)
		return ret;
	ret = usb_control_msg(rd->udev, usb_rcvctrlpipe(rd->udev, 0), 0x01, RD_TYPE, 0, reg,
			      buf, len, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret > 0)
		memcpy(data, buf, ret);
	if (buf != small)
		kfree(buf);
	return ret;
}

int rdev_read_status(struct rdev *rd, u8 *status)
{
	return rdev_read(rd, 0x0004, status, 2); /* { dg-bogus "dmacheck" } */
}

/* oracle: a 2-byte status read (the stack array) and a 64-byte table read (kmalloc) */
void case_run(struct case_env *env)
{
	struct rdev *rd = kzalloc(sizeof(*rd), GFP_KERNEL);
	u8 *data = kzalloc(64, GFP_KERNEL);

	rd->udev = env->udev;
	rdev_read_status(rd, data);
	rdev_read(rd, 0x0100, data, 64);
	kfree(data);
	kfree(rd);
}
