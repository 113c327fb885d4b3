// SPDX-License-Identifier: GPL-2.0
/*
 * gimple-ir.c - GIMPLE (SSA form, before inlining) into the analysis IR (analysis/dmacheck-ir.h).
 *
 *   SSA names          temporaries; a parameter's default definition is the parameter
 *   INTEGER_CST        constants
 *   ADDR_EXPR          IR_ADDR of the place (a function's address is unknown)
 *   memory operands    IR_LOAD / IR_STORE of a place: a declaration (an object: frame or
 *                      static) or a MEM_REF's pointer, plus the constant byte offset of
 *                      COMPONENT_REFs, constant ARRAY_REF indices and MEM_REF offsets, "some
 *                      element" for a variable index, and the member path (record and field
 *                      names as written)
 *   assignments        COPY (conversions), ARITH, SELECT (COND_EXPR); PHIs of real values
 *   calls              IR_CALL by the called declaration's name (NULL through a pointer)
 *   GIMPLE_COND        IR_BRANCH with the comparison; successors from the CFG's edges
 *   GIMPLE_SWITCH      IR_SWITCH with its cases (lower_switch())
 *
 * Locations: a statement's location as GCC has it (a virtual location inside macros);
 * dmacheck.c places a diagnostic at the outermost macro's expansion point when it prints.
 *
 * Nothing here judges: what is a sink, a stack object or an URB is the analysis' business.
 */
#include "dmacheck.h"

struct xlate {
	function *fun;
	struct ir_fn *fn;
	hash_map<tree, int> *vals;	/* SSA name -> value */
	hash_map<tree, int> *objs;	/* declaration -> object */
	hash_map<int_hash<int, -1, -2>, int> *bbs;	/* GCC block index -> IR block */
};

static const char *decl_name(const_tree decl)
{
	return decl && DECL_P(decl) && DECL_NAME(decl) ? IDENTIFIER_POINTER(DECL_NAME(decl)) : "";
}

static const char *record_name(const_tree type)
{
	tree name;

	if (!type)
		return "";
	type = TYPE_MAIN_VARIANT(type);
	if (TREE_CODE(type) != RECORD_TYPE && TREE_CODE(type) != UNION_TYPE)
		return "";
	name = TYPE_NAME(type);
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	return name && TREE_CODE(name) == IDENTIFIER_NODE ? IDENTIFIER_POINTER(name) : "";
}

/*
 * A static initializer's members that hold a function's address (`.read = vnd_read_cmd`),
 * for analysis/indirect.c; nested records and arrays of them are walked too. Called from
 * PLUGIN_FINISH_DECL, while the C front end still has the initializer as written.
 */
static void fnptr_inits(const_tree ctor, int depth)
{
	unsigned HOST_WIDE_INT i;
	tree field, val;

	if (depth > 8)
		return;
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, field, val) {
		if (!val)
			continue;
		STRIP_NOPS(val);
		if (TREE_CODE(val) == CONSTRUCTOR) {
			fnptr_inits(val, depth + 1);
			continue;
		}
		if (field && TREE_CODE(field) == FIELD_DECL && TREE_CODE(val) == ADDR_EXPR &&
		    TREE_CODE(TREE_OPERAND(val, 0)) == FUNCTION_DECL)
			analysis_fnptr_init(record_name(DECL_CONTEXT(field)), decl_name(field),
					    decl_name(TREE_OPERAND(val, 0)));
	}
}

void gimple_ir_decl(const_tree decl)
{
	if (decl && TREE_CODE(decl) == VAR_DECL && DECL_INITIAL(decl) &&
	    TREE_CODE(DECL_INITIAL(decl)) == CONSTRUCTOR)
		fnptr_inits(DECL_INITIAL(decl), 0);
}

ir_loc ir_location(location_t loc)
{
	ir_loc l;

	l.raw = loc;		/* placed when printed (dmacheck.c) */
	return l;
}

location_t gcc_location(ir_loc loc)
{
	return (location_t)loc.raw;
}

static int param_index(const struct xlate *x, const_tree parm)
{
	int i = 0;

	for (tree p = DECL_ARGUMENTS(x->fun->decl); p; p = DECL_CHAIN(p), i++)
		if (p == parm)
			return i;
	return -1;
}

/* Where a declaration's storage is (dmacheck-ir.h): the analysis decides what it means. */
static enum ir_obj_kind storage(const_tree decl, bool frame)
{
	const char *section;

