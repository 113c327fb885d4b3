/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/device.h - mirrors 6.1's include/linux/device.h: struct device
 * with the members DMA code reads (parent, driver_data, platform_data, dma_mask,
 * coherent_dma_mask, bus_dma_limit), dev_get_drvdata()/dev_set_drvdata(),
 * devm_kmalloc() (extern) and devm_kzalloc() (static inline over it, as in 6.1), and the
 * dev_err()/dev_warn()/dev_info()/dev_dbg() printk wrappers (dev_printk.h, without the
 * printk-index and dynamic-debug wrapping; dev_dbg is the !DEBUG no-op form).
 * Left out: kobject, bus/class/driver types beyond a forward declaration, power management,
 * dma_ops/dma_parms/dma_range_map, dev_name() is extern (a kobject_name() inline in 6.1).
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/gfp.h>

struct device_driver;
struct bus_type;

struct device {
	struct device		*parent;
	const char		*init_name; /* initial name of the device */
	struct bus_type		*bus;		/* type of bus device is on */
	struct device_driver	*driver;	/* which driver has allocated this
						   device */
	void		*platform_data;	/* Platform specific data, device
					   core doesn't touch it */
	void		*driver_data;	/* Driver data, set and get with
					   dev_set_drvdata/dev_get_drvdata */
	u64		*dma_mask;	/* dma mask (if dma'able device) */
	u64		coherent_dma_mask;/* Like dma_mask, but for
					     alloc_coherent mappings as
					     not all hardware supports
					     64 bit addresses for consistent
					     allocations such descriptors. */
	u64		bus_dma_limit;	/* upstream dma constraint */
	void	(*release)(struct device *dev);
};

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

extern const char *dev_name(const struct device *dev);
extern struct device *get_device(struct device *dev);
extern void put_device(struct device *dev);

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __malloc;
static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}
void devm_kfree(struct device *dev, const void *p);

__printf(2, 3) __cold
void _dev_err(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold
void _dev_warn(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold
void _dev_info(const struct device *dev, const char *fmt, ...);

#define dev_err(dev, fmt, ...)	_dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)	_dev_warn(dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)	_dev_info(dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)						\
({									\
	if (0)								\
		_dev_info(dev, fmt, ##__VA_ARGS__);			\
})

#endif /* _LINUX_DEVICE_H */
