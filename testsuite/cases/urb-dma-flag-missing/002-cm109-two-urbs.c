/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/input/misc/cm109.c cm109_usb_probe() (6.1); the _ctl_noflag variant drops the flag of the control URB only (synthetic bug) */
/* what: two URBs with coherent buffers in one function: the flag on one URB does not cover the other */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define USB_PKT_LEN	sizeof(struct cm109_ctl_packet)
#define HID_REQ_SET_REPORT	0x09

struct cm109_ctl_packet {
	u8 byte[4];
} __attribute__ ((packed));

struct cm109_dev {
	struct usb_device *udev;	/* usb device */

	/* irq input channel */
	struct cm109_ctl_packet *irq_data;
	dma_addr_t irq_dma;
	struct urb *urb_irq;

	/* control output channel */
	struct cm109_ctl_packet *ctl_data;
	dma_addr_t ctl_dma;
	struct usb_ctrlrequest *ctl_req;
	struct urb *urb_ctl;
};

static void cm109_urb_irq_callback(struct urb *urb)
{
}

static void cm109_urb_ctl_callback(struct urb *urb)
{
}

static int cm109_alloc(struct cm109_dev *dev, struct usb_device *udev)
{
	dev->udev = udev;
	dev->irq_data = usb_alloc_coherent(udev, USB_PKT_LEN,
					   GFP_KERNEL, &dev->irq_dma);
	if (!dev->irq_data)
		return -ENOMEM;

	dev->ctl_data = usb_alloc_coherent(udev, USB_PKT_LEN,
					   GFP_KERNEL, &dev->ctl_dma);
	if (!dev->ctl_data)
		return -ENOMEM;

	dev->ctl_req = kmalloc(sizeof(*(dev->ctl_req)), GFP_KERNEL);
	if (!dev->ctl_req)
		return -ENOMEM;

	/* allocate URB structures */
	dev->urb_irq = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->urb_irq)
		return -ENOMEM;

	dev->urb_ctl = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->urb_ctl)
		return -ENOMEM;
	return 0;
}

int cm109_usb_probe(struct cm109_dev *dev, struct usb_device *udev,
		    struct usb_endpoint_descriptor *endpoint)
{
	int pipe, ret;

	ret = cm109_alloc(dev, udev);
	if (ret)
		return ret;

	/* get a handle to the interrupt data pipe */
	pipe = usb_rcvintpipe(udev, endpoint->bEndpointAddress);

	/* initialise irq urb */
	usb_fill_int_urb(dev->urb_irq, udev, pipe, dev->irq_data,
			 USB_PKT_LEN,
			 cm109_urb_irq_callback, dev, endpoint->bInterval);
	dev->urb_irq->transfer_dma = dev->irq_dma; /* { dg-bogus "dmacheck" } */
	dev->urb_irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	dev->urb_irq->dev = udev;

	/* initialise ctl urb */
	dev->ctl_req->bRequestType = USB_TYPE_CLASS | USB_RECIP_INTERFACE |
					USB_DIR_OUT;
	dev->ctl_req->bRequest = HID_REQ_SET_REPORT;
	dev->ctl_req->wValue = cpu_to_le16(0x200);
	dev->ctl_req->wIndex = cpu_to_le16(endpoint->bEndpointAddress);
	dev->ctl_req->wLength = cpu_to_le16(USB_PKT_LEN);

	usb_fill_control_urb(dev->urb_ctl, udev, usb_sndctrlpipe(udev, 0),
			     (void *)dev->ctl_req, dev->ctl_data, USB_PKT_LEN,
			     cm109_urb_ctl_callback, dev);
	dev->urb_ctl->transfer_dma = dev->ctl_dma; /* { dg-bogus "dmacheck" } */
	dev->urb_ctl->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	dev->urb_ctl->dev = udev;
	return 0;
}

int cm109_usb_probe_ctl_noflag(struct cm109_dev *dev, struct usb_device *udev,
			       struct usb_endpoint_descriptor *endpoint)
{
	int pipe, ret;

	ret = cm109_alloc(dev, udev);
	if (ret)
		return ret;

	pipe = usb_rcvintpipe(udev, endpoint->bEndpointAddress);

	usb_fill_int_urb(dev->urb_irq, udev, pipe, dev->irq_data,
			 USB_PKT_LEN,
			 cm109_urb_irq_callback, dev, endpoint->bInterval);
	dev->urb_irq->transfer_dma = dev->irq_dma; /* { dg-bogus "dmacheck" } */
	dev->urb_irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	dev->urb_irq->dev = udev;

	usb_fill_control_urb(dev->urb_ctl, udev, usb_sndctrlpipe(udev, 0),
			     (void *)dev->ctl_req, dev->ctl_data, USB_PKT_LEN,
			     cm109_urb_ctl_callback, dev);
	dev->urb_ctl->transfer_dma = dev->ctl_dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	dev->urb_ctl->dev = udev;
	return 0;
}

/* oracle: probe both variants on the interrupt-IN endpoint 0x81, then submit the irq and ctl URBs (open, set LEDs) */
void case_run(struct case_env *env)
{
	struct usb_endpoint_descriptor *ep = &env->intf->cur_altsetting->endpoint[0].desc;
	struct cm109_dev *dev;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (cm109_usb_probe(dev, env->udev, ep) == 0) {
		usb_submit_urb(dev->urb_irq, GFP_KERNEL);
		usb_submit_urb(dev->urb_ctl, GFP_KERNEL);
	}

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (cm109_usb_probe_ctl_noflag(dev, env->udev, ep) == 0) {
		/* the real probe fills the setup packet as cm109_usb_probe() does */
		dev->ctl_req->bRequestType = USB_TYPE_CLASS | USB_RECIP_INTERFACE | USB_DIR_OUT;
		dev->ctl_req->bRequest = HID_REQ_SET_REPORT;
		dev->ctl_req->wValue = cpu_to_le16(0x200);
		dev->ctl_req->wIndex = cpu_to_le16(ep->bEndpointAddress);
		dev->ctl_req->wLength = cpu_to_le16(USB_PKT_LEN);
		usb_submit_urb(dev->urb_irq, GFP_KERNEL);
		usb_submit_urb(dev->urb_ctl, GFP_KERNEL);
	}
}
