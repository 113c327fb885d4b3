/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/oracle/shim.h - helpers the shim-*.c files share (after oracle.h).
 */
#ifndef ORACLE_SHIM_H
#define ORACLE_SHIM_H

struct device;
struct usb_device;

/* Opaque to the cases: the core's page and the stack of the call that made it. */
struct page {
	struct dmc_page p;
	struct oracle_stack made;
};

unsigned int shim_gfp(gfp_t gfp);
struct page *shim_page(struct dmc_page p);
/* The core device behind a case's struct device; reports unknown devices. */
struct dmc_device *shim_dev(const struct device *dev, const char *what);
/* The core USB device behind a case's struct usb_device. */
struct dmc_usb_device *shim_udev(const struct usb_device *udev, const char *what);

struct usb_host_endpoint;
struct urb;
struct scatterlist;
void shim_fill_endpoint(struct usb_host_endpoint *ep, u8 address, int xfer, u16 maxp,
			u8 interval);
void shim_add_endpoint(struct usb_device *udev, struct dmc_usb_device *d,
		       struct usb_host_endpoint *ep);
void shim_urb_giveback(struct urb *urb);
/* The core's copy of a case's scatterlist; the pages' provenance is pushed. */
struct dmc_scatterlist *shim_sg(struct scatterlist *sg, int nents);

#endif
