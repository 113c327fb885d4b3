/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (PTR_ALIGN over an oversized local buffer, the "aligned scratch on the stack" idiom that DMA debugging rejects, cf. the crypto and mmc drivers that moved such buffers to the heap) */
/* what: PTR_ALIGN() of a local array (of &raw[0]: the kernel's PTR_ALIGN() takes a pointer) still points into the stack: passed directly or through a local pointer it warns; PTR_ALIGN() of a heap buffer stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

/* as in include/linux/align.h (6.1), which testsuite/include does not mirror */
#ifndef PTR_ALIGN
#define __ALIGN_KERNEL_MASK(x, mask)	(((x) + (mask)) & ~(mask))
#define __ALIGN_KERNEL(x, a)		__ALIGN_KERNEL_MASK(x, (__typeof__(x))(a) - 1)
#define ALIGN(x, a)			__ALIGN_KERNEL((x), (a))
#define PTR_ALIGN(p, a)			((__typeof__(p))ALIGN((unsigned long)(p), (a)))
#endif

struct baz_dev {
	struct usb_device *udev;
	u8 *scratch;
};

int baz_read_status(struct baz_dev *d, u32 *status)
{
	u8 raw[8 + 3];
	int ret;

	ret = usb_control_msg(d->udev, usb_rcvctrlpipe(d->udev, 0), 0x07,
			      USB_DIR_IN | USB_TYPE_VENDOR, 0, 0, PTR_ALIGN(&raw[0], 4), 8, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
	*status = raw[0];
	return ret;
}

int baz_send_key(struct baz_dev *d)
{
	u8 raw[16 + 3];
	u8 *key = PTR_ALIGN(&raw[0], 4);
	int actual;

	memset(key, 0x11, 16);
	return usb_bulk_msg(d->udev, usb_sndbulkpipe(d->udev, 2), key, 16, &actual, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int baz_send_key_heap(struct baz_dev *d)
{
	u8 *key = PTR_ALIGN(d->scratch, 4);
	int actual;

	memset(key, 0x11, 16);
	return usb_bulk_msg(d->udev, usb_sndbulkpipe(d->udev, 2), key, 16, &actual, 1000); /* { dg-bogus "dmacheck" } */
}

/* oracle: a status read and the key upload from the stack, then from the heap */
void case_run(struct case_env *env)
{
	struct baz_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	u32 status;

	d->udev = env->udev;
	d->scratch = kzalloc(16 + 3, GFP_KERNEL);
	baz_read_status(d, &status);
	baz_send_key(d);
	baz_send_key_heap(d);
}
