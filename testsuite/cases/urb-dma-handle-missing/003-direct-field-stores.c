/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic, with the hand-built isochronous URB layout of drivers/media/usb/pwc/pwc-if.c pwc_isoc_init() (6.1) */
/* what: a hand-built URB (no usb_fill_*_urb) whose transfer_buffer is stored from kmalloc() and whose flags are "=" with the flag warns; with the handle stored as pwc does it is silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define ISO_FRAMES_PER_DESC	10
#define ISO_MAX_FRAME_SIZE	960
#define ISO_BUFFER_SIZE		(ISO_FRAMES_PER_DESC * ISO_MAX_FRAME_SIZE)

static void pwc_isoc_handler(struct urb *urb)
{
}

static void *pwc_alloc_urb_buffer(struct usb_device *dev,
				  size_t size, dma_addr_t *dma_handle)
{
	return usb_alloc_coherent(dev, size, GFP_KERNEL, dma_handle);
}

int iso_init_kmalloc(struct urb *urb, struct usb_device *udev, int vendpoint)
{
	int j;

	urb->interval = 1;
	urb->dev = udev;
	urb->pipe = usb_rcvisocpipe(udev, vendpoint);
	urb->transfer_flags = URB_ISO_ASAP | URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	urb->transfer_buffer_length = ISO_BUFFER_SIZE;
	urb->transfer_buffer = kmalloc(ISO_BUFFER_SIZE, GFP_KERNEL);
	if (urb->transfer_buffer == NULL)
		return -ENOMEM;
	urb->complete = pwc_isoc_handler;
	urb->start_frame = 0;
	urb->number_of_packets = ISO_FRAMES_PER_DESC;
	for (j = 0; j < ISO_FRAMES_PER_DESC; j++) {
		urb->iso_frame_desc[j].offset = j * ISO_MAX_FRAME_SIZE;
		urb->iso_frame_desc[j].length = ISO_MAX_FRAME_SIZE;
	}
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* 6.1 pwc_isoc_init(): the handle goes through a same-file helper */
int iso_init_coherent(struct urb *urb, struct usb_device *udev, int vendpoint)
{
	int j;

	urb->interval = 1; // devik
	urb->dev = udev;
	urb->pipe = usb_rcvisocpipe(udev, vendpoint);
	urb->transfer_flags = URB_ISO_ASAP | URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	urb->transfer_buffer_length = ISO_BUFFER_SIZE;
	urb->transfer_buffer = pwc_alloc_urb_buffer(udev,
						    urb->transfer_buffer_length,
						    &urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	if (urb->transfer_buffer == NULL)
		return -ENOMEM;
	urb->complete = pwc_isoc_handler;
	urb->start_frame = 0;
	urb->number_of_packets = ISO_FRAMES_PER_DESC;
	for (j = 0; j < ISO_FRAMES_PER_DESC; j++) {
		urb->iso_frame_desc[j].offset = j * ISO_MAX_FRAME_SIZE;
		urb->iso_frame_desc[j].length = ISO_MAX_FRAME_SIZE;
	}
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: both variants on an iso IN endpoint 0x84, each on a fresh URB with ISO_FRAMES_PER_DESC packets */
void case_run(struct case_env *env)
{
	iso_init_kmalloc(usb_alloc_urb(ISO_FRAMES_PER_DESC, GFP_KERNEL), env->udev, 4);
	iso_init_coherent(usb_alloc_urb(ISO_FRAMES_PER_DESC, GFP_KERNEL), env->udev, 4);
}
