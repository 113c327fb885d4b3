/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic (the shape of a command block mapped by a USB device controller driver) */
/* what: dma_map_single() (the 6.1 macro over the static inline dma_map_single_attrs()) and dma_map_single_attrs() of a local struct warn; heap and parameter buffers do not */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct cmd_block {
	__le32 opcode;
	__le32 arg[3];
};

extern int hw_run_command(struct device *dev, dma_addr_t cmd, size_t len);

/* the controller's doorbell (synthetic, no 6.1 body): the device runs the command at once */
int hw_run_command(struct device *dev, dma_addr_t cmd, size_t len)
{
	return 0;
}

int send_reset_command(struct device *dev)
{
	struct cmd_block cmd = { .opcode = cpu_to_le32(1) };
	dma_addr_t dma;
	int ret;

	dma = dma_map_single(dev, &cmd, sizeof(cmd), DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (dma_mapping_error(dev, dma))
		return -ENOMEM;
	ret = hw_run_command(dev, dma, sizeof(cmd));
	dma_unmap_single(dev, dma, sizeof(cmd), DMA_TO_DEVICE);
	return ret;
}

int read_status_word(struct device *dev, u32 *out)
{
	__le32 status = 0;
	dma_addr_t dma;
	int ret;

	dma = dma_map_single_attrs(dev, &status, sizeof(status), DMA_FROM_DEVICE,
				   DMA_ATTR_SKIP_CPU_SYNC); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (dma_mapping_error(dev, dma))
		return -ENOMEM;
	ret = hw_run_command(dev, dma, sizeof(status));
	dma_unmap_single(dev, dma, sizeof(status), DMA_FROM_DEVICE);
	*out = le32_to_cpu(status);
	return ret;
}

int send_reset_command_heap(struct device *dev)
{
	struct cmd_block *cmd;
	dma_addr_t dma;
	int ret;

	cmd = kzalloc(sizeof(*cmd), GFP_KERNEL);
	if (!cmd)
		return -ENOMEM;
	cmd->opcode = cpu_to_le32(1);
	dma = dma_map_single(dev, cmd, sizeof(*cmd), DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(dev, dma)) {
		kfree(cmd);
		return -ENOMEM;
	}
	ret = hw_run_command(dev, dma, sizeof(*cmd));
	dma_unmap_single(dev, dma, sizeof(*cmd), DMA_TO_DEVICE);
	kfree(cmd);
	return ret;
}

dma_addr_t map_caller_buffer(struct device *dev, void *buf, size_t len)
{
	return dma_map_single(dev, buf, len, DMA_BIDIRECTIONAL); /* { dg-bogus "dmacheck" } */
}

/* oracle: the three commands and a caller's mapping, on the platform DMA device */
void case_run(struct case_env *env)
{
	struct device *dev = &env->pdev->dev;
	u32 *out = kzalloc(sizeof(*out), GFP_KERNEL);
	void *buf = kzalloc(64, GFP_KERNEL);
	dma_addr_t dma;

	send_reset_command(dev);
	read_status_word(dev, out);
	send_reset_command_heap(dev);
	dma = map_caller_buffer(dev, buf, 64);
	if (!dma_mapping_error(dev, dma))
		dma_unmap_single(dev, dma, 64, DMA_BIDIRECTIONAL);
	kfree(buf);
	kfree(out);
}
