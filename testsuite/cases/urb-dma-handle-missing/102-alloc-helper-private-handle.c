/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after drivers/input/misc/ati_remote2.c and keyspan_remote.c (6.1), which allocate with usb_alloc_coherent() into a private dma field and then store it in the URB; here allocation is a same-file helper with a dma_addr_t * out-parameter and one caller forgets the store */
/* what: the helper stores the handle through its out-parameter into a private field; the caller sets the flag and never copies the handle into the URB: its flag line warns; the caller that passes &urb->transfer_dma stays silent */
/* known-to-fail: cocci the buffer comes from a same-file helper (not a known allocator) and the handle goes to a private field through its out-parameter; neither is summarised */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define RC_LEN	8

struct rc_dev {
	struct usb_device *udev;
	struct urb *irq_urb;
	u8 *data;
	dma_addr_t data_dma;
};

static void rc_irq(struct urb *urb)
{
}

static u8 *rc_buf_alloc(struct rc_dev *rc, size_t len, dma_addr_t *dma)
{
	return usb_alloc_coherent(rc->udev, len, GFP_KERNEL, dma);
}

int rc_setup(struct rc_dev *rc)
{
	rc->irq_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!rc->irq_urb)
		return -ENOMEM;
	rc->data = rc_buf_alloc(rc, RC_LEN, &rc->data_dma);
	if (!rc->data)
		return -ENOMEM;
	usb_fill_int_urb(rc->irq_urb, rc->udev, usb_rcvintpipe(rc->udev, 1), rc->data, RC_LEN,
			 rc_irq, rc, 10);
	rc->irq_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return 0;
}

int rc_setup_direct(struct rc_dev *rc)
{
	rc->irq_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!rc->irq_urb)
		return -ENOMEM;
	rc->data = rc_buf_alloc(rc, RC_LEN, &rc->irq_urb->transfer_dma);
	if (!rc->data)
		return -ENOMEM;
	usb_fill_int_urb(rc->irq_urb, rc->udev, usb_rcvintpipe(rc->udev, 1), rc->data, RC_LEN,
			 rc_irq, rc, 10);
	rc->irq_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */
	return 0;
}

/* oracle: each set-up on its own device state, then open (submit on interrupt IN 0x81) */
void case_run(struct case_env *env)
{
	struct rc_dev *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct rc_dev *b = kzalloc(sizeof(*b), GFP_KERNEL);

	a->udev = env->udev;
	b->udev = env->udev;
	if (rc_setup(a) == 0)
		usb_submit_urb(a->irq_urb, GFP_KERNEL);
	if (rc_setup_direct(b) == 0)
		usb_submit_urb(b->irq_urb, GFP_KERNEL);
}
