/* SPDX-License-Identifier: GPL-2.0 */
/*
 * analysis/urb.h - the per-function URB state of urb.c, read by the two URB checks.
 */
#ifndef DMACHECK_URB_H
#define DMACHECK_URB_H

#include "analysis.h"

enum tri { T_NO, T_YES, T_MAYBE };

struct urb_use {
	char key[IDENT_LEN];		/* ident.c's key of the struct urb */
	bool have_dma;
	ir_loc dma_loc;			/* first handle store */
	bool have_flag_loc;
	ir_loc flag_loc;		/* first store that sets the flag */
	enum tri flag;			/* URB_NO_TRANSFER_DMA_MAP set on some path */
	unsigned int buf_kinds;		/* O_NONCOH / O_COHERENT of what went to transfer_buffer */
	bool filled;			/* set up in this function */
	bool submitted;			/* usb_submit_urb() of it here */
	unsigned int at_use;		/* (flag, handle) pairs at its submits and returns */
	unsigned int at_exit;		/* (flag, handle) pairs at its returns */
	/* for urb-unit.c */
	const char *cls;		/* "vnd_pad.irq" (member_name()): the member that holds it */
	bool zero_length;		/* its last fill or length store here is 0; submitted here so,
					 * nothing is mapped and transfer_dma is unused (usbhid fills
					 * with 0 in probe and sets the length before each submit) */
	bool set_up;			/* given a buffer or a pipe here (usb_fill_*, by hand, or by
					 * a helper that does more than clear the flag) */
	bool have_clear_loc;
	ir_loc clear_loc;		/* last event that cleared the flag */
	bool have_cleared_submit;	/* a submit on a path where this function cleared the
					 * flag and stored no handle */
	ir_loc cleared_submit_loc;
	ir_loc cleared_by_loc;		/* the clear that path went through */
	bool have_flag_submit;		/* a submit on a path with the flag set here, no handle */
};

/* At a submit or return: a handle on some path and the flag on none. */
bool urb_flag_missing_at_use(const struct urb_use *u);
/* At a submit or return: on some path the flag and no handle. */
bool urb_handle_missing_at_use(const struct urb_use *u);

/* The URBs of the function under analysis (computed once per flow). */
const struct urb_use *urb_uses(const struct flow *flow, size_t *n);
void urb_forget(void);
/* A new function: the state of the last one is dropped. */
void urb_begin_function(void);
/* The function's effects on URBs its parameters point to, into its summary. */
void urb_summarise(const struct flow *flow);

/* urb-unit.c: the unit's URBs by the struct member that holds them, across functions. */
void urb_unit_note(const struct urb_use *uses, size_t n);
void urb_unit_owned(const char *cls);	/* the unit stores a call's result in that member */
void urb_unit_judge_flag(void);		/* urb-dma-flag-missing across functions */
void urb_unit_judge_handle(void);	/* urb-dma-handle-missing across functions */
void urb_unit_forget(void);

#endif
