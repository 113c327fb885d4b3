// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-map-sg-unchecked.c - dma-map-sg-unchecked: the count dma_map_sg() returned
 * is used on a path where it was not tested for 0, or only with a test that cannot see 0;
 * and dma_map_sgtable()'s errno is dropped.
 *
 * Sites: ROLE_SG_MAP calls of rules/dma-apis.def (dma_map_sg_attrs(); dma_map_sg() is 6.1's
 * macro over it) and functions of the unit that return such a count untested (a driver's
 * map helper), whose result is an unsigned count, 0 on failure; ROLE_MAP_ERRNO calls
 * (dma_map_sgtable()), whose result is 0 or a negative errno. handle.c follows each result
 * through copies, casts, phis, arithmetic and memory.
 *
 * A count, per path (a may-analysis over the blocks, two bits per site, as in
 * check-dma-mapping-error-unchecked.c): after the site it is untested; a use while untested
 * marks the path; a test clears it. A path that reaches the function's end marked is reported
 * at the map, with a note at the first use or at the wrong test.
 *   test   a comparison that can see 0: == or != (with anything: `count != nents`), `<= 0`,
 *          `> 0`, `< 1`, `>= 1`, a constant compared with the count after arithmetic (GCC folds
 *          `c <= 0 || c > MAX` into `(unsigned)(c - 1) > MAX - 1`); or the count given to a
 *          function of the unit that compares that parameter with a constant
 *   wrong  `< 0` or `>= 0` (never true / always true: the count is unsigned, 0 on failure):
 *          marks the path like a use, with a note
 *   use    stored to memory that is not the function's own frame, passed to a call (but the
 *          entry count of a ROLE_SG_UNMAP call: that is dma-unmap-sg-nents-mismatch's), or
 *          compared with a value that is not a constant (a loop bound: for_each_sg())
 *   drop   the result is never read at all: the path is marked at the map
 *   return the caller's business if the count was not used before: the function becomes a
 *          site for its callers (a count used and then returned stays marked)
 * An errno (dma_map_sgtable()) is reported only when dropped: any comparison is a right test
 * of it (`if (ret)`, `< 0`).
 * Deferred: a static function whose count only bounds a loop (for_each_sg()) and which
 * returns a counter starting at 0 (bnx2fc_map_sg()'s BD count: 0 when the mapping failed) is
 * not reported at its end; its callers judge its result as a count, and one that uses it
 * untested is reported at the helper's map (see deferred()).
 * Limits: a count stored into the driver's struct and tested in another function is
 * reported in the storing function; HANDLE_MAX_SITES sites per function.
 */
#include <stdlib.h>
#include <string.h>

#include "handle.h"
#include "paths.h"

typedef handle_mask mask_t;

/* ---- facts about the unit's functions, for their callers -------------------------------- */

struct count_fact {
	const char *name;		/* interned */
	bool returns_count;		/* may return an untested count */
	uint64_t tests;			/* parameters it compares with a constant */
	bool deferred;			/* its count only bounds a loop: reported at deferred_loc
					 * when a caller uses the result untested */
	bool called;			/* a caller of the unit judged its result */
	ir_loc deferred_loc;
};

static struct named_table facts = { .size = sizeof(struct count_fact) };

static struct count_fact *fact_of(const char *name, bool create)
{
	struct count_fact *f = named_row(&facts, name, create);

	if (f)
		f->name = name;
	return f;
}

/* ---- one function ----------------------------------------------------------------------- */

struct site {
	bool errno_result;		/* dma_map_sgtable(): 0 or -errno */
	bool have_note, wrong;
	ir_loc note_loc;
};

struct cstate {
	const struct ir_fn *fn;
	struct count_fact *self;
	struct handles h;
	struct site sites[HANDLE_MAX_SITES];
	mask_t dropped;			/* sites whose result nothing reads */
	mask_t bound_only;		/* sites whose count is only compared with non-constants */
	bool returns_counter;		/* every return gives a counter that starts at 0 */
};

static bool is_site(const struct ir_insn *in)
{
	const struct count_fact *f;

	if (in->op != IR_CALL || !in->callee)
		return false;
	if (handles_role_mask(in->callee) &
	    ((1U << ROLE_SG_MAP) | (1U << ROLE_MAP_ERRNO)))
		return true;
	f = fact_of(in->callee, false);
	return f && f->returns_count && in->dst;
}

/* The comparison `a cmp b` as `count cmp c` with the count on the left. */
static enum ir_cmp mirrored(enum ir_cmp c)
{
	switch (c) {
	case IRC_LT: return IRC_GT;
	case IRC_LE: return IRC_GE;
	case IRC_GT: return IRC_LT;
	case IRC_GE: return IRC_LE;
	default: return c;
	}
}

struct effect {
	mask_t test, use, wrong, ret, gen;
};

/* A comparison (branch or CMP) involving counts: which it tests, uses, tests wrongly. */
static void compared(struct cstate *s, const struct ir_insn *in, struct effect *e)
{
	mask_t ma = handles_derived(&s->h, in->a), mb = handles_derived(&s->h, in->b);
	mask_t m = ma | mb, errnos = 0;
	enum ir_cmp cmp = ma ? in->cmp : mirrored(in->cmp);
	long long c;
	bool is_const = ma ? ir_is_const(s->fn, in->b, &c) : ir_is_const(s->fn, in->a, &c);

	if (!m)
		return;
	for (int k = 0; k < s->h.nsites; k++)
		if (s->sites[k].errno_result)
			errnos |= 1ULL << k;
	e->test |= m & errnos;
	m &= ~errnos;
	if (is_const) {
		/* count - 1 against a constant: the compiler's fold of `c <= 0 || c > MAX` into
		 * one unsigned range check, which sees 0 */
		mask_t exact = ma ? handles_exact(&s->h, in->a) : handles_exact(&s->h, in->b);

		e->test |= m & ~exact;
		m &= exact;
	}
	if (cmp == IRC_EQ || cmp == IRC_NE)
		e->test |= m;
	else if (!is_const)
		e->use |= m;
	else if (((cmp == IRC_LE || cmp == IRC_GT) && c == 0) ||
		 ((cmp == IRC_LT || cmp == IRC_GE) && c == 1))
		e->test |= m;
	else if ((cmp == IRC_LT || cmp == IRC_GE) && c == 0)
		e->wrong |= m;
	else
		e->use |= m;
}

static struct effect effect_of(struct cstate *s, int i)
{
	const struct ir_insn *in = &s->fn->insns[i];
	struct effect e = { 0, 0, 0, 0, 0 };

	switch (in->op) {
	case IR_CALL: {
		unsigned int unmap_arg = handles_role_arg(in->callee, ROLE_SG_UNMAP);
		const struct count_fact *f = fact_of(in->callee, false);

		for (unsigned int j = 0; j < in->nargs; j++) {
			mask_t m = handles_derived(&s->h, in->args[j]);

			if (f && j < 64 && (f->tests & (1ULL << j)))
				e.test |= m;
			else if (j + 1 != unmap_arg)
				e.use |= m;
		}
		e.use &= ~e.test;
		if (s->h.site_of[i] >= 0) {
			e.gen = 1ULL << s->h.site_of[i];
			if (f && f->deferred)
				((struct count_fact *)f)->called = true;
		}
		break;
	}
	case IR_STORE:
		if (!handles_frame_place(s->fn, &in->place))
			e.use = handles_derived(&s->h, in->a);
		break;
	case IR_RETURN:
		e.ret = handles_derived(&s->h, in->a);
		break;
	case IR_BRANCH:
		compared(s, in, &e);
		break;
	case IR_ARITH:
		if (in->arith == IRA_CMP)
			compared(s, in, &e);
		break;
	default:
		break;
	}
	for (int k = 0; k < s->h.nsites; k++)
		if (s->sites[k].errno_result)
			e.use &= ~(1ULL << k);
	return e;
}

/*
 * bnx2fc_map_sg(): the count only bounds the loop that builds the BD list (for_each_sg()), and
 * the function returns a counter that starts at 0 (the BDs built), so a failed mapping returns
 * 0: the caller's test of that result for 0 is the test. A static function whose marked site
 * is of that shape is not reported at its end; it becomes a count source for its callers,
 * and a caller that uses its result untested is reported at this map (at the unit's end if
 * no function of the unit calls it).
 */
static bool deferred(struct cstate *s, int k)
{
	if (!(s->bound_only & (1ULL << k)) || !s->returns_counter || s->fn->is_public ||
	    s->dropped & (1ULL << k) || s->sites[k].errno_result || !s->self)
		return false;
	if (!s->self->deferred) {
		s->self->deferred = true;
		s->self->deferred_loc = s->fn->insns[s->h.site_insn[k]].loc;
	}
	s->self->returns_count = true;
	return true;
}

static void run_block(struct cstate *s, int b, mask_t *s0, mask_t *s1, bool final)
{
	const struct ir_fn *fn = s->fn;
	const struct ir_bb *bb = &fn->bbs[b];

	for (int i = bb->first; i < bb->last; i++) {
		struct effect e = effect_of(s, i);
		mask_t marks = (e.use | e.wrong) & *s0;

		if (final) {
			for (int k = 0; k < s->h.nsites; k++) {
				struct site *st = &s->sites[k];

				if (!(marks & (1ULL << k)) || st->have_note)
					continue;
				st->have_note = true;
				st->wrong = (e.wrong & (1ULL << k)) != 0;
				st->note_loc = fn->insns[i].loc;
			}
		}
		*s0 &= ~e.test;
		*s1 &= ~e.test;
		*s1 |= marks;
		*s0 &= ~marks;
		/* returned before any use: the caller's to test; used first: too late */
		if (e.ret & *s0) {
			if (s->self)
				s->self->returns_count = true;
			*s0 &= ~e.ret;
		}
		if (e.gen) {
			*s0 |= e.gen & ~s->dropped;
			*s1 = (*s1 & ~e.gen) | (e.gen & s->dropped);
		}
	}
	if (!final || bb->nsucc || bb->nextra)
		return;
	for (int k = 0; k < s->h.nsites; k++) {
		const struct site *st = &s->sites[k];
		const struct ir_insn *call = &fn->insns[s->h.site_insn[k]];
		const struct count_fact *helper = fact_of(call->callee, false);

		if (!(*s1 & (1ULL << k)))
			continue;
		if (deferred(s, k))
			continue;
		if (helper && helper->deferred) {
			/* the helper's own map, whose count only bounded its loop */
			if (report(RULE_DMA_MAP_SG_UNCHECKED, helper->deferred_loc))
				report_note(st->have_note ? st->note_loc : call->loc,
					    s->dropped & (1ULL << k) ?
					    "the count bounds a loop in the function called here, "
					    "whose result (0 when the mapping failed) is dropped" :
					    "the count bounds a loop in the function called here, "
					    "whose result (0 when the mapping failed) is used here "
					    "untested");
			continue;
		}
		if (!report(RULE_DMA_MAP_SG_UNCHECKED, call->loc))
			continue;
		if (s->dropped & (1ULL << k))
			report_note(fn->insns[s->h.site_insn[k]].loc, st->errno_result ?
				    "the errno it returns is dropped" :
				    "the count it returns (0 when the mapping failed) is dropped");
		else if (st->have_note && st->wrong)
			report_note(st->note_loc, "this test cannot see a failed mapping: the count "
				    "is unsigned and 0 on failure");
		else if (st->have_note)
			report_note(st->note_loc, "the count is used here on a path where it was not "
				    "tested for 0");
	}
}

/* The two masks are one block state of paths.h: [0] untested, [1] untested and used. */
static void block_paths(void *ctx, int b, path_word *state, bool final)
{
	run_block(ctx, b, &state[0], &state[1], final);
}

static void run_paths(struct cstate *s)
{
	struct paths p;

	paths_init(&p, s->fn, 2);
	paths_solve(&p, 0, block_paths, NULL, s);
	paths_free(&p);
}

/* Sites whose result no instruction reads (a call in statement context). */
static mask_t dropped_sites(const struct cstate *s)
{
	const struct ir_fn *fn = s->fn;
	mask_t read = 0;

	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];

		read |= handles_derived(&s->h, in->a) | handles_derived(&s->h, in->b) |
			handles_derived(&s->h, in->c);
		for (unsigned int j = 0; j < in->nargs; j++)
			read |= handles_derived(&s->h, in->args[j]);
	}
	return ~read;
}

