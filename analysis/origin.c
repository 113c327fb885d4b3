// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/origin.c - where may a value of one function come from? A may-analysis over the
 * IR, iterated to a fixed point (flow-insensitive: a place ever assigned a stack address
 * counts at every load).
 *
 * Origins (analysis.h): the address of an object of this function's frame (locals,
 * parameters kept in memory, compound literals), through members, array elements, casts and
 * pointer arithmetic; a USB device's or interface's struct device as rules/dma-apis.def's
 * DMA_USBDEV rows name it (&intf->dev, &udev->dev, intf->dev.parent); memory from a
 * non-coherent or coherent allocator (DMA_ALLOC), a static or the stack (also through a
 * DMA_PASSTHROUGH function: virt_to_page(buf) is buf's memory); a static object's image memory
 * (O_IMAGE, O_RODATA: sinks.c says which for the unit); vmalloc memory (DMA_VMEM
 * allocators, kvmalloc() above PAGE_SIZE as "maybe", DMA_VMEM_FIELD members: fw->data,
 * sinks.c); the function's
 * parameters (for the summaries).
 *
 * Values are followed through copies, pointer and integer arithmetic (alignment tricks keep
 * pointing into the object), selects and phis, and through memory: every place of
 * ident.c's keys (locals and their members, each local its own object; members reached
 * through pointers, dev->ctrl.data; constant array elements one by one): a store to a place
 * is seen by every load from the same key.
 *
 * Calls of the unit's own functions use their summaries (summary.c): what the callee
 * returns (an allocator's memory, one of its arguments) and what it stores into members of
 * its pointer arguments (out-parameters, hw->dev = &intf->dev) become the call's result and
 * the caller's places. Loads through a pointer parameter (req->wbuf) carry "member of
 * parameter" sources, one level deep, for the summaries, unless a store to the same member
 * dominates the load (priv->dev = &pdev->dev; dma_set_mask(priv->dev, ...) reads what was
 * stored, never what the caller left there).
 *
 * Limits: no aliasing between two pointers; values returned by calls outside the unit are
 * unknown except for allocators; more than MAX_TRACKED_PARAMS parameters or
 * MAX_MEMBER_SOURCES members are not tracked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "map.h"

struct flow {
	const struct ir_fn *fn;
	struct origin *vals;		/* per value */
	struct origin *places;		/* per place key */
	int *insn_place;		/* LOAD/STORE: index into places, -1 */
	bool *entry_dead;		/* LOAD: a store to its place dominates it */
	int *stores, nstores;		/* the STORE instructions to a known place */
	struct dom *dom;		/* dominators, once needed */
	char **names;			/* per place: its key */
	struct amap keys;
	long nplaces, capplaces;
};

const struct ir_fn *flow_fn(const struct flow *flow)
{
	return flow->fn;
}

struct origin origin_none(void)
{
	struct origin o;

	memset(&o, 0, sizeof(o));
	o.stack_obj = -1;
	return o;
}

static bool add_member(struct origin *o, int param, long long off)
{
	for (unsigned int i = 0; i < o->nmem; i++)
		if (o->mem[i].param == param && o->mem[i].off == off)
			return false;
	if (o->nmem == MAX_MEMBER_SOURCES)
		return false;
	o->mem[o->nmem].param = param;
	o->mem[o->nmem++].off = off;
	return true;
}

bool origin_merge(struct origin *dst, const struct origin *src)
{
	unsigned int kinds = dst->kinds | src->kinds;
	uint64_t params = dst->params | src->params;
	bool changed = kinds != dst->kinds || params != dst->params;

	dst->kinds = kinds;
	dst->params = params;
	if (dst->stack_obj < 0 && src->stack_obj >= 0) {
		dst->stack_obj = src->stack_obj;
		changed = true;
	}
	for (unsigned int i = 0; i < src->nmem; i++)
		changed |= add_member(dst, src->mem[i].param, src->mem[i].off);
	return changed;
}

bool origin_has_sources(const struct origin *o)
{
	return o->params || o->nmem;
}

#define merge origin_merge
#define none origin_none

int param_pointer(const struct ir_fn *fn, int v, long long *off)
{
	long long c;

	*off = 0;
	for (int depth = 0; depth < 32 && v > 0 && v < fn->nvals; depth++) {
		const struct ir_val *val = &fn->vals[v];
		const struct ir_insn *in;

		if (val->kind == IRV_PARAM)
			return val->param < MAX_TRACKED_PARAMS ? val->param : -1;
		if (val->kind != IRV_TEMP || val->def < 0)
			return -1;
		in = &fn->insns[val->def];
		if (in->op == IR_COPY) {
			v = in->a;
		} else if (in->op == IR_ARITH && in->arith == IRA_PTRADD && ir_is_const(fn, in->b, &c)) {
			*off += c;
			v = in->a;
		} else if (in->op == IR_ADDR && in->place.object < 0 && !in->place.var_index) {
			*off += in->place.offset;
			v = in->place.ptr;
		} else {
			return -1;
		}
	}
	return -1;
}
struct origin flow_origin(const struct flow *flow, int v)
{
	const struct ir_fn *fn = flow->fn;
	struct origin o = none();

	if (v <= 0 || v >= fn->nvals)
		return o;
	o = flow->vals[v];
	if (fn->vals[v].kind == IRV_PARAM && fn->vals[v].param < MAX_TRACKED_PARAMS)
		o.params |= 1ULL << fn->vals[v].param;
	return o;
}

/* Does the place name a USB device's struct device the way a DMA_USBDEV row says? For an
 * address, members beyond the named one at offset 0 are the same address (sparse finds
 * members by offset and descends to the first scalar). */
static bool names_usb_device(const struct ir_place *p, enum dma_usbdev_how how)
{
	unsigned int n;
	const struct dma_usbdev *rows = dma_usbdev_rows(&n);

	for (unsigned int r = 0; r < n; r++) {
		if (rows[r].how != how)
			continue;
		for (unsigned int i = 0; i < p->nsteps; i++) {
			const char *path = rows[r].path;
			unsigned int k = i;

			if (strcmp(p->steps[i].record, rows[r].record))
				continue;
			while (k < p->nsteps && *path) {
				size_t l = strcspn(path, ".");

				if (strlen(p->steps[k].field) != l ||
				    strncmp(p->steps[k].field, path, l))
					break;
				path += l + (path[l] == '.');
				k++;
			}
			if (*path)
				continue;
			if (how == USBDEV_LOAD && k == p->nsteps)
				return true;
			if (how == USBDEV_ADDR) {
				while (k < p->nsteps && p->steps[k].offset == 0)
					k++;
				if (k == p->nsteps)
					return true;
			}
		}
	}
	return false;
}

static struct origin address_origin(const struct flow *flow, const struct ir_place *p)
{
	const struct ir_fn *fn = flow->fn;
	struct origin o = none();

	if (p->object >= 0) {
		if (fn->objs[p->object].kind == IRO_FRAME) {
			o.kinds = O_STACK | O_NONCOH;
			o.stack_obj = p->object;
		} else {
			o.kinds = O_NONCOH | image_kinds(fn->objs[p->object].kind);
		}
	} else {
		o = flow_origin(flow, p->ptr);
		o.kinds &= ~O_USBDEV;	/* &intf->dev->x is not the device itself */
	}
	if (names_usb_device(p, USBDEV_ADDR))
		o.kinds |= O_USBDEV;
	return o;
}

static int key_slot(struct flow *flow, const char *key, bool create)
{
	size_t len = strlen(key);
	long i;

	i = amap_get(&flow->keys, key, len);
	if (i >= 0 || !create)
		return (int)i;
	if (flow->nplaces == flow->capplaces) {
		flow->capplaces = flow->capplaces ? 2 * flow->capplaces : 32;
		flow->places = axrealloc(flow->places, (size_t)flow->capplaces * sizeof(*flow->places));
		flow->names = axrealloc(flow->names, (size_t)flow->capplaces * sizeof(*flow->names));
	}
	flow->places[flow->nplaces] = none();
	flow->names[flow->nplaces] = axstrdup(key);
	amap_put(&flow->keys, key, len, flow->nplaces);
	return (int)flow->nplaces++;
}

static int place_slot(struct flow *flow, const struct ir_place *p)
{
	char key[IDENT_LEN];

	ident_place(flow->fn, p, key, sizeof(key));
	return key_slot(flow, key, true);
}

static bool store_dominates(struct flow *flow, int slot, int i);

struct origin flow_member(const struct flow *flow, const struct ir_insn *at, int v, long long off)
{
	char key[IDENT_LEN];
	struct origin o = none();
	long long poff;
	int slot, p;

	ident_ptr_member(flow->fn, v, off, key, sizeof(key));
	slot = key_slot((struct flow *)flow, key, false);
	if (slot >= 0)
		o = flow->places[slot];
	p = param_pointer(flow->fn, v, &poff);
	if (p >= 0 && !store_dominates((struct flow *)flow, slot, (int)(at - flow->fn->insns)))
		add_member(&o, p, poff + off);
	return o;
}

/* A call of a summarised function: what it stores through its arguments. */
static bool call_stores(struct flow *flow, const struct ir_insn *in, const struct summary *s)
{
	bool changed = false;

	for (unsigned int i = 0; i < s->nstores; i++) {
		const struct store_fact *st = &s->stores[i];
		struct origin o;
		char key[IDENT_LEN];
		int slot;

		if (st->dst.param < 0 || (unsigned int)st->dst.param >= in->nargs)
			continue;
		o = summary_map(flow, in, &st->val);
		ident_ptr_member(flow->fn, in->args[st->dst.param], st->dst.off, key, sizeof(key));
		slot = key_slot(flow, key, true);	/* may move flow->places */
		changed |= merge(&flow->places[slot], &o);
	}
	return changed;
}

/* The origin of what an instruction computes. */
static struct origin insn_origin(const struct flow *flow, const struct ir_insn *in)
{
	const struct ir_fn *fn = flow->fn;
	struct origin o = none(), b;
	long long c;

	switch (in->op) {
	case IR_COPY:
		return flow_origin(flow, in->a);
	case IR_ARITH:
		switch (in->arith) {
		case IRA_PTRADD:
			o = flow_origin(flow, in->a);
			if (!ir_is_const(fn, in->b, &c) || c)
				o.kinds &= ~O_USBDEV;
			return o;
		case IRA_ADD: case IRA_SUB: case IRA_AND: case IRA_OR: case IRA_MIN: case IRA_MAX:
			/* (void *)(((unsigned long)buf + 3) & ~3UL) still points into buf */
			o = flow_origin(flow, in->a);
			b = flow_origin(flow, in->b);
			merge(&o, &b);
			if (in->arith == IRA_ADD && !(ir_is_const(fn, in->b, &c) && !c) &&
			    !(ir_is_const(fn, in->a, &c) && !c))
				o.kinds &= ~O_USBDEV;
			return o;
		default:
			return o;
		}
	case IR_SELECT:
		o = flow_origin(flow, in->a);
		b = flow_origin(flow, in->b);
		merge(&o, &b);
		return o;
	case IR_PHI:
		for (unsigned int i = 0; i < in->nargs; i++) {
			b = flow_origin(flow, in->args[i]);
			merge(&o, &b);
		}
		return o;
	case IR_ADDR:
		return address_origin(flow, &in->place);
	case IR_LOAD: {
		int slot = flow->insn_place[in - fn->insns], p;
		long long off;

		if (slot >= 0)
			o = flow->places[slot];
		if (in->place.object < 0 && !in->place.var_index &&
		    !flow->entry_dead[in - fn->insns] &&
		    (p = param_pointer(fn, in->place.ptr, &off)) >= 0)
			add_member(&o, p, off + in->place.offset);
		if (in->place.object >= 0 && fn->objs[in->place.object].param >= 0 &&
		    fn->objs[in->place.object].param < MAX_TRACKED_PARAMS && !in->place.offset)
			o.params |= 1ULL << fn->objs[in->place.object].param;
		if (names_usb_device(&in->place, USBDEV_LOAD))
			o.kinds |= O_USBDEV;
		if (vmem_field_place(&in->place))
			o.kinds |= O_VMALLOC;		/* fw->data */
		return o;
	}
	case IR_CALL: {
		enum dma_mem mem;
		const struct summary *s;
		unsigned int arg, vmem;
		bool valloc = vmem_call(fn, in, &vmem);

		if (in->callee && dma_alloc_kind(in->callee, &mem))
			o.kinds = (mem == MEM_COHERENT ? O_COHERENT : O_NONCOH) | vmem;
		else if (valloc)
			o.kinds = O_NONCOH | vmem;	/* not its inline body's summary */
		else if ((arg = dma_passthrough_arg(in->callee)) && arg <= in->nargs)
			o = flow_origin(flow, in->args[arg - 1]);	/* virt_to_page(buf) */
		else if (in->callee && (s = summary_of(in->callee)))
			o = summary_map(flow, in, &s->ret);
		return o;
	}
	default:
		return o;
	}
}

static bool propagate(struct flow *flow)
{
	const struct ir_fn *fn = flow->fn;
	bool changed = false;

	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];
		struct origin o;

		if (in->op == IR_STORE) {
			o = flow_origin(flow, in->a);
			if (flow->insn_place[i] >= 0)
				changed |= merge(&flow->places[flow->insn_place[i]], &o);
			continue;
		}
		if (in->op == IR_CALL && in->callee) {
			const struct summary *s = summary_of(in->callee);

			if (s)
				changed |= call_stores(flow, in, s);
		}
		if (!in->dst)
			continue;
		o = insn_origin(flow, in);
		changed |= merge(&flow->vals[in->dst], &o);
	}
	return changed;
}

