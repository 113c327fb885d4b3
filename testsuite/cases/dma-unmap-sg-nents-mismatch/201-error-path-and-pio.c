/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic, in the shapes of drivers/crypto/ (6.1) request handlers that unmap on a later failure, and of drivers/mmc/host/ (6.1) hosts whose sg count member is also set by the PIO path */
/* what: the mapped count handed to dma_unmap_sg() on an error path (the patch gives it the nents), a count stored over its own nents; a member of another struct with the same name (host->sg_len, data->sg_len) is not the count, and the unmap with nents stays silent */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct aes_reqctx {
	struct scatterlist *src;
	int src_nents;
	u32 src_addr;
};

static int aes_prep_desc(struct aes_reqctx *rctx, int fail)
{
	if (fail)
		return -EINVAL;
	rctx->src_addr = (u32)sg_dma_address(rctx->src);
	return 0;
}

/* a later failure unmaps with the count dma_map_sg() returned */
int aes_map_and_prep(struct device *dev, struct aes_reqctx *rctx, int fail)
{
	int mapped, ret;

	mapped = dma_map_sg(dev, rctx->src, rctx->src_nents, DMA_TO_DEVICE);
	if (!mapped)
		return -ENOMEM;
	ret = aes_prep_desc(rctx, fail);
	if (ret) {
		dma_unmap_sg(dev, rctx->src, mapped, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-unmap-sg-nents-mismatch" } { core-differs "all" "no model merges this list, so the count equals nents and the bug is latent" } */
		return ret;
	}
	dma_unmap_sg(dev, rctx->src, rctx->src_nents, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	return 0;
}

/* the same with the nents the map was given */
int aes_map_and_prep_fixed(struct device *dev, struct aes_reqctx *rctx, int fail)
{
	int mapped, ret;

	mapped = dma_map_sg(dev, rctx->src, rctx->src_nents, DMA_TO_DEVICE);
	if (!mapped)
		return -ENOMEM;
	ret = aes_prep_desc(rctx, fail);
	if (ret) {
		dma_unmap_sg(dev, rctx->src, rctx->src_nents, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
		return ret;
	}
	dma_unmap_sg(dev, rctx->src, rctx->src_nents, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	return 0;
}

struct mmc_data {
	struct scatterlist *sg;
	unsigned int sg_len;
	unsigned int sg_count;
};

/* the count stored over the nents it was given: the unmap cannot get the nents back */
int sdhost_xfer_sync(struct device *dev, struct mmc_data *data)
{
	data->sg_count = dma_map_sg(dev, data->sg, data->sg_count, DMA_FROM_DEVICE);
	if (!data->sg_count)
		return -ENOMEM;
	dma_unmap_sg(dev, data->sg, data->sg_count, DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-unmap-sg-nents-mismatch" } { core-differs "all" "no model merges this list, so the count equals nents and the bug is latent" } */
	return 0;
}

struct sdhost {
	struct device *dev;
	struct mmc_data *data;
	unsigned int sg_len;		/* DMA: dma_map_sg()'s count; PIO: the request's */
	bool use_dma;
};

/* the PIO path sets the member from the request */
void sdhost_prepare_pio(struct sdhost *host, struct mmc_data *data)
{
	host->data = data;
	host->sg_len = data->sg_len;
}

/* ... and the DMA path keeps the count there; the completion unmaps the request's nents,
 * data->sg_len: a member of struct mmc_data, not the host's sg_len */
int sdhost_prepare_dma(struct sdhost *host, struct mmc_data *data)
{
	host->data = data;
	host->sg_len = dma_map_sg(host->dev, data->sg, data->sg_len, DMA_TO_DEVICE);
	if (!host->sg_len)
		return -ENOMEM;
	host->use_dma = true;
	return 0;
}

void sdhost_finish(struct sdhost *host)
{
	if (host->use_dma)
		dma_unmap_sg(host->dev, host->data->sg, host->data->sg_len, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	host->use_dma = false;
}

static struct scatterlist *case_sg(int n)
{
	struct scatterlist *sg = kcalloc(n, sizeof(*sg), GFP_KERNEL);
	int i;

	sg_init_table(sg, n);
	for (i = 0; i < n; i++)
		sg_set_buf(&sg[i], kzalloc(256, GFP_KERNEL), 256);
	return sg;
}

/* oracle: each request once, the prep failing on the error path variants, on the PCI host
 * controller (behind an IOMMU in the ehci-iommu model) */
void case_run(struct case_env *env)
{
	struct device *dev = &env->hc->dev;
	struct aes_reqctx *rctx = kzalloc(sizeof(*rctx), GFP_KERNEL);
	struct mmc_data *data = kzalloc(sizeof(*data), GFP_KERNEL);
	struct sdhost *host = kzalloc(sizeof(*host), GFP_KERNEL);
	int i;

	rctx->src = case_sg(2);
	rctx->src_nents = 2;
	aes_map_and_prep(dev, rctx, 1);
	aes_map_and_prep(dev, rctx, 0);
	aes_map_and_prep_fixed(dev, rctx, 1);
	aes_map_and_prep_fixed(dev, rctx, 0);

	data->sg = case_sg(2);
	data->sg_len = 2;
	data->sg_count = 2;
	sdhost_xfer_sync(dev, data);

	host->dev = dev;
	sdhost_prepare_pio(host, data);
	if (!sdhost_prepare_dma(host, data))
		sdhost_finish(host);

	for (i = 0; i < 2; i++) {
		kfree(sg_virt(&rctx->src[i]));
		kfree(sg_virt(&data->sg[i]));
	}
	kfree(rctx->src);
	kfree(data->sg);
	kfree(host);
	kfree(data);
	kfree(rctx);
}
