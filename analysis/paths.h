/* SPDX-License-Identifier: GPL-2.0 */
/*
 * analysis/paths.h - per-path facts as bit sets (paths.c): a forward "may" dataflow over a
 * function's blocks, shared by the checks that ask what holds on some path at a point
 * (check-dma-mapping-error-unchecked.c, check-dma-map-sg-unchecked.c, urb.c).
 *
 * Each block has `width` words of state on entry; a block's exit state flows into every
 * successor (ir_bb succ, then extra_succ) and joins by union.  The check supplies the transfer
 * of one block and, if it needs one, a filter of what flows along one edge (urb.c: the NULL
 * edge of a test of an URB pointer carries nothing of that URB).  paths_solve() iterates to a
 * fixpoint (bounded: a function the bound cuts short gives facts of fewer paths, never a
 * crash), then runs every block once more with `final` set, for the check to report from.
 * Limits: union only (no must-facts); state is per block entry, not per instruction.
 */
#ifndef DMACHECK_PATHS_H
#define DMACHECK_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis.h"

typedef unsigned long long path_word;

/* One block, from its entry state (updated in place to its exit state). */
typedef void paths_block_fn(void *ctx, int b, path_word *state, bool final);
/* What flows along the k-th successor of block b (a copy of its exit state; may be changed). */
typedef void paths_edge_fn(void *ctx, int b, int k, path_word *state);

struct paths {
	const struct ir_fn *fn;
	size_t width;		/* words of state per block */
	path_word *in;		/* per block, on entry: width words each, zero at first */
};

void paths_init(struct paths *p, const struct ir_fn *fn, size_t width);
/* The entry state of block b (block 0 is the function's entry: set its start here). */
path_word *paths_in(struct paths *p, int b);
/* max_rounds 0: 4 * blocks + 8 */
void paths_solve(struct paths *p, int max_rounds, paths_block_fn *block, paths_edge_fn *edge,
		 void *ctx);
void paths_free(struct paths *p);

#endif
