/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (the register-access wrappers of drivers/net/usb and drivers/media/usb, which often keep the caller's pointer in a typed local before the transfer) */
/* what: a same-file wrapper that copies its buffer parameter into a local (with or without a cast) before usb_control_msg() still hands the caller's stack buffer to DMA: the caller warns; a wrapper that copies the data into the heap first (kmemdup) stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <dmacheck-case.h>

struct qux_dev {
	struct usb_device *udev;
};

static int qux_read(struct qux_dev *d, u16 reg, void *data, u16 len)
{
	u8 *buf = data;

	return usb_control_msg(d->udev, usb_rcvctrlpipe(d->udev, 0), 0x01,
			       USB_DIR_IN | USB_TYPE_VENDOR, 0, reg, buf, len, 1000); /* { dg-bogus "dmacheck" } */
}

static int qux_write(struct qux_dev *d, u16 reg, const void *data, u16 len)
{
	u8 *out;

	out = (u8 *)data;
	return usb_control_msg(d->udev, usb_sndctrlpipe(d->udev, 0), 0x02,
			       USB_TYPE_VENDOR, 0, reg, out, len, 1000); /* { dg-bogus "dmacheck" } */
}

static int qux_write_copy(struct qux_dev *d, u16 reg, const void *data, u16 len)
{
	void *buf = kmemdup(data, len, GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	ret = usb_control_msg(d->udev, usb_sndctrlpipe(d->udev, 0), 0x02,
			      USB_TYPE_VENDOR, 0, reg, buf, len, 1000); /* { dg-bogus "dmacheck" } */
	kfree(buf);
	return ret;
}

int qux_read_id(struct qux_dev *d, u32 *id)
{
	__le32 v;
	int ret;

	ret = qux_read(d, 0x0000, &v, sizeof(v)); /* { dg-warning "dmacheck-dma-on-stack" } */
	*id = le32_to_cpu(v);
	return ret;
}

int qux_set_led(struct qux_dev *d, bool on)
{
	u8 val[2] = { 0x01, on };

	return qux_write(d, 0x0100, val, sizeof(val)); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int qux_set_led_copied(struct qux_dev *d, bool on)
{
	u8 val[2] = { 0x01, on };

	return qux_write_copy(d, 0x0100, val, sizeof(val)); /* { dg-bogus "dmacheck" } */
}

/* oracle: probe reads the id, then the LED is switched through both write paths */
void case_run(struct case_env *env)
{
	struct qux_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	u32 id;

	d->udev = env->udev;
	qux_read_id(d, &id);
	qux_set_led(d, true);
	qux_set_led_copied(d, true);
}
