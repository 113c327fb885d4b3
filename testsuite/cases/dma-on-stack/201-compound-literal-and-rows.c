/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (compound-literal command bytes as in some HID and input drivers; per-block scratch rows as in firmware loaders) */
/* what: a compound literal ((u8 []){ ... }, &(struct){ ... }) has automatic storage, and a row of a local two-dimensional array is on the stack: both warn as DMA buffers; a row of a heap array stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct bar_cmd {
	u8 op;
	u8 arg;
};

struct bar_dev {
	struct usb_device *udev;
	u8 (*rows)[16];
};

int bar_reset(struct bar_dev *d)
{
	return usb_control_msg(d->udev, usb_sndctrlpipe(d->udev, 0), 0x05, USB_TYPE_VENDOR,
			       0, 0, (u8 []){ 0xde, 0xad, 0x01 }, 3, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int bar_op(struct bar_dev *d, u8 op)
{
	int actual;

	return usb_bulk_msg(d->udev, usb_sndbulkpipe(d->udev, 2),
			    &(struct bar_cmd){ .op = op, .arg = 0 }, sizeof(struct bar_cmd),
			    &actual, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int bar_load_blocks(struct bar_dev *d)
{
	u8 blocks[2][16];
	int i, ret = 0, actual;

	memset(blocks, 0x5a, sizeof(blocks));
	for (i = 0; i < 2 && !ret; i++)
		ret = usb_bulk_msg(d->udev, usb_sndbulkpipe(d->udev, 2), blocks[i], 16,
				   &actual, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
	return ret;
}

int bar_load_blocks_heap(struct bar_dev *d)
{
	int i, ret = 0, actual;

	for (i = 0; i < 2 && !ret; i++)
		ret = usb_bulk_msg(d->udev, usb_sndbulkpipe(d->udev, 2), d->rows[i], 16,
				   &actual, 1000); /* { dg-bogus "dmacheck" } */
	return ret;
}

/* oracle: a reset, one op, the block loads from the stack and from the heap */
void case_run(struct case_env *env)
{
	struct bar_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	d->udev = env->udev;
	d->rows = kzalloc(2 * 16, GFP_KERNEL);
	bar_reset(d);
	bar_op(d, 7);
	bar_load_blocks(d);
	bar_load_blocks_heap(d);
}
