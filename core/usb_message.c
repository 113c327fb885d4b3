// SPDX-License-Identifier: GPL-2.0
/*
 * usb_message.c - the synchronous USB helpers of Linux 6.1, drivers/usb/core/message.c:
 * usb_control_msg, usb_control_msg_send, usb_control_msg_recv, usb_bulk_msg,
 * usb_interrupt_msg (via usb_internal_control_msg, usb_start_wait_urb and
 * usb_api_blocking_completion), and scatter-gather requests (usb_sg_init, usb_sg_wait,
 * sg_complete, sg_clean).
 *
 * The device is simulated: once an URB is queued, the model "waits" by letting the device
 * answer at once through dmc_hcd_complete_urb(). For IN transfers the answer comes from the
 * reply hook (dmc_usb_set_reply; default: the repeating pattern 0xA5 0x5A, as long as the
 * buffer); for OUT transfers the hook, if one is set, is called after the data stage with the
 * bytes the device read (its return value is ignored). So data flow can be checked end to end:
 * IN data must arrive in the caller's buffer, and usb_control_msg_recv()/_send() must copy
 * through their own heap buffers.
 *
 * Limits: no timeouts (every transfer completes at once with status 0; a model HCD that does
 * not complete an URB gets it killed and -ETIMEDOUT); device-side DMA failures (wild DMA, IOMMU
 * faults) do not change the URB's status. usb_sg_wait() retries -EAGAIN/-ENOMEM/-ENXIO a few
 * times, then gives up with that error: the kernel retries forever (a hang, since the mapping
 * failure it is retrying is deterministic). sg_virt() of a page without a kernel mapping is
 * NULL in the model (the kernel computes a bogus address), and usb_sg_cancel() is not needed
 * as nothing is ever in flight.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define SG_WAIT_RETRIES 3

/* ---- the simulated device -------------------------------------------------------------------- */

static size_t default_reply(struct dmc_urb *urb, void *data, size_t len, void *arg)
{
	unsigned char *p = data;

	(void)urb;
	(void)arg;
	for (size_t i = 0; i < len; i++)
		p[i] = (i & 1) ? 0x5A : 0xA5;
	return len;
}

static struct {
	size_t (*reply)(struct dmc_urb *urb, void *data, size_t len, void *arg);
	void *arg;
} device = { default_reply, NULL };

void dmc_usb_set_reply(size_t (*reply)(struct dmc_urb *urb, void *data, size_t len, void *arg),
		       void *arg)
{
	device.reply = reply ? reply : default_reply;
	device.arg = reply ? arg : NULL;
}

/* The device answers a queued URB and the controller completes it. */
static void device_answer(struct dmc_urb *urb)
{
	size_t cap = urb->transfer_buffer_length;
	unsigned char *buf = malloc(cap ? cap : 1);

	if (!buf)
		abort();
	if (urb->transfer_flags & DMC_URB_DIR_IN) {
		size_t n = device.reply(urb, buf, cap, device.arg);

		dmc_hcd_complete_urb(urb, buf, DMC_MIN(n, cap), 0);
	} else {
		dmc_hcd_complete_urb(urb, buf, cap, 0);
		if (device.reply != default_reply)
			device.reply(urb, buf, cap, device.arg);
	}
	free(buf);
}

/* ---- usb_start_wait_urb() and friends -------------------------------------------------------- */

struct api_context {
	bool done;
	int status;
};

/* usb_api_blocking_completion() */
static void usb_api_blocking_completion(struct dmc_urb *urb)
{
	struct api_context *ctx = urb->context;

	ctx->status = urb->status;
	ctx->done = true;
}

