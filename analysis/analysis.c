// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/analysis.c - the driver: front ends hand in the unit's functions as IR
 * (analysis_add_function), and at the end of the unit (analysis_finish_unit):
 *
 *   1. the call graph's strongly connected components (Tarjan), callees first;
 *   2. per component: each function gets its origins (with its callees' summaries), its URB
 *      state, every check of check_list.h on every instruction, and its own summary
 *      (summary.c). A recursive component first goes round quietly until no summary of it
 *      changes (MAX_ROUNDS at most), then once more with diagnostics on; any other function
 *      is analysed once, reporting: its callees' summaries are final already.
 *
 * Keeping the whole unit's IR until its end costs little (a few instructions per GIMPLE
 * statement) and lets every function see every other. DMACHECK_IR_DUMP=1 in the environment
 * prints each function's IR to stderr (debugging).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "map.h"
#include "pairs.h"
#include "urb.h"

#define MAX_ROUNDS 8

static const struct analysis_check *const checks[] = {
#define CHECK(name) &check_##name,
#include "check_list.h"
#undef CHECK
};

#define N_CHECKS (sizeof(checks) / sizeof(checks[0]))

static struct ir_fn **fns;
static size_t nfns, capfns;
static bool registered;

void analysis_add_function(struct ir_fn *fn)
{
	if (nfns == capfns) {
		capfns = capfns ? 2 * capfns : 64;
		fns = axrealloc(fns, capfns * sizeof(*fns));
	}
	fns[nfns++] = fn;
	ir_fold_array_bases(fn);
	if (fn->is_public)
		xsummary_public(fn->name);
}

/* One function: origins, URB state, checks, summary; true if its summary changed. */
static bool check_function(const struct ir_fn *fn)
{
	struct flow *flow = flow_analyze(fn);
	bool changed;

	urb_begin_function();
	summary_begin(fn);
	for (size_t c = 0; c < N_CHECKS; c++)
		if (checks[c]->function_begin)
			checks[c]->function_begin(flow);
	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];

		if (in->op == IR_CALL)
			summary_call(flow, in);
		for (size_t c = 0; c < N_CHECKS; c++)
			if (checks[c]->insn)
				checks[c]->insn(flow, in);
	}
	for (size_t c = 0; c < N_CHECKS; c++)
		if (checks[c]->function_end)
			checks[c]->function_end(flow);
	urb_summarise(flow);
	changed = summary_end(flow);
	flow_free(flow);
	return changed;
}

/* ---- callees first: strongly connected components of the call graph (Tarjan) ----------- */

static struct amap by_name;	/* name -> fns[] */
static struct ir_fn **order;	/* callees first, one SCC after the other */
static size_t norder;
static size_t *scc_end;		/* scc_end[k]: order[] index after SCC k */
static bool *scc_cyclic;	/* SCC k is recursive (several functions, or one calling itself) */
static size_t nscc;
static int *tidx, *tlow, *tstack, tcounter, tsp;
static bool *onstack;

static long callee_index(const struct ir_insn *in)
{
	return in->op == IR_CALL && in->callee ?
	       amap_get(&by_name, &in->callee, sizeof(in->callee)) : -1;
}

static void strongconnect(int v)
{
	const struct ir_fn *fn = fns[v];
	bool self = false;

	tidx[v] = tlow[v] = tcounter++;
	tstack[tsp++] = v;
	onstack[v] = true;
	for (int k = 0; k < fn->ninsns; k++) {
		long w = callee_index(&fn->insns[k]);

		if (w < 0)
			continue;
		self |= w == v;
		if (tidx[w] < 0) {
			strongconnect((int)w);
			if (tlow[w] < tlow[v])
				tlow[v] = tlow[w];
		} else if (onstack[w] && tidx[w] < tlow[v]) {
			tlow[v] = tidx[w];
		}
	}
	if (tlow[v] != tidx[v])
		return;
	{
		size_t start = norder;
		int w;

		do {
			w = tstack[--tsp];
			onstack[w] = false;
			order[norder++] = fns[w];
		} while (w != v);
		scc_end[nscc] = norder;
		scc_cyclic[nscc++] = norder - start > 1 || self;
	}
}

static void post_order(void)
{
	order = axrealloc(NULL, (nfns + 1) * sizeof(*order));
	scc_end = axrealloc(NULL, (nfns + 1) * sizeof(*scc_end));
	scc_cyclic = axrealloc(NULL, (nfns + 1) * sizeof(*scc_cyclic));
	tidx = axrealloc(NULL, (nfns + 1) * sizeof(int));
	tlow = axrealloc(NULL, (nfns + 1) * sizeof(int));
	tstack = axrealloc(NULL, (nfns + 1) * sizeof(int));
	onstack = axrealloc(NULL, (nfns + 1) * sizeof(bool));
	norder = nscc = 0;
	tcounter = tsp = 0;
	for (size_t i = 0; i < nfns; i++) {
		tidx[i] = -1;
		onstack[i] = false;
		amap_put(&by_name, &fns[i]->name, sizeof(fns[i]->name), (long)i);
		summary_declare(fns[i]->name);
	}
	for (size_t i = 0; i < nfns; i++)
		if (tidx[i] < 0)
			strongconnect((int)i);
	free(tidx);
	free(tlow);
	free(tstack);
	free(onstack);
	amap_clear(&by_name);
}

void analysis_finish_unit(void)
{
	const char *dump = getenv("DMACHECK_IR_DUMP");

	if (!registered) {
		registered = true;
		summary_register_rule(RULE_DMA_ON_STACK, O_STACK);
		summary_register_rule(RULE_USB_DMA_MASK, O_USBDEV);
		summary_register_rule(RULE_DMA_MAP_VMALLOC, O_VMALLOC | O_VMALLOC_MAYBE);
		summary_register_rule(RULE_DMA_MAP_INVALID_AREA, O_IMAGE);
		summary_register_rule(RULE_DMA_MAP_RODATA, O_RODATA);
	}
	if (dump && *dump == '1')
		for (size_t i = 0; i < nfns; i++)
			ir_dump(fns[i], stderr);
	indirect_resolve(fns, nfns);	/* before the call graph: a resolved call is an edge */
	post_order();
	/* SCC by SCC, callees first: a function outside recursion gets its callees' final
	 * summaries, so one round, reporting, is all; a recursive SCC first goes round quietly
	 * until its summaries stop changing. */
	for (size_t k = 0, start = 0; k < nscc; start = scc_end[k++]) {
		report_mute(true);
		for (int round = 0; scc_cyclic[k] && round < MAX_ROUNDS; round++) {
			bool changed = false;

			for (size_t i = start; i < scc_end[k]; i++)
				changed |= check_function(order[i]);
			if (!changed)
				break;
		}
		report_mute(false);
		for (size_t i = start; i < scc_end[k]; i++)
			check_function(order[i]);
	}
	summary_missed();
	for (size_t c = 0; c < N_CHECKS; c++)
		if (checks[c]->unit_end)
			checks[c]->unit_end();
	urb_forget();			/* urb.c's and urb-unit.c's state, shared by two checks */
	urb_unit_forget();
	indirect_forget_unit();
	for (size_t i = 0; i < nfns; i++)
		ir_fn_free(fns[i]);
	free(fns);
	free(order);
	free(scc_end);
	free(scc_cyclic);
	xsummary_write_unit();		/* other units' next run reads what this one does */
	fns = order = NULL;
	nfns = capfns = norder = 0;
	summary_forget_unit();
	guards_forget();
	pairs_forget_unit();
	report_forget_unit();
	image_forget_unit();
}
