// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/ir.c - building the IR of analysis/dmacheck-ir.h: values, objects, blocks and
 * instructions, interned strings, and a text dump for debugging (DMACHECK_IR_DUMP=1).
 * Limits: the front end emits each block once, in one piece.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "map.h"

#define GROW(arr, n, cap) do {							\
	if ((n) == (cap)) {							\
		(cap) = (cap) ? 2 * (cap) : 16;					\
		(arr) = axrealloc((arr), (size_t)(cap) * sizeof(*(arr)));	\
	}									\
} while (0)

const char *ir_intern(const char *s)
{
	static struct amap names;
	static char **pool;
	static long n, cap;
	size_t len;
	long i;

	if (!s)
		return NULL;
	len = strlen(s);
	i = amap_get(&names, s, len);
	if (i >= 0)
		return pool[i];
	GROW(pool, n, cap);
	pool[n] = axstrdup(s);
	amap_put(&names, s, len, n);
	return pool[n++];
}

static int new_val(struct ir_fn *fn, enum ir_val_kind kind)
{
	GROW(fn->vals, fn->nvals, fn->capvals);
	memset(&fn->vals[fn->nvals], 0, sizeof(fn->vals[0]));
	fn->vals[fn->nvals].kind = kind;
	fn->vals[fn->nvals].def = -1;
	return fn->nvals++;
}

struct ir_fn *ir_fn_new(const char *name, int nparams, ir_loc loc)
{
	struct ir_fn *fn = axrealloc(NULL, sizeof(*fn));

	memset(fn, 0, sizeof(*fn));
	fn->name = ir_intern(name ? name : "");
	fn->loc = loc;
	fn->nparams = nparams < 0 ? 0 : nparams;
	fn->cur_bb = -1;
	new_val(fn, IRV_UNKNOWN);		/* value 0 */
	fn->param_vals = axrealloc(NULL, (size_t)(fn->nparams + 1) * sizeof(int));
	for (int i = 0; i < fn->nparams; i++) {
		fn->param_vals[i] = new_val(fn, IRV_PARAM);
		fn->vals[fn->param_vals[i]].param = i;
	}
	return fn;
}

void ir_fn_free(struct ir_fn *fn)
{
	if (!fn)
		return;
	for (int i = 0; i < fn->ninsns; i++) {
		free(fn->insns[i].args);
		free(fn->insns[i].cases);
	}
	for (int i = 0; i < fn->nbbs; i++)
		free(fn->bbs[i].extra_succ);
	free(fn->vals);
	free(fn->insns);
	free(fn->bbs);
	free(fn->objs);
	free(fn->param_vals);
	ident_cache_free(fn->ident_cache);
	free(fn);
}

int ir_const(struct ir_fn *fn, long long v)
{
	int i = new_val(fn, IRV_CONST);

	fn->vals[i].cst = v;
	return i;
}

int ir_param(struct ir_fn *fn, int i)
{
	return i >= 0 && i < fn->nparams ? fn->param_vals[i] : 0;
}

int ir_temp(struct ir_fn *fn)
{
	return new_val(fn, IRV_TEMP);
}

int ir_object(struct ir_fn *fn, const char *name, ir_loc loc, enum ir_obj_kind kind, int param)
{
	GROW(fn->objs, fn->nobjs, fn->capobjs);
	fn->objs[fn->nobjs].name = ir_intern(name ? name : "");
	fn->objs[fn->nobjs].loc = loc;
	fn->objs[fn->nobjs].kind = kind;
	fn->objs[fn->nobjs].param = param;
	return fn->nobjs++;
}

int ir_block(struct ir_fn *fn)
{
	struct ir_bb *b;

	GROW(fn->bbs, fn->nbbs, fn->capbbs);
	b = &fn->bbs[fn->nbbs];
	memset(b, 0, sizeof(*b));
	b->succ[0] = b->succ[1] = -1;
	return fn->nbbs++;
}

void ir_begin_block(struct ir_fn *fn, int bb)
{
	fn->cur_bb = bb;
	fn->bbs[bb].first = fn->bbs[bb].last = fn->ninsns;
}

void ir_succ(struct ir_fn *fn, int bb, int succ)
{
	struct ir_bb *b = &fn->bbs[bb];

	if (b->nsucc < 2) {
		b->succ[b->nsucc++] = succ;
		return;
	}
	b->extra_succ = axrealloc(b->extra_succ, (size_t)(b->nextra + 1) * sizeof(int));
	b->extra_succ[b->nextra++] = succ;
}

