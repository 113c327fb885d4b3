// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-free-addr-mismatch.c - dma-free-addr-mismatch: dma_free_coherent() or
 * usb_free_coherent() given the CPU address of one allocation and the DMA handle of another
 * (crossed arguments when two rings are freed).
 *
 * pairs.c pairs the free's CPU address with the coherent allocations whose result it may be,
 * and its handle with those that stored the handle it may be. Reported at the free, with
 * notes at both allocations, when both are proven and no allocation is in both sets: the
 * pages freed and the mapping torn down are then certainly not one allocation.
 * Silent: an allocation call in a loop (ring[i].buf = dma_alloc_coherent(..., &ring[i].dma)):
 * one call for both, so the index cannot be told apart; anything pairs.c does not prove.
 */
#include "pairs.h"

static void free_function_end(const struct flow *flow)
{
	pairs_note_function(flow);
}

static bool all_of(const struct pair_operand *o, enum pair_how how)
{
	if (!o->known)
		return false;
	for (unsigned int k = 0; k < o->n; k++)
		if (pairs_call(o->cand[k].call)->kind != PK_COHERENT || o->cand[k].how != how)
			return false;
	return true;
}

static bool disjoint(const struct pair_operand *a, const struct pair_operand *b)
{
	for (unsigned int i = 0; i < a->n; i++)
		for (unsigned int j = 0; j < b->n; j++)
			if (a->cand[i].call == b->cand[j].call)
				return false;
	return true;
}

static void free_unit_end(void)
{
	size_t n;
	const struct pair_release *rel = pairs_releases(&n);

	for (size_t i = 0; i < n; i++) {
		const struct pair_call *c = pairs_call(rel[i].call);
		const struct pair_call *cpu, *handle;

		if (c->op != PO_RELEASE || c->kind != PK_COHERENT ||
		    !all_of(&rel[i].cpu, PH_RESULT) || !all_of(&rel[i].handle, PH_HANDLE_OUT) ||
		    !disjoint(&rel[i].cpu, &rel[i].handle))
			continue;
		if (!report(RULE_DMA_FREE_ADDR_MISMATCH, c->fn->insns[c->insn].loc))
			continue;
		cpu = pairs_call(rel[i].cpu.cand[0].call);
		handle = pairs_call(rel[i].handle.cand[0].call);
		report_note(cpu->fn->insns[cpu->insn].loc, "the CPU address freed was allocated here");
		report_note(handle->fn->insns[handle->insn].loc,
			    "the DMA handle freed belongs to this allocation");
	}
}

const struct analysis_check check_dma_free_addr_mismatch = {
	"dma-free-addr-mismatch", NULL, NULL, free_function_end, free_unit_end,
};
