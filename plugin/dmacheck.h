/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck.h - what the plugin's two files share: the GCC headers (gcc-compat.h), the
 * analysis' IR (analysis/dmacheck-ir.h) and the catalogue (rules/catalogue.h). The plugin is a front
 * end: gimple-ir.c translates each function's GIMPLE into the IR, dmacheck.c registers the
 * pass, parses the options and prints what the analysis reports. Everything the rules decide
 * is in analysis/ (docs/architecture.md).
 */
#ifndef DMACHECK_H
#define DMACHECK_H

#include "gcc-compat.h"
#include "dmacheck-ir.h"
#include "catalogue.h"

/* The IR of one function (GIMPLE in SSA form, before inlining). */
struct ir_fn *gimple_to_ir(function *fun);
/* PLUGIN_FINISH_DECL: a static initializer's function pointers (analysis_fnptr_init()). */
void gimple_ir_decl(const_tree decl);
/* Where a diagnostic at GIMPLE location loc belongs (see gimple-ir.c). */
ir_loc ir_location(location_t loc);
location_t gcc_location(ir_loc loc);

#endif /* DMACHECK_H */
