// SPDX-License-Identifier: GPL-2.0
/*
 * check-dma-on-stack.c - dma-on-stack: stack memory reaches a DMA buffer.
 *
 * Sinks: every argument with role ROLE_DMA_BUF or ROLE_SETUP_PKT in rules/dma-apis.def, and
 * stores to the members DMA_FIELD names (urb->transfer_buffer, urb->setup_packet; sparse's
 * stores carry a byte offset, turned back into the member by types.c). A value that may
 * hold the address of an object of the function's frame (flow.c) is reported at the call or
 * store; a value that comes from a parameter makes the function a wrapper (summary.c), and
 * its callers are judged.
 *
 * Silent: ROLE_COPIED functions (usb_control_msg_recv/send copy into kmalloc memory),
 * NULL, a constant zero length, arguments the table does not name (&actual_length).
 * Same semantics as plugin/check-dma-on-stack.c.
 */
#include <stdio.h>

#include "dmacheck-sparse.h"

static bool is_buffer_role(enum dma_role role)
{
	return role == ROLE_DMA_BUF || role == ROLE_SETUP_PKT;
}

static void judge(const struct flow *flow, pseudo_t value, struct position pos, bool call,
		  const char *sink)
{
	struct origin o = flow_origin(flow, value);

	if ((o.kinds & O_STACK) && report(RULE_DMA_ON_STACK, call ? dmcs_call_pos(pos) : dmcs_store_pos(pos)))
		note_declared(o.stack_sym);
	summary_sink(RULE_DMA_ON_STACK, flow, &o, sink);
}

static void stack_call(const struct flow *flow, struct instruction *insn)
{
	const char *name = dmcs_call_name(insn);
	unsigned int n, nargs = dmcs_call_nargs(insn);
	const struct dma_api *rows = dma_api_rows(name, &n);
	char sink[128];

	for (unsigned int i = 0; i < n; i++) {
		const struct dma_api *row = &rows[i];
		pseudo_t len;

		if (!is_buffer_role(row->role) || row->arg > nargs)
			continue;
		len = row->len_arg && row->len_arg <= nargs ?
		      dmcs_call_arg(insn, row->len_arg - 1) : NULL;
		if (len && is_zero(len))
			continue;	/* nothing is transferred */
		snprintf(sink, sizeof(sink), "%s()", name);
		judge(flow, dmcs_call_arg(insn, row->arg - 1), insn->pos, true, sink);
	}
}

static void stack_store(const struct flow *flow, struct instruction *insn)
{
	const char *record, *field;
	const struct dma_field *row;
	long long rec_offset;
	char sink[128];

	if (!dmcs_member_at(dmcs_pointee(flow_ep(flow), insn->src), insn->offset,
			    (unsigned int)(insn->size / 8), &record, &field, &rec_offset))
		return;
	row = dma_field_row(record, field);
	if (!row || !is_buffer_role(row->role))
		return;
	snprintf(sink, sizeof(sink), "%s->%s", row->record, row->field);
	judge(flow, insn->target, insn->pos, false, sink);
}

static void stack_insn(const struct flow *flow, struct instruction *insn)
{
	if (insn->opcode == OP_CALL)
		stack_call(flow, insn);
	else if (insn->opcode == OP_STORE)
		stack_store(flow, insn);
}

const struct dmcs_check check_dma_on_stack = {
	"dma-on-stack", stack_insn, NULL, NULL,
};
