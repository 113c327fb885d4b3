/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic (the small-transfer fast path some drivers grew: a local buffer for short requests, kmalloc for long ones) */
/* what: local pointer copies of a stack buffer, and a pointer that may be the stack buffer on one path, warn; a pointer reassigned to heap memory before the call does not */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define VENDOR_READ	(USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE)

int read_via_copy(struct usb_device *udev, u16 reg, u8 *out)
{
	u8 local[8] = { 0 };
	u8 *p = local;
	void *q;
	int ret;

	q = p;
	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 0x10, VENDOR_READ,
			      0, reg, q, sizeof(local), 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
	memcpy(out, local, sizeof(local));
	return ret;
}

int read_small_or_large(struct usb_device *udev, u16 reg, u8 *out, u16 len)
{
	u8 small[8] = { 0 };
	u8 *buf;
	int ret;

	if (len <= sizeof(small)) {
		buf = small;
	} else {
		buf = kmalloc(len, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 0x11, VENDOR_READ,
			      0, reg, buf, len, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
	memcpy(out, buf, len);
	if (buf != small)
		kfree(buf);
	return ret;
}

int read_ternary(struct usb_device *udev, u16 reg, u8 *heap, bool use_heap)
{
	u8 tmp[4] = { 0 };
	int actual;

	return usb_bulk_msg(udev, usb_rcvbulkpipe(udev, 1), use_heap ? heap : tmp,
			    4, &actual, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int read_reassigned(struct usb_device *udev, u16 reg, u8 *out)
{
	u8 local[8] = { 0 };
	u8 *buf = local;
	int ret;

	memcpy(out, buf, sizeof(local));
	buf = kmalloc(sizeof(local), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 0x12, VENDOR_READ,
			      0, reg, buf, sizeof(local), 1000); /* { dg-bogus "dmacheck" } */
	memcpy(out, buf, sizeof(local));
	kfree(buf);
	return ret;
}

int read_heap_or_caller(struct usb_device *udev, u16 reg, u8 *caller_buf, u16 len)
{
	u8 *buf = caller_buf;
	int ret;

	if (!buf) {
		buf = kzalloc(len, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 0x13, VENDOR_READ,
			      0, reg, buf, len, 1000); /* { dg-bogus "dmacheck" } */
	if (buf != caller_buf)
		kfree(buf);
	return ret;
}

/* oracle: every reader once; the small/large and ternary readers on both paths */
void case_run(struct case_env *env)
{
	u8 *out = kzalloc(64, GFP_KERNEL);
	u8 *heap = kzalloc(4, GFP_KERNEL);

	read_via_copy(env->udev, 0x20, out);
	read_small_or_large(env->udev, 0x21, out, 4);
	read_small_or_large(env->udev, 0x21, out, 64);
	read_ternary(env->udev, 0x22, heap, false);
	read_ternary(env->udev, 0x22, heap, true);
	read_reassigned(env->udev, 0x23, out);
	read_heap_or_caller(env->udev, 0x24, out, 8);
	read_heap_or_caller(env->udev, 0x24, NULL, 8);
	kfree(heap);
	kfree(out);
}
