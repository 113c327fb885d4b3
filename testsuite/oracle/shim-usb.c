// SPDX-License-Identifier: GPL-2.0
/*
 * testsuite/oracle/shim-usb.c - the USB API of testsuite/include/linux/usb.h implemented by
 * the reference core: URBs, coherent buffers, the synchronous messages and the usbcore
 * helpers built on them (usb_get_descriptor, usb_get_status, usb_string, ...), each as 6.1's
 * drivers/usb/core/{urb,message,usb}.c does it.
 *
 * URBs: usb_alloc_urb() hands out a struct urb on watched pages (trace.c) with a core twin
 * (dmc_urb). usb_submit_urb() copies the fields the case set into the twin and pushes, as
 * provenance, the stacks of the statements that last stored transfer_buffer, transfer_dma,
 * setup_packet and sg and of the one that set URB_NO_TRANSFER_DMA_MAP; the core then runs
 * usb_submit_urb()/usb_hcd_map_urb_for_dma(). What usbcore writes back (transfer_flags'
 * direction bits, ep, hcpriv, status, actual_length) is copied back.
 *
 * Endpoints: the device answers on every endpoint a case addresses; an endpoint the harness
 * did not create is added, with the pipe's transfer type, the first time a pipe names it
 * (the harness plays the device, the case is the driver).
 *
 * Limits: completion handlers of the case are not called (an URB still queued when the case
 * returns is completed by the harness, which unmaps it as usbcore would); isochronous frame
 * descriptors are not copied; usb_string() reads one string descriptor without the language
 * table.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/usb.h>
#include "oracle.h"
#include "shim.h"


struct dmc_usb_device *shim_udev(const struct usb_device *udev, const char *what)
{
	struct dmc_usb_device *d = udev ? oracle_lookup(OK_USB_DEVICE, udev) : NULL;

	if (!d)
		oracle_error("%s: usb_device %p is not one the harness made", what, (void *)udev);
	return d;
}

/* ---- endpoints ------------------------------------------------------------------------- */

/* drivers/usb/core/urb.c: the pipe type of each endpoint transfer type */
static const int pipetypes[4] = {
	PIPE_CONTROL, PIPE_ISOCHRONOUS, PIPE_BULK, PIPE_INTERRUPT
};

/* The endpoint transfer type a pipe asks for (the inverse of pipetypes[]). */
static int pipe_xfer_type(unsigned int pipe)
{
	int xfer = USB_ENDPOINT_XFER_CONTROL;

	while (xfer < 3 && pipetypes[xfer] != (int)usb_pipetype(pipe))
		xfer++;
	return xfer;
}

/* Both views of one endpoint: the core device's, and the case's usb_device (ep_in/ep_out
 * point at `ep`, as the kernel's point into the interface's altsetting). */
void shim_add_endpoint(struct usb_device *udev, struct dmc_usb_device *d,
		       struct usb_host_endpoint *ep)
{
	unsigned int num = usb_endpoint_num(&ep->desc);

	dmc_usb_add_endpoint(d, ep->desc.bEndpointAddress, usb_endpoint_type(&ep->desc),
			     usb_endpoint_maxp(&ep->desc), ep->desc.bInterval);
	ep->enabled = 1;
	if (usb_endpoint_dir_in(&ep->desc))
		udev->ep_in[num] = ep;
	else
		udev->ep_out[num] = ep;
}

void shim_fill_endpoint(struct usb_host_endpoint *ep, u8 address, int xfer, u16 maxp,
			u8 interval)
{
	memset(ep, 0, sizeof(*ep));
	ep->desc.bLength = USB_DT_ENDPOINT_SIZE;
	ep->desc.bDescriptorType = USB_DT_ENDPOINT;
	ep->desc.bEndpointAddress = address;
	ep->desc.bmAttributes = xfer;
	ep->desc.wMaxPacketSize = cpu_to_le16(maxp);
	ep->desc.bInterval = interval;
}

