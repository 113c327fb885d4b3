/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/usb/ipheth.c ipheth_rx_submit(), drivers/net/wireless/ath/ar5523/ar5523.c ar5523_submit_rx_cmd() and drivers/media/usb/dvb-usb/usb-urb.c usb_bulk_urb_init() (6.1); the last three functions are synthetic */
/* what: buffers the function cannot see the origin of (fields, parameters), coherent buffers with their handle, and streaming buffers whose handle is stored are silent; so are non-coherent buffers without the flag */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

#define IPHETH_BUF_SIZE		1514
#define IPHETH_IP_ALIGN		2

struct ipheth_device {
	struct usb_device *udev;
	struct urb *rx_urb;
	unsigned char *rx_buf;
	unsigned char bulk_in;
};

static void ipheth_rcvbulk_callback(struct urb *urb)
{
}

int ipheth_rx_submit(struct ipheth_device *dev, gfp_t mem_flags)
{
	struct usb_device *udev = dev->udev;

	usb_fill_bulk_urb(dev->rx_urb, udev,
			  usb_rcvbulkpipe(udev, dev->bulk_in),
			  dev->rx_buf, IPHETH_BUF_SIZE + IPHETH_IP_ALIGN,
			  ipheth_rcvbulk_callback,
			  dev);
	dev->rx_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */

	return usb_submit_urb(dev->rx_urb, mem_flags);
}

int submit_caller_buffer(struct urb *urb, struct usb_device *udev, void *buf, int len)
{
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, len,
			  ipheth_rcvbulk_callback, NULL);
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int submit_coherent(struct urb *urb, struct usb_device *udev, int len)
{
	dma_addr_t dma;
	void *buf = usb_alloc_coherent(udev, len, GFP_KERNEL, &dma);

	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, len,
			  ipheth_rcvbulk_callback, NULL);
	urb->transfer_dma = dma;
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int submit_premapped(struct urb *urb, struct usb_device *udev, struct device *hcdev, int len)
{
	void *buf = kmalloc(len, GFP_KERNEL);
	dma_addr_t dma;

	if (!buf)
		return -ENOMEM;
	dma = dma_map_single(hcdev, buf, len, DMA_FROM_DEVICE);
	if (dma_mapping_error(hcdev, dma)) {
		kfree(buf);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, len,
			  ipheth_rcvbulk_callback, NULL);
	urb->transfer_dma = dma;
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int submit_kmalloc_no_flag(struct urb *urb, struct usb_device *udev, int len)
{
	void *buf = kmalloc(len, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, len,
			  ipheth_rcvbulk_callback, NULL);
	urb->transfer_flags |= URB_FREE_BUFFER | URB_SHORT_NOT_OK; /* { dg-bogus "dmacheck" } */
	urb->transfer_flags &= ~URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* ipheth_alloc_urbs() (6.1), reduced to the rx URB: the coherent buffer's handle goes straight
 * into rx_urb->transfer_dma, ipheth_rx_submit() sets the flag */
static int ipheth_alloc_rx(struct ipheth_device *iphone)
{
	struct urb *rx_urb;
	u8 *rx_buf;

	rx_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (rx_urb == NULL)
		return -ENOMEM;
	rx_buf = usb_alloc_coherent(iphone->udev, IPHETH_BUF_SIZE + IPHETH_IP_ALIGN,
				    GFP_KERNEL, &rx_urb->transfer_dma);
	if (rx_buf == NULL) {
		usb_free_urb(rx_urb);
		return -ENOMEM;
	}
	iphone->rx_urb = rx_urb;
	iphone->rx_buf = rx_buf;
	return 0;
}

/* oracle: ipheth open (alloc + rx submit on bulk IN 0x82); submit_caller_buffer() with an URB whose
 * caller stored a coherent buffer's handle; the other three on fresh URBs */
void case_run(struct case_env *env)
{
	struct usb_device *udev = env->udev;
	struct ipheth_device *iphone = kzalloc(sizeof(*iphone), GFP_KERNEL);
	dma_addr_t *dma = kzalloc(sizeof(*dma), GFP_KERNEL);
	struct urb *urb;
	void *buf;

	iphone->udev = udev;
	iphone->bulk_in = 2;
	if (ipheth_alloc_rx(iphone) == 0)
		ipheth_rx_submit(iphone, GFP_KERNEL);

	buf = usb_alloc_coherent(udev, 64, GFP_KERNEL, dma);
	urb = usb_alloc_urb(0, GFP_KERNEL);
	urb->transfer_dma = *dma;
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	submit_caller_buffer(urb, udev, buf, 64);

	submit_coherent(usb_alloc_urb(0, GFP_KERNEL), udev, 512);
	submit_premapped(usb_alloc_urb(0, GFP_KERNEL), udev, &env->hc->dev, 512);
	submit_kmalloc_no_flag(usb_alloc_urb(0, GFP_KERNEL), udev, 512);
}
