/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse */
/* origin: reduced from drivers/usb/storage/transport.c (6.1) usb_stor_msg_common() and
 * usb_stor_ctrl_transfer(), renamed so that no row of rules/dma-apis.def knows them: the
 * wrapper is found only through the summaries database */
#include <linux/usb.h>
#include <linux/slab.h>

struct xs_data {
	struct usb_device *pusb_dev;
	struct urb *current_urb;
	struct usb_ctrlrequest *cr;
	unsigned char *iobuf;
};

static int xs_msg_common(struct xs_data *us, int timeout)
{
	return usb_submit_urb(us->current_urb, GFP_NOIO);
}

int xs_ctrl_transfer(struct xs_data *us, unsigned int pipe, u8 request, u8 requesttype,
		     u16 value, u16 index, void *data, u16 size)
{
	usb_fill_control_urb(us->current_urb, us->pusb_dev, pipe, (unsigned char *)us->cr,
			     data, size, NULL, NULL);
	return xs_msg_common(us, 0);
}
