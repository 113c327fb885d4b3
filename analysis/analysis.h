/* SPDX-License-Identifier: GPL-2.0 */
/*
 * analysis/analysis.h - what the files of the analysis share (front ends see only dmacheck-ir.h):
 *
 *   identity (ident.c)   how a function names an object: a pointer value or a place as a
 *                        text key ("P0+88", "*(O3+0)+16", "O2+8[]"), after copies, casts,
 *                        constant offsets and loads; equal keys are the same memory
 *   origins (origin.c)   where a value may come from (may-analysis, iterated to a fixpoint)
 *   URB state (urb.c)    each URB the function sets up, its handle and flag as they are
 *                        where it is submitted or escapes, per path
 *   summaries (summary.c) parameters reaching sinks, across the unit's functions
 *   diagnostics (report.c) rules enabled, once per place, notes
 *   checks               one file per rule (check-*.c), listed in check_list.h
 */
#ifndef DMACHECK_ANALYSIS_H
#define DMACHECK_ANALYSIS_H

#include <stddef.h>
#include <stdint.h>

#include "dmacheck-ir.h"
#include "catalogue.h"

/* ---- identity (ident.c) --------------------------------------------------------------- */

#define IDENT_LEN 192

/* The key of what pointer value v points to. */
void ident_ptr(const struct ir_fn *fn, int v, char *buf, size_t len);
/* The key of *(v + member). */
void ident_ptr_member(const struct ir_fn *fn, int v, long long member, char *buf, size_t len);
/* The key of a place. */
void ident_place(const struct ir_fn *fn, const struct ir_place *p, char *buf, size_t len);
void ident_cache_free(void *cache);	/* ir_fn_free()'s */
/* If the place's innermost member is record.field, true and the key of that record object
 * (the struct urb a store to urb->transfer_dma is about). */
bool ident_member_owner(const struct ir_fn *fn, const struct ir_place *p, const char *record,
			const char *field, char *buf, size_t len);
/* "record.field" interned (one pointer per name: a key for map.h's named tables), NULL if
 * either is anonymous. urb-unit.c's URB classes and indirect.c's ops-table members. */
const char *member_name(const char *record, const char *field);
/* Does the place's innermost member name record.field? */
bool place_is_member(const struct ir_place *p, const char *record, const char *field);
/* ---- calls through ops tables (indirect.c) ------------------------------------------- */

/* Give the unit's calls through an ops table's member their callee, where the unit proves it. */
void indirect_resolve(struct ir_fn *const *fns, size_t nfns);
void indirect_forget_unit(void);
/* " (through vnd_bus_ops.read)" for a call indirect_resolve() resolved, else "". */
void indirect_via(const struct ir_fn *fn, const struct ir_insn *call, char *buf, size_t len);

/* The value v is, after copies and forwarded stores: a local `urb = dev->urb` read back at
 * -O0 is the value loaded from dev->urb (ir_def() of the result: that load). */
int ident_value_source(const struct ir_fn *fn, int v);
/* The instruction that defines v, after copies; NULL if none. */
const struct ir_insn *ir_def(const struct ir_fn *fn, int v);
bool ir_is_const(const struct ir_fn *fn, int v, long long *cst);

/* ---- origins (origin.c) ------------------------------------------------------------- */

enum origin_kind {
	O_STACK = 1 << 0,	/* the address of an object in this function's frame */
	O_USBDEV = 1 << 1,	/* a USB device's or interface's struct device (DMA_USBDEV) */
	O_NONCOH = 1 << 2,	/* memory from a non-coherent allocator, the stack or a static */
	O_COHERENT = 1 << 3,	/* memory from a coherent DMA allocator */
	O_VMALLOC = 1 << 4,	/* vmalloc memory (DMA_VMEM, DMA_VMEM_FIELD: fw->data) */
	O_VMALLOC_MAYBE = 1 << 5, /* kvmalloc() memory of a size that may be above PAGE_SIZE */
	O_IMAGE = 1 << 6,	/* a module's static data or rodata: outside the linear map
				 * (IRO_DATA, IRO_RODATA of a module or an unknown unit, sinks.c) */
	O_RODATA = 1 << 7,	/* a built-in's rodata: kernel rodata (IRO_RODATA, sinks.c) */
};

#define MAX_TRACKED_PARAMS 64
#define MAX_MEMBER_SOURCES 8

/* A member of what a pointer parameter points to, one level deep: req->wbuf is
 * { param of req, offset of wbuf }. */
struct member_src {
	int param;
	long long off;
};

struct origin {
	unsigned int kinds;
	uint64_t params;	/* bit i: the value may come from parameter i */
	int stack_obj;		/* the first stack object seen (for the note), -1 if none */
	unsigned int nmem;	/* members of pointer parameters it may come from */
	struct member_src mem[MAX_MEMBER_SOURCES];
};

