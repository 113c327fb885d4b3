/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck-sparse.h - what the files of the sparse front end share: the catalogue, types and
 * members of sparse's symbols (types.c), the translation into the analysis IR
 * (sparse-ir.c) and the printing of diagnostics (report.c).
 *
 * The sparse checker is a front end of the one analysis (analysis/, docs/architecture.md),
 * as the GCC plugin is: it reads sparse's linearized form, linearized without its
 * optimisation passes (mem2reg only) and without inlining, so that the kernel's DMA APIs and
 * the unit's own helpers are still calls, as in the plugin's pass after "ssa". Everything the
 * rules decide is in analysis/.
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
#include "dmacheck-ir.h"		/* analysis/: the IR and the analysis */

/* ---- types and members (types.c) ------------------------------------------------------ */

/* An identifier as a stable C string (NULL for none). */
const char *dmcs_ident(const struct ident *id);
/* The type behind typedefs and qualifiers (SYM_NODE chains). */
struct symbol *dmcs_base(struct symbol *type);
/* Name of a struct/union type ("urb"), NULL if none. */
const char *dmcs_record_name(struct symbol *type);
/* The struct a pointer value points to (for PSEUDO_SYM: the symbol's own type), or NULL. */
struct symbol *dmcs_pointee(struct entrypoint *ep, pseudo_t p);
/* Name of the function a call calls, NULL for indirect calls. */
const char *dmcs_call_name(struct instruction *insn);
/* The number of arguments of a call. */
unsigned int dmcs_call_nargs(struct instruction *insn);

/* ---- the IR (sparse-ir.c) ---------------------------------------------------------------- */

/* Which GCC position a sparse position stands for (report.c moves calls and stores). */
enum dmcs_loc_kind { LOC_PLAIN, LOC_CALL, LOC_STORE };

ir_loc dmcs_loc(struct position pos, enum dmcs_loc_kind kind);
struct position dmcs_position(ir_loc loc, enum dmcs_loc_kind *kind);
/* The IR of one linearized function (analysis/dmacheck-ir.h). */
struct ir_fn *sparse_to_ir(struct entrypoint *ep);
/* A static object's initializer: its function pointers, for analysis_fnptr_init(). */
void sparse_ir_fnptr_inits(struct symbol *sym);

/* ---- diagnostics (report.c) ------------------------------------------------------------ */

extern FILE *dmcs_out;		/* where findings go (stderr, kept when sparse's is muted) */
extern bool dmcs_as_errors;
extern unsigned int dmcs_findings;

/* What the analysis prints through (analysis_frontend). */
extern const struct analysis_frontend dmcs_frontend;
void report_reset_unit(void);
/* The position of a call as GCC gives it (the called name), from sparse's (the '('). */
struct position dmcs_call_pos(struct position pos);
/* The position of a store as GCC gives it (the assignment operator). */
struct position dmcs_store_pos(struct position pos);

#endif /* DMACHECK_SPARSE_H */