static void ensure_endpoint(struct usb_device *udev, struct dmc_usb_device *d, unsigned int pipe)
{
	unsigned int num = usb_pipeendpoint(pipe);
	bool in = usb_pipein(pipe);
	int xfer = pipe_xfer_type(pipe);
	struct usb_host_endpoint *ep;

	if (!num || (in ? d->ep_in[num] : d->ep_out[num]))
		return;
	ep = dmc_kmalloc(sizeof(*ep), DMC_GFP_ZERO);
	if (!ep)
		abort();
	shim_fill_endpoint(ep, num | (in ? USB_DIR_IN : 0), xfer,
			   xfer == USB_ENDPOINT_XFER_BULK ? 512 :
			   xfer == USB_ENDPOINT_XFER_ISOC ? 1024 : 64,
			   xfer == USB_ENDPOINT_XFER_BULK ? 0 : 4);
	shim_add_endpoint(udev, d, ep);
}

/* ---- URBs ------------------------------------------------------------------------------ */

static void shim_complete(struct dmc_urb *c)
{
	struct urb *urb = c->context;

	oracle_watch_open(urb);
	urb->status = c->status;
	urb->actual_length = c->actual_length;
	urb->hcpriv = c->hcpriv;
	oracle_watch_close(urb);
}

struct urb *usb_alloc_urb(int iso_packets, gfp_t mem_flags)
{
	size_t size = sizeof(struct urb) + iso_packets * sizeof(struct usb_iso_packet_descriptor);
	struct urb *urb = oracle_watch_alloc(size);
	struct dmc_urb *c = dmc_usb_alloc_urb(iso_packets, shim_gfp(mem_flags));

	if (!urb || !c)
		abort();
	memset(urb, 0, size);
	urb->kref.refcount.refs.counter = 1;
	oracle_bind(OK_URB, urb, c);
	oracle_watch_close(urb);
	return urb;
}

void usb_init_urb(struct urb *urb)
{
	if (!urb)
		return;
	oracle_watch_open(urb);
	memset(urb, 0, sizeof(*urb));
	urb->kref.refcount.refs.counter = 1;
	oracle_watch_close(urb);
	if (!oracle_lookup(OK_URB, urb))
		oracle_bind(OK_URB, urb, dmc_usb_alloc_urb(0, DMC_GFP_KERNEL));
}

void usb_free_urb(struct urb *urb)
{
	struct dmc_urb *c;

	if (!urb)
		return;
	c = oracle_lookup(OK_URB, urb);
	if (c)
		dmc_usb_free_urb(c);
	oracle_unbind(OK_URB, urb);
	oracle_watch_free(urb);
}

struct urb *usb_get_urb(struct urb *urb)
{
	return urb;
}

static void prov_field(struct urb *urb, size_t off, size_t len)
{
	oracle_prov_push(oracle_watch_last(urb, off, len));
}

#define PROV(urb, field) prov_field(urb, offsetof(struct urb, field), sizeof((urb)->field))

