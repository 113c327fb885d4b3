// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/check-urb-control-dir-mismatch.c - urb-control-dir-mismatch: a control transfer
 * whose pipe direction (usb_sndctrlpipe()/usb_rcvctrlpipe()) disagrees with the direction
 * 6.1's usb_submit_urb() derives from the setup packet: OUT when bRequestType lacks USB_DIR_IN
 * or wLength is 0, else IN. usbcore then WARNs "BOGUS control dir, pipe %x doesn't match
 * bRequestType %x" and runs the data stage the setup packet's way.
 *
 * Transfers: the DMA_CTRL rows of rules/dma-apis.def, with the pipe, bRequestType and wLength
 * as arguments (usb_control_msg(), usb_stor_ctrl_transfer()) or as the fields of a struct
 * usb_ctrlrequest the function fills by hand and gives to usb_fill_control_urb(). A pipe's
 * direction is bit 7 (USB_DIR_IN): constants, ORs with constants, and DMA_PIPE builders
 * (__create_pipe() has no direction bit). Values are followed through copies, casts, phis
 * and selects whose arms agree, locals kept in memory, and parameters: a function that hands
 * its parameters to a transfer is a wrapper (its facts, below), and its callers' arguments
 * are judged at the call, with the path as a note (any depth inside the unit).
 *
 * Silent: a direction that is not known on both sides (a pipe chosen at run time from
 * bRequestType, a request type loaded from a table), an IN request whose wLength is not known
 * (with wLength 0 it is OUT), usb_control_msg_send()/recv() (they build their own pipe).
 * Limits: pipes kept in a driver's struct (dev->ctrl_in_pipe) and setup packets filled in
 * another function are not followed; a field written twice with different constants is
 * unknown (flow-insensitive, like origin.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "map.h"

#define USB_DIR_IN_BIT 0x80	/* include/uapi/linux/usb/ch9.h: bRequestType and pipe bit 7 */
#define MAX_DEPTH 8

/* A value at a transfer: a constant, or parameter `v` of the function ORed with `orbits`. */
struct src {
	enum { SRC_UNKNOWN, SRC_CONST, SRC_PARAM } kind;
	long long v, orbits;
};

/* A transfer some of whose values are the function's parameters. */
struct ctrl_fact {
	struct src pipe, reqtype, wlength;
	struct guards guards;		/* conditions on parameters on the way (guards.c) */
	char path[160];
};

struct fn_facts {
	struct ctrl_fact *f;
	unsigned int n;
};

static struct amap index_of;	/* interned function name -> facts[] */
static struct fn_facts *facts;
static long nfacts, capfacts;
static long current = -1;	/* the function being checked */

static const struct src unknown = { SRC_UNKNOWN, 0, 0 };

static struct src eval(const struct ir_fn *fn, int v, int depth);

static bool same_src(struct src a, struct src b)
{
	return a.kind == b.kind && a.v == b.v && a.orbits == b.orbits;
}

/* What every store to the place's key in fn stores, if they all agree. */
static struct src stored_at(const struct ir_fn *fn, const char *key, unsigned int size, int depth)
{
	struct src s = unknown;
	bool any = false;
	char k[IDENT_LEN];

	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];
		struct src t;

		if (in->op != IR_STORE || in->place.var_index || (size && in->place.size != size))
			continue;
		ident_place(fn, &in->place, k, sizeof(k));
		if (strcmp(k, key))
			continue;
		t = eval(fn, in->a, depth + 1);
		if (t.kind == SRC_UNKNOWN || (any && !same_src(s, t)))
			return unknown;
		s = t;
		any = true;
	}
	return s;
}

static struct src eval(const struct ir_fn *fn, int v, int depth)
{
	const struct ir_val *val;
	const struct ir_insn *in;
	struct src a, b;
	long long c;

