// SPDX-License-Identifier: GPL-2.0
/*
 * flow.c - where may a value of one function come from? A flow-insensitive may-analysis
 * over sparse's linearized form (after mem2reg), iterated to a fixed point. The sparse
 * counterpart of plugin/flow.c, with the same origins:
 *
 *   O_STACK     the address of an object of this function's frame (locals, parameters whose
 *               address is taken, compound literals), through members, array elements,
 *               casts and pointer arithmetic
 *   O_USBDEV    &x->dev where x is a struct usb_interface or struct usb_device (however x was
 *               reached: interface_to_usbdev() and to_usb_device() are container_of())
 *   O_NONCOH    the stack, a static or global object, a DMA_ALLOC MEM_NONCOHERENT allocator
 *   O_COHERENT  a DMA_ALLOC MEM_COHERENT allocator
 *   params      the function's parameters (bit i: parameter i), for the summaries
 *
 * Values are followed through sparse's pseudos: copies and casts, pointer and integer
 * arithmetic (OP_ADD, OP_SUB, OP_AND, OP_OR: alignment tricks keep pointing into the object),
 * OP_SEL, phi nodes; and through memory: locals that mem2reg left in memory (their address
 * is taken) and their members, keyed by symbol and byte offset, and members reached through
 * one pointer (priv->buf = kmalloc(...); ... use(priv->buf)), keyed by the pointer's pseudo
 * and the byte offset: a store to such a place is seen by every load from it.
 *
 * Limits (as the plugin's): no aliasing between two pointers, no array elements of memory
 * reached through a pointer, nothing across calls; values returned by calls are unknown
 * except for allocators; more than MAX_TRACKED_PARAMS parameters are not tracked.
 */
#include <stdlib.h>
#include <string.h>

#include "dmacheck-sparse.h"
#include "map.h"

struct flow {
	struct entrypoint *ep;
	const char *name;
	struct dmcs_map index;		/* pseudo pointer or place key -> vals[] */
	struct origin *vals;
	long nvals, capvals;
};

struct entrypoint *flow_ep(const struct flow *flow)
{
	return flow->ep;
}

const char *flow_fn_name(const struct flow *flow)
{
	return flow->name;
}

static bool merge(struct origin *dst, const struct origin *src)
{
	unsigned int kinds = dst->kinds | src->kinds;
	uint64_t params = dst->params | src->params;
	bool changed = kinds != dst->kinds || params != dst->params;

	dst->kinds = kinds;
	dst->params = params;
	if (!dst->stack_sym && src->stack_sym) {
		dst->stack_sym = src->stack_sym;
		changed = true;
	}
	return changed;
}

/* An object of this function's frame: not static, extern or file scope, not a function. */
static bool is_frame_object(struct symbol *sym)
{
	struct symbol *base = sym ? dmcs_base(sym) : NULL;

	return sym && !(sym->ctype.modifiers & (MOD_STATIC | MOD_EXTERN | MOD_TOPLEVEL)) &&
	       (!base || base->type != SYM_FN);
}

static struct origin address_of(struct symbol *sym)
{
	struct origin o = { 0, 0, NULL };
	struct symbol *base = dmcs_base(sym);

	if (!sym || (base && base->type == SYM_FN))
		return o;
	if (is_frame_object(sym)) {
		o.kinds = O_STACK | O_NONCOH;
		o.stack_sym = sym;
	} else {
		o.kinds = O_NONCOH;
	}
	return o;
}

/* Table keys: a pseudo by its address; a place by text. */
static long lookup_key(const struct flow *flow, const void *key, size_t len)
{
	return dmcs_map_get(&flow->index, key, len);
}

