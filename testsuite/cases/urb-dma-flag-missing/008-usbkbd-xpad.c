/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/hid/usbhid/usbkbd.c usb_kbd_probe()/usb_kbd_alloc_mem() and drivers/input/joystick/xpad.c xpad_init_output() (6.1); the _noflag variants drop flag lines (synthetic bugs) */
/* what: the classic input-driver set-up: coherent buffer, handle copied into the URB, flag ORed in; each URB needs its own flag */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define XPAD_PKT_LEN 64

struct usb_kbd {
	struct urb *irq, *led;
	unsigned char newleds;
	unsigned char *new;
	struct usb_ctrlrequest *cr;
	unsigned char *leds;
	dma_addr_t new_dma;
	dma_addr_t leds_dma;
};

struct usb_xpad {
	struct usb_device *udev;
	struct urb *irq_out;
	unsigned char *odata;
	dma_addr_t odata_dma;
};

static void usb_kbd_irq(struct urb *urb)
{
}

static void usb_kbd_led(struct urb *urb)
{
}

static void xpad_irq_out(struct urb *urb)
{
}

static int usb_kbd_alloc_mem(struct usb_device *dev, struct usb_kbd *kbd)
{
	if (!(kbd->irq = usb_alloc_urb(0, GFP_KERNEL)))
		return -1;
	if (!(kbd->led = usb_alloc_urb(0, GFP_KERNEL)))
		return -1;
	if (!(kbd->new = usb_alloc_coherent(dev, 8, GFP_KERNEL, &kbd->new_dma)))
		return -1;
	if (!(kbd->cr = kmalloc(sizeof(struct usb_ctrlrequest), GFP_KERNEL)))
		return -1;
	if (!(kbd->leds = usb_alloc_coherent(dev, 1, GFP_KERNEL, &kbd->leds_dma)))
		return -1;

	return 0;
}

int usb_kbd_setup(struct usb_kbd *kbd, struct usb_device *dev, int pipe, int maxp,
		  struct usb_host_interface *interface, int interval)
{
	if (usb_kbd_alloc_mem(dev, kbd))
		return -ENOMEM;

	usb_fill_int_urb(kbd->irq, dev, pipe,
			 kbd->new, (maxp > 8 ? 8 : maxp),
			 usb_kbd_irq, kbd, interval);
	kbd->irq->transfer_dma = kbd->new_dma; /* { dg-bogus "dmacheck" } */
	kbd->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	kbd->cr->bRequestType = USB_TYPE_CLASS | USB_RECIP_INTERFACE;
	kbd->cr->bRequest = 0x09;
	kbd->cr->wValue = cpu_to_le16(0x200);
	kbd->cr->wIndex = cpu_to_le16(interface->desc.bInterfaceNumber);
	kbd->cr->wLength = cpu_to_le16(1);

	usb_fill_control_urb(kbd->led, dev, usb_sndctrlpipe(dev, 0),
			     (void *) kbd->cr, kbd->leds, 1,
			     usb_kbd_led, kbd);
	kbd->led->transfer_dma = kbd->leds_dma; /* { dg-bogus "dmacheck" } */
	kbd->led->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return 0;
}

int usb_kbd_setup_noflag(struct usb_kbd *kbd, struct usb_device *dev, int pipe, int maxp,
			 struct usb_host_interface *interface, int interval)
{
	if (usb_kbd_alloc_mem(dev, kbd))
		return -ENOMEM;

	usb_fill_int_urb(kbd->irq, dev, pipe,
			 kbd->new, (maxp > 8 ? 8 : maxp),
			 usb_kbd_irq, kbd, interval);
	kbd->irq->transfer_dma = kbd->new_dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */

	kbd->cr->bRequestType = USB_TYPE_CLASS | USB_RECIP_INTERFACE;
	kbd->cr->bRequest = 0x09;
	kbd->cr->wValue = cpu_to_le16(0x200);
	kbd->cr->wIndex = cpu_to_le16(interface->desc.bInterfaceNumber);
	kbd->cr->wLength = cpu_to_le16(1);

	usb_fill_control_urb(kbd->led, dev, usb_sndctrlpipe(dev, 0),
			     (void *) kbd->cr, kbd->leds, 1,
			     usb_kbd_led, kbd);
	kbd->led->transfer_dma = kbd->leds_dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	return 0;
}

