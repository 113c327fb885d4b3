// SPDX-License-Identifier: GPL-2.0
/*
 * flow.c - where may a value of one function come from? A flow-insensitive may-analysis
 * over GIMPLE in SSA form, iterated to a fixed point.
 *
 * Origins (dmacheck.h): the address of an object of this function's frame (locals and
 * parameters, through members, array elements, casts and pointer arithmetic), &x->dev of a
 * struct usb_interface or usb_device, memory from a non-coherent or coherent allocator
 * (rules/dma-apis.def DMA_ALLOC), and the function's parameters (for the summaries).
 *
 * Values are followed through SSA copies, conversions, pointer arithmetic, integer
 * arithmetic on converted pointers (alignment tricks), conditional expressions and PHIs,
 * and through local variables and members of local aggregates that live in memory (at -O0,
 * or when their address is taken), and members reached through one pointer (priv->buf =
 * kmalloc(...); ... use(priv->buf)): a store to such a place is seen by every load from it.
 *
 * Limits: memory reached through a pointer is followed only member by member of the same
 * pointer (no aliasing between two pointers, no array elements, nothing across calls); values
 * returned by calls are unknown except for allocators;
 * more than MAX_TRACKED_PARAMS parameters are not tracked.
 */
#include "dmacheck.h"

struct flow {
	function *fun;
	tree fndecl;
	hash_map<tree, unsigned> *index;	/* SSA name, local decl or local member -> vals */
	vec<origin> vals;
};

tree flow_fndecl(const struct flow *flow)
{
	return flow->fndecl;
}

int flow_param_index(const struct flow *flow, const_tree parm)
{
	int i = 0;

	if (!parm || TREE_CODE(parm) != PARM_DECL)
		return -1;
	for (tree p = DECL_ARGUMENTS(flow->fndecl); p; p = DECL_CHAIN(p), i++)
		if (p == parm)
			return i < MAX_TRACKED_PARAMS ? i : -1;
	return -1;
}

static bool merge(struct origin *dst, const struct origin *src)
{
	unsigned int kinds = dst->kinds | src->kinds;
	unsigned HOST_WIDE_INT params = dst->params | src->params;
	bool changed = kinds != dst->kinds || params != dst->params;

	dst->kinds = kinds;
	dst->params = params;
	if (!dst->stack_decl && src->stack_decl) {
		dst->stack_decl = src->stack_decl;
		changed = true;
	}
	return changed;
}

static bool is_frame_object(const struct flow *flow, const_tree base)
{
	return base && (TREE_CODE(base) == VAR_DECL || TREE_CODE(base) == PARM_DECL ||
			TREE_CODE(base) == RESULT_DECL) &&
	       auto_var_in_fn_p(base, flow->fndecl);
}

/* Name the object a pointer value points to, after SSA copies and conversions: a parameter
 * or a local's value on entry ("P<uid>"), what a local variable held ("V<uid>", at -O0 where
 * the pointer is reloaded from its slot at each use), or else the SSA name ("S<version>"). */
static void pointer_root(tree ptr, char *buf, size_t len)
{
	for (int depth = 0; TREE_CODE(ptr) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(ptr) &&
			    depth < 16; depth++) {
		gimple *def = SSA_NAME_DEF_STMT(ptr);

		if (!is_gimple_assign(def) ||
		    !(gimple_assign_single_p(def) ||
		      CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))))
			break;
		ptr = gimple_assign_rhs1(def);
	}
	if (TREE_CODE(ptr) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF(ptr) && SSA_NAME_VAR(ptr))
		snprintf(buf, len, "P%u", DECL_UID(SSA_NAME_VAR(ptr)));
	else if (TREE_CODE(ptr) == SSA_NAME)
		snprintf(buf, len, "S%u", SSA_NAME_VERSION(ptr));
	else if (DECL_P(ptr))
		snprintf(buf, len, "V%u", DECL_UID(ptr));
	else
		buf[0] = 0;
}

