// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/dom.c - dominators of a function's basic blocks (Cooper, Harvey and Kennedy, "A
 * Simple, Fast Dominance Algorithm": immediate dominators over a reverse postorder, iterated
 * to a fixed point; two or three rounds on real code).
 *
 * Used where the may-analysis needs to know that something happened on every path: a store
 * to a member of what a parameter points to that dominates a load of the same member means the
 * load cannot see the member's value on entry (origin.c).
 *
 * Block 0 is the entry (ir.c makes the first block first). Unreachable blocks have no
 * dominator and dominate nothing. Limits: the walk up the dominator tree in dom_dominates() is
 * linear in its depth.
 */
#include <stdlib.h>

#include "analysis.h"
#include "map.h"

struct dom {
	int nbbs;
	int *idom;		/* per block: immediate dominator, -1 unreachable (entry: itself) */
	int *order;		/* per block: its index in the reverse postorder */
};

static int nsucc(const struct ir_bb *b)
{
	return b->nsucc + b->nextra;
}

static int succ(const struct ir_bb *b, int i)
{
	return i < b->nsucc ? b->succ[i] : b->extra_succ[i - b->nsucc];
}

/* Reverse postorder from the entry, iteratively (functions of thousands of blocks). */
static int reverse_postorder(const struct ir_fn *fn, int *rpo, int *order)
{
	int *stack = axrealloc(NULL, (size_t)fn->nbbs * sizeof(int));
	int *next = axrealloc(NULL, (size_t)fn->nbbs * sizeof(int));
	int sp = 0, n = fn->nbbs;

	for (int b = 0; b < fn->nbbs; b++)
		order[b] = -1, next[b] = 0;
	stack[sp++] = 0;
	order[0] = -2;				/* on the stack */
	while (sp) {
		int b = stack[sp - 1];
		const struct ir_bb *bb = &fn->bbs[b];

		if (next[b] < nsucc(bb)) {
			int s = succ(bb, next[b]++);

			if (s >= 0 && s < fn->nbbs && order[s] == -1) {
				order[s] = -2;
				stack[sp++] = s;
			}
			continue;
		}
		sp--;
		rpo[--n] = b;
	}
	/* rpo[n..nbbs) holds the reachable blocks */
	for (int i = n; i < fn->nbbs; i++)
		order[rpo[i]] = i - n;
	for (int b = 0; b < fn->nbbs; b++)
		if (order[b] == -2)
			order[b] = -1;
	free(stack);
	free(next);
	return n;
}

static int intersect(const struct dom *d, int a, int b)
{
	while (a != b) {
		while (d->order[a] > d->order[b])
			a = d->idom[a];
		while (d->order[b] > d->order[a])
			b = d->idom[b];
	}
	return a;
}

struct dom *dom_compute(const struct ir_fn *fn)
{
	struct dom *d = axrealloc(NULL, sizeof(*d));
	int *rpo, first, *npred, **pred;
	bool changed = true;

	d->nbbs = fn->nbbs;
	d->idom = axrealloc(NULL, (size_t)(fn->nbbs + 1) * sizeof(int));
	d->order = axrealloc(NULL, (size_t)(fn->nbbs + 1) * sizeof(int));
	if (!fn->nbbs)
		return d;
	rpo = axrealloc(NULL, (size_t)fn->nbbs * sizeof(int));
	first = reverse_postorder(fn, rpo, d->order);

	/* predecessors (reachable ones only) */
	npred = calloc((size_t)fn->nbbs, sizeof(int));
	pred = calloc((size_t)fn->nbbs, sizeof(int *));
	if (!npred || !pred)
		abort();
	for (int i = first; i < fn->nbbs; i++) {
		const struct ir_bb *bb = &fn->bbs[rpo[i]];

		for (int k = 0; k < nsucc(bb); k++) {
			int s = succ(bb, k);

			if (s < 0 || s >= fn->nbbs)
				continue;
			pred[s] = axrealloc(pred[s], (size_t)(npred[s] + 1) * sizeof(int));
			pred[s][npred[s]++] = rpo[i];
		}
	}
	for (int b = 0; b < fn->nbbs; b++)
		d->idom[b] = -1;
	d->idom[0] = 0;
	while (changed) {
		changed = false;
		for (int i = first + 1; i < fn->nbbs; i++) {
			int b = rpo[i], nidom = -1;

			for (int k = 0; k < npred[b]; k++) {
				int p = pred[b][k];

				if (d->idom[p] < 0)
					continue;
				nidom = nidom < 0 ? p : intersect(d, p, nidom);
			}
			if (nidom != d->idom[b]) {
				d->idom[b] = nidom;
				changed = true;
			}
		}
	}
	for (int b = 0; b < fn->nbbs; b++)
		free(pred[b]);
	free(pred);
	free(npred);
	free(rpo);
	return d;
}

bool dom_dominates(const struct dom *d, int a, int b)
{
	if (a < 0 || b < 0 || a >= d->nbbs || b >= d->nbbs || d->idom[a] < 0 || d->idom[b] < 0)
		return false;
	while (b != a && b != 0)
		b = d->idom[b];
	return b == a;
}

void dom_free(struct dom *d)
{
	if (!d)
		return;
	free(d->idom);
	free(d->order);
	free(d);
}