/* usb_start_wait_urb(): starts urb and waits for completion or timeout */
static int usb_start_wait_urb(struct dmc_urb *urb, int timeout, int *actual_length)
{
	/* model: an URB that is never given back, not even by usb_kill_urb() (nothing queued),
	 * counts as killed: the kernel's completion would carry -ENOENT */
	struct api_context ctx = { false, -DMC_ENOENT };
	int retval;

	(void)timeout;
	urb->context = &ctx;
	urb->actual_length = 0;
	retval = dmc_usb_submit_urb(urb, DMC_GFP_KERNEL);	/* GFP_NOIO */
	if (retval)
		goto out;

	device_answer(urb);
	if (!ctx.done) {
		dmc_usb_kill_urb(urb);
		retval = (ctx.status == -DMC_ENOENT ? -DMC_ETIMEDOUT : ctx.status);
	} else {
		retval = ctx.status;
	}
out:
	if (actual_length)
		*actual_length = (int)urb->actual_length;

	dmc_usb_free_urb(urb);
	return retval;
}

/* usb_internal_control_msg(): returns status code or negative error code */
static int usb_internal_control_msg(struct dmc_usb_device *usb_dev, unsigned int pipe,
				    struct dmc_usb_ctrlrequest *cmd, void *data, int len,
				    int timeout)
{
	struct dmc_urb *urb;
	int retv;
	int length;

	urb = dmc_usb_alloc_urb(0, DMC_GFP_KERNEL);
	if (!urb)
		return -DMC_ENOMEM;

	dmc_usb_fill_control_urb(urb, usb_dev, pipe, (unsigned char *)cmd, data, len,
				 usb_api_blocking_completion, NULL);

	retv = usb_start_wait_urb(urb, timeout, &length);
	if (retv < 0)
		return retv;
	return length;
}

/* usb_control_msg(): builds the setup packet in kmalloc memory; `data` is DMA'd as it is */
int dmc_usb_control_msg(struct dmc_usb_device *dev, unsigned int pipe, uint8_t request,
			uint8_t requesttype, uint16_t value, uint16_t index, void *data,
			uint16_t size, int timeout)
{
	struct dmc_usb_ctrlrequest *dr;
	int ret;

	dr = dmc_kmalloc(sizeof(struct dmc_usb_ctrlrequest), DMC_GFP_KERNEL);	/* GFP_NOIO */
	if (!dr)
		return -DMC_ENOMEM;

	dr->bRequestType = requesttype;
	dr->bRequest = request;
	dr->wValue = value;	/* cpu_to_le16(): the model runs on little-endian hosts */
	dr->wIndex = index;
	dr->wLength = size;

	ret = usb_internal_control_msg(dev, pipe, dr, data, size, timeout);

	dmc_kfree(dr);
	return ret;
}

/* usb_control_msg_send(): copies the data into the heap first, so any buffer is safe */
int dmc_usb_control_msg_send(struct dmc_usb_device *dev, uint8_t endpoint, uint8_t request,
			     uint8_t requesttype, uint16_t value, uint16_t index,
			     const void *driver_data, uint16_t size, int timeout,
			     unsigned int memflags)
{
	unsigned int pipe = dmc_usb_sndctrlpipe(dev, endpoint);
	int ret;
	uint8_t *data = NULL;

	if (size) {
		data = dmc_kmalloc(size, memflags);	/* kmemdup() */
		if (!data)
			return -DMC_ENOMEM;
		memcpy(data, driver_data, size);
	}

	ret = dmc_usb_control_msg(dev, pipe, request, requesttype, value, index, data, size,
				  timeout);
	dmc_kfree(data);

	if (ret < 0)
		return ret;

	return 0;
}

/* usb_control_msg_recv(): receives into the heap and copies out only a complete answer */
int dmc_usb_control_msg_recv(struct dmc_usb_device *dev, uint8_t endpoint, uint8_t request,
			     uint8_t requesttype, uint16_t value, uint16_t index,
			     void *driver_data, uint16_t size, int timeout, unsigned int memflags)
{
	unsigned int pipe = dmc_usb_rcvctrlpipe(dev, endpoint);
	int ret;
	uint8_t *data;

	if (!size || !driver_data)
		return -DMC_EINVAL;

	data = dmc_kmalloc(size, memflags);
	if (!data)
		return -DMC_ENOMEM;

	ret = dmc_usb_control_msg(dev, pipe, request, requesttype, value, index, data, size,
				  timeout);

	if (ret < 0)
		goto exit;

	if (ret == size) {
		memcpy(driver_data, data, size);
		ret = 0;
	} else {
		ret = -DMC_EREMOTEIO;
	}

exit:
	dmc_kfree(data);
	return ret;
}

