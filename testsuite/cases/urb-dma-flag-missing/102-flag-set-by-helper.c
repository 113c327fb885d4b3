/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after drivers/input/misc/powermate.c (6.1) powermate_probe() and drivers/net/usb/kaweth.c kaweth_probe(): the interrupt URB gets a usb_alloc_coherent() buffer, its handle and the flag; here the flag is set by a same-file helper that one probe forgot to call */
/* what: a helper that sets URB_NO_TRANSFER_DMA_MAP on its URB parameter: the probe that calls it stays silent, the probe that does not warns at its handle store */
/* known-to-fail: cocci the URB is filled in pm_alloc(); a function that only stores transfer_dma is not judged, and the helper that sets the flag in the other probe is not summarised */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define PM_PAYLOAD	8

struct pm {
	struct usb_device *udev;
	struct urb *irq;
	unsigned char *data;
	dma_addr_t data_dma;
};

static void pm_irq(struct urb *urb)
{
}

static void pm_urb_premapped(struct urb *urb, dma_addr_t dma)
{
	urb->transfer_dma = dma;
	urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
}

static int pm_alloc(struct pm *pm)
{
	pm->data = usb_alloc_coherent(pm->udev, PM_PAYLOAD, GFP_KERNEL, &pm->data_dma);
	if (!pm->data)
		return -ENOMEM;
	pm->irq = usb_alloc_urb(0, GFP_KERNEL);
	if (!pm->irq) {
		usb_free_coherent(pm->udev, PM_PAYLOAD, pm->data, pm->data_dma);
		return -ENOMEM;
	}
	usb_fill_int_urb(pm->irq, pm->udev, usb_rcvintpipe(pm->udev, 1), pm->data,
			 PM_PAYLOAD, pm_irq, pm, 10);
	return 0;
}

int pm_probe(struct pm *pm)
{
	if (pm_alloc(pm))
		return -ENOMEM;
	pm_urb_premapped(pm->irq, pm->data_dma); /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(pm->irq, GFP_KERNEL);
}

int pm_probe_v2(struct pm *pm)
{
	if (pm_alloc(pm))
		return -ENOMEM;
	pm->irq->transfer_dma = pm->data_dma; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	return usb_submit_urb(pm->irq, GFP_KERNEL);
}

/* oracle: both probes on interrupt IN 0x81, each on its own device state */
void case_run(struct case_env *env)
{
	struct pm *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct pm *b = kzalloc(sizeof(*b), GFP_KERNEL);

	a->udev = env->udev;
	b->udev = env->udev;
	pm_probe(a);
	pm_probe_v2(b);
}
