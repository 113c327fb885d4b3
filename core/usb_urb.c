// SPDX-License-Identifier: GPL-2.0
/*
 * usb_urb.c - URBs, pipes and USB devices of Linux 6.1: drivers/usb/core/urb.c
 * (usb_alloc_urb, usb_free_urb, usb_submit_urb with every check it makes, usb_pipe_type_check),
 * the static inlines of include/linux/usb.h (usb_fill_*_urb, usb_snd/rcv*pipe,
 * usb_pipe_endpoint) and the two places that hand out DMA masks: usb_alloc_dev()
 * (drivers/usb/core/usb.c) and usb_set_configuration() (drivers/usb/core/message.c).
 *
 * Since 5.10 ("usb: don't inherity DMA properties for USB devices") usb_alloc_dev() and
 * usb_set_configuration() leave dev.dma_mask NULL: USB transfers are mapped for the host
 * controller's sysdev, and a USB device or interface has no DMA mask of its own, so
 * dma_set_mask() on one fails with -EIO (see device.c). Up to 5.9 both pointed at the
 * controller's mask, and the same call changed it for the whole bus.
 *
 * Limits: the URB itself is plain process memory (not a model kmalloc block) and has no
 * refcount: usb_free_urb() frees it. Devices have no speed (usb_fill_int_urb() stores the
 * interval as full/low speed does). Of the isochronous checks only number_of_packets and the
 * interval are modelled; of the interval checks only "interval <= 0". dev_WARN texts are the
 * kernel's without the device name prefix.
 */
#include "internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- urb.c: allocation ----------------------------------------------------------------------- */

/* usb_alloc_urb(): zeroed, so transfer_dma is 0 until someone stores a handle */
struct dmc_urb *dmc_usb_alloc_urb(int iso_packets, unsigned int gfp)
{
	(void)iso_packets;	/* iso_frame_desc[] is not modelled */
	(void)gfp;
	return calloc(1, sizeof(struct dmc_urb));
}

/* usb_free_urb() -> urb_destroy(): URB_FREE_BUFFER frees the transfer buffer too */
void dmc_usb_free_urb(struct dmc_urb *urb)
{
	if (!urb)
		return;
	if (urb->transfer_flags & DMC_URB_FREE_BUFFER)
		dmc_kfree(urb->transfer_buffer);
	dmc_urb_forget(urb);
	free(urb);
}

/* ---- include/linux/usb.h: fill helpers (transfer_dma is left alone) -------------------------- */

void dmc_usb_fill_control_urb(struct dmc_urb *urb, struct dmc_usb_device *dev, unsigned int pipe,
			      unsigned char *setup_packet, void *transfer_buffer, int buffer_length,
			      dmc_usb_complete_t complete, void *context)
{
	urb->dev = dev;
	urb->pipe = pipe;
	urb->setup_packet = setup_packet;
	urb->transfer_buffer = transfer_buffer;
	urb->transfer_buffer_length = (uint32_t)buffer_length;
	urb->complete = complete;
	urb->context = context;
}

void dmc_usb_fill_bulk_urb(struct dmc_urb *urb, struct dmc_usb_device *dev, unsigned int pipe,
			   void *transfer_buffer, int buffer_length, dmc_usb_complete_t complete,
			   void *context)
{
	urb->dev = dev;
	urb->pipe = pipe;
	urb->transfer_buffer = transfer_buffer;
	urb->transfer_buffer_length = (uint32_t)buffer_length;
	urb->complete = complete;
	urb->context = context;
}

/* usb_fill_int_urb(): high/super speed encode the interval as 2^(n-1); the model's devices
 * have no speed and keep it as full speed does */
void dmc_usb_fill_int_urb(struct dmc_urb *urb, struct dmc_usb_device *dev, unsigned int pipe,
			  void *transfer_buffer, int buffer_length, dmc_usb_complete_t complete,
			  void *context, int interval)
{
	urb->dev = dev;
	urb->pipe = pipe;
	urb->transfer_buffer = transfer_buffer;
	urb->transfer_buffer_length = (uint32_t)buffer_length;
	urb->complete = complete;
	urb->context = context;
	urb->interval = interval;
}

/* ---- include/linux/usb.h: pipes -------------------------------------------------------------- */

static unsigned int create_pipe(const struct dmc_usb_device *dev, unsigned int endpoint)
{
	return ((unsigned int)dev->devnum << 8) | (endpoint << 15);
}

