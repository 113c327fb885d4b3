/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/input/misc/powermate.c powermate_probe(), drivers/input/misc/cm109.c cm109_usb_probe(), drivers/media/usb/dvb-usb/usb-urb.c usb_bulk_urb_init() and drivers/media/rc/ttusbir.c ttusbir_probe() (6.1) */
/* what: correct users of URB_NO_TRANSFER_DMA_MAP (coherent buffer and handle in the function, or buffer and handle from the driver struct) stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

#define POWERMATE_PAYLOAD_SIZE_MAX 6

struct powermate_device {
	signed char *data;
	dma_addr_t data_dma;
	struct urb *irq, *config;
	struct usb_ctrlrequest *configcr;
	struct usb_device *udev;
};

struct usb_data_stream {
	struct usb_device *udev;
	int endpoint;
	int count;
	int buffersize;
	struct urb *urb_list[10];
	u8 *buf_list[10];
	dma_addr_t dma_addr[10];
};

static void powermate_irq(struct urb *urb)
{
}

int powermate_setup_irq(struct powermate_device *pm, struct usb_device *udev,
			struct usb_endpoint_descriptor *endpoint)
{
	int pipe, maxp;

	pm->data = usb_alloc_coherent(udev, POWERMATE_PAYLOAD_SIZE_MAX,
				      GFP_KERNEL, &pm->data_dma);
	if (!pm->data)
		return -1;

	pm->irq = usb_alloc_urb(0, GFP_KERNEL);
	if (!pm->irq)
		return -ENOMEM;

	pipe = usb_rcvintpipe(udev, endpoint->bEndpointAddress);
	maxp = usb_maxpacket(udev, pipe);
	if (maxp > POWERMATE_PAYLOAD_SIZE_MAX)
		maxp = POWERMATE_PAYLOAD_SIZE_MAX;

	usb_fill_int_urb(pm->irq, udev, pipe, pm->data,
			 maxp, powermate_irq,
			 pm, endpoint->bInterval);
	pm->irq->transfer_dma = pm->data_dma;
	pm->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */

	/* register our interrupt URB with the USB system */
	return usb_submit_urb(pm->irq, GFP_KERNEL);
}

int usb_bulk_urb_init(struct usb_data_stream *stream)
{
	int i;

	for (i = 0; i < stream->count; i++) {
		stream->urb_list[i] = usb_alloc_urb(0, GFP_KERNEL);
		if (!stream->urb_list[i])
			return -ENOMEM;
		usb_fill_bulk_urb( stream->urb_list[i], stream->udev,
				usb_rcvbulkpipe(stream->udev,stream->endpoint),
				stream->buf_list[i],
				stream->buffersize,
				powermate_irq, stream);

		stream->urb_list[i]->transfer_flags = URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
		stream->urb_list[i]->transfer_dma = stream->dma_addr[i];
	}
	return 0;
}

int ttusbir_alloc_urb(struct urb *urb, struct usb_device *udev, int ep)
{
	void *buffer;

	urb->dev = udev;
	urb->pipe = usb_rcvisocpipe(udev, ep);
	urb->interval = 1;
	buffer = usb_alloc_coherent(udev, 128, GFP_KERNEL,
					&urb->transfer_dma);
	if (!buffer)
		return -ENOMEM;
	urb->transfer_flags = URB_NO_TRANSFER_DMA_MAP | URB_ISO_ASAP; /* { dg-bogus "dmacheck" } */
	urb->transfer_buffer = buffer;
	urb->number_of_packets = 8;
	urb->transfer_buffer_length = 128;
	return 0;
}

int coherent_via_dma_alloc(struct urb *urb, struct usb_device *udev, struct device *hcdev)
{
	dma_addr_t dma;
	void *buf = dma_alloc_coherent(hcdev, 256, &dma, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(urb, udev, usb_rcvbulkpipe(udev, 2), buf, 256, powermate_irq, NULL);
	urb->transfer_dma = dma;
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: powermate irq set-up on interrupt IN 0x81 (submits); a 2-URB bulk stream on 0x82 with
 * usb_alloc_coherent() buffers (usb_allocate_stream_buffers()), then start streaming; a ttusbir iso URB
 * on 0x84, submitted; coherent_via_dma_alloc() with the host controller's device */
void case_run(struct case_env *env)
{
	struct usb_device *udev = env->udev;
	struct powermate_device *pm = kzalloc(sizeof(*pm), GFP_KERNEL);
	struct usb_data_stream *stream = kzalloc(sizeof(*stream), GFP_KERNEL);
	struct urb *urb;
	int i;

	pm->udev = udev;
	powermate_setup_irq(pm, udev, &env->intf->cur_altsetting->endpoint[0].desc);

	stream->udev = udev;
	stream->endpoint = 2;
	stream->count = 2;
	stream->buffersize = 512;
	for (i = 0; i < stream->count; i++)
		stream->buf_list[i] = usb_alloc_coherent(udev, stream->buffersize, GFP_KERNEL,
							 &stream->dma_addr[i]);
	if (usb_bulk_urb_init(stream) == 0)
		for (i = 0; i < stream->count; i++)
			usb_submit_urb(stream->urb_list[i], GFP_ATOMIC);

	urb = usb_alloc_urb(8, GFP_KERNEL);
	if (ttusbir_alloc_urb(urb, udev, 4) == 0) {
		/* the rest of ttusbir_probe()'s URB set-up */
		urb->complete = powermate_irq;
		for (i = 0; i < 8; i++) {
			urb->iso_frame_desc[i].offset = i * 16;
			urb->iso_frame_desc[i].length = 16;
		}
		usb_submit_urb(urb, GFP_KERNEL);
	}

	coherent_via_dma_alloc(usb_alloc_urb(0, GFP_KERNEL), udev, &env->hc->dev);
}
