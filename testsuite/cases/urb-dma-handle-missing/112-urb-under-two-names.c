/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/media/usb/hdpvr/hdpvr-video.c (6.1) hdpvr_alloc_buffers(): the handle is stored through the local `urb` (usb_alloc_coherent(..., &urb->transfer_dma)) and the flag through `buf->urb` after `buf->urb = urb`; the 2026-12-03 corpus scan reported it falsely (one URB under two names) */
/* what: a URB kept in a local and in a member of a freshly allocated buffer is one URB: the handle through one name and the flag through the other stay silent; a copy of the loop that keeps the handle in the buffer instead of the URB warns */
/* known-to-fail: cocci the script follows the URB by the expression that names it; `buf->urb` and `urb` are two */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define HD_BUF_SIZE	512

struct hd_dev {
	struct usb_device *udev;
	struct hd_buf *bufs[4];
};

struct hd_buf {
	struct hd_dev *dev;
	struct urb *urb;
	dma_addr_t dma;
};

static void hd_read_bulk_callback(struct urb *urb)
{
}

static int hd_alloc_buffers(struct hd_dev *dev, unsigned int count)
{
	struct hd_buf *buf;
	struct urb *urb;
	u8 *mem;

	for (unsigned int i = 0; i < count && i < 4; i++) {
		buf = kzalloc(sizeof(*buf), GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		buf->dev = dev;
		urb = usb_alloc_urb(0, GFP_KERNEL);
		if (!urb)
			return -ENOMEM;
		buf->urb = urb;
		mem = usb_alloc_coherent(dev->udev, HD_BUF_SIZE, GFP_KERNEL, &urb->transfer_dma);
		if (!mem)
			return -ENOMEM;
		usb_fill_bulk_urb(buf->urb, dev->udev, usb_rcvbulkpipe(dev->udev, 0x82), mem,
				  HD_BUF_SIZE, hd_read_bulk_callback, buf);
		buf->urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
		dev->bufs[i] = buf;
	}
	return 0;
}

/* the handle goes into the buffer's own field and never into the URB */
static int hd_alloc_buffers_v2(struct hd_dev *dev, unsigned int count)
{
	struct hd_buf *buf;
	struct urb *urb;
	u8 *mem;

	for (unsigned int i = 0; i < count && i < 4; i++) {
		buf = kzalloc(sizeof(*buf), GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		urb = usb_alloc_urb(0, GFP_KERNEL);
		if (!urb)
			return -ENOMEM;
		buf->urb = urb;
		mem = usb_alloc_coherent(dev->udev, HD_BUF_SIZE, GFP_KERNEL, &buf->dma);
		if (!mem)
			return -ENOMEM;
		usb_fill_bulk_urb(urb, dev->udev, usb_rcvbulkpipe(dev->udev, 0x82), mem,
				  HD_BUF_SIZE, hd_read_bulk_callback, buf);
		buf->urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
		dev->bufs[i] = buf;
	}
	return 0;
}

/* oracle: each allocator for one buffer, whose URB is then submitted */
void case_run(struct case_env *env)
{
	struct hd_dev *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct hd_dev *b = kzalloc(sizeof(*b), GFP_KERNEL);

	a->udev = b->udev = env->udev;
	if (!hd_alloc_buffers(a, 1))
		usb_submit_urb(a->bufs[0]->urb, GFP_KERNEL);
	if (!hd_alloc_buffers_v2(b, 1))
		usb_submit_urb(b->bufs[0]->urb, GFP_KERNEL);
}
