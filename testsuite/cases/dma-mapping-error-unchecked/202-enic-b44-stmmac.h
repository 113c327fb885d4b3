/* SPDX-License-Identifier: GPL-2.0 */
/* the driver's own header of case 202, as drivers/net/ethernet/cisco/enic/enic.h (6.1):
 * a check helper that is a static inline here, not in the .c file */
#ifndef CASE_202_ENIC_H
#define CASE_202_ENIC_H
#include <linux/dma-mapping.h>

struct enic {
	struct device *dev;
	unsigned long dma_map_error;
};

static inline int enic_dma_map_check(struct enic *enic, dma_addr_t dma_addr)
{
	if (unlikely(dma_mapping_error(enic->dev, dma_addr))) {
		enic->dma_map_error++;
		return -ENOMEM;
	}
	return 0;
}
#endif
