/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/dvb-usb/dvb-usb.h - mirrors 6.1's drivers/media/usb/dvb-usb/dvb-usb.h:
 * struct dvb_usb_device with the members the device drivers use (udev, data_mutex,
 * usb_mutex, priv) and dvb_usb_generic_rw()/dvb_usb_generic_write() with the same
 * (__must_check, unnamed-parameter) prototypes. dvb_usb_generic_rw() hands both buffers to
 * usb_bulk_msg() (dvb-usb-urb.c).
 * Left out: the properties/adapter/frontend machinery, remote-control and i2c glue.
 */
#ifndef __DVB_USB_H__
#define __DVB_USB_H__

#include <linux/usb.h>
#include <linux/mutex.h>

struct dvb_usb_device {
	struct usb_device *udev;

	struct mutex data_mutex;
	struct mutex usb_mutex;

	/* i2c */
	struct mutex i2c_mutex;

	void *priv;
};

/* the generic read/write method for device control */
extern int __must_check
dvb_usb_generic_rw(struct dvb_usb_device *, u8 *, u16, u8 *, u16, int);
extern int __must_check
dvb_usb_generic_write(struct dvb_usb_device *, u8 *, u16);

#endif
