/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/hid/hid-corsair.c k90_backlight_get(): pattern before commit 'HID: corsair: fix DMA buffers on stack' and the 6.1 code after it */
/* what: an 8-byte local array read with usb_control_msg() warns; the kmalloc()ed buffer of the fix does not */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define K90_REQUEST_STATUS 4
#define K90_REQUEST_GET_MODE 5

/* before the fix */
int k90_backlight_get_old(struct usb_interface *usbif)
{
	int ret;
	struct usb_device *usbdev = interface_to_usbdev(usbif);
	int brightness;
	char data[8];

	ret = usb_control_msg(usbdev, usb_rcvctrlpipe(usbdev, 0),
			      K90_REQUEST_STATUS,
			      USB_DIR_IN | USB_TYPE_VENDOR |
			      USB_RECIP_DEVICE, 0, 0, data, 8,
			      USB_CTRL_SET_TIMEOUT); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret < 5)
		return -EIO;
	brightness = data[4];
	if (brightness < 0 || brightness > 3)
		return -EIO;
	return brightness;
}

/* 6.1 */
int k90_backlight_get(struct usb_interface *usbif)
{
	int ret;
	struct usb_device *usbdev = interface_to_usbdev(usbif);
	int brightness;
	char *data;

	data = kmalloc(8, GFP_KERNEL);
	if (!data)
		return -ENOMEM;

	ret = usb_control_msg(usbdev, usb_rcvctrlpipe(usbdev, 0),
			      K90_REQUEST_STATUS,
			      USB_DIR_IN | USB_TYPE_VENDOR |
			      USB_RECIP_DEVICE, 0, 0, data, 8,
			      USB_CTRL_SET_TIMEOUT); /* { dg-bogus "dmacheck" } */
	if (ret < 5) {
		ret = -EIO;
		goto out;
	}
	brightness = data[4];
	if (brightness < 0 || brightness > 3) {
		ret = -EIO;
		goto out;
	}
	ret = brightness;
out:
	kfree(data);
	return ret;
}

/* before the fix, k90_show_current_profile() */
int k90_current_profile_old(struct usb_device *usbdev)
{
	int ret;
	char data[8];

	ret = usb_control_msg(usbdev, usb_rcvctrlpipe(usbdev, 0),
			      K90_REQUEST_GET_MODE,
			      USB_DIR_IN | USB_TYPE_VENDOR |
			      USB_RECIP_DEVICE, 0, 0, data, 8,
			      USB_CTRL_SET_TIMEOUT); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret < 8)
		return -EIO;
	return data[7];
}

/* oracle: the brightness and profile sysfs reads, old and 6.1, on the keyboard's interface */
void case_run(struct case_env *env)
{
	k90_backlight_get_old(env->intf);
	k90_backlight_get(env->intf);
	k90_current_profile_old(env->udev);
}