static unsigned int pipe_of(unsigned int type, const struct dmc_usb_device *d, unsigned int ep,
			    bool in)
{
	return (type << 30) | create_pipe(d, ep) | (in ? DMC_USB_DIR_IN : 0);
}

unsigned int dmc_usb_sndctrlpipe(const struct dmc_usb_device *d, unsigned int ep)
{
	return pipe_of(DMC_PIPE_CONTROL, d, ep, false);
}

unsigned int dmc_usb_rcvctrlpipe(const struct dmc_usb_device *d, unsigned int ep)
{
	return pipe_of(DMC_PIPE_CONTROL, d, ep, true);
}

unsigned int dmc_usb_sndbulkpipe(const struct dmc_usb_device *d, unsigned int ep)
{
	return pipe_of(DMC_PIPE_BULK, d, ep, false);
}

unsigned int dmc_usb_rcvbulkpipe(const struct dmc_usb_device *d, unsigned int ep)
{
	return pipe_of(DMC_PIPE_BULK, d, ep, true);
}

unsigned int dmc_usb_sndintpipe(const struct dmc_usb_device *d, unsigned int ep)
{
	return pipe_of(DMC_PIPE_INTERRUPT, d, ep, false);
}

unsigned int dmc_usb_rcvintpipe(const struct dmc_usb_device *d, unsigned int ep)
{
	return pipe_of(DMC_PIPE_INTERRUPT, d, ep, true);
}

unsigned int dmc_usb_sndisocpipe(const struct dmc_usb_device *d, unsigned int ep)
{
	return pipe_of(DMC_PIPE_ISOCHRONOUS, d, ep, false);
}

unsigned int dmc_usb_rcvisocpipe(const struct dmc_usb_device *d, unsigned int ep)
{
	return pipe_of(DMC_PIPE_ISOCHRONOUS, d, ep, true);
}

static bool usb_pipein(unsigned int pipe)
{
	return pipe & DMC_USB_DIR_IN;
}

static unsigned int usb_pipeendpoint(unsigned int pipe)
{
	return (pipe >> 15) & 0xf;
}

static unsigned int usb_pipetype(unsigned int pipe)
{
	return (pipe >> 30) & 3;
}

/* usb_pipe_endpoint() */
static struct dmc_usb_host_endpoint *usb_pipe_endpoint(struct dmc_usb_device *dev,
						       unsigned int pipe)
{
	struct dmc_usb_host_endpoint **eps = usb_pipein(pipe) ? dev->ep_in : dev->ep_out;

	return eps[usb_pipeendpoint(pipe)];
}

/* ---- devices and interfaces ------------------------------------------------------------------ */

/* usb_alloc_dev(): the device is a child of the controller and has no DMA mask (6.1) */
void dmc_usb_device_init(struct dmc_usb_device *udev, struct dmc_usb_hcd *hcd, int devnum)
{
	struct dmc_device *sysdev = hcd->self.sysdev;

	memset(udev, 0, sizeof(*udev));
	udev->dev.name = "usb-device";
	udev->dev.type = DMC_DEV_USB_DEVICE;
	udev->dev.dma_mask = NULL;			/* 5.10+: not inherited */
	udev->dev.coherent_dma_mask = 0;		/* a USB device allocates nothing itself */
	udev->dev.parent = sysdev;
	udev->dev.coherent = sysdev->coherent;
	udev->dev.hw_dma_mask = sysdev->hw_dma_mask;
	udev->dev.registered = true;
	udev->bus = &hcd->self;
	udev->devnum = devnum;
	/* the model's devices arrive enumerated and configured */
	udev->state = DMC_USB_STATE_CONFIGURED;
	udev->ep0.desc.bEndpointAddress = 0;
	udev->ep0.desc.bmAttributes = DMC_USB_ENDPOINT_XFER_CONTROL;
	udev->ep0.desc.wMaxPacketSize = 64;
	udev->ep_in[0] = &udev->ep0;
	udev->ep_out[0] = &udev->ep0;
}

/* usb_enable_endpoint() for a parsed descriptor */
struct dmc_usb_host_endpoint *dmc_usb_add_endpoint(struct dmc_usb_device *udev, uint8_t address,
						   int xfer_type, uint16_t maxp, uint8_t interval)
{
	struct dmc_usb_host_endpoint *ep;
	unsigned int num = address & 0xf;

	if (udev->neps >= (int)DMC_ARRAY_SIZE(udev->eps) || num == 0)
		return NULL;
	ep = &udev->eps[udev->neps++];
	ep->desc.bEndpointAddress = address;
	ep->desc.bmAttributes = (uint8_t)(xfer_type & 3);
	ep->desc.wMaxPacketSize = maxp;
	ep->desc.bInterval = interval;
	if (address & DMC_USB_DIR_IN)
		udev->ep_in[num] = ep;
	else
		udev->ep_out[num] = ep;
	return ep;
}

