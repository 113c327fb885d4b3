/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/hid/usbhid/usbmouse.c (6.1) usb_mouse_probe() with its allocation moved into a helper, as drivers/input/joystick/xpad.c does; the missing `transfer_dma = data_dma` in the second probe is the bug put in */
/* what: a coherent buffer allocated in a same-file helper with its handle kept in the driver struct: the probe that stores the handle stays silent, the one that drops it warns at the flag (a helper that puts the handle straight into &urb->transfer_dma, ar5523's shape, is 007's silent case) */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct mouse {
	struct usb_device *usbdev;
	struct urb *irq;
	signed char *data;
	dma_addr_t data_dma;
};

static void mouse_irq(struct urb *urb)
{
}

static int mouse_alloc(struct mouse *m)
{
	m->data = usb_alloc_coherent(m->usbdev, 8, GFP_KERNEL, &m->data_dma);
	return m->data ? 0 : -ENOMEM;
}

int mouse_probe(struct mouse *m, int pipe)
{
	if (mouse_alloc(m))
		return -ENOMEM;
	usb_fill_int_urb(m->irq, m->usbdev, pipe, m->data, 8, mouse_irq, m, 10);
	m->irq->transfer_dma = m->data_dma;
	m->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return 0;
}

int mouse_probe_dropped(struct mouse *m, int pipe)
{
	if (mouse_alloc(m))
		return -ENOMEM;
	usb_fill_int_urb(m->irq, m->usbdev, pipe, m->data, 8, mouse_irq, m, 10);
	m->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return 0;
}

/* oracle: each probe on its own driver struct (interrupt IN 0x81), then open (submit irq) */
void case_run(struct case_env *env)
{
	struct mouse *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct mouse *b = kzalloc(sizeof(*b), GFP_KERNEL);
	int pipe = usb_rcvintpipe(env->udev, 0x81);

	a->usbdev = b->usbdev = env->udev;
	a->irq = usb_alloc_urb(0, GFP_KERNEL);
	b->irq = usb_alloc_urb(0, GFP_KERNEL);
	if (!mouse_probe(a, pipe))
		usb_submit_urb(a->irq, GFP_KERNEL);
	if (!mouse_probe_dropped(b, pipe))
		usb_submit_urb(b->irq, GFP_KERNEL);
}
