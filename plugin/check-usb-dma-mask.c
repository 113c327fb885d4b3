// SPDX-License-Identifier: GPL-2.0
/*
 * check-usb-dma-mask.c - usb-dma-mask: a DMA mask is set on a USB interface or USB device.
 *
 * Sinks: the struct device argument of ROLE_MASK_DEV rows in rules/dma-apis.def
 * (dma_set_mask, dma_set_coherent_mask, dma_set_mask_and_coherent,
 * dma_coerce_mask_and_coherent). Offending values: &x->dev where x is a struct
 * usb_interface or struct usb_device, however x was reached (interface_to_usbdev(),
 * to_usb_device(), a driver's private struct), copied through local struct device pointers,
 * and through the unit's own helpers that take the struct device * (summary.c).
 *
 * Silent: the host controller's device (bus->sysdev, hcd->self.controller), PCI and platform
 * devices. Why it matters: USB transfers are mapped for the host controller; in 6.1 a USB
 * device or interface has no dma_mask and the call fails with -EIO; up to 5.9 it changed the
 * controller's mask for every device on the bus (docs/rules/usb-dma-mask.md).
 */
#include "dmacheck.h"

static void mask_stmt(const struct flow *flow, gimple *stmt)
{
	const char *name;
	const struct dma_api *rows;
	unsigned int n;
	char sink[128];

	if (!is_gimple_call(stmt))
		return;
	name = call_name(stmt);
	rows = dma_api_rows(name, &n);
	for (unsigned int i = 0; i < n; i++) {
		struct origin o;

		if (rows[i].role != ROLE_MASK_DEV || rows[i].arg > gimple_call_num_args(stmt))
			continue;
		o = flow_origin(flow, gimple_call_arg(stmt, rows[i].arg - 1));
		if ((o.kinds & O_USBDEV) && report(RULE_USB_DMA_MASK, gimple_location(stmt)))
			report_note(gimple_location(stmt),
				    "USB transfers are mapped for the host controller "
				    "(udev->bus->sysdev); a USB device or interface has no DMA "
				    "mask of its own");
		snprintf(sink, sizeof(sink), "%s()", name);
		summary_sink(RULE_USB_DMA_MASK, flow, &o, sink);
	}
}

const struct dmacheck_check check_usb_dma_mask = {
	"usb-dma-mask", mask_stmt, NULL, NULL,
};
