/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from drivers/net/ethernet/natsemi/natsemi.c (6.1) refill_rx(), drain_rx(), start_tx(), netdev_tx_done(): handles kept in arrays of dma_addr_t in the private struct (np->rx_dma[entry], np->tx_dma[entry]); 6.1 computes the RX size (rx_buf_sz + NATSEMI_PADDING) on both sides, here constants, and the drain's size without the padding is the bug put in */
/* what: a handle mapped into np->rx_dma[entry] by the refill function and unmapped by another function with another constant size warns (both front ends: sparse's pointer sums for the array element are the member's element as GCC's ARRAY_REF is); the TX handles unmapped with their mapping's size, and the RX unmap with the padded size, stay silent */
#include <linux/dma-mapping.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define RX_RING_SIZE		4
#define TX_RING_SIZE		4
#define NATSEMI_BUF		1536
#define NATSEMI_PADDING		16
#define NATSEMI_TX_BUF		256

struct netdev_desc {
	__le32 next_desc;
	__le32 cmd_status;
	__le32 addr;
	__le32 software_use;
};

struct netdev_private {
	struct netdev_desc *rx_ring;
	struct netdev_desc *tx_ring;
	void *rx_buf[RX_RING_SIZE];
	dma_addr_t rx_dma[RX_RING_SIZE];
	void *tx_buf[TX_RING_SIZE];
	dma_addr_t tx_dma[TX_RING_SIZE];
	struct pci_dev *pci_dev;
};

int refill_rx(struct netdev_private *np, int entry)
{
	np->rx_dma[entry] = dma_map_single(&np->pci_dev->dev, np->rx_buf[entry],
					   NATSEMI_BUF + NATSEMI_PADDING, DMA_FROM_DEVICE);
	if (dma_mapping_error(&np->pci_dev->dev, np->rx_dma[entry]))
		return -ENOMEM;
	np->rx_ring[entry].addr = cpu_to_le32((u32)np->rx_dma[entry]);
	return 0;
}

void drain_rx(struct netdev_private *np)
{
	int i;

	for (i = 0; i < RX_RING_SIZE; i++) {
		np->rx_ring[i].cmd_status = 0;
		if (np->rx_buf[i])
			dma_unmap_single(&np->pci_dev->dev, np->rx_dma[i], NATSEMI_BUF,
					 DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-unmap-size-mismatch" } */
	}
}

void rx_one(struct netdev_private *np, int entry)
{
	dma_unmap_single(&np->pci_dev->dev, np->rx_dma[entry], NATSEMI_BUF + NATSEMI_PADDING,
			 DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
}

int start_tx(struct netdev_private *np, int entry)
{
	np->tx_dma[entry] = dma_map_single(&np->pci_dev->dev, np->tx_buf[entry], NATSEMI_TX_BUF,
					   DMA_TO_DEVICE);
	if (dma_mapping_error(&np->pci_dev->dev, np->tx_dma[entry]))
		return -ENOMEM;
	np->tx_ring[entry].addr = cpu_to_le32((u32)np->tx_dma[entry]);
	return 0;
}

void netdev_tx_done(struct netdev_private *np, int entry)
{
	dma_unmap_single(&np->pci_dev->dev, np->tx_dma[entry], NATSEMI_TX_BUF,
			 DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
}

/* oracle: open (rings, one RX and one TX buffer mapped), a frame in each direction, one
 * more RX refill, then close (the RX ring drained) */
void case_run(struct case_env *env)
{
	struct netdev_private *np = kzalloc(sizeof(*np), GFP_KERNEL);

	np->pci_dev = env->hc;
	np->rx_ring = kzalloc(RX_RING_SIZE * sizeof(struct netdev_desc), GFP_KERNEL);
	np->tx_ring = kzalloc(TX_RING_SIZE * sizeof(struct netdev_desc), GFP_KERNEL);
	np->rx_buf[0] = kmalloc(NATSEMI_BUF + NATSEMI_PADDING, GFP_KERNEL);
	np->rx_buf[1] = kmalloc(NATSEMI_BUF + NATSEMI_PADDING, GFP_KERNEL);
	np->tx_buf[0] = kmalloc(NATSEMI_TX_BUF, GFP_KERNEL);
	if (refill_rx(np, 0) || start_tx(np, 0))
		return;
	rx_one(np, 0);
	netdev_tx_done(np, 0);
	if (refill_rx(np, 1))
		return;
	drain_rx(np);
}
