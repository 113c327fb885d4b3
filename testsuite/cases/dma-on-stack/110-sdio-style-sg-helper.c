/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/mmc/core/sdio_ops.c (6.1) mmc_io_rw_extended(), which does sg_init_one() on the caller's buffer and maps it; the callers (a WLAN/Bluetooth SDIO function driver reading a status word into a local) are synthetic */
/* what: a same-file helper builds a one-entry scatterlist over its buffer argument and maps it: a caller passing a local status word warns at its call; a caller passing its kmalloc()ed rx buffer stays silent */
#include <linux/types.h>
#include <linux/slab.h>
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>
#include <linux/platform_device.h>
#include <dmacheck-case.h>

struct sdio_host {
	struct device *dev;
	u8 *rx_buf;
};

static int host_rw_extended(struct sdio_host *host, int write, void *buf, unsigned int len)
{
	struct scatterlist sg;
	int n;

	sg_init_one(&sg, buf, len); /* { dg-bogus "dmacheck" } */
	n = dma_map_sg(host->dev, &sg, 1, write ? DMA_TO_DEVICE : DMA_FROM_DEVICE);
	if (!n)
		return -EIO;
	dma_unmap_sg(host->dev, &sg, 1, write ? DMA_TO_DEVICE : DMA_FROM_DEVICE);
	return 0;
}

int func_read_status(struct sdio_host *host, u32 *status)
{
	__le32 word = 0;
	int ret;

	ret = host_rw_extended(host, 0, &word, sizeof(word)); /* { dg-warning "dmacheck-dma-on-stack" } */
	*status = le32_to_cpu(word);
	return ret;
}

int func_read_packet(struct sdio_host *host, unsigned int len)
{
	return host_rw_extended(host, 0, host->rx_buf, len); /* { dg-bogus "dmacheck" } */
}

/* oracle: a packet read into the rx buffer, then a status read, on the platform DMA device */
void case_run(struct case_env *env)
{
	struct sdio_host *host = kzalloc(sizeof(*host), GFP_KERNEL);
	u32 *status = kzalloc(sizeof(*status), GFP_KERNEL);

	host->dev = &env->pdev->dev;
	host->rx_buf = kzalloc(512, GFP_KERNEL);
	func_read_packet(host, 512);
	func_read_status(host, status);
	kfree(host->rx_buf);
	kfree(status);
	kfree(host);
}
