/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic; the heap variant follows drivers/usb/core/message.c usb_get_device_descriptor() (6.1) */
/* what: usb_get_descriptor() into a local struct usb_device_descriptor warns; into a kmalloc()ed one it does not */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

int check_device_descriptor(struct usb_device *udev)
{
	struct usb_device_descriptor desc;
	int ret;

	ret = usb_get_descriptor(udev, USB_DT_DEVICE, 0, &desc, sizeof(desc)); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret < 0)
		return ret;
	return le16_to_cpu(desc.idVendor) == le16_to_cpu(udev->descriptor.idVendor);
}

int read_config_header(struct usb_device *udev, int index, u16 *total)
{
	u8 buf[USB_DT_CONFIG_SIZE];
	int ret;

	ret = usb_get_descriptor(udev, USB_DT_CONFIG, index, buf, USB_DT_CONFIG_SIZE); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret < USB_DT_CONFIG_SIZE)
		return ret < 0 ? ret : -EIO;
	*total = buf[2] | buf[3] << 8;
	return 0;
}

int usb_get_device_descriptor_like(struct usb_device *dev, unsigned int size)
{
	struct usb_device_descriptor *desc;
	int ret;

	if (size > sizeof(*desc))
		return -EINVAL;
	desc = kmalloc(sizeof(*desc), GFP_NOIO);
	if (!desc)
		return -ENOMEM;

	ret = usb_get_descriptor(dev, USB_DT_DEVICE, 0, desc, size); /* { dg-bogus "dmacheck" } */
	if (ret >= 0)
		memcpy(&dev->descriptor, desc, size);
	kfree(desc);
	return ret;
}

/* oracle: the device descriptor and the first configuration header, stack and heap */
void case_run(struct case_env *env)
{
	u16 *total = kzalloc(sizeof(*total), GFP_KERNEL);

	check_device_descriptor(env->udev);
	read_config_header(env->udev, 0, total);
	usb_get_device_descriptor_like(env->udev, USB_DT_DEVICE_SIZE);
	kfree(total);
}
