// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-map-invalid-area.c - dma-map-invalid-area: a module's static memory
 * reaches a DMA buffer.
 *
 * Sources (origin.c, sinks.c): the address of a static object defined in the unit, writable
 * (.data/.bss: file-scope and function-local statics, globals) or read-only (const data,
 * string literals), when the unit is a module or its build is not known (image_kinds(): a
 * module's image comes from module_alloc(), outside the linear map). Sinks: the same as
 * dma-on-stack's (sinks.c), reported at the call or store; a parameter or a member of one that
 * reaches a sink makes the function a wrapper (summary.c) and its callers are judged.
 *
 * Silent: a pointer kept in a static variable (the memory is what it points to: kmalloc()ed
 * it is fine), memcpy() out of a static buffer into a kmalloc buffer, static data handed to
 * functions that are not DMA sinks (usb_control_msg_send() copies, ROLE_COPIED), extern and
 * per-cpu variables (IRO_STATIC), a built-in unit's data (linear on x86).
 * Why it matters: dma_map_single() maps virt_to_page() of an address outside the linear map,
 * some other physical page; DMA debug: "device driver maps memory from invalid area"
 * (docs/rules/dma-map-invalid-area.md).
 * Limits: a static buffer stored into the driver's struct in one function and submitted from
 * another that the first does not call is not connected (as for every origin).
 */
#include "analysis.h"

static void judge(const struct flow *flow, int value, const struct ir_insn *in, const char *sink)
{
	struct origin o = flow_origin(flow, value);

	if ((o.kinds & O_IMAGE) && report(RULE_DMA_MAP_INVALID_AREA, in->loc))
		note_declared(flow_fn(flow), image_object(flow_fn(flow), value));
	summary_sink(RULE_DMA_MAP_INVALID_AREA, flow, &o, sink, in);
}

static void invalid_area_insn(const struct flow *flow, const struct ir_insn *in)
{
	buffer_sinks(flow, in, judge);
}

const struct analysis_check check_dma_map_invalid_area = {
	"dma-map-invalid-area", NULL, invalid_area_insn, NULL, NULL,
};
