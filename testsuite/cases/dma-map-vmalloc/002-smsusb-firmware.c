/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/media/usb/siano/smsusb.c smsusb1_load_firmware() (6.1), which copies the image into a kmalloc()ed buffer; the variant without the copy is synthetic, the kmemdup() one is the usual fix of that shape */
/* what: the whole image sent with usb_bulk_msg() from fw->data warns (also through a local and a cast); a kmalloc()+memcpy() copy or kmemdup() of it stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/firmware.h>
#include <dmacheck-case.h>

/* synthetic: the image straight from the loader */
int smsusb1_load_firmware_direct(struct usb_device *udev, const char *fw_filename)
{
	const struct firmware *fw;
	u8 *fw_buffer;
	int rc, dummy;

	rc = request_firmware(&fw, fw_filename, &udev->dev);
	if (rc < 0)
		return rc;
	fw_buffer = (u8 *)fw->data;
	rc = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2),
			  fw_buffer, fw->size, &dummy, 1000); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	release_firmware(fw);
	return rc;
}

/* 6.1 */
int smsusb1_load_firmware(struct usb_device *udev, const char *fw_filename)
{
	const struct firmware *fw;
	u8 *fw_buffer;
	int rc, dummy;

	rc = request_firmware(&fw, fw_filename, &udev->dev);
	if (rc < 0)
		return rc;
	fw_buffer = kmalloc(fw->size, GFP_KERNEL);
	if (fw_buffer) {
		memcpy(fw_buffer, fw->data, fw->size); /* { dg-bogus "dmacheck" } */

		rc = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2),
				  fw_buffer, fw->size, &dummy, 1000); /* { dg-bogus "dmacheck" } */
		kfree(fw_buffer);
	} else {
		rc = -ENOMEM;
	}
	release_firmware(fw);
	return rc;
}

/* the same with kmemdup() */
int smsusb1_load_firmware_dup(struct usb_device *udev, const char *fw_filename)
{
	const struct firmware *fw;
	u8 *fw_buffer;
	int rc, dummy;

	rc = request_firmware(&fw, fw_filename, &udev->dev);
	if (rc < 0)
		return rc;
	fw_buffer = kmemdup(fw->data, fw->size, GFP_KERNEL);
	if (!fw_buffer) {
		release_firmware(fw);
		return -ENOMEM;
	}
	rc = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2),
			  fw_buffer, fw->size, &dummy, 1000); /* { dg-bogus "dmacheck" } */
	kfree(fw_buffer);
	release_firmware(fw);
	return rc;
}

/* oracle: the three downloads */
void case_run(struct case_env *env)
{
	smsusb1_load_firmware_direct(env->udev, "dvb_nova_12mhz.inp");
	smsusb1_load_firmware(env->udev, "dvb_nova_12mhz.inp");
	smsusb1_load_firmware_dup(env->udev, "dvb_nova_12mhz.inp");
}
