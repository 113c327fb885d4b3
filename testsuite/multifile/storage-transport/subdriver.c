/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse */
/* origin: reduced from drivers/usb/storage/alauda.c and isd200.c (6.1): a sub-driver of
 * usb-storage calls the transport's exported wrapper of another file */
/* xfile-note: passed to xs_ctrl_transfer() in storage-transport/transport.c as argument 7, which hands it to usb_fill_control_urb() */
#include <linux/usb.h>

struct xs_data {
	struct usb_device *pusb_dev;
	struct urb *current_urb;
	struct usb_ctrlrequest *cr;
	unsigned char *iobuf;
};

int xs_ctrl_transfer(struct xs_data *us, unsigned int pipe, u8 request, u8 requesttype,
		     u16 value, u16 index, void *data, u16 size);

int sub_get_status(struct xs_data *us)
{
	unsigned char status[2];

	return xs_ctrl_transfer(us, 0x80000080, 0x08, 0xc0, 0, 0, status, 2); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int sub_get_status_iobuf(struct xs_data *us)
{
	return xs_ctrl_transfer(us, 0x80000080, 0x08, 0xc0, 0, 0, us->iobuf, 2); /* { dg-bogus "dmacheck" } */
}

int sub_no_data(struct xs_data *us)
{
	unsigned char unused[2];

	(void)unused;
	return xs_ctrl_transfer(us, 0x80000080, 0x08, 0xc0, 0, 0, NULL, 0); /* { dg-bogus "dmacheck" } */
}
