/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/media/usb/dvb-usb/af9005.c af9005_boot_packet(), af9005_download_firmware(): pattern before commit '[media] af9005: don't do DMA on stack', and the 6.1 code after it */
/* what: firmware packets built in local arrays and sent with usb_bulk_msg() warn; in 6.1 the buffer is kmalloc()ed by the caller and passed down, and &reply / &act_len are plain out-parameters: silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define FW_BULKOUT_SIZE 250
enum {
	FW_CONFIG,
	FW_CONFIRM,
	FW_BOOT
};

struct firmware {
	size_t size;
	const u8 *data;
};

/* before the fix */
static int af9005_boot_packet_old(struct usb_device *udev, int type, u8 *reply)
{
	u8 buf[FW_BULKOUT_SIZE + 2];
	int ret, act_len;

	memset(buf, 0, sizeof(buf));
	buf[0] = (u8) (FW_BULKOUT_SIZE & 0xff);
	buf[1] = (u8) ((FW_BULKOUT_SIZE >> 8) & 0xff);
	buf[2] = 0x11;
	buf[3] = 0x04;
	buf[4] = type;
	ret = usb_bulk_msg(udev,
			   usb_sndbulkpipe(udev, 0x02),
			   buf, FW_BULKOUT_SIZE + 2, &act_len, 2000); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret)
		return ret;
	memset(buf, 0, 9);
	ret = usb_bulk_msg(udev,
			   usb_rcvbulkpipe(udev, 0x01), buf, 9, &act_len, 2000); /* { dg-warning "dmacheck-dma-on-stack" } { core-differs "ehci-dma ehci-iommu xhci musb" "DMA controllers refuse the stack packet sent just before, so this read never runs there" } */
	if (ret)
		return ret;
	*reply = buf[6];
	return 0;
}

int af9005_download_firmware_old(struct usb_device *udev, const struct firmware *fw)
{
	int i, packets, ret, act_len;

	u8 buf[FW_BULKOUT_SIZE + 2];
	u8 reply;

	ret = af9005_boot_packet_old(udev, FW_CONFIG, &reply); /* { dg-bogus "dmacheck" } */
	if (ret)
		return ret;
	packets = fw->size / FW_BULKOUT_SIZE;
	buf[0] = (u8) (FW_BULKOUT_SIZE & 0xff);
	buf[1] = (u8) ((FW_BULKOUT_SIZE >> 8) & 0xff);
	for (i = 0; i < packets; i++) {
		memcpy(&buf[2], fw->data + i * FW_BULKOUT_SIZE,
		       FW_BULKOUT_SIZE);
		ret = usb_bulk_msg(udev,
				   usb_sndbulkpipe(udev, 0x02),
				   buf, FW_BULKOUT_SIZE + 2, &act_len, 1000); /* { dg-warning "dmacheck-dma-on-stack" } { core-differs "ehci-dma ehci-iommu xhci musb" "DMA controllers refuse the stack boot packet of af9005_boot_packet_old() first, so the download loop never runs there" } */
		if (ret)
			return ret;
	}
	return af9005_boot_packet_old(udev, FW_BOOT, &reply); /* { dg-bogus "dmacheck" } */
}

/* 6.1 */
static int af9005_boot_packet(struct usb_device *udev, int type, u8 *reply,
			      u8 *buf, int size)
{
	int ret, act_len;

	memset(buf, 0, size);
	buf[0] = (u8) (FW_BULKOUT_SIZE & 0xff);
	buf[1] = (u8) ((FW_BULKOUT_SIZE >> 8) & 0xff);
	buf[2] = 0x11;
	buf[3] = 0x04;
	buf[4] = type;
	ret = usb_bulk_msg(udev,
			   usb_sndbulkpipe(udev, 0x02),
			   buf, FW_BULKOUT_SIZE + 2, &act_len, 2000); /* { dg-bogus "dmacheck" } */
	if (ret)
		return ret;
	memset(buf, 0, 9);
	ret = usb_bulk_msg(udev,
			   usb_rcvbulkpipe(udev, 0x01), buf, 9, &act_len, 2000); /* { dg-bogus "dmacheck" } */
	if (ret)
		return ret;
	*reply = buf[6];
	return 0;
}

int af9005_download_firmware(struct usb_device *udev, const struct firmware *fw)
{
	int i, packets, ret, act_len;
	u8 *buf;
	u8 reply;

	buf = kmalloc(FW_BULKOUT_SIZE + 2, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	ret = af9005_boot_packet(udev, FW_CONFIG, &reply, buf,
				 FW_BULKOUT_SIZE + 2); /* { dg-bogus "dmacheck" } */
	if (ret)
		goto err;
	packets = fw->size / FW_BULKOUT_SIZE;
	buf[0] = (u8) (FW_BULKOUT_SIZE & 0xff);
	buf[1] = (u8) ((FW_BULKOUT_SIZE >> 8) & 0xff);
	for (i = 0; i < packets; i++) {
		memcpy(&buf[2], fw->data + i * FW_BULKOUT_SIZE,
		       FW_BULKOUT_SIZE);
		ret = usb_bulk_msg(udev,
				   usb_sndbulkpipe(udev, 0x02),
				   buf, FW_BULKOUT_SIZE + 2, &act_len, 1000); /* { dg-bogus "dmacheck" } */
		if (ret)
			goto err;
	}
	ret = af9005_boot_packet(udev, FW_BOOT, &reply, buf,
				 FW_BULKOUT_SIZE + 2); /* { dg-bogus "dmacheck" } */
err:
	kfree(buf);
	return ret;
}

/* oracle: download a two-packet firmware image, old and 6.1 */
void case_run(struct case_env *env)
{
	struct firmware *fw = kzalloc(sizeof(*fw), GFP_KERNEL);
	u8 *image = kzalloc(2 * FW_BULKOUT_SIZE, GFP_KERNEL);

	fw->size = 2 * FW_BULKOUT_SIZE;
	fw->data = image;
	af9005_download_firmware_old(env->udev, fw);
	af9005_download_firmware(env->udev, fw);
	kfree(image);
	kfree(fw);
}
