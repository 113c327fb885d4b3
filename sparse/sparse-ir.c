// SPDX-License-Identifier: GPL-2.0
/*
 * sparse-ir.c - sparse's linearized form (mem2reg, no optimisation, no inlining) into the
 * analysis IR (analysis/dmacheck-ir.h).
 *
 *   pseudos            PSEUDO_REG/PHI temporaries, PSEUDO_ARG parameters, PSEUDO_VAL
 *                      constants, PSEUDO_SYM the address of the symbol (an object: frame or
 *                      static; a function's address is unknown)
 *   OP_LOAD/OP_STORE   a place: the symbol, or what the address pseudo points to, plus the
 *                      instruction's byte offset; the member path is found from the pointed-to
 *                      type by offset and size (sparse keeps no member names)
 *   OP_ADD of a struct pointer and a constant
 *                      IR_ADDR of that member (&intf->dev), so that both front ends name a
 *                      member's address the same way; other pointer arithmetic is PTRADD
 *   OP_PHISOURCE/PHI   a copy into the phi pseudo / a phi of them
 *   OP_CBR/BR/SWITCH   branches and successors (a switch also IR_SWITCH with its cases);
 *                      OP_RET a return
 *
 * Locations: sparse puts a call at its '(' and a store at its left-hand side, GCC at the
 * called name and at the assignment operator; report.c moves them when printing (the IR
 * location carries which kind it is), so the analysis sees one location per statement.
 * Nothing here judges.
 */
#include <string.h>

#include "dmacheck-sparse.h"
#include "map.h"
#include "target.h"
#include "expression.h"

struct sx {
	struct entrypoint *ep;
	struct ir_fn *fn;
	struct amap vals;	/* pseudo -> value */
	struct amap objs;	/* symbol -> object */
	struct amap bbs;	/* basic block -> IR block */
};

ir_loc dmcs_loc(struct position pos, enum dmcs_loc_kind kind)
{
	ir_loc l;

	l.raw = ((unsigned long long)kind << 60) | ((unsigned long long)pos.stream << 42) |
		((unsigned long long)pos.line << 10) | (pos.pos & 1023u);
	return l;
}

struct position dmcs_position(ir_loc loc, enum dmcs_loc_kind *kind)
{
	struct position pos;

	memset(&pos, 0, sizeof(pos));
	pos.stream = (loc.raw >> 42) & 0x3fff;
	pos.line = (loc.raw >> 10) & 0xffffffffu;
	pos.pos = loc.raw & 1023u;
	*kind = (enum dmcs_loc_kind)(loc.raw >> 60);
	return pos;
}

static bool is_fn_symbol(struct symbol *sym)
{
	struct symbol *base = dmcs_base(sym);

	return base && base->type == SYM_FN;
}

/* Where a symbol's storage is (dmacheck-ir.h): the analysis decides what it means. const and
 * the address space are on the symbol or, for an array, on its element type. */
static enum ir_obj_kind storage(struct symbol *sym, bool frame)
{
	if (frame)
		return IRO_FRAME;
	if (sym->ctype.modifiers & MOD_EXTERN)
		return IRO_STATIC;
	if (!sym->ident && sym->initializer && sym->initializer->type == EXPR_STRING)
		return IRO_RODATA;			/* a string literal */
	for (struct symbol *t = sym; t; t = t->ctype.base_type) {
		struct ident *as = t->ctype.as;

		if (as && as->len == 8 && !memcmp(as->name, "__percpu", 8))
			return IRO_STATIC;		/* DEFINE_PER_CPU() */
		if (t->type != SYM_NODE && t->type != SYM_ARRAY && t->type != SYM_TYPEOF)
			break;
	}
	for (struct symbol *t = sym; t; t = t->ctype.base_type) {
		if (t->ctype.modifiers & MOD_CONST)
			return IRO_RODATA;
		if (t->type != SYM_NODE && t->type != SYM_ARRAY && t->type != SYM_TYPEOF)
			break;
	}
	return IRO_DATA;
}

