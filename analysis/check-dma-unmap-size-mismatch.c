// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-unmap-size-mismatch.c - dma-unmap-size-mismatch: dma_unmap_single/page/
 * resource() of a mapping, or dma_free_coherent()/usb_free_coherent() of an allocation, with
 * another size than it was mapped or allocated with.
 *
 * pairs.c pairs each release with the mappings or allocations its handle (and, for a coherent
 * free, its CPU address) may come from. Reported at the release, with a note at a mapping,
 * when the release's size is a constant and every mapping or allocation it may release was
 * made with one other constant size (both after the compiler folded them: sizeof(), PAGE_SIZE
 * << order, RING_SIZE * sizeof(desc) are constants, so two spellings of one value agree).
 * Silent: a size that is not a constant on either side (skb->len, priv->buf_sz, a parameter),
 * even where the two expressions differ: only a proven difference is reported; a free whose
 * CPU address and handle come from allocations of different sizes (dma-free-addr-mismatch
 * says that); a release whose source is not proven (pairs.h).
 */
#include "pairs.h"

static void size_function_end(const struct flow *flow)
{
	pairs_note_function(flow);
}

/* The one constant size of what a release may release, false if not proven. */
static bool released_size(const struct pair_release *rel, const struct pair_call *c,
			  long long *size, int *alloc)
{
	long long cpu_size, handle_size;
	int cpu_alloc, handle_alloc;
	bool by_cpu, by_handle;

	if (c->kind == PK_SINGLE)
		return pairs_one_size(&rel->handle, PK_SINGLE, PH_RESULT, size, alloc);
	by_cpu = pairs_one_size(&rel->cpu, PK_COHERENT, PH_RESULT, &cpu_size, &cpu_alloc);
	by_handle = pairs_one_size(&rel->handle, PK_COHERENT, PH_HANDLE_OUT, &handle_size,
				   &handle_alloc);
	if ((by_cpu && by_handle && cpu_size != handle_size) || (!by_cpu && !by_handle) ||
	    (rel->cpu.known && !by_cpu) || (rel->handle.known && !by_handle))
		return false;
	*size = by_cpu ? cpu_size : handle_size;
	*alloc = by_cpu ? cpu_alloc : handle_alloc;
	return true;
}

static void size_unit_end(void)
{
	size_t n;
	const struct pair_release *rel = pairs_releases(&n);

	for (size_t i = 0; i < n; i++) {
		const struct pair_call *c = pairs_call(rel[i].call);
		long long size;
		int map;

		if (c->op != PO_RELEASE || c->kind == PK_LIST || !c->has_size ||
		    !released_size(&rel[i], c, &size, &map) || size == c->size)
			continue;
		if (report(RULE_DMA_UNMAP_SIZE_MISMATCH, c->fn->insns[c->insn].loc))
			report_note(pairs_call(map)->fn->insns[pairs_call(map)->insn].loc,
				    "%s here with %lld bytes; released with %lld",
				    c->kind == PK_COHERENT ? "allocated" : "mapped", size, c->size);
	}
}

const struct analysis_check check_dma_unmap_size_mismatch = {
	"dma-unmap-size-mismatch", NULL, NULL, size_function_end, size_unit_end,
};
