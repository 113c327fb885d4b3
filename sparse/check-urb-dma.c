// SPDX-License-Identifier: GPL-2.0
/*
 * check-urb-dma.c - the two rules about an URB's own DMA handle, judged per function, with
 * the semantics of plugin/check-urb-dma.c:
 *
 *   urb-dma-flag-missing    the function sets the URB up (usb_fill_*_urb: ROLE_URB, or by
 *                           hand: a store to urb->pipe, or transfer_flags assigned whole),
 *                           stores its transfer_dma (directly, or by passing
 *                           &urb->transfer_dma to an allocator: ROLE_HANDLE_OUT) and sets
 *                           URB_NO_TRANSFER_DMA_MAP on it on no path. A function that only
 *                           refreshes the handle of an URB set up elsewhere is not judged.
 *   urb-dma-handle-missing  the function sets URB_NO_TRANSFER_DMA_MAP on an URB whose
 *                           transfer buffer it gave non-coherent memory (DMA_ALLOC
 *                           MEM_NONCOHERENT, the stack, a static) and stores no handle.
 *
 * "That URB": URBs are told apart by how the function reaches them, after copies, casts and
 * constant offsets: a parameter, a local, a load through a pointer (dev->urb), an element
 * (dev->urbs[i]: all elements are one URB here). Members are found from sparse's byte
 * offsets and the pointer's type (types.c). Flag values are followed through pseudos and
 * phi nodes: a constant with the bit, or an OR with one, sets it; the URB's own old flags
 * (`|=`, `&= ~`) do not; any other value the function cannot see (a load, a parameter) may
 * set it, so urb-dma-flag-missing stays silent on it.
 *
 * Limits: an URB set up across several functions is judged per function; the flag bit and
 * field names come from rules/dma-apis.def.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dmacheck-sparse.h"
#include "map.h"

enum tri { T_NO, T_YES, T_MAYBE };

struct urb_use {
	char key[160];
	bool have_dma;
	struct position dma_pos;	/* first handle store */
	bool have_flag_pos;
	struct position flag_pos;	/* first store that sets the flag */
	enum tri flag;
	unsigned int buf_kinds;		/* O_NONCOH / O_COHERENT of what went to transfer_buffer */
	bool filled;			/* set up in this function */
};

static struct urb_use *uses;
static size_t nuses, capuses;

/* ---- naming an URB ------------------------------------------------------------------- */

static void append(char *buf, size_t len, const char *fmt, ...) FORMAT_ATTR(3);
static void append(char *buf, size_t len, const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;

	if (used + 1 >= len)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + used, len - used, fmt, ap);
	va_end(ap);
}

/* How the function reaches what pointer `p` + `off` points to. */
static void ptr_key(pseudo_t p, long long off, char *buf, size_t len, int depth)
{
	for (; p && p->type == PSEUDO_REG && p->def && depth < 32; depth++) {
		struct instruction *def = p->def;

		if (def->opcode == OP_ADD && def->src2->type == PSEUDO_VAL) {
			off += def->src2->value;
			p = def->src1;
		} else if (def->opcode == OP_COPY || def->opcode == OP_PTRCAST ||
			   def->opcode == OP_UTPTR || def->opcode == OP_PTRTU ||
			   def->opcode == OP_SYMADDR) {
			p = def->src;
		} else {
			break;
		}
	}
	if (depth >= 32 || !p) {
		append(buf, len, "?");
	} else if (p->type == PSEUDO_REG && p->def && p->def->opcode == OP_LOAD) {
		append(buf, len, "*(");
		ptr_key(p->def->src, p->def->offset, buf, len, depth + 1);
		append(buf, len, ")");
	} else if (p->type == PSEUDO_REG && p->def && p->def->opcode == OP_ADD) {
		ptr_key(p->def->src1, 0, buf, len, depth + 1);	/* base + i: an element */
		append(buf, len, "[]");
	} else if (p->type == PSEUDO_ARG) {
		append(buf, len, "arg%d", p->nr);
	} else if (p->type == PSEUDO_SYM) {
		append(buf, len, "%s@%p", p->sym->ident ? dmcs_ident(p->sym->ident) : "",
		       (void *)p->sym);
	} else {
		append(buf, len, "%%%p", (void *)p);
	}
	if (off)
		append(buf, len, "+%lld", off);
}

static struct urb_use *use_of(const char *key)
{
	struct urb_use *u;

	for (size_t i = 0; i < nuses; i++)
		if (!strcmp(uses[i].key, key))
			return &uses[i];
	if (nuses == capuses) {
		capuses = capuses ? 2 * capuses : 16;
		uses = dmcs_xrealloc(uses, capuses * sizeof(*uses));
	}
	u = &uses[nuses++];
	memset(u, 0, sizeof(*u));
	snprintf(u->key, sizeof(u->key), "%s", key);
	return u;
}

