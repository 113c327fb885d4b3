/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, shaped after drivers/net/wireless/realtek/rtl8xxxu (6.1), whose register accessors are macros over usb_control_msg() */
/* what: a call written in the driver's own macros (two levels) is reported on the driver's line where the outermost macro is used, not in the #define; a heap buffer through the same macros stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define VND_REQ_IN	(USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE)
#define VND_CTRL(udev, req, buf, len) \
	usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), req, VND_REQ_IN, 0, 0, buf, len, 500)
#define VND_READ_STATUS(udev, buf) VND_CTRL(udev, 0x05, buf, sizeof(buf))

int vnd_poll(struct usb_device *udev)
{
	u8 status[2];
	int ret;

	ret = VND_READ_STATUS(udev, status); /* { dg-warning "dmacheck-dma-on-stack" } */
	return ret < 0 ? ret : status[0];
}

int vnd_poll_heap(struct usb_device *udev)
{
	u8 *status = kmalloc(2, GFP_KERNEL);
	int ret;

	if (!status)
		return -ENOMEM;
	ret = VND_CTRL(udev, 0x05, status, 2); /* { dg-bogus "dmacheck" } */
	if (ret >= 0)
		ret = status[0];
	kfree(status);
	return ret;
}

/* oracle: both polls once */
void case_run(struct case_env *env)
{
	vnd_poll(env->udev);
	vnd_poll_heap(env->udev);
}
