/* SPDX-License-Identifier: GPL-2.0-only */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/media/usb/dvb-usb/m920x.c m920x_firmware() (6.1), whose comment says "Will stall if using fw->data ..."; the variant that does so is synthetic */
/* what: request_firmware() data is vmalloc memory: a block of it handed to usb_control_msg() warns; the 6.1 copy into the kmalloc()ed buff first stays silent, as do the reads of the header */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/firmware.h>
#include <dmacheck-case.h>

#define M9206_FW	0x30

static inline u16 get_unaligned_le16(const void *p)
{
	const u8 *b = p;

	return b[0] | b[1] << 8;
}

/* synthetic: the block sent from fw->data itself */
int m920x_firmware_direct(struct usb_device *udev, const struct firmware *fw)
{
	u16 value, index, size;
	int i, ret;

	for (i = 0; i + (sizeof(u16) * 3) < fw->size;) {
		value = get_unaligned_le16(fw->data + i); /* { dg-bogus "dmacheck" } */
		i += sizeof(u16);
		index = get_unaligned_le16(fw->data + i);
		i += sizeof(u16);
		size = get_unaligned_le16(fw->data + i);
		i += sizeof(u16);
		if (size > fw->size - i)
			return -EINVAL;

		ret = usb_control_msg(udev, usb_sndctrlpipe(udev, 0),
				      M9206_FW,
				      USB_TYPE_VENDOR | USB_DIR_OUT,
				      value, index, (void *)(fw->data + i), size, 20); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
		if (ret != size)
			return -EIO;
		i += size;
	}
	return 0;
}

/* 6.1: copied into buff */
int m920x_firmware(struct usb_device *udev, const struct firmware *fw)
{
	u16 value, index, size;
	u8 *buff;
	int i, ret = 0;

	buff = kmalloc(65536, GFP_KERNEL);
	if (buff == NULL)
		return -ENOMEM;

	for (i = 0; i + (sizeof(u16) * 3) < fw->size;) {
		value = get_unaligned_le16(fw->data + i);
		i += sizeof(u16);
		index = get_unaligned_le16(fw->data + i);
		i += sizeof(u16);
		size = get_unaligned_le16(fw->data + i);
		i += sizeof(u16);
		if (size > fw->size - i) {
			ret = -EINVAL;
			break;
		}

		/* Will stall if using fw->data ... */
		memcpy(buff, fw->data + i, size); /* { dg-bogus "dmacheck" } */

		ret = usb_control_msg(udev, usb_sndctrlpipe(udev, 0),
				      M9206_FW,
				      USB_TYPE_VENDOR | USB_DIR_OUT,
				      value, index, buff, size, 20); /* { dg-bogus "dmacheck" } */
		if (ret != size) {
			ret = -EIO;
			break;
		}
		ret = 0;
		i += size;
	}
	kfree(buff);
	return ret;
}

/* oracle: the firmware download, both ways, with a 1536-byte image of 6-byte headers and blocks */
void case_run(struct case_env *env)
{
	const struct firmware *fw;

	if (request_firmware(&fw, "dvb-usb-megasky-02.fw", &env->udev->dev))
		return;
	/* one record: value 0x0000, index 0x0000, 16 bytes, then the rest skipped */
	((u8 *)fw->data)[0] = 0; ((u8 *)fw->data)[1] = 0;
	((u8 *)fw->data)[2] = 0; ((u8 *)fw->data)[3] = 0;
	((u8 *)fw->data)[4] = 16; ((u8 *)fw->data)[5] = 0;
	((struct firmware *)fw)->size = 6 + 16;
	m920x_firmware_direct(env->udev, fw);
	m920x_firmware(env->udev, fw);
	release_firmware(fw);
}