	if (depth > MAX_DEPTH || v <= 0 || v >= fn->nvals)
		return unknown;
	if (ir_is_const(fn, v, &c)) {
		struct src s = { SRC_CONST, c, 0 };
		return s;
	}
	val = &fn->vals[v];
	while (val->kind == IRV_TEMP && val->def >= 0 && fn->insns[val->def].op == IR_COPY &&
	       fn->insns[val->def].a > 0 && fn->insns[val->def].a < fn->nvals)
		val = &fn->vals[fn->insns[val->def].a];		/* copies and casts */
	if (val->kind == IRV_PARAM) {
		struct src s = { SRC_PARAM, val->param, 0 };
		return s;
	}
	in = ir_def(fn, v);
	if (!in)
		return unknown;
	switch (in->op) {
	case IR_ARITH:
		if (in->arith != IRA_OR)
			return unknown;
		a = eval(fn, in->a, depth + 1);
		b = eval(fn, in->b, depth + 1);
		if (a.kind == SRC_CONST && b.kind != SRC_UNKNOWN) {
			struct src t = a;
			a = b;
			b = t;
		}
		if (b.kind != SRC_CONST || a.kind == SRC_UNKNOWN)
			return unknown;
		if (a.kind == SRC_CONST)
			a.v |= b.v;
		else
			a.orbits |= b.v;
		return a;
	case IR_PHI:
	case IR_SELECT: {
		unsigned int n = in->op == IR_PHI ? in->nargs : 2;

		for (unsigned int i = 0; i < n; i++) {
			b = eval(fn, in->op == IR_PHI ? in->args[i] : i ? in->c : in->b, depth + 1);
			if (b.kind == SRC_UNKNOWN || (i && !same_src(a, b)))
				return unknown;
			a = b;
		}
		return n ? a : unknown;
	}
	case IR_CALL:
		if (in->callee && dma_pipe_builder(in->callee)) {
			struct src s = { SRC_CONST, 0, 0 };	/* device and endpoint: no bit 7 */
			return s;
		}
		return unknown;
	case IR_LOAD: {
		char key[IDENT_LEN];

		if (in->place.var_index)
			return unknown;
		if (in->place.object >= 0 && fn->objs[in->place.object].param >= 0 &&
		    !in->place.offset) {
			struct src s = { SRC_PARAM, fn->objs[in->place.object].param, 0 };
			return s;	/* a parameter kept in memory (-O0) */
		}
		if (in->place.object < 0)
			return unknown;	/* memory others may write */
		ident_place(fn, &in->place, key, sizeof(key));
		return stored_at(fn, key, in->place.size, depth);
	}
	default:
		return unknown;
	}
}

/* A field of a setup packet the function fills: bRequestType (offset 0), wLength (6). */
static struct src setup_field(const struct ir_fn *fn, int setup, long long off, unsigned int size)
{
	char key[IDENT_LEN];
	struct src lo, hi;

	ident_ptr_member(fn, setup, off, key, sizeof(key));
	lo = stored_at(fn, key, size, 0);
	if (lo.kind != SRC_UNKNOWN || size != 2)
		return lo;
	/* wLength written a byte at a time (setup[6] = len; setup[7] = len >> 8) */
	lo = setup_field(fn, setup, off, 1);
	hi = setup_field(fn, setup, off + 1, 1);
	if (lo.kind != SRC_CONST || hi.kind != SRC_CONST)
		return unknown;
	lo.v = (lo.v & 0xff) | (hi.v & 0xff) << 8;
	return lo;
}

static const char *dir_name(bool in)
{
	return in ? "IN" : "OUT";
}

static void add_fact(struct src pipe, struct src rt, struct src wl, const struct guards *g,
		     const char *path)
{
	struct fn_facts *ff;
	struct ctrl_fact *f;

	if (current < 0)
		return;
	ff = &facts[current];
	for (unsigned int i = 0; i < ff->n; i++)
		if (same_src(ff->f[i].pipe, pipe) && same_src(ff->f[i].reqtype, rt) &&
		    same_src(ff->f[i].wlength, wl)) {
			if (!g->n)
				ff->f[i].guards.n = 0;	/* reached unconditionally somewhere */
			return;
		}
	ff->f = axrealloc(ff->f, (ff->n + 1) * sizeof(*ff->f));
	f = &ff->f[ff->n++];
	f->pipe = pipe;
	f->reqtype = rt;
	f->wlength = wl;
	f->guards = *g;
	snprintf(f->path, sizeof(f->path), "%.*s", (int)sizeof(f->path) - 1, path);
}

/* A transfer with these values at `at` (reaching `path`): reported if both directions are
 * known and disagree, a fact of the function (as fact_path) if they depend on its parameters.
 * via: the wrapper called, or NULL. */
static void judge(const struct ir_insn *at, struct src pipe, struct src rt, struct src wl,
		  const char *path, const char *via, const char *fact_path,
		  const struct guards *g)
{
	bool pipe_in, is_out;

	if (pipe.kind == SRC_UNKNOWN || rt.kind == SRC_UNKNOWN)
		return;
	if (pipe.kind == SRC_CONST && rt.kind == SRC_CONST &&
	    (wl.kind != SRC_PARAM || !(rt.v & USB_DIR_IN_BIT))) {
		pipe_in = (pipe.v & USB_DIR_IN_BIT) != 0;
		if (!(rt.v & USB_DIR_IN_BIT))
			is_out = true;
		else if (wl.kind == SRC_CONST)
			is_out = (wl.v & 0xffff) == 0;
		else
			return;		/* IN, unless wLength is 0: not known */
		if (pipe_in != is_out || !report(RULE_URB_CONTROL_DIR_MISMATCH, at->loc))
			return;
		if (via)
			report_note(at->loc, "passed to %s(), which hands it to %s", via, path);
		if (!(rt.v & USB_DIR_IN_BIT))
			report_note(at->loc, "the pipe is %s but bRequestType 0x%02llx makes the "
				    "request OUT", dir_name(pipe_in), rt.v & 0xff);
		else
			report_note(at->loc, "the pipe is %s but bRequestType 0x%02llx with wLength "
				    "%lld makes the request %s", dir_name(pipe_in), rt.v & 0xff,
				    wl.v & 0xffff, dir_name(!is_out));
		return;
	}
	add_fact(pipe, rt, wl, g, fact_path);
}

