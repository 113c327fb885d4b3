// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/guards.c - conditions on parameters that decide whether a sink is reached.
 *
 * A shared core reaches dma_set_mask() only for some buses:
 *
 *	if (bus == ATH10K_BUS_USB || bus == ATH10K_BUS_SDIO)
 *		return 0;
 *	return dma_set_mask_and_coherent(dev, ...);
 *
 * Per block, the branches whose condition depends on a parameter and that hold on every path
 * to the block (an intersection over the predecessors, iterated to a fixpoint) are its
 * guards. A sink reached in a guarded block carries them into the summary; at a call the
 * guards are re-expressed through the arguments (a constant, or a parameter of the caller),
 * and a call whose constant arguments make a guard's condition take the other edge does not
 * reach the sink. Conditions are evaluated over the IR (copies, + - & | ^ ~, comparisons,
 * selects), so `bus - 2 <= 1` folded by the compiler is understood as well as two tests.
 *
 * A switch on a parameter is a guard too: the edge is the block the switch goes to, so
 * `switch (bus) { case BUS_PCI: return dma_set_mask(...); }` is not reached when bus is
 * BUS_USB, and the cases that share a block are one condition.
 *
 * Limits: MAX_GUARDS per block (the oldest kept), MAX_BOUND parameters; conditions on
 * values loaded from memory (a bus kind kept in a struct) are not guards.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "map.h"

/* ---- evaluating a condition ------------------------------------------------------------ */

static long long truncate(long long v, unsigned int bits)
{
	if (!bits || bits >= 64)
		return v;
	return (long long)((unsigned long long)v & ((1ULL << bits) - 1));
}

static long long sign_extend(long long v, unsigned int bits)
{
	if (!bits || bits >= 64)
		return v;
	v = truncate(v, bits);
	return (v & (1LL << (bits - 1))) ? v - (1LL << bits) : v;
}

/* a cmp b in the width and signedness of the comparison; -1 if not a comparison */
static int compare(enum ir_cmp cmp, long long a, long long b, unsigned int bits, bool is_unsigned)
{
	unsigned long long ua = (unsigned long long)truncate(a, bits);
	unsigned long long ub = (unsigned long long)truncate(b, bits);
	long long sa = sign_extend(a, bits), sb = sign_extend(b, bits);

	switch (cmp) {
	case IRC_EQ: return ua == ub;
	case IRC_NE: return ua != ub;
	case IRC_LT: return is_unsigned ? ua < ub : sa < sb;
	case IRC_LE: return is_unsigned ? ua <= ub : sa <= sb;
	case IRC_GT: return is_unsigned ? ua > ub : sa > sb;
	case IRC_GE: return is_unsigned ? ua >= ub : sa >= sb;
	default: return -1;
	}
}

static bool eval(const struct ir_fn *fn, const struct binding *bind, int v, long long *out,
		 int depth)
{
	const struct ir_val *val = v > 0 && v < fn->nvals ? &fn->vals[v] : NULL;
	const struct ir_insn *in;
	long long a, b, c;

	if (!val || depth > 24)
		return false;
	switch (val->kind) {
	case IRV_CONST:
		*out = val->cst;
		return true;
	case IRV_PARAM:
		if (val->param >= MAX_BOUND || bind[val->param].kind != BIND_CONST)
			return false;
		*out = bind[val->param].value;
		return true;
	case IRV_TEMP:
		break;
	default:
		return false;
	}
	if (val->def < 0)
		return false;
	in = &fn->insns[val->def];
	switch (in->op) {
	case IR_COPY:
		return eval(fn, bind, in->a, out, depth + 1);
	case IR_SELECT:
		if (!eval(fn, bind, in->c, &c, depth + 1))
			return false;
		return eval(fn, bind, c ? in->a : in->b, out, depth + 1);
	case IR_ARITH:
		if (in->arith == IRA_NOT) {
			if (!eval(fn, bind, in->a, &a, depth + 1))
				return false;
			*out = ~a;
			return true;
		}
		if (!eval(fn, bind, in->a, &a, depth + 1) || !eval(fn, bind, in->b, &b, depth + 1))
			return false;
		switch (in->arith) {
		case IRA_ADD: c = (long long)((unsigned long long)a + (unsigned long long)b); break;
		case IRA_SUB: c = (long long)((unsigned long long)a - (unsigned long long)b); break;
		case IRA_AND: c = a & b; break;
		case IRA_OR: c = a | b; break;
		case IRA_XOR: c = a ^ b; break;
		case IRA_CMP: {
			int t = compare(in->cmp, a, b, in->bits, in->is_unsigned);

			if (t < 0)
				return false;
			*out = t;
			return true;
		}
		default:
			return false;
		}
		*out = truncate(c, in->bits);
		return true;
	default:
		return false;
	}
}

