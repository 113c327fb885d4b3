/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic, in the shape of the firmware downloads of drivers/media/usb/dvb-usb and drivers/usb/misc (a same-file block writer given fw->data + offset, an image kept in the driver's struct, request_firmware_nowait()'s callback); the 6.1 drivers copy first */
/* what: fw->data through a same-file block writer (warned at its call, with the path), kept in a member of the driver's struct first, and in request_firmware_nowait()'s callback warns; the writer given a kmalloc()ed copy stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/firmware.h>
#include <dmacheck-case.h>

#define FW_CHUNK	64
#define REQ_FW_WRITE	0xa0

struct ldr {
	struct usb_device *udev;
	const u8 *image;
	size_t image_len;
};

static int write_block(struct usb_device *udev, u16 addr, const u8 *data, u16 len)
{
	return usb_control_msg(udev, usb_sndctrlpipe(udev, 0), REQ_FW_WRITE,
			       USB_DIR_OUT | USB_TYPE_VENDOR, addr, 0, (void *)data, len,
			       1000); /* { dg-bogus "dmacheck" } */
}

int download_direct(struct usb_device *udev, const struct firmware *fw)
{
	size_t off;
	int ret = 0;

	for (off = 0; off < fw->size && !ret; off += FW_CHUNK)
		ret = write_block(udev, off, fw->data + off, FW_CHUNK); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	return ret < 0 ? ret : 0;
}

int download_copy(struct usb_device *udev, const struct firmware *fw)
{
	u8 *buf = kmalloc(FW_CHUNK, GFP_KERNEL);
	size_t off;
	int ret = 0;

	if (!buf)
		return -ENOMEM;
	for (off = 0; off < fw->size && !ret; off += FW_CHUNK) {
		memcpy(buf, fw->data + off, FW_CHUNK);
		ret = write_block(udev, off, buf, FW_CHUNK); /* { dg-bogus "dmacheck" } */
	}
	kfree(buf);
	return ret < 0 ? ret : 0;
}

/* the image kept in the driver's struct, sent later in the same function */
int ldr_load(struct ldr *ldr, const struct firmware *fw)
{
	int actual;

	ldr->image = fw->data;
	ldr->image_len = fw->size;
	return usb_bulk_msg(ldr->udev, usb_sndbulkpipe(ldr->udev, 2), (void *)ldr->image,
			    FW_CHUNK, &actual, 1000); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
}

/* request_firmware_nowait()'s callback */
static void ldr_fw_cb(const struct firmware *fw, void *context)
{
	struct ldr *ldr = context;
	int actual;

	if (!fw)
		return;
	usb_bulk_msg(ldr->udev, usb_sndbulkpipe(ldr->udev, 2), (void *)fw->data, FW_CHUNK,
		     &actual, 1000); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	release_firmware(fw);
}

int ldr_probe(struct ldr *ldr)
{
	return request_firmware_nowait(THIS_MODULE, FW_ACTION_UEVENT, "ldr.fw",
				       &ldr->udev->dev, GFP_KERNEL, ldr, ldr_fw_cb);
}

/* oracle: both downloads of one image, the kept image, the asynchronous load */
void case_run(struct case_env *env)
{
	struct ldr *ldr = kzalloc(sizeof(*ldr), GFP_KERNEL);
	const struct firmware *fw;

	ldr->udev = env->udev;
	if (request_firmware(&fw, "ldr.fw", &env->udev->dev))
		return;
	((struct firmware *)fw)->size = 2 * FW_CHUNK;
	download_direct(env->udev, fw);
	download_copy(env->udev, fw);
	ldr_load(ldr, fw);
	release_firmware(fw);
	ldr_probe(ldr);
}
