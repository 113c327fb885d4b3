/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic, shaped after drivers/hid/hid-cp2112.c cp2112_gpio_get_all() (6.1), whose report buffer is the kmalloc()ed dev->in_out_buffer */
/* what: hid_hw_raw_request() and hid_hw_output_report() (usbhid sends the buffer with usb_control_msg/interrupt URBs) with a local report buffer warn; the driver's heap buffer does not */
#include <linux/hid.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define CP2112_GPIO_GET			0x03
#define CP2112_GPIO_SET			0x04

struct cp2112_device {
	struct hid_device *hdev;
	u8 *in_out_buffer;
};

int cp2112_gpio_get_all_stack(struct hid_device *hdev)
{
	u8 buf[2] = { 0 };
	int ret;

	ret = hid_hw_raw_request(hdev, CP2112_GPIO_GET, buf,
				 sizeof(buf), HID_FEATURE_REPORT,
				 HID_REQ_GET_REPORT); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret != sizeof(buf))
		return ret < 0 ? ret : -EIO;
	return buf[1];
}

int cp2112_gpio_set_stack(struct hid_device *hdev, unsigned offset, int value)
{
	u8 buf[3];

	buf[0] = CP2112_GPIO_SET;
	buf[1] = value ? 0xff : 0;
	buf[2] = 1 << offset;
	return hid_hw_output_report(hdev, buf, sizeof(buf)); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int cp2112_gpio_get_all(struct cp2112_device *dev)
{
	struct hid_device *hdev = dev->hdev;
	u8 *buf = dev->in_out_buffer;
	int ret;

	ret = hid_hw_raw_request(hdev, CP2112_GPIO_GET, buf,
				 2, HID_FEATURE_REPORT,
				 HID_REQ_GET_REPORT); /* { dg-bogus "dmacheck" } */
	if (ret != 2)
		return ret < 0 ? ret : -EIO;
	return buf[1];
}

int cp2112_gpio_set(struct hid_device *hdev, unsigned offset, int value)
{
	u8 *buf;
	int ret;

	buf = kmalloc(3, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	buf[0] = CP2112_GPIO_SET;
	buf[1] = value ? 0xff : 0;
	buf[2] = 1 << offset;
	ret = hid_hw_output_report(hdev, buf, 3); /* { dg-bogus "dmacheck" } */
	kfree(buf);
	return ret;
}

/* oracle: a HID device on the harness' interface (usbhid's: its parent is the interface),
 * with the cp2112's in_out_buffer; GPIO get and set, stack and heap */
void case_run(struct case_env *env)
{
	struct hid_device *hdev = kzalloc(sizeof(*hdev), GFP_KERNEL);
	struct cp2112_device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	hdev->dev.parent = &env->intf->dev;
	dev->hdev = hdev;
	dev->in_out_buffer = kzalloc(16, GFP_KERNEL);
	cp2112_gpio_get_all_stack(hdev);
	cp2112_gpio_set_stack(hdev, 2, 1);
	cp2112_gpio_get_all(dev);
	cp2112_gpio_set(hdev, 2, 1);
	kfree(dev->in_out_buffer);
	kfree(dev);
	kfree(hdev);
}
