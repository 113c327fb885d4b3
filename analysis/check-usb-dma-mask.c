// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-usb-dma-mask.c - usb-dma-mask: a DMA mask is set on a USB interface or USB
 * device.
 *
 * Sinks: the struct device argument of ROLE_MASK_DEV rows in rules/dma-apis.def
 * (dma_set_mask, dma_set_coherent_mask, dma_set_mask_and_coherent,
 * dma_coerce_mask_and_coherent). Offending values: a USB device's or interface's struct
 * device as the DMA_USBDEV rows name it (&intf->dev, &udev->dev however udev was reached,
 * intf->dev.parent), copied through local struct device pointers, and through the unit's
 * own helpers that take the struct device * (summary.c).
 *
 * Silent: the host controller's device (bus->sysdev, hcd->self.controller), PCI and platform
 * devices. Why it matters: USB transfers are mapped for the host controller; in 6.1 a USB
 * device or interface has no dma_mask and the call fails with -EIO; up to 5.9 it changed the
 * controller's mask for every device on the bus (docs/rules/usb-dma-mask.md).
 */
#include <stdio.h>

#include "analysis.h"

static void mask_insn(const struct flow *flow, const struct ir_insn *in)
{
	const struct dma_api *rows;
	unsigned int n;
	char sink[128];

	if (in->op != IR_CALL || !in->callee)
		return;
	rows = dma_api_rows(in->callee, &n);
	for (unsigned int i = 0; i < n; i++) {
		struct origin o;

		if (rows[i].role != ROLE_MASK_DEV || rows[i].arg > in->nargs)
			continue;
		o = flow_origin(flow, in->args[rows[i].arg - 1]);
		if (o.kinds & O_USBDEV) {
			if (report(RULE_USB_DMA_MASK, in->loc))
				report_note(in->loc, "USB transfers are mapped for the host "
					    "controller (udev->bus->sysdev); a USB device or "
					    "interface has no DMA mask of its own");
			/* reported here: its callers would only say it again (a probe that
			 * passes the interface the helper already takes the device of) */
			continue;
		}
		snprintf(sink, sizeof(sink), "%s()", in->callee);
		summary_sink(RULE_USB_DMA_MASK, flow, &o, sink, in);
	}
}

const struct analysis_check check_usb_dma_mask = {
	"usb-dma-mask", NULL, mask_insn, NULL, NULL,
};
