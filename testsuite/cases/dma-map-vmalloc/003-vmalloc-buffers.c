/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic, in the shapes of drivers that keep big frame or ring buffers in vmalloc memory (the camera drivers of drivers/media/usb keep their frames there and copy in the completion); each sink of rules/dma-apis.def once: an URB's buffer, urb->transfer_buffer, dma_map_single(), sg_init_one(), a driver's struct member */
/* what: vzalloc()/vmalloc()/vmalloc_user() memory handed to usb_fill_bulk_urb(), stored in urb->transfer_buffer, mapped with dma_map_single() or put in a scatterlist warns, also from a member of the driver's struct; kmalloc() memory and a memcpy() out of the vmalloc buffer stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <dmacheck-case.h>

#define FRAME_SIZE	4096

struct cam {
	struct usb_device *udev;
	struct urb *urb;
	u8 *frame;		/* vzalloc()ed in probe */
	u8 *xfer;		/* kmalloc()ed in probe */
};

static void cam_complete(struct urb *urb)
{
	struct cam *cam = urb->context;

	memcpy(cam->frame, urb->transfer_buffer, urb->actual_length);
}

/* probe: the frame itself as the transfer buffer */
int cam_probe_bad(struct cam *cam)
{
	cam->frame = vzalloc(FRAME_SIZE);
	if (!cam->frame)
		return -ENOMEM;
	usb_fill_bulk_urb(cam->urb, cam->udev, usb_rcvbulkpipe(cam->udev, 2), cam->frame,
			  FRAME_SIZE, cam_complete, cam); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	return usb_submit_urb(cam->urb, GFP_KERNEL);
}

/* 6.1 shape: a kmalloc()ed transfer buffer, copied into the frame on completion */
int cam_probe(struct cam *cam)
{
	cam->frame = vzalloc(FRAME_SIZE);
	cam->xfer = kmalloc(FRAME_SIZE, GFP_KERNEL);
	if (!cam->frame || !cam->xfer)
		return -ENOMEM;
	usb_fill_bulk_urb(cam->urb, cam->udev, usb_rcvbulkpipe(cam->udev, 2), cam->xfer,
			  FRAME_SIZE, cam_complete, cam); /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(cam->urb, GFP_KERNEL);
}

/* the buffer stored by hand */
int cam_restart(struct cam *cam, struct urb *urb)
{
	u8 *buf = vmalloc(FRAME_SIZE);

	if (!buf)
		return -ENOMEM;
	urb->dev = cam->udev;
	urb->pipe = usb_rcvbulkpipe(cam->udev, 2);
	urb->transfer_buffer = buf; /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	urb->transfer_buffer_length = FRAME_SIZE;
	urb->complete = cam_complete;
	urb->context = cam;
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* a platform device's streaming mapping and a scatterlist */
int ring_map(struct device *dev, struct scatterlist *sg)
{
	void *ring = vmalloc_user(FRAME_SIZE);
	void *ok = kzalloc(FRAME_SIZE, GFP_KERNEL);
	dma_addr_t a, b;

	if (!ring || !ok)
		return -ENOMEM;
	a = dma_map_single(dev, ring, FRAME_SIZE, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	if (dma_mapping_error(dev, a))
		a = 0;
	b = dma_map_single(dev, ok, FRAME_SIZE, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(dev, b))
		return -ENOMEM;
	dma_unmap_single(dev, b, FRAME_SIZE, DMA_TO_DEVICE);
	sg_init_one(sg, ring, FRAME_SIZE); /* { dg-warning "dmacheck-dma-map-vmalloc" } { core-differs "all" "sg_init_one() only records virt_to_page(): the device sees the wrong page only when the list is mapped (the case does not map it)" } */
	return a ? 0 : -EIO;
}

/* oracle: both probes, a hand-filled URB; the mapping on the platform device */
void case_run(struct case_env *env)
{
	struct cam *cam = kzalloc(sizeof(*cam), GFP_KERNEL);
	struct scatterlist *sg = kzalloc(sizeof(*sg), GFP_KERNEL);

	cam->udev = env->udev;
	cam->urb = usb_alloc_urb(0, GFP_KERNEL);
	cam_probe_bad(cam);
	usb_kill_urb(cam->urb);
	cam_probe(cam);
	cam_restart(cam, usb_alloc_urb(0, GFP_KERNEL));
	ring_map(&env->pdev->dev, sg);
}
