// SPDX-License-Identifier: GPL-2.0
/*
 * check-dma-on-stack.c - dma-on-stack: stack memory reaches a DMA buffer.
 *
 * Sinks: every argument with role ROLE_DMA_BUF or ROLE_SETUP_PKT in rules/dma-apis.def
 * (the USB synchronous helpers, usb_fill_*_urb's buffer and setup packet, dma_map_single,
 * sg_set_buf, exported wrappers), and stores to the members DMA_FIELD names
 * (urb->transfer_buffer, urb->setup_packet). A value that may hold the address of an object
 * of the function's frame (flow.c) is reported at the call or store; a value that comes from
 * a parameter makes the function a wrapper (summary.c), and its callers are judged.
 *
 * Silent: ROLE_COPIED functions (usb_control_msg_recv/send copy into kmalloc memory),
 * NULL, a constant zero length, arguments the table does not name (&actual_length).
 * Why it matters: usb_hcd_map_urb_for_dma() refuses stack buffers with -EAGAIN on DMA host
 * controllers, dma_map_single() refuses vmap stacks, and elsewhere the device writes into
 * the stack frame (docs/rules/dma-on-stack.md).
 */
#include "dmacheck.h"

static bool is_buffer_role(enum dma_role role)
{
	return role == ROLE_DMA_BUF || role == ROLE_SETUP_PKT;
}

static void judge(const struct flow *flow, tree value, location_t loc, const char *sink)
{
	struct origin o = flow_origin(flow, value);

	if (o.kinds & O_STACK) {
		if (report(RULE_DMA_ON_STACK, loc))
			note_declared(o.stack_decl);
	}
	summary_sink(RULE_DMA_ON_STACK, flow, &o, sink);
}

static void stack_call(const struct flow *flow, gimple *stmt)
{
	const char *name = call_name(stmt);
	unsigned int n;
	const struct dma_api *rows = dma_api_rows(name, &n);
	char sink[128];

	for (unsigned int i = 0; i < n; i++) {
		const struct dma_api *row = &rows[i];

		if (!is_buffer_role(row->role) || row->arg > gimple_call_num_args(stmt))
			continue;
		if (row->len_arg && row->len_arg <= gimple_call_num_args(stmt) &&
		    integer_zerop(gimple_call_arg(stmt, row->len_arg - 1)))
			continue;	/* nothing is transferred */
		snprintf(sink, sizeof(sink), "%s()", name);
		judge(flow, gimple_call_arg(stmt, row->arg - 1), gimple_location(stmt), sink);
	}
}

static void stack_store(const struct flow *flow, gimple *stmt)
{
	tree lhs = gimple_assign_lhs(stmt);
	const struct dma_field *row;
	char sink[128];

	if (TREE_CODE(lhs) != COMPONENT_REF || !gimple_assign_single_p(stmt))
		return;
	row = dma_field_row(record_name(TREE_TYPE(TREE_OPERAND(lhs, 0))),
			    decl_name(TREE_OPERAND(lhs, 1)));
	if (!row || !is_buffer_role(row->role))
		return;
	snprintf(sink, sizeof(sink), "%s->%s", row->record, row->field);
	judge(flow, gimple_assign_rhs1(stmt), gimple_location(stmt), sink);
}

static void stack_stmt(const struct flow *flow, gimple *stmt)
{
	if (is_gimple_call(stmt))
		stack_call(flow, stmt);
	else if (is_gimple_assign(stmt))
		stack_store(flow, stmt);
}

const struct dmacheck_check check_dma_on_stack = {
	"dma-on-stack", stack_stmt, NULL, NULL,
};
