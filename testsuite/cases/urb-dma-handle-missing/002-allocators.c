/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic */
/* what: every non-coherent source of a transfer buffer (kzalloc, kcalloc, kmemdup, vmalloc, devm_kzalloc, __get_free_pages, the stack, a static) with the flag and no handle warns at the flag store */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <dmacheck-case.h>

static u8 static_buf[64];

static void done(struct urb *urb)
{
}

int kzalloc_flag(struct urb *urb, struct usb_device *udev)
{
	void *buf = kzalloc(64, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, 64, done, NULL);
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int kcalloc_flag(struct urb *urb, struct usb_device *udev)
{
	void *buf = kcalloc(16, 4, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, 64, done, NULL);
	urb->transfer_flags = URB_SHORT_NOT_OK | URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int kmemdup_flag(struct urb *urb, struct usb_device *udev, const void *data, int len)
{
	void *buf = kmemdup(data, len, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, len, done, NULL);
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP | URB_FREE_BUFFER; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int vmalloc_flag(struct urb *urb, struct usb_device *udev)
{
	void *buf = vmalloc(4096);

	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, 4096, done, NULL); /* { dg-warning "dmacheck-dma-map-vmalloc" } { core-differs "all" "with URB_NO_TRANSFER_DMA_MAP usbcore never maps transfer_buffer: the vmalloc buffer is not mapped, the controller DMAs to the missing handle (reported on the next line)" } */
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int devm_flag(struct urb *urb, struct usb_interface *intf)
{
	struct usb_device *udev = interface_to_usbdev(intf);
	void *buf = devm_kzalloc(&intf->dev, 64, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	usb_fill_int_urb(urb, udev, usb_rcvintpipe(udev, 1), buf, 64, done, NULL, 4);
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int pages_flag(struct urb *urb, struct usb_device *udev)
{
	unsigned long page = __get_free_pages(GFP_KERNEL, 1);

	if (!page)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), (void *)page,
			  2 * PAGE_SIZE, done, NULL);
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int stack_flag(struct urb *urb, struct usb_device *udev)
{
	u8 buf[8] = { 0 };
	int ret;

	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, sizeof(buf), done, NULL); /* { dg-warning "dmacheck-dma-on-stack" } { core-differs "all" "with URB_NO_TRANSFER_DMA_MAP usbcore never maps transfer_buffer: the stack buffer is not mapped, the controller DMAs to the missing handle (reported on the next line)" } */
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	ret = usb_submit_urb(urb, GFP_KERNEL);
	usb_kill_urb(urb);
	return ret;
}

int static_flag(struct urb *urb, struct usb_device *udev)
{
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), static_buf,
			  sizeof(static_buf), done, NULL); /* { dg-warning "dmacheck-dma-map-invalid-area" } { core-differs "all" "URB_NO_TRANSFER_DMA_MAP, set next, keeps the HCD from mapping the module .bss buffer; the static engines judge the buffer where it is handed over, as for the stack" } */
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: every function once, each on a fresh URB (bulk IN 0x82, bulk OUT 0x02, interrupt IN 0x81) */
void case_run(struct case_env *env)
{
	struct usb_device *udev = env->udev;
	u8 *data = kzalloc(64, GFP_KERNEL);

	kzalloc_flag(usb_alloc_urb(0, GFP_KERNEL), udev);
	kcalloc_flag(usb_alloc_urb(0, GFP_KERNEL), udev);
	kmemdup_flag(usb_alloc_urb(0, GFP_KERNEL), udev, data, 64);
	vmalloc_flag(usb_alloc_urb(0, GFP_KERNEL), udev);
	devm_flag(usb_alloc_urb(0, GFP_KERNEL), env->intf);
	pages_flag(usb_alloc_urb(0, GFP_KERNEL), udev);
	stack_flag(usb_alloc_urb(0, GFP_KERNEL), udev);
	static_flag(usb_alloc_urb(0, GFP_KERNEL), udev);
}
