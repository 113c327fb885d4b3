/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/hid/usbhid/usbmouse.c usb_mouse_probe() (6.12) with usb_alloc_coherent() replaced by kmalloc() and the transfer_dma line dropped, the flag kept (synthetic bug, as case 001), with 6.12's allocator shape */
/* what: on 6.12 kmalloc(...) is alloc_hooks(kmalloc_noprof(...)): the compilers see kmalloc_noprof(), which rules/dma-apis-versions.def maps to kmalloc; the flag with no handle is found as on 6.1 */
/* cocci is not run: it reads kmalloc() as written, and this case spells the 6.12 expansion out */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

/* include/linux/slab.h and alloc_tag.h of 6.12 (CONFIG_MEM_ALLOC_PROFILING off), reduced:
 * kmalloc_noprof() is the old kmalloc(), the macro keeps the name drivers write */
static __always_inline __alloc_size(1) void *kmalloc_noprof(size_t size, gfp_t flags)
{
	return __kmalloc(size, flags);
}
static inline __alloc_size(1) void *kzalloc_noprof(size_t size, gfp_t flags)
{
	return kmalloc_noprof(size, flags | __GFP_ZERO);
}
#define alloc_hooks(_do_alloc)				\
({							\
	typeof(_do_alloc) _res = _do_alloc;		\
	_res;						\
})
#define kmalloc_612(...)	alloc_hooks(kmalloc_noprof(__VA_ARGS__))
#define kzalloc_612(...)	alloc_hooks(kzalloc_noprof(__VA_ARGS__))

struct usb_mouse {
	struct urb *irq;
	signed char *data;
	dma_addr_t data_dma;
};

static void usb_mouse_irq(struct urb *urb)
{
}

int usb_mouse_start_kmalloc(struct usb_mouse *mouse, struct usb_device *dev,
			    int pipe, int interval)
{
	mouse->data = kmalloc_612(8, GFP_KERNEL);
	if (!mouse->data)
		return -ENOMEM;
	mouse->irq = usb_alloc_urb(0, GFP_KERNEL);
	if (!mouse->irq) {
		kfree(mouse->data);
		return -ENOMEM;
	}
	usb_fill_int_urb(mouse->irq, dev, pipe, mouse->data, 8, usb_mouse_irq, mouse, interval);
	mouse->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(mouse->irq, GFP_KERNEL);
}

int usb_mouse_start_kzalloc(struct usb_mouse *mouse, struct usb_device *dev,
			    int pipe, int interval)
{
	mouse->data = kzalloc_612(8, GFP_KERNEL);
	if (!mouse->data)
		return -ENOMEM;
	mouse->irq = usb_alloc_urb(0, GFP_KERNEL);
	if (!mouse->irq) {
		kfree(mouse->data);
		return -ENOMEM;
	}
	usb_fill_int_urb(mouse->irq, dev, pipe, mouse->data, 8, usb_mouse_irq, mouse, interval);
	mouse->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return usb_submit_urb(mouse->irq, GFP_KERNEL);
}

/* the fixed shape: the buffer's own handle, stored, with the flag */
int usb_mouse_start(struct usb_mouse *mouse, struct usb_device *dev, int pipe, int interval)
{
	mouse->data = usb_alloc_coherent(dev, 8, GFP_KERNEL, &mouse->data_dma);
	if (!mouse->data)
		return -ENOMEM;
	mouse->irq = usb_alloc_urb(0, GFP_KERNEL);
	if (!mouse->irq) {
		usb_free_coherent(dev, 8, mouse->data, mouse->data_dma);
		return -ENOMEM;
	}
	usb_fill_int_urb(mouse->irq, dev, pipe, mouse->data, 8, usb_mouse_irq, mouse, interval);
	mouse->irq->transfer_dma = mouse->data_dma;
	mouse->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(mouse->irq, GFP_KERNEL);
}

/* oracle: start the three variants on interrupt IN 0x81 (bInterval 10): each submits its irq URB */
void case_run(struct case_env *env)
{
	struct usb_endpoint_descriptor *ep = &env->intf->cur_altsetting->endpoint[0].desc;
	int pipe = usb_rcvintpipe(env->udev, ep->bEndpointAddress);
	struct usb_mouse *mouse;

	mouse = kzalloc(sizeof(*mouse), GFP_KERNEL);
	usb_mouse_start_kmalloc(mouse, env->udev, pipe, ep->bInterval);
	mouse = kzalloc(sizeof(*mouse), GFP_KERNEL);
	usb_mouse_start_kzalloc(mouse, env->udev, pipe, ep->bInterval);
	mouse = kzalloc(sizeof(*mouse), GFP_KERNEL);
	usb_mouse_start(mouse, env->udev, pipe, ep->bInterval);
}
