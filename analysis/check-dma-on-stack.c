// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-on-stack.c - dma-on-stack: stack memory reaches a DMA buffer.
 *
 * Sinks (sinks.c): every argument with role ROLE_DMA_BUF or ROLE_SETUP_PKT in rules/dma-apis.def
 * (the USB synchronous helpers, usb_fill_*_urb's buffer and setup packet, dma_map_single,
 * sg_set_buf, exported wrappers), and stores to the members DMA_FIELD names
 * (urb->transfer_buffer, urb->setup_packet). A value that may hold the address of an object
 * of the function's frame (origin.c) is reported at the call or store; a value that comes
 * from a parameter makes the function a wrapper (summary.c), and its callers are judged.
 *
 * Silent: ROLE_COPIED functions (usb_control_msg_recv/send copy into kmalloc memory),
 * NULL, a constant zero length, arguments the table does not name (&actual_length).
 * Why it matters: usb_hcd_map_urb_for_dma() refuses stack buffers with -EAGAIN on DMA host
 * controllers, dma_map_single() refuses vmap stacks, and elsewhere the device writes into
 * the stack frame (docs/rules/dma-on-stack.md).
 */
#include "analysis.h"

static void judge(const struct flow *flow, int value, const struct ir_insn *in, const char *sink)
{
	struct origin o = flow_origin(flow, value);

	if ((o.kinds & O_STACK) && report(RULE_DMA_ON_STACK, in->loc))
		note_declared(flow_fn(flow), o.stack_obj);
	summary_sink(RULE_DMA_ON_STACK, flow, &o, sink, in);
}

static void stack_insn(const struct flow *flow, const struct ir_insn *in)
{
	buffer_sinks(flow, in, judge);
}

const struct analysis_check check_dma_on_stack = {
	"dma-on-stack", NULL, stack_insn, NULL, NULL,
};