static int object(struct sx *x, struct symbol *sym)
{
	long i = amap_get(&x->objs, &sym, sizeof(sym));
	bool frame;

	if (i >= 0)
		return (int)i;
	frame = !(sym->ctype.modifiers & (MOD_STATIC | MOD_EXTERN | MOD_TOPLEVEL));
	i = ir_object(x->fn, sym->ident ? dmcs_ident(sym->ident) : "", dmcs_loc(sym->pos, LOC_PLAIN),
		      storage(sym, frame), -1);
	amap_put(&x->objs, &sym, sizeof(sym), i);
	return (int)i;
}

/* The member path to byte `off` (an access of `bytes` bytes, 0: an address) of `type`. */
static bool descend(struct symbol *type, long long off, unsigned int bytes, struct ir_step *steps,
		    unsigned int *n, int depth)
{
	struct symbol *m;

	type = dmcs_base(type);
	if (!type || depth > 12 || off < 0)
		return false;
	if (type->type == SYM_ARRAY) {
		struct symbol *elem = dmcs_base(type->ctype.base_type);
		long long esize = elem && elem->bit_size > 0 ? bits_to_bytes(elem->bit_size) : 0;

		return esize > 0 && descend(elem, off % esize, bytes, steps, n, depth + 1);
	}
	if (type->type != SYM_STRUCT && type->type != SYM_UNION)
		return off == 0 && (!bytes || type->bit_size <= 0 ||
				    bits_to_bytes(type->bit_size) == (long long)bytes);
	FOR_EACH_PTR(type->symbol_list, m) {
		struct symbol *mt = dmcs_base(m);
		long long moff = (long long)m->offset;
		long long size = m->bit_size > 0 ? bits_to_bytes(m->bit_size) : 0;

		if (!mt || mt->type == SYM_BITFIELD || off < moff || (size && off >= moff + size))
			continue;
		if (*n < 16) {
			steps[*n].record = type->ident ? dmcs_ident(type->ident) : "";
			steps[*n].field = m->ident ? dmcs_ident(m->ident) : "";
			steps[*n].offset = moff;
		}
		(*n)++;
		if (descend(mt, off - moff, bytes, steps, n, depth + 1))
			return true;
		(*n)--;
	} END_FOR_EACH_PTR(m);
	return false;
}

static void add_steps(struct ir_place *p, struct symbol *type, long long off, unsigned int bytes)
{
	struct ir_step steps[16];
	unsigned int n = 0;

	if (!type || !descend(type, off, bytes, steps, &n, 0))
		return;
	for (unsigned int i = 0; i < n && i < 16; i++)
		ir_place_step(p, steps[i].record, steps[i].field, steps[i].offset);
}

static int value(struct sx *x, pseudo_t p);

static void place(struct sx *x, pseudo_t addr, long long offset, unsigned int bytes,
		  struct ir_place *p)
{
	if (addr && addr->type == PSEUDO_SYM && !is_fn_symbol(addr->sym)) {
		ir_place_object(p, object(x, addr->sym));
		add_steps(p, addr->sym, offset, bytes);
	} else {
		ir_place_deref(p, value(x, addr));
		add_steps(p, dmcs_pointee(x->ep, addr), offset, bytes);
	}
	p->offset = offset;
	p->size = bytes;
}

static int value(struct sx *x, pseudo_t p)
{
	struct ir_place pl;
	long i;

	if (!p || p == VOID)
		return 0;
	switch (p->type) {
	case PSEUDO_VAL:
		return ir_const(x->fn, p->value);
	case PSEUDO_ARG:
		return ir_param(x->fn, p->nr - 1);
	case PSEUDO_SYM:
		if (!p->sym || is_fn_symbol(p->sym))
			return 0;
		ir_place_object(&pl, object(x, p->sym));
		return ir_addr(x->fn, 0, &pl, dmcs_loc(p->sym->pos, LOC_PLAIN));
	case PSEUDO_REG:
	case PSEUDO_PHI:
		i = amap_get(&x->vals, &p, sizeof(p));
		if (i >= 0)
			return (int)i;
		i = ir_temp(x->fn);
		amap_put(&x->vals, &p, sizeof(p), i);
		return (int)i;
	default:
		return 0;
	}
}

static int block(struct sx *x, struct basic_block *bb)
{
	long i = bb ? amap_get(&x->bbs, &bb, sizeof(bb)) : -1;

	return (int)i;
}

