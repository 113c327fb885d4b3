// SPDX-License-Identifier: GPL-2.0
/*
 * check-urb-dma.c - the two rules about an URB's own DMA handle, judged per function:
 *
 *   urb-dma-flag-missing    the function sets the URB up (usb_fill_*_urb: ROLE_URB, or by
 *                           hand: a store to urb->pipe, or transfer_flags assigned whole), stores
 *                           its transfer_dma (directly, or by passing &urb->transfer_dma to
 *                           an allocator: ROLE_HANDLE_OUT) and sets URB_NO_TRANSFER_DMA_MAP
 *                           on it on no path. The HCD then ignores the handle and maps the
 *                           buffer again. A function that only refreshes the handle of an URB
 *                           set up elsewhere (cdc-acm's acm_start_wb()) is not judged: the
 *                           flag was set where the URB was filled.
 *   urb-dma-handle-missing  the function sets URB_NO_TRANSFER_DMA_MAP on an URB whose
 *                           transfer buffer it gave non-coherent memory (DMA_ALLOC
 *                           MEM_NONCOHERENT, the stack, a static) and stores no handle. The
 *                           HCD then DMAs to whatever transfer_dma holds.
 *
 * "That URB": URBs are told apart by how the function reaches them, after local copies and
 * casts: a parameter, a local, or a member path (dev->urb, dev->urbs[i], *(urbs + i) -- all
 * elements of an array are one URB here). Flag values are followed through SSA: a constant with the
 * bit, or an OR with one, sets it; the URB's own old flags (`|=`, `&= ~`) do not; any other
 * value the function cannot see (a load, a parameter) may set it, so urb-dma-flag-missing
 * stays silent on it.
 *
 * Limits: an URB set up across several functions (handle here, flags there) is judged per
 * function and may be reported; the flag bit and field names come from rules/dma-apis.def.
 */
#include "dmacheck.h"

enum tri { T_NO, T_YES, T_MAYBE };

struct urb_use {
	char key[160];
	location_t dma_loc;		/* first handle store, UNKNOWN_LOCATION if none */
	location_t flag_loc;		/* first store that sets the flag */
	enum tri flag;
	unsigned int buf_kinds;		/* O_NONCOH / O_COHERENT of what went to transfer_buffer */
	bool filled;			/* usb_fill_*_urb() set it up in this function */
};

static vec<urb_use> uses;

static unsigned HOST_WIDE_INT no_dma_map_flag(void)
{
	return dma_flag_value("URB_NO_TRANSFER_DMA_MAP");
}

/* ---- naming an URB ------------------------------------------------------------------- */

static void append(char *buf, size_t len, const char *fmt, ...) ATTRIBUTE_PRINTF_3;
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

static void ref_key(const struct flow *flow, tree ref, char *buf, size_t len, int depth);

/* How the function reaches the URB a pointer value points to. */
static void ptr_key(const struct flow *flow, tree ptr, char *buf, size_t len, int depth)
{
	while (TREE_CODE(ptr) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(ptr) && depth < 16) {
		gimple *def = SSA_NAME_DEF_STMT(ptr);
		tree rhs;

		if (!is_gimple_assign(def))
			break;
		rhs = gimple_assign_rhs1(def);
		if (gimple_assign_single_p(def) && TREE_CODE(rhs) != SSA_NAME) {
			if (TREE_CODE(rhs) == ADDR_EXPR)
				break;
			ref_key(flow, rhs, buf, len, depth + 1);	/* a load */
			return;
		}
		if (gimple_assign_rhs_code(def) == POINTER_PLUS_EXPR) {
			ptr_key(flow, rhs, buf, len, depth + 1);	/* base + i: an element */
			append(buf, len, "[]");
			return;
		}
		if (!gimple_assign_single_p(def) && !CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)))
			break;
		ptr = rhs;
		depth++;
	}
	if (TREE_CODE(ptr) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF(ptr) && SSA_NAME_VAR(ptr))
		append(buf, len, "%s", decl_name(SSA_NAME_VAR(ptr)));
	else if (TREE_CODE(ptr) == SSA_NAME)
		append(buf, len, "_%u", SSA_NAME_VERSION(ptr));
	else
		ref_key(flow, ptr, buf, len, depth + 1);
}

