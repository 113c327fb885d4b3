/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse */
/* origin: the shape of drivers/media/usb/dvb-usb-v2/af9035.c's struct usb_req (a request
 * whose member is the buffer) and of a helper that returns the interface's struct device,
 * each in a library file of its own (synthetic split) */
#include <linux/usb.h>
#include <linux/dma-mapping.h>

struct xm_req {
	u8 cmd;
	u8 *wbuf;
	u16 wlen;
};

int xm_send(struct usb_device *udev, struct xm_req *req)
{
	return usb_bulk_msg(udev, 0x40000000, req->wbuf, req->wlen, NULL, 1000);
}

struct device *xm_dma_dev(struct usb_interface *intf)
{
	return &intf->dev;
}