/* Sites whose count is read only by comparisons with a non-constant (a loop bound). */
static mask_t bound_only_sites(const struct cstate *s)
{
	const struct ir_fn *fn = s->fn;
	mask_t other = 0, bound = 0;

	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];
		mask_t m;
		long long c;

		switch (in->op) {
		case IR_COPY:
		case IR_PHI:
		case IR_SELECT:
		case IR_LOAD:
			break;		/* followed by handle.c */
		case IR_ARITH:
			if (in->arith != IRA_CMP)
				break;	/* followed; its comparison is judged below */
			/* fall through */
		case IR_BRANCH:
			m = handles_derived(&s->h, in->a) | handles_derived(&s->h, in->b);
			if (ir_is_const(fn, in->a, &c) || ir_is_const(fn, in->b, &c))
				other |= m;
			else
				bound |= m;
			break;
		case IR_STORE:
			if (!handles_frame_place(fn, &in->place))
				other |= handles_derived(&s->h, in->a);
			break;
		case IR_CALL: {
			unsigned int unmap_arg = handles_role_arg(in->callee, ROLE_SG_UNMAP);

			for (unsigned int j = 0; j < in->nargs; j++)
				if (j + 1 != unmap_arg)
					other |= handles_derived(&s->h, in->args[j]);
			break;
		}
		default:
			other |= handles_derived(&s->h, in->a) | handles_derived(&s->h, in->b) |
				 handles_derived(&s->h, in->c);
			break;
		}
	}
	return bound & ~other;
}

