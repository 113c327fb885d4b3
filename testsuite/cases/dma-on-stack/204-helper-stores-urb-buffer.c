/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (drivers that set up their URBs in a small same-file helper instead of usb_fill_*_urb(), cf. the command URBs of drivers/usb/misc and drivers/media/usb) */
/* what: a same-file helper that stores its buffer parameter into urb->transfer_buffer: a caller that gives it a stack buffer and submits warns at the helper call; a heap caller stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

static void cmd_complete(struct urb *urb)
{
}

static void cmd_setup_urb(struct urb *urb, struct usb_device *udev, void *buf, int len)
{
	urb->dev = udev;
	urb->pipe = usb_sndbulkpipe(udev, 2);
	urb->transfer_buffer = buf; /* { dg-bogus "dmacheck" } */
	urb->transfer_buffer_length = len;
	urb->complete = cmd_complete;
}

int cmd_send_sync(struct usb_device *udev, struct urb *urb, u8 op)
{
	u8 cmd[4] = { op, 0, 0, 0 };
	int ret;

	cmd_setup_urb(urb, udev, cmd, sizeof(cmd)); /* { dg-warning "dmacheck-dma-on-stack" } */
	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (ret)
		return ret;
	usb_kill_urb(urb);
	return 0;
}

int cmd_send_heap(struct usb_device *udev, struct urb *urb, u8 *cmd)
{
	cmd_setup_urb(urb, udev, cmd, 4); /* { dg-bogus "dmacheck" } */
	return usb_submit_urb(urb, GFP_KERNEL);
}

/* oracle: one command from the stack, one from the heap, each on its own URB */
void case_run(struct case_env *env)
{
	struct urb *u1 = usb_alloc_urb(0, GFP_KERNEL);
	struct urb *u2 = usb_alloc_urb(0, GFP_KERNEL);
	u8 *cmd = kzalloc(4, GFP_KERNEL);

	cmd_send_sync(env->udev, u1, 1);
	cmd_send_heap(env->udev, u2, cmd);
}
