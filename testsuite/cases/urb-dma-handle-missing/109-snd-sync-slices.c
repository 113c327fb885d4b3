/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from sound/usb/endpoint.c (6.1) snd_usb_endpoint_set_params()/sync_ep_set_params(): one usb_alloc_coherent() sync buffer sliced among the URBs, each URB given syncbuf + i * 4 and sync_dma + i * 4; the loop without the handle store is a synthetic bug */
/* what: URBs in a loop over slices of one coherent buffer: storing sync_dma + offset stays silent; the loop that only sets the flag warns at its flag line */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define SYNC_URBS	2
#define SYNC_LEN	4

struct snd_urb_ctx {
	struct urb *urb;
};

struct snd_usb_endpoint {
	struct usb_device *udev;
	unsigned int pipe;
	unsigned int nurbs;
	u8 *syncbuf;
	dma_addr_t sync_dma;
	struct snd_urb_ctx urb[SYNC_URBS];
};

static void snd_complete_urb(struct urb *urb)
{
}

static int sync_alloc(struct snd_usb_endpoint *ep)
{
	unsigned int i;

	ep->syncbuf = usb_alloc_coherent(ep->udev, SYNC_URBS * SYNC_LEN, GFP_KERNEL, &ep->sync_dma);
	if (!ep->syncbuf)
		return -ENOMEM;
	ep->nurbs = SYNC_URBS;
	for (i = 0; i < SYNC_URBS; i++) {
		ep->urb[i].urb = usb_alloc_urb(1, GFP_KERNEL);
		if (!ep->urb[i].urb)
			return -ENOMEM;
	}
	return 0;
}

int sync_ep_set_params(struct snd_usb_endpoint *ep)
{
	unsigned int i;

	if (sync_alloc(ep))
		return -ENOMEM;
	for (i = 0; i < SYNC_URBS; i++) {
		struct snd_urb_ctx *u = &ep->urb[i];

		u->urb->transfer_buffer = ep->syncbuf + i * SYNC_LEN;
		u->urb->transfer_dma = ep->sync_dma + i * SYNC_LEN;
		u->urb->transfer_buffer_length = SYNC_LEN;
		u->urb->pipe = ep->pipe;
		u->urb->transfer_flags = URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
		u->urb->number_of_packets = 1;
		u->urb->interval = 1;
		u->urb->context = u;
		u->urb->complete = snd_complete_urb;
		u->urb->dev = ep->udev;
	}
	return 0;
}

int sync_ep_set_params_nodma(struct snd_usb_endpoint *ep)
{
	unsigned int i;

	if (sync_alloc(ep))
		return -ENOMEM;
	for (i = 0; i < SYNC_URBS; i++) {
		struct snd_urb_ctx *u = &ep->urb[i];

		u->urb->transfer_buffer = ep->syncbuf + i * SYNC_LEN;
		u->urb->transfer_buffer_length = SYNC_LEN;
		u->urb->pipe = ep->pipe;
		u->urb->transfer_flags = URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
		u->urb->number_of_packets = 1;
		u->urb->interval = 1;
		u->urb->context = u;
		u->urb->complete = snd_complete_urb;
		u->urb->dev = ep->udev;
	}
	return 0;
}

static void start_sync_urbs(struct snd_usb_endpoint *ep)
{
	unsigned int i;

	for (i = 0; i < ep->nurbs; i++) {
		ep->urb[i].urb->iso_frame_desc[0].offset = 0;
		ep->urb[i].urb->iso_frame_desc[0].length = SYNC_LEN;
		usb_submit_urb(ep->urb[i].urb, GFP_ATOMIC);
	}
}

/* oracle: each endpoint set up on an isochronous IN sync pipe (0x85) and started */
void case_run(struct case_env *env)
{
	struct snd_usb_endpoint *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct snd_usb_endpoint *b = kzalloc(sizeof(*b), GFP_KERNEL);

	a->udev = env->udev;
	a->pipe = usb_rcvisocpipe(env->udev, 5);
	b->udev = env->udev;
	b->pipe = usb_rcvisocpipe(env->udev, 5);
	if (sync_ep_set_params(a) == 0)
		start_sync_urbs(a);
	if (sync_ep_set_params_nodma(b) == 0)
		start_sync_urbs(b);
}
