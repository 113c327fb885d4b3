/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from drivers/infiniband/hw/mthca/mthca_memfree.c (6.1) mthca_map_user_db(), drivers/hwtracing/intel_th/msu.c (6.1) msc_buffer_contig_alloc(), drivers/crypto/qce/aead.c (6.1) qce_aead_async_req_handle(), drivers/mmc/host/meson-mx-sdio.c (6.1) meson_mx_mmc_map_dma(), drivers/crypto/allwinner/sun8i-ce/sun8i-ce-cipher.c (6.1) sun8i_ce_cipher_prepare(); the dropped count, the loop and the sg_table shapes are synthetic */
/* what: the count dma_map_sg() returns tested only with `< 0` (mthca, intel_th, qce: never true, the count is unsigned and 0 on failure), dropped, or looped over untested, are findings; `<= 0`, `!count`, a range test and a same-file helper's test are right; dma_map_sgtable()'s errno may be tested any way but not dropped */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define MAX_SG 8

struct hw_desc {
	__le32 addr;
	__le32 len;
};

struct foo_dev {
	struct device *dev;
	struct hw_desc desc[MAX_SG];
	dma_addr_t base_addr;
	int nr_sgs;
};

/* mthca_map_user_db(): `ret < 0` after dma_map_sg(), then the entry's address to the HCA */
int mthca_map_user_db(struct foo_dev *fd, struct scatterlist *mem)
{
	int ret;

	ret = dma_map_sg(fd->dev, mem, 1, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "the mapping succeeds in every model, so no entry is read unmapped: the missing test is latent" } */
	if (ret < 0)
		return ret;
	fd->base_addr = sg_dma_address(mem);
	return 0;
}

/* msc_buffer_contig_alloc(): the same test, the address kept for the device */
int msc_buffer_contig_alloc(struct foo_dev *fd, struct scatterlist *sgl)
{
	int ret;

	ret = dma_map_sg(fd->dev, sgl, 1, DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "the mapping succeeds in every model, so no entry is read unmapped: the missing test is latent" } */
	if (ret < 0)
		goto err;
	fd->base_addr = sg_dma_address(sgl);
	return 0;
err:
	return -ENOMEM;
}

/* qce_aead_async_req_handle(): the destination tested right, the source with `< 0` */
int qce_map_src_dst(struct foo_dev *fd, struct scatterlist *src, int src_n,
		    struct scatterlist *dst, int dst_n)
{
	int dst_nents, src_nents;

