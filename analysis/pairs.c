// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/pairs.c - each release and sync of the unit paired with the mappings or
 * allocations it may work on, where the code proves it (pairs.h says what is proven).
 *
 * Work is done once per unit, at its end, and only for units that call a lifecycle function:
 * pairs_note_function() records the function (one cached role lookup per call); the first
 * pairs_releases() of the unit walks each release's operands back through their definitions
 * (no fixed point: a walk of at most PAIRS_DEPTH definitions), then, if an operand was loaded
 * from a member, scans the stores and address-takings of every function of the unit once
 * for the members asked about.
 * Limits: members are named by their innermost struct and field and the outermost member the
 * access names (tp->tx_buffers[i].mapping and tp->rx_buffers[i].mapping differ; through a
 * pointer loaded from memory, rd_info->skb_dma, only the innermost is known, and two rings
 * of one struct type reached that way share the name: their maps then must agree); the unit
 * is taken to see every store into a member it names, which another file of the same
 * driver can break for a member reached only through a loaded pointer; a struct
 * copied whole, or a member written through a pointer to it, is not seen as a store into the
 * member; more than PAIRS_DEPTH definitions deep, an operand is unknown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handle.h"
#include "pairs.h"

#define PAIRS_DEPTH 16
#define MAX_VISITED 32
#define MAX_OPERAND_MEMBERS 8

#define ROLE_BIT(r) (1U << (r))
#define LIFE_ROLES (ROLE_BIT(ROLE_MAP_HANDLE) | ROLE_BIT(ROLE_LIST_MAP) |			\
		    ROLE_BIT(ROLE_COHERENT_ALLOC) | ROLE_BIT(ROLE_UNMAP_HANDLE) |		\
		    ROLE_BIT(ROLE_LIST_UNMAP) | ROLE_BIT(ROLE_FREE_CPU) |			\
		    ROLE_BIT(ROLE_SYNC_HANDLE) | ROLE_BIT(ROLE_LIST_SYNC))

struct fn_rec {
	const struct ir_fn *fn;
	bool has_calls;
	int *call_of;		/* per instruction: its pairs call, -1 (NULL: none at all) */
	int *addr_alloc;	/* per ADDR instruction: the coherent allocation it is the handle
				 * argument of, -1 */
};

/* A member named by its innermost struct and field and, when the access names one, the
 * outermost (tp->tx_buffers[i].mapping: tulip_private.tx_buffers and ring_info.mapping, not
 * the RX ring's rx_buffers[i].mapping); `addr` for a list whose address is the member's
 * (&host->sg[0]) rather than its value (req->dst). */
struct member_key {
	const char *record, *field;
	const char *outer_record, *outer_field;
	long addr;
};

struct member {
	struct member_key key;
	bool list, tainted;
	bool exact;		/* some store names the member's outer member too (or it has none) */
	struct pair_operand cands;
};

/* An operand being resolved: its candidates, the members it may be loaded from. */
struct operand_work {
	struct pair_operand *op;
	bool pure;
	unsigned int nmem;
	int mem[MAX_OPERAND_MEMBERS];
};

static struct fn_rec *fns;
static size_t nfns, capfns;
static struct amap fn_index;
static struct pair_call *calls;
static size_t ncalls, capcalls;
static struct pair_release *rels;
static struct operand_work *rel_work;	/* per release: [0] handle, [1] cpu */
static size_t nrels, caprels;
static struct member *members;
static size_t nmembers, capmembers;
static struct amap member_index;
static bool built;

static void *grow(void *p, size_t *cap, size_t n, size_t elem)
{
	if (n < *cap)
		return p;
	*cap = *cap ? 2 * *cap : 16;
	return axrealloc(p, *cap * elem);
}

void pairs_note_function(const struct flow *flow)
{
	const struct ir_fn *fn = flow_fn(flow);
	struct fn_rec *r;

	if (amap_get(&fn_index, &fn, sizeof(fn)) >= 0)
		return;
	fns = grow(fns, &capfns, nfns, sizeof(*fns));
	r = &fns[nfns];
	memset(r, 0, sizeof(*r));
	r->fn = fn;
	for (int i = 0; i < fn->ninsns && !r->has_calls; i++)
		if (fn->insns[i].op == IR_CALL && (handles_role_mask(fn->insns[i].callee) & LIFE_ROLES))
			r->has_calls = true;
	amap_put(&fn_index, &fn, sizeof(fn), (long)nfns++);
}

