/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic */
/* what: kcalloc, kmemdup, devm_kzalloc, __get_free_page, coherent, dma_pool, static and global buffers are not the stack (some break other rules: dma-map-vmalloc, dma-map-invalid-area; none is dma-on-stack) */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/dmapool.h>
#include <dmacheck-case.h>

#define VENDOR_OUT	(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)

static u8 static_buf[8];
u8 global_buf[8];

int send_kcalloc(struct usb_device *udev)
{
	u8 *buf = kcalloc(4, 2, GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	ret = usb_control_msg(udev, usb_sndctrlpipe(udev, 0), 1, VENDOR_OUT, 0, 0,
			      buf, 8, 1000); /* { dg-bogus "dmacheck" } */
	kfree(buf);
	return ret;
}

int send_kmemdup(struct usb_device *udev, const u8 *data, u16 len)
{
	u8 local[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	u8 *buf = kmemdup(local, sizeof(local), GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	ret = usb_control_msg(udev, usb_sndctrlpipe(udev, 0), 2, VENDOR_OUT, 0, 0,
			      buf, sizeof(local), 1000); /* { dg-bogus "dmacheck" } */
	kfree(buf);
	return ret;
}

int send_devm(struct usb_interface *intf)
{
	struct usb_device *udev = interface_to_usbdev(intf);
	u8 *buf = devm_kzalloc(&intf->dev, 8, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	return usb_control_msg(udev, usb_sndctrlpipe(udev, 0), 3, VENDOR_OUT, 0, 0,
			       buf, 8, 1000); /* { dg-bogus "dmacheck" } */
}

int send_page(struct usb_device *udev)
{
	unsigned long page = __get_free_page(GFP_KERNEL);
	int ret, actual;

	if (!page)
		return -ENOMEM;
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 1), (void *)page, PAGE_SIZE,
			   &actual, 1000); /* { dg-bogus "dmacheck" } */
	free_page(page);
	return ret;
}

int send_coherent(struct usb_device *udev, struct dma_pool *pool)
{
	dma_addr_t dma, dma2;
	u8 *buf = usb_alloc_coherent(udev, 64, GFP_KERNEL, &dma);
	u8 *blk;
	int ret, actual;

	if (!buf)
		return -ENOMEM;
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 1), buf, 64, &actual,
			   1000); /* { dg-bogus "dmacheck" } */
	blk = dma_pool_alloc(pool, GFP_KERNEL, &dma2);
	if (blk) {
		ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 1), blk, 32, &actual,
				   1000); /* { dg-bogus "dmacheck" } */
		dma_pool_free(pool, blk, dma2);
	}
	usb_free_coherent(udev, 64, buf, dma);
	return ret;
}

int send_static(struct usb_device *udev)
{
	int ret;

	ret = usb_control_msg(udev, usb_sndctrlpipe(udev, 0), 4, VENDOR_OUT, 0, 0,
			      static_buf, sizeof(static_buf), 1000); /* { dg-warning "dmacheck-dma-map-invalid-area" } (module .bss, not the stack) */
	if (ret < 0)
		return ret;
	return usb_control_msg(udev, usb_sndctrlpipe(udev, 0), 4, VENDOR_OUT, 0, 0,
			       global_buf, sizeof(global_buf), 1000); /* { dg-warning "dmacheck-dma-map-invalid-area" } (module .bss, not the stack) */
}

int send_vmalloc(struct usb_device *udev)
{
	u8 *buf = vmalloc(64);
	int ret, actual;

	if (!buf)
		return -ENOMEM;
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 1), buf, 64, &actual,
			   1000); /* { dg-warning "dmacheck-dma-map-vmalloc" } (not dma-on-stack: vmalloc memory) */
	vfree(buf);
	return ret;
}

/* oracle: every sender once (bulk ones on OUT endpoint 1), the dma_pool created on the host
 * controller */
void case_run(struct case_env *env)
{
	struct dma_pool *pool = dma_pool_create("case035", &env->hc->dev, 32, 0, 0);

	send_kcalloc(env->udev);
	send_kmemdup(env->udev, NULL, 0);
	send_devm(env->intf);
	send_page(env->udev);
	send_coherent(env->udev, pool);
	send_static(env->udev);
	send_vmalloc(env->udev);
	dma_pool_destroy(pool);
}
