/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/usb/class/cdc-acm.c acm_probe() and acm_start_wb() (6.1): real, correct code */
/* what: read URBs get flag, handle and coherent buffer in probe; write URBs get the flag in probe and buffer plus handle per transfer in acm_start_wb(), which never touches the flags: all silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

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

/* acm_write_buffers_alloc() (6.1) */
static int acm_write_buffers_alloc(struct acm *acm)
{
	int i;
	struct acm_wb *wb;

	for (wb = &acm->wb[0], i = 0; i < ACM_NW; i++, wb++) {
		wb->buf = usb_alloc_coherent(acm->dev, acm->writesize, GFP_KERNEL,
		    &wb->dmah);
		if (!wb->buf)
			return -ENOMEM;
	}
	return 0;
}

/* oracle: probe on bulk 0x82/0x02 (read URBs, write buffers, write URBs), open (submit the read URBs),
 * then a 16-byte write through acm_start_wb() */
void case_run(struct case_env *env)
{
	struct usb_host_interface *alt = env->intf->cur_altsetting;
	struct acm *acm = kzalloc(sizeof(*acm), GFP_KERNEL);
	int i;

	acm->dev = env->udev;
	acm->in = usb_rcvbulkpipe(acm->dev, 2);
	acm->out = usb_sndbulkpipe(acm->dev, 2);
	acm->rx_buflimit = 2;
	acm->readsize = 512;
	acm->writesize = 512;
	if (acm_write_buffers_alloc(acm))
		return;
	if (acm_alloc_read_urbs(acm, &alt->endpoint[1].desc))
		return;
	if (acm_alloc_write_urbs(acm, &alt->endpoint[2].desc, 0))
		return;
	for (i = 0; i < acm->rx_buflimit; i++)
		usb_submit_urb(acm->read_urbs[i], GFP_KERNEL);

	acm->wb[0].use = 1;
	acm->wb[0].len = 16;
	acm_start_wb(acm, &acm->wb[0]);
}
