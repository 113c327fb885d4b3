/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: cocci core */
/* origin: reduced from drivers/crypto/qce/aead.c (6.1) qce_aead_async_req_handle(), drivers/crypto/qce/skcipher.c (6.1) qce_skcipher_async_req_handle(), drivers/scsi/aic94xx/aic94xx_task.c (6.1) asd_build_smp_ascb(), drivers/mmc/host/atmel-mci.c (6.1) atmci_prepare_dma() */
/* what: the count of dma_map_sg() tested with < 0 (it is unsigned and 0 on failure), dropped, and kept in a member nobody tests; the tests with !n, == 0, <= 0 and a returned count stay silent */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct qce_device {
	struct device *dev;
};

struct qce_aead_reqctx {
	struct scatterlist *src_sg, *dst_sg;
	int src_nents, dst_nents;
	u32 src_addr, dst_addr;
};

/* qce_aead_async_req_handle(): the destination tested for 0, the source with < 0 */
int qce_aead_map(struct qce_device *qce, struct qce_aead_reqctx *rctx)
{
	int dst_nents, src_nents, ret;

	dst_nents = dma_map_sg(qce->dev, rctx->dst_sg, rctx->dst_nents, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	if (!dst_nents)
		return -EIO;
	src_nents = dma_map_sg(qce->dev, rctx->src_sg, rctx->src_nents, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "no model fails this mapping, so the count is never 0 in the run and the wrong test is latent" } */
	if (src_nents < 0) {
		ret = src_nents;
		goto error_unmap_dst;
	}
	rctx->src_addr = (u32)sg_dma_address(rctx->src_sg);
	rctx->dst_addr = (u32)sg_dma_address(rctx->dst_sg);
	return 0;

error_unmap_dst:
	dma_unmap_sg(qce->dev, rctx->dst_sg, rctx->dst_nents, DMA_FROM_DEVICE);
	return ret;
}

/* qce_skcipher_async_req_handle(): both tested for 0 */
int qce_skcipher_map(struct qce_device *qce, struct qce_aead_reqctx *rctx)
{
	int dst_nents, src_nents;

	dst_nents = dma_map_sg(qce->dev, rctx->dst_sg, rctx->dst_nents, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	if (!dst_nents)
		return -EIO;
	src_nents = dma_map_sg(qce->dev, rctx->src_sg, rctx->src_nents, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (src_nents == 0) {
		dma_unmap_sg(qce->dev, rctx->dst_sg, rctx->dst_nents, DMA_FROM_DEVICE);
		return -EIO;
	}
	rctx->src_addr = (u32)sg_dma_address(rctx->src_sg);
	rctx->dst_addr = (u32)sg_dma_address(rctx->dst_sg);
	return 0;
}

void qce_unmap(struct qce_device *qce, struct qce_aead_reqctx *rctx)
{
	dma_unmap_sg(qce->dev, rctx->src_sg, rctx->src_nents, DMA_TO_DEVICE);
	dma_unmap_sg(qce->dev, rctx->dst_sg, rctx->dst_nents, DMA_FROM_DEVICE);
}

struct sas_task_smp {
	struct scatterlist smp_req;
	struct scatterlist smp_resp;
};

struct asd_empty_scb {
	__le32 smp_req;
	__le32 smp_req_size;
	__le32 smp_resp;
	__le32 smp_resp_size;
};

/* asd_build_smp_ascb(): both one-entry lists mapped, the counts dropped */
void asd_build_smp_ascb(struct device *dev, struct sas_task_smp *smp, struct asd_empty_scb *scb)
{
	dma_map_sg(dev, &smp->smp_req, 1, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "no model fails this mapping, so the dropped count is never 0 in the run" } */
	dma_map_sg(dev, &smp->smp_resp, 1, DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "no model fails this mapping, so the dropped count is never 0 in the run" } */
	scb->smp_req = cpu_to_le32((u32)sg_dma_address(&smp->smp_req));
	scb->smp_req_size = cpu_to_le32(sg_dma_len(&smp->smp_req) - 4);
	scb->smp_resp = cpu_to_le32((u32)sg_dma_address(&smp->smp_resp));
	scb->smp_resp_size = cpu_to_le32(sg_dma_len(&smp->smp_resp) - 4);
}

/* the same with the counts tested (a one-entry list maps to one segment or fails) */
int asd_build_smp_ascb_fixed(struct device *dev, struct sas_task_smp *smp, struct asd_empty_scb *scb)
{
	if (dma_map_sg(dev, &smp->smp_req, 1, DMA_TO_DEVICE) != 1) /* { dg-bogus "dmacheck" } */
		return -ENOMEM;
	if (!dma_map_sg(dev, &smp->smp_resp, 1, DMA_FROM_DEVICE)) { /* { dg-bogus "dmacheck" } */
		dma_unmap_sg(dev, &smp->smp_req, 1, DMA_TO_DEVICE);
		return -ENOMEM;
	}
	scb->smp_req = cpu_to_le32((u32)sg_dma_address(&smp->smp_req));
	scb->smp_resp = cpu_to_le32((u32)sg_dma_address(&smp->smp_resp));
	return 0;
}

void asd_unmap_smp(struct device *dev, struct sas_task_smp *smp)
{
	dma_unmap_sg(dev, &smp->smp_req, 1, DMA_TO_DEVICE);
	dma_unmap_sg(dev, &smp->smp_resp, 1, DMA_FROM_DEVICE);
}

struct mmc_data {
	struct scatterlist *sg;
	unsigned int sg_len;
};

struct atmel_mci {
	struct device *dev;
	unsigned int sg_count;
	u32 first_addr;
};

/* a host that keeps the count for its descriptor loop and never tests it */
void atmci_prepare_dma(struct atmel_mci *host, struct mmc_data *data)
{
	host->sg_count = dma_map_sg(host->dev, data->sg, data->sg_len, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "no model fails this mapping, so the stored count is never 0 in the run" } */
	host->first_addr = (u32)sg_dma_address(data->sg);
}

/* ... and one that tests it with <= 0 */
int atmci_prepare_dma_fixed(struct atmel_mci *host, struct mmc_data *data)
{
	host->sg_count = dma_map_sg(host->dev, data->sg, data->sg_len, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (host->sg_count <= 0)
		return -ENOMEM;
	host->first_addr = (u32)sg_dma_address(data->sg);
	return 0;
}

/* a helper that hands the count to its caller, which tests it */
static int atmci_map(struct atmel_mci *host, struct mmc_data *data)
{
	return dma_map_sg(host->dev, data->sg, data->sg_len, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
}

int atmci_prepare_read(struct atmel_mci *host, struct mmc_data *data)
{
	if (!atmci_map(host, data))
		return -ENOMEM;
	host->first_addr = (u32)sg_dma_address(data->sg);
	return 0;
}

void atmci_unmap(struct atmel_mci *host, struct mmc_data *data, enum dma_data_direction dir)
{
	dma_unmap_sg(host->dev, data->sg, data->sg_len, dir);
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

static void case_sg_free(struct scatterlist *sg, int n)
{
	int i;

	for (i = 0; i < n; i++)
		kfree(sg_virt(&sg[i]));
	kfree(sg);
}

/* oracle: each request mapped and unmapped as its completion does, on the platform device */
void case_run(struct case_env *env)
{
	struct device *dev = &env->pdev->dev;
	struct qce_device *qce = kzalloc(sizeof(*qce), GFP_KERNEL);
	struct qce_aead_reqctx *rctx = kzalloc(sizeof(*rctx), GFP_KERNEL);
	struct sas_task_smp *smp = kzalloc(sizeof(*smp), GFP_KERNEL);
	struct asd_empty_scb *scb = kzalloc(sizeof(*scb), GFP_KERNEL);
	struct atmel_mci *host = kzalloc(sizeof(*host), GFP_KERNEL);
	struct mmc_data *data = kzalloc(sizeof(*data), GFP_KERNEL);
	void *req = kzalloc(64, GFP_KERNEL), *resp = kzalloc(64, GFP_KERNEL);

	qce->dev = dev;
	rctx->src_sg = case_sg(2);
	rctx->dst_sg = case_sg(2);
	rctx->src_nents = rctx->dst_nents = 2;
	if (!qce_aead_map(qce, rctx))
		qce_unmap(qce, rctx);
	if (!qce_skcipher_map(qce, rctx))
		qce_unmap(qce, rctx);

	sg_init_one(&smp->smp_req, req, 64);
	sg_init_one(&smp->smp_resp, resp, 64);
	asd_build_smp_ascb(dev, smp, scb);
	asd_unmap_smp(dev, smp);
	if (!asd_build_smp_ascb_fixed(dev, smp, scb))
		asd_unmap_smp(dev, smp);

	host->dev = dev;
	data->sg = case_sg(2);
	data->sg_len = 2;
	atmci_prepare_dma(host, data);
	atmci_unmap(host, data, DMA_TO_DEVICE);
	if (!atmci_prepare_dma_fixed(host, data))
		atmci_unmap(host, data, DMA_TO_DEVICE);
	if (!atmci_prepare_read(host, data))
		atmci_unmap(host, data, DMA_FROM_DEVICE);

	case_sg_free(data->sg, 2);
	case_sg_free(rctx->src_sg, 2);
	case_sg_free(rctx->dst_sg, 2);
	kfree(req);
	kfree(resp);
	kfree(data);
	kfree(host);
	kfree(scb);
	kfree(smp);
	kfree(rctx);
	kfree(qce);
}
