/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/media/usb/dvb-usb/usb-urb.c usb_bulk_urb_init(), usb_isoc_urb_init() (6.1); the _noflag variants are synthetic bugs */
/* what: URBs in an array, flag by "=": the same URB (stream->urb_list[i], or a local copy of it) gets both, or only the handle */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define MAX_NO_URBS_FOR_DATA_STREAM 10

struct usb_data_stream {
	struct usb_device *udev;
	int endpoint;
	int count;
	int buffersize;
	int framesperurb;
	int framesize;
	int interval;

	struct urb    *urb_list[MAX_NO_URBS_FOR_DATA_STREAM];
	u8            *buf_list[MAX_NO_URBS_FOR_DATA_STREAM];
	dma_addr_t    dma_addr[MAX_NO_URBS_FOR_DATA_STREAM];
	int urbs_initialized;
};

static void usb_urb_complete(struct urb *urb)
{
}

int usb_bulk_urb_init(struct usb_data_stream *stream)
{
	int i, j;

	/* allocate the URBs */
	for (i = 0; i < stream->count; i++) {
		stream->urb_list[i] = usb_alloc_urb(0, GFP_KERNEL);
		if (!stream->urb_list[i]) {
			for (j = 0; j < i; j++)
				usb_free_urb(stream->urb_list[j]);
			return -ENOMEM;
		}
		usb_fill_bulk_urb( stream->urb_list[i], stream->udev,
				usb_rcvbulkpipe(stream->udev,stream->endpoint),
				stream->buf_list[i],
				stream->buffersize,
				usb_urb_complete, stream);

		stream->urb_list[i]->transfer_flags = URB_NO_TRANSFER_DMA_MAP;
		stream->urb_list[i]->transfer_dma = stream->dma_addr[i]; /* { dg-bogus "dmacheck" } */
		stream->urbs_initialized++;
	}
	return 0;
}

int usb_bulk_urb_init_noflag(struct usb_data_stream *stream)
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
				usb_urb_complete, stream);

		stream->urb_list[i]->transfer_flags = URB_SHORT_NOT_OK;
		stream->urb_list[i]->transfer_dma = stream->dma_addr[i]; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
		stream->urbs_initialized++;
	}
	return 0;
}

int usb_isoc_urb_init(struct usb_data_stream *stream)
{
	int i, j;

	/* allocate the URBs */
	for (i = 0; i < stream->count; i++) {
		struct urb *urb;
		int frame_offset = 0;

		stream->urb_list[i] = usb_alloc_urb(stream->framesperurb, GFP_KERNEL);
		if (!stream->urb_list[i])
			return -ENOMEM;

		urb = stream->urb_list[i];

		urb->dev = stream->udev;
		urb->context = stream;
		urb->complete = usb_urb_complete;
		urb->pipe = usb_rcvisocpipe(stream->udev,stream->endpoint);
		urb->transfer_flags = URB_ISO_ASAP | URB_NO_TRANSFER_DMA_MAP;
		urb->interval = stream->interval;
		urb->number_of_packets = stream->framesperurb;
		urb->transfer_buffer_length = stream->buffersize;
		urb->transfer_buffer = stream->buf_list[i];
		urb->transfer_dma = stream->dma_addr[i]; /* { dg-bogus "dmacheck" } */

		for (j = 0; j < stream->framesperurb; j++) {
			urb->iso_frame_desc[j].offset = frame_offset;
			urb->iso_frame_desc[j].length = stream->framesize;
			frame_offset += stream->framesize;
		}

		stream->urbs_initialized++;
	}
	return 0;
}

int usb_isoc_urb_init_noflag(struct usb_data_stream *stream)
{
	int i;

	for (i = 0; i < stream->count; i++) {
		struct urb *urb;

		stream->urb_list[i] = usb_alloc_urb(stream->framesperurb, GFP_KERNEL);
		if (!stream->urb_list[i])
			return -ENOMEM;

		urb = stream->urb_list[i];

		urb->dev = stream->udev;
		urb->context = stream;
		urb->complete = usb_urb_complete;
		urb->pipe = usb_rcvisocpipe(stream->udev,stream->endpoint);
		urb->transfer_flags = URB_ISO_ASAP;
		urb->interval = stream->interval;
		urb->number_of_packets = stream->framesperurb;
		urb->transfer_buffer_length = stream->buffersize;
		urb->transfer_buffer = stream->buf_list[i];
		urb->transfer_dma = stream->dma_addr[i]; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
		stream->urbs_initialized++;
	}
	return 0;
}

/* usb_allocate_stream_buffers() (reduced): usb_alloc_coherent() for every buffer of the stream */
static struct usb_data_stream *stream_alloc(struct usb_device *udev, int endpoint, int size,
					    int frames, int framesize)
{
	struct usb_data_stream *stream = kzalloc(sizeof(*stream), GFP_KERNEL);
	int i;

	stream->udev = udev;
	stream->endpoint = endpoint;
	stream->count = 2;
	stream->buffersize = size;
	stream->framesperurb = frames;
	stream->framesize = framesize;
	stream->interval = 1;
	for (i = 0; i < stream->count; i++)
		stream->buf_list[i] = usb_alloc_coherent(udev, size, GFP_KERNEL,
							 &stream->dma_addr[i]);
	return stream;
}

/* usb_urb_submit() */
static void stream_submit(struct usb_data_stream *stream)
{
	int i;

	for (i = 0; i < stream->urbs_initialized; i++)
		usb_submit_urb(stream->urb_list[i], GFP_ATOMIC);
}

/* oracle: bulk streams on 0x82 and iso streams on 0x85 (2 coherent buffers each), init each variant, then submit the URBs (start streaming) */
void case_run(struct case_env *env)
{
	struct usb_data_stream *s;
	int i, j;

	s = stream_alloc(env->udev, 2, 4096, 0, 0);
	if (usb_bulk_urb_init(s) == 0)
		stream_submit(s);
	s = stream_alloc(env->udev, 2, 4096, 0, 0);
	if (usb_bulk_urb_init_noflag(s) == 0)
		stream_submit(s);
	s = stream_alloc(env->udev, 5, 4 * 188, 4, 188);
	if (usb_isoc_urb_init(s) == 0)
		stream_submit(s);
	s = stream_alloc(env->udev, 5, 4 * 188, 4, 188);
	if (usb_isoc_urb_init_noflag(s) == 0) {
		/* frame descriptors as usb_isoc_urb_init() sets them */
		for (i = 0; i < s->urbs_initialized; i++)
			for (j = 0; j < s->framesperurb; j++) {
				s->urb_list[i]->iso_frame_desc[j].offset = j * s->framesize;
				s->urb_list[i]->iso_frame_desc[j].length = s->framesize;
			}
		stream_submit(s);
	}
}