static enum ir_cmp comparison(int opcode)
{
	switch (opcode) {
	case OP_SET_EQ: return IRC_EQ;
	case OP_SET_NE: return IRC_NE;
	case OP_SET_LT: case OP_SET_B: return IRC_LT;
	case OP_SET_LE: case OP_SET_BE: return IRC_LE;
	case OP_SET_GT: case OP_SET_A: return IRC_GT;
	case OP_SET_GE: case OP_SET_AE: return IRC_GE;
	default: return IRC_NONE;
	}
}

static enum ir_arith arith(int opcode)
{
	switch (opcode) {
	case OP_ADD: return IRA_ADD;
	case OP_SUB: return IRA_SUB;
	case OP_AND: return IRA_AND;
	case OP_OR: return IRA_OR;
	case OP_XOR: return IRA_XOR;
	case OP_NOT: case OP_NEG: return IRA_NOT;
	default: return comparison(opcode) != IRC_NONE ? IRA_CMP : IRA_OTHER;
	}
}

static bool is_record(struct symbol *type)
{
	type = dmcs_base(type);
	return type && (type->type == SYM_STRUCT || type->type == SYM_UNION);
}

/* p + c of a struct pointer is &p->member; other pointer sums are pointer arithmetic. */
static void add(struct sx *x, struct instruction *insn, int dst, ir_loc l)
{
	pseudo_t a = insn->src1, b = insn->src2;
	struct symbol *ta = dmcs_pointee(x->ep, a), *tb = dmcs_pointee(x->ep, b);
	struct ir_place pl;

	if (!ta && tb) {		/* i + p */
		pseudo_t t = a;

		a = b;
		b = t;
		ta = tb;
	}
	if (ta && b->type == PSEUDO_VAL && is_record(ta)) {
		ir_place_deref(&pl, value(x, a));
		add_steps(&pl, ta, b->value, 0);
		pl.offset = b->value;
		ir_addr(x->fn, dst, &pl, l);
	} else if (ta) {
		ir_arith(x->fn, dst, IRA_PTRADD, IRC_NONE, value(x, a), value(x, b), l);
	} else {
		ir_arith(x->fn, dst, IRA_ADD, IRC_NONE, value(x, a), value(x, b), l);
		ir_set_width(x->fn, insn->size, true);
	}
}

/* OP_SWITCH: IR_SWITCH with its cases; the multijmp with begin > end is the default. */
static void lower_switch(struct sx *x, struct instruction *insn, ir_loc l)
{
	struct multijmp *jmp;
	int dflt = -1;

	FOR_EACH_PTR(insn->multijmp_list, jmp) {
		if (jmp->begin > jmp->end)
			dflt = block(x, jmp->target);
	} END_FOR_EACH_PTR(jmp);
	ir_switch(x->fn, value(x, insn->cond), dflt, l);
	ir_set_width(x->fn, insn->size > 0 ? (unsigned int)insn->size : 0,
		     insn->type && !is_signed_type(insn->type));
	FOR_EACH_PTR(insn->multijmp_list, jmp) {
		if (jmp->begin <= jmp->end)
			ir_switch_case(x->fn, jmp->begin, jmp->end, block(x, jmp->target));
	} END_FOR_EACH_PTR(jmp);
}

