/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (probe functions that record the struct device in their private struct first, "priv->dev = &intf->dev;", as most drivers/net/usb and drivers/media/usb probes do) */
/* what: a member of the driver's struct assigned &intf->dev (or &udev->dev) in the same function and then given to a mask setter warns; the same member assigned a PCI or platform device's struct device stays silent */
#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

struct cam_priv {
	struct device *dev;
	struct usb_device *udev;
};

int cam_usb_probe(struct usb_interface *intf, struct cam_priv *priv)
{
	priv->dev = &intf->dev;
	priv->udev = interface_to_usbdev(intf);
	dev_info(priv->dev, "probing\n");
	return dma_set_mask_and_coherent(priv->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int cam_usb_probe_udev(struct usb_interface *intf, struct cam_priv *priv)
{
	priv->udev = interface_to_usbdev(intf);
	priv->dev = &priv->udev->dev;
	return dma_set_coherent_mask(priv->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int cam_pci_probe(struct pci_dev *pdev, struct cam_priv *priv)
{
	priv->dev = &pdev->dev;
	return dma_set_mask_and_coherent(priv->dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
}

int cam_platform_probe(struct platform_device *pdev, struct cam_priv *priv)
{
	priv->dev = &pdev->dev;
	return dma_set_mask(priv->dev, DMA_BIT_MASK(32)); /* { dg-bogus "dmacheck" } */
}

/* oracle: both USB probes, then the PCI probe on the host controller and the platform probe */
void case_run(struct case_env *env)
{
	struct cam_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	cam_usb_probe(env->intf, priv);
	cam_usb_probe_udev(env->intf, priv);
	cam_pci_probe(env->hc, priv);
	cam_platform_probe(env->pdev, priv);
}
