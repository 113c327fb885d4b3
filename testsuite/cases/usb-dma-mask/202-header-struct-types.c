/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, a usb-storage subdriver in the style of the drivers/usb/storage subdrivers (struct us_data comes from the subsystem's header, usb.h there, usb-storage/transport.h here) */
/* what: the interface and device of a struct defined in an included header (us->pusb_intf, us->pusb_dev) given to a mask setter warns */
/* known-to-fail: cocci the scripts run with --no-includes (coccicheck's default set-up for speed): the type of us->pusb_intf is in a header they do not read; --all-includes --include-headers-for-types would give it, see docs/coccinelle.md */
#include <linux/usb.h>
#include <linux/dma-mapping.h>
#include <usb-storage/transport.h>
#include <dmacheck-case.h>

int subdrv_init(struct us_data *us)
{
	return dma_set_mask(&us->pusb_intf->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

int subdrv_init_udev(struct us_data *us)
{
	return dma_set_coherent_mask(&us->pusb_dev->dev, DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}

/* oracle: the subdriver's init on the us_data usb_stor_probe1() gives it */
void case_run(struct case_env *env)
{
	struct us_data *us = case_usb_stor_probe(env);

	subdrv_init(us);
	subdrv_init_udev(us);
}
