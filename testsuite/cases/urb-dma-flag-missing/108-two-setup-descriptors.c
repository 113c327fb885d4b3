/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a probe that describes its two interrupt pipes with two locals of one struct type and lets one helper fill each URB, in the way drivers/input and drivers/hid vendor drivers table their endpoints) */
/* what: two locals of one struct type carry the URB, buffer, handle and extra flags; the helper stores the handle and ORs the given flags: the descriptor without URB_NO_TRANSFER_DMA_MAP warns at its call, the one with it stays silent */
/* known-to-fail: gcc the URB, its handle and its flags travel in members of a local struct passed by pointer to a fill helper; neither the helper's stores nor the two locals are told apart */
/* known-to-fail: sparse the URB, its handle and its flags travel in members of a local struct passed by pointer to a fill helper; neither the helper's stores nor the two locals are told apart */
/* known-to-fail: cocci the URB, its handle and its flags travel in members of a local struct passed by pointer to a fill helper; neither the helper's stores nor the two locals are told apart */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define EP_LEN	8

struct ep_setup {
	struct urb *urb;
	unsigned int pipe;
	void *buf;
	dma_addr_t dma;
	unsigned int flags;
};

static void ep_done(struct urb *urb)
{
}

static void ep_fill(struct usb_device *udev, const struct ep_setup *s)
{
	usb_fill_int_urb(s->urb, udev, s->pipe, s->buf, EP_LEN, ep_done, NULL, 10);
	s->urb->transfer_dma = s->dma;
	s->urb->transfer_flags |= s->flags;
}

int two_pipes_probe(struct usb_device *udev, struct urb *in_urb, struct urb *out_urb)
{
	struct ep_setup in, out;

	in.urb = in_urb;
	in.pipe = usb_rcvintpipe(udev, 1);
	in.buf = usb_alloc_coherent(udev, EP_LEN, GFP_KERNEL, &in.dma);
	in.flags = URB_NO_TRANSFER_DMA_MAP;

	out.urb = out_urb;
	out.pipe = usb_sndintpipe(udev, 3);
	out.buf = usb_alloc_coherent(udev, EP_LEN, GFP_KERNEL, &out.dma);
	out.flags = 0;

	if (!in.buf || !out.buf)
		return -ENOMEM;
	ep_fill(udev, &in); /* { dg-bogus "dmacheck" } */
	ep_fill(udev, &out); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	if (usb_submit_urb(in.urb, GFP_KERNEL))
		return -EIO;
	return usb_submit_urb(out.urb, GFP_KERNEL);
}

/* oracle: probe with two fresh URBs (interrupt IN 0x81, interrupt OUT 0x03) */
void case_run(struct case_env *env)
{
	two_pipes_probe(env->udev, usb_alloc_urb(0, GFP_KERNEL), usb_alloc_urb(0, GFP_KERNEL));
}
