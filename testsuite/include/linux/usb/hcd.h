/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/usb/hcd.h - mirrors 6.1's include/linux/usb/hcd.h: struct
 * usb_hcd whose first member is the struct usb_bus `self` ("hcd is-a bus"), and
 * bus_to_hcd()/hcd_to_bus() as the same static inlines.
 * Left out: every other usb_hcd member but a few flags and the local-memory pool,
 * struct hc_driver, the HCD-side API.
 */
#ifndef __USB_CORE_HCD_H
#define __USB_CORE_HCD_H

#include <linux/usb.h>

struct gen_pool;
struct dma_pool;

struct usb_hcd {

	/*
	 * housekeeping
	 */
	struct usb_bus		self;		/* hcd is-a bus */

	const char		*product_desc;	/* product/vendor string */
	int			speed;		/* Speed for this roothub.
						 * May be different from
						 * hcd->driver->flags & HCD_MASK
						 */
	char			irq_descr[24];	/* driver + bus # */

	struct urb		*status_urb;	/* the current status urb */

	/* more shared queuing code would be good; it should support
	 * smarter scheduling, handle transaction translators, etc;
	 * input size of periodic table to an interrupt scheduler.
	 * (ohci 32, uhci 1024, ehci 256/512/1024).
	 */
	struct dma_pool		*pool[4];	/* for small stuff */
	struct gen_pool		*localmem_pool;
};

static inline struct usb_bus *hcd_to_bus(struct usb_hcd *hcd)
{
	return &hcd->self;
}

static inline struct usb_hcd *bus_to_hcd(struct usb_bus *bus)
{
	return container_of(bus, struct usb_hcd, self);
}

#endif /* __USB_CORE_HCD_H */
