/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after USB camera/bridge drivers that ask a helper for "the device to do DMA with" (6.1's usb_intf_get_dma_device() in drivers/usb/core/usb.c returns the host controller's sysdev; a driver-local variant that returns the interface is the bug put in) */
/* what: a helper that returns &intf->dev, and one that hands it back through a struct device ** out-parameter into a member, make the caller's mask calls warn; the same helpers returning udev->bus->sysdev (whose mask is only read) stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

struct brg {
	struct usb_interface *intf;
	struct device *dma_dev;
	u64 limit;
};

static struct device *brg_dma_dev(struct usb_interface *intf)
{
	return &intf->dev;
}

static struct device *brg_hc_dev(struct usb_interface *intf)
{
	return interface_to_usbdev(intf)->bus->sysdev;
}

static void brg_lookup_dma_dev(struct brg *b, struct device **dev)
{
	*dev = &b->intf->dev;
}

static void brg_lookup_hc_dev(struct brg *b, struct device **dev)
{
	*dev = interface_to_usbdev(b->intf)->bus->sysdev;
}

int brg_set_dma(struct brg *b)
{
	return dma_set_mask_and_coherent(brg_dma_dev(b->intf), DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int brg_read_limit(struct brg *b)
{
	b->limit = dma_get_mask(brg_hc_dev(b->intf)); /* { dg-bogus "dmacheck" } */
	return 0;
}

int brg_init_dma(struct brg *b)
{
	brg_lookup_dma_dev(b, &b->dma_dev);
	return dma_set_coherent_mask(b->dma_dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int brg_init_limit(struct brg *b)
{
	brg_lookup_hc_dev(b, &b->dma_dev);
	b->limit = dma_get_mask(b->dma_dev); /* { dg-bogus "dmacheck" } */
	return 0;
}

/* oracle: probe on env->intf: read the controller's limit both ways, then set the masks */
void case_run(struct case_env *env)
{
	struct brg *b = kzalloc(sizeof(*b), GFP_KERNEL);

	b->intf = env->intf;
	brg_read_limit(b);
	brg_init_limit(b);
	brg_set_dma(b);
	brg_init_dma(b);
	kfree(b);
}
