/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, shaped after URB pools over one coherent block set up in separate loops (sound/usb/endpoint.c sync URBs, drivers/media/usb/uvc's per-URB buffers, 6.1) and bulk drivers that send a zero-length terminator on a spare URB (drivers/net/usb, usb-serial); the pool that never stores a handle is the bug put in */
/* what: URB elements urbs[i] given their handles in one loop and the flag in another stay silent (the element paths of the two loops are not one URB's paths); a pool that sets the flag and stores no handle for any element warns; a zero-length URB submitted with a handle and no flag stays silent (nothing is mapped) */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define VND_NURBS	4
#define VND_SLICE	64

struct vnd_pool {
	struct usb_device *udev;
	struct urb *urbs[VND_NURBS];
	u8 *block;
	dma_addr_t block_dma;
	struct urb *zlp;
};

static void vnd_pool_done(struct urb *urb)
{
}

static int vnd_pool_alloc(struct vnd_pool *p)
{
	int i;

	for (i = 0; i < VND_NURBS; i++) {
		p->urbs[i] = usb_alloc_urb(0, GFP_KERNEL);
		if (!p->urbs[i])
			return -ENOMEM;
	}
	p->zlp = usb_alloc_urb(0, GFP_KERNEL);
	p->block = usb_alloc_coherent(p->udev, VND_NURBS * VND_SLICE, GFP_KERNEL, &p->block_dma);
	return p->block && p->zlp ? 0 : -ENOMEM;
}

int vnd_pool_start(struct vnd_pool *p)
{
	int i, ret;

	if (vnd_pool_alloc(p))
		return -ENOMEM;
	for (i = 0; i < VND_NURBS; i++) {
		usb_fill_bulk_urb(p->urbs[i], p->udev, usb_rcvbulkpipe(p->udev, 0x82),
				  p->block + i * VND_SLICE, VND_SLICE, vnd_pool_done, p);
		p->urbs[i]->transfer_dma = p->block_dma + i * VND_SLICE;
	}
	for (i = 0; i < VND_NURBS; i++)
		p->urbs[i]->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	for (i = 0; i < VND_NURBS; i++) {
		ret = usb_submit_urb(p->urbs[i], GFP_KERNEL);
		if (ret)
			return ret;
	}
	return 0;
}

int vnd_pool_start_nohandle(struct vnd_pool *p)
{
	int i, ret;

	if (vnd_pool_alloc(p))
		return -ENOMEM;
	for (i = 0; i < VND_NURBS; i++) {
		usb_fill_bulk_urb(p->urbs[i], p->udev, usb_rcvbulkpipe(p->udev, 0x82),
				  p->block + i * VND_SLICE, VND_SLICE, vnd_pool_done, p);
		p->urbs[i]->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	}
	for (i = 0; i < VND_NURBS; i++) {
		ret = usb_submit_urb(p->urbs[i], GFP_KERNEL);
		if (ret)
			return ret;
	}
	return 0;
}

int vnd_send_zlp(struct vnd_pool *p)
{
	usb_fill_bulk_urb(p->zlp, p->udev, usb_sndbulkpipe(p->udev, 0x02), p->block, 0,
			  vnd_pool_done, p);
	p->zlp->transfer_dma = p->block_dma; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(p->zlp, GFP_KERNEL);
}

/* oracle: the pool started (each URB killed afterwards), the pool without handles, then a
 * zero-length terminator */
void case_run(struct case_env *env)
{
	struct vnd_pool *p = kzalloc(sizeof(*p), GFP_KERNEL);
	int i;

	p->udev = env->udev;
	vnd_pool_start(p);
	for (i = 0; i < VND_NURBS; i++)
		usb_kill_urb(p->urbs[i]);
	vnd_pool_start_nohandle(p);
	vnd_send_zlp(p);
}