/* usb_set_configuration(): the interface has no DMA mask either (6.1) */
void dmc_usb_interface_init(struct dmc_usb_interface *intf, struct dmc_usb_device *udev)
{
	memset(intf, 0, sizeof(*intf));
	intf->dev.name = "usb-interface";
	intf->dev.type = DMC_DEV_USB_INTERFACE;
	intf->dev.dma_mask = NULL;
	intf->dev.coherent_dma_mask = 0;
	intf->dev.parent = &udev->dev;
	intf->dev.coherent = udev->dev.coherent;
	intf->dev.hw_dma_mask = udev->dev.hw_dma_mask;
	intf->dev.registered = true;
	intf->udev = udev;
}

/* interface_to_usbdev() */
struct dmc_usb_device *dmc_interface_to_usbdev(struct dmc_usb_interface *intf)
{
	return intf->udev;
}

/* ---- urb.c: usb_submit_urb() ----------------------------------------------------------------- */

static const int pipetypes[4] = {
	DMC_PIPE_CONTROL, DMC_PIPE_ISOCHRONOUS, DMC_PIPE_BULK, DMC_PIPE_INTERRUPT
};

/* usb_pipe_type_check(): 0 if the pipe's type matches its endpoint's */
static int usb_pipe_type_check(struct dmc_usb_device *dev, unsigned int pipe)
{
	const struct dmc_usb_host_endpoint *ep = usb_pipe_endpoint(dev, pipe);

	if (!ep)
		return -DMC_EINVAL;
	if ((int)usb_pipetype(pipe) != pipetypes[ep->desc.bmAttributes & 3])
		return -DMC_EINVAL;
	return 0;
}

