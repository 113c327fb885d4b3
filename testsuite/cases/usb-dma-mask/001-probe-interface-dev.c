/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/usb/usb-skeleton.c skel_probe() (6.1) with DMA mask calls added (synthetic bug) */
/* what: dma_set_mask()/dma_set_coherent_mask() on &intf->dev, the interface's struct device, warn: USB devices do DMA through the host controller */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

struct usb_skel {
	struct usb_device	*udev;			/* the usb device for this device */
	struct usb_interface	*interface;		/* the interface for this device */
	size_t			bulk_in_size;		/* the size of the receive buffer */
	__u8			bulk_in_endpointAddr;	/* the address of the bulk in endpoint */
	__u8			bulk_out_endpointAddr;	/* the address of the bulk out endpoint */
};

int skel_probe(struct usb_interface *interface,
	       const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *bulk_in, *bulk_out;
	struct usb_skel *dev;
	int retval;

	/* allocate memory for our device state and initialize it */
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;

	dev->udev = usb_get_dev(interface_to_usbdev(interface));
	dev->interface = usb_get_intf(interface);

	/* synthetic: the driver "makes sure" its buffers are 32-bit addressable */
	retval = dma_set_mask(&interface->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
	if (retval)
		goto error;
	retval = dma_set_coherent_mask(&interface->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } { core-differs "all" "dma_set_mask() on the interface fails with -EIO in 6.1 (dma_mask is NULL), so the probe bails out before this line runs" } */
	if (retval)
		goto error;

	/* use only the first bulk-in and bulk-out endpoints */
	retval = usb_find_common_endpoints(interface->cur_altsetting,
			&bulk_in, &bulk_out, NULL, NULL);
	if (retval) {
		dev_err(&interface->dev,
			"Could not find both bulk-in and bulk-out endpoints\n");
		goto error;
	}

	dev->bulk_in_size = usb_endpoint_maxp(bulk_in);
	dev->bulk_in_endpointAddr = bulk_in->bEndpointAddress;
	dev->bulk_out_endpointAddr = bulk_out->bEndpointAddress;

	/* save our data pointer in this interface device */
	usb_set_intfdata(interface, dev);
	return 0;

error:
	usb_put_intf(dev->interface);
	usb_put_dev(dev->udev);
	kfree(dev);
	return retval;
}

/* oracle: probe the interface (skel_probe sets the masks of &intf->dev) */
void case_run(struct case_env *env)
{
	skel_probe(env->intf, NULL);
}