/* Does a store to place slot dominate instruction i (an earlier one in its block, or one in
 * a block that dominates it)? Then the place's value on entry is dead at i. Dominators are
 * computed on the first question that needs them. */
static bool store_dominates(struct flow *flow, int slot, int i)
{
	const struct ir_fn *fn = flow->fn;

	if (slot < 0)
		return false;
	for (int k = 0; k < flow->nstores; k++) {
		int j = flow->stores[k];

		if (flow->insn_place[j] != slot)
			continue;
		if (fn->insns[j].bb == fn->insns[i].bb) {
			if (j < i)
				return true;
			continue;
		}
		if (!flow->dom)
			flow->dom = dom_compute(fn);
		if (dom_dominates(flow->dom, fn->insns[j].bb, fn->insns[i].bb))
			return true;
	}
	return false;
}

/* Loads of a member of what a parameter points to that a store to the same place dominates:
 * the member's value on entry is dead there. */
static void mark_dead_entry_loads(struct flow *flow)
{
	const struct ir_fn *fn = flow->fn;
	long long off;

	flow->stores = axrealloc(NULL, (size_t)(fn->ninsns + 1) * sizeof(int));
	for (int j = 0; j < fn->ninsns; j++)
		if (fn->insns[j].op == IR_STORE && !fn->insns[j].place.var_index &&
		    flow->insn_place[j] >= 0)
			flow->stores[flow->nstores++] = j;
	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *ld = &fn->insns[i];

		flow->entry_dead[i] = flow->nstores && ld->op == IR_LOAD &&
			ld->place.object < 0 && !ld->place.var_index &&
			param_pointer(fn, ld->place.ptr, &off) >= 0 &&
			store_dominates(flow, flow->insn_place[i], i);
	}
}

