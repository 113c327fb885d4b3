/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, in the shapes of built-in USB and platform code: a register-write helper fed const tables (drivers/usb/misc), a table picked per chip revision, an interrupt URB on a constant "keep alive" packet, a scatterlist entry on a const header; built in: KBUILD_MODNAME without MODULE */
/* what: in a built-in file, const data reaching a DMA sink through a same-file helper, a pointer that selects one of two tables, a const struct's member array, an interrupt URB and sg_init_one() warns as dma-map-rodata; the helper fed writable static or kmalloc() memory, const data read by the CPU and strings copied by usb_control_msg_send() stay silent */
#define KBUILD_MODNAME "bar"
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/scatterlist.h>
#include <dmacheck-case.h>

#define VENDOR_OUT	(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)
#define BAR_REQ_WRITE	0x0c

static const u8 bar_regs_rev_a[4] = { 0x10, 0x01, 0x11, 0x00 };
static const u8 bar_regs_rev_b[4] = { 0x10, 0x03, 0x11, 0x01 };
static const struct {
	u8 hdr[4];
	u8 body[12];
} bar_frame = { { 0xfe, 0x01 }, { 0 } };
static const u8 bar_keepalive[2] = { 0x5a, 0xa5 };
static u8 bar_shadow[4];		/* built-in .bss: linear on x86 */

struct bar {
	struct usb_device *udev;
	struct urb *ka;
	u8 regs[4];
};

static int bar_write(struct usb_device *udev, u16 reg, const void *buf, u16 len)
{
	return usb_control_msg(udev, usb_sndctrlpipe(udev, 0), BAR_REQ_WRITE, VENDOR_OUT, 0, reg,
			       (void *)buf, len, 1000);
}

int bar_init_rev_a(struct usb_device *udev)
{
	return bar_write(udev, 0, bar_regs_rev_a, sizeof(bar_regs_rev_a)); /* { dg-warning "dmacheck-dma-map-rodata" } */
}

int bar_init_rev(struct usb_device *udev, int rev)
{
	const u8 *regs = rev ? bar_regs_rev_b : bar_regs_rev_a;

	return bar_write(udev, 0, regs, 4); /* { dg-warning "dmacheck-dma-map-rodata" } */
}

int bar_send_header(struct usb_device *udev)
{
	int actual;

	return usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), (void *)bar_frame.hdr,
			    sizeof(bar_frame.hdr), &actual, 1000); /* { dg-warning "dmacheck-dma-map-rodata" } */
}

int bar_init_shadow(struct usb_device *udev)
{
	memcpy(bar_shadow, bar_regs_rev_a, sizeof(bar_shadow)); /* { dg-bogus "dmacheck" } */
	return bar_write(udev, 0, bar_shadow, sizeof(bar_shadow)); /* { dg-bogus "dmacheck" } */
}

int bar_init_heap(struct bar *bar)
{
	memcpy(bar->regs, bar_regs_rev_b, sizeof(bar->regs)); /* { dg-bogus "dmacheck" } */
	return bar_write(bar->udev, 0, bar->regs, sizeof(bar->regs)); /* { dg-bogus "dmacheck" } */
}

static void bar_ka_done(struct urb *urb)
{
}

int bar_start_keepalive(struct bar *bar)
{
	usb_fill_int_urb(bar->ka, bar->udev, usb_sndintpipe(bar->udev, 3), (void *)bar_keepalive,
			 sizeof(bar_keepalive), bar_ka_done, bar, 10); /* { dg-warning "dmacheck-dma-map-rodata" } */
	return usb_submit_urb(bar->ka, GFP_KERNEL);
}

int bar_sg_header(struct scatterlist *sg)
{
	sg_init_one(sg, bar_frame.hdr, sizeof(bar_frame.hdr)); /* { dg-warning "dmacheck-dma-map-rodata" } { core-differs "all" "sg_init_one() only records virt_to_page(): the list is not mapped here" } */
	return 0;
}

int bar_check(struct bar *bar)
{
	if (memcmp(bar->regs, bar_regs_rev_a, 4)) /* { dg-bogus "dmacheck" } */
		return usb_control_msg_send(bar->udev, 0, BAR_REQ_WRITE, VENDOR_OUT, 0, 0,
					    "RESET", 5, 1000, GFP_KERNEL); /* { dg-bogus "dmacheck" } */
	return 0;
}

/* oracle: each once (control OUT, bulk OUT 0x02, interrupt OUT 0x03) */
void case_run(struct case_env *env)
{
	struct bar *bar = kzalloc(sizeof(*bar), GFP_KERNEL);
	struct scatterlist *sg = kzalloc(sizeof(*sg), GFP_KERNEL);

	bar->udev = env->udev;
	bar->ka = usb_alloc_urb(0, GFP_KERNEL);
	bar_init_rev_a(env->udev);
	bar_init_rev(env->udev, 1);
	bar_init_rev(env->udev, 0);
	bar_send_header(env->udev);
	bar_init_shadow(env->udev);
	bar_init_heap(bar);
	bar_start_keepalive(bar);
	usb_kill_urb(bar->ka);
	bar_sg_header(sg);
	bar->regs[0] = 0xff;
	bar_check(bar);
}