/* If offset[addr] (of `bytes` bytes, 0: any) is urb->`field` of a struct urb, its key. */
static bool urb_member(const struct flow *flow, pseudo_t addr, long long offset,
		       unsigned int bytes, const char *field, char *key, size_t len)
{
	const char *rec, *fld;
	long long rec_offset;

	if (!dmcs_member_at(dmcs_pointee(flow_ep(flow), addr), offset, bytes, &rec, &fld,
			    &rec_offset) || strcmp(rec, "urb") || strcmp(fld, field))
		return false;
	key[0] = 0;
	ptr_key(addr, rec_offset, key, len, 0);
	return true;
}

/* ---- flag values ---------------------------------------------------------------------- */

static enum tri has_flag(const struct flow *flow, const char *urb_key, pseudo_t v, int depth)
{
	struct instruction *def;
	enum tri a, b;
	char key[160];

	if (v == VOID || (v && v->type == PSEUDO_VOID))
		return T_NO;
	if (v && v->type == PSEUDO_VAL)
		return ((unsigned long long)v->value & dma_flag_value("URB_NO_TRANSFER_DMA_MAP")) ?
		       T_YES : T_NO;
	if (!v || (v->type != PSEUDO_REG && v->type != PSEUDO_PHI) || !v->def || depth > 12)
		return T_MAYBE;
	def = v->def;
	switch (def->opcode) {
	case OP_LOAD:
		/* the old value in `urb->transfer_flags |= URB_ZERO_PACKET`: storing it back sets
		 * nothing; whether an earlier function set the flag is not this function's doing.
		 * Another URB's flags (out->transfer_flags = in->transfer_flags) may hold it. */
		if (!urb_member(flow, def->src, def->offset, def->size / 8, "transfer_flags",
				key, sizeof(key)))
			return T_MAYBE;
		return strcmp(key, urb_key) ? T_MAYBE : T_NO;
	case OP_PHISOURCE:
		return has_flag(flow, urb_key, def->phi_src, depth + 1);
	case OP_PHI: {
		enum tri any = T_NO;
		pseudo_t phi;

		FOR_EACH_PTR(def->phi_list, phi) {
			enum tri t = has_flag(flow, urb_key, phi, depth + 1);

			if (t == T_YES)
				return T_YES;	/* set on some path */
			if (t == T_MAYBE)
				any = T_MAYBE;
		} END_FOR_EACH_PTR(phi);
		return any;
	}
	case OP_SEL:
		a = has_flag(flow, urb_key, def->src2, depth + 1);
		b = has_flag(flow, urb_key, def->src3, depth + 1);
		return a == T_YES || b == T_YES ? T_YES : (a == T_MAYBE || b == T_MAYBE ? T_MAYBE : T_NO);
	case OP_OR:
	case OP_XOR:
		a = has_flag(flow, urb_key, def->src1, depth + 1);
		b = has_flag(flow, urb_key, def->src2, depth + 1);
		return a == T_YES || b == T_YES ? T_YES : (a == T_MAYBE || b == T_MAYBE ? T_MAYBE : T_NO);
	case OP_AND:
		a = has_flag(flow, urb_key, def->src1, depth + 1);
		b = has_flag(flow, urb_key, def->src2, depth + 1);
		return a == T_NO || b == T_NO ? T_NO : (a == T_YES && b == T_YES ? T_YES : T_MAYBE);
	case OP_COPY: case OP_ZEXT: case OP_SEXT: case OP_TRUNC:
		return has_flag(flow, urb_key, def->src, depth + 1);
	default:
		return T_MAYBE;
	}
}

/* Does the stored flag value keep bits of the old one (`|=`, `&=`), or replace them all? */
static bool keeps_old_flags(const struct flow *flow, pseudo_t v, int depth)
{
	struct instruction *def;
	char key[160];

	if (!v || (v->type != PSEUDO_REG && v->type != PSEUDO_PHI) || !v->def || depth > 12)
		return false;
	def = v->def;
	switch (def->opcode) {
	case OP_LOAD:
		return urb_member(flow, def->src, def->offset, def->size / 8, "transfer_flags",
				  key, sizeof(key));
	case OP_PHISOURCE:
		return keeps_old_flags(flow, def->phi_src, depth + 1);
	case OP_PHI: {
		pseudo_t phi;

		FOR_EACH_PTR(def->phi_list, phi) {
			if (keeps_old_flags(flow, phi, depth + 1))
				return true;
		} END_FOR_EACH_PTR(phi);
		return false;
	}
	case OP_COPY: case OP_ZEXT: case OP_SEXT: case OP_TRUNC:
	case OP_NOT:
		return keeps_old_flags(flow, def->src, depth + 1);
	case OP_OR: case OP_XOR: case OP_AND:
		return keeps_old_flags(flow, def->src1, depth + 1) ||
		       keeps_old_flags(flow, def->src2, depth + 1);
	case OP_SEL:
		return keeps_old_flags(flow, def->src2, depth + 1) ||
		       keeps_old_flags(flow, def->src3, depth + 1);
	default:
		return false;
	}
}

