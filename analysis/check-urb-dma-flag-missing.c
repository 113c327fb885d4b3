// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-urb-dma-flag-missing.c - urb-dma-flag-missing: the function sets an URB up
 * (urb.c), stores its transfer_dma, and where the URB is submitted or escapes, a path carries
 * the handle while no path carries URB_NO_TRANSFER_DMA_MAP (never set, cleared, or wiped by a
 * later `urb->transfer_flags = URB_ZERO_PACKET`). The HCD then ignores the handle and maps
 * the buffer again. A function that only refreshes the
 * handle of an URB set up elsewhere (cdc-acm's acm_start_wb()) is not judged: the flag was
 * set where the URB was filled. Reported at the (first) store of the handle. Across
 * functions (probe stores the handle, resume clears the flag and resubmits): urb-unit.c.
 */
#include <string.h>

#include "analysis.h"
#include "urb.h"

static void flag_function_end(const struct flow *flow)
{
	size_t n;
	const struct urb_use *uses = urb_uses(flow, &n);

	for (size_t i = 0; i < n; i++) {
		const struct urb_use *u = &uses[i];

		/* urbs[i]: all elements one key, judged as a whole (see the handle check) */
		bool missing = u->at_use && !strstr(u->key, "[]") ? urb_flag_missing_at_use(u) :
				u->flag == T_NO;

		if (u->filled && u->have_dma && missing && !(u->zero_length && u->submitted) &&
		    report(RULE_URB_DMA_FLAG_MISSING, u->dma_loc))
			report_note(u->dma_loc, "without URB_NO_TRANSFER_DMA_MAP the host controller "
				    "ignores this handle and maps the buffer again");
	}
}

const struct analysis_check check_urb_dma_flag_missing = {
	"urb-dma-flag-missing", NULL, NULL, flag_function_end, urb_unit_judge_flag,
};
