// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-dma-mapping-error-unchecked.c - dma-mapping-error-unchecked: a DMA handle
 * that may be DMA_MAPPING_ERROR is used on a path where dma_mapping_error() did not test it.
 *
 * Handles: the result of a ROLE_MAP_HANDLE call of rules/dma-apis.def (dma_map_single_attrs,
 * dma_map_page_attrs, dma_map_resource, skb_frag_dma_map; dma_map_single() and
 * dma_map_page() are 6.1's macros over the first two), and of a function of the unit that
 * returns such a handle untested (a driver's map helper, ib_dma_map_single()). Each call is a
 * site; its handle is followed through copies, casts, phis, arithmetic (lower_32_bits()) and
 * memory: a store to a place (ident.c's keys: a local, priv->rx_dma, ring->buf[i].dma) is seen
 * by every load from that place in the function.
 *
 * Per path (a may-analysis over the blocks, two bits per site): after the site the handle is
 * untested; a test makes it tested; a use while untested marks the path. A path that reaches
 * the function's end marked is reported, at the mapping call, with a note at the first use.
 *   test      the handle given to a ROLE_MAP_TEST call (dma_mapping_error()), or to a function
 *             of the unit that tests that parameter (or a member of what it points to) with
 *             one, at any depth; or compared with DMA_MAPPING_ERROR itself
 *   use       stored to memory that is not the function's own frame (a descriptor, the driver's
 *             struct, an out-parameter), or passed to any other call (writel(), a helper, a
 *             sync) except a ROLE_UNMAP_HANDLE one: unmapping an untested handle is what error
 *             paths do and programs nothing; a local's address, too, passed on or stored
 *             once a handle was stored into the local (a mailbox on the stack given to the
 *             adapter: megaraid)
 *   returned  the caller's business: the function becomes a handle source for its callers
 *   wrong     a comparison of the handle with 0 (`!addr`, `addr == 0`) is no test (a failed
 *             mapping is all ones); it gets a note when the path is reported
 *
 * Silent: a handle tested before the function ends on every path it was used on (also when it
 * was stored first and the stored copy is tested: priv->dma = dma_map_single(...); if
 * (dma_mapping_error(dev, priv->dma))), a handle never used, a handle returned untested (its
 * caller is judged).
 * Limits: a handle stored into the unit's memory and tested in another function (a refill
 * helper's caller testing ring->dma) is reported in the storing function; more than 64
 * (HANDLE_MAX_SITES) mapping calls in one function: the later ones are not followed.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "handle.h"
#include "paths.h"

typedef handle_mask mask_t;

/* ---- facts about the unit's functions, for their callers -------------------------------- */

struct handle_fact {
	const char *name;		/* interned */
	bool returns_handle;		/* may return an untested handle */
	uint64_t tests;			/* parameters it tests */
	unsigned int nmem;		/* members of pointer parameters it tests */
	struct member_src mem[MAX_MEMBER_SOURCES];
};

static struct named_table facts = { .size = sizeof(struct handle_fact) };

static struct handle_fact *fact_of(const char *name, bool create)
{
	struct handle_fact *f = named_row(&facts, name, create);

	if (f)
		f->name = name;
	return f;
}

static void fact_add_member(struct handle_fact *f, int param, long long off)
{
	for (unsigned int i = 0; i < f->nmem; i++)
		if (f->mem[i].param == param && f->mem[i].off == off)
			return;
	if (f->nmem < MAX_MEMBER_SOURCES) {
		f->mem[f->nmem].param = param;
		f->mem[f->nmem++].off = off;
	}
}

/* The 1-based argument of callee with `role`, 0 if none. */
static unsigned int role_arg(const char *callee, enum dma_role role)
{
	return handles_role_arg(callee, role);
}

/* ---- one function ----------------------------------------------------------------------- */

struct site {
	bool have_use, have_wrong;
	ir_loc use_loc, wrong_loc;
};

struct hstate {
	const struct ir_fn *fn;
	struct handle_fact *self;
	struct handles h;		/* handle.c: where each mapping's handle goes */
	struct site sites[HANDLE_MAX_SITES];
	mask_t *frame_addr;		/* per value: the handles held by the locals whose
					 * address it may be (a mailbox on the stack) */
};

static bool is_site_call(const struct ir_insn *in)
{
	const struct handle_fact *f;

	if (in->op != IR_CALL || !in->callee || !in->dst)
		return false;
	if (role_arg(in->callee, ROLE_MAP_HANDLE))
		return true;
	f = fact_of(in->callee, false);
	return f && f->returns_handle;
}

static mask_t val_exact(const struct hstate *h, int v)
{
	return handles_exact(&h->h, v);
}

static mask_t val_derived(const struct hstate *h, int v)
{
	return handles_derived(&h->h, v);
}

/* The handles a local holds whose address v may be (0 if none). */
static mask_t val_frame_addr(const struct hstate *h, int v)
{
	return h->frame_addr && v > 0 && v < h->fn->nvals ? h->frame_addr[v] : 0;
}

/*
 * A handle stored into a local (megaraid's mailbox on the stack, mbox.xferaddr = handle) is
 * still in the function's frame; the local's address given to a call (issue_scb_block(adapter,
 * (u8 *)&mbox)) or stored where others see it hands the handle on. Per value, the handles the
 * locals it may point to hold: every store of a handle into a local counts, whatever the
 * order (the path analysis decides whether the handle was still untested at the call).
 */
static void find_frame_addrs(struct hstate *h)
{
	const struct ir_fn *fn = h->fn;
	mask_t *held, any = 0;
	bool changed = true;

	if (!fn->nobjs)
		return;
	held = handles_zalloc((size_t)fn->nobjs * sizeof(*held));
	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];

		if (in->op == IR_STORE && handles_frame_place(fn, &in->place)) {
			held[in->place.object] |= val_derived(h, in->a);
			any |= held[in->place.object];
		}
	}
	if (!any) {
		free(held);
		return;
	}
	h->frame_addr = handles_zalloc(((size_t)fn->nvals + 1) * sizeof(mask_t));
	for (int round = 0; changed && round < 16; round++) {
		changed = false;
		for (int i = 0; i < fn->ninsns; i++) {
			const struct ir_insn *in = &fn->insns[i];
			mask_t m = 0, old;

			switch (in->op) {
			case IR_ADDR:
				if (handles_frame_place(fn, &in->place))
					m = held[in->place.object];
				break;
			case IR_COPY:
				m = val_frame_addr(h, in->a);
				break;
			case IR_SELECT:
				m = val_frame_addr(h, in->a) | val_frame_addr(h, in->b);
				break;
			case IR_PHI:
				for (unsigned int k = 0; k < in->nargs; k++)
					m |= val_frame_addr(h, in->args[k]);
				break;
			case IR_ARITH:
				if (in->arith == IRA_PTRADD)
					m = val_frame_addr(h, in->a);
				break;
			default:
				break;
			}
			if (!m || in->dst <= 0 || in->dst >= fn->nvals)
				continue;
			old = h->frame_addr[in->dst];
			h->frame_addr[in->dst] |= m;
			changed |= h->frame_addr[in->dst] != old;
		}
	}
	free(held);
}

