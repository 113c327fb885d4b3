// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-on-stack.c - dma-on-stack: stack memory reaches a DMA buffer.
 *
 * Sinks: every argument with role ROLE_DMA_BUF or ROLE_SETUP_PKT in rules/dma-apis.def
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
#include <stdio.h>

#include "analysis.h"

static bool is_buffer_role(enum dma_role role)
{
	return role == ROLE_DMA_BUF || role == ROLE_SETUP_PKT;
}

static void judge(const struct flow *flow, int value, const struct ir_insn *in, const char *sink)
{
	struct origin o = flow_origin(flow, value);

	if ((o.kinds & O_STACK) && report(RULE_DMA_ON_STACK, in->loc))
		note_declared(flow_fn(flow), o.stack_obj);
	summary_sink(RULE_DMA_ON_STACK, flow, &o, sink, in);
}

static void stack_call(const struct flow *flow, const struct ir_insn *in)
{
	unsigned int n;
	const struct dma_api *rows = dma_api_rows(in->callee, &n);
	char sink[128];
	long long len;

	for (unsigned int i = 0; i < n; i++) {
		const struct dma_api *row = &rows[i];

		if (!is_buffer_role(row->role) || row->arg > in->nargs)
			continue;
		if (row->len_arg && row->len_arg <= in->nargs &&
		    ir_is_const(flow_fn(flow), in->args[row->len_arg - 1], &len) && !len)
			continue;	/* nothing is transferred */
		snprintf(sink, sizeof(sink), "%s()", in->callee);
		judge(flow, in->args[row->arg - 1], in, sink);
	}
}

static void stack_store(const struct flow *flow, const struct ir_insn *in)
{
	const struct ir_step *last;
	const struct dma_field *row;
	char sink[128];

	if (!in->place.nsteps)
		return;
	last = &in->place.steps[in->place.nsteps - 1];
	row = dma_field_row(last->record, last->field);
	if (!row || !is_buffer_role(row->role))
		return;
	snprintf(sink, sizeof(sink), "%s->%s", row->record, row->field);
	judge(flow, in->a, in, sink);
}

static void stack_insn(const struct flow *flow, const struct ir_insn *in)
{
	if (in->op == IR_CALL && in->callee)
		stack_call(flow, in);
	else if (in->op == IR_STORE)
		stack_store(flow, in);
}

const struct analysis_check check_dma_on_stack = {
	"dma-on-stack", NULL, stack_insn, NULL, NULL,
};