struct flow *flow_analyze(const struct ir_fn *fn)
{
	struct flow *flow = axrealloc(NULL, sizeof(*flow));

	memset(flow, 0, sizeof(*flow));
	flow->fn = fn;
	flow->vals = axrealloc(NULL, (size_t)(fn->nvals + 1) * sizeof(*flow->vals));
	for (int v = 0; v < fn->nvals; v++)
		flow->vals[v] = none();
	flow->insn_place = axrealloc(NULL, (size_t)(fn->ninsns + 1) * sizeof(int));
	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];

		flow->insn_place[i] = in->op == IR_LOAD || in->op == IR_STORE ?
				      place_slot(flow, &in->place) : -1;
	}
	flow->entry_dead = axrealloc(NULL, (size_t)(fn->ninsns + 1) * sizeof(bool));
	mark_dead_entry_loads(flow);
	/* each round can only add bits; the bound is a guard against a bug, not a limit that
	 * real code reaches (chains are resolved a link per round at worst) */
	for (int round = 0; round < 64 && propagate(flow); round++)
		;
	return flow;
}

void flow_param_stores(const struct flow *flow,
		       void (*fn)(struct member_src dst, const struct origin *val))
{
	for (long i = 0; i < flow->nplaces; i++) {
		struct member_src dst;
		struct origin val;
		int used = 0;

		/* "P<param>+<offset>" and nothing more: a member of what the parameter points to */
		if (sscanf(flow->names[i], "P%d+%lld%n", &dst.param, &dst.off, &used) != 2 ||
		    flow->names[i][used] || dst.param < 0 || dst.param >= MAX_TRACKED_PARAMS)
			continue;
		val = flow->places[i];
		val.kinds &= ~O_STACK;		/* the callee's frame is gone after the call */
		val.stack_obj = -1;
		fn(dst, &val);
	}
}

void flow_free(struct flow *flow)
{
	for (long i = 0; i < flow->nplaces; i++)
		free(flow->names[i]);
	free(flow->names);
	amap_clear(&flow->keys);
	free(flow->places);
	free(flow->vals);
	free(flow->insn_place);
	free(flow->entry_dead);
	free(flow->stores);
	dom_free(flow->dom);
	free(flow);
}
