// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/urb-unit.c - the unit's URBs by the struct member that holds them ("vnd_pad.irq":
 * pad->irq, or an URB embedded as dev->urb), across the functions of the unit. urb.c judges
 * each function alone; a driver often sets an URB up in probe and resubmits it from resume,
 * or fills it in one function and never stores its handle anywhere. Judged when the unit is
 * done (the two URB checks' unit_end):
 *
 *   urb-dma-flag-missing: a function stores a handle in the transfer_dma of that member's URB,
 *     and another function, which neither sets the URB up nor gives it a buffer or a handle,
 *     clears URB_NO_TRANSFER_DMA_MAP (`urb->transfer_flags = 0`, directly or in a helper) and
 *     submits it on that path: the host controller maps the buffer again and the handle is
 *     ignored. Reported at the handle store, the clear and the submit as notes.
 *   urb-dma-handle-missing: a function sets the flag on that member's URB and submits it on a
 *     path without a handle, no function of the unit ever stores a handle in an URB of that
 *     member, the unit owns the member (stores a call's result there: probe's
 *     usb_alloc_urb(), so transfer_dma starts at 0) and stores no handle in an URB it cannot
 *     name by member (a helper's `struct urb *` parameter). Reported at the flag.
 *
 * Limits: a helper that sets an URB up and clears its flag looks like a reset helper (the
 * summary keeps "filled", not how); a member is a (struct, field) pair: every instance of the struct is one URB, and the
 * elements of an array member are one; another file of the driver is not seen (a handle
 * stored there is missed, so handle-missing wants the member owned here).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "map.h"
#include "urb.h"

struct urb_class {
	const char *name;		/* "vnd_pad.irq", interned (member_name()) */
	bool owned;			/* a call's result is stored in the member */
	bool handle;			/* a non-zero handle stored in its URB's transfer_dma */
	ir_loc handle_loc;
	bool cleared_submit;		/* submitted by a function that cleared the flag only */
	ir_loc clear_loc, submit_loc;
	bool flag_no_handle;		/* a path with the flag and no handle at a submit */
	ir_loc flag_loc;
};

static struct named_table classes = { sizeof(struct urb_class), NULL, 0, 0, { NULL, 0, 0 } };
static bool opaque_handle;		/* a handle stored in an URB no member names */

static struct urb_class *class_row(const char *cls)
{
	struct urb_class *c = named_row(&classes, cls, 1);

	c->name = cls;
	return c;
}

void urb_unit_owned(const char *cls)
{
	class_row(cls)->owned = true;
}

void urb_unit_note(const struct urb_use *uses, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct urb_use *u = &uses[i];
		struct urb_class *c;

		if (!u->cls) {
			opaque_handle |= u->have_dma;
			continue;
		}
		c = class_row(u->cls);
		if (u->have_dma && !c->handle) {
			c->handle = true;
			c->handle_loc = u->dma_loc;
		}
		if (u->have_cleared_submit && !u->set_up && !u->have_dma &&
		    !c->cleared_submit) {
			c->cleared_submit = true;
			c->clear_loc = u->cleared_by_loc;
			c->submit_loc = u->cleared_submit_loc;
		}
		if (u->have_flag_submit && u->have_flag_loc && !u->have_dma && !c->flag_no_handle) {
			c->flag_no_handle = true;
			c->flag_loc = u->flag_loc;
		}
	}
}

void urb_unit_judge_flag(void)
{
	for (size_t i = 0; i < classes.n; i++) {
		const struct urb_class *c = (const struct urb_class *)classes.rows + i;

		if (!c->handle || !c->cleared_submit ||
		    !report(RULE_URB_DMA_FLAG_MISSING, c->handle_loc))
			continue;
		report_note(c->clear_loc, "URB_NO_TRANSFER_DMA_MAP is cleared here");
		report_note(c->submit_loc, "and the URB is submitted here without it: the host "
			    "controller ignores the handle and maps the buffer again");
	}
}

void urb_unit_judge_handle(void)
{
	if (opaque_handle)
		return;
	for (size_t i = 0; i < classes.n; i++) {
		const struct urb_class *c = (const struct urb_class *)classes.rows + i;

		if (!c->owned || c->handle || !c->flag_no_handle ||
		    !report(RULE_URB_DMA_HANDLE_MISSING, c->flag_loc))
			continue;
		report_note(c->flag_loc, "no function of this file stores a DMA handle in the "
			    "transfer_dma of the URB in %s: the host controller DMAs to whatever "
			    "transfer_dma holds (0 for a new URB)", c->name);
	}
}

void urb_unit_forget(void)
{
	named_clear(&classes);
	opaque_handle = false;
}