/* The block a switch goes to for value v. */
static int switch_target(const struct ir_insn *sw, long long v)
{
	for (unsigned int k = 0; k < sw->ncases; k++)
		if (compare(IRC_GE, v, sw->cases[k].low, sw->bits, sw->is_unsigned) == 1 &&
		    compare(IRC_LE, v, sw->cases[k].high, sw->bits, sw->is_unsigned) == 1)
			return sw->cases[k].bb;
	return sw->b;
}

/* The edge a branch takes with these bindings: 0 true, 1 false (a switch: the block it goes
 * to), -1 unknown. */
static int branch_edge(const struct guard *g)
{
	const struct ir_insn *br = &g->fn->insns[g->branch];
	long long a, b;
	int t;

	if (br->op == IR_SWITCH)
		return eval(g->fn, g->bind, br->a, &a, 0) ? switch_target(br, a) : -1;
	if (!eval(g->fn, g->bind, br->a, &a, 0) || !eval(g->fn, g->bind, br->b, &b, 0))
		return -1;
	t = compare(br->cmp, a, b, br->bits, br->is_unsigned);
	return t < 0 ? -1 : (t ? 0 : 1);
}

bool guards_may_hold(const struct guards *g)
{
	for (unsigned int i = 0; i < g->n; i++) {
		int e = branch_edge(&g->g[i]);

		if (e >= 0 && e != g->g[i].edge)
			return false;
	}
	return true;
}

/* ---- which branches hold where ---------------------------------------------------------- */

static bool depends_on_param(const struct ir_fn *fn, int v, int depth)
{
	const struct ir_val *val = v > 0 && v < fn->nvals ? &fn->vals[v] : NULL;
	const struct ir_insn *in;

	if (!val || depth > 16)
		return false;
	if (val->kind == IRV_PARAM)
		return val->param < MAX_BOUND;
	if (val->kind != IRV_TEMP || val->def < 0)
		return false;
	in = &fn->insns[val->def];
	switch (in->op) {
	case IR_COPY:
		return depends_on_param(fn, in->a, depth + 1);
	case IR_ARITH:
		return depends_on_param(fn, in->a, depth + 1) || depends_on_param(fn, in->b, depth + 1);
	case IR_SELECT:
		return depends_on_param(fn, in->c, depth + 1);
	default:
		return false;
	}
}

/* A guard set per block, for the last function asked about. */
struct edge_guard {
	int branch, edge;
};

struct block_guards {
	bool known;
	unsigned int n;
	struct edge_guard g[MAX_GUARDS];
};

static const struct ir_fn *cached_fn;
static struct block_guards *cache;

static bool contains(const struct block_guards *s, struct edge_guard e)
{
	for (unsigned int i = 0; i < s->n; i++)
		if (s->g[i].branch == e.branch && s->g[i].edge == e.edge)
			return true;
	return false;
}

static void push(struct block_guards *s, struct edge_guard e)
{
	if (contains(s, e))
		return;
	if (s->n == MAX_GUARDS) {
		memmove(&s->g[0], &s->g[1], (MAX_GUARDS - 1) * sizeof(s->g[0]));
		s->n--;
	}
	s->g[s->n++] = e;
}

/* What a block passes to its successor slot k (block succ): its guards, and its branch's
 * edge (a switch's: the block it goes to, so cases that share a block are one edge). */
static struct block_guards out_to(const struct ir_fn *fn, int b, int k, int succ)
{
	struct block_guards out = cache[b];
	const struct ir_bb *bb = &fn->bbs[b];
	const struct ir_insn *last = bb->last > bb->first ? &fn->insns[bb->last - 1] : NULL;

	if (last && last->op == IR_BRANCH && bb->nsucc == 2 && bb->succ[0] != bb->succ[1] &&
	    k < 2 && (depends_on_param(fn, last->a, 0) || depends_on_param(fn, last->b, 0))) {
		struct edge_guard e = { bb->last - 1, k };

		push(&out, e);
	} else if (last && last->op == IR_SWITCH && depends_on_param(fn, last->a, 0)) {
		struct edge_guard e = { bb->last - 1, succ };

		push(&out, e);
	}
	out.known = true;
	return out;
}