	if (frame)
		return IRO_FRAME;
	if (TREE_CODE(decl) == STRING_CST)
		return IRO_RODATA;
	if (TREE_CODE(decl) != VAR_DECL || DECL_EXTERNAL(decl) || !TREE_STATIC(decl))
		return IRO_STATIC;
	section = DECL_SECTION_NAME(decl);
	if (section && !strncmp(section, ".data..percpu", 13))
		return IRO_STATIC;		/* DEFINE_PER_CPU() */
	return TREE_READONLY(decl) ? IRO_RODATA : IRO_DATA;
}

static int object(struct xlate *x, tree decl)
{
	int *known = x->objs->get(decl);
	bool frame;
	int id;

	if (known)
		return *known;
	frame = (TREE_CODE(decl) == VAR_DECL || TREE_CODE(decl) == PARM_DECL ||
		 TREE_CODE(decl) == RESULT_DECL) && auto_var_in_fn_p(decl, x->fun->decl);
	id = ir_object(x->fn, decl_name(decl),
		       ir_location(DECL_P(decl) ? DECL_SOURCE_LOCATION(decl) : UNKNOWN_LOCATION),
		       storage(decl, frame),
		       TREE_CODE(decl) == PARM_DECL ? param_index(x, decl) : -1);
	x->objs->put(decl, id);
	return id;
}

static int value(struct xlate *x, tree t, location_t loc);

static bool is_memory(const_tree t)
{
	switch (TREE_CODE(t)) {
	case VAR_DECL: case PARM_DECL: case RESULT_DECL: case COMPONENT_REF: case MEM_REF:
	case TARGET_MEM_REF: case ARRAY_REF: case ARRAY_RANGE_REF: case BIT_FIELD_REF:
	case REALPART_EXPR: case IMAGPART_EXPR: case STRING_CST:
		return true;
	case VIEW_CONVERT_EXPR:
		return is_memory(TREE_OPERAND(t, 0));
	default:
		return false;
	}
}

static long long shwi_or_zero(const_tree t, bool *ok)
{
	if (t && TREE_CODE(t) == INTEGER_CST && tree_fits_shwi_p(t))
		return tree_to_shwi(t);
	*ok = false;
	return 0;
}

/* The place a memory reference names; false if it is not one the IR can name. */
static bool place(struct xlate *x, tree ref, struct ir_place *p, location_t loc)
{
	struct ir_step steps[16];
	unsigned int nsteps = 0;
	long long offset = 0;
	bool var = false;
	tree size = TYPE_SIZE_UNIT(TREE_TYPE(ref));

	for (int depth = 0; depth < 64; depth++) {
		bool ok = true;

		switch (TREE_CODE(ref)) {
		case COMPONENT_REF: {
			tree field = TREE_OPERAND(ref, 1);
			long long pos = DECL_FIELD_OFFSET(field) && TREE_CODE(DECL_FIELD_OFFSET(field)) == INTEGER_CST ?
					int_byte_position(field) : -1;

			if (pos < 0) {
				var = true;
				pos = 0;
			}
			offset += pos;
			if (nsteps < 16) {
				steps[nsteps].record = record_name(TREE_TYPE(TREE_OPERAND(ref, 0)));
				steps[nsteps].field = decl_name(field);
				steps[nsteps].offset = pos;
				nsteps++;
			}
			ref = TREE_OPERAND(ref, 0);
			continue;
		}
		case ARRAY_REF:
		case ARRAY_RANGE_REF: {
			tree low = array_ref_low_bound(ref), esize = array_ref_element_size(ref);
			long long idx = shwi_or_zero(TREE_OPERAND(ref, 1), &ok);
			long long lo = shwi_or_zero(low, &ok), es = shwi_or_zero(esize, &ok);

			if (ok)
				offset += (idx - lo) * es;
			else
				var = true;
			ref = TREE_OPERAND(ref, 0);
			continue;
		}
		case BIT_FIELD_REF: {
			long long bits = shwi_or_zero(TREE_OPERAND(ref, 2), &ok);

			offset += ok ? bits / 8 : 0;
			ref = TREE_OPERAND(ref, 0);
			continue;
		}
		case IMAGPART_EXPR:
			offset += shwi_or_zero(TYPE_SIZE_UNIT(TREE_TYPE(ref)), &ok);
			/* fall through */
		case REALPART_EXPR:
		case VIEW_CONVERT_EXPR:
			ref = TREE_OPERAND(ref, 0);
			continue;
		case MEM_REF: {
			tree ptr = TREE_OPERAND(ref, 0);

			offset += shwi_or_zero(TREE_OPERAND(ref, 1), &ok);
			if (TREE_CODE(ptr) == ADDR_EXPR && DECL_P(TREE_OPERAND(ptr, 0)) &&
			    TREE_CODE(TREE_OPERAND(ptr, 0)) != FUNCTION_DECL) {
				ir_place_object(p, object(x, TREE_OPERAND(ptr, 0)));
			} else {
				ir_place_deref(p, value(x, ptr, loc));
			}
			break;
		}
		case TARGET_MEM_REF:
			var = true;
			ir_place_deref(p, value(x, TMR_BASE(ref), loc));
			break;
		case VAR_DECL:
		case PARM_DECL:
		case RESULT_DECL:
		case STRING_CST:
			ir_place_object(p, object(x, ref));
			break;
		default:
			return false;
		}
		break;
	}
	p->offset = offset;
	p->var_index = var;
	p->size = size && TREE_CODE(size) == INTEGER_CST && tree_fits_uhwi_p(size) ?
		  (unsigned int)tree_to_uhwi(size) : 0;
	while (nsteps)
		ir_place_step(p, steps[nsteps - 1].record, steps[nsteps - 1].field,
			      steps[nsteps - 1].offset), nsteps--;
	return true;
}