const struct pair_call *pairs_call(int i)
{
	return &calls[i];
}

static void add_cand(struct pair_operand *o, int call, enum pair_how how)
{
	for (unsigned int k = 0; k < o->n; k++)
		if (o->cand[k].call == call && o->cand[k].how == how)
			return;
	o->cand = axrealloc(o->cand, (o->n + 1) * sizeof(*o->cand));
	o->cand[o->n].call = call;
	o->cand[o->n++].how = how;
}

/* ---- recording the calls ----------------------------------------------------------------- */

static bool const_arg(const struct ir_fn *fn, const struct ir_insn *in, unsigned int arg,
		      long long *v)
{
	return arg && arg <= in->nargs && ir_is_const(fn, in->args[arg - 1], v);
}

static void add_call(struct fn_rec *r, int i, enum pair_kind kind, enum pair_op op,
		     const struct dma_api *row)
{
	const struct ir_insn *in = &r->fn->insns[i];
	struct pair_call *c;

	calls = grow(calls, &capcalls, ncalls, sizeof(*calls));
	c = &calls[ncalls];
	memset(c, 0, sizeof(*c));
	c->fn = r->fn;
	c->insn = i;
	c->kind = kind;
	c->op = op;
	c->has_size = const_arg(r->fn, in, row->len_arg, &c->size);
	c->has_dir = row->dir == DIR_FROM_ARG && const_arg(r->fn, in, row->dir_arg, &c->dir);
	r->call_of[i] = (int)ncalls++;
}

static void record_calls(struct fn_rec *r)
{
	const struct ir_fn *fn = r->fn;

	r->call_of = axrealloc(NULL, ((size_t)fn->ninsns + 1) * sizeof(int));
	r->addr_alloc = axrealloc(NULL, ((size_t)fn->ninsns + 1) * sizeof(int));
	for (int i = 0; i < fn->ninsns; i++)
		r->call_of[i] = r->addr_alloc[i] = -1;
	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];
		const struct dma_api *row;
		unsigned int mask;

		if (in->op != IR_CALL || !((mask = handles_role_mask(in->callee)) & LIFE_ROLES))
			continue;
		if ((row = handles_role_row(in->callee, ROLE_MAP_HANDLE)))
			add_call(r, i, PK_SINGLE, PO_ACQUIRE, row);
		else if ((row = handles_role_row(in->callee, ROLE_COHERENT_ALLOC)))
			add_call(r, i, PK_COHERENT, PO_ACQUIRE, row);
		else if ((row = handles_role_row(in->callee, ROLE_LIST_MAP)))
			add_call(r, i, PK_LIST, PO_ACQUIRE, row);
		else if ((row = handles_role_row(in->callee, ROLE_UNMAP_HANDLE)))
			add_call(r, i, PK_SINGLE, PO_RELEASE, row);
		else if ((row = handles_role_row(in->callee, ROLE_LIST_UNMAP)))
			add_call(r, i, PK_LIST, PO_RELEASE, row);
		else if ((row = handles_role_row(in->callee, ROLE_FREE_CPU)))
			add_call(r, i, PK_COHERENT, PO_RELEASE, row);
		else if ((row = handles_role_row(in->callee, ROLE_SYNC_HANDLE)))
			add_call(r, i, PK_SINGLE, PO_SYNC, row);
		else if ((row = handles_role_row(in->callee, ROLE_LIST_SYNC)))
			add_call(r, i, PK_LIST, PO_SYNC, row);
		if ((row = handles_role_row(in->callee, ROLE_COHERENT_ALLOC)) &&
		    row->arg && row->arg <= in->nargs) {
			const struct ir_insn *d = ir_def(fn, in->args[row->arg - 1]);

			if (d && d->op == IR_ADDR)
				r->addr_alloc[d - fn->insns] = r->call_of[i];
		}
	}
}

/* ---- members ------------------------------------------------------------------------------ */

/* The outermost member step of where a pointer points, when it is the address of a member
 * plus an offset: sparse writes tp->rx_buffers[i].mapping as *(&tp->rx_buffers + i * 16)
 * with the inner member only; GCC does the same for `b = &tp->rx_buffers[i]; b->mapping`. */