static void ref_key(const struct flow *flow, tree ref, char *buf, size_t len, int depth)
{
	if (depth > 16) {
		append(buf, len, "?");
		return;
	}
	switch (TREE_CODE(ref)) {
	case COMPONENT_REF:
		ref_key(flow, TREE_OPERAND(ref, 0), buf, len, depth + 1);
		append(buf, len, ".%s", decl_name(TREE_OPERAND(ref, 1)));
		return;
	case ARRAY_REF:
		ref_key(flow, TREE_OPERAND(ref, 0), buf, len, depth + 1);
		append(buf, len, "[]");
		return;
	case MEM_REF:
		append(buf, len, "*");
		ptr_key(flow, TREE_OPERAND(ref, 0), buf, len, depth + 1);
		return;
	case VAR_DECL:
	case PARM_DECL:
		append(buf, len, "%s#%u", decl_name(ref), DECL_UID(ref));
		return;
	case SSA_NAME:
		ptr_key(flow, ref, buf, len, depth + 1);
		return;
	default:
		append(buf, len, "?%s", get_tree_code_name(TREE_CODE(ref)));
		return;
	}
}

static urb_use *use_of(const struct flow *flow, tree urb_ptr)
{
	char key[sizeof(((urb_use *)0)->key)] = "";
	unsigned int i;
	urb_use *u;

	ptr_key(flow, urb_ptr, key, sizeof(key), 0);
	FOR_EACH_VEC_ELT(uses, i, u)
		if (!strcmp(u->key, key))
			return u;
	uses.safe_push(urb_use());
	u = &uses.last();
	memset(u, 0, sizeof(*u));
	strcpy(u->key, key);
	u->dma_loc = UNKNOWN_LOCATION;
	u->flag_loc = UNKNOWN_LOCATION;
	return u;
}

/* If `ref` is urb->field of a struct urb, the URB pointer, else NULL_TREE. */
static tree urb_member(tree ref, const char *field)
{
	tree obj;

	if (TREE_CODE(ref) != COMPONENT_REF || strcmp(decl_name(TREE_OPERAND(ref, 1)), field))
		return NULL_TREE;
	obj = TREE_OPERAND(ref, 0);
	if (!record_name(TREE_TYPE(obj)) || strcmp(record_name(TREE_TYPE(obj)), "urb"))
		return NULL_TREE;
	if (TREE_CODE(obj) == MEM_REF && integer_zerop(TREE_OPERAND(obj, 1)))
		return TREE_OPERAND(obj, 0);
	return build_fold_addr_expr(obj);	/* a struct urb that is not reached by pointer */
}

/* ---- flag values ---------------------------------------------------------------------- */

static enum tri has_flag(const struct flow *flow, const char *urb_key, tree v, int depth)
{
	gimple *def;
	enum tri a, b;

