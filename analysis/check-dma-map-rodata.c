// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-map-rodata.c - dma-map-rodata: a built-in's read-only data reaches a
 * DMA buffer.
 *
 * Sources (origin.c, sinks.c): the address of a const-qualified static object or a string
 * literal of a unit kbuild compiles into the kernel (KBUILD_MODNAME without MODULE:
 * image_kinds()); a module's, or a unit whose build is not known, is dma-map-invalid-area
 * instead. Sinks and wrappers: as dma-on-stack's (sinks.c, summary.c).
 * Silent: as dma-map-invalid-area; a built-in's writable data (in the linear map on x86).
 * Why it matters: DMA debug's check_for_illegal_area() reports "device driver maps memory
 * from kernel text or rodata" where the image is in the linear map (32-bit); a device that
 * writes there corrupts read-only kernel data on every architecture
 * (docs/rules/dma-map-rodata.md).
 */
#include "analysis.h"

static void judge(const struct flow *flow, int value, const struct ir_insn *in, const char *sink)
{
	struct origin o = flow_origin(flow, value);

	if ((o.kinds & O_RODATA) && report(RULE_DMA_MAP_RODATA, in->loc))
		note_declared(flow_fn(flow), image_object(flow_fn(flow), value));
	summary_sink(RULE_DMA_MAP_RODATA, flow, &o, sink, in);
}

static void rodata_insn(const struct flow *flow, const struct ir_insn *in)
{
	buffer_sinks(flow, in, judge);
}

const struct analysis_check check_dma_map_rodata = {
	"dma-map-rodata", NULL, rodata_insn, NULL, NULL,
};