static struct ir_insn *emit(struct ir_fn *fn, enum ir_op op, int dst, ir_loc loc)
{
	struct ir_insn *in;

	if (fn->cur_bb < 0)
		fn->cur_bb = ir_block(fn), ir_begin_block(fn, fn->cur_bb);
	GROW(fn->insns, fn->ninsns, fn->capinsns);
	in = &fn->insns[fn->ninsns];
	memset(in, 0, sizeof(*in));
	in->op = op;
	in->bb = fn->cur_bb;
	in->loc = loc;
	in->place.object = -1;
	if (dst >= 0) {
		if (!dst)
			dst = ir_temp(fn);
		if (fn->vals[dst].kind == IRV_TEMP && fn->vals[dst].def < 0)
			fn->vals[dst].def = fn->ninsns;
		in->dst = dst;
	}
	fn->ninsns++;
	fn->bbs[fn->cur_bb].last = fn->ninsns;
	return in;
}

int ir_copy(struct ir_fn *fn, int dst, int a, ir_loc loc)
{
	struct ir_insn *in = emit(fn, IR_COPY, dst, loc);

	in->a = a;
	return in->dst;
}

int ir_arith(struct ir_fn *fn, int dst, enum ir_arith op, enum ir_cmp cmp, int a, int b,
	     ir_loc loc)
{
	struct ir_insn *in = emit(fn, IR_ARITH, dst, loc);

	in->arith = op;
	in->cmp = cmp;
	in->a = a;
	in->b = b;
	return in->dst;
}

int ir_select(struct ir_fn *fn, int dst, int cond, int a, int b, ir_loc loc)
{
	struct ir_insn *in = emit(fn, IR_SELECT, dst, loc);

	in->c = cond;
	in->a = a;
	in->b = b;
	return in->dst;
}

static int *copy_args(const int *args, unsigned int n)
{
	int *copy = axrealloc(NULL, (n ? n : 1) * sizeof(int));

	if (n)
		memcpy(copy, args, n * sizeof(int));
	return copy;
}

int ir_phi(struct ir_fn *fn, int dst, const int *args, unsigned int nargs, ir_loc loc)
{
	struct ir_insn *in = emit(fn, IR_PHI, dst, loc);

	in->args = copy_args(args, nargs);
	in->nargs = nargs;
	return in->dst;
}

int ir_addr(struct ir_fn *fn, int dst, const struct ir_place *p, ir_loc loc)
{
	struct ir_insn *in = emit(fn, IR_ADDR, dst, loc);

	in->place = *p;
	return in->dst;
}

/*
 * One spelling for an element of an array member: *(&s->arr + i * k) is s->arr[i]. GCC gives
 * the place with its member path (ARRAY_REF in COMPONENT_REF); sparse's linearized IR gives a
 * pointer sum and no type for it, so the element's place would have no member and the
 * mapping stored in nic->rx_dma[i] by one function would not be the one another unmaps.
 * Only the element itself (offset 0 from the sum): a member inside an element of a struct
 * array keeps the place it has.
 */
static struct ir_place canonical_place(const struct ir_fn *fn, const struct ir_place *p)
{
	const struct ir_val *val;
	const struct ir_insn *sum, *base;
	struct ir_place out;

	if (p->object >= 0 || p->nsteps || p->offset || p->ptr <= 0 || p->ptr >= fn->nvals)
		return *p;
	val = &fn->vals[p->ptr];
	if (val->kind != IRV_TEMP || val->def < 0)
		return *p;
	sum = &fn->insns[val->def];
	if (sum->op != IR_ARITH || sum->arith != IRA_PTRADD || sum->a <= 0 || sum->a >= fn->nvals ||
	    fn->vals[sum->a].kind != IRV_TEMP || fn->vals[sum->a].def < 0 ||
	    (sum->b > 0 && sum->b < fn->nvals && fn->vals[sum->b].kind == IRV_CONST))
		return *p;
	base = &fn->insns[fn->vals[sum->a].def];
	if (base->op != IR_ADDR || !base->place.nsteps)
		return *p;
	out = base->place;
	out.var_index = true;
	out.size = p->size;
	return out;
}

