/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after drivers/media/usb/dvb-usb/usb-urb.c (6.1) usb_alloc_stream_buffers()/usb_bulk_urb_init() with URBs kept in an array indexed by constants (a two-URB ping-pong stream); the missing store for the second URB is the bug */
/* what: an array of URBs with constant indices: urbs[0] gets its handle, urbs[1] only the flag: the flag line of urbs[1] warns, that of urbs[0] stays silent */
/* known-to-fail: gcc the buffers are coherent, so the rule (which asks for a non-coherent transfer buffer) stays silent; whether urbs[1]'s own transfer_dma was stored is not asked */
/* known-to-fail: sparse the buffers are coherent, so the rule (which asks for a non-coherent transfer buffer) stays silent; whether urbs[1]'s own transfer_dma was stored is not asked */
/* known-to-fail: cocci the buffers are coherent, so the rule (which asks for a non-coherent transfer buffer) stays silent; whether urbs[1]'s own transfer_dma was stored is not asked */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define PP_LEN	512

struct pingpong {
	struct usb_device *udev;
	struct urb *urbs[2];
	u8 *buf[2];
	dma_addr_t dma[2];
};

static void pp_done(struct urb *urb)
{
}

int pp_init(struct pingpong *pp)
{
	int i;

	for (i = 0; i < 2; i++) {
		pp->urbs[i] = usb_alloc_urb(0, GFP_KERNEL);
		pp->buf[i] = usb_alloc_coherent(pp->udev, PP_LEN, GFP_KERNEL, &pp->dma[i]);
		if (!pp->urbs[i] || !pp->buf[i])
			return -ENOMEM;
		usb_fill_bulk_urb(pp->urbs[i], pp->udev, usb_rcvbulkpipe(pp->udev, 2),
				  pp->buf[i], PP_LEN, pp_done, pp);
	}
	pp->urbs[0]->transfer_dma = pp->dma[0];
	pp->urbs[0]->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	pp->urbs[1]->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return 0;
}

/* oracle: init, then start streaming (both URBs on bulk IN 0x82) */
void case_run(struct case_env *env)
{
	struct pingpong *pp = kzalloc(sizeof(*pp), GFP_KERNEL);

	pp->udev = env->udev;
	if (pp_init(pp))
		return;
	usb_submit_urb(pp->urbs[0], GFP_KERNEL);
	usb_submit_urb(pp->urbs[1], GFP_KERNEL);
}
