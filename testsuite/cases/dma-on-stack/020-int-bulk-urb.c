/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic; the heap variants follow drivers/usb/usb-skeleton.c skel_write() and drivers/usb/misc/lvstest.c (6.1) */
/* what: usb_fill_int_urb()/usb_fill_bulk_urb() with a transfer buffer on the stack (mapped at submit, written after the function returned) warn; kmalloc()ed and driver-struct buffers do not */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct lvs_rh {
	struct usb_interface *intf;
	struct urb *urb;
	u8 buffer[8];
};

static void irq_complete(struct urb *urb)
{
}

int start_status_polling(struct usb_device *udev, struct urb *urb, int ep, int interval)
{
	u8 status[8];

	usb_fill_int_urb(urb, udev, usb_rcvintpipe(udev, ep), status,
			 sizeof(status), irq_complete, NULL, interval); /* { dg-warning "dmacheck-dma-on-stack" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int send_bulk_command(struct usb_device *udev, struct urb *urb, int ep, u8 opcode)
{
	u8 cmd[16] = { opcode };

	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, ep), cmd,
			  sizeof(cmd), irq_complete, NULL); /* { dg-warning "dmacheck-dma-on-stack" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

int lvs_start_polling(struct lvs_rh *lvs, struct usb_device *hdev, int ep, int interval)
{
	usb_fill_int_urb(lvs->urb, hdev, usb_rcvintpipe(hdev, ep),
			 &lvs->buffer[0], sizeof(lvs->buffer), irq_complete, lvs,
			 interval); /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(lvs->urb, GFP_KERNEL);
}

int skel_write_like(struct usb_device *udev, struct urb *urb, int ep,
		    const char *user_buffer, size_t count)
{
	char *buf;
	int retval;

	buf = kmalloc(count, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, user_buffer, count);
	usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, ep),
			  buf, count, irq_complete, NULL); /* { dg-bogus "dmacheck" } */
	urb->transfer_flags |= URB_FREE_BUFFER;
	retval = usb_submit_urb(urb, GFP_KERNEL);
	if (retval)
		kfree(buf);
	return retval;
}

/* oracle: each function once, each with its own URB: status polling on 0x81, a bulk command
 * on 0x02, then lvstest's polling into its kzalloc()ed struct and skel_write() of a kmalloc()ed
 * user copy (the URBs stay queued until the harness ends the run) */
void case_run(struct case_env *env)
{
	struct usb_device *udev = env->udev;
	struct lvs_rh *lvs = kzalloc(sizeof(*lvs), GFP_KERNEL);
	char *user_buffer = kmalloc(32, GFP_KERNEL);

	start_status_polling(udev, usb_alloc_urb(0, GFP_KERNEL), 1, 10);
	send_bulk_command(udev, usb_alloc_urb(0, GFP_KERNEL), 2, 0x28);
	lvs->intf = env->intf;
	lvs->urb = usb_alloc_urb(0, GFP_KERNEL);
	lvs_start_polling(lvs, udev, 1, 10);
	memset(user_buffer, 0x5a, 32);
	skel_write_like(udev, usb_alloc_urb(0, GFP_KERNEL), 2, user_buffer, 32);
	kfree(user_buffer);
}