int usb_submit_urb(struct urb *urb, gfp_t mem_flags)
{
	struct dmc_urb *c;
	const struct oracle_stack *flag;
	int ret;

	if (!urb)
		return -EINVAL;
	c = oracle_lookup(OK_URB, urb);
	if (!c) {		/* an URB the case embedded in its own memory */
		c = dmc_usb_alloc_urb(0, DMC_GFP_KERNEL);
		oracle_bind(OK_URB, urb, c);
	}
	if (!c->hcpriv) {	/* not queued: usbcore reads the driver's fields afresh */
		c->dev = urb->dev ? shim_udev(urb->dev, "usb_submit_urb") : NULL;
		if (urb->dev && !c->dev)
			return -ENODEV;
		if (c->dev)
			ensure_endpoint(urb->dev, c->dev, urb->pipe);
		c->pipe = urb->pipe;
		c->transfer_flags = urb->transfer_flags;
		c->transfer_buffer = urb->transfer_buffer;
		c->transfer_dma = urb->transfer_dma;
		c->sg = urb->sg ? shim_sg(urb->sg, urb->num_sgs) : NULL;
		c->num_sgs = urb->num_sgs;
		c->transfer_buffer_length = urb->transfer_buffer_length;
		c->setup_packet = urb->setup_packet;
		c->setup_dma = urb->setup_dma;
		c->number_of_packets = urb->number_of_packets;
		c->interval = urb->interval;
		c->context = urb;
		c->complete = urb->complete ? shim_complete : NULL;
	}
	PROV(urb, transfer_buffer);
	PROV(urb, transfer_dma);
	PROV(urb, setup_packet);
	PROV(urb, sg);
	flag = oracle_watch_last_set(urb, offsetof(struct urb, transfer_flags),
				     URB_NO_TRANSFER_DMA_MAP);
	oracle_prov_push(flag ? flag : oracle_watch_last(urb, offsetof(struct urb, transfer_flags),
							 sizeof(urb->transfer_flags)));
	ret = dmc_usb_submit_urb(c, shim_gfp(mem_flags));
	oracle_prov_clear();
	oracle_watch_open(urb);
	urb->transfer_flags = c->transfer_flags;
	urb->hcpriv = c->hcpriv;
	urb->status = c->status;
	if (urb->dev)
		urb->ep = usb_pipe_endpoint(urb->dev, urb->pipe);
	oracle_watch_close(urb);
	return ret;
}

void usb_kill_urb(struct urb *urb)
{
	struct dmc_urb *c = urb ? oracle_lookup(OK_URB, urb) : NULL;

	if (c && c->hcpriv)
		dmc_usb_kill_urb(c);
}

int usb_unlink_urb(struct urb *urb)
{
	struct dmc_urb *c = urb ? oracle_lookup(OK_URB, urb) : NULL;

	if (!c)
		return -EINVAL;
	if (!c->hcpriv)
		return -EBUSY;
	dmc_usb_kill_urb(c);
	return -EINPROGRESS;
}

void usb_poison_urb(struct urb *urb) { usb_kill_urb(urb); }
void usb_unpoison_urb(struct urb *urb) { (void)urb; }

/* The host controller finishes a queued URB: unmapped and given back (usb_hcd_giveback_urb). */
void shim_urb_giveback(struct urb *urb)
{
	struct dmc_urb *c = oracle_lookup(OK_URB, urb);

	if (c && c->hcpriv)
		dmc_hcd_complete_urb(c, NULL, 0, 0);
}

/* drivers/usb/core/urb.c */
int usb_pipe_type_check(struct usb_device *dev, unsigned int pipe)
{
	const struct usb_host_endpoint *ep = usb_pipe_endpoint(dev, pipe);

	if (!ep)
		return -EINVAL;
	if (usb_pipetype(pipe) != pipetypes[usb_endpoint_type(&ep->desc)])
		return -EINVAL;
	return 0;
}

int usb_urb_ep_type_check(const struct urb *urb)
{
	return usb_pipe_type_check(urb->dev, urb->pipe);
}

/* ---- coherent buffers (usb.c) ---------------------------------------------------------- */

void *usb_alloc_coherent(struct usb_device *dev, size_t size, gfp_t mem_flags, dma_addr_t *dma)
{
	struct dmc_usb_device *d = dev ? shim_udev(dev, "usb_alloc_coherent") : NULL;
	dmc_dma_t h = 0;
	void *p;

	if (!d)
		return NULL;
	p = dmc_usb_alloc_coherent(d, size, shim_gfp(mem_flags), &h);
	*dma = h;	/* a store into a watched URB records this call as its statement */
	return p;
}

void usb_free_coherent(struct usb_device *dev, size_t size, void *addr, dma_addr_t dma)
{
	struct dmc_usb_device *d = dev ? shim_udev(dev, "usb_free_coherent") : NULL;

	if (d && addr)
		dmc_usb_free_coherent(d, size, addr, dma);
}

/* ---- synchronous messages (message.c) -------------------------------------------------- */