	if (TREE_CODE(v) == INTEGER_CST)
		return (TREE_INT_CST_LOW(v) & no_dma_map_flag()) ? T_YES : T_NO;
	if (TREE_CODE(v) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(v) || depth > 12)
		return T_MAYBE;
	def = SSA_NAME_DEF_STMT(v);
	/* The old value in `urb->transfer_flags |= URB_ZERO_PACKET`: storing it back sets
	 * nothing. Whether an earlier function set the flag is not this function's doing.
	 * Another URB's flags (out->transfer_flags = in->transfer_flags) may hold it. */
	if (gimple_assign_single_p(def)) {
		tree other = urb_member(gimple_assign_rhs1(def), "transfer_flags");
		char key[sizeof(((urb_use *)0)->key)] = "";

		if (other) {
			ptr_key(flow, other, key, sizeof(key), 0);
			return strcmp(key, urb_key) ? T_MAYBE : T_NO;
		}
	}
	if (gimple_code(def) == GIMPLE_PHI) {
		enum tri any = T_NO;

		for (unsigned int i = 0; i < gimple_phi_num_args(def); i++) {
			enum tri t = has_flag(flow, urb_key, gimple_phi_arg_def(def, i), depth + 1);

			if (t == T_YES)
				return T_YES;	/* set on some path */
			if (t == T_MAYBE)
				any = T_MAYBE;
		}
		return any;
	}
	if (!is_gimple_assign(def))
		return T_MAYBE;
	switch (gimple_assign_rhs_code(def)) {
	case BIT_IOR_EXPR:
	case BIT_XOR_EXPR:
		a = has_flag(flow, urb_key, gimple_assign_rhs1(def), depth + 1);
		b = has_flag(flow, urb_key, gimple_assign_rhs2(def), depth + 1);
		return a == T_YES || b == T_YES ? T_YES : (a == T_MAYBE || b == T_MAYBE ? T_MAYBE : T_NO);
	case BIT_AND_EXPR:
		a = has_flag(flow, urb_key, gimple_assign_rhs1(def), depth + 1);
		b = has_flag(flow, urb_key, gimple_assign_rhs2(def), depth + 1);
		return a == T_NO || b == T_NO ? T_NO : (a == T_YES && b == T_YES ? T_YES : T_MAYBE);
	CASE_CONVERT:
	case SSA_NAME:
		return has_flag(flow, urb_key, gimple_assign_rhs1(def), depth + 1);
	default:
		if (gimple_assign_single_p(def) && TREE_CODE(gimple_assign_rhs1(def)) == INTEGER_CST)
			return has_flag(flow, urb_key, gimple_assign_rhs1(def), depth + 1);
		return T_MAYBE;
	}
}

/* ---- statements ----------------------------------------------------------------------- */

static void note_handle(urb_use *u, location_t loc)
{
	if (u->dma_loc == UNKNOWN_LOCATION)
		u->dma_loc = loc;
}

/* Does the stored flag value keep bits of the old one (`|=`, `&=`), or replace them all? */
static bool keeps_old_flags(tree v, int depth)
{
	gimple *def;

	if (TREE_CODE(v) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(v) || depth > 12)
		return false;
	def = SSA_NAME_DEF_STMT(v);
	if (gimple_code(def) == GIMPLE_PHI) {
		for (unsigned int i = 0; i < gimple_phi_num_args(def); i++)
			if (keeps_old_flags(gimple_phi_arg_def(def, i), depth + 1))
				return true;
		return false;
	}
	if (!is_gimple_assign(def))
		return false;
	if (gimple_assign_single_p(def))
		return urb_member(gimple_assign_rhs1(def), "transfer_flags") != NULL_TREE;
	return keeps_old_flags(gimple_assign_rhs1(def), depth + 1) ||
	       (gimple_num_ops(def) > 2 && keeps_old_flags(gimple_assign_rhs2(def), depth + 1));
}

static void urb_store(const struct flow *flow, gimple *stmt)
{
	tree lhs = gimple_assign_lhs(stmt), urb;
	tree rhs = gimple_assign_single_p(stmt) ? gimple_assign_rhs1(stmt) : NULL_TREE;
	location_t loc = gimple_location(stmt);

	if (!rhs)
		return;
	if ((urb = urb_member(lhs, "transfer_dma"))) {
		if (!integer_zerop(rhs))
			note_handle(use_of(flow, urb), loc);
	} else if ((urb = urb_member(lhs, "transfer_flags"))) {
		urb_use *u = use_of(flow, urb);
		enum tri t = has_flag(flow, u->key, rhs, 0);

		if (t > u->flag)
			u->flag = t;
		if (t == T_YES && u->flag_loc == UNKNOWN_LOCATION)
			u->flag_loc = loc;
		/* urb->transfer_flags = URB_ISO_ASAP: all flags are decided here, as by hand-
		 * written isochronous set-up (ttusbir, dvb-usb's usb-urb.c) */
		if (!keeps_old_flags(rhs, 0))
			u->filled = true;
	} else if ((urb = urb_member(lhs, "pipe"))) {
		use_of(flow, urb)->filled = true;	/* set up by hand, not by usb_fill_* */
	} else if ((urb = urb_member(lhs, "transfer_buffer"))) {
		use_of(flow, urb)->buf_kinds |= flow_origin(flow, rhs).kinds;
	}
}