void ir_fold_array_bases(struct ir_fn *fn)
{
	int *uses, *base_uses;

	if (!fn->nvals)
		return;
	uses = calloc((size_t)fn->nvals, sizeof(*uses));
	base_uses = calloc((size_t)fn->nvals, sizeof(*base_uses));
	if (!uses || !base_uses) {
		free(uses);
		free(base_uses);
		return;		/* nothing folded: only less precise */
	}
#define USE(v) do { if ((v) > 0 && (v) < fn->nvals) uses[(v)]++; } while (0)
	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];

		USE(in->a);
		USE(in->b);		/* a block for IR_SWITCH: counted too, only conservative */
		USE(in->c);
		for (unsigned int k = 0; k < in->nargs; k++)
			USE(in->args[k]);
		if ((in->op == IR_ADDR || in->op == IR_LOAD || in->op == IR_STORE) &&
		    in->place.object < 0)
			USE(in->place.ptr);
		/* a sum whose result nothing uses any more (canonical_place) */
		if (in->op == IR_ARITH && in->arith == IRA_PTRADD && in->a > 0 && in->a < fn->nvals)
			base_uses[in->a]++;
	}
#undef USE
	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];

		if (in->op == IR_ARITH && in->arith == IRA_PTRADD && in->a > 0 &&
		    in->a < fn->nvals && in->dst > 0 && in->dst < fn->nvals && uses[in->dst])
			base_uses[in->a] = -1;		/* a sum still in use */
	}
	for (int i = 0; i < fn->ninsns; i++) {
		struct ir_insn *in = &fn->insns[i];

		if (in->op == IR_ADDR && in->place.nsteps && in->dst > 0 && in->dst < fn->nvals &&
		    base_uses[in->dst] > 0 && base_uses[in->dst] == uses[in->dst])
			in->place.nsteps = 0;
	}
	free(uses);
	free(base_uses);
}

int ir_load(struct ir_fn *fn, int dst, const struct ir_place *p, ir_loc loc)
{
	struct ir_place place = canonical_place(fn, p);
	struct ir_insn *in = emit(fn, IR_LOAD, dst, loc);

	in->place = place;
	return in->dst;
}

void ir_store(struct ir_fn *fn, const struct ir_place *p, int v, ir_loc loc)
{
	struct ir_place place = canonical_place(fn, p);
	struct ir_insn *in = emit(fn, IR_STORE, -1, loc);

	in->place = place;
	in->a = v;
}

int ir_call(struct ir_fn *fn, int dst, const char *callee, const int *args,
	    unsigned int nargs, ir_loc loc)
{
	struct ir_insn *in = emit(fn, IR_CALL, dst, loc);

	in->callee = callee ? ir_intern(callee) : NULL;
	in->args = copy_args(args, nargs);
	in->nargs = nargs;
	return in->dst;
}

void ir_branch(struct ir_fn *fn, enum ir_cmp cmp, int a, int b, ir_loc loc)
{
	struct ir_insn *in = emit(fn, IR_BRANCH, -1, loc);

	in->cmp = cmp;
	in->a = a;
	in->b = b;
}

void ir_switch(struct ir_fn *fn, int v, int default_bb, ir_loc loc)
{
	struct ir_insn *in = emit(fn, IR_SWITCH, -1, loc);

	in->a = v;
	in->b = default_bb;
}

void ir_switch_case(struct ir_fn *fn, long long low, long long high, int bb)
{
	struct ir_insn *in = fn->ninsns ? &fn->insns[fn->ninsns - 1] : NULL;

	if (!in || in->op != IR_SWITCH)
		return;
	in->cases = axrealloc(in->cases, (in->ncases + 1) * sizeof(*in->cases));
	in->cases[in->ncases++] = (struct ir_case){ low, high, bb };
}

void ir_return(struct ir_fn *fn, int v, ir_loc loc)
{
	struct ir_insn *in = emit(fn, IR_RETURN, -1, loc);

	in->a = v;
}

void ir_set_width(struct ir_fn *fn, unsigned int bits, bool is_unsigned)
{
	if (!fn->ninsns)
		return;
	fn->insns[fn->ninsns - 1].bits = (unsigned char)(bits > 64 ? 0 : bits);
	fn->insns[fn->ninsns - 1].is_unsigned = is_unsigned;
}

void ir_set_call_target(struct ir_fn *fn, int fnptr)
{
	struct ir_insn *in = fn->ninsns ? &fn->insns[fn->ninsns - 1] : NULL;

	if (in && in->op == IR_CALL && !in->callee)
		in->c = fnptr;
}