	dst_nents = dma_map_sg(fd->dev, dst, dst_n, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	if (!dst_nents)
		return -EIO;
	src_nents = dma_map_sg(fd->dev, src, src_n, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "the mapping succeeds in every model, so no entry is read unmapped: the missing test is latent" } */
	if (src_nents < 0) {
		dma_unmap_sg(fd->dev, dst, dst_n, DMA_FROM_DEVICE);
		return src_nents;
	}
	fd->nr_sgs = src_nents + dst_nents;
	return 0;
}

/* the count dropped: the list is handed on as if mapped */
int foo_map_dropped(struct foo_dev *fd, struct scatterlist *sg, int n)
{
	dma_map_sg(fd->dev, sg, n, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "the mapping succeeds in every model, so no entry is read unmapped: the missing test is latent" } */
	fd->desc[0].addr = cpu_to_le32(sg_dma_address(sg));
	return 0;
}

/* looped over untested: for_each_sg() over the count */
int foo_fill_desc(struct foo_dev *fd, struct scatterlist *sgl, int n)
{
	struct scatterlist *sg;
	int count, i;

	count = dma_map_sg(fd->dev, sgl, n, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "the mapping succeeds in every model, so no entry is read unmapped: the missing test is latent" } */
	for_each_sg(sgl, sg, count, i) {
		fd->desc[i].addr = cpu_to_le32(sg_dma_address(sg));
		fd->desc[i].len = cpu_to_le32(sg_dma_len(sg));
	}
	return i;
}

/* meson_mx_mmc_map_dma(): `<= 0` sees 0 */
int meson_mx_mmc_map_dma(struct foo_dev *fd, struct scatterlist *sg, int sg_len)
{
	int dma_len;

	dma_len = dma_map_sg(fd->dev, sg, sg_len, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_len <= 0)
		return -ENOMEM;
	fd->nr_sgs = dma_len;
	return 0;
}

/* sun8i_ce_cipher_prepare(): a range test */
int sun8i_ce_map(struct foo_dev *fd, struct scatterlist *src, int ns)
{
	int nr_sgs, i;
	struct scatterlist *sg;

	nr_sgs = dma_map_sg(fd->dev, src, ns, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (nr_sgs <= 0 || nr_sgs > MAX_SG)
		return -EINVAL;
	for_each_sg(src, sg, nr_sgs, i)
		fd->desc[i].addr = cpu_to_le32(sg_dma_address(sg));
	return 0;
}

/* a same-file helper tests the count */
static int foo_check_count(struct foo_dev *fd, unsigned int count)
{
	if (count == 0)
		return -ENOMEM;
	fd->nr_sgs = count;
	return 0;
}

int foo_map_helper(struct foo_dev *fd, struct scatterlist *sg, int n)
{
	unsigned int count = dma_map_sg(fd->dev, sg, n, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */

	return foo_check_count(fd, count);
}

/* dma_map_sgtable(): an errno; `if (ret)` and `< 0` are both right, dropping it is not */
int foo_map_table(struct foo_dev *fd, struct sg_table *sgt)
{
	int ret = dma_map_sgtable(fd->dev, sgt, DMA_TO_DEVICE, 0); /* { dg-bogus "dmacheck" } */

	if (ret)
		return ret;
	fd->base_addr = sg_dma_address(sgt->sgl);
	return 0;
}

int foo_map_table_neg(struct foo_dev *fd, struct sg_table *sgt)
{
	int ret = dma_map_sgtable(fd->dev, sgt, DMA_TO_DEVICE, 0); /* { dg-bogus "dmacheck" } */

	if (ret < 0)
		return ret;
	fd->base_addr = sg_dma_address(sgt->sgl);
	return 0;
}

void foo_map_table_dropped(struct foo_dev *fd, struct sg_table *sgt)
{
	dma_map_sgtable(fd->dev, sgt, DMA_TO_DEVICE, 0); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "the mapping succeeds in every model, so no entry is read unmapped: the missing test is latent" } */
	fd->base_addr = sg_dma_address(sgt->sgl);
}

/* oracle: a one-entry list and a two-entry list over kmalloc memory, each function mapping
 * and unmapping them once */
void case_run(struct case_env *env)
{
	struct foo_dev *fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	struct scatterlist *sg = kcalloc(2, sizeof(*sg), GFP_KERNEL);
	struct scatterlist *one = kcalloc(1, sizeof(*one), GFP_KERNEL);
	struct sg_table *sgt = kzalloc(sizeof(*sgt), GFP_KERNEL);
	void *a = kzalloc(256, GFP_KERNEL), *b = kzalloc(256, GFP_KERNEL);

	fd->dev = &env->pdev->dev;
	sg_init_table(sg, 2);
	sg_set_buf(&sg[0], a, 256);
	sg_set_buf(&sg[1], b, 256);
	sg_init_one(one, a, 64);
	sgt->sgl = sg;
	sgt->orig_nents = 2;

	if (!mthca_map_user_db(fd, one))
		dma_unmap_sg(fd->dev, one, 1, DMA_TO_DEVICE);
	if (!msc_buffer_contig_alloc(fd, one))
		dma_unmap_sg(fd->dev, one, 1, DMA_FROM_DEVICE);
	if (!qce_map_src_dst(fd, one, 1, sg, 2)) {
		dma_unmap_sg(fd->dev, one, 1, DMA_TO_DEVICE);
		dma_unmap_sg(fd->dev, sg, 2, DMA_FROM_DEVICE);
	}
	foo_map_dropped(fd, sg, 2);
	dma_unmap_sg(fd->dev, sg, 2, DMA_TO_DEVICE);
	foo_fill_desc(fd, sg, 2);
	dma_unmap_sg(fd->dev, sg, 2, DMA_TO_DEVICE);
	if (!meson_mx_mmc_map_dma(fd, sg, 2))
		dma_unmap_sg(fd->dev, sg, 2, DMA_FROM_DEVICE);
	if (!sun8i_ce_map(fd, sg, 2))
		dma_unmap_sg(fd->dev, sg, 2, DMA_TO_DEVICE);
	if (!foo_map_helper(fd, sg, 2))
		dma_unmap_sg(fd->dev, sg, 2, DMA_TO_DEVICE);
	if (!foo_map_table(fd, sgt))
		dma_unmap_sgtable(fd->dev, sgt, DMA_TO_DEVICE, 0);
	if (!foo_map_table_neg(fd, sgt))
		dma_unmap_sgtable(fd->dev, sgt, DMA_TO_DEVICE, 0);
	foo_map_table_dropped(fd, sgt);
	dma_unmap_sgtable(fd->dev, sgt, DMA_TO_DEVICE, 0);

	kfree(a);
	kfree(b);
	kfree(sgt);
	kfree(one);
	kfree(sg);
	kfree(fd);
}
