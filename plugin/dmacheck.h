/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck.h - what the plugin's files share: the catalogue (rules/rules.def and
 * rules/dma-apis.def compiled in), the value-origin analysis of one function, the
 * interprocedural summaries, diagnostics, and the check interface.
 *
 * A check is one file with one `struct dmacheck_check`: it sees every statement of every
 * function (after the origin analysis of that function ran) and may report at the end of the
 * function or of the translation unit. Checks do not depend on each other's order.
 */
#ifndef DMACHECK_H
#define DMACHECK_H

#include "gcc-compat.h"

/* ---- the catalogue ------------------------------------------------------------------- */

#include "catalogue.h"	/* rules/: the rules, the DMA API table and their lookups */

/* ---- small tree helpers -------------------------------------------------------------- */

/* Name of a RECORD_TYPE/UNION_TYPE ("urb" for struct urb), NULL if none. */
const char *record_name(const_tree type);
/* Name of a declaration, "" if anonymous. */
const char *decl_name(const_tree decl);
/* Called function's name, NULL for indirect calls. */
const char *call_name(const gimple *stmt);

/* ---- value origins (flow.c) ---------------------------------------------------------- */

enum origin_kind {
	O_STACK = 1 << 0,	/* the address of an object in this function's frame */
	O_USBDEV = 1 << 1,	/* &x->dev of a struct usb_interface / struct usb_device */
	O_NONCOH = 1 << 2,	/* memory from a non-coherent allocator, the stack or a static */
	O_COHERENT = 1 << 3,	/* memory from a coherent DMA allocator */
};

#define MAX_TRACKED_PARAMS 64

struct origin {
	unsigned int kinds;
	unsigned HOST_WIDE_INT params;	/* bit i: the value may come from parameter i */
	tree stack_decl;		/* the first stack object seen, for the note */
};

/* Per-function result of the origin analysis: may-point-to facts, flow-insensitive. */
struct flow;

struct origin flow_origin(const struct flow *flow, tree value);
tree flow_fndecl(const struct flow *flow);
/* 0-based index of a PARM_DECL of the function, -1 if not one. */
int flow_param_index(const struct flow *flow, const_tree parm);

struct flow *flow_analyze(function *fun);
void flow_free(struct flow *flow);

/* ---- interprocedural summaries (summary.c) ------------------------------------------- */

/*
 * "value reaches a sink of `rule`" facts. A check reports origins it can judge at once and
 * hands the rest here: parameter-derived values become the function's summary ("parameter i
 * reaches usb_control_msg()"), and calls to functions of this unit are resolved at the end
 * of the unit, reporting at the call that passes the offending object.
 */
void summary_sink(enum dmacheck_rule rule, const struct flow *flow, const struct origin *o,
		  const char *sink);
/* Record a call (the origins of all its arguments) for later resolution. */
void summary_call(const struct flow *flow, const gimple *stmt);
/* The origin kind a rule is about (O_STACK for dma-on-stack, O_USBDEV for usb-dma-mask). */
void summary_register_rule(enum dmacheck_rule rule, unsigned int kind);
void summary_finish_unit(void);

/* ---- diagnostics (dmacheck.c) -------------------------------------------------------- */

bool rule_enabled(enum dmacheck_rule rule);
/* "warning: <message> [dmacheck-<slug>]" (an error with -fplugin-arg-dmacheck-error);
 * false if the rule is disabled or the same rule was already reported at loc. */
bool report(enum dmacheck_rule rule, location_t loc);
/* A note following the last report (text already formatted). */
void report_note(location_t loc, const char *text);
/* "note: 'buf' declared here" for the stack object of an origin. */
void note_declared(tree decl);

/* ---- checks --------------------------------------------------------------------------- */

struct dmacheck_check {
	const char *name;
	void (*stmt)(const struct flow *flow, gimple *stmt);
	void (*function_end)(const struct flow *flow);
	void (*unit_end)(void);
};

extern const struct dmacheck_check check_dma_on_stack;
extern const struct dmacheck_check check_usb_dma_mask;
extern const struct dmacheck_check check_urb_dma;

#endif /* DMACHECK_H */
