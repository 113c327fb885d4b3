/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from drivers/net/ethernet/sunplus/spl2sw_desc.c (6.1) spl2sw_rx_descs_init() and spl2sw_tx_descs_clean(); the TX ring is mapped in spl2sw_driver.c, another file */
/* what: a first-run false positive: RX buffers are stored through a pointer loaded from comm->rx_skb_info[i] (its outer member unknown), the TX ring's comm->tx_temp_skb_info[i].mapping is only cleared here: no store of this file names the TX member with a mapping, so its unmap stays silent instead of being paired with the RX mappings */
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define TX_DESC_NUM 4

struct spl2sw_skb_info {
	struct sk_buff *skb;
	u32 mapping;
	u32 len;
};

struct spl2sw_common {
	struct device *dev;
	struct spl2sw_skb_info *rx_skb_info;
	struct spl2sw_skb_info tx_temp_skb_info[TX_DESC_NUM];
	u32 rx_desc_buff_size;
};

/* spl2sw_rx_descs_init() */
int spl2sw_rx_descs_init(struct spl2sw_common *comm, int j)
{
	struct spl2sw_skb_info *rx_skbinfo = comm->rx_skb_info;
	u32 mapping;

	mapping = dma_map_single(comm->dev, rx_skbinfo[j].skb->data, comm->rx_desc_buff_size,
				 DMA_FROM_DEVICE);
	if (dma_mapping_error(comm->dev, mapping))
		return -ENOMEM;
	rx_skbinfo[j].mapping = mapping;
	return 0;
}

/* spl2sw_tx_descs_clean(): the TX ring, mapped by spl2sw_ethernet_start_xmit() elsewhere */
void spl2sw_tx_descs_clean(struct spl2sw_common *comm, int i)
{
	if (comm->tx_temp_skb_info[i].mapping) {
		dma_unmap_single(comm->dev, comm->tx_temp_skb_info[i].mapping,
				 comm->tx_temp_skb_info[i].skb->len, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
		comm->tx_temp_skb_info[i].mapping = 0;
	}
}

void spl2sw_rx_descs_clean(struct spl2sw_common *comm, int j)
{
	dma_unmap_single(comm->dev, comm->rx_skb_info[j].mapping, comm->rx_desc_buff_size,
			 DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	comm->rx_skb_info[j].mapping = 0;
}

#ifdef DMACHECK_ORACLE
/* spl2sw_ethernet_start_xmit() of spl2sw_driver.c, for the run */
static int spl2sw_start_xmit(struct spl2sw_common *comm, struct sk_buff *skb, int i)
{
	dma_addr_t m = dma_map_single(comm->dev, skb->data, skb->len, DMA_TO_DEVICE);

	if (dma_mapping_error(comm->dev, m))
		return -ENOMEM;
	comm->tx_temp_skb_info[i].skb = skb;
	comm->tx_temp_skb_info[i].mapping = (u32)m;
	return 0;
}
#endif

/* oracle: one RX buffer mapped and cleaned, one packet sent by the other file and cleaned */
void case_run(struct case_env *env)
{
	struct spl2sw_common *comm = kzalloc(sizeof(*comm), GFP_KERNEL);
	struct sk_buff *rx = kzalloc(sizeof(*rx), GFP_KERNEL), *tx = kzalloc(sizeof(*tx), GFP_KERNEL);

	comm->dev = &env->pdev->dev;
	comm->rx_desc_buff_size = 256;
	comm->rx_skb_info = kcalloc(1, sizeof(struct spl2sw_skb_info), GFP_KERNEL);
	rx->data = kzalloc(256, GFP_KERNEL);
	tx->data = kzalloc(64, GFP_KERNEL);
	tx->len = 64;
	comm->rx_skb_info[0].skb = rx;
	if (!spl2sw_rx_descs_init(comm, 0))
		spl2sw_rx_descs_clean(comm, 0);
#ifdef DMACHECK_ORACLE
	if (!spl2sw_start_xmit(comm, tx, 1))
#endif
		spl2sw_tx_descs_clean(comm, 1);
	kfree(rx->data);
	kfree(tx->data);
	kfree(rx);
	kfree(tx);
	kfree(comm->rx_skb_info);
	kfree(comm);
}
