/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/usbhid/usbhid.h - mirrors 6.1's drivers/hid/usbhid/usbhid.h (included as
 * "usbhid/usbhid.h" by HID drivers): hid_to_usb_dev().
 * Left out: struct usbhid_device and the usbhid_* API.
 */
#ifndef __USBHID_H
#define __USBHID_H

#include <linux/usb.h>
#include <linux/hid.h>

#define	hid_to_usb_dev(hid_dev) \
	to_usb_device(hid_dev->dev.parent->parent)

#endif