/* Does v start at the constant 0 on some path (through copies and phis)? */
static bool starts_at_zero(const struct ir_fn *fn, int v, int depth)
{
	const struct ir_insn *in;
	long long c;

	if (ir_is_const(fn, v, &c))
		return c == 0;
	if (depth > 8 || v <= 0 || v >= fn->nvals || fn->vals[v].kind != IRV_TEMP ||
	    fn->vals[v].def < 0)
		return false;
	in = &fn->insns[fn->vals[v].def];
	if (in->op == IR_COPY)
		return starts_at_zero(fn, in->a, depth + 1);
	if (in->op != IR_PHI)
		return false;
	for (unsigned int k = 0; k < in->nargs; k++)
		if (in->args[k] != v && starts_at_zero(fn, in->args[k], depth + 1))
			return true;
	return false;
}

/* Every return of fn gives a value that is not a constant but starts at 0: a counter. */
static bool returns_counter(const struct ir_fn *fn)
{
	long long c;
	bool any = false;

	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];

		if (in->op != IR_RETURN)
			continue;
		if (in->a <= 0 || ir_is_const(fn, in->a, &c) || !starts_at_zero(fn, in->a, 0))
			return false;
		any = true;
	}
	return any;
}

/* The parameters the function compares with a constant, for its callers. */
static void record_tests(const struct flow *flow, struct count_fact *self)
{
	const struct ir_fn *fn = flow_fn(flow);

	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];
		long long c;

		if (in->op != IR_BRANCH && !(in->op == IR_ARITH && in->arith == IRA_CMP))
			continue;
		if (ir_is_const(fn, in->b, &c))
			self->tests |= flow_origin(flow, in->a).params;
		else if (ir_is_const(fn, in->a, &c))
			self->tests |= flow_origin(flow, in->b).params;
	}
}

