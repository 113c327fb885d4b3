// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/analysis.c - the driver: front ends hand in the unit's functions as IR
 * (analysis_add_function), and at the end of the unit (analysis_finish_unit) every function
 * is analysed in the order it came (origins, URB state, every check of check_list.h on every
 * instruction), then the summaries are resolved across the unit and reported. Keeping the
 * whole unit's IR until its end costs little (a few instructions per GIMPLE statement) and
 * lets every function see every other.
 *
 * DMACHECK_IR_DUMP=1 in the environment prints each function's IR to stderr (debugging).
 */
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"
#include "map.h"
#include "urb.h"

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

static void check_function(const struct ir_fn *fn)
{
	struct flow *flow = flow_analyze(fn);

	urb_begin_function();
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
	flow_free(flow);
}

void analysis_finish_unit(void)
{
	const char *dump = getenv("DMACHECK_IR_DUMP");

	if (!registered) {
		registered = true;
		summary_register_rule(RULE_DMA_ON_STACK, O_STACK);
		summary_register_rule(RULE_USB_DMA_MASK, O_USBDEV);
	}
	for (size_t i = 0; i < nfns; i++) {
		if (dump && *dump == '1')
			ir_dump(fns[i], stderr);
		check_function(fns[i]);
	}
	summary_finish_unit();
	for (size_t c = 0; c < N_CHECKS; c++)
		if (checks[c]->unit_end)
			checks[c]->unit_end();
	for (size_t i = 0; i < nfns; i++)
		ir_fn_free(fns[i]);
	free(fns);
	fns = NULL;
	nfns = capfns = 0;
	report_forget_unit();
}
