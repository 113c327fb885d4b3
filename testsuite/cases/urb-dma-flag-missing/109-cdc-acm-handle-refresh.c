/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/usb/class/cdc-acm.c (6.1) acm_write_buffers_alloc(), acm_probe()'s write URB set-up and acm_start_wb(); the second driver (xcm), whose probe lacks the flag, is a synthetic bug */
/* what: the write path refreshes transfer_dma of an URB filled at probe: silent in cdc-acm, whose probe sets URB_NO_TRANSFER_DMA_MAP on every write URB; a warning at the refresh in a driver whose probe never sets it on those URBs */
/* known-to-fail: gcc a function that only refreshes transfer_dma of an URB filled elsewhere is not judged; whether the URB's flag was ever set in the file is not known there */
/* known-to-fail: sparse a function that only refreshes transfer_dma of an URB filled elsewhere is not judged; whether the URB's flag was ever set in the file is not known there */
/* known-to-fail: cocci a function that only refreshes transfer_dma of an URB filled elsewhere is not judged; whether the URB's flag was ever set in the file is not known there */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define ACM_NW	2
#define WB_SIZE	64

struct acm_wb {
	u8 *buf;
	dma_addr_t dmah;
	unsigned int len;
	struct urb *urb;
};

struct acm {
	struct usb_device *dev;
	unsigned int out_pipe;
	struct acm_wb wb[ACM_NW];
};

struct xcm_wb {
	u8 *buf;
	dma_addr_t dmah;
	unsigned int len;
	struct urb *urb;
};

struct xcm {
	struct usb_device *dev;
	unsigned int out_pipe;
	struct xcm_wb wb[ACM_NW];
};

static void write_bulk(struct urb *urb)
{
}

int acm_probe_writes(struct acm *acm)
{
	int i;

	for (i = 0; i < ACM_NW; i++) {
		struct acm_wb *snd = &acm->wb[i];

		snd->buf = usb_alloc_coherent(acm->dev, WB_SIZE, GFP_KERNEL, &snd->dmah);
		snd->urb = usb_alloc_urb(0, GFP_KERNEL);
		if (!snd->buf || !snd->urb)
			return -ENOMEM;
		usb_fill_bulk_urb(snd->urb, acm->dev, acm->out_pipe, NULL, WB_SIZE,
				  write_bulk, snd);
		snd->urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	}
	return 0;
}

int acm_start_wb(struct acm *acm, struct acm_wb *wb)
{
	wb->urb->transfer_buffer = wb->buf;
	wb->urb->transfer_dma = wb->dmah; /* { dg-bogus "dmacheck" } */
	wb->urb->transfer_buffer_length = wb->len;
	wb->urb->dev = acm->dev;
	return usb_submit_urb(wb->urb, GFP_ATOMIC);
}

int xcm_probe_writes(struct xcm *xcm)
{
	int i;

	for (i = 0; i < ACM_NW; i++) {
		struct xcm_wb *snd = &xcm->wb[i];

		snd->buf = usb_alloc_coherent(xcm->dev, WB_SIZE, GFP_KERNEL, &snd->dmah);
		snd->urb = usb_alloc_urb(0, GFP_KERNEL);
		if (!snd->buf || !snd->urb)
			return -ENOMEM;
		usb_fill_bulk_urb(snd->urb, xcm->dev, xcm->out_pipe, NULL, WB_SIZE,
				  write_bulk, snd);
	}
	return 0;
}

int xcm_start_wb(struct xcm *xcm, struct xcm_wb *wb)
{
	wb->urb->transfer_buffer = wb->buf;
	wb->urb->transfer_dma = wb->dmah; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	wb->urb->transfer_buffer_length = wb->len;
	wb->urb->dev = xcm->dev;
	return usb_submit_urb(wb->urb, GFP_ATOMIC);
}

/* oracle: each driver's probe and one write (bulk OUT 0x02) */
void case_run(struct case_env *env)
{
	struct acm *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct xcm *x = kzalloc(sizeof(*x), GFP_KERNEL);

	a->dev = env->udev;
	a->out_pipe = usb_sndbulkpipe(env->udev, 2);
	x->dev = env->udev;
	x->out_pipe = usb_sndbulkpipe(env->udev, 2);
	if (acm_probe_writes(a) == 0) {
		a->wb[0].len = 16;
		acm_start_wb(a, &a->wb[0]);
	}
	if (xcm_probe_writes(x) == 0) {
		x->wb[0].len = 16;
		xcm_start_wb(x, &x->wb[0]);
	}
}
