/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/dmacheck-case.h - how a case runs natively against the reference core
 * (testsuite/oracle). Not a kernel header: the one entry point every case defines,
 *
 *	void case_run(struct case_env *env)
 *
 * which calls the case's functions with the objects the harness made, the way the rest of
 * the driver (probe, open, a sysfs write) would. The harness calls it once per host
 * controller model, each in a fresh process and a fresh model machine:
 *
 *   hc    the host controller, a PCI device that does DMA (32-bit mask; 64-bit for xHCI)
 *   pdev  a platform device that does DMA (for cases about non-USB devices)
 *   udev  a configured high-speed USB device, address 2, on hc's bus
 *   intf  its interface 0, bound, one altsetting with four endpoints:
 *         0x81 interrupt IN (8 bytes, bInterval 10), 0x82 bulk IN (512),
 *         0x02 bulk OUT (512), 0x03 interrupt OUT (8, bInterval 10)
 * The device also answers on any other endpoint a pipe names (added with the pipe's type).
 * All of these live in the model's kmalloc memory, as they would in the kernel. A case may
 * adjust them (e.g. bNumEndpoints for a probe that wants one endpoint) before calling in.
 */
#ifndef DMACHECK_CASE_H
#define DMACHECK_CASE_H

#include <linux/usb.h>
#include <linux/pci.h>
#include <linux/platform_device.h>

struct case_env {
	struct pci_dev *hc;
	struct platform_device *pdev;
	struct usb_device *udev;
	struct usb_interface *intf;
	const char *model;	/* the HCD model of this run, e.g. "dma", "pio" */
};

void case_run(struct case_env *env);

/*
 * How kbuild would build the case: as a module (the default, and what -DMODULE says), or into
 * the kernel when the case defines KBUILD_MODNAME without MODULE, as kbuild does for a
 * built-in object. The static engines read the same two macros (docs/rules/dma-map-rodata.md);
 * the harness registers the case's data as the kernel image's instead of a module's.
 */
#if defined(KBUILD_MODNAME) && !defined(MODULE)
extern const int dmacheck_case_builtin;	/* declared: sparse's "should it be static?" stays quiet */
const int dmacheck_case_builtin = 1;
#endif

/*
 * The device's side. By default the device answers every IN transfer with the pattern
 * 0xA5 0x5A ... for the full length. A case that needs real answers (a status byte, a reply
 * that must echo a command) installs answer(), called for each synchronous transfer
 * (usb_control_msg(), usb_bulk_msg(), usb_interrupt_msg() and what is built on them): for IN
 * it fills data (at most len bytes) and returns how many bytes the device sends; for OUT, data
 * holds what the device received (the return value is ignored). setup is the control
 * request, NULL for other transfers. NULL restores the default.
 */
typedef size_t (*case_answer_t)(unsigned int pipe, const struct usb_ctrlrequest *setup,
				void *data, size_t len, void *arg);
void case_device_answers(struct case_env *env, case_answer_t answer, void *arg);

/*
 * Probes of subsystem libraries a case builds on, done as 6.1 does them for env->intf.
 * case_usb_stor_probe(): the struct us_data that usb_stor_probe1() hands a usb-storage
 * subdriver (associate_dev(): cr, a 64-byte usb_alloc_coherent() iobuf; get_pipes(): control
 * and bulk pipes, 0x82 in and 0x02 out; usb_stor_acquire_resources(): current_urb).
 */
struct us_data;
struct us_data *case_usb_stor_probe(struct case_env *env);

#endif /* DMACHECK_CASE_H */