static bool add_key(struct flow *flow, const void *key, size_t len, const struct origin *o)
{
	long i;

	if (!o->kinds && !o->params)
		return false;
	i = dmcs_map_get(&flow->index, key, len);
	if (i < 0) {
		if (flow->nvals == flow->capvals) {
			flow->capvals = flow->capvals ? 2 * flow->capvals : 64;
			flow->vals = dmcs_xrealloc(flow->vals, flow->capvals * sizeof(*flow->vals));
		}
		i = flow->nvals++;
		memset(&flow->vals[i], 0, sizeof(flow->vals[i]));
		dmcs_map_put(&flow->index, key, len, i);
	}
	return merge(&flow->vals[i], o);
}

/* A pointer value as a base and a constant byte offset: copies, casts and constant
 * additions folded. */
static pseudo_t split_address(pseudo_t p, long long *offset)
{
	*offset = 0;
	for (int depth = 0; p && p->type == PSEUDO_REG && p->def && depth < 32; depth++) {
		struct instruction *def = p->def;

		if (def->opcode == OP_ADD && def->src2->type == PSEUDO_VAL) {
			*offset += def->src2->value;
			p = def->src1;
		} else if (def->opcode == OP_ADD && def->src1->type == PSEUDO_VAL) {
			*offset += def->src1->value;
			p = def->src2;
		} else if (def->opcode == OP_SYMADDR) {
			p = def->src;
		} else if (def->opcode == OP_COPY || def->opcode == OP_PTRCAST ||
			   def->opcode == OP_UTPTR || def->opcode == OP_PTRTU) {
			p = def->src;
		} else {
			break;
		}
	}
	return p;
}

/* The key of the memory place `offset[addr]`, false if it is not tracked: a place of a
 * frame object (symbol + offset), or a member reached through a pointer (pseudo + offset). */
static bool place_key(pseudo_t addr, long long offset, char *buf, size_t len)
{
	long long off;
	pseudo_t base = split_address(addr, &off);

	if (!base)
		return false;
	off += offset;
	switch (base->type) {
	case PSEUDO_SYM:
		if (!is_frame_object(base->sym))
			return false;
		snprintf(buf, len, "L%p+%lld", (void *)base->sym, off);
		return true;
	case PSEUDO_ARG:
		snprintf(buf, len, "A%d+%lld", base->nr, off);
		return true;
	case PSEUDO_REG:
	case PSEUDO_PHI:
		if (base->def && base->def->opcode == OP_ADD)
			return false;	/* p + i: an array element */
		snprintf(buf, len, "R%p+%lld", (void *)base, off);
		return true;
	default:
		return false;
	}
}

/* Is `add` (OP_ADD of a pointer and a constant) &x->dev of a USB interface or device? */
static bool is_usb_dev_member(const struct flow *flow, struct instruction *add)
{
	struct symbol *rec, *m;
	const char *name;
	pseudo_t ptr = add->src1, off = add->src2;

	if (off->type != PSEUDO_VAL)
		return false;
	rec = dmcs_pointee(flow->ep, ptr);
	name = dmcs_record_name(rec);
	if (!name || (strcmp(name, "usb_interface") && strcmp(name, "usb_device")))
		return false;
	FOR_EACH_PTR(rec->symbol_list, m) {
		if (m->ident && !strcmp(dmcs_ident(m->ident), "dev"))
			return (long long)m->offset == off->value;
	} END_FOR_EACH_PTR(m);
	return false;
}

struct origin flow_origin(const struct flow *flow, pseudo_t p)
{
	struct origin o = { 0, 0, NULL };
	long i;

	if (!p)
		return o;
	switch (p->type) {
	case PSEUDO_SYM:
		return address_of(p->sym);
	case PSEUDO_ARG:
		if (p->nr >= 1 && p->nr <= MAX_TRACKED_PARAMS)
			o.params |= 1ULL << (p->nr - 1);
		/* fall through */
	case PSEUDO_REG:
	case PSEUDO_PHI:
		i = lookup_key(flow, &p, sizeof(p));
		if (i >= 0)
			merge(&o, &flow->vals[i]);
		return o;
	default:
		return o;
	}
}