static void compute(const struct ir_fn *fn)
{
	bool changed = true;

	free(cache);
	cache = axrealloc(NULL, (size_t)(fn->nbbs + 1) * sizeof(*cache));
	memset(cache, 0, (size_t)(fn->nbbs + 1) * sizeof(*cache));
	cached_fn = fn;
	if (!fn->nbbs)
		return;
	cache[0].known = true;
	for (int round = 0; changed && round < 32; round++) {
		changed = false;
		for (int b = 0; b < fn->nbbs; b++) {
			const struct ir_bb *bb = &fn->bbs[b];

			if (!cache[b].known)
				continue;
			for (int k = 0; k < bb->nsucc + bb->nextra; k++) {
				int s = k < bb->nsucc ? bb->succ[k] : bb->extra_succ[k - bb->nsucc];
				struct block_guards in = out_to(fn, b, k, s), meet;

				if (s <= 0 || s >= fn->nbbs)
					continue;
				if (!cache[s].known) {
					cache[s] = in;
					changed = true;
					continue;
				}
				memset(&meet, 0, sizeof(meet));
				meet.known = true;
				for (unsigned int i = 0; i < cache[s].n; i++)
					if (contains(&in, cache[s].g[i]))
						meet.g[meet.n++] = cache[s].g[i];
				if (meet.n != cache[s].n) {
					cache[s] = meet;
					changed = true;
				}
			}
		}
	}
}

void guards_of_block(const struct ir_fn *fn, int bb, struct guards *out)
{
	memset(out, 0, sizeof(*out));
	if (cached_fn != fn)
		compute(fn);
	if (bb < 0 || bb >= fn->nbbs)
		return;
	for (unsigned int i = 0; i < cache[bb].n && i < MAX_GUARDS; i++) {
		struct guard *g = &out->g[out->n++];

		g->fn = fn;
		g->branch = cache[bb].g[i].branch;
		g->edge = cache[bb].g[i].edge;
		for (int k = 0; k < MAX_BOUND; k++) {
			g->bind[k].kind = k < fn->nparams ? BIND_PARAM : BIND_UNKNOWN;
			g->bind[k].value = k;
		}
	}
}

void guards_forget(void)
{
	free(cache);
	cache = NULL;
	cached_fn = NULL;
}

/* ---- moving guards up the call graph ------------------------------------------------------ */

static struct binding bind_arg(const struct ir_fn *caller, const struct ir_insn *call,
			       const struct binding *b)
{
	struct binding out = { BIND_UNKNOWN, 0 };
	long long c;

	if (b->kind == BIND_CONST)
		return *b;
	if (b->kind != BIND_PARAM || b->value < 0 || (unsigned long long)b->value >= call->nargs)
		return out;
	if (ir_is_const(caller, call->args[b->value], &c)) {
		out.kind = BIND_CONST;
		out.value = c;
		return out;
	}
	for (int v = call->args[b->value], depth = 0; depth < 16 && v > 0; depth++) {
		const struct ir_val *val = &caller->vals[v];

		if (val->kind == IRV_PARAM) {
			out.kind = BIND_PARAM;
			out.value = val->param;
			return out;
		}
		if (val->kind != IRV_TEMP || val->def < 0 || caller->insns[val->def].op != IR_COPY)
			break;
		v = caller->insns[val->def].a;
	}
	return out;
}

void guards_at_call(const struct guards *callee, const struct ir_fn *caller,
		    const struct ir_insn *call, struct guards *out)
{
	memset(out, 0, sizeof(*out));
	for (unsigned int i = 0; i < callee->n; i++) {
		struct guard g = callee->g[i];
		bool any = false;

		for (int k = 0; k < MAX_BOUND; k++) {
			g.bind[k] = bind_arg(caller, call, &callee->g[i].bind[k]);
			any |= g.bind[k].kind != BIND_UNKNOWN;
		}
		if (any && out->n < MAX_GUARDS)
			out->g[out->n++] = g;
	}
}

void guards_add(struct guards *dst, const struct guards *src)
{
	for (unsigned int i = 0; i < src->n && dst->n < MAX_GUARDS; i++)
		dst->g[dst->n++] = src->g[i];
}