static void instruction(struct sx *x, struct instruction *insn)
{
	ir_loc l = dmcs_loc(insn->pos, LOC_PLAIN);
	int dst = insn->target && insn->target != VOID &&
		  (insn->target->type == PSEUDO_REG || insn->target->type == PSEUDO_PHI) ?
		  value(x, insn->target) : 0;
	struct ir_place pl;

	switch (insn->opcode) {
	case OP_LOAD:
		place(x, insn->src, insn->offset, insn->size / 8, &pl);
		ir_load(x->fn, dst, &pl, l);
		return;
	case OP_STORE:
		place(x, insn->src, insn->offset, insn->size / 8, &pl);
		ir_store(x->fn, &pl, value(x, insn->target), dmcs_loc(insn->pos, LOC_STORE));
		return;
	case OP_CALL: {
		unsigned int n = dmcs_call_nargs(insn), i = 0;
		int args[n ? n : 1];
		pseudo_t arg;

		FOR_EACH_PTR(insn->arguments, arg) {
			if (i < n)
				args[i++] = value(x, arg);
		} END_FOR_EACH_PTR(arg);
		ir_call(x->fn, dst, dmcs_call_name(insn), args, i, dmcs_loc(insn->pos, LOC_CALL));
		if (!dmcs_call_name(insn) && insn->func)	/* dev->ops->read(...) */
			ir_set_call_target(x->fn, value(x, insn->func));
		return;
	}
	case OP_COPY: case OP_PTRCAST: case OP_UTPTR: case OP_PTRTU: case OP_ZEXT:
	case OP_SEXT: case OP_TRUNC: case OP_FCVTU: case OP_FCVTS: case OP_UCVTF:
	case OP_SCVTF: case OP_FCVTF: case OP_SYMADDR:
		if (dst)
			ir_copy(x->fn, dst, value(x, insn->src), l);
		return;
	case OP_PHISOURCE:
		if (dst)
			ir_copy(x->fn, dst, value(x, insn->phi_src), l);
		return;
	case OP_PHI: {
		int n = ptr_list_size((struct ptr_list *)insn->phi_list), i = 0;
		int args[n > 0 ? n : 1];
		pseudo_t phi;

		FOR_EACH_PTR(insn->phi_list, phi) {
			if (i < n)
				args[i++] = value(x, phi);
		} END_FOR_EACH_PTR(phi);
		if (dst)
			ir_phi(x->fn, dst, args, (unsigned int)i, l);
		return;
	}
	case OP_SEL:
		if (dst)
			ir_select(x->fn, dst, value(x, insn->src1), value(x, insn->src2),
				  value(x, insn->src3), l);
		return;
	case OP_ADD:
		if (dst)
			add(x, insn, dst, l);
		return;
	case OP_NOT: case OP_NEG:
		if (dst) {
			ir_arith(x->fn, dst, IRA_NOT, IRC_NONE, value(x, insn->src), 0, l);
			ir_set_width(x->fn, insn->size, true);
		}
		return;
	case OP_CBR:
		ir_branch(x->fn, IRC_NE, value(x, insn->cond), ir_const(x->fn, 0), l);
		return;
	case OP_RET:
		ir_return(x->fn, value(x, insn->src), l);
		return;
	case OP_SWITCH:
		lower_switch(x, insn, l);
		return;
	default:
		if (!dst)
			return;
		if (insn->opcode >= OP_BINARY && insn->opcode <= OP_BINARY_END) {
			ir_arith(x->fn, dst, arith(insn->opcode), IRC_NONE, value(x, insn->src1),
				 value(x, insn->src2), l);
			ir_set_width(x->fn, insn->size, true);
		} else if (insn->opcode >= OP_BINCMP && insn->opcode <= OP_BINCMP_END) {
			ir_arith(x->fn, dst, IRA_CMP, comparison(insn->opcode), value(x, insn->src1),
				 value(x, insn->src2), l);
			ir_set_width(x->fn, insn->itype && insn->itype->bit_size > 0 ?
					    (unsigned int)insn->itype->bit_size : 0,
				     insn->opcode == OP_SET_B || insn->opcode == OP_SET_BE ||
				     insn->opcode == OP_SET_A || insn->opcode == OP_SET_AE);
		} else
			ir_arith(x->fn, dst, IRA_OTHER, IRC_NONE, 0, 0, l);
		return;
	}
}

static void successors(struct sx *x, int ib, struct instruction *last)
{
	struct multijmp *jmp;

	if (!last)
		return;
	switch (last->opcode) {
	case OP_CBR:
		if (block(x, last->bb_true) >= 0)
			ir_succ(x->fn, ib, block(x, last->bb_true));
		if (block(x, last->bb_false) >= 0)
			ir_succ(x->fn, ib, block(x, last->bb_false));
		return;
	case OP_BR:
		if (block(x, last->bb_true) >= 0)
			ir_succ(x->fn, ib, block(x, last->bb_true));
		return;
	case OP_SWITCH:
		FOR_EACH_PTR(last->multijmp_list, jmp) {
			if (block(x, jmp->target) >= 0)
				ir_succ(x->fn, ib, block(x, jmp->target));
		} END_FOR_EACH_PTR(jmp);
		return;
	default:
		return;
	}
}

