// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-map-vmalloc.c - dma-map-vmalloc: vmalloc memory reaches a DMA buffer.
 *
 * Sources (origin.c, sinks.c): the DMA_VMEM allocators of rules/dma-apis.def (vmalloc,
 * vzalloc, vmalloc_user, __vmalloc*, vmap, ...), reads of DMA_VMEM_FIELD members (fw->data of
 * request_firmware*()), and, as "may be", kvmalloc()/kvzalloc()/kvcalloc() whose size is not a
 * constant of at most PAGE_SIZE. Sinks: the same as dma-on-stack's (sinks.c), reported at the
 * call or store; a parameter or a member of one that reaches a sink makes the function a
 * wrapper (summary.c) and its callers are judged.
 *
 * Silent: a copy into kmalloc memory first (kmemdup(fw->data, ...), memcpy into a kmalloc
 * buffer), ROLE_COPIED helpers, kvmalloc() of a constant size up to PAGE_SIZE.
 * Why it matters: dma_map_single_attrs() refuses vmalloc memory (usb_submit_urb() then
 * fails with -EAGAIN), sg_set_buf() and dma_map_page(virt_to_page()) map an unrelated page
 * (docs/rules/dma-map-vmalloc.md).
 * Limits: request_firmware_into_buf() hands the caller's own buffer back as fw->data (no
 * driver of the USB corpus calls it); the source of the memory is not shown in a note.
 */
#include "analysis.h"

static void judge(const struct flow *flow, int value, const struct ir_insn *in, const char *sink)
{
	struct origin o = flow_origin(flow, value);

	if ((o.kinds & (O_VMALLOC | O_VMALLOC_MAYBE)) && report(RULE_DMA_MAP_VMALLOC, in->loc) &&
	    !(o.kinds & O_VMALLOC))
		report_note(in->loc, "kvmalloc() memory is vmalloc memory when the size is above "
			    "PAGE_SIZE and kmalloc() fails");
	summary_sink(RULE_DMA_MAP_VMALLOC, flow, &o, sink, in);
}

static void vmalloc_insn(const struct flow *flow, const struct ir_insn *in)
{
	buffer_sinks(flow, in, judge);
}

const struct analysis_check check_dma_map_vmalloc = {
	"dma-map-vmalloc", NULL, vmalloc_insn, NULL, NULL,
};