int usb_control_msg(struct usb_device *dev, unsigned int pipe, __u8 request, __u8 requesttype,
		    __u16 value, __u16 index, void *data, __u16 size, int timeout)
{
	struct dmc_usb_device *d = shim_udev(dev, "usb_control_msg");

	return d ? dmc_usb_control_msg(d, pipe, request, requesttype, value, index, data, size,
				       timeout) : -ENODEV;
}

int usb_control_msg_send(struct usb_device *dev, __u8 endpoint, __u8 request,
			 __u8 requesttype, __u16 value, __u16 index, const void *data,
			 __u16 size, int timeout, gfp_t memflags)
{
	struct dmc_usb_device *d = shim_udev(dev, "usb_control_msg_send");

	return d ? dmc_usb_control_msg_send(d, endpoint, request, requesttype, value, index,
					    data, size, timeout, shim_gfp(memflags)) : -ENODEV;
}

int usb_control_msg_recv(struct usb_device *dev, __u8 endpoint, __u8 request,
			 __u8 requesttype, __u16 value, __u16 index, void *data, __u16 size,
			 int timeout, gfp_t memflags)
{
	struct dmc_usb_device *d = shim_udev(dev, "usb_control_msg_recv");

	return d ? dmc_usb_control_msg_recv(d, endpoint, request, requesttype, value, index,
					    data, size, timeout, shim_gfp(memflags)) : -ENODEV;
}

int usb_bulk_msg(struct usb_device *dev, unsigned int pipe, void *data, int len,
		 int *actual_length, int timeout)
{
	struct dmc_usb_device *d = shim_udev(dev, "usb_bulk_msg");

	if (!d)
		return -ENODEV;
	ensure_endpoint(dev, d, pipe);
	return dmc_usb_bulk_msg(d, pipe, data, len, actual_length, timeout);
}

int usb_interrupt_msg(struct usb_device *dev, unsigned int pipe, void *data, int len,
		      int *actual_length, int timeout)
{
	struct dmc_usb_device *d = shim_udev(dev, "usb_interrupt_msg");

	if (!d)
		return -ENODEV;
	ensure_endpoint(dev, d, pipe);
	return dmc_usb_interrupt_msg(d, pipe, data, len, actual_length, timeout);
}

int usb_get_descriptor(struct usb_device *dev, unsigned char type, unsigned char index,
		       void *buf, int size)
{
	int i, result = -ENODATA;

	if (size <= 0)
		return -EINVAL;
	memset(buf, 0, size);	/* Make sure we parse really received data */
	for (i = 0; i < 3; ++i) {
		/* retry on length 0 or error; some devices are flakey */
		result = usb_control_msg(dev, usb_rcvctrlpipe(dev, 0), USB_REQ_GET_DESCRIPTOR,
					 USB_DIR_IN, (type << 8) + index, 0, buf, size,
					 USB_CTRL_GET_TIMEOUT);
		if (result <= 0 && result != -ETIMEDOUT)
			continue;
		if (result > 1 && ((u8 *)buf)[1] != type) {
			result = -ENODATA;
			continue;
		}
		break;
	}
	return result;
}

int usb_get_status(struct usb_device *dev, int recip, int type, int target, void *data)
{
	int ret, length = type == USB_STATUS_TYPE_STANDARD ? 2 : 4;
	void *status = kmalloc(length, GFP_KERNEL);	/* 6.1: never the caller's buffer */

	if (!status)
		return -ENOMEM;
	ret = usb_control_msg(dev, usb_rcvctrlpipe(dev, 0), USB_REQ_GET_STATUS,
			      USB_DIR_IN | recip, USB_STATUS_TYPE_STANDARD, target, status,
			      length, USB_CTRL_GET_TIMEOUT);
	if (ret == length) {
		memcpy(data, status, length);
		ret = 0;
	} else if (ret >= 0) {
		ret = -EIO;
	}
	kfree(status);
	return ret;
}

