/* SPDX-License-Identifier: ISC */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (the MCU command path of a PCIe WLAN chip, shaped after drivers/net/wireless/mediatek/mt76/mt7615/pci_mcu.c and mt76's dma.c: the command is built, then mapped with dma_map_single(); 6.1 builds it in an skb) */
/* what: dma_map_single() is a macro over dma_map_single_attrs(): a command struct on the stack mapped through it warns on the driver's line; the same command copied into kmalloc() memory first stays silent */
#include <linux/types.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/dma-mapping.h>
#include <linux/platform_device.h>
#include <dmacheck-case.h>

struct mt_mcu_txd {
	__le32 len;
	u8 cid;
	u8 seq;
	u8 set_query;
	u8 rsv;
	__le32 data[4];
};

struct mt_dev {
	struct device *dev;
	dma_addr_t cmd_dma;
	u8 seq;
};

static void mt_kick_mcu_queue(struct mt_dev *mdev, dma_addr_t addr, int len)
{
	mdev->cmd_dma = addr;
}

int mt_mcu_send_stack(struct mt_dev *mdev, u8 cid, u32 arg)
{
	struct mt_mcu_txd txd = {
		.len = cpu_to_le32(sizeof(txd)),
		.cid = cid,
		.seq = ++mdev->seq,
	};
	dma_addr_t addr;

	txd.data[0] = cpu_to_le32(arg);
	addr = dma_map_single(mdev->dev, &txd, sizeof(txd), DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (dma_mapping_error(mdev->dev, addr))
		return -ENOMEM;
	mt_kick_mcu_queue(mdev, addr, sizeof(txd));
	dma_unmap_single(mdev->dev, addr, sizeof(txd), DMA_TO_DEVICE);
	return 0;
}

int mt_mcu_send_heap(struct mt_dev *mdev, u8 cid, u32 arg)
{
	struct mt_mcu_txd txd = {
		.len = cpu_to_le32(sizeof(txd)),
		.cid = cid,
		.seq = ++mdev->seq,
	};
	struct mt_mcu_txd *buf;
	dma_addr_t addr;

	txd.data[0] = cpu_to_le32(arg);
	buf = kmemdup(&txd, sizeof(txd), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	addr = dma_map_single(mdev->dev, buf, sizeof(*buf), DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(mdev->dev, addr)) {
		kfree(buf);
		return -ENOMEM;
	}
	mt_kick_mcu_queue(mdev, addr, sizeof(*buf));
	dma_unmap_single(mdev->dev, addr, sizeof(*buf), DMA_TO_DEVICE);
	kfree(buf);
	return 0;
}

/* oracle: two MCU commands on the platform DMA device */
void case_run(struct case_env *env)
{
	struct mt_dev *mdev = kzalloc(sizeof(*mdev), GFP_KERNEL);

	mdev->dev = &env->pdev->dev;
	mt_mcu_send_stack(mdev, 0x01, 7);
	mt_mcu_send_heap(mdev, 0x02, 7);
	kfree(mdev);
}
