/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gcc-compat.h - every GCC header the plugin uses, and every GCC-version #if, in one place.
 *
 * Supported: GCC 11 and 12 (Debian bookworm's gcc-11-plugin-dev and gcc-12-plugin-dev).
 * The plugin must be built by the same GCC that loads it; plugin_init() refuses otherwise.
 * Standard C++ headers must not be included after these (GCC poisons some libc names), so
 * the plugin uses GCC's own vec<> and hash_map<>.
 */
#ifndef DMACHECK_GCC_COMPAT_H
#define DMACHECK_GCC_COMPAT_H

#include "gcc-plugin.h"
#include "plugin-version.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "tree.h"
#include "tree-pass.h"
#include "context.h"
#include "function.h"
#include "basic-block.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "gimple-ssa.h"
#include "tree-cfg.h"		/* label_to_block() of a switch case */
#include "ssa.h"
#include "stringpool.h"
#include "diagnostic.h"
#include "cgraph.h"
#include "hash-map.h"
#include "hash-set.h"
#include "cpplib.h"		/* cpp_defined(): the macros kbuild defines */
#include "intl.h"		/* G_() */

#if BUILDING_GCC_VERSION < 11000 || BUILDING_GCC_VERSION >= 13000
#error "dmacheck supports GCC 11 and 12 plugin headers"
#endif

#endif /* DMACHECK_GCC_COMPAT_H */
