// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/summary.c - what each function of the translation unit does with its parameters,
 * computed bottom-up (analysis.c: callees first, rounds to a fixpoint for recursion) and used
 * at every call of it:
 *
 *   sinks   parameter i, or the member at offset o of what pointer parameter i points to
 *           (req->wbuf), reaches a sink of a rule ("usb_control_msg()", "wrap() ->
 *           usb_control_msg()"), under the guards of the block it is reached in (guards.c:
 *           `if (bus != BUS_USB)`)
 *   stores  what it stores into members of what its pointer parameters point to: an
 *           out-parameter (*out = small, helper(dev, len, &urb->transfer_dma)), a bind helper's
 *           hw->dev = &intf->dev; the value in terms of kinds and its own parameters
 *   return  what it returns: an allocator's memory, a USB device, one of its parameters
 *   URBs    what it leaves on an URB a parameter points to: URB_NO_TRANSFER_DMA_MAP set,
 *           cleared or unknown at every return, and whether it set the URB up
 *   handle  the parameters it stores a DMA handle through (*dma = dma_map_single(...),
 *           usb_alloc_coherent(..., dma)): helper(dev, len, &urb->transfer_dma) stores one
 *
 * At a call, each sink is judged on the caller's argument (or what the caller stored in the
 * argument's member): an offending object (a stack address for dma-on-stack, a USB struct
 * device for usb-dma-mask) is reported at the call, with notes naming the object and the path
 * to the sink; a parameter of the caller makes the caller's summary reach the sink too. A sink
 * whose guards cannot hold for the call's constant arguments is not reached.
 *
 * Functions are told apart by name (interned); a translation unit has one function of a name.
 * Calls into other units use the summaries database (xsummary.c) when one is given; their
 * sinks' notes name the other file.
 * Limits: calls through function pointers are not followed;
 * members one level deep; a stack address a callee stores or returns of its own frame is not
 * followed; the first path found to a sink is the one shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "map.h"

static struct summary *sums;
static size_t nsums, capsums;
static struct amap index_of;		/* name -> sums[] */
static unsigned int rule_kind[RULE_COUNT];
static struct summary building;		/* the function being analysed */
static bool missed;			/* a call used a summary not computed yet */

void summary_register_rule(enum dmacheck_rule rule, unsigned int kind)
{
	rule_kind[rule] = kind;
}

void summary_declare(const char *name)
{
	if (amap_get(&index_of, &name, sizeof(name)) >= 0)
		return;
	if (nsums == capsums) {
		capsums = capsums ? 2 * capsums : 64;
		sums = axrealloc(sums, capsums * sizeof(*sums));
	}
	memset(&sums[nsums], 0, sizeof(sums[0]));
	sums[nsums].name = name;
	sums[nsums].ret = origin_none();
	amap_put(&index_of, &name, sizeof(name), (long)nsums);
	nsums++;
}

const struct summary *summary_of(const char *name)
{
	long i = name ? amap_get(&index_of, &name, sizeof(name)) : -1;

	if (i < 0)
		return name ? xsummary_of(name) : NULL;	/* another unit's, if known */
	if (!sums[i].done) {
		missed = true;
		return NULL;
	}
	return &sums[i];
}

bool summary_missed(void)
{
	bool m = missed;

	missed = false;
	return m;
}

/* ---- building a summary ------------------------------------------------------------------ */

static bool same_src(struct member_src a, struct member_src b)
{
	return a.param == b.param && a.off == b.off;
}

static void add_sink(struct member_src src, int rule, const char *path, const struct guards *g,
		     const char *ext, unsigned int ext_arg)
{
	struct sink_fact *f;

	for (unsigned int i = 0; i < building.nsinks; i++) {
		f = &building.sinks[i];
		if (same_src(f->src, src) && f->rule == rule && f->ext == ext &&
		    f->ext_arg == ext_arg) {
			if (!g->n)
				f->guards.n = 0;	/* reached unconditionally somewhere */
			return;
		}
	}
	building.sinks = axrealloc(building.sinks, (building.nsinks + 1) * sizeof(*building.sinks));
	f = &building.sinks[building.nsinks++];
	f->src = src;
	f->rule = rule;
	f->path = axstrdup(path);
	f->guards = *g;
	f->ext = ext;
	f->ext_arg = ext_arg;
}

/* rule RULE_COUNT with ext: not a sink, an argument of another unit's function (xsummary.c) */
static void sinks_of(int rule, const struct origin *o, const char *sink, const struct guards *g,
		     const char *ext, unsigned int ext_arg)
{
	for (unsigned int i = 0; i < MAX_TRACKED_PARAMS; i++) {
		if (o->params & (1ULL << i)) {
			struct member_src src = { (int)i, -1 };

			add_sink(src, rule, sink, g, ext, ext_arg);
		}
	}
	for (unsigned int i = 0; i < o->nmem; i++)
		add_sink(o->mem[i], rule, sink, g, ext, ext_arg);
}

