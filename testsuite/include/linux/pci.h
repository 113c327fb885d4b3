/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/pci.h - mirrors 6.1's include/linux/pci.h: struct pci_dev with its
 * IDs and `struct device dev`, to_pci_dev(), pci_get_drvdata()/pci_set_drvdata() as the
 * same static inlines; includes <linux/dma-mapping.h> as 6.1's pci.h does.
 * Left out: resources, config space accessors, MSI, power management.
 */
#ifndef LINUX_PCI_H
#define LINUX_PCI_H

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>

struct pci_dev {
	unsigned int	devfn;		/* Encoded device & function index */
	unsigned short	vendor;
	unsigned short	device;
	unsigned short	subsystem_vendor;
	unsigned short	subsystem_device;
	unsigned int	class;		/* 3 bytes: (base,sub,prog-if) */
	u8		revision;	/* PCI revision, low byte of class word */
	u64		dma_mask;	/* Mask of the bits of bus address this
					   device implements.  Normally this is
					   0xffffffff.  You only need to change
					   this if your device has broken DMA
					   or supports 64-bit transfers.  */
	struct device	dev;			/* Generic device interface */
	int		irq;
};

#define	to_pci_dev(n) container_of(n, struct pci_dev, dev)

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

#endif /* LINUX_PCI_H */