/* The origin of what an instruction computes; false if it computes nothing tracked. */
static bool insn_origin(const struct flow *flow, struct instruction *insn, struct origin *o)
{
	struct origin b;
	char key[96];
	long i;

	memset(o, 0, sizeof(*o));
	switch (insn->opcode) {
	case OP_SYMADDR:
	case OP_COPY: case OP_PTRCAST: case OP_UTPTR: case OP_PTRTU:
	case OP_ZEXT: case OP_SEXT: case OP_TRUNC:
		*o = flow_origin(flow, insn->src);
		return true;
	case OP_ADD:
		*o = flow_origin(flow, insn->src1);
		b = flow_origin(flow, insn->src2);
		merge(o, &b);
		/* &p->member moves off the device itself (&intf->dev.kobj is not the device) */
		if (!(insn->src2->type == PSEUDO_VAL && insn->src2->value == 0))
			o->kinds &= ~O_USBDEV;
		if (is_usb_dev_member(flow, insn))
			o->kinds |= O_USBDEV;
		return true;
	case OP_SUB: case OP_AND: case OP_OR:
		/* (void *)(((unsigned long)buf + 3) & ~3UL) still points into buf */
		*o = flow_origin(flow, insn->src1);
		b = flow_origin(flow, insn->src2);
		merge(o, &b);
		return true;
	case OP_SEL:
		*o = flow_origin(flow, insn->src2);
		b = flow_origin(flow, insn->src3);
		merge(o, &b);
		return true;
	case OP_PHISOURCE:
		*o = flow_origin(flow, insn->phi_src);
		return true;
	case OP_PHI: {
		pseudo_t phi;

		FOR_EACH_PTR(insn->phi_list, phi) {
			b = flow_origin(flow, phi);
			merge(o, &b);
		} END_FOR_EACH_PTR(phi);
		return true;
	}
	case OP_LOAD:
		if (!place_key(insn->src, insn->offset, key, sizeof(key)))
			return false;
		i = lookup_key(flow, key, strlen(key));
		if (i >= 0)
			*o = flow->vals[i];
		return true;
	case OP_CALL: {
		enum dma_mem mem;

		if (!dma_alloc_kind(dmcs_call_name(insn), &mem))
			return false;
		o->kinds = mem == MEM_COHERENT ? O_COHERENT : O_NONCOH;
		return true;
	}
	default:
		return false;
	}
}

/* One round over the function; true if anything changed. */
static bool propagate(struct flow *flow)
{
	struct basic_block *bb;
	bool changed = false;

	FOR_EACH_PTR(flow->ep->bbs, bb) {
		struct instruction *insn;

		FOR_EACH_PTR(bb->insns, insn) {
			struct origin o;
			char key[96];

			if (!insn->bb)
				continue;
			if (insn->opcode == OP_STORE) {
				o = flow_origin(flow, insn->target);
				if (place_key(insn->src, insn->offset, key, sizeof(key)))
					changed |= add_key(flow, key, strlen(key), &o);
				continue;
			}
			if (!insn_origin(flow, insn, &o) || !insn->target || insn->target == VOID)
				continue;
			changed |= add_key(flow, &insn->target, sizeof(insn->target), &o);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	return changed;
}

struct flow *flow_analyze(struct entrypoint *ep)
{
	struct flow *flow = dmcs_xrealloc(NULL, sizeof(*flow));

	memset(flow, 0, sizeof(*flow));
	flow->ep = ep;
	flow->name = ep->name ? dmcs_ident(ep->name->ident) : NULL;
	/* each round can only add bits; the bound is a guard against a bug, not a limit that
	 * real code reaches (chains are resolved a link per round at worst) */
	for (int round = 0; round < 64 && propagate(flow); round++)
		;
	return flow;
}

void flow_free(struct flow *flow)
{
	dmcs_map_clear(&flow->index);
	free(flow->vals);
	free(flow);
}
