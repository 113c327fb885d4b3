/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a vendor USB LED/keyboard controller whose requests are described by a small struct and sent by one helper, as drivers/hid/hid-led.c and drivers/usb/misc/usbsevseg.c build theirs) */
/* what: two locals of one struct type: `led.data = heap; xfer(&led)` stays silent, `cfg.data = &mode; xfer(&cfg)` warns; the pointer is stored into the struct by assignment before the struct is passed */
/* known-to-fail: cocci the stack address is stored into a member of a local struct (cfg.data = &m) that is then passed by pointer; members of pointer parameters are not followed into the callee */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define VND_OUT		(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)
#define VND_SET_LED	0x11
#define VND_SET_MODE	0x12

struct vnd_xfer {
	u8 request;
	u16 value;
	void *data;
	u16 len;
};

struct vnd_dev {
	struct usb_device *udev;
	u8 *led_buf;
};

static int vnd_send(struct vnd_dev *vd, struct vnd_xfer *x)
{
	return usb_control_msg(vd->udev, usb_sndctrlpipe(vd->udev, 0), x->request,
			       VND_OUT, x->value, 0, x->data, x->len, 1000); /* { dg-bogus "dmacheck" } */
}

int vnd_apply(struct vnd_dev *vd, u8 rgb, u8 mode)
{
	struct vnd_xfer led, cfg;
	u8 m = mode;
	int ret;

	led.request = VND_SET_LED;
	led.value = 0;
	vd->led_buf[0] = rgb;
	led.data = vd->led_buf;
	led.len = 1;

	cfg.request = VND_SET_MODE;
	cfg.value = 1;
	cfg.data = &m;
	cfg.len = sizeof(m);

	ret = vnd_send(vd, &led); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;
	return vnd_send(vd, &cfg); /* { dg-warning "dmacheck-dma-on-stack" } */
}

/* oracle: apply a colour and a mode */
void case_run(struct case_env *env)
{
	struct vnd_dev *vd = kzalloc(sizeof(*vd), GFP_KERNEL);

	vd->udev = env->udev;
	vd->led_buf = kzalloc(8, GFP_KERNEL);
	vnd_apply(vd, 0x07, 2);
	kfree(vd->led_buf);
	kfree(vd);
}