int dmc_usb_submit_urb(struct dmc_urb *urb, unsigned int mem_flags)
{
	const char *kfunc = "usb_submit_urb";
	struct dmc_usb_host_endpoint *ep;
	struct dmc_usb_device *dev;
	unsigned int allowed;
	dmc_dma_t driver_dma;
	int xfertype, max;
	bool is_out;

	if (!urb || !urb->complete)
		return -DMC_EINVAL;
	/* model: remember the driver's handle before anything here or in the HCD changes it */
	driver_dma = dmc_urb_driver_dma(urb);
	if (urb->hcpriv) {
		dmc_report(DMC_RULE_URB_SUBMITTED_ACTIVE, DMC_OUT_REFUSED, -DMC_EBUSY, kfunc, urb,
			   dmc_warn_once("URB submitted while active") ?
			   dmc_fmt("URB %p submitted while active", (void *)urb) : "",
			   "the URB is still queued to the host controller");
		return -DMC_EBUSY;
	}

	dev = urb->dev;
	if (!dev || dev->state < DMC_USB_STATE_UNAUTHENTICATED)
		return -DMC_ENODEV;

	/* For now, get the endpoint from the pipe.  Eventually drivers will be required to set
	 * urb->ep directly and we will eliminate urb->pipe. */
	ep = usb_pipe_endpoint(dev, urb->pipe);
	if (!ep)
		return -DMC_ENOENT;

	urb->ep = ep;
	urb->status = -DMC_EINPROGRESS;
	urb->actual_length = 0;

	/* Lots of sanity checks, so HCDs can rely on clean data and so that drivers don't need
	 * to duplicate these checks. */
	xfertype = ep->desc.bmAttributes & 3;
	if (xfertype == DMC_USB_ENDPOINT_XFER_CONTROL) {
		struct dmc_usb_ctrlrequest *setup = (struct dmc_usb_ctrlrequest *)urb->setup_packet;

		if (!setup)
			return -DMC_ENOEXEC;
		is_out = !(setup->bRequestType & DMC_USB_DIR_IN) || !setup->wLength;
		if (usb_pipein(urb->pipe) == is_out) {
			/* dev_WARN_ONCE(): the transfer goes on in is_out's direction */
			dmc_report(DMC_RULE_URB_CONTROL_DIR_MISMATCH, DMC_OUT_REPORTED, 0, kfunc,
				   setup, dmc_warn_once("BOGUS control dir") ?
				   dmc_fmt("BOGUS control dir, pipe %x doesn't match "
					   "bRequestType %x", urb->pipe, setup->bRequestType) : "",
				   dmc_fmt("the data stage runs %s, as bRequestType says",
					   is_out ? "OUT" : "IN"));
		}
		/* wLength is little-endian on the wire; the model runs on little-endian hosts */
		if (setup->wLength != urb->transfer_buffer_length)
			return -DMC_EBADR;
	} else {
		is_out = !(ep->desc.bEndpointAddress & DMC_USB_DIR_IN);
	}

	/* Clear the internal flags and cache the direction for later use */
	urb->transfer_flags &= ~(DMC_URB_DIR_MASK | DMC_URB_DMA_MAP_SINGLE | DMC_URB_DMA_MAP_PAGE |
				 DMC_URB_DMA_MAP_SG | DMC_URB_MAP_LOCAL | DMC_URB_SETUP_MAP_SINGLE |
				 DMC_URB_SETUP_MAP_LOCAL | DMC_URB_DMA_SG_COMBINED);
	urb->transfer_flags |= (is_out ? DMC_URB_DIR_OUT : DMC_URB_DIR_IN);

	if (xfertype != DMC_USB_ENDPOINT_XFER_CONTROL && dev->state < DMC_USB_STATE_CONFIGURED)
		return -DMC_ENODEV;

	max = ep->desc.wMaxPacketSize & 0x7ff;	/* usb_endpoint_maxp() */
	if (max <= 0)
		return -DMC_EMSGSIZE;

	/* periodic transfers limit size per frame/uframe, but drivers only control those sizes
	 * for ISO. While we're checking, initialize return status. */
	if (xfertype == DMC_USB_ENDPOINT_XFER_ISOC) {
		if (urb->number_of_packets <= 0)
			return -DMC_EINVAL;
	}

	/* the I/O buffer must be mapped/unmapped, except when length=0 */
	if (urb->transfer_buffer_length > INT_MAX)
		return -DMC_EMSGSIZE;

	/* stuff that drivers shouldn't do, but which shouldn't cause problems in HCDs if they
	 * get it wrong. */

	/* Check that the pipe's type matches the endpoint's type */
	if (usb_pipe_type_check(urb->dev, urb->pipe))
		/* dev_warn_once() */
		dmc_report(DMC_RULE_URB_BOGUS_PIPE_TYPE, DMC_OUT_REPORTED, 0, kfunc, urb,
			   dmc_warn_once("BOGUS urb xfer") ?
			   dmc_fmt("BOGUS urb xfer, pipe %x != type %x", usb_pipetype(urb->pipe),
				   pipetypes[xfertype]) : "",
			   "the host controller schedules the transfer by the endpoint's type");

	/* Check against a simple/standard policy */
	allowed = (DMC_URB_NO_TRANSFER_DMA_MAP | DMC_URB_NO_INTERRUPT | DMC_URB_DIR_MASK |
		   DMC_URB_FREE_BUFFER);
	switch (xfertype) {
	case DMC_USB_ENDPOINT_XFER_BULK:
	case DMC_USB_ENDPOINT_XFER_INT:
		if (is_out)
			allowed |= DMC_URB_ZERO_PACKET;
		/* fallthrough */
	default:			/* all non-iso endpoints */
		if (!is_out)
			allowed |= DMC_URB_SHORT_NOT_OK;
		break;
	case DMC_USB_ENDPOINT_XFER_ISOC:
		allowed |= DMC_URB_ISO_ASAP;
		break;
	}
	allowed &= urb->transfer_flags;

	/* warn if submitter gave bogus flags */
	if (allowed != urb->transfer_flags)
		dmc_report(DMC_RULE_URB_BOGUS_FLAGS, DMC_OUT_REPORTED, 0, kfunc, urb,
			   dmc_fmt("BOGUS urb flags, %x --> %x", urb->transfer_flags, allowed),
			   "the flags not allowed here are ignored by the host controller");

	/* Force periodic transfer intervals to be legal values that are a power of two (so HCDs
	 * don't need to). FIXME want bus->{intr,iso}_sched_horizon values here. Each HC supports
	 * at least 1 second's worth of periodic schedule; collisions prevent using all of it. */
	switch (xfertype) {
	case DMC_USB_ENDPOINT_XFER_ISOC:
	case DMC_USB_ENDPOINT_XFER_INT:
		/* too small? */
		if (urb->interval <= 0)
			return -DMC_EINVAL;
		break;
	default:
		break;
	}

	return dmc_usb_hcd_submit_urb(urb, mem_flags, driver_dma);
}
