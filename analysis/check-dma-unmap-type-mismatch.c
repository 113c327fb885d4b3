// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-unmap-type-mismatch.c - dma-unmap-type-mismatch: memory released with
 * another kind of function than it was mapped or allocated with: a coherent allocation's
 * handle given to dma_unmap_single/page/resource(), or a streaming mapping's handle given to
 * dma_free_coherent()/usb_free_coherent().
 *
 * pairs.c pairs each release with what its handle may come from. Reported at the release,
 * with a note at the mapping or allocation, when every candidate is of the other kind:
 * coherent allocations (the handle a ROLE_COHERENT_ALLOC call stored) for a streaming unmap,
 * streaming mappings (a ROLE_MAP_HANDLE result) for a coherent free.
 * Silent: a handle that may come from either kind; anything pairs.c does not prove. 6.1's
 * DMA-API debug does not tell single from page mappings, and neither does this rule.
 * Limits: scatterlist entries unmapped one by one with dma_unmap_single() are not seen (the
 * kernel, not the file, stores sg_dma_address()).
 */
#include "pairs.h"

static void type_function_end(const struct flow *flow)
{
	pairs_note_function(flow);
}

/* Every candidate of `o` is of `kind` reached as `how`. */
static bool all_of(const struct pair_operand *o, enum pair_kind kind, enum pair_how how)
{
	if (!o->known)
		return false;
	for (unsigned int k = 0; k < o->n; k++)
		if (pairs_call(o->cand[k].call)->kind != kind || o->cand[k].how != how)
			return false;
	return true;
}

static void type_unit_end(void)
{
	size_t n;
	const struct pair_release *rel = pairs_releases(&n);

	for (size_t i = 0; i < n; i++) {
		const struct pair_call *c = pairs_call(rel[i].call), *a;
		const char *what;

		if (c->op != PO_RELEASE)
			continue;
		if (c->kind == PK_SINGLE && all_of(&rel[i].handle, PK_COHERENT, PH_HANDLE_OUT))
			what = "allocated here as coherent memory; released as a streaming mapping";
		else if (c->kind == PK_COHERENT && all_of(&rel[i].handle, PK_SINGLE, PH_RESULT))
			what = "mapped here as a streaming mapping; released as coherent memory";
		else
			continue;
		a = pairs_call(rel[i].handle.cand[0].call);
		if (report(RULE_DMA_UNMAP_TYPE_MISMATCH, c->fn->insns[c->insn].loc))
			report_note(a->fn->insns[a->insn].loc, "%s", what);
	}
}

const struct analysis_check check_dma_unmap_type_mismatch = {
	"dma-unmap-type-mismatch", NULL, NULL, type_function_end, type_unit_end,
};