/* The function whose address an initializer's value is (`vnd_read_cmd`, `&vnd_read_cmd`,
 * through casts), NULL if none. */
static struct symbol *function_address(struct expression *e)
{
	for (int depth = 0; e && depth < 8; depth++) {
		struct symbol *base;

		switch (e->type) {
		case EXPR_CAST: case EXPR_FORCE_CAST: case EXPR_IMPLIED_CAST:
			e = e->cast_expression;
			continue;
		case EXPR_PREOP:
			if (e->op != '&')
				return NULL;
			e = e->unop;
			continue;
		case EXPR_SYMBOL:
			base = e->symbol ? dmcs_base(e->symbol) : NULL;
			return base && base->type == SYM_FN && e->symbol->ident ? e->symbol : NULL;
		default:
			return NULL;
		}
	}
	return NULL;
}

/* Each function address in an initializer of an object of type `type`, at byte `off`: the
 * member it sits in (descend()) is record.field. */
static void fnptr_inits(struct symbol *type, struct expression *e, long long off, int depth)
{
	struct expression *entry;
	struct symbol *fn;
	struct ir_step steps[16];
	unsigned int n = 0;

	if (!e || depth > 8)
		return;
	if (e->type == EXPR_INITIALIZER) {
		FOR_EACH_PTR(e->expr_list, entry) {
			if (entry && entry->type == EXPR_POS)
				fnptr_inits(type, entry->init_expr, off + entry->init_offset,
					    depth + 1);
		} END_FOR_EACH_PTR(entry);
		return;
	}
	fn = function_address(e);
	if (fn && descend(type, off, 0, steps, &n, 0) && n && n <= 16)
		analysis_fnptr_init(steps[n - 1].record, steps[n - 1].field, dmcs_ident(fn->ident));
}

void sparse_ir_fnptr_inits(struct symbol *sym)
{
	struct symbol *type = dmcs_base(sym);

	if (type && type->type != SYM_FN && sym->initializer)
		fnptr_inits(type, sym->initializer, 0, 0);
}

struct ir_fn *sparse_to_ir(struct entrypoint *ep)
{
	struct symbol *fnsym = ep->name ? dmcs_base(ep->name) : NULL, *arg;
	struct basic_block *bb;
	struct sx x;
	int nparams = 0;

	memset(&x, 0, sizeof(x));
	x.ep = ep;
	if (fnsym && fnsym->type == SYM_FN)
		FOR_EACH_PTR(fnsym->arguments, arg) {
			(void)arg;
			nparams++;
		} END_FOR_EACH_PTR(arg);
	x.fn = ir_fn_new(ep->name && ep->name->ident ? dmcs_ident(ep->name->ident) : "", nparams,
			 dmcs_loc(ep->name ? ep->name->pos : ep->entry->pos, LOC_PLAIN));
	/* not static, and not a header's extern gnu_inline body (fortify's memcpy) */
	x.fn->is_public = ep->name && !(ep->name->ctype.modifiers & MOD_STATIC) &&
			  (ep->name->ctype.modifiers & (MOD_EXTERN | MOD_GNU_INLINE)) !=
			  (MOD_EXTERN | MOD_GNU_INLINE);
	FOR_EACH_PTR(ep->bbs, bb) {
		long ib = ir_block(x.fn);

		amap_put(&x.bbs, &bb, sizeof(bb), ib);
	} END_FOR_EACH_PTR(bb);
	FOR_EACH_PTR(ep->bbs, bb) {
		struct instruction *insn, *last = NULL;
		int ib = block(&x, bb);

		ir_begin_block(x.fn, ib);
		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb)
				continue;
			instruction(&x, insn);
			last = insn;
		} END_FOR_EACH_PTR(insn);
		successors(&x, ib, last);
	} END_FOR_EACH_PTR(bb);
	amap_clear(&x.vals);
	amap_clear(&x.objs);
	amap_clear(&x.bbs);
	return x.fn;
}
