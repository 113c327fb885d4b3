/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic (the static inline register helpers of drivers such as drivers/usb/serial/ch341.c or drivers/net/usb/sr9700.c, with a stack buffer put in) */
/* what: `static inline` same-file wrappers (which sparse would inline, and GCC inlines at -O2) are followed as functions: the call that passes the stack buffer warns, the wrappers do not; an inline wrapper that copies into heap memory stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define VENDOR_IN	(USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE)

static inline int xx_ctrl_in(struct usb_device *udev, u8 req, u16 idx, void *buf, u16 len)
{
	return usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), req, VENDOR_IN, 0, idx,
			       buf, len, 1000); /* { dg-bogus "dmacheck" } */
}

static inline int xx_read_reg(struct usb_device *udev, u16 idx, u8 *val)
{
	return xx_ctrl_in(udev, 0x95, idx, val, 1); /* { dg-bogus "dmacheck" } */
}

static inline int xx_read_reg_copied(struct usb_device *udev, u16 idx, u8 *val)
{
	u8 *tmp = kmalloc(1, GFP_KERNEL);
	int ret;

	if (!tmp)
		return -ENOMEM;
	ret = xx_ctrl_in(udev, 0x95, idx, tmp, 1); /* { dg-bogus "dmacheck" } */
	*val = *tmp;
	kfree(tmp);
	return ret;
}

int xx_get_status(struct usb_device *udev)
{
	u8 status = 0;
	int ret;

	ret = xx_read_reg(udev, 0x0706, &status); /* { dg-warning "dmacheck-dma-on-stack" } */
	return ret < 0 ? ret : status;
}

int xx_get_version(struct usb_device *udev, u8 *out)
{
	u8 buf[2];
	int ret;

	ret = xx_ctrl_in(udev, 0x5f, 0, buf, sizeof(buf)); /* { dg-warning "dmacheck-dma-on-stack" } */
	*out = buf[0];
	return ret;
}

int xx_get_status_safe(struct usb_device *udev)
{
	u8 status = 0;
	int ret;

	ret = xx_read_reg_copied(udev, 0x0706, &status); /* { dg-bogus "dmacheck" } */
	return ret < 0 ? ret : status;
}

/* oracle: read the status through the stack-buffer wrapper, the version, and the status
 * through the copying wrapper */
void case_run(struct case_env *env)
{
	u8 *version = kmalloc(1, GFP_KERNEL);

	xx_get_status(env->udev);
	xx_get_version(env->udev, version);
	xx_get_status_safe(env->udev);
	kfree(version);
}
