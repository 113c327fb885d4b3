/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic, in the shapes of the vendor-command drivers of drivers/usb/misc and drivers/media/usb that keep one command buffer per module (the example of docs/rules/dma-map-invalid-area.md); the silent variants are what those drivers do in 6.1: a kzalloc()ed buffer, a static pointer to one, memcpy() out of a static template, usb_control_msg_send() */
/* what: a module's static and global buffers (file scope and function-local) handed to usb_bulk_msg(), usb_control_msg(), usb_interrupt_msg(), dma_map_single() and sg_init_one() warn; the kmalloc()ed alternatives, a static pointer holding kmalloc() memory, a static template copied into a kmalloc()ed buffer and static data handed to functions that copy it stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <dmacheck-case.h>

#define FOO_CMD_LEN	8
#define FOO_EP_CMD	2
#define FOO_TIMEOUT	1000
#define FOO_REQ_STATUS	0x01
#define VENDOR_IN	(USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE)
#define VENDOR_OUT	(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)

static u8 foo_cmd[FOO_CMD_LEN];			/* module .bss */
u8 foo_status[4];				/* a global: module .bss too */
static u8 foo_template[FOO_CMD_LEN] = { 0x55, 0xaa };	/* module .data */
static u8 *foo_heap;				/* a pointer: its pointee is what is sent */

struct foo {
	struct usb_device *udev;
	u8 cmd[FOO_CMD_LEN];			/* inside the kzalloc()ed device state */
	u8 *buf;
};

int foo_send_cmd(struct usb_device *udev, u8 op)
{
	int actual;

	foo_cmd[0] = op;
	return usb_bulk_msg(udev, usb_sndbulkpipe(udev, FOO_EP_CMD), foo_cmd,
			    FOO_CMD_LEN, &actual, FOO_TIMEOUT); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

int foo_read_status(struct usb_device *udev)
{
	int ret;

	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), FOO_REQ_STATUS, VENDOR_IN, 0, 0,
			      foo_status, sizeof(foo_status), FOO_TIMEOUT); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
	return ret < 0 ? ret : foo_status[0];
}

int foo_poll(struct usb_device *udev)
{
	static u8 irq_buf[8];			/* function-local static: module .bss */
	int actual;

	return usb_interrupt_msg(udev, usb_rcvintpipe(udev, 1), irq_buf, sizeof(irq_buf),
				 &actual, FOO_TIMEOUT); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

int foo_send_offset(struct usb_device *udev)
{
	int actual;

	return usb_bulk_msg(udev, usb_sndbulkpipe(udev, FOO_EP_CMD), foo_template + 2,
			    FOO_CMD_LEN - 2, &actual, FOO_TIMEOUT); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

/* the fix of the page: the buffer in the device state */
int foo_send_cmd_fixed(struct foo *foo, u8 op)
{
	int actual;

	foo->cmd[0] = op;
	return usb_bulk_msg(foo->udev, usb_sndbulkpipe(foo->udev, FOO_EP_CMD), foo->cmd,
			    FOO_CMD_LEN, &actual, FOO_TIMEOUT); /* { dg-bogus "dmacheck" } */
}

/* a static pointer to kmalloc() memory: the memory is the heap's */
int foo_send_heap(struct usb_device *udev)
{
	int actual;

	if (!foo_heap)
		foo_heap = kzalloc(FOO_CMD_LEN, GFP_KERNEL);
	if (!foo_heap)
		return -ENOMEM;
	return usb_bulk_msg(udev, usb_sndbulkpipe(udev, FOO_EP_CMD), foo_heap,
			    FOO_CMD_LEN, &actual, FOO_TIMEOUT); /* { dg-bogus "dmacheck" } */
}

/* the static template is only copied from */
int foo_send_template(struct foo *foo)
{
	int actual, ret;
	u8 *buf = kmalloc(FOO_CMD_LEN, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	memcpy(buf, foo_template, FOO_CMD_LEN); /* { dg-bogus "dmacheck" } */
	ret = usb_bulk_msg(foo->udev, usb_sndbulkpipe(foo->udev, FOO_EP_CMD), buf,
			   FOO_CMD_LEN, &actual, FOO_TIMEOUT); /* { dg-bogus "dmacheck" } */
	kfree(buf);
	return ret;
}

/* kmemdup() of the template, and usb_control_msg_send(), which copies it itself */
int foo_send_copies(struct foo *foo)
{
	u8 *buf = kmemdup(foo_template, FOO_CMD_LEN, GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	ret = usb_control_msg(foo->udev, usb_sndctrlpipe(foo->udev, 0), 2, VENDOR_OUT, 0, 0,
			      buf, FOO_CMD_LEN, FOO_TIMEOUT); /* { dg-bogus "dmacheck" } */
	kfree(buf);
	if (ret < 0)
		return ret;
	return usb_control_msg_send(foo->udev, 0, 2, VENDOR_OUT, 0, 0, foo_template,
				    FOO_CMD_LEN, FOO_TIMEOUT, GFP_KERNEL); /* { dg-bogus "dmacheck" } */
}

/* a platform device's streaming mapping and a scatterlist entry */
int foo_map(struct device *dev, struct scatterlist *sg)
{
	dma_addr_t a;

	a = dma_map_single(dev, foo_cmd, FOO_CMD_LEN, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
	if (dma_mapping_error(dev, a))
		return -ENOMEM;
	dma_unmap_single(dev, a, FOO_CMD_LEN, DMA_TO_DEVICE);
	sg_init_one(sg, foo_status, sizeof(foo_status)); /* { dg-warning "dmacheck-dma-map-invalid-area" } { core-differs "all" "sg_init_one() only records virt_to_page(): the device sees the wrong page only when the list is mapped (the case does not map it)" } */
	return 0;
}

/* oracle: each sender once (bulk OUT 0x02, interrupt IN 0x81), the mapping on the platform
 * device */
void case_run(struct case_env *env)
{
	struct foo *foo = kzalloc(sizeof(*foo), GFP_KERNEL);
	struct scatterlist *sg = kzalloc(sizeof(*sg), GFP_KERNEL);

	foo->udev = env->udev;
	foo_send_cmd(env->udev, 1);
	foo_read_status(env->udev);
	foo_poll(env->udev);
	foo_send_offset(env->udev);
	foo_send_cmd_fixed(foo, 1);
	foo_send_heap(env->udev);
	foo_send_template(foo);
	foo_send_copies(foo);
	foo_map(&env->pdev->dev, sg);
}
