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

#endif
