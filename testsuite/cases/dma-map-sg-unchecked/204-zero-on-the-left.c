/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/media/pci/cx23885/cx23885-alsa.c (6.1) cx23885_alsa_dma_map(); cx25821-alsa.c and saa7134-alsa.c have the same function; the untested twin is synthetic */
/* what: the count tested as `0 == buf->sglen` (the constant on the left) is tested: silent (a false positive of the cocci script on the 6.1 scan, whose test disjunction bound the 0 and never the count); the same count handed on untested is a finding */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct audio_buffer {
	struct scatterlist *sglist;
	int nr_pages;
	int sglen;
};

struct audio_dev {
	struct device *dev;
	struct audio_buffer *buf;
	u32 risc_addr;
};

/* cx23885_alsa_dma_map() */
static int alsa_dma_map(struct audio_dev *dev)
{
	struct audio_buffer *buf = dev->buf;

	buf->sglen = dma_map_sg(dev->dev, buf->sglist, buf->nr_pages, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */

	if (0 == buf->sglen)
		return -ENOMEM;
	return 0;
}

/* the same map, the count's first use not a test */
static void alsa_dma_map_untested(struct audio_dev *dev)
{
	struct audio_buffer *buf = dev->buf;

	buf->sglen = dma_map_sg(dev->dev, buf->sglist, buf->nr_pages, DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "no model fails this mapping, so the count is never 0 in the run" } */
	dev->risc_addr = sg_dma_address(buf->sglist) + buf->sglen;
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

/* oracle: each buffer mapped and unmapped as the PCM close does, on the platform device */
void case_run(struct case_env *env)
{
	struct audio_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	struct audio_buffer *buf = kzalloc(sizeof(*buf), GFP_KERNEL);

	dev->dev = &env->pdev->dev;
	dev->buf = buf;
	buf->sglist = case_sg(2);
	buf->nr_pages = 2;
	if (!alsa_dma_map(dev))
		dma_unmap_sg(dev->dev, buf->sglist, buf->nr_pages, DMA_FROM_DEVICE);
	alsa_dma_map_untested(dev);
	dma_unmap_sg(dev->dev, buf->sglist, buf->nr_pages, DMA_FROM_DEVICE);
	case_sg_free(buf->sglist, 2);
	kfree(buf);
	kfree(dev);
}