static const struct ir_step *outer_step_of_ptr(const struct ir_fn *fn, int v)
{
	for (int depth = 0; depth < 8; depth++) {
		const struct ir_insn *d = ir_def(fn, v);

		if (!d)
			return NULL;
		if (d->op == IR_ADDR)
			return d->place.nsteps ? &d->place.steps[0] : NULL;
		if (d->op != IR_ARITH || (d->arith != IRA_PTRADD && d->arith != IRA_ADD))
			return NULL;
		v = d->a;
	}
	return NULL;
}

static bool member_key_of(const struct ir_fn *fn, const struct ir_place *p, bool addr,
			  struct member_key *k)
{
	const struct ir_step *outer = NULL;

	if (!p->nsteps)
		return false;
	memset(k, 0, sizeof(*k));
	k->record = p->steps[p->nsteps - 1].record;
	k->field = p->steps[p->nsteps - 1].field;
	if (p->nsteps > 1)
		outer = &p->steps[0];
	else if (p->object < 0)
		outer = outer_step_of_ptr(fn, p->ptr);
	if (outer && (outer->record != k->record || outer->field != k->field)) {
		k->outer_record = outer->record;
		k->outer_field = outer->field;
	}
	k->addr = addr;
	return true;
}

static int member_get(const struct member_key *k, bool list, bool create)
{
	long i = amap_get(&member_index, k, sizeof(*k));

	if (i >= 0 || !create)
		return (int)i;
	members = grow(members, &capmembers, nmembers, sizeof(*members));
	memset(&members[nmembers], 0, sizeof(members[0]));
	members[nmembers].key = *k;
	members[nmembers].list = list;
	amap_put(&member_index, k, sizeof(*k), (long)nmembers);
	return (int)nmembers++;
}

static void work_add_member(struct operand_work *w, int m)
{
	for (unsigned int k = 0; k < w->nmem; k++)
		if (w->mem[k] == m)
			return;
	if (w->nmem < MAX_OPERAND_MEMBERS)
		w->mem[w->nmem++] = m;
	else
		w->pure = false;
}

/* ---- resolving an operand ----------------------------------------------------------------- */

struct walk {
	const struct fn_rec *r;
	struct operand_work *w;
	bool allow_offset;	/* a sync: handle + offset is still the mapping */
	bool allow_members;	/* false while filling a member (no member-to-member chains) */
	int visited[MAX_VISITED];
	unsigned int nvisited;
};

static bool resolve_value(struct walk *wk, int v, int depth);

/* A load from one of the function's own locals: every store into it, and the coherent
 * allocators given its address; any other use of its address makes it unknown. */
static bool resolve_frame_load(struct walk *wk, const struct ir_insn *ld, int depth)
{
	const struct ir_fn *fn = wk->r->fn;
	char key[IDENT_LEN], other[IDENT_LEN];
	bool any = false;

	ident_place(fn, &ld->place, key, sizeof(key));
	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];

		if (in->op == IR_ADDR && in->place.object == ld->place.object) {
			if (!wk->r->addr_alloc || wk->r->addr_alloc[i] < 0)
				return false;
			ident_place(fn, &in->place, other, sizeof(other));
			if (strcmp(key, other))
				return false;
			add_cand(wk->w->op, wk->r->addr_alloc[i], PH_HANDLE_OUT);
			any = true;
		} else if (in->op == IR_STORE && in->place.object == ld->place.object) {
			ident_place(fn, &in->place, other, sizeof(other));
			if (strcmp(key, other))
				continue;
			if (!resolve_value(wk, in->a, depth + 1))
				return false;
			any = true;
		}
	}
	return any;
}

