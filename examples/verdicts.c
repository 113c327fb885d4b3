// SPDX-License-Identifier: GPL-2.0
/*
 * verdicts.c - the reference core's verdict on the three classic USB DMA mistakes, each run
 * as real code under a DMA host controller and, for contrast, under a controller that hides
 * the bug.
 *
 *   1. a stack buffer handed to usb_control_msg()            dma-on-stack
 *   2. a coherent buffer whose transfer_dma is stored but
 *      URB_NO_TRANSFER_DMA_MAP is not set                    urb-dma-flag-missing
 *   3. dma_set_mask() on the USB interface                   usb-dma-mask
 *      (6.1: -EIO, the interface has no DMA mask; up to 5.9 it changed the host
 *      controller's mask for the whole bus)
 *
 * Prints every event the core records, GCC style, and exits non-zero if a verdict is not the
 * one the kernel's code implies (so `make check` runs it as a test).
 *
 * Usage: build/examples/verdicts [-q]
 */
#include "dmacore.h"

#include <stdio.h>
#include <string.h>

static int failures;
static int quiet;

static void print_events(void)
{
	char line[512];

	for (size_t i = 0; i < dmc_event_count(); i++) {
		dmc_event_format(dmc_event_get(i), line, sizeof(line));
		if (!quiet)
			printf("  %s\n", line);
	}
}

static void expect(const char *what, enum dmc_rule rule, enum dmc_outcome outcome)
{
	for (size_t i = 0; i < dmc_event_count(); i++) {
		const struct dmc_event *ev = dmc_event_get(i);

		if (ev->rule == rule && ev->outcome == outcome) {
			if (!quiet)
				printf("  => %s: %s, %s\n", what, dmc_rule_info(rule)->slug,
				       dmc_outcome_name(outcome));
			return;
		}
	}
	printf("  !! %s: expected %s (%s), not seen\n", what, dmc_rule_info(rule)->slug,
	       dmc_outcome_name(outcome));
	failures++;
}

/* One machine, one controller of the given model, one configured device with a bulk pair. */
struct bus {
	struct dmc_device sysdev;
	struct dmc_usb_hcd hcd;
	struct dmc_usb_device udev;
	struct dmc_usb_interface intf;
};

static void boot(struct bus *b, enum dmc_hcd_model model)
{
	dmc_machine_init(NULL);
	dmc_register_current_stack();
	dmc_device_init(&b->sysdev, "0000:00:14.0", DMC_DEV_PCI, false, true);
	dmc_hcd_create(&b->hcd, &b->sysdev, model);
	dmc_usb_device_init(&b->udev, &b->hcd, 2);
	dmc_usb_add_endpoint(&b->udev, 0x81, DMC_USB_ENDPOINT_XFER_BULK, 512, 0);
	dmc_usb_add_endpoint(&b->udev, 0x02, DMC_USB_ENDPOINT_XFER_BULK, 512, 0);
	dmc_usb_interface_init(&b->intf, &b->udev);
}

/* 1. drivers that read a status byte into a local variable */
static int read_status(struct dmc_usb_device *udev)
{
	unsigned char status[4];	/* on the stack */

	dmc_at(__FILE__, __LINE__ + 1);
	return dmc_usb_control_msg(udev, dmc_usb_rcvctrlpipe(udev, 0), 0x01, 0xc0, 0, 0,
				   status, sizeof(status), 1000);
}

static void example_stack(void)
{
	struct bus b;
	int ret;

	printf("1. stack buffer to usb_control_msg(), EHCI-like DMA controller:\n");
	boot(&b, DMC_HCD_DMA);
	ret = read_status(&b.udev);
	print_events();
	if (!quiet)
		printf("  usb_control_msg() returned %d\n", ret);
	expect("DMA controller", DMC_RULE_DMA_ON_STACK, DMC_OUT_REFUSED);
	if (ret != -DMC_EAGAIN) {
		printf("  !! expected -EAGAIN, got %d\n", ret);
		failures++;
	}

	printf("   the same code under a local-memory controller (the bug hides):\n");
	boot(&b, DMC_HCD_LOCALMEM);
	ret = read_status(&b.udev);
	print_events();
	expect("local-memory controller", DMC_RULE_DMA_ON_STACK, DMC_OUT_SILENT);
	if (ret != 4) {
		printf("  !! expected 4 bytes, got %d\n", ret);
		failures++;
	}
}

static void noop_complete(struct dmc_urb *urb)
{
	(void)urb;
}

/* 2. a coherent buffer, its handle stored, the flag forgotten */
static void example_flag_missing(void)
{
	struct bus b;
	struct dmc_urb *urb;
	void *buf;
	int ret;

	printf("2. usb_alloc_coherent() buffer without URB_NO_TRANSFER_DMA_MAP:\n");
	boot(&b, DMC_HCD_DMA);
	urb = dmc_usb_alloc_urb(0, 0);
	buf = dmc_usb_alloc_coherent(&b.udev, 64, 0, &urb->transfer_dma);
	dmc_usb_fill_bulk_urb(urb, &b.udev, dmc_usb_rcvbulkpipe(&b.udev, 1), buf, 64,
			      noop_complete, NULL);
	/* missing: urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; */
	dmc_at(__FILE__, __LINE__ + 1);
	ret = dmc_usb_submit_urb(urb, 0);
	print_events();
	if (!quiet)
		printf("  usb_submit_urb() returned %d; the HCD mapped the coherent buffer again\n",
		       ret);
	expect("DMA controller", DMC_RULE_URB_DMA_FLAG_MISSING, DMC_OUT_WASTE);
	dmc_usb_kill_urb(urb);
	dmc_usb_free_coherent(&b.udev, 64, buf, urb->transfer_dma);
	dmc_usb_free_urb(urb);
}

/* 3. a driver that copied a PCI driver's probe() */
static void example_usb_mask(void)
{
	struct bus b;
	uint64_t before;
	int ret;

	printf("3. dma_set_mask() on a USB interface:\n");
	boot(&b, DMC_HCD_DMA);
	before = *b.sysdev.dma_mask;
	dmc_at(__FILE__, __LINE__ + 1);
	ret = dmc_dma_set_mask(&b.intf.dev, DMC_BIT_MASK(64));
	print_events();
	if (!quiet)
		printf("  dma_set_mask() returned %d: the driver's probe fails\n", ret);
	expect("USB interface", DMC_RULE_USB_DMA_MASK, DMC_OUT_REFUSED);
	if (ret != -DMC_EIO || *b.sysdev.dma_mask != before) {
		printf("  !! expected -EIO and the host controller's mask unchanged\n");
		failures++;
	}
}

int main(int argc, char **argv)
{
	quiet = argc > 1 && strcmp(argv[1], "-q") == 0;
	example_stack();
	example_flag_missing();
	example_usb_mask();
	dmc_machine_exit();
	printf("%s\n", failures ? "verdicts: FAILED" : "verdicts: all as the kernel's code implies");
	return failures != 0;
}