/* usb_pipe_endpoint() */
static struct dmc_usb_host_endpoint *pipe_endpoint(struct dmc_usb_device *dev, unsigned int pipe)
{
	struct dmc_usb_host_endpoint **eps = (pipe & DMC_USB_DIR_IN) ? dev->ep_in : dev->ep_out;

	return eps[(pipe >> 15) & 0xf];
}

/* usb_bulk_msg(): an interrupt endpoint gets an interrupt URB whatever the pipe said */
int dmc_usb_bulk_msg(struct dmc_usb_device *usb_dev, unsigned int pipe, void *data, int len,
		     int *actual_length, int timeout)
{
	struct dmc_urb *urb;
	struct dmc_usb_host_endpoint *ep;

	ep = pipe_endpoint(usb_dev, pipe);
	if (!ep || len < 0)
		return -DMC_EINVAL;

	urb = dmc_usb_alloc_urb(0, DMC_GFP_KERNEL);
	if (!urb)
		return -DMC_ENOMEM;

	if ((ep->desc.bmAttributes & 3) == DMC_USB_ENDPOINT_XFER_INT) {
		pipe = (pipe & ~(3U << 30)) | ((unsigned int)DMC_PIPE_INTERRUPT << 30);
		dmc_usb_fill_int_urb(urb, usb_dev, pipe, data, len, usb_api_blocking_completion,
				     NULL, ep->desc.bInterval);
	} else {
		dmc_usb_fill_bulk_urb(urb, usb_dev, pipe, data, len, usb_api_blocking_completion,
				      NULL);
	}

	return usb_start_wait_urb(urb, timeout, actual_length);
}

/* usb_interrupt_msg(): the same as usb_bulk_msg() */
int dmc_usb_interrupt_msg(struct dmc_usb_device *usb_dev, unsigned int pipe, void *data, int len,
			  int *actual_length, int timeout)
{
	return dmc_usb_bulk_msg(usb_dev, pipe, data, len, actual_length, timeout);
}

/* ---- scatter-gather requests ----------------------------------------------------------------- */

/* sg_clean() */
static void sg_clean(struct dmc_usb_sg_request *io)
{
	if (io->urbs) {
		while (io->entries--)
			dmc_usb_free_urb(io->urbs[io->entries]);
		free(io->urbs);
		io->urbs = NULL;
	}
	io->dev = NULL;
}

/* sg_complete() */
static void sg_complete(struct dmc_urb *urb)
{
	struct dmc_usb_sg_request *io = urb->context;
	int status = urb->status;

	/* the first error is the request's; the kernel then unlinks the rest (none are in
	 * flight in the model) */
	if (io->status == 0 && status && status != -DMC_ECONNRESET)
		io->status = status;
	io->bytes += urb->actual_length;
	io->count--;
}

/* usb_sg_init(): one URB for the whole list if the controller takes scatterlists, else one
 * URB per entry with transfer_buffer = sg_virt() */
