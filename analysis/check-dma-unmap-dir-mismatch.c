// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-unmap-dir-mismatch.c - dma-unmap-dir-mismatch: a streaming mapping
 * (dma_map_single/page/resource, skb_frag_dma_map, dma_map_sg, dma_map_sgtable) unmapped with
 * another direction than it was mapped with.
 *
 * pairs.c pairs each ROLE_UNMAP_HANDLE / ROLE_LIST_UNMAP call with the mappings its handle or
 * list may come from (in the function, or through a member across the unit). Reported at the
 * unmap, with a note at a mapping, when the unmap's direction is a constant and every mapping
 * it may release was made with one other constant direction.
 * Silent: a direction that is not a constant on either side (mmc_get_dma_dir(data), a
 * parameter), an unmap that may release mappings of different directions (two rings sharing
 * one struct type), a handle or list whose source is not proven (pairs.h).
 */
#include "pairs.h"

static void dir_function_end(const struct flow *flow)
{
	pairs_note_function(flow);
}

static void dir_unit_end(void)
{
	size_t n;
	const struct pair_release *rel = pairs_releases(&n);

	for (size_t i = 0; i < n; i++) {
		const struct pair_call *c = pairs_call(rel[i].call);
		long long dir;
		int map;

		if (c->op != PO_RELEASE || c->kind == PK_COHERENT || !c->has_dir ||
		    !pairs_one_dir(&rel[i].handle, c->kind, PH_RESULT, &dir, &map) || dir == c->dir)
			continue;
		if (report(RULE_DMA_UNMAP_DIR_MISMATCH, c->fn->insns[c->insn].loc))
			report_note(pairs_call(map)->fn->insns[pairs_call(map)->insn].loc,
				    "mapped here with %s; unmapped with %s", pairs_dir_name(dir),
				    pairs_dir_name(c->dir));
	}
}

const struct analysis_check check_dma_unmap_dir_mismatch = {
	"dma-unmap-dir-mismatch", NULL, NULL, dir_function_end, dir_unit_end,
};
