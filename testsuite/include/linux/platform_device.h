/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/platform_device.h - mirrors 6.1's include/linux/platform_device.h:
 * struct platform_device with `struct device dev`, to_platform_device(),
 * platform_get_drvdata()/platform_set_drvdata().
 * Left out: resources, platform_driver, device-id tables, MFD cells.
 */
#ifndef _PLATFORM_DEVICE_H_
#define _PLATFORM_DEVICE_H_

#include <linux/device.h>

struct platform_device {
	const char	*name;
	int		id;
	bool		id_auto;
	struct device	dev;
	u64		platform_dma_mask;
	u32		num_resources;
};

#define to_platform_device(x) container_of((x), struct platform_device, dev)

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev,
					void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

#endif /* _PLATFORM_DEVICE_H_ */
