/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: cocci core */
/* origin: reduced from drivers/crypto/atmel-aes.c (6.1) atmel_aes_map(), drivers/crypto/aspeed/aspeed-hace-crypto.c (6.1) aspeed_sk_start_sg(); the copy used untested is synthetic */
/* what: the count copied to the destination's count before the source's is tested for 0 (a false positive of the first cocci script on the 6.1 scan) stays silent; a copy that is then used untested is still found */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct aes_dma {
	struct scatterlist *sg;
	int nents;
	int sg_len;
};

struct aes_dev {
	struct device *dev;
	struct aes_dma src, dst;
	u32 addr;
};

/* atmel_aes_map(): in place, the destination shares the source's count */
int aes_map(struct aes_dev *dd)
{
	dd->src.sg_len = dma_map_sg(dd->dev, dd->src.sg, dd->src.nents, DMA_BIDIRECTIONAL); /* { dg-bogus "dmacheck" } */
	dd->dst.sg_len = dd->src.sg_len;
	if (!dd->src.sg_len)
		return -EFAULT;
	dd->addr = (u32)sg_dma_address(dd->src.sg);
	return 0;
}

/* aspeed_sk_start_sg(): locals, the copy first */
int sk_start_sg(struct aes_dev *dd)
{
	int src_sg_len, dst_sg_len;

	src_sg_len = dma_map_sg(dd->dev, dd->src.sg, dd->src.nents, DMA_BIDIRECTIONAL); /* { dg-bogus "dmacheck" } */
	dst_sg_len = src_sg_len;
	if (!src_sg_len)
		return -EINVAL;
	dd->dst.sg_len = dst_sg_len;
	dd->addr = (u32)sg_dma_address(dd->src.sg);
	return 0;
}

/* the copy goes to the descriptor count untested */
void aes_map_copy_used(struct aes_dev *dd)
{
	int n;

	n = dma_map_sg(dd->dev, dd->src.sg, dd->src.nents, DMA_BIDIRECTIONAL); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "no model fails this mapping, so the count is never 0 in the run" } */
	dd->src.sg_len = n;
	dd->dst.sg_len = dd->src.sg_len + 1;
	dd->addr = (u32)sg_dma_address(dd->src.sg);
}

/* oracle: each map once and its unmap, on the platform device */
void case_run(struct case_env *env)
{
	struct aes_dev *dd = kzalloc(sizeof(*dd), GFP_KERNEL);
	void *buf = kzalloc(256, GFP_KERNEL);

	dd->dev = &env->pdev->dev;
	dd->src.sg = kcalloc(1, sizeof(struct scatterlist), GFP_KERNEL);
	sg_init_one(dd->src.sg, buf, 256);
	dd->src.nents = 1;
	if (!aes_map(dd))
		dma_unmap_sg(dd->dev, dd->src.sg, dd->src.nents, DMA_BIDIRECTIONAL);
	if (!sk_start_sg(dd))
		dma_unmap_sg(dd->dev, dd->src.sg, dd->src.nents, DMA_BIDIRECTIONAL);
	aes_map_copy_used(dd);
	dma_unmap_sg(dd->dev, dd->src.sg, dd->src.nents, DMA_BIDIRECTIONAL);
	kfree(dd->src.sg);
	kfree(buf);
	kfree(dd);
}
