/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after the 6.1 drivers that set a mask in an init helper of their private state (drivers/media/usb, drivers/net/wireless USB glue) which takes the interface out of the state the probe filled */
/* what: a helper that sets the mask on the interface's device, which a second helper stored through an out-parameter from the state argument, is reported once, in the helper; the probe that calls it with a USB interface is not reported again at the call; a helper that takes a bare struct device is reported at the USB caller, not in itself */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

struct cam {
	struct usb_interface *intf;
	struct device *dev;
};

static void cam_pick_dma_dev(struct cam *cam, struct device **out)
{
	*out = &cam->intf->dev;
}

static int cam_init_dma(struct cam *cam)
{
	cam_pick_dma_dev(cam, &cam->dev);
	return dma_set_mask(cam->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

static int cam_init_dma_dev(struct device *dev)
{
	return dma_set_mask(dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
}

int cam_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct cam *cam = kzalloc(sizeof(*cam), GFP_KERNEL);

	if (!cam)
		return -ENOMEM;
	cam->intf = intf;
	cam_init_dma(cam); /* { dg-bogus "dmacheck" } */
	return cam_init_dma_dev(&intf->dev); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

/* oracle: the probe on the interface */
void case_run(struct case_env *env)
{
	cam_probe(env->intf, NULL);
}
