/* SPDX-License-Identifier: GPL-2.0 */
/*
 * analysis/handle.h - where the results of some calls of a function go (handle.c): the
 * lifecycle checks' common ground (check-dma-mapping-error-unchecked.c: dma_map_*() handles;
 * check-dma-unmap-sg-nents-mismatch.c: dma_map_sg() counts).
 *
 * A check names the calls it follows (sites, at most HANDLE_MAX_SITES per function); each value
 * and each place of the function (ident.c's keys: a local, priv->rx_dma, ring->buf[i].dma) gets
 * the set of sites whose result it may hold: `exact` through copies, casts, phis, selects and
 * memory; `derived` also through arithmetic (lower_32_bits(), an offset added). A store to a
 * place is seen by every load from that place in the function (flow-insensitive).
 */
#ifndef DMACHECK_HANDLE_H
#define DMACHECK_HANDLE_H

#include "analysis.h"
#include "map.h"

#define HANDLE_MAX_SITES 64

typedef unsigned long long handle_mask;

struct handles {
	const struct ir_fn *fn;
	int nsites;
	int site_insn[HANDLE_MAX_SITES];	/* the call of each site */
	int *site_of;			/* per instruction: its site, -1 */
	handle_mask *exact, *derived;	/* per value */
	int *slot;			/* per LOAD/STORE instruction: its place, -1 */
	handle_mask *pexact, *pderived;	/* per place */
	long nplaces;
	struct amap keys;
};

/* The sites of fn (calls for which is_site() is true) and where their results go; false (and
 * nothing to free) if fn has none. */
bool handles_find(struct handles *h, const struct ir_fn *fn,
		  bool (*is_site)(const struct ir_insn *in));
void handles_free(struct handles *h);
handle_mask handles_exact(const struct handles *h, int v);
handle_mask handles_derived(const struct handles *h, int v);
/* What the place *(v + off) may hold (derived), 0 if the function never names it. */
handle_mask handles_member(const struct handles *h, int v, long long off);
/* The 1-based argument of callee's rules/dma-apis.def row with `role`, 0 if none (or no
 * callee). Cached per interned name: the checks ask for every call of every function. */
unsigned int handles_role_arg(const char *callee, enum dma_role role);
/* The same cache: callee's first rules/dma-apis.def row with `role` (its len_arg, dir_arg),
 * NULL if none; and the set of its roles (bit r: enum dma_role r), 0 if none. */
const struct dma_api *handles_role_row(const char *callee, enum dma_role role);
unsigned int handles_role_mask(const char *callee);
/* n zeroed bytes (dies with axrealloc()'s message on failure). */
void *handles_zalloc(size_t n);
/* Does the place belong to the function's frame (a local, not memory others see)? */
bool handles_frame_place(const struct ir_fn *fn, const struct ir_place *p);

#endif