int xpad_init_output(struct usb_xpad *xpad, struct usb_endpoint_descriptor *ep_irq_out)
{
	xpad->odata = usb_alloc_coherent(xpad->udev, XPAD_PKT_LEN,
					 GFP_KERNEL, &xpad->odata_dma);
	if (!xpad->odata)
		return -ENOMEM;

	xpad->irq_out = usb_alloc_urb(0, GFP_KERNEL);
	if (!xpad->irq_out) {
		usb_free_coherent(xpad->udev, XPAD_PKT_LEN, xpad->odata, xpad->odata_dma);
		return -ENOMEM;
	}

	usb_fill_int_urb(xpad->irq_out, xpad->udev,
			 usb_sndintpipe(xpad->udev, ep_irq_out->bEndpointAddress),
			 xpad->odata, XPAD_PKT_LEN,
			 xpad_irq_out, xpad, ep_irq_out->bInterval);
	xpad->irq_out->transfer_dma = xpad->odata_dma; /* { dg-bogus "dmacheck" } */
	xpad->irq_out->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	return 0;
}

int xpad_init_output_noflag(struct usb_xpad *xpad, struct usb_endpoint_descriptor *ep_irq_out)
{
	xpad->odata = usb_alloc_coherent(xpad->udev, XPAD_PKT_LEN,
					 GFP_KERNEL, &xpad->odata_dma);
	if (!xpad->odata)
		return -ENOMEM;

	xpad->irq_out = usb_alloc_urb(0, GFP_KERNEL);
	if (!xpad->irq_out) {
		usb_free_coherent(xpad->udev, XPAD_PKT_LEN, xpad->odata, xpad->odata_dma);
		return -ENOMEM;
	}

	usb_fill_int_urb(xpad->irq_out, xpad->udev,
			 usb_sndintpipe(xpad->udev, ep_irq_out->bEndpointAddress),
			 xpad->odata, XPAD_PKT_LEN,
			 xpad_irq_out, xpad, ep_irq_out->bInterval);
	xpad->irq_out->transfer_dma = xpad->odata_dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */

	return 0;
}

/* oracle: keyboard set-up on interrupt IN 0x81, then open (submit irq) and a LED event (submit led);
 * xpad output set-up on interrupt OUT 0x03, then a rumble packet (submit irq_out); each in both variants */
void case_run(struct case_env *env)
{
	struct usb_device *dev = env->udev;
	struct usb_host_interface *interface = env->intf->cur_altsetting;
	struct usb_endpoint_descriptor *ep_in = &interface->endpoint[0].desc;
	struct usb_endpoint_descriptor *ep_out = &interface->endpoint[3].desc;
	int pipe = usb_rcvintpipe(dev, ep_in->bEndpointAddress);
	int maxp = usb_maxpacket(dev, pipe);
	struct usb_kbd *kbd;
	struct usb_xpad *xpad;

	kbd = kzalloc(sizeof(*kbd), GFP_KERNEL);
	if (usb_kbd_setup(kbd, dev, pipe, maxp, interface, ep_in->bInterval) == 0) {
		usb_submit_urb(kbd->irq, GFP_KERNEL);
		usb_submit_urb(kbd->led, GFP_ATOMIC);
	}
	kbd = kzalloc(sizeof(*kbd), GFP_KERNEL);
	if (usb_kbd_setup_noflag(kbd, dev, pipe, maxp, interface, ep_in->bInterval) == 0) {
		usb_submit_urb(kbd->irq, GFP_KERNEL);
		usb_submit_urb(kbd->led, GFP_ATOMIC);
	}

	xpad = kzalloc(sizeof(*xpad), GFP_KERNEL);
	xpad->udev = dev;
	if (xpad_init_output(xpad, ep_out) == 0)
		usb_submit_urb(xpad->irq_out, GFP_ATOMIC);
	xpad = kzalloc(sizeof(*xpad), GFP_KERNEL);
	xpad->udev = dev;
	if (xpad_init_output_noflag(xpad, ep_out) == 0)
		usb_submit_urb(xpad->irq_out, GFP_ATOMIC);
}
