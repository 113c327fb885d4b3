/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic */
/* what: all four mask setters on &udev->dev of a struct usb_device warn; dma_set_mask_and_coherent() and dma_coerce_mask_and_coherent() are the 6.1 static inlines */
#include <linux/usb.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

int limit_to_32bit(struct usb_device *udev)
{
	return dma_set_mask_and_coherent(&udev->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int force_64bit(struct usb_device *udev)
{
	return dma_coerce_mask_and_coherent(&udev->dev, DMA_BIT_MASK(64)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int set_both(struct usb_device *udev, int bits)
{
	int ret;

	ret = dma_set_mask(&udev->dev, DMA_BIT_MASK(bits)); /* { dg-warning "dmacheck-usb-dma-mask" } */
	if (ret)
		return ret;
	return dma_set_coherent_mask(&udev->dev, DMA_BIT_MASK(bits)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

u64 read_mask(struct usb_device *udev)
{
	return dma_get_mask(&udev->dev); /* { dg-bogus "dmacheck" } */
}

/*
 * oracle: set_both() on the fresh device (dma_set_mask() fails, dma_mask is NULL), then the
 * two inlines, then set_both() again: dma_coerce_mask_and_coherent() has pointed dma_mask at
 * the device's coherent mask, so now both setters run; then read the mask back
 */
void case_run(struct case_env *env)
{
	set_both(env->udev, 32);
	limit_to_32bit(env->udev);
	force_64bit(env->udev);
	set_both(env->udev, 32);
	read_mask(env->udev);
}
