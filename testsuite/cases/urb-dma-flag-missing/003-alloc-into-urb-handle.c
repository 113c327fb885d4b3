/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/media/rc/ttusbir.c ttusbir_probe() (6.1), flag by "=" with an OR of constants; the _noflag variants are synthetic bugs */
/* what: &urb->transfer_dma passed to usb_alloc_coherent()/dma_alloc_coherent()/dma_pool_alloc() sets the handle: without the flag in the function it warns at that call */
#include <linux/usb.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define NUM_URBS	4

struct ttusbir {
	struct usb_device *udev;
	struct urb *urb[NUM_URBS];
	int iso_in_endp;
};

static void ttusbir_urb_complete(struct urb *urb)
{
}

int ttusbir_alloc_iso(struct ttusbir *tt)
{
	int i, j;

	for (i = 0; i < NUM_URBS; i++) {
		struct urb *urb = usb_alloc_urb(8, GFP_KERNEL);
		void *buffer;

		if (!urb)
			return -ENOMEM;

		urb->dev = tt->udev;
		urb->context = tt;
		urb->pipe = usb_rcvisocpipe(tt->udev, tt->iso_in_endp);
		urb->interval = 1;
		buffer = usb_alloc_coherent(tt->udev, 128, GFP_KERNEL,
						&urb->transfer_dma); /* { dg-bogus "dmacheck" } */
		if (!buffer) {
			usb_free_urb(urb);
			return -ENOMEM;
		}
		urb->transfer_flags = URB_NO_TRANSFER_DMA_MAP | URB_ISO_ASAP;
		urb->transfer_buffer = buffer;
		urb->complete = ttusbir_urb_complete;
		urb->number_of_packets = 8;
		urb->transfer_buffer_length = 128;

		for (j = 0; j < 8; j++) {
			urb->iso_frame_desc[j].offset = j * 16;
			urb->iso_frame_desc[j].length = 16;
		}

		tt->urb[i] = urb;
	}
	return 0;
}

int ttusbir_alloc_iso_noflag(struct ttusbir *tt)
{
	int i;

	for (i = 0; i < NUM_URBS; i++) {
		struct urb *urb = usb_alloc_urb(8, GFP_KERNEL);
		void *buffer;

		if (!urb)
			return -ENOMEM;

		urb->dev = tt->udev;
		urb->context = tt;
		urb->pipe = usb_rcvisocpipe(tt->udev, tt->iso_in_endp);
		urb->interval = 1;
		buffer = usb_alloc_coherent(tt->udev, 128, GFP_KERNEL,
						&urb->transfer_dma); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
		if (!buffer) {
			usb_free_urb(urb);
			return -ENOMEM;
		}
		urb->transfer_flags = URB_ISO_ASAP;
		urb->transfer_buffer = buffer;
		urb->complete = ttusbir_urb_complete;
		urb->number_of_packets = 8;
		urb->transfer_buffer_length = 128;
		tt->urb[i] = urb;
	}
	return 0;
}

int alloc_bulk_dma_coherent_noflag(struct device *hcdev, struct usb_device *udev,
				   struct urb *urb, size_t len)
{
	void *buf;

	buf = dma_alloc_coherent(hcdev, len, &urb->transfer_dma, GFP_KERNEL); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, len,
			  ttusbir_urb_complete, NULL);
	return usb_submit_urb(urb, GFP_KERNEL);
}

int alloc_bulk_dma_pool_noflag(struct dma_pool *pool, struct usb_device *udev,
			       struct urb *urb, size_t len)
{
	void *buf;

	buf = dma_pool_alloc(pool, GFP_KERNEL, &urb->transfer_dma); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, len,
			  ttusbir_urb_complete, NULL);
	return usb_submit_urb(urb, GFP_KERNEL);
}

int alloc_bulk_dma_pool(struct dma_pool *pool, struct usb_device *udev,
			struct urb *urb, size_t len)
{
	void *buf;

	buf = dma_pool_alloc(pool, GFP_KERNEL, &urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, len,
			  ttusbir_urb_complete, NULL);
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return usb_submit_urb(urb, GFP_KERNEL);
}

int alloc_bulk_dma_coherent(struct device *hcdev, struct usb_device *udev,
			    struct urb *urb, size_t len)
{
	void *buf;

	urb->transfer_flags = URB_NO_TRANSFER_DMA_MAP | URB_SHORT_NOT_OK;
	buf = dma_alloc_coherent(hcdev, len, &urb->transfer_dma, GFP_KERNEL); /* { dg-bogus "dmacheck" } */
	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, len,
			  ttusbir_urb_complete, NULL);
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: allocate and submit the iso URBs of both ttusbir variants (iso IN endpoint 4), then the four bulk-IN (0x82) helpers on fresh URBs */
void case_run(struct case_env *env)
{
	struct device *hcdev = &env->hc->dev;
	struct dma_pool *pool;
	struct ttusbir *tt;
	int i, j;

	tt = kzalloc(sizeof(*tt), GFP_KERNEL);
	tt->udev = env->udev;
	tt->iso_in_endp = 4;
	if (ttusbir_alloc_iso(tt) == 0)
		for (i = 0; i < NUM_URBS; i++)
			usb_submit_urb(tt->urb[i], GFP_KERNEL);

	tt = kzalloc(sizeof(*tt), GFP_KERNEL);
	tt->udev = env->udev;
	tt->iso_in_endp = 4;
	if (ttusbir_alloc_iso_noflag(tt) == 0)
		for (i = 0; i < NUM_URBS; i++) {
			/* frame descriptors as ttusbir_alloc_iso() sets them */
			for (j = 0; j < 8; j++) {
				tt->urb[i]->iso_frame_desc[j].offset = j * 16;
				tt->urb[i]->iso_frame_desc[j].length = 16;
			}
			usb_submit_urb(tt->urb[i], GFP_KERNEL);
		}

	pool = dma_pool_create("ttusbir", hcdev, 512, 0, 0);
	alloc_bulk_dma_coherent_noflag(hcdev, env->udev, usb_alloc_urb(0, GFP_KERNEL), 512);
	alloc_bulk_dma_pool_noflag(pool, env->udev, usb_alloc_urb(0, GFP_KERNEL), 512);
	alloc_bulk_dma_pool(pool, env->udev, usb_alloc_urb(0, GFP_KERNEL), 512);
	alloc_bulk_dma_coherent(hcdev, env->udev, usb_alloc_urb(0, GFP_KERNEL), 512);
}
