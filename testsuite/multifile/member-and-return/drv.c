/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse */
/* origin: synthetic: a member of the argument reaches DMA in another file (judged by the
 * compile, with the database: not resolvable by the merge), and another file's function
 * returns a USB interface's struct device */
/* xfile-note: passed to xm_send() in member-and-return/lib.c in a member of argument 2, which hands it to usb_bulk_msg() */
#include <linux/usb.h>
#include <linux/dma-mapping.h>

struct xm_req {
	u8 cmd;
	u8 *wbuf;
	u16 wlen;
};

int xm_send(struct usb_device *udev, struct xm_req *req);
struct device *xm_dma_dev(struct usb_interface *intf);

int m_write(struct usb_device *udev)
{
	u8 data[4] = { 1, 2, 3, 4 };
	struct xm_req req = { 0x21, data, sizeof(data) };

	return xm_send(udev, &req); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int m_probe(struct usb_interface *intf)
{
	return dma_set_mask(xm_dma_dev(intf), DMA_BIT_MASK(32)); /* { dg-warning "dmacheck-usb-dma-mask" } */
}
