// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/urb.c - the URBs a function works on, and what it does to each: the state the
 * two URB rules judge (check-urb-dma-flag-missing.c, check-urb-dma-handle-missing.c).
 *
 * "That URB": URBs are told apart by ident.c's keys (a parameter, a local, dev->urb,
 * dev->urbs[2], an URB embedded in a driver struct; all elements of an array indexed by a
 * variable are one). For each the function
 *   - sets it up: usb_fill_*_urb (ROLE_URB), or by hand: a store to urb->pipe, or
 *     transfer_flags assigned whole (not `|=`/`&=`);
 *   - stores its handle: urb->transfer_dma = non-zero, or &urb->transfer_dma passed as a
 *     ROLE_HANDLE_OUT argument (usb_alloc_coherent(..., &urb->transfer_dma));
 *   - sets URB_NO_TRANSFER_DMA_MAP: a constant with the bit, an OR with one; the URB's own
 *     old flags (`|=`, `&= ~`) set nothing; a value the function cannot see (a load, a
 *     parameter) may set it (T_MAYBE);
 *   - gives its transfer buffer memory of some kind (origin.c's O_NONCOH / O_COHERENT).
 *
 * And, flow-sensitively, what the flag and the handle are at each usb_submit_urb() of it
 * (ROLE_URB_SUBMIT) and at each return (where an URB set up here escapes), per path: the
 * set of (flag, handle) pairs the paths reaching that point carry. A later
 * `urb->transfer_flags = URB_ZERO_PACKET` wipes the flag on the paths through it;
 * usb_free_urb() (ROLE_URB_FREE) ends the URB's paths, and so does the edge of a test on which
 * the URB pointer is NULL; a handle stored on one path does not
 * hide a path without one. Calls of the unit's helpers that store a handle through an
 * out-parameter (helper(dev, len, &urb->transfer_dma), summary.c) store one.
 *
 * Limits: judged per function (an URB whose flags another function sets is seen in parts);
 * a flag value kept in a local variable at -O0 is "may be set".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "map.h"
#include "paths.h"
#include "urb.h"

static struct urb_use *uses;
static size_t nuses, capuses;

/* What an instruction does to an URB, in instruction order. */
enum event_kind { EV_FLAGS, EV_HANDLE, EV_NO_HANDLE, EV_SUBMIT, EV_FREE, EV_FLAG_EFFECT };

struct event {
	int insn;
	int use;
	enum event_kind kind;
	int value;		/* EV_FLAGS: the value stored */
};

static struct event *events;
static size_t nevents, capevents;

/* `dev->urb = urb` where urb is a call's result (usb_alloc_urb()): that local URB is the
 * member's, whichever comes first (urb-unit.c's classes) */
struct owned_store {
	char key[IDENT_LEN];
	const char *cls;
};

static struct owned_store *owned;
static size_t nowned, capowned;

static void add_event(const struct ir_fn *fn, const struct ir_insn *in, struct urb_use *u,
		      enum event_kind kind, int value)
{
	if (nevents == capevents) {
		capevents = capevents ? 2 * capevents : 32;
		events = axrealloc(events, capevents * sizeof(*events));
	}
	events[nevents].insn = (int)(in - fn->insns);
	events[nevents].use = (int)(u - uses);
	events[nevents].kind = kind;
	events[nevents++].value = value;
}

static unsigned long long no_dma_map_flag(void)
{
	return dma_flag_value("URB_NO_TRANSFER_DMA_MAP");
}

/* The struct member an URB pointer value was loaded from ("vnd_pad.irq"), NULL if none. */
static const char *class_of_value(const struct ir_fn *fn, int v)
{
	const struct ir_insn *d = ir_def(fn, ident_value_source(fn, v));
	const struct ir_step *s;

	if (!d || d->op != IR_LOAD || !d->place.nsteps)
		return NULL;
	s = &d->place.steps[d->place.nsteps - 1];
	return member_name(s->record, s->field);
}

/* ... of the struct urb a member place (urb->transfer_dma) is in: an URB embedded in a
 * struct (dev->urb.transfer_dma) is that member, else the pointer's. */
static const char *class_of_place(const struct ir_fn *fn, const struct ir_place *p)
{
	if (p->nsteps >= 2)
		return member_name(p->steps[p->nsteps - 2].record, p->steps[p->nsteps - 2].field);
	return p->object < 0 ? class_of_value(fn, p->ptr) : NULL;
}

static void set_class(struct urb_use *u, const char *cls)
{
	if (!u->cls)
		u->cls = cls;
}

static struct urb_use *use_of(const char *key)
{
	struct urb_use *u;

	for (size_t i = 0; i < nuses; i++)
		if (!strcmp(uses[i].key, key))
			return &uses[i];
	if (nuses == capuses) {
		capuses = capuses ? 2 * capuses : 16;
		uses = axrealloc(uses, capuses * sizeof(*uses));
	}
	u = &uses[nuses++];
	memset(u, 0, sizeof(*u));
	strncpy(u->key, key, sizeof(u->key) - 1);
	return u;
}

static enum tri tri_or(enum tri a, enum tri b)
{
	return a == T_YES || b == T_YES ? T_YES : (a == T_MAYBE || b == T_MAYBE ? T_MAYBE : T_NO);
}

static enum tri tri_and(enum tri a, enum tri b)
{
	return a == T_NO || b == T_NO ? T_NO : (a == T_YES && b == T_YES ? T_YES : T_MAYBE);
}

/* Does value v carry URB_NO_TRANSFER_DMA_MAP? The old flags of the URB `key` count as
 * `old`. */
static enum tri has_flag(const struct ir_fn *fn, const char *key, enum tri old, int v, int depth)
{
	const struct ir_val *val = v > 0 && v < fn->nvals ? &fn->vals[v] : NULL;
	const struct ir_insn *in;
	char other[IDENT_LEN];
	enum tri any;

	if (!val || depth > 12)
		return T_MAYBE;
	if (val->kind == IRV_CONST)
		return ((unsigned long long)val->cst & no_dma_map_flag()) ? T_YES : T_NO;
	if (val->kind != IRV_TEMP || val->def < 0)
		return T_MAYBE;
	in = &fn->insns[val->def];
	switch (in->op) {
	case IR_COPY:
		return has_flag(fn, key, old, in->a, depth + 1);
	case IR_LOAD:
		/* the old value in `urb->transfer_flags |= URB_ZERO_PACKET`: storing it back
		 * sets nothing new; another URB's flags (out->transfer_flags =
		 * in->transfer_flags) may hold it */
		if (!ident_member_owner(fn, &in->place, "urb", "transfer_flags", other,
					sizeof(other)))
			return T_MAYBE;
		return strcmp(other, key) ? T_MAYBE : old;
	case IR_PHI:
		any = T_NO;
		for (unsigned int i = 0; i < in->nargs; i++) {
			enum tri t = has_flag(fn, key, old, in->args[i], depth + 1);

			if (t == T_YES)
				return T_YES;	/* set on some path */
			if (t == T_MAYBE)
				any = T_MAYBE;
		}
		return any;
	case IR_SELECT:
		return tri_or(has_flag(fn, key, old, in->a, depth + 1),
			      has_flag(fn, key, old, in->b, depth + 1));
	case IR_ARITH:
		switch (in->arith) {
		case IRA_OR:
		case IRA_XOR:
			return tri_or(has_flag(fn, key, old, in->a, depth + 1),
				      has_flag(fn, key, old, in->b, depth + 1));
		case IRA_AND:
			return tri_and(has_flag(fn, key, old, in->a, depth + 1),
				       has_flag(fn, key, old, in->b, depth + 1));
		default:
			return T_MAYBE;
		}
	default:
		return T_MAYBE;
	}
}

/* Does the stored flag value keep bits of the old one (`|=`, `&=`), or replace them all? */
static bool keeps_old_flags(const struct ir_fn *fn, int v, int depth)
{
	const struct ir_val *val = v > 0 && v < fn->nvals ? &fn->vals[v] : NULL;
	const struct ir_insn *in;
	char key[IDENT_LEN];

	if (!val || val->kind != IRV_TEMP || val->def < 0 || depth > 12)
		return false;
	in = &fn->insns[val->def];
	switch (in->op) {
	case IR_LOAD:
		return ident_member_owner(fn, &in->place, "urb", "transfer_flags", key, sizeof(key));
	case IR_PHI:
		for (unsigned int i = 0; i < in->nargs; i++)
			if (keeps_old_flags(fn, in->args[i], depth + 1))
				return true;
		return false;
	case IR_COPY:
		return keeps_old_flags(fn, in->a, depth + 1);
	case IR_ARITH:
	case IR_SELECT:
		return keeps_old_flags(fn, in->a, depth + 1) || keeps_old_flags(fn, in->b, depth + 1);
	default:
		return false;
	}
}

static void note_handle(struct urb_use *u, ir_loc loc)
{
	if (!u->have_dma) {
		u->have_dma = true;
		u->dma_loc = loc;
	}
}

static void urb_store(const struct flow *flow, const struct ir_insn *in)
{
	const struct ir_fn *fn = flow_fn(flow);
	const struct ir_place *p = &in->place;
	char key[IDENT_LEN];
	const char *cls;
	const struct ir_insn *src = ir_def(fn, in->a);
	long long c;

	/* a local read back (-O0): what was stored in it; a plain SSA value costs nothing more */
	if (src && src->op == IR_LOAD && src->place.object >= 0)
		src = ir_def(fn, ident_value_source(fn, in->a));
	/* dev->urb = usb_alloc_urb(...): the unit owns what that member holds */
	if (src && src->op == IR_CALL && p->nsteps) {
		const struct ir_step *s = &p->steps[p->nsteps - 1];

		cls = member_name(s->record, s->field);
		if (cls) {
			urb_unit_owned(cls);
			if (nowned == capowned) {
				capowned = capowned ? 2 * capowned : 8;
				owned = axrealloc(owned, capowned * sizeof(*owned));
			}
			ident_ptr(fn, in->a, owned[nowned].key, sizeof(owned[nowned].key));
			owned[nowned++].cls = cls;
		}
	}
	if (!p->nsteps || strcmp(p->steps[p->nsteps - 1].record, "urb"))
		return;			/* not a member of a struct urb: nothing more here */
	cls = class_of_place(fn, p);
	if (ident_member_owner(fn, p, "urb", "transfer_dma", key, sizeof(key))) {
		struct urb_use *u = use_of(key);

		set_class(u, cls);
		if (!(ir_is_const(fn, in->a, &c) && !c)) {
			note_handle(u, in->loc);
			add_event(fn, in, u, EV_HANDLE, 0);
		} else {
			add_event(fn, in, u, EV_NO_HANDLE, 0);
		}
	} else if (ident_member_owner(fn, p, "urb", "transfer_flags", key, sizeof(key))) {
		struct urb_use *u = use_of(key);
		enum tri t = has_flag(fn, key, T_NO, in->a, 0);

		set_class(u, cls);
		if (t == T_NO) {
			u->have_clear_loc = true;
			u->clear_loc = in->loc;
		}
		add_event(fn, in, u, EV_FLAGS, in->a);
		if (t > u->flag)
			u->flag = t;
		if (t == T_YES && !u->have_flag_loc) {
			u->have_flag_loc = true;
			u->flag_loc = in->loc;
		}
		/* urb->transfer_flags = URB_ISO_ASAP: all flags are decided here, as by hand-
		 * written isochronous set-up (ttusbir, dvb-usb's usb-urb.c) */
		if (!keeps_old_flags(fn, in->a, 0))
			u->filled = true;
	} else if (ident_member_owner(fn, p, "urb", "transfer_buffer_length", key, sizeof(key))) {
		use_of(key)->zero_length = ir_is_const(fn, in->a, &c) && !c;
	} else if (ident_member_owner(fn, p, "urb", "pipe", key, sizeof(key))) {
		use_of(key)->filled = true;	/* set up by hand, not by usb_fill_* */
		use_of(key)->set_up = true;
		set_class(use_of(key), cls);
	} else if (ident_member_owner(fn, p, "urb", "transfer_buffer", key, sizeof(key))) {
		use_of(key)->buf_kinds |= flow_origin(flow, in->a).kinds;
		use_of(key)->set_up = true;
		set_class(use_of(key), cls);
	}
}

static void set_class(struct urb_use *u, const char *cls);
static struct urb_use *use_of(const char *key);

/* &urb->transfer_dma passed as a handle out-parameter: the use of that URB, NULL if not. */
static struct urb_use *handle_address(const struct ir_fn *fn, int arg)
{
	const struct ir_insn *def = ir_def(fn, arg);
	char key[IDENT_LEN];
	struct urb_use *u;

	if (!def || def->op != IR_ADDR ||
	    !ident_member_owner(fn, &def->place, "urb", "transfer_dma", key, sizeof(key)))
		return NULL;
	u = use_of(key);
	set_class(u, class_of_place(fn, &def->place));
	return u;
}

static void urb_call(const struct flow *flow, const struct ir_insn *in)
{
	const struct ir_fn *fn = flow_fn(flow);
	unsigned int n;
	const struct dma_api *rows = dma_api_rows(in->callee, &n);
	const struct summary *s = n ? NULL : summary_of(in->callee);
	int urb = 0, buf = 0, len = 0;
	char key[IDENT_LEN];
	struct urb_use *u;
	long long c;

	for (unsigned int i = 0; i < n; i++) {
		int arg;

		if (rows[i].arg > in->nargs)
			continue;
		arg = in->args[rows[i].arg - 1];
		if (rows[i].role == ROLE_URB) {
			urb = arg;
		} else if (rows[i].role == ROLE_DMA_BUF) {
			buf = arg;
			if (rows[i].len_arg && rows[i].len_arg <= in->nargs)
				len = in->args[rows[i].len_arg - 1];
		} else if (rows[i].role == ROLE_HANDLE_OUT && (u = handle_address(fn, arg))) {
			note_handle(u, in->loc);
			add_event(fn, in, u, EV_HANDLE, 0);
		} else if (rows[i].role == ROLE_URB_SUBMIT || rows[i].role == ROLE_URB_FREE) {
			ident_ptr(fn, arg, key, sizeof(key));
			set_class(use_of(key), class_of_value(fn, arg));
			add_event(fn, in, use_of(key), rows[i].role == ROLE_URB_SUBMIT ? EV_SUBMIT :
				  EV_FREE, 0);
		}
	}
	/* a helper of the unit that sets an URB up or sets / clears its flag */
	for (unsigned int i = 0; s && i < s->nurbs; i++) {
		const struct urb_fact *f = &s->urbs[i];

		if (f->urb.param < 0 || (unsigned int)f->urb.param >= in->nargs)
			continue;
		char wrapped[IDENT_LEN + 8];

		ident_ptr_member(fn, in->args[f->urb.param], f->urb.off, key, sizeof(key));
		snprintf(wrapped, sizeof(wrapped), f->deref ? "*(%s)+0" : "%s", key);
		u = use_of(wrapped);
		if (!f->deref && !f->urb.off) {		/* helper(dev->irq): that member's URB */
			set_class(u, class_of_value(fn, in->args[f->urb.param]));
		}
		u->filled |= f->filled;
		u->zero_length = false;		/* the helper may give it its length */
		/* a reset helper's whole `transfer_flags = 0` counts as filled for the caller;
		 * what it does is clear the flag */
		u->set_up |= f->filled && f->flag != FX_CLEAR;
		if (f->flag != FX_NONE)
			add_event(fn, in, u, EV_FLAG_EFFECT, (int)f->flag);
		if (f->flag == FX_CLEAR) {
			u->have_clear_loc = true;
			u->clear_loc = in->loc;
		}
		if (f->handle) {	/* the helper stores the handle: reported at this call */
			note_handle(u, in->loc);
			add_event(fn, in, u, EV_HANDLE, 0);
		}
	}
	/* a helper of the unit that stores a handle through an out-parameter */
	for (unsigned int i = 0; s && i < in->nargs && i < MAX_TRACKED_PARAMS; i++) {
		if ((s->handle_out & (1ULL << i)) && (u = handle_address(fn, in->args[i]))) {
			note_handle(u, in->loc);
			add_event(fn, in, u, EV_HANDLE, 0);
		}
	}
	if (urb) {		/* usb_fill_*_urb(urb, ..., buf, ...) */
		ident_ptr(fn, urb, key, sizeof(key));
		u = use_of(key);
		set_class(u, class_of_value(fn, urb));
		u->filled = true;
		u->set_up = true;
		/* usb_fill_bulk_urb(urb, ..., buf, 0, ...): a zero-length packet, no DMA */
		if (len && ir_is_const(fn, len, &c))
			u->zero_length = !c;
		else
			u->zero_length = false;
		if (buf)
			u->buf_kinds |= flow_origin(flow, buf).kinds;
	}
}

static bool computed;

void urb_begin_function(void)
{
	computed = false;
	nuses = 0;
	nevents = 0;
}

/* ---- per path: the (flag, handle) pairs each point may see ---------------------------- */

enum { F_UNTOUCHED, F_NO, F_YES, F_MAYBE };

#define PAIR(flag, handle) (1u << ((flag) * 2 + (handle)))

static unsigned int flag_of(enum tri t)
{
	return t == T_YES ? F_YES : (t == T_NO ? F_NO : F_MAYBE);
}

/* One event on a set of pairs. */
static unsigned int apply(const struct ir_fn *fn, const struct event *ev, unsigned int pairs)
{
	unsigned int out = 0;

	for (unsigned int f = 0; f < 4; f++) {
		for (unsigned int h = 0; h < 2; h++) {
			if (!(pairs & PAIR(f, h)))
				continue;
			switch (ev->kind) {
			case EV_FLAGS: {
				const char *key = uses[ev->use].key;
				enum tri old = f == F_YES ? T_YES : (f == F_MAYBE ? T_MAYBE : T_NO);

				/* flags untouched so far stay so under `|= URB_ZERO_PACKET`:
				 * what the value keeps of the old flags is the old value */
				if (f == F_UNTOUCHED && has_flag(fn, key, T_NO, ev->value, 0) !=
							has_flag(fn, key, T_YES, ev->value, 0))
					out |= PAIR(F_UNTOUCHED, h);
				else
					out |= PAIR(flag_of(has_flag(fn, key, old, ev->value, 0)), h);
				break;
			}
			case EV_HANDLE:
				out |= PAIR(f, 1);
				break;
			case EV_NO_HANDLE:
				out |= PAIR(f, 0);
				break;
			case EV_FREE:
				break;		/* the URB is gone on this path */
			case EV_FLAG_EFFECT:
				out |= PAIR(ev->value == FX_SET ? F_YES : ev->value == FX_CLEAR ? F_NO :
					    F_MAYBE, h);
				break;
			default:
				out |= PAIR(f, h);
				break;
			}
		}
	}
	return out;
}

static void record(struct urb_use *u, unsigned int pairs)
{
	u->at_use |= pairs;
}

/* Does block b end in a test of an URB pointer against NULL (`if (dev->bt_urb)`,
 * `if (!urb)`)? Then *use is that URB and the result the successor slot on which the pointer
 * is NULL: no URB there, so its paths end on that edge (bcm5974_probe() allocates the button
 * URB's buffer and sets its flag under two separate `if (dev->bt_urb)`; the path that skips
 * the first and takes the second does not exist). -1 if not. */
static int null_edge(const struct ir_fn *fn, int b, size_t *use)
{
	const struct ir_bb *bb = &fn->bbs[b];
	const struct ir_insn *br;
	char key[IDENT_LEN];
	enum ir_cmp cmp;
	int v, b_val, null_slot;
	bool negate = false;
	long long c;

	if (bb->last <= bb->first || bb->nsucc != 2 || bb->succ[0] == bb->succ[1])
		return -1;
	br = &fn->insns[bb->last - 1];
	if (br->op != IR_BRANCH)
		return -1;
	v = br->a;
	cmp = br->cmp;
	b_val = br->b;
	/* `p != 0`, `p == 0`, and (sparse) a branch on the value of such a comparison */
	for (int depth = 0; depth < 4; depth++) {
		const struct ir_insn *def;

		if ((cmp != IRC_NE && cmp != IRC_EQ) || v <= 0 ||
		    (b_val > 0 && !(ir_is_const(fn, b_val, &c) && !c)))
			return -1;
		def = ir_def(fn, v);
		if (!def || def->op != IR_ARITH || def->arith != IRA_CMP)
			break;
		/* branch on (x cmp2 0) != 0 is x cmp2 0; == 0 is its negation */
		negate ^= cmp == IRC_EQ;
		cmp = def->cmp;
		v = def->a;
		b_val = def->b;
	}
	if ((cmp != IRC_NE && cmp != IRC_EQ) || v <= 0 ||
	    (b_val > 0 && !(ir_is_const(fn, b_val, &c) && !c)))
		return -1;
	/* the test holds (succ[0]) when v != 0 for NE; the NULL edge is the other one */
	null_slot = (cmp == IRC_NE) ^ negate ? 1 : 0;
	ident_ptr(fn, v, key, sizeof(key));
	for (size_t u = 0; u < nuses; u++) {
		if (strcmp(uses[u].key, key))
			continue;
		*use = u;
		return null_slot;
	}
	return -1;
}

/* paths.h's state of the URB uses: one word per use, its pairs (PAIR()) on some path. */
struct urb_paths {
	const struct ir_fn *fn;
	int *null_slot;		/* per block: the successor that is the NULL edge of a test, -1 */
	size_t *null_use;	/* per block: the use that edge is about */
};

static void urb_block(void *ctx, int b, path_word *cur, bool final)
{
	const struct urb_paths *up = ctx;
	const struct ir_fn *fn = up->fn;
	const struct ir_bb *bb = &fn->bbs[b];

	if (!final) {
		for (size_t e = 0; e < nevents; e++)
			if (events[e].insn >= bb->first && events[e].insn < bb->last)
				cur[events[e].use] = apply(fn, &events[e],
							   (unsigned int)cur[events[e].use]);
		return;
	}
	/* what submits and returns see */
	for (int i = bb->first; i < bb->last; i++) {
		for (size_t e = 0; e < nevents; e++) {
			if (events[e].insn != i)
				continue;
			if (events[e].kind == EV_SUBMIT) {
				struct urb_use *u = &uses[events[e].use];
				unsigned int now = (unsigned int)cur[events[e].use];

				record(u, now);
				u->submitted = true;
				if ((now & PAIR(F_NO, 0)) && u->have_clear_loc &&
				    !u->have_cleared_submit) {
					u->have_cleared_submit = true;
					u->cleared_submit_loc = fn->insns[i].loc;
					u->cleared_by_loc = u->clear_loc;
				}
				if (now & PAIR(F_YES, 0))
					u->have_flag_submit = true;
			}
			cur[events[e].use] = apply(fn, &events[e], (unsigned int)cur[events[e].use]);
		}
		if (fn->insns[i].op == IR_RETURN)
			for (size_t u = 0; u < nuses; u++) {
				record(&uses[u], (unsigned int)cur[u]);
				uses[u].at_exit |= (unsigned int)cur[u];
			}
	}
}

/* The NULL edge of `if (urb)` carries nothing of that URB. */
static void urb_edge(void *ctx, int b, int k, path_word *along)
{
	const struct urb_paths *up = ctx;

	if (k == up->null_slot[b])
		along[up->null_use[b]] = 0;
}

/* Forward over the CFG (paths.h): the pairs on entry of each block, to a fixpoint; then every
 * usb_submit_urb() and return records what it sees. */
static void paths(const struct ir_fn *fn)
{
	size_t nb = (size_t)fn->nbbs;
	struct urb_paths up = { fn, NULL, NULL };
	struct paths p;

	if (!nuses || !nb || !nevents)
		return;
	paths_init(&p, fn, nuses);
	for (size_t u = 0; u < nuses; u++)
		paths_in(&p, 0)[u] = PAIR(F_UNTOUCHED, 0);	/* block 0: the entry */
	up.null_slot = axrealloc(NULL, nb * sizeof(*up.null_slot));
	up.null_use = axrealloc(NULL, nb * sizeof(*up.null_use));
	for (int b = 0; b < fn->nbbs; b++)
		up.null_slot[b] = null_edge(fn, b, &up.null_use[b]);
	paths_solve(&p, 64, urb_block, urb_edge, &up);
	free(up.null_slot);
	free(up.null_use);
	paths_free(&p);
}

bool urb_flag_missing_at_use(const struct urb_use *u)
{
	unsigned int set = PAIR(F_YES, 0) | PAIR(F_YES, 1) | PAIR(F_MAYBE, 0) | PAIR(F_MAYBE, 1);
	unsigned int bad = PAIR(F_UNTOUCHED, 1) | PAIR(F_NO, 1);

	/* a handle on some path, the flag on none */
	return (u->at_use & bad) && !(u->at_use & set);
}

bool urb_handle_missing_at_use(const struct urb_use *u)
{
	return u->at_use & PAIR(F_YES, 0);	/* some path: the flag, no handle */
}

const struct urb_use *urb_uses(const struct flow *flow, size_t *n)
{
	const struct ir_fn *fn = flow_fn(flow);

	if (!computed) {
		computed = true;
		nuses = 0;
		nowned = 0;
		for (int i = 0; i < fn->ninsns; i++) {
			const struct ir_insn *in = &fn->insns[i];

			if (in->op == IR_STORE)
				urb_store(flow, in);
			else if (in->op == IR_CALL && in->callee)
				urb_call(flow, in);
		}
		paths(fn);
		for (size_t o = 0; o < nowned; o++)
			for (size_t u = 0; u < nuses; u++)
				if (!strcmp(uses[u].key, owned[o].key))
					set_class(&uses[u], owned[o].cls);
		urb_unit_note(uses, nuses);
	}
	*n = nuses;
	return uses;
}

void urb_summarise(const struct flow *flow)
{
	size_t n;
	const struct urb_use *all = urb_uses(flow, &n);

	for (size_t i = 0; i < n; i++) {
		const struct urb_use *u = &all[i];
		unsigned int yes = PAIR(F_YES, 0) | PAIR(F_YES, 1);
		unsigned int no = PAIR(F_NO, 0) | PAIR(F_NO, 1);
		unsigned int untouched = PAIR(F_UNTOUCHED, 0) | PAIR(F_UNTOUCHED, 1);
		unsigned int with_handle = PAIR(F_UNTOUCHED, 1) | PAIR(F_NO, 1) | PAIR(F_YES, 1) |
					   PAIR(F_MAYBE, 1);
		enum urb_flag_effect fx = FX_NONE;
		struct member_src src;
		bool deref = false;
		int used = 0;

		/* "P<param>+<offset>": an URB a parameter points to; "*(P<param>+<offset>)+0":
		 * the one a member of it points to (pm->irq) */
		if (sscanf(u->key, "P%d+%lld%n", &src.param, &src.off, &used) != 2 || u->key[used]) {
			used = 0;
			if (sscanf(u->key, "*(P%d+%lld)+0%n", &src.param, &src.off, &used) != 2 ||
			    u->key[used])
				continue;
			deref = true;
		}
		if (u->at_exit && !(u->at_exit & ~yes))
			fx = FX_SET;
		else if (u->at_exit && !(u->at_exit & ~no))
			fx = FX_CLEAR;
		else if (u->at_exit & ~(untouched))
			fx = FX_MAYBE;
		/* a handle counts for the caller only when this function did not set the URB up:
		 * an URB filled here is judged here (reported once, not again at each caller) */
		summary_urb(src, deref, fx, u->filled,
			    !u->filled && u->at_exit && !(u->at_exit & ~with_handle));
	}
}

void urb_forget(void)
{
	free(uses);
	free(events);
	free(owned);
	uses = NULL;
	events = NULL;
	owned = NULL;
	nuses = capuses = nevents = capevents = nowned = capowned = 0;
}