static bool resolve_value(struct walk *wk, int v, int depth)
{
	const struct ir_fn *fn = wk->r->fn;
	const struct ir_insn *d;
	long long c;
	int di, call;

	if (depth > PAIRS_DEPTH)
		return false;
	if (ir_is_const(fn, v, &c))
		return true;
	if (!(d = ir_def(fn, v)))
		return false;
	di = (int)(d - fn->insns);
	for (unsigned int k = 0; k < wk->nvisited; k++)
		if (wk->visited[k] == di)
			return true;
	if (wk->nvisited == MAX_VISITED)
		return false;
	wk->visited[wk->nvisited++] = di;
	switch (d->op) {
	case IR_CALL:
		call = wk->r->call_of ? wk->r->call_of[di] : -1;
		if (call < 0 || calls[call].op != PO_ACQUIRE || calls[call].kind == PK_LIST)
			return false;
		add_cand(wk->w->op, call, PH_RESULT);
		return true;
	case IR_PHI:
		for (unsigned int k = 0; k < d->nargs; k++)
			if (!resolve_value(wk, d->args[k], depth + 1))
				return false;
		return true;
	case IR_SELECT:
		return resolve_value(wk, d->a, depth + 1) && resolve_value(wk, d->b, depth + 1);
	case IR_ARITH:
		return wk->allow_offset && (d->arith == IRA_ADD || d->arith == IRA_PTRADD) &&
		       resolve_value(wk, d->a, depth + 1);
	case IR_LOAD: {
		struct member_key k;

		if (handles_frame_place(fn, &d->place))
			return resolve_frame_load(wk, d, depth);
		if (!wk->allow_members || !member_key_of(fn, &d->place, false, &k))
			return false;
		work_add_member(wk->w, member_get(&k, false, true));
		return true;
	}
	default:
		return false;
	}
}

/* A list: the maps of the same pointer in this function, and the member it comes from. */
static void resolve_list(const struct fn_rec *r, struct operand_work *w, int v)
{
	const struct ir_fn *fn = r->fn;
	const struct ir_insn *d = ir_def(fn, v);
	char key[IDENT_LEN], other[IDENT_LEN];
	struct member_key k;

	if (d && ((d->op == IR_LOAD && !handles_frame_place(fn, &d->place) &&
		   member_key_of(fn, &d->place, false, &k)) ||
		  (d->op == IR_ADDR && member_key_of(fn, &d->place, true, &k))))
		work_add_member(w, member_get(&k, true, true));
	ident_ptr(fn, v, key, sizeof(key));
	if (key[0] == '?')
		return;
	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];
		const struct dma_api *row;
		int call = r->call_of[i];

		if (call < 0 || calls[call].op != PO_ACQUIRE || calls[call].kind != PK_LIST ||
		    !(row = handles_role_row(in->callee, ROLE_LIST_MAP)) || row->arg > in->nargs)
			continue;
		ident_ptr(fn, in->args[row->arg - 1], other, sizeof(other));
		if (!strcmp(key, other))
			add_cand(w->op, call, PH_RESULT);
	}
}

static void resolve_operand(const struct fn_rec *r, struct operand_work *w, int v, bool offset)
{
	struct walk wk;

	memset(&wk, 0, sizeof(wk));
	wk.r = r;
	wk.w = w;
	wk.allow_offset = offset;
	wk.allow_members = true;
	w->pure = resolve_value(&wk, v, 0) && w->pure;
}

static int role_operand(const struct ir_insn *in, enum dma_role role)
{
	const struct dma_api *row = handles_role_row(in->callee, role);

	return row && row->arg && row->arg <= in->nargs ? in->args[row->arg - 1] : 0;
}

static void pair_release(struct fn_rec *r, int call)
{
	const struct pair_call *c = &calls[call];
	const struct ir_insn *in = &r->fn->insns[c->insn];
	struct pair_release *p;
	struct operand_work *w;

	rels = grow(rels, &caprels, nrels, sizeof(*rels));
	rel_work = axrealloc(rel_work, caprels * 2 * sizeof(*rel_work));
	p = &rels[nrels];
	w = &rel_work[2 * nrels++];
	memset(p, 0, sizeof(*p));
	memset(w, 0, 2 * sizeof(*w));
	p->call = call;
	w[0].op = &p->handle;
	w[1].op = &p->cpu;
	w[0].pure = w[1].pure = true;
	if (c->kind == PK_LIST) {
		resolve_list(r, &w[0], role_operand(in, c->op == PO_SYNC ? ROLE_LIST_SYNC :
							 ROLE_LIST_UNMAP));
	} else if (c->kind == PK_SINGLE) {
		resolve_operand(r, &w[0], role_operand(in, c->op == PO_SYNC ? ROLE_SYNC_HANDLE :
								ROLE_UNMAP_HANDLE),
				c->op == PO_SYNC);
	} else {
		resolve_operand(r, &w[0], role_operand(in, ROLE_FREE_HANDLE), false);
		resolve_operand(r, &w[1], role_operand(in, ROLE_FREE_CPU), false);
	}
}

