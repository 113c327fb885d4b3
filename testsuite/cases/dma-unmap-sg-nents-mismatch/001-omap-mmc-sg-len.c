/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/mmc/host/omap.c (6.1) mmc_omap_prepare_data(), mmc_omap_release_dma(); the same-function shape and the fixed variants are synthetic */
/* what: the count dma_map_sg() returned, kept in host->sg_len by the submit path and handed to dma_unmap_sg() by the completion, and the same in one function; unmapping with the nents the map was given stays silent */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct mmc_data {
	struct scatterlist *sg;
	unsigned int sg_len;
	unsigned int flags;
};

struct mmc_omap_host {
	struct device *dma_dev;
	struct mmc_data *data;
	unsigned int sg_len;
	unsigned int dma_len;
};

/* mmc_omap_prepare_data(): the DMA path keeps the mapped count */
int mmc_omap_prepare_data(struct mmc_omap_host *host, struct mmc_data *data)
{
	host->data = data;
	host->sg_len = dma_map_sg(host->dma_dev, data->sg, data->sg_len,
				  DMA_FROM_DEVICE);
	if (host->sg_len == 0)
		return -EIO;
	return 0;
}

/* mmc_omap_release_dma(): the completion unmaps that count */
void mmc_omap_release_dma(struct mmc_omap_host *host, struct mmc_data *data)
{
	dma_unmap_sg(host->dma_dev, data->sg, host->sg_len, DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-unmap-sg-nents-mismatch" } { core-differs "all" "no model merges this list (dma-direct never does; the ehci-iommu run places it at an IOVA that is not page-aligned), so the count equals nents and the bug is latent; core/tests/test_dma.c shows the core reporting it on a merged list" } */
}

/* the fixed completion: the nents the map was given */
int mmc_omap_prepare_data_fixed(struct mmc_omap_host *host, struct mmc_data *data)
{
	host->data = data;
	host->dma_len = dma_map_sg(host->dma_dev, data->sg, data->sg_len, DMA_FROM_DEVICE);
	if (host->dma_len == 0)
		return -EIO;
	return 0;
}

void mmc_omap_release_dma_fixed(struct mmc_omap_host *host, struct mmc_data *data)
{
	dma_unmap_sg(host->dma_dev, data->sg, data->sg_len, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
}

/* a synchronous transfer in one function, the count reused for the unmap */
int xfer_sync(struct device *dev, struct scatterlist *sg, int nents)
{
	int count;

	count = dma_map_sg(dev, sg, nents, DMA_TO_DEVICE);
	if (!count)
		return -ENOMEM;
	dma_unmap_sg(dev, sg, count, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-unmap-sg-nents-mismatch" } { core-differs "all" "no model merges this list (dma-direct never does; the ehci-iommu run places it at an IOVA that is not page-aligned), so the count equals nents and the bug is latent; core/tests/test_dma.c shows the core reporting it on a merged list" } */
	return 0;
}

int xfer_sync_fixed(struct device *dev, struct scatterlist *sg, int nents)
{
	int count;

	count = dma_map_sg(dev, sg, nents, DMA_TO_DEVICE);
	if (!count)
		return -ENOMEM;
	dma_unmap_sg(dev, sg, nents, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	return count;
}

/* oracle: on the PCI host controller (behind an IOMMU in the ehci-iommu model), a two-entry
 * list over two contiguous pages, each shape mapped and unmapped once */
void case_run(struct case_env *env)
{
	struct mmc_omap_host *host = kzalloc(sizeof(*host), GFP_KERNEL);
	struct mmc_data *data = kzalloc(sizeof(*data), GFP_KERNEL);
	struct scatterlist *sg = kcalloc(2, sizeof(*sg), GFP_KERNEL);
	unsigned long buf = __get_free_pages(GFP_KERNEL, 1);

	sg_init_table(sg, 2);
	sg_set_buf(&sg[0], (void *)buf, PAGE_SIZE);
	sg_set_buf(&sg[1], (void *)(buf + PAGE_SIZE), PAGE_SIZE);
	data->sg = sg;
	data->sg_len = 2;
	host->dma_dev = &env->hc->dev;
	if (!mmc_omap_prepare_data(host, data))
		mmc_omap_release_dma(host, data);
	if (!mmc_omap_prepare_data_fixed(host, data))
		mmc_omap_release_dma_fixed(host, data);
	xfer_sync(&env->hc->dev, sg, 2);
	xfer_sync_fixed(&env->hc->dev, sg, 2);
	free_pages(buf, 1);
	kfree(sg);
	kfree(data);
	kfree(host);
}
