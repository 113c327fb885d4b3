/* SPDX-License-Identifier: GPL-2.0 */
/*
 * analysis/pairs.h - every release and sync of the unit paired with the mappings or
 * allocations it may work on (pairs.c): the common ground of the mismatch rules
 * (check-dma-unmap-dir-mismatch.c, check-dma-sync-dir-mismatch.c,
 * check-dma-unmap-size-mismatch.c, check-dma-free-addr-mismatch.c), which only compare what
 * the pairs say.
 *
 * Calls are told by their rules/dma-apis.def roles (handle.c's cache):
 *   acquire  ROLE_MAP_HANDLE (a handle; size len_arg, direction dir_arg), ROLE_LIST_MAP (a
 *            scatterlist or sg_table), ROLE_COHERENT_ALLOC (a CPU address returned, the handle
 *            stored through the argument)
 *   release  ROLE_UNMAP_HANDLE, ROLE_LIST_UNMAP, ROLE_FREE_CPU + ROLE_FREE_HANDLE
 *   sync     ROLE_SYNC_HANDLE, ROLE_LIST_SYNC
 * A release's operand (the handle, the list, the CPU address) is paired only where the code
 * proves where it comes from: through copies, phis and selects (and, for a sync, an offset
 * added), to the acquiring calls of the same function, to the function's own locals whose
 * every store is such a value (or whose address only a coherent allocator is given), and to
 * members: a value loaded from a member (its innermost struct and field, as the sg-nents rule
 * names them, and its outermost where known) may be what any store of the unit into that
 * member stored. A member is proven
 * only if every store into it anywhere in the unit stores an acquisition's result exactly or
 * a constant, and its address is taken only as a coherent allocator's handle argument.
 * A member is also told by the outermost member the access names (tp->tx_buffers[i].mapping
 * is not tp->rx_buffers[i].mapping); a store through a pointer whose outer member is unknown
 * (slot->dma_addr, slot a parameter) counts for every outer member; a member whose outer
 * member no store of the unit names (the TX ring mapped in another file of the driver) is
 * not proven.
 * A list is paired with the maps of the same list: the same pointer in one function, or the
 * same member loaded (req->dst) or addressed (&host->sg[0]) anywhere in the unit.
 * Anything else (a parameter, a helper's result, a member some store fills from elsewhere)
 * leaves the operand unknown, and the rules then say nothing about it.
 */
#ifndef DMACHECK_PAIRS_H
#define DMACHECK_PAIRS_H

#include "analysis.h"

enum pair_kind { PK_SINGLE, PK_LIST, PK_COHERENT };
enum pair_op { PO_ACQUIRE, PO_RELEASE, PO_SYNC };
/* How an acquisition reaches an operand: its result (a streaming handle, a coherent CPU
 * address, a list) or the handle a coherent allocator stored. */
enum pair_how { PH_RESULT, PH_HANDLE_OUT };

struct pair_call {
	const struct ir_fn *fn;
	int insn;
	enum pair_kind kind;
	enum pair_op op;
	bool has_size, has_dir;		/* the size / direction is a constant */
	long long size, dir;
};

struct pair_cand {
	int call;			/* an acquisition (pairs_call()) */
	enum pair_how how;
};

struct pair_operand {
	bool known;			/* every value it may hold comes from the candidates */
	unsigned int n;
	struct pair_cand *cand;
};

struct pair_release {
	int call;			/* the release or sync */
	struct pair_operand handle;	/* the handle or the list */
	struct pair_operand cpu;	/* a coherent free's CPU address */
};

/* Every lifecycle check calls this at each function's end (once per function is recorded). */
void pairs_note_function(const struct flow *flow);
/* At the unit's end: the releases and syncs, paired (computed once per unit). */
const struct pair_release *pairs_releases(size_t *n);
const struct pair_call *pairs_call(int i);
/* The operand's candidates all acquisitions of `kind` reached as `how`, and all with one
 * constant direction (size): true and *dir (*size). */
bool pairs_one_dir(const struct pair_operand *o, enum pair_kind kind, enum pair_how how,
		   long long *dir, int *example);
bool pairs_one_size(const struct pair_operand *o, enum pair_kind kind, enum pair_how how,
		    long long *size, int *example);
/* "DMA_FROM_DEVICE", "direction 7" */
const char *pairs_dir_name(long long dir);
/* analysis.c, after the checks' unit_end */
void pairs_forget_unit(void);

#endif
