// SPDX-License-Identifier: GPL-2.0
/*
 * check-usb-dma-mask.c - usb-dma-mask: a DMA mask is set on a USB interface or USB device.
 *
 * Sinks: the struct device argument of ROLE_MASK_DEV rows in rules/dma-apis.def. Offending
 * values: &x->dev where x is a struct usb_interface or struct usb_device, however x was
 * reached (interface_to_usbdev(), to_usb_device(), a driver's private struct), copied
 * through local struct device pointers, and through the unit's own helpers that take the
 * struct device * (summary.c). Same semantics as plugin/check-usb-dma-mask.c.
 */
#include <stdio.h>

#include "dmacheck-sparse.h"

static void mask_insn(const struct flow *flow, struct instruction *insn)
{
	const char *name;
	const struct dma_api *rows;
	unsigned int n, nargs;
	char sink[128];

	if (insn->opcode != OP_CALL)
		return;
	name = dmcs_call_name(insn);
	rows = dma_api_rows(name, &n);
	nargs = dmcs_call_nargs(insn);
	for (unsigned int i = 0; i < n; i++) {
		struct origin o;

		if (rows[i].role != ROLE_MASK_DEV || rows[i].arg > nargs)
			continue;
		o = flow_origin(flow, dmcs_call_arg(insn, rows[i].arg - 1));
		if ((o.kinds & O_USBDEV) && report(RULE_USB_DMA_MASK, dmcs_call_pos(insn->pos)))
			report_note(dmcs_call_pos(insn->pos), "USB transfers are mapped for the host controller "
				    "(udev->bus->sysdev); a USB device or interface has no DMA "
				    "mask of its own");
		snprintf(sink, sizeof(sink), "%s()", name);
		summary_sink(RULE_USB_DMA_MASK, flow, &o, sink);
	}
}

const struct dmcs_check check_usb_dma_mask = {
	"usb-dma-mask", mask_insn, NULL, NULL,
};
