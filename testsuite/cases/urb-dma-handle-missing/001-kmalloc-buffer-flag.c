/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/hid/usbhid/usbmouse.c usb_mouse_probe() (6.1) with usb_alloc_coherent() replaced by kmalloc() and the transfer_dma line dropped, the flag kept (synthetic bug: a half-done conversion) */
/* what: URB_NO_TRANSFER_DMA_MAP on an URB whose buffer came from kmalloc(), with no handle: the controller DMAs to address 0 */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct usb_mouse {
	struct usb_device *usbdev;
	struct urb *irq;

	signed char *data;
	dma_addr_t data_dma;
};

static void usb_mouse_irq(struct urb *urb)
{
}

int usb_mouse_start_kmalloc(struct usb_mouse *mouse, struct usb_device *dev,
			    int pipe, int maxp, int interval)
{
	mouse->data = kmalloc(8, GFP_KERNEL);
	if (!mouse->data)
		return -ENOMEM;

	mouse->irq = usb_alloc_urb(0, GFP_KERNEL);
	if (!mouse->irq) {
		kfree(mouse->data);
		return -ENOMEM;
	}

	usb_fill_int_urb(mouse->irq, dev, pipe, mouse->data,
			 (maxp > 8 ? 8 : maxp),
			 usb_mouse_irq, mouse, interval);
	mouse->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(mouse->irq, GFP_KERNEL);
}

/* 6.1 */
int usb_mouse_start(struct usb_mouse *mouse, struct usb_device *dev,
		    int pipe, int maxp, int interval)
{
	mouse->data = usb_alloc_coherent(dev, 8, GFP_KERNEL, &mouse->data_dma);
	if (!mouse->data)
		return -ENOMEM;

	mouse->irq = usb_alloc_urb(0, GFP_KERNEL);
	if (!mouse->irq) {
		usb_free_coherent(dev, 8, mouse->data, mouse->data_dma);
		return -ENOMEM;
	}

	usb_fill_int_urb(mouse->irq, dev, pipe, mouse->data,
			 (maxp > 8 ? 8 : maxp),
			 usb_mouse_irq, mouse, interval);
	mouse->irq->transfer_dma = mouse->data_dma;
	mouse->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(mouse->irq, GFP_KERNEL);
}

/* oracle: start both variants on interrupt IN 0x81 (maxp 8, bInterval 10): each submits its irq URB */
void case_run(struct case_env *env)
{
	struct usb_endpoint_descriptor *ep = &env->intf->cur_altsetting->endpoint[0].desc;
	int pipe = usb_rcvintpipe(env->udev, ep->bEndpointAddress);
	int maxp = usb_maxpacket(env->udev, pipe);
	struct usb_mouse *mouse;

	mouse = kzalloc(sizeof(*mouse), GFP_KERNEL);
	mouse->usbdev = env->udev;
	usb_mouse_start_kmalloc(mouse, env->udev, pipe, maxp, ep->bInterval);
	mouse = kzalloc(sizeof(*mouse), GFP_KERNEL);
	mouse->usbdev = env->udev;
	usb_mouse_start(mouse, env->udev, pipe, maxp, ep->bInterval);
}
