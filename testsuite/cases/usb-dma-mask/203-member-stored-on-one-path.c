/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, the counterpart of 201-member-alias.c (shared-core drivers such as mt76's and rtw88's keep the struct device in their private struct and set the mask in common code) */
/* what: a helper that stores priv->dev on every path before setting the mask reads only what it stored, so the caller's priv->dev does not matter (201); a helper that stores it on one path only can still read the caller's value: a caller that left the USB interface's device there warns at the call */
#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

struct core_priv {
	struct device *dev;
	bool use_pci;
};

static int core_set_mask(struct core_priv *priv, struct pci_dev *pdev)
{
	if (priv->use_pci)
		priv->dev = &pdev->dev;
	return dma_set_mask_and_coherent(priv->dev, DMA_BIT_MASK(32));
}

static int core_set_mask_always(struct core_priv *priv, struct pci_dev *pdev)
{
	priv->dev = &pdev->dev;
	return dma_set_mask_and_coherent(priv->dev, DMA_BIT_MASK(32));
}

int glue_usb_probe(struct usb_interface *intf, struct core_priv *priv)
{
	priv->dev = &intf->dev;
	priv->use_pci = false;
	return core_set_mask(priv, NULL); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int glue_pci_probe(struct pci_dev *pdev, struct core_priv *priv)
{
	priv->use_pci = true;
	return core_set_mask(priv, pdev); /* { dg-bogus "dmacheck" } */
}

int glue_mixed_probe(struct usb_interface *intf, struct pci_dev *pdev, struct core_priv *priv)
{
	priv->dev = &intf->dev;
	return core_set_mask_always(priv, pdev); /* { dg-bogus "dmacheck" } */
}

/* oracle: the USB glue sets the interface's mask through the shared core; the others set the
 * host controller's (a PCI device's); each probe has its own private struct, as each device
 * does */
void case_run(struct case_env *env)
{
	struct core_priv *usb_priv = kzalloc(sizeof(*usb_priv), GFP_KERNEL);
	struct core_priv *pci_priv = kzalloc(sizeof(*pci_priv), GFP_KERNEL);
	struct core_priv *mixed_priv = kzalloc(sizeof(*mixed_priv), GFP_KERNEL);

	glue_usb_probe(env->intf, usb_priv);
	glue_pci_probe(env->hc, pci_priv);
	glue_mixed_probe(env->intf, env->hc, mixed_priv);
}
