/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck-sparse.h - what the files of the sparse front end share: the catalogue
 * (rules/rules.def and rules/dma-apis.def compiled in), types and members of sparse's
 * symbols, the value-origin analysis of one linearized function, the interprocedural
 * summaries, diagnostics, and the check interface.
 *
 * The semantics mirror the GCC plugin (plugin/dmacheck.h): same rules, same origins, same
 * summaries, same messages. The IR is sparse's linearized form, linearized without its
 * optimisation passes (mem2reg only) and without inlining, so that the kernel's DMA APIs and
 * the unit's own helpers are still calls, as in the plugin's pass after "ssa".
 *
 * A check is one file with one `struct dmcs_check`: it sees every instruction of every
 * function (after the origin analysis of that function ran) and may report at the end of the
 * function or of the translation unit. Checks do not depend on each other's order.
 */
#ifndef DMACHECK_SPARSE_H
#define DMACHECK_SPARSE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "lib.h"
#include "symbol.h"
#include "linearize.h"

/* ---- the catalogue (catalogue.c) ---------------------------------------------------- */

#include "catalogue.h"	/* rules/: the rules, the DMA API table and their lookups */

/* ---- types and members (types.c) ------------------------------------------------------ */

/* An identifier as a stable C string (NULL for none). */
const char *dmcs_ident(const struct ident *id);
/* The type behind typedefs and qualifiers (SYM_NODE chains). */
struct symbol *dmcs_base(struct symbol *type);
/* Name of a struct/union type ("urb"), NULL if none. */
const char *dmcs_record_name(struct symbol *type);
/* The struct a pointer value points to (for PSEUDO_SYM: the symbol's own type), or NULL. */
struct symbol *dmcs_pointee(struct entrypoint *ep, pseudo_t p);
/* The innermost named member at byte `offset` of `rec` (of `bytes` size if nonzero):
 * true with its record name, member name and the record's offset inside `rec`. */
bool dmcs_member_at(struct symbol *rec, long long offset, unsigned int bytes,
		    const char **record, const char **field, long long *rec_offset);
/* Name of the function a call calls, NULL for indirect calls. */
const char *dmcs_call_name(struct instruction *insn);
/* The i-th (0-based) argument of a call, NULL if none; *n the count. */
pseudo_t dmcs_call_arg(struct instruction *insn, unsigned int i);
unsigned int dmcs_call_nargs(struct instruction *insn);
/* Follow copies and casts. */
pseudo_t dmcs_strip(pseudo_t p);

/* ---- value origins (flow.c) ------------------------------------------------------------ */

enum origin_kind {
	O_STACK = 1 << 0,	/* the address of an object in this function's frame */
	O_USBDEV = 1 << 1,	/* &x->dev of a struct usb_interface / struct usb_device */
	O_NONCOH = 1 << 2,	/* memory from a non-coherent allocator, the stack or a static */
	O_COHERENT = 1 << 3,	/* memory from a coherent DMA allocator */
};

#define MAX_TRACKED_PARAMS 64

struct origin {
	unsigned int kinds;
	uint64_t params;		/* bit i: the value may come from parameter i (0-based) */
	struct symbol *stack_sym;	/* the first stack object seen, for the note */
};

struct flow;

struct flow *flow_analyze(struct entrypoint *ep);
void flow_free(struct flow *flow);
struct origin flow_origin(const struct flow *flow, pseudo_t value);
struct entrypoint *flow_ep(const struct flow *flow);
const char *flow_fn_name(const struct flow *flow);

/* ---- interprocedural summaries (summary.c) --------------------------------------------- */

void summary_sink(enum dmacheck_rule rule, const struct flow *flow, const struct origin *o,
		  const char *sink);
void summary_call(const struct flow *flow, struct instruction *insn);
void summary_register_rule(enum dmacheck_rule rule, unsigned int kind);
void summary_finish_unit(void);

/* ---- diagnostics (report.c) ------------------------------------------------------------ */

extern FILE *dmcs_out;		/* where findings go (stderr, kept when sparse's is muted) */
extern bool dmcs_disabled[RULE_COUNT];
extern bool dmcs_as_errors;
extern unsigned int dmcs_findings;

/* "file:line:col: warning: <message> [dmacheck-<slug>]"; false if the rule is disabled or
 * the same rule was already reported at that place. */
bool report(enum dmacheck_rule rule, struct position pos);
/* A note after the last shown report. */
void report_note(struct position pos, const char *fmt, ...) FORMAT_ATTR(2);
/* "note: 'buf' declared here" */
void note_declared(struct symbol *sym);
void report_reset_unit(void);
/* The position of a call as GCC gives it (the called name), from sparse's (the '('). */
struct position dmcs_call_pos(struct position pos);
/* The position of a store as GCC gives it (the assignment operator). */
struct position dmcs_store_pos(struct position pos);

/* ---- checks ------------------------------------------------------------------------------ */

struct dmcs_check {
	const char *name;
	void (*insn)(const struct flow *flow, struct instruction *insn);
	void (*function_end)(const struct flow *flow);
	void (*unit_end)(void);
};

extern const struct dmcs_check check_dma_on_stack;
extern const struct dmcs_check check_usb_dma_mask;
extern const struct dmcs_check check_urb_dma;

#endif /* DMACHECK_SPARSE_H */