struct origin origin_none(void);
bool origin_merge(struct origin *dst, const struct origin *src);
/* The parameter sources of o, if any (what summaries are made of). */
bool origin_has_sources(const struct origin *o);

struct flow;

/* Origins of one function, with the summaries of the functions it calls (summary.c). */
struct flow *flow_analyze(const struct ir_fn *fn);
void flow_free(struct flow *flow);
const struct ir_fn *flow_fn(const struct flow *flow);
struct origin flow_origin(const struct flow *flow, int v);
/* What the caller holds at *(v + off) at instruction at: a member of the object v points to
 * (its value on entry too when v is a parameter and no store to the member dominates at). */
struct origin flow_member(const struct flow *flow, const struct ir_insn *at, int v,
			  long long off);
/* Every place *(param + off) the function stores to (directly or through a callee), with
 * what it stores: the function's stores for its summary. */
void flow_param_stores(const struct flow *flow,
		       void (*fn)(struct member_src dst, const struct origin *val));
/* The parameter a pointer value is (after copies and constant offsets: *off), -1 if none. */
int param_pointer(const struct ir_fn *fn, int v, long long *off);

/* ---- dominators (dom.c) ---------------------------------------------------------------- */

struct dom;
struct dom *dom_compute(const struct ir_fn *fn);
bool dom_dominates(const struct dom *d, int a, int b);	/* block a on every path to b */
void dom_free(struct dom *d);

/* ---- conditions on parameters (guards.c) --------------------------------------------- */

#define MAX_GUARDS 4
#define MAX_BOUND 8

/* How a parameter of a guard's function is known at some call: a constant, a parameter of
 * the function the guard is now expressed in, or nothing. */
struct binding {
	enum { BIND_UNKNOWN, BIND_CONST, BIND_PARAM } kind;
	long long value;	/* BIND_CONST: the constant; BIND_PARAM: the parameter */
};

/* "the branch at insn `branch` of fn took edge `edge` (0 true, 1 false)", with fn's
 * parameters bound. */
struct guard {
	const struct ir_fn *fn;
	int branch, edge;
	struct binding bind[MAX_BOUND];
};

struct guards {
	unsigned int n;
	struct guard g[MAX_GUARDS];
};

/* Branches on parameters that hold on every path to block bb of fn (identity bindings). */
void guards_of_block(const struct ir_fn *fn, int bb, struct guards *out);
/* Guards of a callee re-expressed at a call of caller (bindings through the arguments). */
void guards_at_call(const struct guards *callee, const struct ir_fn *caller,
		    const struct ir_insn *call, struct guards *out);
/* False if some guard cannot hold (its condition evaluates to the other edge). */
bool guards_may_hold(const struct guards *g);
void guards_add(struct guards *dst, const struct guards *src);
void guards_forget(void);

/* ---- diagnostics (report.c) ----------------------------------------------------------- */

