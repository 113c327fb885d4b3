/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a capture driver that allocates one large coherent ring on the host controller's device with dma_alloc_coherent(udev->bus->sysdev, ...) and slices it among URBs, as drivers/media/usb drivers with big isochronous rings considered) */
/* what: the ring's handle is kept in the driver struct; the URB over the ring gets the flag but its transfer_dma is never stored: the flag line warns; the function that stores ring_dma + offset stays silent */
/* known-to-fail: gcc the transfer buffer is a slice of dma_alloc_coherent() memory kept in the driver struct; the rule asks for a non-coherent buffer and not whether the URB's transfer_dma was stored */
/* known-to-fail: sparse the transfer buffer is a slice of dma_alloc_coherent() memory kept in the driver struct; the rule asks for a non-coherent buffer and not whether the URB's transfer_dma was stored */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

#define SLICE	512
#define NSLICE	2

struct ring {
	struct usb_device *udev;
	u8 *cpu;
	dma_addr_t ring_dma;
};

static void slice_done(struct urb *urb)
{
}

int ring_alloc(struct ring *r)
{
	r->cpu = dma_alloc_coherent(r->udev->bus->sysdev, SLICE * NSLICE, &r->ring_dma, GFP_KERNEL);
	return r->cpu ? 0 : -ENOMEM;
}

int ring_submit_slice(struct ring *r, struct urb *urb, int i)
{
	usb_fill_bulk_urb(urb, r->udev, usb_rcvbulkpipe(r->udev, 2), r->cpu + i * SLICE, SLICE,
			  slice_done, r);
	urb->transfer_dma = r->ring_dma + i * SLICE;
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int ring_submit_slice_nodma(struct ring *r, struct urb *urb, int i)
{
	usb_fill_bulk_urb(urb, r->udev, usb_rcvbulkpipe(r->udev, 2), r->cpu + i * SLICE, SLICE,
			  slice_done, r);
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: allocate the ring, submit slice 0 with its handle and slice 1 without, on bulk IN 0x82 */
void case_run(struct case_env *env)
{
	struct ring *r = kzalloc(sizeof(*r), GFP_KERNEL);

	r->udev = env->udev;
	if (ring_alloc(r))
		return;
	ring_submit_slice(r, usb_alloc_urb(0, GFP_KERNEL), 0);
	ring_submit_slice_nodma(r, usb_alloc_urb(0, GFP_KERNEL), 1);
}
