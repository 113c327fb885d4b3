/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic; the shapes the Coccinelle script leaves to the compiler engines (docs/rules/dma-map-invalid-area.md): a member array of a static struct, a local pointer that picks one of two const tables (after the per-revision init tables of drivers/media/usb/gspca), a static buffer returned by a helper */
/* what: a static struct's member arrays, a table chosen into a local pointer and a static buffer a same-file function returns warn where they reach usb_bulk_msg()/usb_interrupt_msg(); a static struct's pointer member holding kmalloc() memory stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

static struct {
	u8 hdr[4];
	u8 data[60];
	u8 *heap;				/* kmalloc()ed */
} pkt;						/* module .bss */

static const u8 init_rev_a[] = { 0x4e, 0x73, 0x52, 0x01 };
static const u8 init_rev_b[] = { 0x4e, 0x73, 0x52, 0x02 };
static u8 reply[8];

int send_header(struct usb_device *udev)
{
	int actual;

	pkt.hdr[0] = 0x01;
	return usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), pkt.hdr, sizeof(pkt.hdr), &actual,
			    1000); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

int send_data(struct usb_device *udev, int off)
{
	int actual;

	return usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), &pkt.data[off], 8, &actual,
			    1000); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

int send_heap(struct usb_device *udev)
{
	int actual;

	if (!pkt.heap)
		pkt.heap = kzalloc(32, GFP_KERNEL);
	if (!pkt.heap)
		return -ENOMEM;
	return usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), pkt.heap, 32, &actual,
			    1000); /* { dg-bogus "dmacheck" } */
}

int send_init(struct usb_device *udev, int rev_b)
{
	const u8 *seq = rev_b ? init_rev_b : init_rev_a;
	int actual;

	return usb_interrupt_msg(udev, usb_sndintpipe(udev, 0x05), (void *)seq, 4, &actual,
				 1000); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

static u8 *reply_buf(void)
{
	return reply;
}

int read_reply(struct usb_device *udev)
{
	int actual;

	return usb_bulk_msg(udev, usb_rcvbulkpipe(udev, 2), reply_buf(), sizeof(reply), &actual,
			    1000); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

/* oracle: each once (bulk OUT 0x02, bulk IN 0x82, interrupt OUT 0x05 added by its pipe) */
void case_run(struct case_env *env)
{
	send_header(env->udev);
	send_data(env->udev, 4);
	send_heap(env->udev);
	send_init(env->udev, 0);
	send_init(env->udev, 1);
	read_reply(env->udev);
}
