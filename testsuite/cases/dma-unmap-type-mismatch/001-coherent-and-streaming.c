/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic (a command block and a data buffer of one device, each released with the other kind of function; no 6.1 instance was found in the scanned directories) */
/* what: a coherent allocation's handle given to dma_unmap_single(), and a streaming mapping's handle given to dma_free_coherent(), are findings; the matching functions stay silent */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct foo_dev {
	struct device *dev;
	void *cmd;
	dma_addr_t cmd_dma;
	void *buf;
	dma_addr_t buf_dma;
};

int foo_alloc_cmd(struct foo_dev *f)
{
	f->cmd = dma_alloc_coherent(f->dev, 64, &f->cmd_dma, GFP_KERNEL);
	return f->cmd ? 0 : -ENOMEM;
}

void foo_release_cmd(struct foo_dev *f)
{
	dma_unmap_single(f->dev, f->cmd_dma, 64, DMA_BIDIRECTIONAL); /* { dg-warning "dmacheck-dma-unmap-type-mismatch" } */
}

void foo_release_cmd_fixed(struct foo_dev *f)
{
	dma_free_coherent(f->dev, 64, f->cmd, f->cmd_dma); /* { dg-bogus "dmacheck" } */
}

int foo_map_buf(struct foo_dev *f)
{
	f->buf_dma = dma_map_single(f->dev, f->buf, 256, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(f->dev, f->buf_dma))
		return -ENOMEM;
	return 0;
}

void foo_release_buf(struct foo_dev *f)
{
	dma_free_coherent(f->dev, 256, f->buf, f->buf_dma); /* { dg-warning "dmacheck-dma-unmap-type-mismatch" } */
}

void foo_release_buf_fixed(struct foo_dev *f)
{
	dma_unmap_single(f->dev, f->buf_dma, 256, DMA_BIDIRECTIONAL); /* { dg-bogus "dmacheck" } */
}

/* oracle: each object acquired twice, released once the wrong way and once the right way */
void case_run(struct case_env *env)
{
	struct foo_dev *f = kzalloc(sizeof(*f), GFP_KERNEL);

	f->dev = &env->pdev->dev;
	if (!foo_alloc_cmd(f))
		foo_release_cmd(f);
	if (!foo_alloc_cmd(f))
		foo_release_cmd_fixed(f);
	f->buf = kzalloc(256, GFP_KERNEL);
	if (!foo_map_buf(f))
		foo_release_buf(f);
	if (!foo_map_buf(f))
		foo_release_buf_fixed(f);
	/* f->buf is not kfree()d: the wrong dma_free_coherent() handed its pages back */
	kfree(f);
}
