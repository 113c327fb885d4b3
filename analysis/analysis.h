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
/* The key of a place. */
void ident_place(const struct ir_fn *fn, const struct ir_place *p, char *buf, size_t len);
/* If the place's innermost member is record.field, true and the key of that record object
 * (the struct urb a store to urb->transfer_dma is about). */
bool ident_member_owner(const struct ir_fn *fn, const struct ir_place *p, const char *record,
			const char *field, char *buf, size_t len);
/* Does the place's innermost member name record.field? */
bool place_is_member(const struct ir_place *p, const char *record, const char *field);
/* The instruction that defines v, after copies; NULL if none. */
const struct ir_insn *ir_def(const struct ir_fn *fn, int v);
bool ir_is_const(const struct ir_fn *fn, int v, long long *cst);

/* ---- origins (origin.c) ------------------------------------------------------------- */

enum origin_kind {
	O_STACK = 1 << 0,	/* the address of an object in this function's frame */
	O_USBDEV = 1 << 1,	/* a USB device's or interface's struct device (DMA_USBDEV) */
	O_NONCOH = 1 << 2,	/* memory from a non-coherent allocator, the stack or a static */
	O_COHERENT = 1 << 3,	/* memory from a coherent DMA allocator */
};

#define MAX_TRACKED_PARAMS 64

struct origin {
	unsigned int kinds;
	uint64_t params;	/* bit i: the value may come from parameter i */
	int stack_obj;		/* the first stack object seen (for the note), -1 if none */
};

struct flow;

struct flow *flow_analyze(const struct ir_fn *fn);
void flow_free(struct flow *flow);
const struct ir_fn *flow_fn(const struct flow *flow);
struct origin flow_origin(const struct flow *flow, int v);

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

void summary_register_rule(enum dmacheck_rule rule, unsigned int kind);
/* Parameters among o's reach a sink of `rule` ("usb_control_msg()"). */
void summary_sink(enum dmacheck_rule rule, const struct flow *flow, const struct origin *o,
		  const char *sink);
/* A call of the unit: its arguments' origins, for later resolution. */
void summary_call(const struct flow *flow, const struct ir_insn *call);
void summary_finish_unit(void);

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
