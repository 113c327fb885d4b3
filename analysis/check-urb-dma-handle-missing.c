// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-urb-dma-handle-missing.c - urb-dma-handle-missing: the function sets
 * URB_NO_TRANSFER_DMA_MAP on an URB whose transfer buffer it gave memory it knows (an
 * allocator's, coherent or not, the stack, a static) or whose handle it stores on some path
 * (so the handle is its business), and where the URB is submitted or
 * escapes some path carries the flag but no handle (urb.c): never stored, or stored on
 * another path only. The HCD then DMAs to whatever transfer_dma holds (bus address 0 for a
 * fresh URB), whatever the buffer is. Reported at the store that sets the flag.
 */
#include <string.h>

#include "analysis.h"
#include "urb.h"

static void handle_function_end(const struct flow *flow)
{
	size_t n;
	const struct urb_use *uses = urb_uses(flow, &n);

	for (size_t i = 0; i < n; i++) {
		const struct urb_use *u = &uses[i];

		/* urbs[i]: one key for every element, so paths do not tell elements apart (a loop
		 * that stores every handle, then one that sets every flag): judged as a whole */
		bool elements = strstr(u->key, "[]") != NULL;
		bool missing = u->at_use && !elements ?
			       urb_handle_missing_at_use(u) && u->have_flag_loc &&
			       ((u->buf_kinds & (O_NONCOH | O_COHERENT)) || u->have_dma) :
			       u->at_use ?	/* elements: no handle stored for any of them */
			       !u->have_dma && u->have_flag_loc &&
			       (u->buf_kinds & (O_NONCOH | O_COHERENT)) :
			       !u->have_dma && u->flag == T_YES &&
			       (u->buf_kinds & O_NONCOH) && !(u->buf_kinds & O_COHERENT);

		if (u->zero_length && u->submitted)
			continue;	/* nothing is mapped: transfer_dma is not used */

		if (missing && report(RULE_URB_DMA_HANDLE_MISSING, u->flag_loc))
			report_note(u->flag_loc, "the transfer buffer is not coherent DMA memory and "
				    "transfer_dma was never set: the host controller DMAs to "
				    "whatever transfer_dma holds");
	}
}

const struct analysis_check check_urb_dma_handle_missing = {
	"urb-dma-handle-missing", NULL, NULL, handle_function_end, urb_unit_judge_handle,
};
