// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/analysis.c - the driver: front ends hand in the unit's functions as IR
 * (analysis_add_function), and at the end of the unit (analysis_finish_unit):
 *
 *   1. the call graph's post-order: callees before callers;
 *   2. with recursion in the call graph, rounds, quiet: each function in that order gets its
 *      origins (with its callees' summaries), its URB state, every check of check_list.h on
 *      every instruction, and its own summary (summary.c), until no summary changes
 *      (MAX_ROUNDS at most);
 *   3. the reporting round: the same, diagnostics on. Without recursion it is the only
 *      round: post-order gives each function its callees' final summaries.
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

/* ---- callees first ------------------------------------------------------------------------ */

static struct amap by_name;	/* name -> fns[] */
static struct ir_fn **order;
static size_t norder;
static unsigned char *seen;	/* 1: being visited, 2: done */
static bool recursive;		/* a call back into a function being visited */

static void visit(size_t i)
{
	const struct ir_fn *fn = fns[i];

	seen[i] = 1;
	for (int k = 0; k < fn->ninsns; k++) {
		const char *callee = fn->insns[k].callee;
		long j;

		if (fn->insns[k].op != IR_CALL || !callee)
			continue;
		j = amap_get(&by_name, &callee, sizeof(callee));
		if (j >= 0 && !seen[j])
			visit((size_t)j);
		else if (j >= 0 && seen[j] == 1)
			recursive = true;
	}
	seen[i] = 2;
	order[norder++] = fns[i];
}

static void post_order(void)
{
	order = axrealloc(NULL, (nfns + 1) * sizeof(*order));
	seen = axrealloc(NULL, nfns + 1);
	memset(seen, 0, nfns + 1);
	norder = 0;
	recursive = false;
	for (size_t i = 0; i < nfns; i++) {
		amap_put(&by_name, &fns[i]->name, sizeof(fns[i]->name), (long)i);
		summary_declare(fns[i]->name);
	}
	for (size_t i = 0; i < nfns; i++)
		if (!seen[i])
			visit(i);
	free(seen);
	amap_clear(&by_name);
}

void analysis_finish_unit(void)
{
	const char *dump = getenv("DMACHECK_IR_DUMP");

	if (!registered) {
		registered = true;
		summary_register_rule(RULE_DMA_ON_STACK, O_STACK);
		summary_register_rule(RULE_USB_DMA_MASK, O_USBDEV);
	}
	if (dump && *dump == '1')
		for (size_t i = 0; i < nfns; i++)
			ir_dump(fns[i], stderr);
	post_order();
	/* Without recursion, post-order gives every function its callees' final summaries:
	 * one round, reporting, is all. With it, quiet rounds first, to a fixpoint. */
	report_mute(true);
	for (int round = 0; recursive && round < MAX_ROUNDS; round++) {
		bool changed = false;

		for (size_t i = 0; i < norder; i++)
			changed |= check_function(order[i]);
		summary_missed();
		if (!changed)
			break;
	}
	report_mute(false);
	for (size_t i = 0; i < norder; i++)
		check_function(order[i]);
	for (size_t c = 0; c < N_CHECKS; c++)
		if (checks[c]->unit_end)
			checks[c]->unit_end();
	for (size_t i = 0; i < nfns; i++)
		ir_fn_free(fns[i]);
	free(fns);
	free(order);
	fns = order = NULL;
	nfns = capfns = norder = 0;
	summary_forget_unit();
	guards_forget();
	report_forget_unit();
}