int usb_string(struct usb_device *dev, int index, char *buf, size_t size)
{
	unsigned char *tbuf;
	int err, i, n;

	if (size <= 0 || !buf)
		return -EINVAL;
	buf[0] = 0;
	if (index <= 0 || index >= 256)
		return -EINVAL;
	tbuf = kmalloc(256, GFP_NOIO);	/* 6.1: the descriptor is read into its own buffer */
	if (!tbuf)
		return -ENOMEM;
	err = usb_control_msg(dev, usb_rcvctrlpipe(dev, 0), USB_REQ_GET_DESCRIPTOR, USB_DIR_IN,
			      (USB_DT_STRING << 8) + index, 0x0409, tbuf, 255,
			      USB_CTRL_GET_TIMEOUT);
	if (err < 0)
		goto out;
	for (i = 2, n = 0; i + 1 < err && (size_t)n + 1 < size; i += 2)
		buf[n++] = tbuf[i + 1] ? '?' : tbuf[i];
	buf[n] = 0;
	err = n;
out:
	kfree(tbuf);
	return err;
}

int usb_clear_halt(struct usb_device *dev, int pipe)
{
	return usb_control_msg(dev, usb_sndctrlpipe(dev, 0), USB_REQ_CLEAR_FEATURE,
			       USB_RECIP_ENDPOINT, USB_ENDPOINT_HALT,
			       usb_pipeendpoint(pipe) | (usb_pipein(pipe) ? USB_DIR_IN : 0),
			       NULL, 0, USB_CTRL_SET_TIMEOUT);
}

int usb_set_interface(struct usb_device *dev, int ifnum, int alternate)
{
	return usb_control_msg(dev, usb_sndctrlpipe(dev, 0), USB_REQ_SET_INTERFACE,
			       USB_RECIP_INTERFACE, alternate, ifnum, NULL, 0, 5000);
}

/* ---- usb.c helpers --------------------------------------------------------------------- */

struct usb_device *usb_get_dev(struct usb_device *dev) { return dev; }
void usb_put_dev(struct usb_device *dev) { (void)dev; }
struct usb_interface *usb_get_intf(struct usb_interface *intf) { return intf; }
void usb_put_intf(struct usb_interface *intf) { (void)intf; }

static bool match_endpoint(struct usb_endpoint_descriptor *epd,
			   struct usb_endpoint_descriptor **bulk_in,
			   struct usb_endpoint_descriptor **bulk_out,
			   struct usb_endpoint_descriptor **int_in,
			   struct usb_endpoint_descriptor **int_out)
{
	switch (usb_endpoint_type(epd)) {
	case USB_ENDPOINT_XFER_BULK:
		if (usb_endpoint_dir_in(epd)) {
			if (bulk_in && !*bulk_in) {
				*bulk_in = epd;
				break;
			}
		} else {
			if (bulk_out && !*bulk_out) {
				*bulk_out = epd;
				break;
			}
		}
		return false;
	case USB_ENDPOINT_XFER_INT:
		if (usb_endpoint_dir_in(epd)) {
			if (int_in && !*int_in) {
				*int_in = epd;
				break;
			}
		} else {
			if (int_out && !*int_out) {
				*int_out = epd;
				break;
			}
		}
		return false;
	default:
		return false;
	}
	return (!bulk_in || *bulk_in) && (!bulk_out || *bulk_out) &&
	       (!int_in || *int_in) && (!int_out || *int_out);
}

int usb_find_common_endpoints(struct usb_host_interface *alt,
			      struct usb_endpoint_descriptor **bulk_in,
			      struct usb_endpoint_descriptor **bulk_out,
			      struct usb_endpoint_descriptor **int_in,
			      struct usb_endpoint_descriptor **int_out)
{
	int i;

	if (bulk_in)
		*bulk_in = NULL;
	if (bulk_out)
		*bulk_out = NULL;
	if (int_in)
		*int_in = NULL;
	if (int_out)
		*int_out = NULL;
	for (i = 0; i < alt->desc.bNumEndpoints; ++i)
		if (match_endpoint(&alt->endpoint[i].desc, bulk_in, bulk_out, int_in, int_out))
			return 0;
	return -ENXIO;
}
