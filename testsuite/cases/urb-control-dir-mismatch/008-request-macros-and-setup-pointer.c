/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after the request macros of gspca subdrivers (drivers/media/usb/gspca/, e.g. sn9c2028.c, 6.1) and the kmalloc()ed setup packet of drivers/usb/misc/usbsevseg.c-style async writers; the mismatched pipes are the bugs put in */
/* what: a no-data OUT request written in a driver macro on usb_rcvctrlpipe() warns where the macro is used (not on the #define); a setup packet filled through a struct usb_ctrlrequest pointer with an OUT type and given to usb_fill_control_urb() on usb_rcvctrlpipe() warns at the fill; the matching macro and fill stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define CAM_OUT		(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)
#define cam_poke(udev, req) \
	usb_control_msg((udev), usb_rcvctrlpipe((udev), 0), (req), CAM_OUT, 0, 0, NULL, 0, 500)
#define cam_poke_ok(udev, req) \
	usb_control_msg((udev), usb_sndctrlpipe((udev), 0), (req), CAM_OUT, 0, 0, NULL, 0, 500)

static void cam_async_done(struct urb *urb)
{
	kfree(urb->context);
}

int cam_start(struct usb_device *udev)
{
	int ret;

	ret = cam_poke(udev, 0x10); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	if (ret < 0)
		return ret;
	return cam_poke_ok(udev, 0x11); /* { dg-bogus "dmacheck" } */
}

static int cam_async_write(struct usb_device *udev, u8 req, u16 val, bool bad)
{
	struct usb_ctrlrequest *dr;
	struct urb *urb;
	int ret;

	dr = kzalloc(sizeof(*dr), GFP_ATOMIC);
	urb = usb_alloc_urb(0, GFP_ATOMIC);
	if (!dr || !urb) {
		kfree(dr);
		usb_free_urb(urb);
		return -ENOMEM;
	}
	dr->bRequestType = CAM_OUT;
	dr->bRequest = req;
	dr->wValue = cpu_to_le16(val);
	dr->wIndex = 0;
	dr->wLength = 0;
	if (bad)
		usb_fill_control_urb(urb, udev, usb_rcvctrlpipe(udev, 0), (unsigned char *)dr,
				     NULL, 0, cam_async_done, dr); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	else
		usb_fill_control_urb(urb, udev, usb_sndctrlpipe(udev, 0), (unsigned char *)dr,
				     NULL, 0, cam_async_done, dr); /* { dg-bogus "dmacheck" } */
	ret = usb_submit_urb(urb, GFP_ATOMIC);
	if (ret)
		kfree(dr);
	usb_free_urb(urb);
	return ret;
}

int cam_async_led(struct usb_device *udev, bool on)
{
	return cam_async_write(udev, 0x20, on, false);
}

int cam_async_led_bad(struct usb_device *udev, bool on)
{
	return cam_async_write(udev, 0x20, on, true);
}

/* oracle: start (two requests), then the LED through both async paths */
void case_run(struct case_env *env)
{
	cam_start(env->udev);
	cam_async_led(env->udev, true);
	cam_async_led_bad(env->udev, true);
}
