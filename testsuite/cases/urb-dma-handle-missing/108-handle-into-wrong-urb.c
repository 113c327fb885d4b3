/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after drivers/input/misc/cm109.c (6.1) cm109_usb_probe() (an irq URB and a control URB, each with a usb_alloc_coherent() buffer, handle and flag); the copy-pasted store that names the irq URB twice is the bug */
/* what: both handles stored, but the second into the wrong URB (irq_urb instead of ctl_urb): the control URB's flag line warns; the irq URB, which holds a live coherent handle of the same size, is not this rule and stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define CM_LEN	8

struct cm109_dev {
	struct usb_device *udev;
	struct urb *urb_irq;
	struct urb *urb_ctl;
	u8 *irq_data;
	dma_addr_t irq_dma;
	u8 *ctl_data;
	dma_addr_t ctl_dma;
};

static void cm109_urb_irq_callback(struct urb *urb)
{
}

int cm109_probe_urbs(struct cm109_dev *dev)
{
	dev->irq_data = usb_alloc_coherent(dev->udev, CM_LEN, GFP_KERNEL, &dev->irq_dma);
	dev->ctl_data = usb_alloc_coherent(dev->udev, CM_LEN, GFP_KERNEL, &dev->ctl_dma);
	dev->urb_irq = usb_alloc_urb(0, GFP_KERNEL);
	dev->urb_ctl = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->irq_data || !dev->ctl_data || !dev->urb_irq || !dev->urb_ctl)
		return -ENOMEM;

	usb_fill_int_urb(dev->urb_irq, dev->udev, usb_rcvintpipe(dev->udev, 1), dev->irq_data,
			 CM_LEN, cm109_urb_irq_callback, dev, 10);
	dev->urb_irq->transfer_dma = dev->irq_dma;
	dev->urb_irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck-urb-dma-handle-missing" } */

	usb_fill_int_urb(dev->urb_ctl, dev->udev, usb_sndintpipe(dev->udev, 3), dev->ctl_data,
			 CM_LEN, cm109_urb_irq_callback, dev, 10);
	dev->urb_irq->transfer_dma = dev->ctl_dma;
	dev->urb_ctl->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
	return 0;
}

/* oracle: probe, open (submit the irq URB), then a key-press buzzer update (submit the ctl URB) */
void case_run(struct case_env *env)
{
	struct cm109_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	dev->udev = env->udev;
	if (cm109_probe_urbs(dev))
		return;
	usb_submit_urb(dev->urb_irq, GFP_KERNEL);
	usb_submit_urb(dev->urb_ctl, GFP_KERNEL);
}