static int ssa_value(struct xlate *x, tree name)
{
	int *known;
	int v;

	if (SSA_NAME_IS_DEFAULT_DEF(name)) {
		tree var = SSA_NAME_VAR(name);

		return var && TREE_CODE(var) == PARM_DECL ? ir_param(x->fn, param_index(x, var)) : 0;
	}
	known = x->vals->get(name);
	if (known)
		return *known;
	v = ir_temp(x->fn);
	x->vals->put(name, v);
	return v;
}

/* The value of an operand; memory operands and addresses are loaded / computed first. */
static int value(struct xlate *x, tree t, location_t loc)
{
	struct ir_place p;

	if (!t)
		return 0;
	switch (TREE_CODE(t)) {
	case SSA_NAME:
		return ssa_value(x, t);
	case INTEGER_CST:
		return ir_const(x->fn, tree_fits_shwi_p(t) ? tree_to_shwi(t) :
				       (long long)TREE_INT_CST_LOW(t));
	case ADDR_EXPR:
		if (TREE_CODE(TREE_OPERAND(t, 0)) == FUNCTION_DECL ||
		    !place(x, TREE_OPERAND(t, 0), &p, loc))
			return 0;
		return ir_addr(x->fn, 0, &p, ir_location(loc));
	case NOP_EXPR:
	case CONVERT_EXPR:
		return value(x, TREE_OPERAND(t, 0), loc);
	default:
		if (is_memory(t) && place(x, t, &p, loc))
			return ir_load(x->fn, 0, &p, ir_location(loc));
		return 0;
	}
}

static enum ir_cmp comparison(enum tree_code code)
{
	switch (code) {
	case EQ_EXPR: return IRC_EQ;
	case NE_EXPR: return IRC_NE;
	case LT_EXPR: return IRC_LT;
	case LE_EXPR: return IRC_LE;
	case GT_EXPR: return IRC_GT;
	case GE_EXPR: return IRC_GE;
	default: return IRC_NONE;
	}
}

static enum ir_arith arith(enum tree_code code)
{
	switch (code) {
	case POINTER_PLUS_EXPR: return IRA_PTRADD;
	case PLUS_EXPR: return IRA_ADD;
	case MINUS_EXPR: case POINTER_DIFF_EXPR: return IRA_SUB;
	case BIT_AND_EXPR: return IRA_AND;
	case BIT_IOR_EXPR: return IRA_OR;
	case BIT_XOR_EXPR: return IRA_XOR;
	case BIT_NOT_EXPR: case NEGATE_EXPR: return IRA_NOT;
	case MIN_EXPR: return IRA_MIN;
	case MAX_EXPR: return IRA_MAX;
	default: return comparison(code) != IRC_NONE ? IRA_CMP : IRA_OTHER;
	}
}

