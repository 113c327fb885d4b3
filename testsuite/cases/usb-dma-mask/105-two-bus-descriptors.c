/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a combo board driver that handles a PCI function and the USB interface of the same card, like the PCIe/USB variants behind drivers/media/pci and media/usb bridges; each side described by one struct type) */
/* what: two locals of one struct type, one naming the PCI function, the other the USB interface; a helper sets the mask of the one it is given: the PCI side stays silent, the USB side warns */
/* known-to-fail: cocci the interface is stored into a member of a local struct (usb_side.dev) that is passed by pointer; members of pointer parameters are not followed into the callee */
#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

struct side {
	struct device *dev;
	int bits;
};

static int side_setup(struct side *s)
{
	return dma_set_mask(s->dev, DMA_BIT_MASK(s->bits)); /* { dg-bogus "dmacheck" } */
}

int combo_attach(struct pci_dev *pdev, struct usb_interface *intf)
{
	struct side pci_side, usb_side;
	int ret;

	pci_side.dev = &pdev->dev;
	pci_side.bits = 32;
	usb_side.dev = &intf->dev;
	usb_side.bits = 32;

	ret = side_setup(&pci_side); /* { dg-bogus "dmacheck" } */
	if (ret)
		return ret;
	return side_setup(&usb_side); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

/* oracle: attach the combo card: its PCI function is the host controller's function here */
void case_run(struct case_env *env)
{
	combo_attach(env->hc, env->intf);
}