/* The member path of `ref` from a pointer ("P12->34.56"), false if it is not one. */
static bool member_path(tree ref, char *buf, size_t len, int depth)
{
	size_t used;

	if (depth > 8)
		return false;
	switch (TREE_CODE(ref)) {
	case COMPONENT_REF:
		if (!member_path(TREE_OPERAND(ref, 0), buf, len, depth + 1))
			return false;
		used = strlen(buf);
		snprintf(buf + used, len - used, ".%u", DECL_UID(TREE_OPERAND(ref, 1)));
		return true;
	case MEM_REF:
		if (!integer_zerop(TREE_OPERAND(ref, 1)))
			return false;
		pointer_root(TREE_OPERAND(ref, 0), buf, len);
		return buf[0] != 0;
	default:
		return false;
	}
}

/* The key a memory place of this function is tracked under, NULL_TREE if it is not one:
 * a local variable, a member of a local aggregate (keyed by its FIELD_DECL), or a member
 * reached through a pointer (priv->buf, dev->ctrl.data: keyed by the pointer's root and
 * the member path, interned as an identifier). */
static tree local_place(const struct flow *flow, tree t)
{
	char path[128] = "";

	if (TREE_CODE(t) == VAR_DECL && is_frame_object(flow, t))
		return t;
	if (TREE_CODE(t) != COMPONENT_REF)
		return NULL_TREE;
	if (is_frame_object(flow, get_base_address(t)))
		return TREE_OPERAND(t, 1);
	if (member_path(t, path, sizeof(path), 0))
		return get_identifier(path);
	return NULL_TREE;
}

static const struct origin *lookup(const struct flow *flow, tree key)
{
	unsigned *i = flow->index->get(key);

	return i ? &flow->vals[*i] : NULL;
}

static bool add(struct flow *flow, tree key, const struct origin *o)
{
	unsigned *i;

	if (!o->kinds && !o->params)
		return false;
	i = flow->index->get(key);
	if (!i) {
		struct origin zero = { 0, 0, NULL_TREE };

		flow->vals.safe_push(zero);
		flow->index->put(key, flow->vals.length() - 1);
		i = flow->index->get(key);
	}
	return merge(&flow->vals[*i], o);
}

/* Is `ref` (the operand of an ADDR_EXPR) the `dev` member of a USB device or interface? */
static bool is_usb_dev_member(tree ref)
{
	const char *rec;

	if (TREE_CODE(ref) != COMPONENT_REF || strcmp(decl_name(TREE_OPERAND(ref, 1)), "dev"))
		return false;
	rec = record_name(TREE_TYPE(TREE_OPERAND(ref, 0)));
	return rec && (!strcmp(rec, "usb_interface") || !strcmp(rec, "usb_device"));
}

static struct origin address_origin(const struct flow *flow, tree ref)
{
	struct origin o = { 0, 0, NULL_TREE };
	tree base = get_base_address(ref);

	if (is_usb_dev_member(ref))
		o.kinds |= O_USBDEV;
	if (!base)
		return o;
	if (is_frame_object(flow, base)) {
		o.kinds |= O_STACK | O_NONCOH;
		o.stack_decl = base;
	} else if (TREE_CODE(base) == VAR_DECL && (TREE_STATIC(base) || DECL_EXTERNAL(base))) {
		o.kinds |= O_NONCOH;
	} else if (TREE_CODE(base) == MEM_REF || TREE_CODE(base) == TARGET_MEM_REF) {
		/* &p->member, &p[i]: wherever p points */
		struct origin inner = flow_origin(flow, TREE_OPERAND(base, 0));

		inner.kinds &= ~O_USBDEV;	/* &intf->dev->x is not the device itself */
		merge(&o, &inner);
	}
	return o;
}

struct origin flow_origin(const struct flow *flow, tree t)
{
	struct origin o = { 0, 0, NULL_TREE };
	const struct origin *known;
	tree key;

	if (!t)
		return o;
	switch (TREE_CODE(t)) {
	case SSA_NAME:
		if (SSA_NAME_IS_DEFAULT_DEF(t)) {
			int idx = flow_param_index(flow, SSA_NAME_VAR(t));

			if (idx >= 0)
				o.params |= HOST_WIDE_INT_1U << idx;
		}
		known = lookup(flow, t);
		if (known)
			merge(&o, known);
		return o;
	case ADDR_EXPR:
		return address_origin(flow, TREE_OPERAND(t, 0));
	case PARM_DECL: {
		int idx = flow_param_index(flow, t);

		if (idx >= 0)
			o.params |= HOST_WIDE_INT_1U << idx;
	}
		/* fall through: a parameter that lives in memory may be stored to */
	case VAR_DECL:
	case COMPONENT_REF:
		key = local_place(flow, t);
		known = key ? lookup(flow, key) : NULL;
		if (known)
			merge(&o, known);
		return o;
	CASE_CONVERT:
	case VIEW_CONVERT_EXPR:
		return flow_origin(flow, TREE_OPERAND(t, 0));
	default:
		return o;
	}
}