static void sink_with_guards(enum dmacheck_rule rule, const struct origin *o, const char *sink,
			     const struct guards *g)
{
	sinks_of((int)rule, o, sink, g, NULL, 0);
}

void summary_sink(enum dmacheck_rule rule, const struct flow *flow, const struct origin *o,
		  const char *sink, const struct ir_insn *at)
{
	struct guards g;

	if (!origin_has_sources(o))
		return;
	guards_of_block(flow_fn(flow), at->bb, &g);
	sink_with_guards(rule, o, sink, &g);
}

void summary_begin(const struct ir_fn *fn)
{
	memset(&building, 0, sizeof(building));
	building.name = fn->name;
	building.ret = origin_none();
}

/* What a callee's value is at a call, in the caller's terms. */
struct origin summary_map(const struct flow *flow, const struct ir_insn *call,
			  const struct origin *callee)
{
	struct origin o = origin_none(), a;

	o.kinds = callee->kinds & ~O_STACK;	/* the callee's own frame is gone */
	for (unsigned int i = 0; i < MAX_TRACKED_PARAMS && i < call->nargs; i++) {
		if (!(callee->params & (1ULL << i)))
			continue;
		a = flow_origin(flow, call->args[i]);
		origin_merge(&o, &a);
	}
	for (unsigned int i = 0; i < callee->nmem; i++) {
		if (callee->mem[i].param < 0 || (unsigned int)callee->mem[i].param >= call->nargs)
			continue;
		a = flow_member(flow, call, call->args[callee->mem[i].param],
				callee->mem[i].off);
		origin_merge(&o, &a);
	}
	return o;
}

static struct origin strip_frame(struct origin o)
{
	o.kinds &= ~O_STACK;
	o.stack_obj = -1;
	return o;
}

static bool same_origin(const struct origin *a, const struct origin *b)
{
	struct origin x = *a;

	return a->kinds == b->kinds && a->params == b->params && a->nmem == b->nmem &&
	       !origin_merge(&x, b);
}

static bool same_summary(const struct summary *a, const struct summary *b)
{
	if (a->nsinks != b->nsinks || a->nstores != b->nstores || !same_origin(&a->ret, &b->ret) ||
	    a->handle_out != b->handle_out || a->nurbs != b->nurbs)
		return false;
	for (unsigned int i = 0; i < a->nurbs; i++)
		if (!same_src(a->urbs[i].urb, b->urbs[i].urb) || a->urbs[i].flag != b->urbs[i].flag ||
		    a->urbs[i].deref != b->urbs[i].deref ||
		    a->urbs[i].filled != b->urbs[i].filled || a->urbs[i].handle != b->urbs[i].handle)
			return false;
	for (unsigned int i = 0; i < a->nsinks; i++)
		if (!same_src(a->sinks[i].src, b->sinks[i].src) || a->sinks[i].rule != b->sinks[i].rule ||
		    a->sinks[i].ext != b->sinks[i].ext ||
		    a->sinks[i].guards.n != b->sinks[i].guards.n)
			return false;
	for (unsigned int i = 0; i < a->nstores; i++)
		if (!same_src(a->stores[i].dst, b->stores[i].dst) ||
		    !same_origin(&a->stores[i].val, &b->stores[i].val))
			return false;
	return true;
}

void summary_urb(struct member_src urb, bool deref, enum urb_flag_effect flag, bool filled,
		 bool handle)
{
	struct urb_fact *f;

	if (flag == FX_NONE && !filled && !handle)
		return;
	building.urbs = axrealloc(building.urbs, (building.nurbs + 1) * sizeof(*building.urbs));
	f = &building.urbs[building.nurbs++];
	f->urb = urb;
	f->deref = deref;
	f->flag = flag;
	f->filled = filled;
	f->handle = handle;
}

static void free_summary(struct summary *s)
{
	for (unsigned int i = 0; i < s->nsinks; i++)
		free(s->sinks[i].path);
	free(s->sinks);
	free(s->stores);
	free(s->urbs);
	s->sinks = NULL;
	s->stores = NULL;
	s->urbs = NULL;
	s->nsinks = s->nstores = s->nurbs = 0;
}

static void add_store(struct member_src dst, const struct origin *val)
{
	struct store_fact *f;

	if (!val->kinds && !origin_has_sources(val))
		return;
	for (unsigned int i = 0; i < building.nstores; i++) {
		if (same_src(building.stores[i].dst, dst)) {
			origin_merge(&building.stores[i].val, val);
			return;
		}
	}
	building.stores = axrealloc(building.stores, (building.nstores + 1) * sizeof(*building.stores));
	f = &building.stores[building.nstores++];
	f->dst = dst;
	f->val = *val;
}