bool rule_enabled(enum dmacheck_rule rule);
/* The warning; false if disabled, already reported at that place, or not shown. */
bool report(enum dmacheck_rule rule, ir_loc loc);
/* A note after the last shown report. */
void report_note(ir_loc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "note: 'buf' declared here" for an object of fn (nothing for -1). */
void note_declared(const struct ir_fn *fn, int obj);
void report_note_declared(ir_loc loc, const char *name);
void report_forget_unit(void);

/* ---- summaries (summary.c) ------------------------------------------------------------ */

/*
 * Per function of the unit (bottom-up, analysis.c): which parameters and members of pointer
 * parameters reach which sink (and under which conditions on parameters), what it stores
 * into members of its parameters (out-parameters, hw->dev = ...), what it returns.
 */
struct sink_fact {
	struct member_src src;		/* off -1: the parameter's value itself */
	int rule;
	char *path;			/* "usb_control_msg()" or "wrap() -> usb_control_msg()" */
	struct guards guards;
	/* rule RULE_COUNT: not a sink but argument ext_arg (0-based) of ext, a function of
	 * another unit that no summary knows yet (xsummary.c writes it, the merge resolves it) */
	const char *ext;
	unsigned int ext_arg;
};

struct store_fact {
	struct member_src dst;		/* *(param + off) */
	struct origin val;		/* kinds, parameter sources; no stack object */
};

/* What a function leaves on an URB its parameter points to (urb.c's state at its returns). */
enum urb_flag_effect { FX_NONE, FX_SET, FX_CLEAR, FX_MAYBE };

struct urb_fact {
	struct member_src urb;		/* the struct urb at *(param + off) */
	bool deref;			/* ... or the one *(param + off) points to (dev->urb) */
	enum urb_flag_effect flag;
	bool filled;			/* set up (usb_fill_*_urb or by hand) there */
	bool handle;			/* a handle stored in its transfer_dma on every path
					 * (vnd_urb_attach(urb, buf): urb->transfer_dma = buf->dma) */
};

struct summary {
	const char *name;
	const char *file;		/* another unit's (the summaries database), NULL: this one */
	struct sink_fact *sinks;	unsigned int nsinks;
	struct store_fact *stores;	unsigned int nstores;
	struct origin ret;
	uint64_t handle_out;		/* bit i: stores a DMA handle through parameter i */
	struct urb_fact *urbs;		unsigned int nurbs;
	bool done;			/* computed in this round */
};

void summary_register_rule(enum dmacheck_rule rule, unsigned int kind);
/* The summary of a function of the unit, NULL if none (yet). */
const struct summary *summary_of(const char *name);
/* Sources of o reach a sink of `rule` ("usb_control_msg()") at instruction `at`. */
void summary_sink(enum dmacheck_rule rule, const struct flow *flow, const struct origin *o,
		  const char *sink, const struct ir_insn *at);
/* A call of the unit: its callee's sinks judged for the arguments (reported at the call)
 * and passed on to the caller's summary. */
void summary_call(const struct flow *flow, const struct ir_insn *call);
/* The function's summary from its finished flow; true if it changed. */
void summary_begin(const struct ir_fn *fn);
/* URB effects of the function being summarised (urb.c). */
void summary_urb(struct member_src urb, bool deref, enum urb_flag_effect flag, bool filled,
		 bool handle);
bool summary_end(const struct flow *flow);
/* Map a callee origin (in callee terms) to the caller at a call. */
struct origin summary_map(const struct flow *flow, const struct ir_insn *call,
			  const struct origin *callee);
void summary_forget_unit(void);
/* Every function of the unit is declared before the first round. */
void summary_declare(const char *name);
/* Did a call meet a function of the unit whose summary was not computed yet (recursion)?
 * Clears the flag. */
bool summary_missed(void);
/* ---- summaries across units (xsummary.c) --------------------------------------------- */

/* The database's summary of a function of another unit, NULL if none. */
const struct summary *xsummary_of(const char *name);
/* A non-static function of the unit (its summary is written at the end of the unit). */
void xsummary_public(const char *name);
/* Is an output directory set (are E facts worth collecting)? */
bool xsummary_writing(void);
/* Write the unit's file (before summary_forget_unit); forgets the public names. */
void xsummary_write_unit(void);

/* While muted (the rounds before the last), report() says nothing. */
void report_mute(bool muted);

/* ---- buffer sinks, vmalloc memory, control transfers (sinks.c) ------------------------------------------ */

typedef void (*buffer_judge)(const struct flow *flow, int value, const struct ir_insn *at,
			     const char *sink);
/* Each buffer the instruction hands to DMA (a ROLE_DMA_BUF/ROLE_SETUP_PKT argument, a store to
 * such a DMA_FIELD member), with the sink's name ("usb_control_msg()", "urb->transfer_buffer"). */
void buffer_sinks(const struct flow *flow, const struct ir_insn *in, buffer_judge judge);
/* Is the call a DMA_VMEM allocator? *kinds: O_VMALLOC, O_VMALLOC_MAYBE (kvmalloc() of a size
 * not known to be at most PAGE_SIZE) or 0 (kvmalloc() of a small constant size). */
bool vmem_call(const struct ir_fn *fn, const struct ir_insn *in, unsigned int *kinds);
/* Does a load from the place read a DMA_VMEM_FIELD member (fw->data)? */
bool vmem_field_place(const struct ir_place *p);
/* The callee's DMA_CTRL row (a control transfer), NULL if none; cached per interned name. */
const struct dma_ctrl *ctrl_row(const char *callee);
/* What the address of a static object of kind `kind` is for the unit being analysed (module,
 * built-in: analysis_unit_kbuild()): O_IMAGE, O_RODATA or 0. */
unsigned int image_kinds(enum ir_obj_kind kind);
/* The named static object v is the address of (after copies and pointer arithmetic), for a
 * "declared here" note; -1 if none. */
int image_object(const struct ir_fn *fn, int v);
/* The unit is done: back to "a module" for the next one. */
void image_forget_unit(void);

/* ---- checks --------------------------------------------------------------------------- */

struct analysis_check {
	const char *name;
	void (*function_begin)(const struct flow *flow);
	void (*insn)(const struct flow *flow, const struct ir_insn *in);
	void (*function_end)(const struct flow *flow);
	void (*unit_end)(void);
};

#define CHECK(name) extern const struct analysis_check check_##name;
#include "check_list.h"
#undef CHECK

#endif /* DMACHECK_ANALYSIS_H */