void ir_place_object(struct ir_place *p, int object)
{
	memset(p, 0, sizeof(*p));
	p->object = object;
	p->ptr = 0;
}

void ir_place_deref(struct ir_place *p, int ptr)
{
	memset(p, 0, sizeof(*p));
	p->object = -1;
	p->ptr = ptr;
}

void ir_place_step(struct ir_place *p, const char *record, const char *field, long long offset)
{
	if (p->nsteps == IR_MAX_STEPS) {
		memmove(&p->steps[0], &p->steps[1], (IR_MAX_STEPS - 1) * sizeof(p->steps[0]));
		p->nsteps--;
	}
	p->steps[p->nsteps].record = ir_intern(record ? record : "");
	p->steps[p->nsteps].field = ir_intern(field ? field : "");
	p->steps[p->nsteps].offset = offset;
	p->nsteps++;
}

/* ---- dump ------------------------------------------------------------------------------ */

static void dump_val(const struct ir_fn *fn, int v, FILE *f)
{
	const struct ir_val *val = &fn->vals[v];

	switch (val->kind) {
	case IRV_CONST: fprintf(f, "%lld", val->cst); break;
	case IRV_PARAM: fprintf(f, "arg%d", val->param); break;
	case IRV_TEMP: fprintf(f, "t%d", v); break;
	default: fputs("?", f); break;
	}
}

static void dump_place(const struct ir_fn *fn, const struct ir_place *p, FILE *f)
{
	if (p->object >= 0) {
		fprintf(f, "[%s#%d", fn->objs[p->object].name, p->object);
	} else {
		fputs("[*", f);
		dump_val(fn, p->ptr, f);
	}
	fprintf(f, "+%lld%s size %u", p->offset, p->var_index ? "+[]" : "", p->size);
	for (unsigned int i = 0; i < p->nsteps; i++)
		fprintf(f, " %s.%s@%lld", p->steps[i].record, p->steps[i].field, p->steps[i].offset);
	fputs("]", f);
}

void ir_dump(const struct ir_fn *fn, void *file)
{
	static const char *const ops[] = { "copy", "arith", "select", "phi", "addr", "load",
					   "store", "call", "branch", "jump", "return", "switch" };
	FILE *f = file;

	fprintf(f, "function %s (%d params)\n", fn->name, fn->nparams);
	for (int b = 0; b < fn->nbbs; b++) {
		const struct ir_bb *bb = &fn->bbs[b];

		fprintf(f, " bb%d -> %d %d\n", b, bb->succ[0], bb->succ[1]);
		for (int i = bb->first; i < bb->last; i++) {
			const struct ir_insn *in = &fn->insns[i];

			fprintf(f, "  %4d ", i);
			if (in->dst) {
				dump_val(fn, in->dst, f);
				fputs(" = ", f);
			}
			fprintf(f, "%s", ops[in->op]);
			if (in->op == IR_ARITH)
				fprintf(f, ".%d", in->arith);
			if (in->op == IR_CALL && !in->callee && in->c > 0) {
				fputs(" (through ", f);
				dump_val(fn, in->c, f);
				fputc(')', f);
			} else if (in->op == IR_CALL) {
				fprintf(f, " %s", in->callee ? in->callee : "(indirect)");
			}
			if (in->op == IR_ADDR || in->op == IR_LOAD || in->op == IR_STORE) {
				fputc(' ', f);
				dump_place(fn, &in->place, f);
			}
			if (in->op == IR_PHI || in->op == IR_CALL) {
				for (unsigned int k = 0; k < in->nargs; k++) {
					fputc(' ', f);
					dump_val(fn, in->args[k], f);
				}
			} else if (in->op == IR_SWITCH) {
				fputc(' ', f);
				dump_val(fn, in->a, f);
				for (unsigned int k = 0; k < in->ncases; k++)
					fprintf(f, " [%lld..%lld]->bb%d", in->cases[k].low,
						in->cases[k].high, in->cases[k].bb);
				fprintf(f, " default->bb%d", in->b);
			} else if (in->op != IR_ADDR && in->op != IR_LOAD && in->op != IR_JUMP) {
				fputc(' ', f);
				dump_val(fn, in->a, f);
				fputc(' ', f);
				dump_val(fn, in->b, f);
			}
			fprintf(f, "  @%llx\n", in->loc.raw);
		}
	}
}
