/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/hid/hid-sony.c (6.1) sixaxis_set_operational_bt() and its 3.x stack version, sound/usb/line6/podhd.c (6.1) podhd_set_monitor_level() and sound/usb/line6/driver.c (6.1) line6_send_raw_message(), as Debian builds them (CONFIG_HID_SONY=m, CONFIG_SND_USB_PODHD=m); the variants that hand over the const templates themselves are synthetic (the same code built in is dma-map-rodata/005 and 006) */
/* what: in a module, a static const feature report given to hid_hw_raw_request() and a const message template reaching usb_bulk_msg() as a fragment of a same-file helper warn as dma-map-invalid-area; the kmemdup()ed copies and the const lookup table the CPU reads stay silent */
/* known-to-fail: cocci line6_send_raw_message() passes its parameter on as a local 'frag_buf = buffer + i': cocci/src/helpers.py's dmc_function() follows copies of a parameter (x = p; x = (T)p;) but not an offset copy, so the wrapper edge, and the template's line, are not found */
#include <linux/hid.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <dmacheck-case.h>

/* 3.x: the report on the stack */
int sixaxis_set_operational_bt_stack(struct hid_device *hdev)
{
	unsigned char buf[] = { 0xf4,  0x42, 0x03, 0x00, 0x00 };

	return hid_hw_raw_request(hdev, buf[0], buf, sizeof(buf),
				  HID_FEATURE_REPORT, HID_REQ_SET_REPORT); /* { dg-warning "dmacheck-dma-on-stack" } */
}

/* synthetic: the template itself */
int sixaxis_set_operational_bt_const(struct hid_device *hdev)
{
	static const u8 report[] = { 0xf4, 0x42, 0x03, 0x00, 0x00 };

	return hid_hw_raw_request(hdev, report[0], (u8 *)report, sizeof(report),
				  HID_FEATURE_REPORT, HID_REQ_SET_REPORT); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

/* 6.1 */
int sixaxis_set_operational_bt(struct hid_device *hdev)
{
	static const u8 report[] = { 0xf4, 0x42, 0x03, 0x00, 0x00 };
	u8 *buf;
	int ret;

	buf = kmemdup(report, sizeof(report), GFP_KERNEL); /* { dg-bogus "dmacheck" } */
	if (!buf)
		return -ENOMEM;

	ret = hid_hw_raw_request(hdev, buf[0], buf, sizeof(report),
				  HID_FEATURE_REPORT, HID_REQ_SET_REPORT); /* { dg-bogus "dmacheck" } */

	kfree(buf);

	return ret;
}



#define LINE6_TIMEOUT		1000
#define LINE6_CAP_CONTROL_MIDI	(1 << 4)

struct line6_properties {
	int capabilities;
	unsigned int ep_ctrl_w;
};

struct usb_line6 {
	struct usb_device *usbdev;
	struct device *ifcdev;
	const struct line6_properties *properties;
	int max_packet_size;
};

struct usb_line6_podhd {
	struct usb_line6 line6;
	int monitor_level;
};

/* driver.c (6.1) */
int line6_send_raw_message(struct usb_line6 *line6, const char *buffer, int size)
{
	int i, done = 0;
	const struct line6_properties *properties = line6->properties;

	for (i = 0; i < size; i += line6->max_packet_size) {
		int partial;
		const char *frag_buf = buffer + i;
		int frag_size = min(line6->max_packet_size, size - i);
		int retval;

		if (properties->capabilities & LINE6_CAP_CONTROL_MIDI) {
			retval = usb_interrupt_msg(line6->usbdev,
						usb_sndintpipe(line6->usbdev, properties->ep_ctrl_w),
						(char *)frag_buf, frag_size,
						&partial, LINE6_TIMEOUT);
		} else {
			retval = usb_bulk_msg(line6->usbdev,
						usb_sndbulkpipe(line6->usbdev, properties->ep_ctrl_w),
						(char *)frag_buf, frag_size,
						&partial, LINE6_TIMEOUT);
		}

		if (retval) {
			dev_err(line6->ifcdev, "usb_bulk_msg failed (%d)\n", retval);
			break;
		}

		done += frag_size;
	}

	return done;
}

static const unsigned int float_zero_to_one_lookup[] = {
	0x00000000, 0x3c23d70a, 0x3ca3d70a, 0x3cf5c28f, 0x3d23d70a, 0x3d4ccccd,
};

static const unsigned char podhd_monitor_msg[16] = {
	/* Chunk is 0xc bytes (without first word) */
	0x0c, 0x00,
	/* First chunk in the message */
	0x01, 0x00,
	/* Message size is 2 4-byte words */
	0x02, 0x00,
	/* Unknown */
	0x04, 0x41,
	/* Unknown */
	0x04, 0x00, 0x13, 0x00,
	/* Volume, LE float32, 0.0 - 1.0 */
	0x00, 0x00, 0x00, 0x00
};

/* 6.1 (the template is a function-local static const there) */
void podhd_set_monitor_level(struct usb_line6_podhd *podhd, int value)
{
	unsigned int fl;
	unsigned char *buf;

	buf = kmemdup(podhd_monitor_msg, sizeof(podhd_monitor_msg), GFP_KERNEL); /* { dg-bogus "dmacheck" } */
	if (!buf)
		return;

	if (value < 0)
		value = 0;

	if (value >= ARRAY_SIZE(float_zero_to_one_lookup))
		value = ARRAY_SIZE(float_zero_to_one_lookup) - 1;

	fl = float_zero_to_one_lookup[value]; /* { dg-bogus "dmacheck" } */

	buf[12] = (fl >> 0) & 0xff;
	buf[13] = (fl >> 8) & 0xff;
	buf[14] = (fl >> 16) & 0xff;
	buf[15] = (fl >> 24) & 0xff;

	line6_send_raw_message(&podhd->line6, (char *)buf, sizeof(podhd_monitor_msg)); /* { dg-bogus "dmacheck" } */
	kfree(buf);

	podhd->monitor_level = value;
}

/* synthetic: the template as it is (volume 0.0) */
void podhd_set_monitor_level_direct(struct usb_line6_podhd *podhd)
{
	line6_send_raw_message(&podhd->line6, (const char *)podhd_monitor_msg,
			       sizeof(podhd_monitor_msg)); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
	podhd->monitor_level = 0;
}

static const struct line6_properties podhd_properties = {
	.capabilities = 0,
	.ep_ctrl_w = 0x02,
};

/* oracle: the HID variants over usbhid's control transfer, the line6 ones on bulk OUT 0x02 */
void case_run(struct case_env *env)
{
	struct hid_device *hdev = kzalloc(sizeof(*hdev), GFP_KERNEL);
	struct usb_line6_podhd *podhd = kzalloc(sizeof(*podhd), GFP_KERNEL);

	hdev->dev.parent = &env->intf->dev;
	sixaxis_set_operational_bt_stack(hdev);
	sixaxis_set_operational_bt_const(hdev);
	sixaxis_set_operational_bt(hdev);
	podhd->line6.usbdev = env->udev;
	podhd->line6.ifcdev = &env->intf->dev;
	podhd->line6.properties = &podhd_properties;
	podhd->line6.max_packet_size = 64;
	podhd_set_monitor_level(podhd, 3);
	podhd_set_monitor_level_direct(podhd);
	kfree(podhd);
	kfree(hdev);
}