/* The parameter bits a handle is stored through by this instruction. */
static uint64_t handle_stores(const struct ir_fn *fn, const struct ir_insn *in)
{
	const struct summary *s;
	const struct dma_api *rows;
	uint64_t bits = 0;
	unsigned int n;
	long long off, c;
	int p;

	if (in->op == IR_STORE && in->place.object < 0 && !in->place.var_index &&
	    !(ir_is_const(fn, in->a, &c) && !c) &&
	    (p = param_pointer(fn, in->place.ptr, &off)) >= 0 && off + in->place.offset == 0)
		return 1ULL << p;	/* *dma = dma_map_single(...) */
	if (in->op != IR_CALL || !in->callee)
		return 0;
	rows = dma_api_rows(in->callee, &n);
	for (unsigned int i = 0; i < n; i++)
		if (rows[i].role == ROLE_HANDLE_OUT && rows[i].arg <= in->nargs &&
		    (p = param_pointer(fn, in->args[rows[i].arg - 1], &off)) >= 0 && !off)
			bits |= 1ULL << p;
	s = n ? NULL : summary_of(in->callee);
	for (unsigned int i = 0; s && i < in->nargs && i < MAX_TRACKED_PARAMS; i++)
		if ((s->handle_out & (1ULL << i)) &&
		    (p = param_pointer(fn, in->args[i], &off)) >= 0 && !off)
			bits |= 1ULL << p;
	return bits;
}

bool summary_end(const struct flow *flow)
{
	const struct ir_fn *fn = flow_fn(flow);
	long i = amap_get(&index_of, &fn->name, sizeof(fn->name));
	bool changed;

	for (int k = 0; k < fn->ninsns; k++) {
		const struct ir_insn *in = &fn->insns[k];
		struct origin o;

		if (in->op == IR_RETURN && in->a) {
			o = strip_frame(flow_origin(flow, in->a));
			origin_merge(&building.ret, &o);
		}
		building.handle_out |= handle_stores(fn, in);
	}
	flow_param_stores(flow, add_store);
	if (i < 0) {
		free_summary(&building);
		return false;
	}
	building.done = true;
	changed = !sums[i].done || !same_summary(&sums[i], &building);
	free_summary(&sums[i]);
	sums[i] = building;
	memset(&building, 0, sizeof(building));
	return changed;
}

/* ---- calls --------------------------------------------------------------------------------- */

/* Arguments of a call to another unit's function that come from this function's parameters:
 * E facts of its summary, which the merge resolves once the callee's summary is known. */
static void external_args(const struct flow *flow, const struct ir_insn *call)
{
	struct guards here;
	char path[300];

	guards_of_block(flow_fn(flow), call->bb, &here);
	snprintf(path, sizeof(path), "%s()", call->callee);
	for (unsigned int i = 0; i < call->nargs && i < MAX_TRACKED_PARAMS; i++) {
		struct origin o = flow_origin(flow, call->args[i]);

		if (origin_has_sources(&o))
			sinks_of(RULE_COUNT, &o, path, &here, call->callee, i);
	}
}

void summary_call(const struct flow *flow, const struct ir_insn *call)
{
	const struct ir_fn *fn = flow_fn(flow);
	const struct summary *s;
	unsigned int n;

	if (!call->callee || dma_api_rows(call->callee, &n))
		return;		/* indirect, or a sink the checks handle themselves */
	s = summary_of(call->callee);
	if ((!s || s->file) && xsummary_writing())
		external_args(flow, call);
	if (!s)
		return;
	for (unsigned int k = 0; k < s->nsinks; k++) {
		const struct sink_fact *f = &s->sinks[k];
		struct guards g, here;
		struct origin o;
		char path[512], where[300] = "";

		if (f->src.param < 0 || (unsigned int)f->src.param >= call->nargs)
			continue;
		guards_at_call(&f->guards, fn, call, &g);
		if (!guards_may_hold(&g))
			continue;	/* the constant arguments take the other branch */
		o = f->src.off < 0 ? flow_origin(flow, call->args[f->src.param]) :
				     flow_member(flow, call, call->args[f->src.param], f->src.off);
		if (s->file)
			snprintf(where, sizeof(where), " in %s", s->file);
		else
			indirect_via(fn, call, where, sizeof(where));
		if (f->rule < RULE_COUNT && (o.kinds & rule_kind[f->rule]) &&
		    report((enum dmacheck_rule)f->rule, call->loc)) {
			note_declared(fn, o.stack_obj);
			if (f->src.off < 0)
				report_note(call->loc, "passed to %s()%s as argument %u, which hands "
					    "it to %s", call->callee, where, f->src.param + 1, f->path);
			else
				report_note(call->loc, "passed to %s()%s in a member of argument %u, "
					    "which hands it to %s", call->callee, where,
					    f->src.param + 1, f->path);
		}
		if (!origin_has_sources(&o))
			continue;
		snprintf(path, sizeof(path), "%s()%s -> %s", call->callee, where, f->path);
		guards_of_block(fn, call->bb, &here);
		guards_add(&g, &here);
		sinks_of(f->rule, &o, path, &g, f->ext, f->ext_arg);
	}
}

void summary_forget_unit(void)
{
	for (size_t i = 0; i < nsums; i++)
		free_summary(&sums[i]);
	free(sums);
	sums = NULL;
	nsums = capsums = 0;
	amap_clear(&index_of);
	free_summary(&building);
	missed = false;
}
