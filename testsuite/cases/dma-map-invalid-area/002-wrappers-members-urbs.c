/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic, in the shapes of drivers/usb/misc (a register-write helper that every caller feeds) and drivers/input (an interrupt URB filled in probe); the per-cpu buffer after the per-cpu scratch buffers of drivers/crypto */
/* what: a static buffer reaching usb_control_msg() through a same-file helper warns at the helper's call, as do an interrupt URB's static buffer and a static buffer stored in urb->transfer_buffer; a kmalloc()ed struct's member arrays, the helper fed kmalloc() memory, a static array of kmalloc()ed pointers, a per-cpu buffer and a static table read by the CPU stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/percpu.h>
#include <dmacheck-case.h>

#define VENDOR_OUT	(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)
#define BAR_REQ_WRITE	0x0c
#define BAR_NBUFS	2

static u8 bar_hdr[4];				/* module .bss */

static u8 bar_irq_buf[8];
static u8 bar_rx_buf[64];
static u8 *bar_bufs[BAR_NBUFS];			/* pointers to kmalloc()ed buffers */
static const u8 bar_crc_table[4] = { 0x00, 0x07, 0x0e, 0x09 };
static DEFINE_PER_CPU(u8 [16], bar_scratch);

struct bar {
	struct usb_device *udev;
	struct urb *irq;
	u8 reg[2];
	u8 reply[8];
};

/* the helper: whatever the caller hands over goes to usb_control_msg() */
static int bar_write(struct usb_device *udev, u16 reg, u8 *buf, u16 len)
{
	return usb_control_msg(udev, usb_sndctrlpipe(udev, 0), BAR_REQ_WRITE, VENDOR_OUT, 0, reg,
			       buf, len, 1000);
}

int bar_write_static(struct usb_device *udev)
{
	bar_hdr[0] = 0x01;
	return bar_write(udev, 0x10, bar_hdr, sizeof(bar_hdr)); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

int bar_write_heap(struct bar *bar)
{
	bar->reg[0] = 0x01;
	return bar_write(bar->udev, 0x10, bar->reg, sizeof(bar->reg)); /* { dg-bogus "dmacheck" } */
}

static void bar_irq(struct urb *urb)
{
}

/* probe: the interrupt URB on a static buffer */
int bar_start_irq(struct bar *bar)
{
	usb_fill_int_urb(bar->irq, bar->udev, usb_rcvintpipe(bar->udev, 1), bar_irq_buf,
			 sizeof(bar_irq_buf), bar_irq, bar, 10); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
	return usb_submit_urb(bar->irq, GFP_KERNEL);
}

/* the buffer stored by hand */
int bar_start_rx(struct bar *bar, struct urb *urb)
{
	urb->dev = bar->udev;
	urb->pipe = usb_rcvbulkpipe(bar->udev, 2);
	urb->transfer_buffer = bar_rx_buf; /* { dg-warning "dmacheck-dma-map-invalid-area" } */
	urb->transfer_buffer_length = sizeof(bar_rx_buf);
	urb->complete = bar_irq;
	urb->context = bar;
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* 6.1 shape: the reply buffer is a member array of the kzalloc()ed state */
int bar_read_reply(struct bar *bar)
{
	int actual;

	return usb_bulk_msg(bar->udev, usb_rcvbulkpipe(bar->udev, 2), bar->reply,
			    sizeof(bar->reply), &actual, 1000); /* { dg-bogus "dmacheck" } */
}

/* a static array of pointers to kmalloc() memory */
int bar_send_bufs(struct usb_device *udev)
{
	int i, actual, ret = 0;

	for (i = 0; i < BAR_NBUFS; i++) {
		if (!bar_bufs[i])
			bar_bufs[i] = kzalloc(32, GFP_KERNEL);
		if (!bar_bufs[i])
			return -ENOMEM;
		ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), bar_bufs[i], 32, &actual,
				   1000); /* { dg-bogus "dmacheck" } */
	}
	return ret;
}

/* the static table is read by the CPU only */
static u8 bar_crc(const u8 *table, const u8 *p, int n)
{
	u8 c = 0;

	while (n--)
		c = table[(c ^ *p++) & 3];
	return c;
}

int bar_send_checked(struct bar *bar)
{
	bar->reg[1] = bar_crc(bar_crc_table, bar->reg, 1); /* { dg-bogus "dmacheck" } */
	return bar_write(bar->udev, 0x11, bar->reg, sizeof(bar->reg)); /* { dg-bogus "dmacheck" } */
}

/* a per-cpu scratch buffer: 6.1 copies a module's per-cpu section into the per-cpu chunks */
int bar_send_scratch(struct usb_device *udev)
{
	u8 *s = *this_cpu_ptr(&bar_scratch);
	int actual;

	return usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), s, 16, &actual, 1000); /* { dg-bogus "dmacheck" } { core-differs "all" "the harness has one copy of .data..percpu, in the image it registers as a module's; 6.1 hands out the per-cpu allocator's copies, in the linear map" } */
}

/* oracle: each sender once (bulk OUT 0x02, bulk IN 0x82, interrupt IN 0x81) */
void case_run(struct case_env *env)
{
	struct bar *bar = kzalloc(sizeof(*bar), GFP_KERNEL);

	bar->udev = env->udev;
	bar->irq = usb_alloc_urb(0, GFP_KERNEL);
	bar_write_static(env->udev);
	bar_write_heap(bar);
	bar_start_irq(bar);
	usb_kill_urb(bar->irq);
	bar_start_rx(bar, usb_alloc_urb(0, GFP_KERNEL));
	bar_read_reply(bar);
	bar_send_bufs(env->udev);
	bar_send_checked(bar);
	bar_send_scratch(env->udev);
}