/* The origin of what an assignment computes, from its operands. */
static struct origin assign_origin(const struct flow *flow, gimple *stmt)
{
	enum tree_code code = gimple_assign_rhs_code(stmt);
	struct origin o = { 0, 0, NULL_TREE }, b;

	switch (get_gimple_rhs_class(code)) {
	case GIMPLE_SINGLE_RHS:
		return flow_origin(flow, gimple_assign_rhs1(stmt));
	case GIMPLE_UNARY_RHS:
		if (CONVERT_EXPR_CODE_P(code) || code == VIEW_CONVERT_EXPR)
			return flow_origin(flow, gimple_assign_rhs1(stmt));
		return o;
	case GIMPLE_BINARY_RHS:
		switch (code) {
		case POINTER_PLUS_EXPR:
			return flow_origin(flow, gimple_assign_rhs1(stmt));
		case PLUS_EXPR:
		case MINUS_EXPR:
		case BIT_AND_EXPR:
		case BIT_IOR_EXPR:
		case MIN_EXPR:
		case MAX_EXPR:
			/* (void *)(((unsigned long)buf + 3) & ~3UL) still points into buf */
			o = flow_origin(flow, gimple_assign_rhs1(stmt));
			b = flow_origin(flow, gimple_assign_rhs2(stmt));
			merge(&o, &b);
			return o;
		default:
			return o;
		}
	case GIMPLE_TERNARY_RHS:
		if (code == COND_EXPR) {
			o = flow_origin(flow, gimple_assign_rhs2(stmt));
			b = flow_origin(flow, gimple_assign_rhs3(stmt));
			merge(&o, &b);
		}
		return o;
	default:
		return o;
	}
}

/* One round over the function; true if anything changed. */
static bool propagate(struct flow *flow)
{
	bool changed = false;
	basic_block bb;

	FOR_EACH_BB_FN(bb, flow->fun) {
		for (gphi_iterator gpi = gsi_start_phis(bb); !gsi_end_p(gpi); gsi_next(&gpi)) {
			gphi *phi = gpi.phi();
			struct origin o = { 0, 0, NULL_TREE };

			for (unsigned int i = 0; i < gimple_phi_num_args(phi); i++) {
				struct origin a = flow_origin(flow, gimple_phi_arg_def(phi, i));

				merge(&o, &a);
			}
			changed |= add(flow, gimple_phi_result(phi), &o);
		}
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			struct origin o = { 0, 0, NULL_TREE };
			tree lhs, key;
			enum dma_mem mem;

			if (is_gimple_assign(stmt)) {
				lhs = gimple_assign_lhs(stmt);
				o = assign_origin(flow, stmt);
			} else if (is_gimple_call(stmt) && gimple_call_lhs(stmt) &&
				   dma_alloc_kind(call_name(stmt), &mem)) {
				lhs = gimple_call_lhs(stmt);
				o.kinds = mem == MEM_COHERENT ? O_COHERENT : O_NONCOH;
			} else {
				continue;
			}
			if (TREE_CODE(lhs) == SSA_NAME)
				changed |= add(flow, lhs, &o);
			else if ((key = local_place(flow, lhs)))
				changed |= add(flow, key, &o);
		}
	}
	return changed;
}

struct flow *flow_analyze(function *fun)
{
	struct flow *flow = XNEW(struct flow);

	flow->fun = fun;
	flow->fndecl = fun->decl;
	flow->index = new hash_map<tree, unsigned>;
	flow->vals = vNULL;
	/* each round can only add bits; the bound is a guard against a bug, not a limit that
	 * real code reaches (chains are resolved a link per round at worst) */
	for (int round = 0; round < 64 && propagate(flow); round++)
		;
	return flow;
}

void flow_free(struct flow *flow)
{
	delete flow->index;
	flow->vals.release();
	XDELETE(flow);
}