/* ---- instructions --------------------------------------------------------------------- */

static void note_handle(struct urb_use *u, struct position pos)
{
	if (!u->have_dma) {
		u->have_dma = true;
		u->dma_pos = pos;
	}
}

static void urb_store(const struct flow *flow, struct instruction *insn)
{
	unsigned int bytes = insn->size / 8;
	pseudo_t val = insn->target;
	char key[160];

	if (urb_member(flow, insn->src, insn->offset, bytes, "transfer_dma", key, sizeof(key))) {
		if (!is_zero(val))
			note_handle(use_of(key), dmcs_store_pos(insn->pos));
	} else if (urb_member(flow, insn->src, insn->offset, bytes, "transfer_flags", key,
			      sizeof(key))) {
		struct urb_use *u = use_of(key);
		enum tri t = has_flag(flow, key, val, 0);

		if (t > u->flag)
			u->flag = t;
		if (t == T_YES && !u->have_flag_pos) {
			u->have_flag_pos = true;
			u->flag_pos = dmcs_store_pos(insn->pos);
		}
		/* urb->transfer_flags = URB_ISO_ASAP: all flags are decided here, as by hand-
		 * written isochronous set-up (ttusbir, dvb-usb's usb-urb.c) */
		if (!keeps_old_flags(flow, val, 0))
			u->filled = true;
	} else if (urb_member(flow, insn->src, insn->offset, bytes, "pipe", key, sizeof(key))) {
		use_of(key)->filled = true;	/* set up by hand, not by usb_fill_* */
	} else if (urb_member(flow, insn->src, insn->offset, bytes, "transfer_buffer", key,
			      sizeof(key))) {
		use_of(key)->buf_kinds |= flow_origin(flow, val).kinds;
	}
}

/* &urb->transfer_dma passed to an allocator: the key of that URB. */
static bool handle_address(const struct flow *flow, pseudo_t arg, char *key, size_t len)
{
	struct instruction *def;

	arg = dmcs_strip(arg);
	if (!arg || arg->type != PSEUDO_REG || !arg->def)
		return false;
	def = arg->def;
	if (def->opcode != OP_ADD || def->src2->type != PSEUDO_VAL)
		return false;
	return urb_member(flow, def->src1, def->src2->value, 0, "transfer_dma", key, len);
}

static void urb_call(const struct flow *flow, struct instruction *insn)
{
	unsigned int n, nargs = dmcs_call_nargs(insn);
	const struct dma_api *rows = dma_api_rows(dmcs_call_name(insn), &n);
	pseudo_t urb = NULL, buf = NULL;
	char key[160];

	for (unsigned int i = 0; i < n; i++) {
		pseudo_t arg;

		if (rows[i].arg > nargs)
			continue;
		arg = dmcs_call_arg(insn, rows[i].arg - 1);
		if (rows[i].role == ROLE_URB)
			urb = arg;
		else if (rows[i].role == ROLE_DMA_BUF)
			buf = arg;
		else if (rows[i].role == ROLE_HANDLE_OUT &&
			 handle_address(flow, arg, key, sizeof(key)))
			note_handle(use_of(key), dmcs_call_pos(insn->pos));
	}
	if (urb) {		/* usb_fill_*_urb(urb, ..., buf, ...) */
		struct urb_use *u;

		key[0] = 0;
		ptr_key(urb, 0, key, sizeof(key), 0);
		u = use_of(key);
		u->filled = true;
		if (buf)
			u->buf_kinds |= flow_origin(flow, buf).kinds;
	}
}

static void urb_insn(const struct flow *flow, struct instruction *insn)
{
	if (insn->opcode == OP_STORE)
		urb_store(flow, insn);
	else if (insn->opcode == OP_CALL)
		urb_call(flow, insn);
}

static void urb_function_end(const struct flow *flow)
{
	(void)flow;
	for (size_t i = 0; i < nuses; i++) {
		struct urb_use *u = &uses[i];

		if (u->filled && u->have_dma && u->flag == T_NO) {
			if (report(RULE_URB_DMA_FLAG_MISSING, u->dma_pos))	/* placed already */
				report_note(u->dma_pos, "without URB_NO_TRANSFER_DMA_MAP the host "
					    "controller ignores this handle and maps the buffer "
					    "again");
		} else if (!u->have_dma && u->flag == T_YES &&
			   (u->buf_kinds & O_NONCOH) && !(u->buf_kinds & O_COHERENT)) {
			if (report(RULE_URB_DMA_HANDLE_MISSING, u->flag_pos))
				report_note(u->flag_pos, "the transfer buffer is not coherent DMA "
					    "memory and transfer_dma was never set: the host "
					    "controller DMAs to whatever transfer_dma holds");
		}
	}
	nuses = 0;
}

static void urb_unit_end(void)
{
	free(uses);
	uses = NULL;
	nuses = capuses = 0;
}

const struct dmcs_check check_urb_dma = {
	"urb-dma", urb_insn, urb_function_end, urb_unit_end,
};