int dmc_usb_sg_init(struct dmc_usb_sg_request *io, struct dmc_usb_device *dev, unsigned int pipe,
		    unsigned int period, struct dmc_scatterlist *sg, int nents, size_t length,
		    unsigned int mem_flags)
{
	int i;
	unsigned int urb_flags;
	bool use_sg;
	unsigned int type = (pipe >> 30) & 3;

	if (!io || !dev || !sg || type == DMC_PIPE_CONTROL || type == DMC_PIPE_ISOCHRONOUS ||
	    nents <= 0)
		return -DMC_EINVAL;

	/* initialize all the urbs we'll use */
	io->status = 0;
	io->bytes = 0;
	io->dev = dev;
	io->pipe = pipe;

	if (dev->bus->sg_tablesize > 0) {
		use_sg = true;
		io->entries = 1;
	} else {
		use_sg = false;
		io->entries = nents;
	}

	/* initialize all the urbs we'll use */
	io->urbs = calloc((size_t)io->entries, sizeof(*io->urbs));	/* kmalloc_array() */
	if (!io->urbs)
		goto nomem;

	urb_flags = DMC_URB_NO_INTERRUPT;
	if (pipe & DMC_USB_DIR_IN)
		urb_flags |= DMC_URB_SHORT_NOT_OK;

	/* for_each_sg(sg, sg, io->entries, i): the bound is re-read, see "length" below */
	for (i = 0; i < io->entries; i++) {
		struct dmc_scatterlist *s = &sg[i];
		struct dmc_urb *urb;
		size_t len;

		urb = dmc_usb_alloc_urb(0, mem_flags);
		if (!urb) {
			io->entries = i;
			goto nomem;
		}
		io->urbs[i] = urb;

		urb->dev = NULL;
		urb->pipe = pipe;
		urb->interval = (int)period;
		urb->transfer_flags = urb_flags;
		urb->complete = sg_complete;
		urb->context = io;
		urb->sg = s;

		if (use_sg) {
			/* There is no single transfer buffer */
			urb->transfer_buffer = NULL;
			urb->num_sgs = nents;

			/* A length of zero means transfer the whole sg list */
			len = length;
			if (len == 0) {
				for (int j = 0; j < nents; j++)
					len += sg[j].length;
			}
		} else {
			/*
			 * Some systems can't use DMA; they use PIO instead. For their sakes,
			 * transfer_buffer is set whenever possible.
			 */
			unsigned char *page = dmc_page_address(s->page);

			if (page)	/* !PageHighMem(sg_page(sg)) */
				urb->transfer_buffer = page + s->offset;	/* sg_virt() */
			else
				urb->transfer_buffer = NULL;

			len = s->length;
			if (length) {
				len = DMC_MIN(len, length);
				length -= len;
				if (length == 0)
					io->entries = i + 1;
			}
		}
		urb->transfer_buffer_length = (uint32_t)len;
	}
	io->urbs[--i]->transfer_flags &= ~DMC_URB_NO_INTERRUPT;

	/* transaction state */
	io->count = io->entries;
	io->status = 0;
	io->bytes = 0;
	return 0;

nomem:
	sg_clean(io);
	return -DMC_ENOMEM;
}

/* usb_sg_wait(): submits the URBs one by one; the model's device answers each at once */
void dmc_usb_sg_wait(struct dmc_usb_sg_request *io)
{
	int i;
	int entries = io->entries;
	int retries = 0;

	/* queue the urbs.  */
	i = 0;
	while (i < entries && !io->status) {
		int retval;

		io->urbs[i]->dev = io->dev;
		retval = dmc_usb_submit_urb(io->urbs[i], DMC_GFP_KERNEL);	/* GFP_NOIO */

		switch (retval) {
		/* maybe we retrying will recover */
		case -DMC_ENXIO:	/* hc didn't queue this one */
		case -DMC_EAGAIN:
		case -DMC_ENOMEM:
			/* model: the kernel yield()s and retries forever */
			if (++retries < SG_WAIT_RETRIES)
				retval = 0;
			break;

		/* no error? continue immediately. */
		case 0:
			device_answer(io->urbs[i]);
			++i;
			break;

		/* fail any uncompleted urbs */
		default:
			io->urbs[i]->status = retval;
			break;
		}
		if (retval && (io->status == 0 || io->status == -DMC_ECONNRESET))
			io->status = retval;
	}
	io->count -= entries - i;

	sg_clean(io);
}
