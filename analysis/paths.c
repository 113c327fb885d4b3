// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/paths.c - the forward "may" dataflow of paths.h: block states joined by union,
 * iterated to a fixpoint, then a final pass for reporting.  No options; limits in paths.h.
 */
#include <stdlib.h>
#include <string.h>

#include "map.h"
#include "paths.h"

void paths_init(struct paths *p, const struct ir_fn *fn, size_t width)
{
	size_t n = ((size_t)fn->nbbs + 1) * (width ? width : 1);

	p->fn = fn;
	p->width = width;
	p->in = axrealloc(NULL, n * sizeof(*p->in));
	memset(p->in, 0, n * sizeof(*p->in));
}

path_word *paths_in(struct paths *p, int b)
{
	return &p->in[(size_t)b * p->width];
}

static int successor(const struct ir_bb *bb, int k)
{
	return k < bb->nsucc ? bb->succ[k] : bb->extra_succ[k - bb->nsucc];
}

/* Union `from` into block b's entry; whether it grew. */
static bool join(struct paths *p, int b, const path_word *from)
{
	path_word *dst = paths_in(p, b);
	bool changed = false;

	for (size_t w = 0; w < p->width; w++) {
		if ((dst[w] | from[w]) != dst[w]) {
			dst[w] |= from[w];
			changed = true;
		}
	}
	return changed;
}

void paths_solve(struct paths *p, int max_rounds, paths_block_fn *block, paths_edge_fn *edge,
		 void *ctx)
{
	const struct ir_fn *fn = p->fn;
	size_t bytes = (p->width ? p->width : 1) * sizeof(path_word);
	path_word *cur = axrealloc(NULL, bytes), *along = axrealloc(NULL, bytes);
	bool changed = true;

	if (max_rounds <= 0)
		max_rounds = 4 * fn->nbbs + 8;
	for (int round = 0; changed && round < max_rounds; round++) {
		changed = false;
		for (int b = 0; b < fn->nbbs; b++) {
			const struct ir_bb *bb = &fn->bbs[b];

			memcpy(cur, paths_in(p, b), p->width * sizeof(path_word));
			block(ctx, b, cur, false);
			for (int k = 0; k < bb->nsucc + bb->nextra; k++) {
				int sb = successor(bb, k);

				if (sb < 0 || sb >= fn->nbbs)
					continue;
				if (edge) {
					memcpy(along, cur, p->width * sizeof(path_word));
					edge(ctx, b, k, along);
					changed |= join(p, sb, along);
				} else {
					changed |= join(p, sb, cur);
				}
			}
		}
	}
	for (int b = 0; b < fn->nbbs; b++) {
		memcpy(cur, paths_in(p, b), p->width * sizeof(path_word));
		block(ctx, b, cur, true);
	}
	free(cur);
	free(along);
}

void paths_free(struct paths *p)
{
	free(p->in);
	p->in = NULL;
}