/* ---- what the unit stores into the members asked about ----------------------------------- */

/* May an access named `k` write the member `m` names? Both name one inner member, and the
 * outer members agree where both are known: slot->dma_addr through a parameter may be any
 * ring's slot, tx_ring->slots[i].dma_addr is only the TX ring's. */
static bool may_alias(const struct member_key *k, const struct member_key *m)
{
	return k->record == m->record && k->field == m->field && k->addr == m->addr &&
	       (!k->outer_record || !m->outer_record ||
		(k->outer_record == m->outer_record && k->outer_field == m->outer_field));
}

static void inner_only(const struct member_key *k, struct member_key *inner)
{
	memset(inner, 0, sizeof(*inner));
	inner->record = k->record;
	inner->field = k->field;
	inner->addr = k->addr;
}

/* A store (or an address taken) named k: every member asked about that it may write. */
static void fill_store(const struct fn_rec *r, int i, const struct member_key *k)
{
	const struct ir_insn *in = &r->fn->insns[i];

	for (size_t m = 0; m < nmembers; m++) {
		struct operand_work w;
		struct walk wk;
		long long c;

		if (members[m].list || members[m].tainted || !may_alias(k, &members[m].key))
			continue;
		/* a store of a constant (clearing the member) says nothing about its mappings */
		if ((!members[m].key.outer_record || k->outer_record) &&
		    (in->op == IR_ADDR || !ir_is_const(r->fn, in->a, &c)))
			members[m].exact = true;
		if (in->op == IR_ADDR) {
			if (r->addr_alloc && r->addr_alloc[i] >= 0)
				add_cand(&members[m].cands, r->addr_alloc[i], PH_HANDLE_OUT);
			else
				members[m].tainted = true;
			continue;
		}
		memset(&w, 0, sizeof(w));
		memset(&wk, 0, sizeof(wk));
		w.op = &members[m].cands;
		wk.r = r;
		wk.w = &w;
		if (!resolve_value(&wk, in->a, 0))
			members[m].tainted = true;
	}
}

static void fill_members(void)
{
	struct amap inner_index;	/* inner-only keys of the members asked about */

	memset(&inner_index, 0, sizeof(inner_index));
	for (size_t m = 0; m < nmembers; m++) {
		struct member_key inner;

		inner_only(&members[m].key, &inner);
		amap_put(&inner_index, &inner, sizeof(inner), 1);
	}
	for (size_t f = 0; f < nfns; f++) {
		const struct fn_rec *r = &fns[f];
		const struct ir_fn *fn = r->fn;

		for (int i = 0; i < fn->ninsns; i++) {
			const struct ir_insn *in = &fn->insns[i];
			struct member_key k, inner;

			if (!((in->op == IR_STORE && !handles_frame_place(fn, &in->place)) ||
			      in->op == IR_ADDR) || !in->place.nsteps)
				continue;
			inner_only(&(struct member_key){ in->place.steps[in->place.nsteps - 1].record,
				   in->place.steps[in->place.nsteps - 1].field, NULL, NULL, 0 }, &inner);
			if (amap_get(&inner_index, &inner, sizeof(inner)) < 0 ||
			    !member_key_of(fn, &in->place, false, &k))
				continue;
			fill_store(r, i, &k);
		}
	}
	amap_clear(&inner_index);
	/* lists: every map of a list loaded from (or at the address of) the member */
	for (size_t c = 0; c < ncalls; c++) {
		const struct ir_insn *in = &calls[c].fn->insns[calls[c].insn];
		const struct ir_insn *d;
		struct member_key k;

		if (calls[c].op != PO_ACQUIRE || calls[c].kind != PK_LIST ||
		    !(d = ir_def(calls[c].fn, role_operand(in, ROLE_LIST_MAP))))
			continue;
		if (!((d->op == IR_LOAD && !handles_frame_place(calls[c].fn, &d->place) &&
		       member_key_of(calls[c].fn, &d->place, false, &k)) ||
		      (d->op == IR_ADDR && member_key_of(calls[c].fn, &d->place, true, &k))))
			continue;
		for (size_t m = 0; m < nmembers; m++)
			if (members[m].list && may_alias(&k, &members[m].key))
				add_cand(&members[m].cands, (int)c, PH_RESULT);
	}
}