static void assign(struct xlate *x, gimple *stmt)
{
	tree lhs = gimple_assign_lhs(stmt), rhs1 = gimple_assign_rhs1(stmt);
	enum tree_code code = gimple_assign_rhs_code(stmt);
	location_t loc = gimple_location(stmt);
	ir_loc l = ir_location(loc);
	struct ir_place p;
	int dst;

	if (gimple_clobber_p(stmt))
		return;
	if (TREE_CODE(lhs) != SSA_NAME) {
		/* a store; GIMPLE has a single operand on the right then */
		if (TREE_CODE(rhs1) == CONSTRUCTOR || !place(x, lhs, &p, loc))
			return;
		ir_store(x->fn, &p, value(x, rhs1, loc), l);
		return;
	}
	if (virtual_operand_p(lhs))
		return;
	dst = ssa_value(x, lhs);
	switch (get_gimple_rhs_class(code)) {
	case GIMPLE_SINGLE_RHS:
		if (TREE_CODE(rhs1) == ADDR_EXPR || TREE_CODE(rhs1) == SSA_NAME ||
		    TREE_CODE(rhs1) == INTEGER_CST || !is_memory(rhs1) || !place(x, rhs1, &p, loc))
			ir_copy(x->fn, dst, value(x, rhs1, loc), l);
		else
			ir_load(x->fn, dst, &p, l);
		return;
	case GIMPLE_UNARY_RHS:
		if (CONVERT_EXPR_CODE_P(code) || code == VIEW_CONVERT_EXPR ||
		    code == NON_LVALUE_EXPR)
			ir_copy(x->fn, dst, value(x, rhs1, loc), l);
		else
			ir_arith(x->fn, dst, arith(code), IRC_NONE, value(x, rhs1, loc), 0, l);
		ir_set_width(x->fn, TYPE_PRECISION(TREE_TYPE(lhs)), TYPE_UNSIGNED(TREE_TYPE(lhs)));
		return;
	case GIMPLE_BINARY_RHS: {
		tree wtype = comparison(code) != IRC_NONE ? TREE_TYPE(rhs1) : TREE_TYPE(lhs);

		ir_arith(x->fn, dst, arith(code), comparison(code), value(x, rhs1, loc),
			 value(x, gimple_assign_rhs2(stmt), loc), l);
		ir_set_width(x->fn, TYPE_PRECISION(wtype), TYPE_UNSIGNED(wtype) ||
			     POINTER_TYPE_P(wtype));
		return;
	}
	case GIMPLE_TERNARY_RHS:
		if (code == COND_EXPR)
			ir_select(x->fn, dst, value(x, rhs1, loc),
				  value(x, gimple_assign_rhs2(stmt), loc),
				  value(x, gimple_assign_rhs3(stmt), loc), l);
		else
			ir_arith(x->fn, dst, IRA_OTHER, IRC_NONE, value(x, rhs1, loc), 0, l);
		return;
	default:
		ir_arith(x->fn, dst, IRA_OTHER, IRC_NONE, 0, 0, l);
		return;
	}
}

static void call(struct xlate *x, gimple *stmt)
{
	tree fndecl = gimple_call_fndecl(stmt), lhs = gimple_call_lhs(stmt);
	location_t loc = gimple_location(stmt);
	unsigned int n = gimple_call_num_args(stmt);
	auto_vec<int, 16> args;
	struct ir_place p;
	int dst = 0;

	for (unsigned int i = 0; i < n; i++)
		args.safe_push(value(x, gimple_call_arg(stmt, i), loc));
	if (lhs && TREE_CODE(lhs) == SSA_NAME && !virtual_operand_p(lhs))
		dst = ssa_value(x, lhs);
	dst = ir_call(x->fn, dst, fndecl ? decl_name(fndecl) : NULL, args.address(), n,
		      ir_location(loc));
	if (!fndecl && gimple_call_fn(stmt))	/* dev->ops->read(...): what it calls through */
		ir_set_call_target(x->fn, value(x, gimple_call_fn(stmt), loc));
	if (lhs && TREE_CODE(lhs) != SSA_NAME && place(x, lhs, &p, loc))
		ir_store(x->fn, &p, dst, ir_location(loc));
}

static int block_of(struct xlate *x, basic_block bb)
{
	int *known = x->bbs->get(bb->index);

	return known ? *known : -1;
}

/*
 * GIMPLE_SWITCH: IR_SWITCH with every case whose bounds fit a long long (label 0 is the
 * default).  A case that does not fit makes the whole switch opaque (no IR_SWITCH: no
 * guard), because its values would otherwise be taken for the default.
 */
