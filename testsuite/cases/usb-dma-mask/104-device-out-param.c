/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a USB video/DMA-engine driver that looks up "the device to map with" in a helper; 6.1's usb_intf_get_dma_device() in drivers/usb/core/usb.c returns the host controller's sysdev, which is what the correct helper returns) */
/* what: the struct device comes from a helper's out-parameter: the helper that hands back the interface makes the caller's mask call warn, the one that hands back udev->bus->sysdev (reading its mask) stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

struct vdev {
	struct usb_interface *intf;
	struct usb_device *udev;
	u64 limit;
};

static void vdev_mapping_dev(struct vdev *v, struct device **out)
{
	*out = v->udev->bus->sysdev;
}

static void vdev_own_dev(struct vdev *v, struct device **out)
{
	*out = &v->intf->dev;
}

int vdev_query_limit(struct vdev *v)
{
	struct device *dmadev;

	vdev_mapping_dev(v, &dmadev);
	v->limit = dma_get_mask(dmadev); /* { dg-bogus "dmacheck" } */
	return 0;
}

int vdev_force_32bit(struct vdev *v)
{
	struct device *dmadev;

	vdev_own_dev(v, &dmadev);
	return dma_set_coherent_mask(dmadev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

/* oracle: probe: query the limit, then force 32-bit */
void case_run(struct case_env *env)
{
	struct vdev *v = kzalloc(sizeof(*v), GFP_KERNEL);

	v->intf = env->intf;
	v->udev = env->udev;
	vdev_query_limit(v);
	vdev_force_32bit(v);
	kfree(v);
}