/* The handles a call tests through a function of the unit that tests its parameters. */
static mask_t helper_tests(struct hstate *h, const struct ir_insn *in, const struct handle_fact *f)
{
	mask_t t = 0;

	for (unsigned int j = 0; j < in->nargs && j < MAX_TRACKED_PARAMS; j++)
		if (f->tests & (1ULL << j))
			t |= val_derived(h, in->args[j]);
	for (unsigned int k = 0; k < f->nmem; k++)
		if ((unsigned int)f->mem[k].param < in->nargs)
			t |= handles_member(&h->h, in->args[f->mem[k].param], f->mem[k].off);
	return t;
}

static bool is_error_value(long long c)
{
	return c == -1 || c == 0xffffffffLL;
}

/* A comparison of a handle: with DMA_MAPPING_ERROR it is a test, with 0 a wrong one. */
static mask_t compared(struct hstate *h, const struct ir_insn *in, bool *error_value)
{
	long long c;
	mask_t m;

	if (in->cmp != IRC_EQ && in->cmp != IRC_NE)
		return 0;
	if (ir_is_const(h->fn, in->b, &c))
		m = val_exact(h, in->a);
	else if (ir_is_const(h->fn, in->a, &c))
		m = val_exact(h, in->b);
	else
		return 0;
	if (is_error_value(c)) {
		*error_value = true;
		return m;
	}
	*error_value = false;
	return c == 0 ? m : 0;
}

/* What an instruction does to the handles: tests, uses, returns, a new mapping. */
struct effect {
	mask_t test, use, ret, gen, wrong;
};

static struct effect effect_of(struct hstate *h, int i)
{
	const struct ir_insn *in = &h->fn->insns[i];
	struct effect e = { 0, 0, 0, 0, 0 };
	bool err = false;

	switch (in->op) {
	case IR_CALL: {
		unsigned int test_arg = role_arg(in->callee, ROLE_MAP_TEST);
		unsigned int unmap_arg = role_arg(in->callee, ROLE_UNMAP_HANDLE);
		const struct handle_fact *f = fact_of(in->callee, false);

		if (f && (f->tests || f->nmem))
			e.test = helper_tests(h, in, f);
		for (unsigned int j = 0; j < in->nargs; j++) {
			mask_t m = val_derived(h, in->args[j]);

			if (j + 1 == test_arg)
				e.test |= m;
			else if (j + 1 != unmap_arg)
				e.use |= m | val_frame_addr(h, in->args[j]);
		}
		e.use &= ~e.test;
		if (h->h.site_of[i] >= 0)
			e.gen = 1ULL << h->h.site_of[i];
		break;
	}
	case IR_STORE:
		if (!handles_frame_place(h->fn, &in->place))
			e.use = val_derived(h, in->a) | val_frame_addr(h, in->a);
		break;
	case IR_RETURN:
		e.ret = val_derived(h, in->a);
		break;
	case IR_BRANCH:
	case IR_ARITH:
		if (in->op == IR_ARITH && in->arith != IRA_CMP)
			break;
		e.wrong = compared(h, in, &err);
		if (err) {
			e.test = e.wrong;
			e.wrong = 0;
		}
		break;
	default:
		break;
	}
	return e;
}

