/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after drivers/input/misc/yealink.c (6.1) usb_probe() (an interrupt URB and a control URB, each with a usb_alloc_coherent() buffer and the flag) with the URBs kept in an array indexed by constants; the missing flag on the second is the bug */
/* what: an array of URBs with constant indices: urbs[0] gets the flag, urbs[1] does not: the handle store of urbs[1] warns, that of urbs[0] stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define URB_IRQ		0
#define URB_OUT		1
#define PKT_LEN		8

struct ylk {
	struct usb_device *udev;
	struct urb *urbs[2];
	u8 *buf[2];
	dma_addr_t dma[2];
};

static void ylk_done(struct urb *urb)
{
}

int ylk_probe(struct ylk *y)
{
	int i;

	for (i = 0; i < 2; i++) {
		y->urbs[i] = usb_alloc_urb(0, GFP_KERNEL);
		y->buf[i] = usb_alloc_coherent(y->udev, PKT_LEN, GFP_KERNEL, &y->dma[i]);
		if (!y->urbs[i] || !y->buf[i])
			return -ENOMEM;
	}
	usb_fill_int_urb(y->urbs[URB_IRQ], y->udev, usb_rcvintpipe(y->udev, 1),
			 y->buf[URB_IRQ], PKT_LEN, ylk_done, y, 10);
	y->urbs[URB_IRQ]->transfer_dma = y->dma[URB_IRQ]; /* { dg-bogus "dmacheck" } */
	y->urbs[URB_IRQ]->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	usb_fill_int_urb(y->urbs[URB_OUT], y->udev, usb_sndintpipe(y->udev, 3),
			 y->buf[URB_OUT], PKT_LEN, ylk_done, y, 10);
	y->urbs[URB_OUT]->transfer_dma = y->dma[URB_OUT]; /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	return 0;
}

int ylk_open(struct ylk *y)
{
	int ret = usb_submit_urb(y->urbs[URB_IRQ], GFP_KERNEL);

	if (ret)
		return ret;
	return usb_submit_urb(y->urbs[URB_OUT], GFP_KERNEL);
}

/* oracle: probe (interrupt IN 0x81 and interrupt OUT 0x03), then open */
void case_run(struct case_env *env)
{
	struct ylk *y = kzalloc(sizeof(*y), GFP_KERNEL);

	y->udev = env->udev;
	if (ylk_probe(y) == 0)
		ylk_open(y);
}
