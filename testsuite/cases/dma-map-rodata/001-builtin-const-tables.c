/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, after the example of docs/rules/dma-map-rodata.md (a platform driver's init sequence) and the built-in host-side drivers of drivers/usb/misc; built in: the case defines KBUILD_MODNAME without MODULE, as kbuild does for an obj-y file */
/* what: in a built-in file, const tables and string literals handed to dma_map_single(), the USB helpers and an URB are kernel rodata (warned whatever the direction: a read is harmless on x86_64, DMA debug reports it on 32-bit, a device write corrupts it everywhere); a built-in's writable static buffer is in the linear map on x86 and stays silent, as do kmemdup()ed copies */
#define KBUILD_MODNAME "foo"
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

#define VENDOR_OUT	(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)

static const u8 foo_init_seq[] = { 0x01, 0x00, 0x10, 0x80 };
static const u8 foo_id_template[8] = { 'F', 'O', 'O', '1' };
static u8 foo_scratch[16];		/* built-in .bss: linear map on x86 */

struct foo_priv {
	struct device *dev;
	u8 *init_buf;
	dma_addr_t init_dma;
};

/* the page's example */
int foo_load_init(struct foo_priv *priv)
{
	dma_addr_t dma;

	dma = dma_map_single(priv->dev, (void *)foo_init_seq, sizeof(foo_init_seq),
			     DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-rodata" } */
	if (dma_mapping_error(priv->dev, dma))
		return -ENOMEM;
	dma_unmap_single(priv->dev, dma, sizeof(foo_init_seq), DMA_TO_DEVICE);
	return 0;
}

/* and its fix */
int foo_load_init_fixed(struct foo_priv *priv)
{
	priv->init_buf = kmemdup(foo_init_seq, sizeof(foo_init_seq), GFP_KERNEL);
	if (!priv->init_buf)
		return -ENOMEM;
	priv->init_dma = dma_map_single(priv->dev, priv->init_buf, sizeof(foo_init_seq),
					DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(priv->dev, priv->init_dma))
		return -ENOMEM;
	dma_unmap_single(priv->dev, priv->init_dma, sizeof(foo_init_seq), DMA_TO_DEVICE);
	return 0;
}

/* a device write into a const template: corrupts read-only data on every architecture */
int foo_read_id(struct device *dev)
{
	dma_addr_t dma;

	dma = dma_map_single(dev, (void *)foo_id_template, sizeof(foo_id_template),
			     DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-map-rodata" } */
	if (dma_mapping_error(dev, dma))
		return -ENOMEM;
	dma_unmap_single(dev, dma, sizeof(foo_id_template), DMA_FROM_DEVICE);
	return 0;
}

/* writable static data of a built-in: in the linear map on x86 (arm64 would differ) */
int foo_scratch_map(struct device *dev)
{
	dma_addr_t dma;

	dma = dma_map_single(dev, foo_scratch, sizeof(foo_scratch), DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(dev, dma))
		return -ENOMEM;
	dma_unmap_single(dev, dma, sizeof(foo_scratch), DMA_FROM_DEVICE);
	return 0;
}

/* USB: the same tables through the synchronous helpers */
int foo_usb_init(struct usb_device *udev)
{
	int ret, actual;

	ret = usb_control_msg(udev, usb_sndctrlpipe(udev, 0), 0x01, VENDOR_OUT, 0, 0,
			      (void *)foo_init_seq, sizeof(foo_init_seq), 1000); /* { dg-warning "dmacheck-dma-map-rodata" } */
	if (ret < 0)
		return ret;
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), (void *)"INIT", 4, &actual,
			   1000); /* { dg-warning "dmacheck-dma-map-rodata" } */
	if (ret < 0)
		return ret;
	return usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), foo_scratch, sizeof(foo_scratch),
			    &actual, 1000); /* { dg-bogus "dmacheck" } */
}

static void foo_done(struct urb *urb)
{
}

/* an URB that sends the identification template, its buffer stored by hand */
int foo_usb_send_id(struct usb_device *udev, struct urb *urb)
{
	urb->dev = udev;
	urb->pipe = usb_sndbulkpipe(udev, 2);
	urb->transfer_buffer = (void *)foo_id_template; /* { dg-warning "dmacheck-dma-map-rodata" } */
	urb->transfer_buffer_length = sizeof(foo_id_template);
	urb->complete = foo_done;
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* the copies 6.1 drivers make */
int foo_usb_init_fixed(struct usb_device *udev)
{
	u8 *buf = kmemdup(foo_init_seq, sizeof(foo_init_seq), GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	ret = usb_control_msg(udev, usb_sndctrlpipe(udev, 0), 0x01, VENDOR_OUT, 0, 0, buf,
			      sizeof(foo_init_seq), 1000); /* { dg-bogus "dmacheck" } */
	kfree(buf);
	if (ret < 0)
		return ret;
	return usb_control_msg_send(udev, 0, 0x01, VENDOR_OUT, 0, 0, foo_init_seq,
				    sizeof(foo_init_seq), 1000, GFP_KERNEL); /* { dg-bogus "dmacheck" } */
}

/* oracle: the mappings on the platform device, the USB ones on bulk OUT 0x02 */
void case_run(struct case_env *env)
{
	struct foo_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	priv->dev = &env->pdev->dev;
	foo_load_init(priv);
	foo_load_init_fixed(priv);
	foo_read_id(&env->pdev->dev);
	foo_scratch_map(&env->pdev->dev);
	foo_usb_init(env->udev);
	foo_usb_init_fixed(env->udev);
	foo_usb_send_id(env->udev, usb_alloc_urb(0, GFP_KERNEL));
}
