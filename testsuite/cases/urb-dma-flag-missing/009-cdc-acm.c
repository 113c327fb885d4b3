/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc cocci sparse */
/* origin: reduced from drivers/usb/class/cdc-acm.c acm_probe() and acm_start_wb() (6.1): real, correct code */
/* what: read URBs get flag, handle and coherent buffer in probe; write URBs get the flag in probe and buffer plus handle per transfer in acm_start_wb(), which never touches the flags: all silent */
#include <linux/usb.h>
#include <linux/slab.h>

#define ACM_NW	16
#define ACM_NR	16
#define SEND_ZERO_PACKET	BIT(6)

struct acm;

struct acm_wb {
	u8 *buf;
	dma_addr_t dmah;
	unsigned int len;
	struct urb		*urb;
	struct acm		*instance;
	int use;
};

struct acm_rb {
	int			size;
	unsigned char		*base;
	dma_addr_t		dma;
	int			index;
	struct acm		*instance;
};

struct acm {
	struct usb_device *dev;				/* the corresponding usb device */
	unsigned int in, out;				/* i/o pipes */
	struct acm_wb wb[ACM_NW];
	struct acm_rb read_buffers[ACM_NR];
	struct urb *read_urbs[ACM_NR];
	int rx_buflimit;
	int transmitting;
	unsigned int writesize;				/* max packet size for the output bulk endpoint */
	unsigned int readsize;				/* buffer sizes for freeing */
};

static void acm_read_bulk_callback(struct urb *urb)
{
}

static void acm_write_bulk(struct urb *urb)
{
}

int acm_alloc_read_urbs(struct acm *acm, struct usb_endpoint_descriptor *epread)
{
	int i;

	for (i = 0; i < acm->rx_buflimit; i++) {
		struct acm_rb *rb = &(acm->read_buffers[i]);
		struct urb *urb;

		rb->base = usb_alloc_coherent(acm->dev, acm->readsize, GFP_KERNEL,
								&rb->dma);
		if (!rb->base)
			return -ENOMEM;
		rb->index = i;
		rb->instance = acm;

		urb = usb_alloc_urb(0, GFP_KERNEL);
		if (!urb)
			return -ENOMEM;

		urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
		urb->transfer_dma = rb->dma; /* { dg-bogus "dmacheck" } */
		if (usb_endpoint_xfer_int(epread))
			usb_fill_int_urb(urb, acm->dev, acm->in, rb->base,
					 acm->readsize,
					 acm_read_bulk_callback, rb,
					 epread->bInterval);
		else
			usb_fill_bulk_urb(urb, acm->dev, acm->in, rb->base,
					  acm->readsize,
					  acm_read_bulk_callback, rb);

		acm->read_urbs[i] = urb;
	}
	return 0;
}

int acm_alloc_write_urbs(struct acm *acm, struct usb_endpoint_descriptor *epwrite,
			 unsigned long quirks)
{
	int i;

	for (i = 0; i < ACM_NW; i++) {
		struct acm_wb *snd = &(acm->wb[i]);

		snd->urb = usb_alloc_urb(0, GFP_KERNEL);
		if (!snd->urb)
			return -ENOMEM;

		if (usb_endpoint_xfer_int(epwrite))
			usb_fill_int_urb(snd->urb, acm->dev, acm->out,
				NULL, acm->writesize, acm_write_bulk, snd, epwrite->bInterval);
		else
			usb_fill_bulk_urb(snd->urb, acm->dev, acm->out,
				NULL, acm->writesize, acm_write_bulk, snd);
		snd->urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
		if (quirks & SEND_ZERO_PACKET)
			snd->urb->transfer_flags |= URB_ZERO_PACKET;
		snd->instance = acm;
	}
	return 0;
}

int acm_start_wb(struct acm *acm, struct acm_wb *wb)
{
	acm->transmitting++;

	wb->urb->transfer_buffer = wb->buf;
	wb->urb->transfer_dma = wb->dmah; /* { dg-bogus "dmacheck" } */
	wb->urb->transfer_buffer_length = wb->len;
	wb->urb->dev = acm->dev;

	return usb_submit_urb(wb->urb, GFP_ATOMIC);
}
