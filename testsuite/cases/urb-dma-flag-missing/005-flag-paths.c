/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic */
/* what: which flag operations count: cleared, set on another URB, only a different flag -> warning; set on some path, set before the handle, set with "=" of several constants -> silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

static void done(struct urb *urb)
{
}

int flag_cleared(struct urb *urb, struct usb_device *udev, void *buf, dma_addr_t dma, int len)
{
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, len, done, NULL);
	urb->transfer_dma = dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	urb->transfer_flags &= ~URB_NO_TRANSFER_DMA_MAP;
	return usb_submit_urb(urb, GFP_KERNEL);
}

int flag_on_other_urb(struct urb *in, struct urb *out, struct usb_device *udev,
		      void *inbuf, dma_addr_t indma, void *outbuf, dma_addr_t outdma)
{
	int ret;

	usb_fill_bulk_urb(in, udev, usb_rcvbulkpipe(udev, 2), inbuf, 64, done, NULL);
	in->transfer_dma = indma; /* { dg-bogus "dmacheck" } */
	in->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	usb_fill_bulk_urb(out, udev, usb_sndbulkpipe(udev, 2), outbuf, 64, done, NULL);
	out->transfer_dma = outdma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	ret = usb_submit_urb(in, GFP_KERNEL);
	if (ret)
		return ret;
	return usb_submit_urb(out, GFP_KERNEL);
}

int other_flags_only(struct urb *urb, struct usb_device *udev, void *buf, dma_addr_t dma)
{
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, 512, done, NULL);
	urb->transfer_flags |= URB_ZERO_PACKET | URB_SHORT_NOT_OK;
	urb->transfer_dma = dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int handle_on_one_path(struct urb *urb, struct usb_device *udev, void *buf,
		       dma_addr_t dma, bool coherent)
{
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, 512, done, NULL);
	if (coherent)
		urb->transfer_dma = dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int flag_on_one_path(struct urb *urb, struct usb_device *udev, void *buf,
		     dma_addr_t dma, bool coherent)
{
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, 512, done, NULL);
	urb->transfer_dma = dma; /* { dg-bogus "dmacheck" } */
	if (coherent)
		urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return usb_submit_urb(urb, GFP_KERNEL);
}

int flag_first(struct urb *urb, struct usb_device *udev, void *buf, dma_addr_t dma)
{
	urb->transfer_flags = URB_ZERO_PACKET | URB_NO_TRANSFER_DMA_MAP | URB_SHORT_NOT_OK;
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, 2), buf, 512, done, NULL);
	urb->transfer_dma = dma; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

void reads_and_frees(struct urb *urb, struct usb_device *udev, dma_addr_t *out)
{
	*out = urb->transfer_dma; /* { dg-bogus "dmacheck" } */
	usb_free_coherent(udev, urb->transfer_buffer_length, urb->transfer_buffer,
			  urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	urb->setup_dma = 0; /* { dg-bogus "dmacheck" } */
}

struct coh_buf {
	void *buf;
	dma_addr_t dma;
};

static struct coh_buf *coh_alloc(struct usb_device *udev, size_t len)
{
	struct coh_buf *b = kzalloc(sizeof(*b), GFP_KERNEL);

	b->buf = usb_alloc_coherent(udev, len, GFP_KERNEL, &b->dma);
	return b;
}

/* oracle: each function once with usb_alloc_coherent() buffers on fresh URBs (bulk 0x82/0x02); the
 * path functions with coherent=true, handle_on_one_path also with a kmalloc buffer; then kill
 * flag_first's URB and call reads_and_frees() on it */
void case_run(struct case_env *env)
{
	struct usb_device *udev = env->udev;
	struct coh_buf *a, *b;
	struct urb *urb;
	dma_addr_t *out = kzalloc(sizeof(*out), GFP_KERNEL);

	a = coh_alloc(udev, 512);
	flag_cleared(usb_alloc_urb(0, GFP_KERNEL), udev, a->buf, a->dma, 512);

	a = coh_alloc(udev, 64);
	b = coh_alloc(udev, 64);
	flag_on_other_urb(usb_alloc_urb(0, GFP_KERNEL), usb_alloc_urb(0, GFP_KERNEL), udev,
			  a->buf, a->dma, b->buf, b->dma);

	a = coh_alloc(udev, 512);
	other_flags_only(usb_alloc_urb(0, GFP_KERNEL), udev, a->buf, a->dma);

	a = coh_alloc(udev, 512);
	handle_on_one_path(usb_alloc_urb(0, GFP_KERNEL), udev, a->buf, a->dma, true);
	handle_on_one_path(usb_alloc_urb(0, GFP_KERNEL), udev, kmalloc(512, GFP_KERNEL), 0, false);

	a = coh_alloc(udev, 512);
	flag_on_one_path(usb_alloc_urb(0, GFP_KERNEL), udev, a->buf, a->dma, true);

	a = coh_alloc(udev, 512);
	urb = usb_alloc_urb(0, GFP_KERNEL);
	flag_first(urb, udev, a->buf, a->dma);
	usb_kill_urb(urb);
	reads_and_frees(urb, udev, out);
}
