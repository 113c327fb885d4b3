/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic, with the private-struct layout of drivers/usb/misc/usblcd.c and drivers/media/usb (struct { struct usb_device *udev; ... }) */
/* what: the usb_device pointer kept in the driver's private struct (from usb_get_intfdata() or a parameter) warns */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

struct usb_lcd {
	struct usb_device	*udev;			/* init: probe_lcd */
	struct usb_interface	*interface;		/* the interface for
							   this device */
	unsigned char		*bulk_in_buffer;	/* the buffer to receive
							   data */
	size_t			bulk_in_size;		/* the size of the
							   receive buffer */
};

int lcd_setup_dma(struct usb_lcd *dev)
{
	return dma_set_mask_and_coherent(&dev->udev->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int lcd_resume(struct usb_interface *intf)
{
	struct usb_lcd *dev = usb_get_intfdata(intf);

	return dma_set_mask(&dev->udev->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int lcd_probe(struct usb_interface *interface, const struct usb_device_id *id)
{
	struct usb_lcd *dev;
	int retval;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->udev = usb_get_dev(interface_to_usbdev(interface));
	dev->interface = usb_get_intf(interface);
	retval = dma_set_coherent_mask(&dev->interface->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
	if (retval) {
		usb_put_intf(dev->interface);
		usb_put_dev(dev->udev);
		kfree(dev);
		return retval;
	}
	usb_set_intfdata(interface, dev);
	return 0;
}

/* oracle: probe the interface, set up DMA with the private struct it stored, then resume */
void case_run(struct case_env *env)
{
	if (lcd_probe(env->intf, NULL) == 0) {
		lcd_setup_dma(usb_get_intfdata(env->intf));
		lcd_resume(env->intf);
	}
}
