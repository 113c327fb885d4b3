// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-unmap-sg-nents-mismatch.c - dma-unmap-sg-nents-mismatch: dma_unmap_sg()
 * is given the count dma_map_sg() returned instead of the nents it was given.
 *
 * The counts are the results of ROLE_SG_MAP calls of rules/dma-apis.def (dma_map_sg_attrs();
 * dma_map_sg() is 6.1's macro over it), followed by handle.c through copies, phis and memory
 * (host->sg_count = dma_map_sg(...) read back in the same function). A ROLE_SG_UNMAP call
 * (dma_unmap_sg_attrs()) whose entry count may be such a result, unchanged, is reported at
 * the unmap, with a note at the map. Behind an IOMMU that merged entries the two differ and
 * DMA-API debug reports "device driver frees DMA sg list with different entry count"; where
 * nothing was merged the bug is latent.
 *
 * Across the unit's functions: a count stored into a member (host->sg_len = dma_map_sg(...)
 * in the submit path) makes every ROLE_SG_UNMAP call of the unit that is given that member
 * (dma_unmap_sg(dev, data->sg, host->sg_len, dir) in the completion) a finding, judged at the
 * end of the unit. Members are told apart by their struct and field names.
 *
 * Silent: the nents the map was given (also when the count is kept beside it), a count
 * computed from the result (count + 1, a min()).
 * Limits: a member that holds the returned count on one path and nents on another (a PIO
 * fallback) is reported where it is unmapped; members reached through a local struct's
 * address are not followed.
 */
#include <stdlib.h>
#include <string.h>

#include "handle.h"

/* ---- across the unit: members that hold a returned count, unmaps given a member ---------- */

struct member_use {
	const char *record, *field;	/* interned */
	ir_loc loc;			/* the map (for a count store) or the unmap */
};

static struct member_use *stores, *unmaps;
static size_t nstores, capstores, nunmaps, capunmaps;

static void add_use(struct member_use **arr, size_t *n, size_t *cap, const struct ir_step *st,
		    ir_loc loc)
{
	for (size_t i = 0; i < *n; i++)
		if ((*arr)[i].record == st->record && (*arr)[i].field == st->field &&
		    (*arr)[i].loc.raw == loc.raw)
			return;
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*arr = axrealloc(*arr, *cap * sizeof(**arr));
	}
	(*arr)[*n].record = st->record;
	(*arr)[*n].field = st->field;
	(*arr)[(*n)++].loc = loc;
}

static unsigned int role_arg(const char *callee, enum dma_role role)
{
	return handles_role_arg(callee, role);
}

static bool is_sg_map(const struct ir_insn *in)
{
	return in->op == IR_CALL && in->dst && role_arg(in->callee, ROLE_SG_MAP);
}

/* The member an unmap's count is loaded from, NULL if none. */
static const struct ir_step *loaded_member(const struct ir_fn *fn, int v)
{
	const struct ir_insn *def = ir_def(fn, v);

	if (!def || def->op != IR_LOAD || !def->place.nsteps)
		return NULL;
	return &def->place.steps[def->place.nsteps - 1];
}

static void note_member_stores(const struct ir_fn *fn, const struct handles *h)
{
	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];
		handle_mask m;

		if (in->op != IR_STORE || !in->place.nsteps ||
		    handles_frame_place(fn, &in->place) || !(m = handles_exact(h, in->a)))
			continue;
		for (int k = 0; k < h->nsites; k++)
			if (m & (1ULL << k)) {
				add_use(&stores, &nstores, &capstores,
					&in->place.steps[in->place.nsteps - 1],
					fn->insns[h->site_insn[k]].loc);
				break;
			}
	}
}

static void nents_function_end(const struct flow *flow)
{
	const struct ir_fn *fn = flow_fn(flow);
	struct handles h;
	bool have = handles_find(&h, fn, is_sg_map);

	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];
		const struct ir_step *member;
		unsigned int arg;
		handle_mask m;

		if (in->op != IR_CALL || !(arg = role_arg(in->callee, ROLE_SG_UNMAP)) ||
		    arg > in->nargs)
			continue;
		m = have ? handles_exact(&h, in->args[arg - 1]) : 0;
		if (!m && (member = loaded_member(fn, in->args[arg - 1])))
			add_use(&unmaps, &nunmaps, &capunmaps, member, in->loc);
		for (int k = 0; k < h.nsites && m; k++) {
			if (!(m & (1ULL << k)))
				continue;
			if (report(RULE_DMA_UNMAP_SG_NENTS_MISMATCH, in->loc))
				report_note(fn->insns[h.site_insn[k]].loc,
					    "this count is what dma_map_sg() returned (the segments "
					    "it made); dma_unmap_sg() wants the nents it was given");
			break;
		}
	}
	if (!have)
		return;
	note_member_stores(fn, &h);
	handles_free(&h);
}

static void nents_unit_end(void)
{
	for (size_t u = 0; u < nunmaps; u++)
		for (size_t s = 0; s < nstores; s++) {
			if (stores[s].record != unmaps[u].record || stores[s].field != unmaps[u].field)
				continue;
			if (report(RULE_DMA_UNMAP_SG_NENTS_MISMATCH, unmaps[u].loc))
				report_note(stores[s].loc, "%s->%s holds the count dma_map_sg() "
					    "returned (the segments it made); dma_unmap_sg() wants the "
					    "nents it was given", unmaps[u].record, unmaps[u].field);
			break;
		}
	free(stores);
	free(unmaps);
	stores = unmaps = NULL;
	nstores = capstores = nunmaps = capunmaps = 0;
}

const struct analysis_check check_dma_unmap_sg_nents_mismatch = {
	"dma-unmap-sg-nents-mismatch", NULL, NULL, nents_function_end, nents_unit_end,
};