/* The ADDR_EXPR a call argument is: GIMPLE computes &urb->transfer_dma into a temporary. */
static tree address_value(tree arg)
{
	if (TREE_CODE(arg) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(arg)) {
		gimple *def = SSA_NAME_DEF_STMT(arg);

		if (gimple_assign_single_p(def))
			arg = gimple_assign_rhs1(def);
	}
	return TREE_CODE(arg) == ADDR_EXPR ? arg : NULL_TREE;
}

static void urb_call(const struct flow *flow, gimple *stmt)
{
	unsigned int n, nargs = gimple_call_num_args(stmt);
	const struct dma_api *rows = dma_api_rows(call_name(stmt), &n);
	tree urb = NULL_TREE, buf = NULL_TREE;

	for (unsigned int i = 0; i < n; i++) {
		if (rows[i].arg > nargs)
			continue;
		tree arg = gimple_call_arg(stmt, rows[i].arg - 1);

		if (rows[i].role == ROLE_URB)
			urb = arg;
		else if (rows[i].role == ROLE_DMA_BUF)
			buf = arg;
		else if (rows[i].role == ROLE_HANDLE_OUT) {
			tree addr = address_value(arg);
			tree owner = addr ? urb_member(TREE_OPERAND(addr, 0), "transfer_dma") : NULL;

			if (owner)
				note_handle(use_of(flow, owner), gimple_location(stmt));
		}
	}
	if (urb) {		/* usb_fill_*_urb(urb, ..., buf, ...) */
		urb_use *u = use_of(flow, urb);

		u->filled = true;
		if (buf)
			u->buf_kinds |= flow_origin(flow, buf).kinds;
	}
}

static void urb_stmt(const struct flow *flow, gimple *stmt)
{
	if (is_gimple_assign(stmt))
		urb_store(flow, stmt);
	else if (is_gimple_call(stmt))
		urb_call(flow, stmt);
}

static void urb_function_end(const struct flow *flow)
{
	unsigned int i;
	urb_use *u;

	(void)flow;
	FOR_EACH_VEC_ELT(uses, i, u) {
		if (u->filled && u->dma_loc != UNKNOWN_LOCATION && u->flag == T_NO) {
			if (report(RULE_URB_DMA_FLAG_MISSING, u->dma_loc))
				report_note(u->dma_loc, "without URB_NO_TRANSFER_DMA_MAP the host "
					    "controller ignores this handle and maps the buffer "
					    "again");
		} else if (u->dma_loc == UNKNOWN_LOCATION && u->flag == T_YES &&
			   (u->buf_kinds & O_NONCOH) && !(u->buf_kinds & O_COHERENT)) {
			if (report(RULE_URB_DMA_HANDLE_MISSING, u->flag_loc))
				report_note(u->flag_loc, "the transfer buffer is not coherent DMA "
					    "memory and transfer_dma was never set: the host "
					    "controller DMAs to whatever transfer_dma holds");
		}
	}
	uses.truncate(0);
}

static void urb_unit_end(void)
{
	uses.release();
}

const struct dmacheck_check check_urb_dma = {
	"urb-dma", urb_stmt, urb_function_end, urb_unit_end,
};
