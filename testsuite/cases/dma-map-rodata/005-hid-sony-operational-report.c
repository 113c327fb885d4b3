/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from drivers/hid/hid-sony.c (6.1) sixaxis_set_operational_bt(), which keeps its feature report as a static const template and kmemdup()s it for hid_hw_raw_request() (usbhid sends it with usb_control_msg()); sixaxis_set_operational_bt_stack() is the same function before the report left the stack (the hid-sony.c of the 3.x kernels); sixaxis_set_operational_bt_const(), the template handed over itself, is synthetic (the tempting half of the fix); built in (CONFIG_HID_SONY=y; Debian builds it as a module): KBUILD_MODNAME without MODULE */
/* what: in a built-in HID driver, a static const feature report given to hid_hw_raw_request() warns as dma-map-rodata, the earlier stack array as dma-on-stack; the kmemdup()ed copy stays silent */
#define KBUILD_MODNAME "hid_sony"
#include <linux/hid.h>
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
				  HID_FEATURE_REPORT, HID_REQ_SET_REPORT); /* { dg-warning "dmacheck-dma-map-rodata" } */
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

/* oracle: each variant once, as sony_input_configured() does for a Sixaxis on Bluetooth;
 * the HID device's parent is the USB interface, so usbhid's control transfer carries it */
void case_run(struct case_env *env)
{
	struct hid_device *hdev = kzalloc(sizeof(*hdev), GFP_KERNEL);

	hdev->dev.parent = &env->intf->dev;
	sixaxis_set_operational_bt_stack(hdev);
	sixaxis_set_operational_bt_const(hdev);
	sixaxis_set_operational_bt(hdev);
	kfree(hdev);
}
