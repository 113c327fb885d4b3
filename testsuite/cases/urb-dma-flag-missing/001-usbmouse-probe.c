/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/hid/usbhid/usbmouse.c usb_mouse_probe() (6.1); the _noflag variant drops the URB_NO_TRANSFER_DMA_MAP line (synthetic bug) */
/* what: urb->transfer_dma set from usb_alloc_coherent()'s handle: with the flag silent, without it a warning (usbcore would map the coherent buffer a second time) */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct usb_mouse {
	char name[128];
	char phys[64];
	struct usb_device *usbdev;
	struct urb *irq;

	signed char *data;
	dma_addr_t data_dma;
};

static void usb_mouse_irq(struct urb *urb)
{
}

static struct usb_mouse *usb_mouse_setup(struct usb_interface *intf, int *pipe, int *maxp)
{
	struct usb_device *dev = interface_to_usbdev(intf);
	struct usb_host_interface *interface;
	struct usb_endpoint_descriptor *endpoint;
	struct usb_mouse *mouse;

	interface = intf->cur_altsetting;

	if (interface->desc.bNumEndpoints != 1)
		return NULL;

	endpoint = &interface->endpoint[0].desc;
	if (!usb_endpoint_is_int_in(endpoint))
		return NULL;

	*pipe = usb_rcvintpipe(dev, endpoint->bEndpointAddress);
	*maxp = usb_maxpacket(dev, *pipe);

	mouse = kzalloc(sizeof(struct usb_mouse), GFP_KERNEL);
	if (!mouse)
		return NULL;
	mouse->usbdev = dev;
	return mouse;
}

int usb_mouse_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_device *dev = interface_to_usbdev(intf);
	struct usb_endpoint_descriptor *endpoint = &intf->cur_altsetting->endpoint[0].desc;
	struct usb_mouse *mouse;
	int pipe, maxp;
	int error = -ENOMEM;

	mouse = usb_mouse_setup(intf, &pipe, &maxp);
	if (!mouse)
		return -ENODEV;

	mouse->data = usb_alloc_coherent(dev, 8, GFP_KERNEL, &mouse->data_dma);
	if (!mouse->data)
		goto fail1;

	mouse->irq = usb_alloc_urb(0, GFP_KERNEL);
	if (!mouse->irq)
		goto fail2;

	usb_fill_int_urb(mouse->irq, dev, pipe, mouse->data,
			 (maxp > 8 ? 8 : maxp),
			 usb_mouse_irq, mouse, endpoint->bInterval);
	mouse->irq->transfer_dma = mouse->data_dma; /* { dg-bogus "dmacheck" } */
	mouse->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	usb_set_intfdata(intf, mouse);
	return 0;

fail2:
	usb_free_coherent(dev, 8, mouse->data, mouse->data_dma);
fail1:
	kfree(mouse);
	return error;
}

int usb_mouse_probe_noflag(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_device *dev = interface_to_usbdev(intf);
	struct usb_endpoint_descriptor *endpoint = &intf->cur_altsetting->endpoint[0].desc;
	struct usb_mouse *mouse;
	int pipe, maxp;
	int error = -ENOMEM;

	mouse = usb_mouse_setup(intf, &pipe, &maxp);
	if (!mouse)
		return -ENODEV;

	mouse->data = usb_alloc_coherent(dev, 8, GFP_KERNEL, &mouse->data_dma);
	if (!mouse->data)
		goto fail1;

	mouse->irq = usb_alloc_urb(0, GFP_KERNEL);
	if (!mouse->irq)
		goto fail2;

	usb_fill_int_urb(mouse->irq, dev, pipe, mouse->data,
			 (maxp > 8 ? 8 : maxp),
			 usb_mouse_irq, mouse, endpoint->bInterval);
	mouse->irq->transfer_dma = mouse->data_dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */

	usb_set_intfdata(intf, mouse);
	return 0;

fail2:
	usb_free_coherent(dev, 8, mouse->data, mouse->data_dma);
fail1:
	kfree(mouse);
	return error;
}

/* oracle: probe the one-endpoint mouse interface, then open it (submit the irq URB) */
void case_run(struct case_env *env)
{
	struct usb_mouse *mouse;

	env->intf->cur_altsetting->desc.bNumEndpoints = 1;
	if (usb_mouse_probe(env->intf, NULL) == 0) {
		mouse = usb_get_intfdata(env->intf);
		usb_submit_urb(mouse->irq, GFP_KERNEL);
	}
	if (usb_mouse_probe_noflag(env->intf, NULL) == 0) {
		mouse = usb_get_intfdata(env->intf);
		usb_submit_urb(mouse->irq, GFP_KERNEL);
	}
}
