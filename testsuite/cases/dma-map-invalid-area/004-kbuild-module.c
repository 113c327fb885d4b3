/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic; kbuild's flags for an obj-m file: -DMODULE -DKBUILD_MODNAME=..., defined here as kbuild would pass them (the same tables in a built-in file are dma-map-rodata/001) */
/* what: a file kbuild builds into a module reports its const tables and strings as dma-map-invalid-area, not dma-map-rodata, and its writable statics too; kmemdup()ed copies stay silent */
#define MODULE
#define KBUILD_MODNAME "foo"
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

#define VENDOR_OUT	(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)

static const u8 foo_init_seq[] = { 0x01, 0x00, 0x10, 0x80 };
static u8 foo_scratch[16];

int foo_load_init(struct device *dev)
{
	dma_addr_t dma;

	dma = dma_map_single(dev, (void *)foo_init_seq, sizeof(foo_init_seq),
			     DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-invalid-area" } (a module: not dma-map-rodata) */
	if (dma_mapping_error(dev, dma))
		return -ENOMEM;
	dma_unmap_single(dev, dma, sizeof(foo_init_seq), DMA_TO_DEVICE);
	return 0;
}

int foo_usb_init(struct usb_device *udev)
{
	int ret, actual;
	u8 *buf;

	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), (void *)"INIT", 4, &actual,
			   1000); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
	if (ret < 0)
		return ret;
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), foo_scratch, sizeof(foo_scratch),
			   &actual, 1000); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
	if (ret < 0)
		return ret;
	buf = kmemdup(foo_init_seq, sizeof(foo_init_seq), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = usb_control_msg(udev, usb_sndctrlpipe(udev, 0), 0x01, VENDOR_OUT, 0, 0, buf,
			      sizeof(foo_init_seq), 1000); /* { dg-bogus "dmacheck" } */
	kfree(buf);
	return ret;
}

/* oracle: the mapping on the platform device, bulk OUT 0x02 */
void case_run(struct case_env *env)
{
	foo_load_init(&env->pdev->dev);
	foo_usb_init(env->udev);
}