/* A fact's value at a call of its function: the caller's argument, ORed. */
static struct src at_call(const struct ir_fn *fn, const struct ir_insn *call, struct src s)
{
	struct src a;

	if (s.kind != SRC_PARAM)
		return s;
	if (s.v < 0 || (unsigned long long)s.v >= call->nargs)
		return unknown;
	a = eval(fn, call->args[s.v], 0);
	if (a.kind == SRC_CONST)
		a.v |= s.orbits;
	else if (a.kind == SRC_PARAM)
		a.orbits |= s.orbits;
	return a;
}

static void ctrl_call(const struct ir_fn *fn, const struct ir_insn *in)
{
	const struct dma_ctrl *row = ctrl_row(in->callee);
	struct src pipe, rt, wl;
	struct guards g, here;
	char path[512];
	long i;

	if (row) {
		if (!row->pipe_arg || row->pipe_arg > in->nargs || row->reqtype_arg > in->nargs ||
		    row->wlength_arg > in->nargs || row->setup_arg > in->nargs)
			return;
		pipe = eval(fn, in->args[row->pipe_arg - 1], 0);
		if (row->reqtype_arg) {
			rt = eval(fn, in->args[row->reqtype_arg - 1], 0);
			wl = row->wlength_arg ? eval(fn, in->args[row->wlength_arg - 1], 0) : unknown;
		} else if (row->setup_arg) {
			rt = setup_field(fn, in->args[row->setup_arg - 1], 0, 1);
			wl = setup_field(fn, in->args[row->setup_arg - 1], 6, 2);
			/* a parameter stored in a field is not the parameter at the call */
			if (rt.kind == SRC_PARAM)
				return;
			if (wl.kind == SRC_PARAM)
				wl = unknown;
		} else {
			return;
		}
		snprintf(path, sizeof(path), "%s()", in->callee);
		guards_of_block(fn, in->bb, &g);
		judge(in, pipe, rt, wl, path, NULL, path, &g);
		return;
	}
	i = amap_get(&index_of, &in->callee, sizeof(in->callee));
	if (i < 0 || i == current)
		return;
	for (unsigned int k = 0; k < facts[i].n; k++) {
		const struct ctrl_fact *f = &facts[i].f[k];

		guards_at_call(&f->guards, fn, in, &g);
		if (!guards_may_hold(&g))
			continue;	/* the constant arguments take the other branch */
		guards_of_block(fn, in->bb, &here);
		guards_add(&g, &here);
		snprintf(path, sizeof(path), "%s() -> %s", in->callee, f->path);
		judge(in, at_call(fn, in, f->pipe), at_call(fn, in, f->reqtype),
		      at_call(fn, in, f->wlength), f->path, in->callee, path, &g);
	}
}

static void ctrl_begin(const struct flow *flow)
{
	const char *name = flow_fn(flow)->name;

	current = amap_get(&index_of, &name, sizeof(name));
	if (current < 0) {
		if (nfacts == capfacts) {
			capfacts = capfacts ? 2 * capfacts : 64;
			facts = axrealloc(facts, (size_t)capfacts * sizeof(*facts));
		}
		memset(&facts[nfacts], 0, sizeof(facts[0]));
		current = nfacts++;
		amap_put(&index_of, &name, sizeof(name), current);
	}
	free(facts[current].f);		/* recomputed in every round */
	facts[current].f = NULL;
	facts[current].n = 0;
}

static void ctrl_insn(const struct flow *flow, const struct ir_insn *in)
{
	if (in->op == IR_CALL && in->callee)
		ctrl_call(flow_fn(flow), in);
}

static void ctrl_end(const struct flow *flow)
{
	(void)flow;
	current = -1;
}

static void ctrl_unit_end(void)
{
	for (long i = 0; i < nfacts; i++)
		free(facts[i].f);
	free(facts);
	facts = NULL;
	nfacts = capfacts = 0;
	amap_clear(&index_of);
	current = -1;
}

const struct analysis_check check_urb_control_dir_mismatch = {
	"urb-control-dir-mismatch", ctrl_begin, ctrl_insn, ctrl_end, ctrl_unit_end,
};