static void sg_function_end(const struct flow *flow)
{
	const struct ir_fn *fn = flow_fn(flow);
	struct count_fact *self = fact_of(fn->name, true);
	struct cstate s;

	self->returns_count = false;
	self->tests = 0;
	self->deferred = false;
	record_tests(flow, self);
	memset(&s, 0, sizeof(s));
	s.fn = fn;
	s.self = self;
	if (!handles_find(&s.h, fn, is_site))
		return;
	for (int k = 0; k < s.h.nsites; k++) {
		const struct ir_insn *in = &fn->insns[s.h.site_insn[k]];

		s.sites[k].errno_result = (handles_role_mask(in->callee) &
					   (1U << ROLE_MAP_ERRNO)) != 0;
	}
	s.dropped = dropped_sites(&s);
	s.bound_only = bound_only_sites(&s);
	s.returns_counter = returns_counter(fn);
	run_paths(&s);
	handles_free(&s.h);
}

static void sg_unit_end(void)
{
	/* a deferred helper that no function of the unit called: its map is reported now */
	for (size_t i = 0; i < facts.n; i++) {
		const struct count_fact *f = (const void *)(facts.rows + i * facts.size);

		if (f->deferred && !f->called && report(RULE_DMA_MAP_SG_UNCHECKED, f->deferred_loc))
			report_note(f->deferred_loc, "the count bounds a loop here and nothing in "
				    "this file tests the function's result for 0");
	}
	named_clear(&facts);
}

const struct analysis_check check_dma_map_sg_unchecked = {
	"dma-map-sg-unchecked", NULL, NULL, sg_function_end, sg_unit_end,
};