static void finish_operand(struct operand_work *w)
{
	struct pair_operand *o = w->op;

	for (unsigned int k = 0; k < w->nmem; k++) {
		const struct member *m = &members[w->mem[k]];

		/* only stores through pointers of unknown outer member (slot->dma_addr): the
		 * mappings of this outer member are made in another file (tulip, sunplus) */
		if (m->tainted || (!m->list && !m->exact))
			w->pure = false;
		for (unsigned int j = 0; j < m->cands.n; j++)
			add_cand(o, m->cands.cand[j].call, m->cands.cand[j].how);
	}
	o->known = w->pure && o->n > 0;
}

const struct pair_release *pairs_releases(size_t *n)
{
	if (!built) {
		built = true;
		for (size_t f = 0; f < nfns; f++)
			if (fns[f].has_calls)
				record_calls(&fns[f]);
		for (size_t f = 0; f < nfns; f++)
			for (int i = 0; fns[f].call_of && i < fns[f].fn->ninsns; i++)
				if (fns[f].call_of[i] >= 0 &&
				    calls[fns[f].call_of[i]].op != PO_ACQUIRE)
					pair_release(&fns[f], fns[f].call_of[i]);
		if (nmembers)
			fill_members();
		for (size_t r = 0; r < nrels; r++) {
			/* rels[] may have moved since the operands were resolved */
			rel_work[2 * r].op = &rels[r].handle;
			rel_work[2 * r + 1].op = &rels[r].cpu;
			finish_operand(&rel_work[2 * r]);
			finish_operand(&rel_work[2 * r + 1]);
		}
	}
	*n = nrels;
	return rels;
}

/* ---- questions the rules ask ---------------------------------------------------------------- */

static bool one_value(const struct pair_operand *o, enum pair_kind kind, enum pair_how how,
		      bool dir, long long *value, int *example)
{
	if (!o->known)
		return false;
	for (unsigned int k = 0; k < o->n; k++) {
		const struct pair_call *c = &calls[o->cand[k].call];
		bool has = dir ? c->has_dir : c->has_size;
		long long v = dir ? c->dir : c->size;

		if (c->kind != kind || o->cand[k].how != how || !has || (k && v != *value))
			return false;
		*value = v;
		if (!k)
			*example = o->cand[k].call;
	}
	return true;
}

bool pairs_one_dir(const struct pair_operand *o, enum pair_kind kind, enum pair_how how,
		   long long *dir, int *example)
{
	return one_value(o, kind, how, true, dir, example);
}

bool pairs_one_size(const struct pair_operand *o, enum pair_kind kind, enum pair_how how,
		    long long *size, int *example)
{
	return one_value(o, kind, how, false, size, example);
}

const char *pairs_dir_name(long long dir)
{
	static const char *const names[] = {
		"DMA_BIDIRECTIONAL", "DMA_TO_DEVICE", "DMA_FROM_DEVICE", "DMA_NONE",
	};
	static char other[32];

	if (dir >= 0 && dir < 4)
		return names[dir];
	snprintf(other, sizeof(other), "direction %lld", dir);
	return other;
}

void pairs_forget_unit(void)
{
	for (size_t f = 0; f < nfns; f++) {
		free(fns[f].call_of);
		free(fns[f].addr_alloc);
	}
	for (size_t r = 0; r < nrels; r++) {
		free(rels[r].handle.cand);
		free(rels[r].cpu.cand);
	}
	for (size_t m = 0; m < nmembers; m++)
		free(members[m].cands.cand);
	free(fns);
	free(calls);
	free(rels);
	free(rel_work);
	free(members);
	fns = NULL;
	calls = NULL;
	rels = NULL;
	rel_work = NULL;
	members = NULL;
	nfns = capfns = ncalls = capcalls = nrels = caprels = nmembers = capmembers = 0;
	amap_clear(&fn_index);
	amap_clear(&member_index);
	built = false;
}
