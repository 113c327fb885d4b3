// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-sync-dir-mismatch.c - dma-sync-dir-mismatch: dma_sync_single_*() or
 * dma_sync_sg/sgtable_*() with another direction than the mapping was made with
 * (kernel/dma/debug.c:check_sync(), which lets any direction pass on a DMA_BIDIRECTIONAL
 * mapping).
 *
 * pairs.c pairs each ROLE_SYNC_HANDLE / ROLE_LIST_SYNC call with the mappings its handle
 * (also with an offset added: dma_sync_single_range_*(), handle + off) or list may come from.
 * Reported at the sync, with a note at a mapping, when the sync's direction is a constant and
 * every mapping it may work on was made with one other constant direction that is not
 * DMA_BIDIRECTIONAL.
 * Silent: what dma-unmap-dir-mismatch is silent on (pairs.h), and bidirectional mappings.
 */
#include "pairs.h"

static void sync_function_end(const struct flow *flow)
{
	pairs_note_function(flow);
}

static void sync_unit_end(void)
{
	size_t n;
	const struct pair_release *rel = pairs_releases(&n);

	for (size_t i = 0; i < n; i++) {
		const struct pair_call *c = pairs_call(rel[i].call);
		long long dir;
		int map;

		if (c->op != PO_SYNC || !c->has_dir ||
		    !pairs_one_dir(&rel[i].handle, c->kind, PH_RESULT, &dir, &map) ||
		    dir == 0 /* DMA_BIDIRECTIONAL */ || dir == c->dir)
			continue;
		if (report(RULE_DMA_SYNC_DIR_MISMATCH, c->fn->insns[c->insn].loc))
			report_note(pairs_call(map)->fn->insns[pairs_call(map)->insn].loc,
				    "mapped here with %s; synced with %s", pairs_dir_name(dir),
				    pairs_dir_name(c->dir));
	}
}

const struct analysis_check check_dma_sync_dir_mismatch = {
	"dma-sync-dir-mismatch", NULL, NULL, sync_function_end, sync_unit_end,
};