/* One block from its entry state; with `final`, notes where uses and wrong tests are and
 * reports at the ends of the function. */
static void run_block(struct hstate *h, int b, mask_t *s0, mask_t *s1, bool final)
{
	const struct ir_fn *fn = h->fn;
	const struct ir_bb *bb = &fn->bbs[b];

	for (int i = bb->first; i < bb->last; i++) {
		struct effect e = effect_of(h, i);

		if (final) {
			for (int k = 0; k < h->h.nsites; k++) {
				mask_t bit = 1ULL << k;
				struct site *s = &h->sites[k];

				if ((e.use & *s0 & bit) && !s->have_use) {
					s->have_use = true;
					s->use_loc = fn->insns[i].loc;
				}
				if ((e.wrong & (*s0 | *s1) & bit) && !s->have_wrong) {
					s->have_wrong = true;
					s->wrong_loc = fn->insns[i].loc;
				}
			}
		}
		*s0 &= ~e.test;
		*s1 &= ~e.test;
		*s1 |= *s0 & e.use;
		*s0 &= ~e.use;
		if (e.ret & (*s0 | *s1)) {
			if (h->self)
				h->self->returns_handle = true;
			*s0 &= ~e.ret;
			*s1 &= ~e.ret;
		}
		if (e.gen) {
			*s0 |= e.gen;
			*s1 &= ~e.gen;
		}
	}
	if (!final || bb->nsucc || bb->nextra)
		return;
	for (int k = 0; k < h->h.nsites; k++) {
		struct site *s = &h->sites[k];

		if (!(*s1 & (1ULL << k)) || !report(RULE_DMA_MAPPING_ERROR_UNCHECKED,
						    fn->insns[h->h.site_insn[k]].loc))
			continue;
		if (s->have_use)
			report_note(s->use_loc, "the handle is used here on a path where "
				    "dma_mapping_error() has not tested it");
		if (s->have_wrong)
			report_note(s->wrong_loc, "this test cannot see a failed mapping: it is "
				    "DMA_MAPPING_ERROR (all ones), not 0");
	}
}

/* The two masks are one block state of paths.h: [0] untested, [1] untested and used. */
static void block_paths(void *ctx, int b, path_word *state, bool final)
{
	run_block(ctx, b, &state[0], &state[1], final);
}

static void run_paths(struct hstate *h)
{
	struct paths p;

	paths_init(&p, h->fn, 2);
	paths_solve(&p, 0, block_paths, NULL, h);
	paths_free(&p);
}

/* What the function tests, for its callers: a parameter (or a member of what one points to)
 * reaching dma_mapping_error(), or a helper that tests it, or compared with
 * DMA_MAPPING_ERROR. */
static void record_tests(const struct flow *flow, struct handle_fact *self)
{
	const struct ir_fn *fn = flow_fn(flow);

	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];
		const struct handle_fact *f;
		unsigned int arg;

		if (in->op != IR_CALL || !in->callee)
			continue;
		arg = role_arg(in->callee, ROLE_MAP_TEST);
		f = fact_of(in->callee, false);
		for (unsigned int j = 0; j < in->nargs; j++) {
			struct origin o;
			long long off;
			int p;

			if (j + 1 == arg || (f && j < MAX_TRACKED_PARAMS && (f->tests & (1ULL << j)))) {
				o = flow_origin(flow, in->args[j]);
				self->tests |= o.params;
				for (unsigned int k = 0; k < o.nmem; k++)
					fact_add_member(self, o.mem[k].param, o.mem[k].off);
			}
			for (unsigned int k = 0; f && k < f->nmem; k++) {
				if ((unsigned int)f->mem[k].param != j)
					continue;
				p = param_pointer(fn, in->args[j], &off);
				if (p >= 0)
					fact_add_member(self, p, off + f->mem[k].off);
			}
		}
	}
}

static void unchecked_function_end(const struct flow *flow)
{
	const struct ir_fn *fn = flow_fn(flow);
	struct handle_fact *self = fact_of(fn->name, true);
	struct hstate h;

	self->returns_handle = false;
	record_tests(flow, self);
	memset(&h, 0, sizeof(h));
	h.fn = fn;
	h.self = self;
	if (!handles_find(&h.h, fn, is_site_call))
		return;
	find_frame_addrs(&h);
	run_paths(&h);
	free(h.frame_addr);
	handles_free(&h.h);
}

static void unchecked_unit_end(void)
{
	named_clear(&facts);
}

const struct analysis_check check_dma_mapping_error_unchecked = {
	"dma-mapping-error-unchecked", NULL, NULL, unchecked_function_end, unchecked_unit_end,
};
