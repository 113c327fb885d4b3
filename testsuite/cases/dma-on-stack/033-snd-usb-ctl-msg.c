/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from sound/usb/helper.c snd_usb_ctl_msg() and sound/usb/mixer_quirks.c snd_audigy2nx_proc_read(), snd_emu0204_ch_switch_update(), snd_audigy2nx_led_update() (6.1) */
/* what: a same-file helper that kmemdup()s the caller's buffer before usb_control_msg(): local buffers of its callers are safe */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define UAC_SET_CUR	0x01
#define UAC_GET_MEM	0x85

static int snd_usb_ctl_msg(struct usb_device *dev, unsigned int pipe, __u8 request,
			   __u8 requesttype, __u16 value, __u16 index, void *data,
			   __u16 size)
{
	int err;
	void *buf = NULL;
	int timeout;

	if (usb_pipe_type_check(dev, pipe))
		return -EINVAL;

	if (size > 0) {
		buf = kmemdup(data, size, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}

	if (requesttype & USB_DIR_IN)
		timeout = USB_CTRL_GET_TIMEOUT;
	else
		timeout = USB_CTRL_SET_TIMEOUT;

	err = usb_control_msg(dev, pipe, request, requesttype,
			      value, index, buf, size, timeout); /* { dg-bogus "dmacheck" } */

	if (size > 0) {
		memcpy(data, buf, size);
		kfree(buf);
	}

	return err;
}

int snd_audigy2nx_jack_read(struct usb_device *dev, int unitid, u8 *out)
{
	int err;
	u8 buf[3] = { 0 };

	err = snd_usb_ctl_msg(dev,
			      usb_rcvctrlpipe(dev, 0),
			      UAC_GET_MEM, USB_DIR_IN | USB_TYPE_CLASS |
			      USB_RECIP_INTERFACE, 0,
			      unitid << 8, buf, 3); /* { dg-bogus "dmacheck" } */
	if (err == 3 && (buf[0] == 3 || buf[0] == 6)) {
		out[0] = buf[1];
		out[1] = buf[2];
	}
	return err;
}

int snd_emu0204_ch_switch_update(struct usb_device *dev, int value)
{
	unsigned char buf[2];

	buf[0] = 0x01;
	buf[1] = value ? 0x02 : 0x01;
	return snd_usb_ctl_msg(dev,
		      usb_sndctrlpipe(dev, 0), UAC_SET_CUR,
		      USB_RECIP_INTERFACE | USB_TYPE_CLASS | USB_DIR_OUT,
		      0x0400, 0x0e00, buf, 2); /* { dg-bogus "dmacheck" } */
}

int snd_audigy2nx_led_update(struct usb_device *dev, int value, int index)
{
	return snd_usb_ctl_msg(dev,
			      usb_sndctrlpipe(dev, 0), 0x24,
			      USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_OTHER,
			      value, index + 2, NULL, 0); /* { dg-bogus "dmacheck" } */
}

/* oracle: the mixer's three requests: read the Audigy 2 NX jack state into a kmalloc()ed pair,
 * switch the EMU0204 channel, set an Audigy 2 NX LED */
void case_run(struct case_env *env)
{
	u8 *out = kmalloc(2, GFP_KERNEL);

	snd_audigy2nx_jack_read(env->udev, 4, out);
	snd_emu0204_ch_switch_update(env->udev, 1);
	snd_audigy2nx_led_update(env->udev, 1, 0);
	kfree(out);
}
