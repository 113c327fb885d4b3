/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after the feature-report accessors of drivers/hid/hid-corsair.c (k90_backlight_set()) and hid-cp2112.c (6.1), whose report buffers are kmalloc()ed; the stack report behind a driver macro is the bug */
/* what: a vendor HID driver's macro around hid_hw_raw_request(): a local report through it warns on the macro's line; the driver's kmalloc() report through the same macro stays silent */
#include <linux/hid.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define VHID_FEATURE_ID		0x05

#define vhid_set_feature(hdev, rep, len)					\
	hid_hw_raw_request((hdev), (rep)[0], (rep), (len),			\
			   HID_FEATURE_REPORT, HID_REQ_SET_REPORT)

struct vhid {
	struct hid_device *hdev;
	u8 *report;
};

int vhid_set_brightness(struct vhid *v, u8 level)
{
	u8 rep[4] = { VHID_FEATURE_ID, 0x01, level, 0 };

	return vhid_set_feature(v->hdev, rep, sizeof(rep)); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int vhid_set_profile(struct vhid *v, u8 profile)
{
	v->report[0] = VHID_FEATURE_ID;
	v->report[1] = 0x02;
	v->report[2] = profile;
	v->report[3] = 0;
	return vhid_set_feature(v->hdev, v->report, 4); /* { dg-bogus "dmacheck" } */
}

/* oracle: the HID device sits on env->intf; set the profile, then the brightness */
void case_run(struct case_env *env)
{
	struct hid_device *hdev = kzalloc(sizeof(*hdev), GFP_KERNEL);
	struct vhid *v = kzalloc(sizeof(*v), GFP_KERNEL);

	hdev->dev.parent = &env->intf->dev;
	v->hdev = hdev;
	v->report = kzalloc(8, GFP_KERNEL);
	vhid_set_profile(v, 1);
	vhid_set_brightness(v, 3);
	kfree(v->report);
	kfree(v);
	kfree(hdev);
}