static void lower_switch(struct xlate *x, gswitch *sw)
{
	tree index = gimple_switch_index(sw), type = TREE_TYPE(index);
	unsigned int n = gimple_switch_num_labels(sw);
	basic_block dflt;

	if (!n || !INTEGRAL_TYPE_P(type))
		return;
	for (unsigned int i = 1; i < n; i++) {
		tree c = gimple_switch_label(sw, i);

		if (!tree_fits_shwi_p(CASE_LOW(c)) ||
		    (CASE_HIGH(c) && !tree_fits_shwi_p(CASE_HIGH(c))))
			return;
	}
	dflt = label_to_block(cfun, CASE_LABEL(gimple_switch_label(sw, 0)));
	ir_switch(x->fn, value(x, index, gimple_location(sw)), dflt ? block_of(x, dflt) : -1,
		  ir_location(gimple_location(sw)));
	ir_set_width(x->fn, TYPE_PRECISION(type), TYPE_UNSIGNED(type));
	for (unsigned int i = 1; i < n; i++) {
		tree c = gimple_switch_label(sw, i);
		basic_block dest = label_to_block(cfun, CASE_LABEL(c));
		long long low = tree_to_shwi(CASE_LOW(c));

		ir_switch_case(x->fn, low, CASE_HIGH(c) ? tree_to_shwi(CASE_HIGH(c)) : low,
			       dest ? block_of(x, dest) : -1);
	}
}

struct ir_fn *gimple_to_ir(function *fun)
{
	struct xlate x;
	basic_block bb;
	int nparams = list_length(DECL_ARGUMENTS(fun->decl));

	x.fun = fun;
	x.fn = ir_fn_new(decl_name(fun->decl), nparams,
			 ir_location(DECL_SOURCE_LOCATION(fun->decl)));
	/* not static, and not a header's extern gnu_inline body (fortify's memcpy) */
	x.fn->is_public = TREE_PUBLIC(fun->decl) && !DECL_EXTERNAL(fun->decl);
	x.vals = new hash_map<tree, int>;
	x.objs = new hash_map<tree, int>;
	x.bbs = new hash_map<int_hash<int, -1, -2>, int>;
	FOR_EACH_BB_FN(bb, fun)
		x.bbs->put(bb->index, ir_block(x.fn));
	FOR_EACH_BB_FN(bb, fun) {
		int ib = block_of(&x, bb);
		gimple *last = NULL;
		edge e;
		edge_iterator ei;

		ir_begin_block(x.fn, ib);
		for (gphi_iterator gpi = gsi_start_phis(bb); !gsi_end_p(gpi); gsi_next(&gpi)) {
			gphi *phi = gpi.phi();
			auto_vec<int, 8> args;

			if (virtual_operand_p(gimple_phi_result(phi)))
				continue;
			for (unsigned int i = 0; i < gimple_phi_num_args(phi); i++)
				args.safe_push(value(&x, gimple_phi_arg_def(phi, i), UNKNOWN_LOCATION));
			ir_phi(x.fn, ssa_value(&x, gimple_phi_result(phi)), args.address(),
			       args.length(), ir_location(UNKNOWN_LOCATION));
		}
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);

			last = stmt;
			switch (gimple_code(stmt)) {
			case GIMPLE_ASSIGN:
				assign(&x, stmt);
				break;
			case GIMPLE_CALL:
				call(&x, stmt);
				break;
			case GIMPLE_COND: {
				tree ct = TREE_TYPE(gimple_cond_lhs(stmt));

				ir_branch(x.fn, comparison(gimple_cond_code(stmt)),
					  value(&x, gimple_cond_lhs(stmt), gimple_location(stmt)),
					  value(&x, gimple_cond_rhs(stmt), gimple_location(stmt)),
					  ir_location(gimple_location(stmt)));
				ir_set_width(x.fn, TYPE_PRECISION(ct), TYPE_UNSIGNED(ct) ||
					     POINTER_TYPE_P(ct));
				break;
			}
			case GIMPLE_SWITCH:
				lower_switch(&x, as_a<gswitch *>(stmt));
				break;
			case GIMPLE_RETURN:
				ir_return(x.fn, value(&x, gimple_return_retval(as_a<greturn *>(stmt)),
						      gimple_location(stmt)),
					  ir_location(gimple_location(stmt)));
				break;
			default:
				break;
			}
		}
		/* successors: a condition's true edge first */
		if (last && gimple_code(last) == GIMPLE_COND) {
			FOR_EACH_EDGE(e, ei, bb->succs)
				if ((e->flags & EDGE_TRUE_VALUE) && block_of(&x, e->dest) >= 0)
					ir_succ(x.fn, ib, block_of(&x, e->dest));
			FOR_EACH_EDGE(e, ei, bb->succs)
				if (!(e->flags & EDGE_TRUE_VALUE) && block_of(&x, e->dest) >= 0)
					ir_succ(x.fn, ib, block_of(&x, e->dest));
			continue;
		}
		FOR_EACH_EDGE(e, ei, bb->succs)
			if (block_of(&x, e->dest) >= 0)
				ir_succ(x.fn, ib, block_of(&x, e->dest));
	}
	delete x.vals;
	delete x.objs;
	delete x.bbs;
	return x.fn;
}
